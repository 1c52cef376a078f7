"""The document as an editable DOCX (python-docx), in the same order as the PDF.

Word's own styles carry the structure: Title, Heading 1-3 (the navigation pane, the table of
contents field and comments anchored to headings work), Caption and Table Grid; milestone and
chronology tables repeat their header row on each page. The core properties give the title and
language, and the default run language is the document's, so Word checks spelling in it."""

import datetime
import io
import re

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from . import labels as L

_BLANK_LINE = re.compile(r"\n\s*\n")
DRAFT_COLOUR = RGBColor(0x9A, 0x34, 0x12)


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A Word field (PAGE, TOC) Word computes when it opens or updates the document."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run._r.append(begin)
    run = paragraph.add_run()
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = instruction
    run._r.append(code)
    run = paragraph.add_run()
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)
    paragraph.add_run(placeholder)
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _set_language(doc, language: str) -> None:
    """The default language of every run (spelling, hyphenation, screen readers)."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    properties = run_defaults.find(qn("w:rPr")) if run_defaults is not None else None
    if properties is None:
        return
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), language)


def _text(paragraph, text: str) -> None:
    """Lines of `text` as runs separated by line breaks."""
    lines = [line.strip() for line in text.split("\n")]
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        if index < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)


def _paragraphs(doc, text) -> None:
    text = L.clean(text).strip()
    for block in _BLANK_LINE.split(text):
        if block.strip():
            _text(doc.add_paragraph(), block.strip())


def _heading(doc, text, level: int) -> None:
    heading = doc.add_heading(" ".join(L.clean(text).split()) or "—", level=level)
    if level == 1:
        heading.paragraph_format.page_break_before = True


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _table(doc, caption: str, columns: list[str], rows: list[list], header: bool = True) -> None:
    doc.add_paragraph(L.clean(caption), style="Caption")
    width = max([len(columns)] + [len(row) for row in rows])
    table = doc.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    if header:
        cells = table.add_row().cells
        _repeat_header(table.rows[0])
        for cell, column in zip(cells, columns, strict=False):
            cell.text = ""
            cell.paragraphs[0].add_run(L.clean(column)).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=False):
            _text(cell.paragraphs[0], L.clean(value).strip())
    doc.add_paragraph()


def _title_page(doc, document: dict, words: dict) -> None:
    plan = document.get("plan") or {}
    doc.add_paragraph(words["subtitle"], style="Subtitle")
    doc.add_paragraph(" ".join(L.clean(document.get("title")).split()) or "—", style="Title")
    for label, value in (
        (words["country"], plan.get("country")),
        (words["period"], L.period(document)),
        (words["lead_agency"], plan.get("lead_agency")),
    ):
        if value:
            doc.add_paragraph(f"{label}: {L.clean(value)}")
    version = L.version_line(document)
    if version:
        doc.add_paragraph().add_run(version).bold = True
    if L.is_draft(document):
        run = doc.add_paragraph().add_run(words["draft_notice"])
        run.bold = True
        run.font.color.rgb = DRAFT_COLOUR
    contents = doc.add_paragraph(words["contents"], style="TOC Heading")
    contents.paragraph_format.page_break_before = True
    # Word fills the table of contents from the Heading styles (F9, or on printing).
    _field(doc.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', words["contents"] + " (F9)")


def _page_furniture(doc, document: dict, words: dict) -> None:
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.5)
    if L.is_draft(document):
        header = section.header.paragraphs[0]
        run = header.add_run(f"{words['draft'].upper()} — {L.version_line(document)}")
        run.font.color.rgb = DRAFT_COLOUR
        run.font.size = Pt(9)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(footer, "PAGE", "1")


def _process(doc, document: dict, words: dict) -> None:
    process = document.get("process")
    if not process:
        return
    _heading(doc, process.get("title"), 1)
    _paragraphs(doc, process.get("body"))
    for key in ("figures", "reach"):
        entries = process.get(key) or []
        if entries:
            _heading(doc, words[key], 2)
            rows = [[entry.get("label", ""), entry.get("value", "")] for entry in entries]
            _table(doc, words[key], [], rows, header=False)
    chronology = process.get("chronology") or []
    if chronology:
        _heading(doc, words["chronology"], 2)
        columns = ["#", words["step"], words["responsible"], words["planned"], words["held"]]
        rows = [
            [
                step.get("number", ""),
                step.get("title", ""),
                step.get("responsible", ""),
                L.planned(step),
                L.held(step),
                step.get("status", ""),
            ]
            for step in chronology
        ]
        _table(doc, words["chronology"], [*columns, words["status"]], rows)


def _commitment(doc, document: dict, commitment: dict) -> None:
    _heading(doc, L.commitment_heading(document, commitment), 3)
    for part in commitment.get("sections") or []:
        label = doc.add_paragraph()
        label.add_run(L.clean(part.get("label"))).bold = True
        for item in part.get("items") or []:
            doc.add_paragraph().add_run(L.clean(item.get("label"))).italic = True
            _paragraphs(doc, item.get("value") or "—")
        table = part.get("table")
        if table:
            columns = ["#", *(table.get("columns") or [])]
            rows = [[number, *row] for number, row in enumerate(table.get("rows") or [], 1)]
            _table(doc, table.get("label") or "", columns, rows)


def _timestamp(document: dict) -> datetime.datetime | None:
    issued = (document.get("version") or {}).get("issued_at")
    try:
        return datetime.datetime.fromisoformat(str(issued)) if issued else None
    except ValueError:
        return None


def render_docx(document: dict) -> bytes:
    """The document as an editable DOCX."""
    words = L.labels(document)
    language = L.language(document)
    doc = Document()
    properties = doc.core_properties
    properties.title = " ".join(L.clean(document.get("title")).split())
    properties.subject = words["subtitle"]
    properties.language = language
    properties.author = L.clean((document.get("plan") or {}).get("lead_agency"))
    properties.comments = L.version_line(document)
    issued = _timestamp(document)
    if issued:
        properties.created = properties.modified = issued
    _set_language(doc, language)
    _page_furniture(doc, document, words)
    _title_page(doc, document, words)
    for section in document.get("sections") or []:
        _heading(doc, section.get("title"), 1)
        _paragraphs(doc, section.get("body"))
    _process(doc, document, words)
    _heading(doc, words["commitments"], 1)
    axes = document.get("axes") or []
    if not axes:
        doc.add_paragraph(words["no_commitments"])
    for axis in axes:
        _heading(doc, f"{axis.get('number', '')}. {axis.get('name', '')}", 2)
        for commitment in axis.get("commitments") or []:
            _commitment(doc, document, commitment)
    annexes = document.get("annexes") or []
    if annexes:
        _heading(doc, words["annexes"], 1)
        for annex in annexes:
            _heading(doc, annex.get("title"), 2)
            if annex.get("rows"):
                _table(doc, annex.get("title") or "", annex.get("columns") or [], annex["rows"])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
