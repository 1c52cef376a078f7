"""The renderers of a version's document (see cocrea/publication/content.py for its shape):
`render_pdf(document) -> bytes` (typst, `pdf.py`) and `render_docx(document) -> bytes`
(python-docx, `word.py`). A document may carry `version`: {"label", "issued_at", "final"}; a
version that is not final is marked as a draft. The HTML rendering is the template
publication/_document.html."""

from .pdf import render_pdf
from .word import render_docx

__all__ = ["render_docx", "render_pdf"]
