"""The document as PDF, through typst (the `typst` package embeds the compiler and its fonts).

The document is written as typst markup in which every text of the data goes through `escape`
(markup) or `string` (code): nothing a person typed can become typst code, markup, math, a label
or a comment. The PDF is PDF/UA-1 (tagged, with its language and title), A4, numbered, with an
outline, real headings, and tables whose header row repeats when they break across pages."""

import datetime
import logging
import re
import string as _string
import threading

import typst

from . import labels as L

logger = logging.getLogger("cocrea.publication")

# The only font families used, all embedded in typst itself (no system font is assumed):
# Libertinus Serif covers Latin with accents, ¿ ¡ and the dashes; DejaVu Sans Mono is unused.
FONT = "Libertinus Serif"

# Every ASCII punctuation character can begin some typst syntax (markup, code, math, labels,
# references, comments, shorthands such as -- or ..., list and heading markers at a line start),
# and typst accepts a backslash before any of them as "this character, literally".
_SPECIAL = frozenset(_string.punctuation)
_BLANK_LINE = re.compile(r"\n\s*\n")
_clean = L.clean


def _escape_line(line: str) -> str:
    return "".join("\\" + char if char in _SPECIAL else char for char in line)


def escape(text, *, breaks: bool = True) -> str:
    """`text` as typst markup that shows exactly that text. Line breaks stay line breaks (typst's
    forced break), blank lines separate paragraphs; with `breaks=False` (headings) they become
    spaces."""
    text = _clean(text)
    if not breaks:
        return _escape_line(" ".join(text.split()))
    paragraphs = []
    for paragraph in _BLANK_LINE.split(text):
        lines = [line.strip() for line in paragraph.split("\n")]
        lines = [_escape_line(line) for line in lines if line]
        if lines:
            # "\" followed by a newline is typst's forced line break.
            paragraphs.append(" \\\n".join(lines))
    return "\n\n".join(paragraphs)


def string(text) -> str:
    """`text` as a typst string literal (for code: metadata, arguments)."""
    text = _clean(text).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\n", "\\n").replace("\t", "\\t") + '"'


def _cell(text) -> str:
    return "[" + escape(text) + "]"


def _table(out: list[str], caption: str, columns: list, rows: list[list], widths: str) -> None:
    """A table with a caption, a header row repeated on each page, breakable across pages.
    Every row has as many cells as there are columns (short rows padded, long ones cut: typst
    would otherwise flow the extra cells into the next row)."""
    count = len(columns)
    out.append(f"#figure(kind: table, caption: [{escape(caption, breaks=False)}], table(")
    out.append(f"  columns: {widths},")
    out.append("  table.header(" + ", ".join(_cell(column) for column in columns) + "),")
    for row in rows:
        cells = (list(row) + [""] * count)[:count]
        out.append("  " + ", ".join(_cell(cell) for cell in cells) + ",")
    out.append("))")
    out.append("")


# A column whose texts are all this short (numbers, dates, percentages) takes its own width.
SHORT = 12


def _fitted(columns: list, rows: list[list]) -> str:
    """Column widths for a table of texts: short columns as wide as their text, the others
    sharing the rest, the first of them (a milestone's description) twice as wide."""
    parts = []
    for index, column in enumerate(columns):
        # the headers wrap: the cells decide
        texts = [str(row[index]) for row in rows if index < len(row)] or [str(column)]
        parts.append("auto" if max(len(text) for text in texts) <= SHORT else "1fr")
    if "1fr" in parts:
        parts[parts.index("1fr")] = "2fr"
    else:
        parts = ["1fr"] * len(parts)
    return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"


def _widths(count: int, first_auto: bool = True) -> str:
    parts = (["auto"] if first_auto else ["1fr"]) + ["1fr"] * (count - 1)
    return "(" + ", ".join(parts) + ("," if count == 1 else "") + ")"


def _heading(out: list[str], level: int, text: str) -> None:
    out.append("=" * level + " " + (escape(text, breaks=False) or "—"))
    out.append("")


def _paragraphs(out: list[str], text: str) -> None:
    body = escape(text)
    if body:
        out.append(body)
        out.append("")


def _preamble(out: list[str], document: dict, words: dict) -> None:
    lang = L.language(document)
    title = document.get("title") or ""
    out.append(f"#set document(title: {string(title)})")
    out.append(f'#set text(lang: {string(lang)}, font: "{FONT}", size: 11pt)')
    out.append("#set par(leading: 0.7em, spacing: 1.1em)")
    out.append("#set heading(numbering: none)")
    out.append("#show heading.where(level: 1): it => { pagebreak(weak: true); it }")
    out.append("#show heading: set block(above: 1.4em, below: 0.8em)")
    out.append("#show figure: set block(breakable: true)")
    out.append("#show figure.where(kind: table): set figure.caption(position: top)")
    out.append("#set table(stroke: 0.5pt + luma(170), inset: 5pt, align: start + top)")
    out.append("#show heading.where(level: 1): set text(size: 18pt)")
    out.append("#show heading.where(level: 2): set text(size: 15pt)")
    out.append("#show heading.where(level: 3): set text(size: 13pt)")
    out.append("#show table: set text(size: 9pt)")
    out.append("#show table: set par(justify: false)")
    out.append('#show table.cell.where(y: 0): set text(weight: "bold")')
    header = escape(title, breaks=False)
    if L.is_draft(document):
        header += " — " + escape(L.version_line(document), breaks=False)
        mark = escape(words["draft"].upper(), breaks=False)
        background = f'rotate(-40deg, text(90pt, fill: luma(238), weight: "bold")[{mark}])'
    else:
        background = "none"
    out.append(
        '#set page(paper: "a4", margin: (x: 2.2cm, y: 2.5cm), numbering: "1",'
        f" background: {background},"
        f" header: context {{ if here().page() > 1 {{ set text(size: 8pt, fill: luma(90));"
        f" [{header}] }} }})"
    )
    out.append("")


def _title_page(out: list[str], document: dict, words: dict) -> None:
    plan = document.get("plan") or {}
    out.append("#page(numbering: none, header: none)[")
    out.append("#v(5cm)")
    out.append("#align(center)[")
    out.append(f"#text(size: 12pt)[{escape(words['subtitle'], breaks=False)}]")
    out.append("#v(0.6cm)")
    out.append(f"#title[{escape(document.get('title') or '—', breaks=False)}]")
    out.append("#v(1cm)")
    details = [
        (words["country"], plan.get("country")),
        (words["period"], L.period(document)),
        (words["lead_agency"], plan.get("lead_agency")),
    ]
    for label, value in details:
        if value:
            out.append(f"#text(size: 12pt)[{escape(label)}: {escape(value, breaks=False)}]\\")
    version = L.version_line(document)
    if version:
        out.append("#v(0.8cm)")
        out.append(f'#text(size: 13pt, weight: "bold")[{escape(version, breaks=False)}]')
    if L.is_draft(document):
        out.append("#v(0.4cm)")
        out.append(
            '#block(stroke: 1pt + rgb("#9a3412"), inset: 8pt)'
            f'[#text(fill: rgb("#9a3412"))[{escape(words["draft_notice"])}]]'
        )
    out.append("]")
    out.append("]")
    out.append("")
    out.append(f"#outline(title: [{escape(words['contents'], breaks=False)}], depth: 3)")
    out.append("")


def _process(out: list[str], document: dict, words: dict) -> None:
    process = document.get("process")
    if not process:
        return
    _heading(out, 1, process.get("title") or "")
    _paragraphs(out, process.get("body") or "")
    for key in ("figures", "reach"):
        entries = process.get(key) or []
        if entries:
            _heading(out, 2, words[key])
            rows = [[entry.get("label", ""), str(entry.get("value", ""))] for entry in entries]
            _figures(out, words[key], rows)
    chronology = process.get("chronology") or []
    if chronology:
        _heading(out, 2, words["chronology"])
        rows = [
            [
                str(step.get("number", "")),
                step.get("title", ""),
                step.get("responsible", ""),
                L.planned(step),
                L.held(step),
                step.get("status", ""),
            ]
            for step in chronology
        ]
        columns = ["#", words["step"], words["responsible"], words["planned"], words["held"]]
        _table(
            out,
            words["chronology"],
            [*columns, words["status"]],
            rows,
            "(auto, 2fr, 1.4fr, 1.2fr, 1.2fr, auto)",
        )


def _figures(out: list[str], caption: str, rows: list[list[str]]) -> None:
    """Figures as a two-column table without a header: label, value (right-aligned)."""
    out.append(f"#figure(kind: table, caption: [{escape(caption, breaks=False)}], table(")
    out.append("  columns: (1fr, auto), align: (left, right),")
    for label, value in rows:
        out.append(f"  [{escape(label)}], [{escape(value)}],")
    out.append("))")
    out.append("")


def _commitment(out: list[str], document: dict, commitment: dict, words: dict) -> None:
    _heading(out, 3, L.commitment_heading(document, commitment))
    for part in commitment.get("sections") or []:
        label = escape(part.get("label", ""), breaks=False)
        out.append(f'#block(above: 1.1em, below: 0.6em)[#text(weight: "bold")[{label}]]')
        out.append("")
        for item in part.get("items") or []:
            label = escape(item.get("label", ""), breaks=False)
            out.append(f"#block(below: 0.4em)[#emph[{label}]]")
            out.append("")
            _paragraphs(out, item.get("value") or "—")
        table = part.get("table")
        if table:
            columns = ["#", *(table.get("columns") or [])]
            rows = [
                [str(number), *row] for number, row in enumerate(table.get("rows") or [], start=1)
            ]
            _table(out, table.get("label") or "", columns, rows, _fitted(columns, rows))


def _axes(out: list[str], document: dict, words: dict) -> None:
    axes = document.get("axes") or []
    _heading(out, 1, words["commitments"])
    if not axes:
        _paragraphs(out, words["no_commitments"])
        return
    for axis in axes:
        _heading(out, 2, f"{axis.get('number', '')}. {axis.get('name', '')}")
        for commitment in axis.get("commitments") or []:
            _commitment(out, document, commitment, words)


def _annexes(out: list[str], document: dict, words: dict) -> None:
    annexes = document.get("annexes") or []
    if not annexes:
        return
    _heading(out, 1, words["annexes"])
    for annex in annexes:
        _heading(out, 2, annex.get("title") or "")
        rows = annex.get("rows") or []
        columns = annex.get("columns") or [""] * max(len(row) for row in rows or [[""]])
        if rows:
            _table(out, annex.get("title") or "", columns, rows, _widths(len(columns), False))


def source(document: dict) -> str:
    """The typst source of the document."""
    words = L.labels(document)
    out: list[str] = []
    _preamble(out, document, words)
    _title_page(out, document, words)
    for section in document.get("sections") or []:
        _heading(out, 1, section.get("title") or "")
        _paragraphs(out, section.get("body") or "")
    _process(out, document, words)
    _axes(out, document, words)
    _annexes(out, document, words)
    return "\n".join(out)


def _timestamp(document: dict) -> datetime.datetime | None:
    """The version's issue time, so a version's PDF is the same bytes whenever it is produced."""
    issued = (document.get("version") or {}).get("issued_at")
    if not issued:
        return None
    try:
        moment = datetime.datetime.fromisoformat(str(issued))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(datetime.UTC).replace(microsecond=0)


_compiler: typst.Compiler | None = None
_compiler_lock = threading.Lock()


def render_pdf(document: dict) -> bytes:
    """The document as a PDF/UA-1 file (tagged PDF with its language and title)."""
    global _compiler
    data = source(document).encode("utf-8")
    timestamp = _timestamp(document)
    # One compiler per process: making one (loading the embedded fonts, the standard library)
    # costs about twice the compilation of a plan; typst bounds its own caches between runs.
    with _compiler_lock:
        if _compiler is None:
            _compiler = typst.Compiler(ignore_system_fonts=True)
        try:
            return _compiler.compile(data, pdf_standards="ua-1", timestamp=timestamp)
        except typst.TypstError as error:
            # A PDF/UA rule the content cannot meet must not cost the plan its PDF: fall back
            # to a tagged PDF without the claim of conformance.
            logger.warning("PDF/UA-1 refused, producing a tagged PDF: %s", error)
            return _compiler.compile(data, timestamp=timestamp)
