"""The document as an editable DOCX (python-docx), in the same order as the PDF.

Word's own styles carry the structure: Title, Heading 1-3 (the navigation pane, the table of
contents field and comments anchored to headings work), Caption and Table Grid; milestone and
chronology tables repeat their header row on each page. The core properties give the title and
language, and the default run language is the document's, so Word checks spelling in it."""

import datetime
import io
import re

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

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


_P, _PPR, _PSTYLE, _PAGE_BREAK = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:pageBreakBefore")
_R, _RPR, _B, _I, _T, _BR = qn("w:r"), qn("w:rPr"), qn("w:b"), qn("w:i"), qn("w:t"), qn("w:br")
_VAL, _SPACE = qn("w:val"), qn("xml:space")


def _run(p, text: str, *, bold: bool = False, italic: bool = False) -> None:
    """Lines of `text` as one run of `p` with line breaks."""
    run = etree.SubElement(p, _R)
    if bold or italic:
        properties = etree.SubElement(run, _RPR)
        if bold:
            etree.SubElement(properties, _B)
        if italic:
            etree.SubElement(properties, _I)
    for index, line in enumerate(line.strip() for line in text.split("\n")):
        if index:
            etree.SubElement(run, _BR)
        if line:
            element = etree.SubElement(run, _T)
            element.text = line
            element.set(_SPACE, "preserve")


def _paragraph(doc, text: str = "", *, style: str = "", bold=False, italic=False, page_break=False):
    """A paragraph at the end of the body, in Word's style id `style` ("Heading1"). Written as
    XML: python-docx's add_paragraph, add_run and style names (looked up through every style of
    the document each time) cost most of a plan's rendering time."""
    body = doc.element.body
    p = etree.SubElement(body, _P)
    # The body's section properties stay its last child.
    body.sectPr.addprevious(p)
    if style or page_break:
        properties = etree.SubElement(p, _PPR)
        if style:
            etree.SubElement(properties, _PSTYLE).set(_VAL, style)
        if page_break:
            etree.SubElement(properties, _PAGE_BREAK)
    if text:
        _run(p, text, bold=bold, italic=italic)
    return p


def _paragraphs(doc, text) -> None:
    text = L.clean(text).strip()
    for block in _BLANK_LINE.split(text):
        if block.strip():
            _paragraph(doc, block.strip())


def _heading(doc, text, level: int) -> None:
    text = " ".join(L.clean(text).split()) or "—"
    _paragraph(doc, text, style=f"Heading{level}", page_break=level == 1)


def _repeat_header(tr) -> None:
    properties = tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(_VAL, "true")
    properties.append(header)


def _table(doc, caption: str, columns: list[str], rows: list[list], header: bool = True) -> None:
    _paragraph(doc, L.clean(caption), style="Caption")
    width = max([len(columns)] + [len(row) for row in rows])
    # All rows made at once and filled through their XML: python-docx's add_row and cells
    # walk the whole table on each call.
    table = doc.add_table(rows=len(rows) + (1 if header else 0), cols=width)
    table._tbl.tblStyle_val = "TableGrid"
    trs = table._tbl.tr_lst
    if header:
        _repeat_header(trs[0])
        for tc, column in zip(trs[0].tc_lst, columns, strict=False):
            _run(tc.p_lst[0], L.clean(column), bold=True)
        trs = trs[1:]
    for tr, row in zip(trs, rows, strict=False):
        for tc, value in zip(tr.tc_lst, row, strict=False):
            _run(tc.p_lst[0], L.clean(value).strip())
    _paragraph(doc)


def _title_page(doc, document: dict, words: dict) -> None:
    plan = document.get("plan") or {}
    _paragraph(doc, words["subtitle"], style="Subtitle")
    _paragraph(doc, " ".join(L.clean(document.get("title")).split()) or "—", style="Title")
    for label, value in (
        (words["country"], plan.get("country")),
        (words["period"], L.period(document)),
        (words["lead_agency"], plan.get("lead_agency")),
    ):
        if value:
            _paragraph(doc, f"{label}: {L.clean(value)}")
    version = L.version_line(document)
    if version:
        _paragraph(doc, version, bold=True)
    if L.is_draft(document):
        run = doc.add_paragraph().add_run(words["draft_notice"])
        run.bold = True
        run.font.color.rgb = DRAFT_COLOUR
    _paragraph(doc, words["contents"], style="TOCHeading", page_break=True)
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
        _paragraph(doc, L.clean(part.get("label")), bold=True)
        for item in part.get("items") or []:
            _paragraph(doc, L.clean(item.get("label")), italic=True)
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
        _paragraph(doc, words["no_commitments"])
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
