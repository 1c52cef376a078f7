from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "cocrea.participation"
    label = "participation"
    verbose_name = _("Participation")

    def ready(self):
        # accounts sits below participation and asks it where the privacy notice is that the
        # sign-up form links (accounts/hooks.py).
        from cocrea.accounts.hooks import (
            register_privacy_notice_record,
            register_privacy_notice_url,
        )

        from .queries import current_notice_record, privacy_notice_url

        register_privacy_notice_url(privacy_notice_url)
        register_privacy_notice_record(current_notice_record)
