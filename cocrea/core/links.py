from django.conf import settings


def absolute_url(path: str) -> str:
    """The public address of a site path, for links sent by e-mail (`SITE_URL`)."""
    return settings.SITE_URL.rstrip("/") + path
