"""The versions of OGP's commitment template a plan may choose, as data.

A plan stores the key of one version; proposals and counterproposals are drafted in it. Each
version declares its fields and which of them a complete proposal requires (see the proposals
app, which renders, checks and compares them). An unknown version cannot be chosen. Here, in
`plans`, because choosing one is a setting of the plan."""

from django.utils.translation import gettext_lazy as _

# key -> label. The key is what `ActionPlan.template_version` and every proposal store.
VERSIONS = {
    "2017": _("OGP 2017"),
    "2022": _("OGP 2022"),
}
DEFAULT = "2022"


def choices() -> list[tuple[str, str]]:
    return [(key, label) for key, label in VERSIONS.items()]


def is_known(key: str) -> bool:
    return key in VERSIONS
