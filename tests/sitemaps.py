"""Reading the sitemap as a crawler does: the index, then every file it lists."""

import re

INDEX = "/sitemap.xml"


def sitemap_files(client) -> list[str]:
    """The paths (with their query) of the files the sitemap index lists."""
    index = client.get(INDEX)
    assert index.status_code == 200
    return [
        re.sub(r"^https?://[^/]+", "", loc).replace("&amp;", "&")
        for loc in re.findall(r"<loc>([^<]*)</loc>", index.content.decode())
    ]


def whole_sitemap(client) -> str:
    """Every sitemap file the index lists, concatenated."""
    parts = []
    for path in sitemap_files(client):
        response = client.get(path)
        assert response.status_code == 200, path
        parts.append(response.content.decode())
    return "\n".join(parts)
