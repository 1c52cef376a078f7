"""The plan's document rendered as PDF and DOCX: how long `render_pdf` + `render_docx` take.

Run by `make bench` (bench/run.py) on its demo database after the pages, or alone:

    DJANGO_SETTINGS_MODULE=config.settings.demo COCREA_VAR_DIR=bench/out/var \\
        .venv/bin/python bench/documents.py [--json]

It takes the plan with the most commitments (the demo's Panama 2017-2019: nine commitments) and
builds its document from the data (`content.build`), or, when no plan has a commitment, a
generated document of nine commitments with 30 milestones. For each language it renders the PDF
and the DOCX once to warm up, then REPEAT times, and reports the median of PDF + DOCX together.
Target: under 1 s (TARGET_SECONDS). Exit status 0 met, 1 missed."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 5
TARGET_SECONDS = 1.0


def generated_document(language: str = "es", commitments: int = 9, milestones: int = 30) -> dict:
    """A document of `commitments` commitments on three axes with `milestones` milestones in all,
    each commitment with the 2017 template's six text fields."""
    axes: list[dict] = []
    for number in range(1, commitments + 1):
        axis = (number - 1) // 3 + 1
        if not axes or axes[-1]["number"] != axis:
            axes.append({"number": axis, "name": f"Eje temático {axis}", "commitments": []})
        count = milestones // commitments + (1 if number <= milestones % commitments else 0)
        text = "Texto de prueba con acentos: información, participación, ¿qué? ¡sí! " * 12
        axes[-1]["commitments"].append(
            {
                "anchor": f"commitment:{number}",
                "number": number,
                "title": f"Compromiso de gobierno abierto número {number}",
                "lead_institution": "ANTAI",
                "supporting_institutions": [],
                "sections": [
                    {
                        "label": "Descripción",
                        "items": [
                            {"label": f"Campo {field}", "kind": "text", "value": text}
                            for field in range(1, 7)
                        ],
                        "table": None,
                    },
                    {
                        "label": "Hitos",
                        "items": [],
                        "table": {
                            "label": "Hitos",
                            "columns": ["Hito", "Productos", "Inicio", "Fin", "Responsable"],
                            "rows": [
                                [
                                    f"Hito {number}.{m}: " + text[:120],
                                    "Informe",
                                    "2017-09-01",
                                    "2019-06-30",
                                    "ANTAI",
                                ]
                                for m in range(1, count + 1)
                            ],
                        },
                    },
                ],
            }
        )
    return {
        "language": language,
        "title": "Plan de acción generado",
        "plan": {"country": "Panamá", "period_start": "2017-07-01", "period_end": "2019-06-30"},
        "sections": [],
        "process": None,
        "axes": axes,
        "annexes": [],
    }


def documents() -> tuple[str, dict[str, dict]]:
    """(what was measured, {language: document})."""
    from django.db.models import Count

    from cocrea.plans.models import ActionPlan
    from cocrea.publication import content

    plan = (
        ActionPlan.objects.annotate(count=Count("commitments"))
        .filter(count__gt=0)
        .order_by("-count", "pk")
        .first()
    )
    if plan is None:
        return "a generated document (9 commitments, 30 milestones)", {"es": generated_document()}
    built = content.build(plan)
    commitments = sum(
        len(axis["commitments"]) for axis in built["documents"][built["languages"][0]]["axes"]
    )
    milestones = sum(
        len(section["table"]["rows"])
        for axis in built["documents"][built["languages"][0]]["axes"]
        for commitment in axis["commitments"]
        for section in commitment["sections"]
        if section["table"]
    )
    what = f"{plan.slug} ({commitments} commitments, {milestones} milestones)"
    return what, built["documents"]


def measure() -> dict:
    from cocrea.publication.render import render_docx, render_pdf

    what, by_language = documents()
    result: dict = {"document": what, "repeat": REPEAT, "languages": {}}
    for language, document in by_language.items():
        render_pdf(document), render_docx(document)  # warm-up: typst's fonts, python-docx
        pdf_times, docx_times, totals = [], [], []
        for _ in range(REPEAT):
            start = time.perf_counter()
            pdf = render_pdf(document)
            middle = time.perf_counter()
            word = render_docx(document)
            end = time.perf_counter()
            pdf_times.append(middle - start)
            docx_times.append(end - middle)
            totals.append(end - start)
        result["languages"][language] = {
            "pdf_s": statistics.median(pdf_times),
            "docx_s": statistics.median(docx_times),
            "total_s": statistics.median(totals),
            "pdf_kib": len(pdf) / 1024,
            "docx_kib": len(word) / 1024,
        }
    result["worst_s"] = max(m["total_s"] for m in result["languages"].values())
    result["target_s"] = TARGET_SECONDS
    result["met"] = result["worst_s"] < TARGET_SECONDS
    return result


def markdown(result: dict) -> str:
    lines = [
        f"Document: {result['document']}; median of {result['repeat']} runs after a warm-up.",
        "",
        "| Language | PDF | DOCX | PDF + DOCX | PDF size | DOCX size | Under 1 s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for language, m in result["languages"].items():
        lines.append(
            f"| {language} | {m['pdf_s'] * 1000:.0f} ms | {m['docx_s'] * 1000:.0f} ms | "
            f"{m['total_s'] * 1000:.0f} ms | {m['pdf_kib']:.0f} KiB | {m['docx_kib']:.0f} KiB | "
            f"{'yes' if m['total_s'] < TARGET_SECONDS else '**no**'} |"
        )
    return "\n".join(lines)


def main() -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.demo")
    import django

    django.setup()
    result = measure()
    if "--json" in sys.argv[1:]:
        print(json.dumps(result))
    else:
        print(markdown(result))
    return 0 if result["met"] else 1


if __name__ == "__main__":
    sys.exit(main())
