from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo (Panama's 2017 co-creation) and its `demo` command: at the top of the import
    layers, it loads every domain app's part of the demo through their actions."""

    name = "cocrea.demo"
    label = "demo"
    verbose_name = _("Demo")
