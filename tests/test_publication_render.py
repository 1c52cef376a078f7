"""The plan's document rendered as PDF (typst), DOCX (python-docx) and HTML: every commitment
title and milestone in each language, accents kept, the text of the data shown literally (never
run as typst code), an empty document, the draft marks, the PDF's language, title and tags, Word's
heading styles, and the HTML include's headings, captions and languages."""

import io
import re

import docx
import pypdf
import pytest
import typst
from django.template import Template
from django.template.loader import render_to_string
from django.utils import translation

from cocrea.core.actions import SYSTEM
from cocrea.publication import actions, content
from cocrea.publication.models import DraftFile
from cocrea.publication.render import render_docx, render_pdf
from cocrea.publication.render.pdf import _fitted, escape, source, string

from .factories_render import COMMITMENTS, document, milestone_texts, plan_with_commitments

NASTY_TITLE = "#set page(width: 1pt) *bold* $x$"

# Text a person may type that typst would read as code, markup, math, labels, references,
# comments, shorthands or list and heading markers.
CORPUS = [
    NASTY_TITLE,
    '#read("/etc/passwd")',
    "#{ panic() }",
    '#import "evil.typ": *',
    "#let x = 1",
    "*bold* _emph_ `raw` ```py code```",
    "$x^2 + y_1$",
    "<label> @reference",
    "= Not a heading",
    "== Not a heading either",
    "- not a list",
    "+ not an enumeration",
    "/ Term: not a term list",
    "1. not numbered",
    "// not a comment",
    "/* not a comment */ after",
    "back\\slash \\u{41} \\",
    "tilde~nbsp -- en --- em ... dots -? soft",
    "[content] {code} (parens)",
    "\"double\" 'single'",
    "http://example.org/a_b*c#d",
    "50% & 10 | 5 ^ 2 ! ? ; : ,",
    "áéíóú ÁÉÍÓÚ ñÑ ü ¿Qué? ¡Sí! – —",
    "ends with a backslash\\",
]


def normal(text: str) -> str:
    return " ".join(text.split())


def pdf_reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def pdf_text(data: bytes) -> str:
    return normal(" ".join(page.extract_text() for page in pdf_reader(data).pages))


def docx_text(data: bytes) -> str:
    word = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in word.sections:
        parts.extend(paragraph.text for paragraph in section.header.paragraphs)
    return normal(" ".join(parts))


def headings(data: bytes) -> list[tuple[str, str]]:
    word = docx.Document(io.BytesIO(data))
    return [
        (paragraph.style.name, paragraph.text)
        for paragraph in word.paragraphs
        if paragraph.style.name.startswith(("Heading", "Title"))
    ]


# --- escaping -----------------------------------------------------------------------------------


def test_escape_puts_a_backslash_before_every_ascii_punctuation_character():
    assert escape("#a*b_c") == "\\#a\\*b\\_c"
    assert escape("= x") == "\\= x"
    assert escape("Año 2017") == "Año 2017"


def test_escape_keeps_line_breaks_and_paragraphs_and_drops_control_characters():
    assert escape("one\ntwo\n\n\nthree\r\nfour") == "one \\\ntwo\n\nthree \\\nfour"
    assert escape("a\x00b\x1bc\x7f") == "abc"
    assert escape("  one\n two  ", breaks=False) == "one two"


def test_string_is_a_typst_string_literal():
    assert string('say "hi" \\ bye\nnext') == '"say \\"hi\\" \\\\ bye\\nnext"'


def test_table_columns_of_short_texts_fit_them_and_the_first_long_one_is_widest():
    columns = ["#", "Hito", "Fecha de inicio", "Fecha de término", "Productos"]
    rows = [
        ["1", "Reglamento del observatorio acordado", "2017-11-01", "2018-02-28", "Informe anual"]
    ]
    assert _fitted(columns, rows) == "(auto, 2fr, auto, auto, 1fr)"
    assert _fitted(["a", "b"], [["1", "2"]]) == "(1fr, 1fr)"
    assert _fitted(["Hito"], []) == "(1fr,)"


@pytest.mark.parametrize("text", CORPUS)
def test_escaped_text_renders_literally(text):
    markup = f'#set text(font: "Libertinus Serif")\n{escape(text)}\n'
    data = typst.compile(markup.encode(), ignore_system_fonts=True)
    assert pdf_text(data) == normal(text)


@pytest.mark.parametrize("text", CORPUS)
def test_a_string_literal_is_the_same_text_in_the_pdf_metadata(text):
    markup = f"#set document(title: {string(text)})\nx"
    data = typst.compile(markup.encode(), ignore_system_fonts=True)
    assert pdf_reader(data).metadata.title == text


def test_a_document_made_of_typst_code_renders_it_as_text():
    made = document(commitments=1, title=NASTY_TITLE)
    made["axes"][0]["commitments"][0]["title"] = NASTY_TITLE
    made["sections"][0]["body"] = "\n".join(CORPUS)
    data = render_pdf(made)
    text = pdf_text(data)
    # the title page, the running header, the outline and the commitment's heading
    assert text.count(NASTY_TITLE) >= 3
    assert f"Compromiso 1: {NASTY_TITLE}" in text
    for line in CORPUS:
        assert normal(line) in text
    assert pdf_reader(data).metadata.title == NASTY_TITLE
    # the page width was not set to 1 pt: A4 (595 x 842 pt)
    box = pdf_reader(data).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


# --- PDF ----------------------------------------------------------------------------------------


def test_the_pdf_has_every_part_in_order_with_the_commitments_and_milestones():
    made = document(commitments=4, milestones=2)
    text = pdf_text(render_pdf(made))
    order = [
        "Tercer Plan de Acción Nacional de Gobierno Abierto",
        "País: Panamá",
        "Período: 2017-07-01 – 2019-06-30",
        "Índice",
        "Introducción Panamá se unió a la Alianza en 2012. Este es su tercer plan.",
        "El proceso de cocreación Mesas de trabajo en todo el país.",
        "Participantes 312",
        "Provincias alcanzadas 9",
        "1 Convocatoria ANTAI 2017-03-01 – 2017-03-31 2017-03-02 – 2017-04-05 Cerrado",
        "Compromisos",
        "1. Eje temático 1",
        "Compromiso 1: Compromiso número 1 de transparencia",
        "1 Hito 1.1 del compromiso 2017-09-01 2019-06-30",
        "2 Hito 1.2 del compromiso",
        "2. Eje temático 2",
        "Compromiso 4: Compromiso número 4 de transparencia",
        "Hito 4.2 del compromiso",
        "Anexos",
        "Respuesta razonada",
        "Datos abiertos Seleccionada",
    ]
    # each part after the one before it (the outline's entries are before "Introducción ...")
    at, missing = 0, []
    for part in order:
        found = text.find(part, at)
        if found < 0:
            missing.append(part)
        else:
            at = found + len(part)
    assert missing == []


def test_the_pdf_says_its_language_title_and_is_tagged_pdf_ua():
    data = render_pdf(document(commitments=1))
    reader = pdf_reader(data)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "es"
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in root
    assert reader.metadata.title == "Tercer Plan de Acción Nacional de Gobierno Abierto"
    assert b"<pdfuaid:part>1</pdfuaid:part>" in data

    english = pdf_reader(render_pdf(document(language="en")))
    assert english.trailer["/Root"]["/Lang"] == "en"


def structure_roles(data: bytes) -> dict[str, int]:
    """How many elements of each role the PDF's structure tree (its tags) holds."""
    roles: dict[str, int] = {}

    def walk(node):
        node = node.get_object()
        if isinstance(node, pypdf.generic.DictionaryObject):
            if "/S" in node:
                roles[str(node["/S"])] = roles.get(str(node["/S"]), 0) + 1
            if "/K" in node:
                walk(node["/K"])
        elif isinstance(node, pypdf.generic.ArrayObject):
            for child in node:
                walk(child)

    walk(pdf_reader(data).trailer["/Root"]["/StructTreeRoot"])
    return roles


def test_the_pdf_s_tags_hold_its_title_headings_and_tables():
    roles = structure_roles(render_pdf(document(commitments=2)))
    assert roles["/Title"] == 1
    # the contents' heading, 2 sections, the process, the commitments, the annexes
    assert roles["/H1"] == 6
    assert roles["/H3"] == 2  # the commitments
    # figures, reach, chronology, 2 milestone tables, the annex; 4 with header cells
    assert (roles["/Table"], roles["/THead"], roles["/Caption"]) == (6, 4, 6)


def test_a_text_no_embedded_font_can_show_still_gives_a_tagged_pdf_without_the_ua_claim(caplog):
    made = document(commitments=1)
    made["sections"][0]["body"] = "Gracias 😀 por participar"
    data = render_pdf(made)
    assert "Gracias" in pdf_text(data) and "por participar" in pdf_text(data)
    assert b"pdfuaid" not in data
    assert bool(pdf_reader(data).trailer["/Root"]["/MarkInfo"]["/Marked"]) is True
    assert "PDF/UA-1 refused" in caplog.text


def test_the_pdf_has_an_outline_of_its_headings():
    reader = pdf_reader(render_pdf(document(commitments=2)))
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == [
        "Introducción",
        "Contexto del gobierno abierto",
        "El proceso de cocreación",
        "Compromisos",
        "Anexos",
    ]


def test_an_empty_document_renders_in_both_formats():
    empty = {"language": "es", "title": "", "plan": {}, "sections": [], "axes": [], "annexes": []}
    text = pdf_text(render_pdf(empty))
    assert "Compromisos Aún no hay compromisos." in text
    assert "Compromisos Aún no hay compromisos." in docx_text(render_docx(empty))


def test_a_document_with_nothing_at_all_still_renders():
    assert pdf_reader(render_pdf({})).pages
    assert docx.Document(io.BytesIO(render_docx({}))).paragraphs


def test_rows_of_another_width_than_their_columns_and_odd_values_render():
    made = document(commitments=1)
    table = made["axes"][0]["commitments"][0]["sections"][1]["table"]
    table["rows"] = [["solo una celda"], ["a", "b", "c", "cuarta celda de más", "quinta"]]
    made["annexes"] = [
        {
            "anchor": "annex:x",
            "key": "x",
            "title": "Sin columnas",
            "columns": [],
            "rows": [["z", 7]],
        }
    ]
    made["process"]["figures"] = [{"key": "n", "label": "Número", "value": 12}]
    made["axes"][0]["commitments"][0]["sections"][0]["items"][0]["value"] = None
    pdf, word = pdf_text(render_pdf(made)), docx_text(render_docx(made))
    assert "1 solo una celda 2 a b c" in pdf  # the second row is cut at the 4 columns
    assert "cuarta celda de más" not in pdf
    assert "Sin columnas z 7" in pdf
    assert "Número 12" in pdf and "Número 12" in word
    assert "Problema —" in pdf


def test_a_long_milestone_table_breaks_across_pages_and_repeats_its_header():
    made = document(commitments=1, milestones=80)
    reader = pdf_reader(render_pdf(made))
    pages = [normal(page.extract_text()) for page in reader.pages]
    with_rows = [page for page in pages if "del compromiso" in page]
    assert len(with_rows) >= 2
    for page in with_rows:
        assert "# Hito Fecha de inicio Fecha de término" in page
    assert "80 Hito 1.80 del compromiso" in pages[-1] or any(
        "80 Hito 1.80 del compromiso" in page for page in with_rows
    )


def test_a_draft_is_marked_on_its_title_page_and_pages_and_a_final_version_is_not():
    draft = document(
        commitments=1, version={"label": "0.2", "issued_at": "2026-12-01T10:00:00+00:00"}
    )
    text = pdf_text(render_pdf(draft))
    assert "Versión 0.2 — Borrador — 2026-12-01" in text
    assert "Borrador para comentarios: este texto aún puede cambiar." in text
    assert text.count("BORRADOR") == len(pdf_reader(render_pdf(draft)).pages)

    final = document(
        commitments=1,
        version={"label": "1.0", "issued_at": "2026-12-20T10:00:00+00:00", "final": True},
    )
    text = pdf_text(render_pdf(final))
    assert "Versión 1.0 — Versión final — 2026-12-20" in text
    assert "BORRADOR" not in text and "Borrador" not in text


def test_a_version_s_pdf_is_the_same_bytes_each_time_it_is_produced():
    made = document(commitments=2, version={"label": "0.1", "issued_at": "2026-12-01T10:00:00"})
    assert render_pdf(made) == render_pdf(made)


def test_the_pdf_source_uses_only_fonts_typst_embeds():
    assert re.findall(r'font: "([^"]+)"', source(document(commitments=1))) == ["Libertinus Serif"]
    families = typst.Fonts(include_system_fonts=False).families()
    assert "Libertinus Serif" in families


# --- DOCX ---------------------------------------------------------------------------------------


def test_the_docx_uses_word_heading_styles_in_the_document_s_order():
    data = render_docx(document(commitments=4))
    assert headings(data) == [
        ("Title", "Tercer Plan de Acción Nacional de Gobierno Abierto"),
        ("Heading 1", "Introducción"),
        ("Heading 1", "Contexto del gobierno abierto"),
        ("Heading 1", "El proceso de cocreación"),
        ("Heading 2", "Cifras de participación"),
        ("Heading 2", "Alcance del proceso"),
        ("Heading 2", "Cronología del proceso de cocreación"),
        ("Heading 1", "Compromisos"),
        ("Heading 2", "1. Eje temático 1"),
        ("Heading 3", "Compromiso 1: Compromiso número 1 de transparencia"),
        ("Heading 3", "Compromiso 2: Compromiso número 2 de transparencia"),
        ("Heading 3", "Compromiso 3: Compromiso número 3 de transparencia"),
        ("Heading 2", "2. Eje temático 2"),
        ("Heading 3", "Compromiso 4: Compromiso número 4 de transparencia"),
        ("Heading 1", "Anexos"),
        ("Heading 2", "Respuesta razonada"),
    ]


def test_the_docx_has_its_title_language_tables_and_repeated_table_headers():
    data = render_docx(document(commitments=1, milestones=2, language="en"))
    word = docx.Document(io.BytesIO(data))
    assert word.core_properties.title == "Tercer Plan de Acción Nacional de Gobierno Abierto"
    assert word.core_properties.language == "en"
    lang = word.styles.element.find(".//" + docx.oxml.ns.qn("w:lang"))
    assert lang.get(docx.oxml.ns.qn("w:val")) == "en"
    rows = [[cell.text for cell in row.cells] for row in word.tables[-2].rows]
    assert rows == [
        ["#", "Hito", "Fecha de inicio", "Fecha de término"],
        ["1", "Hito 1.1 del compromiso", "2017-09-01", "2019-06-30"],
        ["2", "Hito 1.2 del compromiso", "2017-09-01", "2019-06-30"],
    ]
    header = word.tables[-2].rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader"))
    assert header is not None
    assert "Commitments" in docx_text(data) and "Contents" in docx_text(data)


def test_the_docx_keeps_typst_code_and_control_characters_as_text():
    made = document(commitments=1, title=NASTY_TITLE + "\x0b")
    made["axes"][0]["commitments"][0]["title"] = "Título\x00 con ñ"
    data = render_docx(made)
    assert ("Title", NASTY_TITLE) in headings(data)
    assert ("Heading 3", "Compromiso 1: Título con ñ") in headings(data)


def test_a_draft_docx_says_so_in_its_page_header():
    data = render_docx(document(version={"label": "0.3", "issued_at": "2026-12-02T09:00:00"}))
    word = docx.Document(io.BytesIO(data))
    assert word.sections[0].header.paragraphs[0].text == (
        "BORRADOR — Versión 0.3 — Borrador — 2026-12-02"
    )
    final = render_docx(document(version={"label": "1.0", "final": True}))
    assert docx.Document(io.BytesIO(final)).sections[0].header.paragraphs[0].text == ""


# --- from the builder, in each language ---------------------------------------------------------


@pytest.fixture
def built(plan):
    plan_with_commitments(plan)
    return content.build(plan)


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_commitment_title_and_milestone_is_in_the_pdf_and_docx(built, language):
    assert built["languages"] == ["es", "en"]
    made = built["documents"][language]
    pdf, word = pdf_text(render_pdf(made)), docx_text(render_docx(made))
    titles = [es if language == "es" else en for _table, _slot, es, en in COMMITMENTS]
    milestones = [
        milestone_texts(number, order)[0 if language == "es" else 1]
        for number in (1, 2, 3)
        for order in (1, 2)
    ]
    heading = "Compromiso" if language == "es" else "Commitment"
    for number, title in enumerate(titles, start=1):
        assert f"{heading} {number}: {title}" in pdf
        assert f"{heading} {number}: {title}" in word
    for milestone in milestones:
        assert milestone in pdf
        assert milestone in word
    other = "en" if language == "es" else "es"
    assert pdf_reader(render_pdf(made)).trailer["/Root"]["/Lang"] == language
    assert (built["documents"][other]["axes"][0]["commitments"][0]["title"] in pdf) is False


def test_accents_survive_in_both_formats(built):
    made = built["documents"]["es"]
    for text in (pdf_text(render_pdf(made)), docx_text(render_docx(made))):
        assert "Participación ciudadana en el presupuesto" in text
        assert "Acceso a la información en municipios" in text
        assert "Hito 1.1: publicación del catálogo número 11" in text
        assert "Panamá" in text


def test_the_worker_produces_a_draft_s_files_marked_with_its_version(plan, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plan_with_commitments(plan)
    version = actions.issue(plan, by=SYSTEM, note="", final=False)
    assert actions.produce_files() == 4
    files = {(f.language, f.format): f for f in version.files.all()}
    assert {f.status for f in files.values()} == {DraftFile.Status.READY}
    issued = version.issued_at.date().isoformat()
    with files["es", "pdf"].file.open("rb") as handle:
        text = pdf_text(handle.read())
    assert f"Versión 0.1 — Borrador — {issued}" in text
    assert "Compromiso 1: Datos abiertos de salud pública" in text
    with files["en", "docx"].file.open("rb") as handle:
        text = docx_text(handle.read())
    assert f"DRAFT — Version 0.1 — Draft — {issued}" in text
    assert "Commitment 3: Access to information in towns" in text


# --- HTML ---------------------------------------------------------------------------------------


PART_EXTRA = Template('{% load i18n %}<p class="extra">{{ anchor }}: {% translate "Annexes" %}</p>')


def test_the_html_labels_are_in_the_document_s_language_and_part_extra_in_the_page_s():
    made = document(commitments=1, version={"label": "0.2", "issued_at": "2026-12-01T10:00"})
    with translation.override("en"):
        html = render_to_string(
            "publication/_document.html", {"document": made, "part_extra": PART_EXTRA}
        )
    assert '<article class="plan-document" lang="es">' in html
    assert '<h2 id="document-toc-title">Índice</h2>' in html
    assert '<h2 id="document-commitments-title">Compromisos</h2>' in html
    assert "Versión 0.2</strong> — Borrador" in html
    assert '<div lang="en"><p class="extra">commitment:1: Annexes</p></div>' in html
    assert html.count('<p class="extra">') == 5  # 2 sections, the process, 1 commitment, 1 annex


def test_the_html_headings_go_down_one_level_at_a_time_and_tables_have_captions():
    with translation.override("es"):
        html = render_to_string("publication/_document.html", {"document": document(commitments=4)})
    levels = [int(level) for level in re.findall(r"<h([1-6])", html)]
    assert levels[0] == 2
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
    assert levels.count(4) == 4  # the commitments
    assert html.count("<table") == html.count("<caption") == 6  # chronology, 4 milestones, annex
    assert html.count('role="region"') == 6
    assert (
        '<caption id="commitment:1-table-2" class="visually-hidden">Hitos</caption>' in html
        and '<th scope="row">3</th><td>Hito 1.3 del compromiso</td>' in html
    )
    assert "<dt>Participantes</dt><dd>312</dd>" in html


def test_the_html_escapes_the_text_and_renders_an_empty_document():
    made = document(commitments=1)
    made["axes"][0]["commitments"][0]["title"] = "<script>alert(1)</script>"
    with translation.override("es"):
        html = render_to_string("publication/_document.html", {"document": made})
        empty = render_to_string("publication/_document.html", {"document": {"language": "en"}})
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<p>No commitments yet.</p>" in empty


# --- the benchmark's document and report --------------------------------------------------------


def bench_documents():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "documents.py"
    spec = importlib.util.spec_from_file_location("bench_documents", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_s_generated_document_has_9_commitments_and_30_milestones_and_renders():
    documents = bench_documents()
    made = documents.generated_document()
    commitments = [c for axis in made["axes"] for c in axis["commitments"]]
    assert len(commitments) == 9
    assert sum(len(c["sections"][1]["table"]["rows"]) for c in commitments) == 30
    text = pdf_text(render_pdf(made))
    assert "Compromiso 9: Compromiso de gobierno abierto número 9" in text
    assert "Hito 9.3:" in text and "Hito 9.4:" not in text


def test_the_benchmark_reports_each_language_s_medians():
    documents = bench_documents()
    result = {
        "document": "panama-2017-2019 (9 commitments, 31 milestones)",
        "repeat": 5,
        "languages": {
            "es": {
                "pdf_s": 0.1234,
                "docx_s": 0.0456,
                "total_s": 0.169,
                "pdf_kib": 180.4,
                "docx_kib": 52.6,
            },
            "en": {"pdf_s": 0.9, "docx_s": 0.2, "total_s": 1.1, "pdf_kib": 10, "docx_kib": 9},
        },
    }
    assert documents.markdown(result).splitlines() == [
        "Document: panama-2017-2019 (9 commitments, 31 milestones); median of 5 runs after a "
        "warm-up.",
        "",
        "| Language | PDF | DOCX | PDF + DOCX | PDF size | DOCX size | Under 1 s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
        "| es | 123 ms | 46 ms | 169 ms | 180 KiB | 53 KiB | yes |",
        "| en | 900 ms | 200 ms | 1100 ms | 10 KiB | 9 KiB | **no** |",
    ]
