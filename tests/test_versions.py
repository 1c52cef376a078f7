"""Comparison of programme versions, on snapshots whose differences are written out by hand."""

import datetime

from django.utils import translation

from cocrea.plans import actions
from cocrea.plans.versions import compare


def row(
    key, number, title, start="2017-04-01", end="2017-04-30", description="", responsible="ANTAI"
):
    return {
        "key": key,
        "number": number,
        "title_es": title,
        "title_en": f"{title} (en)",
        "description_es": description,
        "description_en": "",
        "responsible_es": responsible,
        "responsible_en": responsible,
        "planned_start": start,
        "planned_end": end,
    }


OLD = [
    row("meetings", 1, "Reuniones de la CGA", "2017-02-15", "2017-03-24"),
    row("programme", 2, "Programa de trabajo", "2017-03-27", "2017-03-27"),
    row("tables", 3, "Mesas de trabajo", "2017-05-02", "2017-06-16", "Se celebran mesas."),
    row("forum", 4, "Foro ciudadano", "2017-06-19", "2017-06-30"),
]
NEW = [
    row("meetings", 1, "Reuniones de la CGA", "2017-02-15", "2017-03-24"),
    row("programme", 2, "Programa de trabajo", "2017-03-27", "2017-03-27"),
    row("liaisons", 3, "Enlaces institucionales", "2017-04-17", "2017-05-12"),
    row("tables", 4, "Mesas de trabajo", "2017-05-22", "2017-07-14", "Se celebran cinco mesas."),
]


def summary(changes):
    return [(c.key, c.kinds, [(f.field, f.old, f.new) for f in c.changes]) for c in changes]


def test_compare_lists_added_removed_redated_reworded_and_renumbered():
    assert summary(compare(OLD, NEW)) == [
        ("liaisons", ["added"], []),
        (
            "tables",
            ["renumbered", "redated", "reworded"],
            [
                ("number", 3, 4),
                ("planned_start", "2017-05-02", "2017-05-22"),
                ("planned_end", "2017-06-16", "2017-07-14"),
                ("description_es", "Se celebran mesas.", "Se celebran cinco mesas."),
            ],
        ),
        ("forum", ["removed"], []),
    ]


def test_compare_of_identical_snapshots_is_empty():
    assert compare(OLD, OLD) == []


def test_compare_backwards_swaps_added_and_removed():
    assert [(c.key, c.kinds) for c in compare(NEW, OLD)] == [
        ("tables", ["renumbered", "redated", "reworded"]),
        ("forum", ["added"]),
        ("liaisons", ["removed"]),
    ]


def test_a_translation_change_alone_counts_as_reworded():
    new = [dict(r) for r in OLD]
    new[1]["title_en"] = "Work programme"
    assert summary(compare(OLD, new)) == [
        ("programme", ["reworded"], [("title_en", "Programa de trabajo (en)", "Work programme")])
    ]


def test_change_title_follows_the_active_language():
    (change,) = [c for c in compare(OLD, NEW) if c.key == "liaisons"]
    with translation.override("en"):
        assert change.title == "Enlaces institucionales (en)"
    with translation.override("es"):
        assert change.title == "Enlaces institucionales"


def test_published_versions_compare_through_the_actions(plan, steps, secretary):
    v1 = actions.publish_version(plan, by=secretary, published_on=datetime.date(2017, 3, 27))
    actions.update_step(steps[2], by=secretary, planned_start=datetime.date(2017, 3, 6))
    actions.delete_step(steps[4], by=secretary)
    added = actions.create_step(plan, by=secretary, key="new", title_es="Nuevo", title_en="New")
    v2 = actions.publish_version(plan, by=secretary, change_summary_es="Ajustes")
    assert summary(compare(v1.snapshot, v2.snapshot)) == [
        ("s3", ["redated"], [("planned_start", "2017-03-01", "2017-03-06")]),
        ("new", ["added"], []),
        ("s5", ["removed"], []),
    ]
    assert added.number == 5


def test_word_diff_marks_only_the_changed_words():
    from cocrea.plans.versions import word_diff

    before, after = word_diff(
        "Se celebran mesas de trabajo.", "Se celebran cinco (5) mesas de trabajo."
    )
    assert before == [(False, "Se celebran mesas de trabajo.")]
    assert after == [(False, "Se celebran"), (True, " cinco (5)"), (False, " mesas de trabajo.")]
