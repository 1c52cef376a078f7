"""The renderers of a version's document (see cocrea/publication/content.py for its shape):
`render_pdf(document) -> bytes` and `render_docx(document) -> bytes`."""


def render_pdf(document: dict) -> bytes:
    raise NotImplementedError("render_pdf")


def render_docx(document: dict) -> bytes:
    raise NotImplementedError("render_docx")
