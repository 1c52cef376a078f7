"""Spanish is the default, English complete: every UI string has its translation, the compiled
catalogue is the one the sources say, and no string in the code is missing from the catalogue."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "cocrea" / "locale" / "es" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def test_every_spanish_string_is_translated():
    catalogue = polib.pofile(str(PO))
    missing = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert (missing, fuzzy) == ([], [])


def test_compiled_catalogue_matches_the_sources():
    source = {(e.msgctxt, e.msgid): (e.msgstr or e.msgstr_plural) for e in polib.pofile(str(PO))}
    compiled = {
        (e.msgctxt, e.msgid): (e.msgstr or e.msgstr_plural)
        for e in polib.mofile(str(MO))
        if e.msgid
    }
    assert compiled == source, "run `make messages` to recompile"


def test_code_has_no_string_missing_from_the_catalogue(tmp_path):
    if not shutil.which("xgettext"):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("GNU gettext (xgettext) is needed under CI")
        pytest.skip("GNU gettext is not installed (apt-get install -y gettext)")
    copy = tmp_path / "cocrea"
    shutil.copytree(ROOT / "cocrea", copy, ignore=shutil.ignore_patterns("static", "__pycache__"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "es", "--no-obsolete"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    fresh = {
        (e.msgctxt, e.msgid, e.msgid_plural)
        for e in polib.pofile(str(copy / "locale/es/LC_MESSAGES/django.po"))
    }
    # Translated: a non-empty msgstr (every plural form for a plural), and not fuzzy.
    translated = {
        (e.msgctxt, e.msgid, e.msgid_plural)
        for e in polib.pofile(str(PO))
        if "fuzzy" not in e.flags
        and (all(e.msgstr_plural.values()) if e.msgid_plural else e.msgstr)
    }
    missing = sorted(fresh - translated, key=str)
    assert missing == [], "run `make messages` and translate the new strings"


def test_spanish_ui_by_default_and_english_under_en(client, plan, steps):
    spanish = client.get(reverse("public:programme", args=[plan.slug])).content.decode()
    english = client.get("/en" + reverse("public:programme", args=[plan.slug])).content.decode()
    assert "Programa de trabajo" in spanish and "Saltar al contenido" in spanish
    assert "Work programme" in english and "Skip to content" in english
    assert "Saltar al contenido" not in english


def test_language_links_point_to_the_same_page_in_the_other_language(client, plan, steps):
    url = reverse("public:programme", args=[plan.slug])
    spanish = client.get(url).content.decode()
    assert f'href="/en{url}" lang="en" hreflang="en"' in spanish
    english = client.get("/en" + url).content.decode()
    assert f'href="{url}" lang="es" hreflang="es"' in english


# --- every string reaches the catalogue, plurals, dates ------------------------------------------

# The names `makemessages` (xgettext) extracts; a string marked under any other name (say
# `gettext_lazy as _lazy`) never reaches the catalogue and stays English in Spanish pages.
EXTRACTED_NAMES = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}


def test_translation_functions_are_imported_under_names_makemessages_extracts():
    import ast

    wrong = []
    for path in sorted((ROOT / "cocrea").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
                for alias in node.names:
                    name = alias.asname or alias.name
                    if alias.name in EXTRACTED_NAMES and name not in EXTRACTED_NAMES:
                        wrong.append(f"{path.relative_to(ROOT)}: {alias.name} as {alias.asname}")
    assert wrong == []


def test_counted_messages_have_plural_forms():
    """A message that puts a count in a sentence ("%(n)s working tables formed.") needs
    ngettext / blocktranslate count, or Spanish reads "Se formaron 1 mesas"."""
    counted = [
        e.msgid
        for e in polib.pofile(str(PO))
        if not e.msgid_plural
        and any(f"%({name})s" in e.msgid for name in ("n", "count", "counter", "total_count"))
    ]
    assert counted == []


def test_spanish_workspace_names_registration_statuses_in_spanish(client, plan, secretary):
    from .factories_participation import RegistrationFactory

    for status in ["confirmed", "confirmed", "erased"]:
        RegistrationFactory(plan=plan, status=status)
    client.force_login(secretary)
    page = client.get(reverse("participation:manage", args=[plan.slug])).content.decode()
    assert "Inscripciones: confirmada 2, eliminada 1" in page


def test_templates_name_their_date_formats_instead_of_writing_month_patterns():
    """`|date:"j M Y"` reads "19 May 2017" in Spanish; named formats ("DATE_FORMAT") follow the
    language (config/formats)."""
    import re

    literal = re.compile(r"""\|date:["']([^"']*)["']""")
    month_letters = set("FMbNE")
    found = []
    for path in sorted((ROOT / "cocrea" / "templates").rglob("*.*")):
        for pattern in literal.findall(path.read_text()):
            if not pattern.endswith("_FORMAT") and month_letters & set(pattern):
                found.append(f"{path.relative_to(ROOT)}: {pattern}")
    assert found == []


@pytest.mark.parametrize(
    ("prefix", "expected"), [("", "19 de mayo de 2017"), ("/en", "19 May 2017")]
)
def test_dates_read_in_the_page_language(prefix, expected, client, plan, secretary):
    import datetime

    from cocrea.news.actions import publish_news

    item = publish_news(
        plan,
        by=secretary,
        published_on=datetime.date(2017, 5, 19),
        title_es="Abre la convocatoria",
        title_en="The open call opens",
        body_es="Texto.",
        body_en="Text.",
    )
    page = client.get(prefix + item.get_absolute_url()).content.decode()
    assert f'<time datetime="2017-05-19">{expected}</time>' in page


def test_messages_errors_and_labels_are_not_literal_strings():
    """A message, a validation error or a form label written as a bare (or f-) string reaches
    Spanish pages in English; each goes through gettext."""
    import ast
    import re

    literal = []
    for path in sorted((ROOT / "cocrea").rglob("*.py")):
        if "migrations" in path.parts or path.name.startswith("demo"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = getattr(func, "attr", getattr(func, "id", ""))
            texts = []
            if name == "ValidationError" and node.args:
                texts.append(node.args[0])
            if (
                name in ("success", "info", "warning", "error")
                and getattr(func.value if isinstance(func, ast.Attribute) else None, "id", "")
                == "messages"
                and len(node.args) > 1
            ):
                texts.append(node.args[1])
            texts += [k.value for k in node.keywords if k.arg in ("label", "help_text")]
            for text in texts:
                # Words in a bare string, or in the fixed parts of an f-string ("{n} tables").
                parts = [text] if isinstance(text, ast.Constant) else []
                if isinstance(text, ast.JoinedStr):
                    parts = [v for v in text.values if isinstance(v, ast.Constant)]
                if any(re.search(r"[A-Za-z]{2,}", str(part.value)) for part in parts):
                    literal.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert literal == []
