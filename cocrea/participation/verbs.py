"""The verbs of the participation app in the action log, with the label the activity pages show
("<who> <label>: <what>"). `log_action` refuses a verb that is not declared here."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "participation.add_requirement": _("added a requirement for leaders and participants"),
    "participation.remove_requirement": _("removed a requirement for leaders and participants"),
    "participation.send_invitation": _("sent an invitation"),
    "participation.resend_invitation": _("sent an invitation again"),
    "participation.revoke_invitation": _("revoked an invitation"),
    "participation.accept_invitation": _("accepted an invitation"),
    "participation.decline_invitation": _("declined an invitation"),
    "participation.confirm_invitation": _("confirmed an invitation"),
    "participation.publish_call": _("published the open call"),
    "participation.register_call": _("registered in the open call"),
    "participation.confirm_registration": _("confirmed a registration in the open call"),
    "participation.send_data_link": _("sent a link to a person's own data"),
    "participation.open_own_data": _("opened their own data"),
    "participation.download_data": _("downloaded their own data"),
    "participation.correct_registration": _("corrected their own data"),
    "participation.revoke_consent": _("withdrew their consent"),
    "participation.renew_consent": _("consented to a new privacy notice"),
    "participation.publish_notice": _("published a new version of the privacy notice"),
    "participation.erase_registration": _("erased a registration"),
    "participation.request_liaison": _("asked an institution for a liaison"),
    "participation.designate_liaison": _("designated a liaison"),
    "participation.decline_liaison": _("declined to designate a liaison"),
    "participation.remind_liaison": _("sent a reminder to name a liaison"),
}
