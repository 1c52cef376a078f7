from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "cocrea.plans"
    label = "plans"
    verbose_name = _("Action plans")

    def ready(self):
        # accounts sits below plans and asks it who manages login lockouts (accounts/hooks.py).
        from cocrea.accounts.hooks import register_lockout_manager

        from .queries import is_secretariat_anywhere

        register_lockout_manager(is_secretariat_anywhere)
