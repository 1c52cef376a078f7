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
    fresh = {e.msgid for e in polib.pofile(str(copy / "locale/es/LC_MESSAGES/django.po"))}
    committed = {e.msgid for e in polib.pofile(str(PO))}
    assert sorted(fresh - committed) == [], "run `make messages` and translate the new strings"


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
