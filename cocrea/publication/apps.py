from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationConfig(AppConfig):
    name = "cocrea.publication"
    label = "publication"
    verbose_name = _("The plan's document and its publication")

    def ready(self):
        from . import immutability

        immutability.connect()
