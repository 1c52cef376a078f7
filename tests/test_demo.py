"""The demo: Panama's 2017-2019 cycle, loaded through the actions, idempotent, demo mode only."""

import datetime
import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from cocrea.core.models import ActionLog
from cocrea.demo import live_data
from cocrea.demo.proposals import load_proposals_demo
from cocrea.notifications.models import Delivery, Notification
from cocrea.plans.models import ActionPlan, PlanRole, Role, Step
from cocrea.plans.versions import compare

D = datetime.date


def test_demo_has_the_seed_steps_in_order(demo):
    titles = list(demo.steps.order_by("number").values_list("number", "title_es"))
    assert len(titles) == 17
    assert titles[0] == (1, "Reuniones de la CGA")
    assert titles[6] == (7, "Capacitación técnica y mesas de trabajo")
    assert titles[16] == (
        17,
        "Presentación y publicación del Plan de Acción Nacional de Gobierno Abierto 2017-2019",
    )
    assert all(demo.steps.exclude(title_en="").values_list("title_en", flat=True))
    assert demo.steps.filter(title_en="").count() == 0


def test_demo_has_the_five_real_axes_and_the_seed_numbers(demo):
    assert list(demo.axes.values_list("name_es", flat=True)) == [
        "Anticorrupción",
        "Contrataciones públicas",
        "Transparencia parlamentaria",
        "Mejoramiento de los servicios públicos (transporte, salud y agua)",
        "Educación",
    ]
    assert (
        demo.max_commitments,
        demo.commitments_per_table_axis,
        demo.proposals_per_table_axis,
        demo.alternates_per_table_axis,
        demo.template_version,
    ) == (10, 2, 3, 1, "2017")


def test_demo_versions_1_and_2_differ_as_the_seed_says(demo):
    v1, v2 = demo.versions.order_by("number")
    assert (v1.number, v1.published_on) == (1, D(2017, 3, 27))
    assert (v2.number, v2.published_on) == (2, D(2017, 5, 19))
    assert v2.change_summary_es.startswith("Se reprogramaron")
    changes = {c.key: c.kinds for c in compare(v1.snapshot, v2.snapshot)}
    assert changes["training-and-tables"] == ["redated", "reworded"]
    assert set(changes) == {
        "training-and-tables",
        "responsibles-and-objectives",
        "viability-review",
        "selection",
        "development",
        "draft",
        "support-unit-review",
        "final-adjustments",
        "final-delivery",
        "presentation",
    }


def test_demo_stands_in_the_viability_review_with_the_og_section_open(demo):
    statuses = dict(demo.steps.values_list("number", "status"))
    assert [statuses[n] for n in range(1, 8)] == [Step.Status.CLOSED] * 7
    assert [statuses[8], statuses[9], statuses[10]] == [
        Step.Status.OPEN,
        Step.Status.CLOSED,
        Step.Status.OPEN,
    ]
    assert {statuses[n] for n in range(11, 18)} == {Step.Status.PENDING}
    dates = {
        key: (start, end)
        for key, start, end in demo.steps.filter(number__in=[7, 9, 10]).values_list(
            "key", "actual_start", "actual_end"
        )
    }
    assert dates == {
        "training-and-tables": (D(2017, 5, 22), D(2017, 7, 14)),
        "responsibles-and-objectives": (D(2017, 7, 17), D(2017, 7, 31)),
        "viability-review": (D(2017, 8, 1), None),
    }


def test_demo_has_one_user_per_role_and_a_balanced_commission(demo):
    roles = set(PlanRole.objects.filter(plan=demo).values_list("role", flat=True))
    assert roles == set(Role.values)
    sectors = list(
        PlanRole.objects.filter(plan=demo, role=Role.COMMISSION_MEMBER).values_list(
            "organisation__sector", flat=True
        )
    )
    assert sectors.count("government") == sectors.count("non_government") == 4


def test_demo_history_is_dated_in_2017(demo):
    years = {
        d.year for d in ActionLog.objects.filter(plan=demo).values_list("created_at", flat=True)
    }
    assert years == {2017}


def _demo_counts():
    from django.contrib.auth import get_user_model

    from cocrea.proposals.models import (
        DraftComment,
        ProposalRevision,
        PublicComment,
        ResponsibleInstitution,
        ViabilityReview,
    )
    from cocrea.publication.models import DraftVersion, RoundComment

    return [
        model.objects.count()
        for model in (
            ActionPlan,
            Step,
            ActionLog,
            PlanRole,
            get_user_model(),
            ProposalRevision,
            DraftComment,
            ResponsibleInstitution,
            ViabilityReview,
            PublicComment,
            DraftVersion,
            RoundComment,
        )
    ]


def test_demo_is_idempotent(demo, capsys):
    call_command("demo")  # the module's demo is the 2017 record: this adds the live cycle
    assert capsys.readouterr().out.count("nothing changed") == 1
    # The live cycle's actions told people (the bell shows it) but the demo mails nobody.
    assert Notification.objects.filter(plan__slug=live_data.SLUG).exists()
    assert not Delivery.objects.filter(plan__slug=live_data.SLUG).exists()
    # It carried the 2017 record on to the published plan, whose replay told nobody of today.
    demo.refresh_from_db()
    assert demo.published_on == D(2017, 12, 12)
    assert not Notification.objects.filter(plan=demo, kind__startswith="publication.").exists()
    assert not Delivery.objects.filter(plan=demo, kind__startswith="publication.").exists()
    counts = _demo_counts()
    call_command("demo")
    assert capsys.readouterr().out.count("nothing changed") == 2
    assert load_proposals_demo(demo) is False
    assert _demo_counts() == counts


def test_demo_refuses_outside_demo_mode(db, settings):
    settings.DEMO_MODE = False
    plans = ActionPlan.objects.count()  # the module's demo, once another test has loaded it
    with pytest.raises(CommandError):
        call_command("demo")
    assert ActionPlan.objects.count() == plans


def test_demo_accounts_can_log_in(demo, client):
    assert client.login(username="secretaria", password="demo-cocrea-2017")
    assert client.get("/workspace/", follow=True).status_code == 200


def test_demo_heads_delegate_and_citizens_can_log_in(demo, client):
    for username in ("titular-an", "enlace-dgcp", "yariela.ortega"):
        assert client.login(username=username, password="demo-cocrea-2017"), username
        client.logout()


def test_demo_tables_have_their_session_and_trained_leaders(demo):
    from cocrea.events.queries import sessions_for_table, trainings_attended_by
    from cocrea.tables.models import TableMember

    tables = list(demo.tables.order_by("number"))
    assert [[a.number for a in t.axes.all()] for t in tables] == [[1], [2], [3], [4], [5]]
    assert [len(list(sessions_for_table(t))) for t in tables] == [1, 1, 1, 1, 1]
    leaders = TableMember.objects.filter(table__plan=demo, is_leader=True)
    assert leaders.count() >= 10
    assert all(trainings_attended_by(m.user, demo).count() == 3 for m in leaders)


# --- the proposals stage (steps 7, 9 and 10) ----------------------------------------------------


def _proposals(plan):
    from cocrea.proposals.models import Proposal

    return Proposal.objects.filter(plan=plan).select_related("working_table", "axis")


# The texts of the OGP 2017 template Panama's proposals fill in both languages.
TEXTS_2017 = ("title", "problem", "commitment", "contribution", "relevance", "additional_info")


def test_demo_gives_two_proposals_milestones_and_publishes_one_contact(demo, client):
    first = _proposal(demo, 1, "commitment_1")
    assert first.novelty == "new"
    assert [(m.order, m.end_date) for m in first.milestones.all()] == [
        (1, D(2018, 2, 28)),
        (2, D(2018, 12, 31)),
        (3, D(2019, 6, 30)),
    ]
    assert first.milestones.first().description_en == (
        "Founding record of the observatory, signed by its members"
    )
    assert _proposal(demo, 2, "commitment_1").milestones.count() == 2
    assert _proposal(demo, 1, "commitment_2").milestones.count() == 0
    public = client.get(first.get_absolute_url()).content.decode()
    assert "itzel.batista@example.org" in public
    hidden = client.get(_proposal(demo, 2, "commitment_1").get_absolute_url()).content.decode()
    assert "ruben.castillo@example.org" not in hidden
    assert "+507 500-0001" not in hidden
    assert "Rubén Castillo" not in hidden
    assert "Hitos" in hidden and "Acta de instalación" in public


def _proposal(plan, table: int, slot: str):
    return _proposals(plan).get(working_table__number=table, slot=slot)


def test_demo_tables_submitted_three_complete_proposals_each(demo):
    from cocrea.proposals.actions import missing_template_fields
    from cocrea.proposals.models import Proposal

    proposals = list(_proposals(demo))
    assert len(proposals) == 15
    assert {p.status for p in proposals} == {Proposal.Status.SUBMITTED}
    by_table = {}
    for p in proposals:
        assert list(p.working_table.axes.values_list("pk", flat=True)) == [p.axis_id]
        by_table.setdefault(p.working_table.number, []).append(p.slot)
    assert {n: sorted(slots) for n, slots in by_table.items()} == {
        n: ["alternate_1", "commitment_1", "commitment_2"] for n in range(1, 6)
    }
    for p in proposals:
        empty = [
            f"{name}_{lang}"
            for name in (*TEXTS_2017, "objectives")
            for lang in ("es", "en")
            if not getattr(p, f"{name}_{lang}").strip()
        ]
        assert empty == [], (p.title, empty)
        assert p.template_version == "2017"
        assert missing_template_fields(p, language="es") == [], p.title
        assert D(2017, 1, 1) <= p.start_date < p.end_date <= D(2019, 12, 31), p.title
        assert p.submitted_at.year == 2017


def test_demo_proposals_follow_panamas_2017_commitments(demo):
    titles = dict(((p.working_table.number, p.slot), p.title_es) for p in _proposals(demo))
    assert titles[1, "commitment_1"] == "Observatorio Ciudadano Anticorrupción"
    assert titles[1, "commitment_2"] == "Observatorio Ciudadano Electoral"
    assert titles[2, "commitment_2"] == (
        "Prevención de conflictos de intereses en las contrataciones públicas"
    )
    assert titles[4, "commitment_1"] == "Manual y aplicación móvil sobre educación vial"
    assert titles[4, "commitment_2"] == "Transparencia en la calidad y cantidad de agua"
    assert titles[5, "alternate_1"] == "Escuela de Gobierno Abierto"
    assert _proposal(demo, 1, "commitment_1").title_en == "Citizen Anti-corruption Observatory"


def test_demo_drafts_were_revised_by_several_table_members(demo):
    from cocrea.proposals.models import DraftComment, ProposalRevision
    from cocrea.proposals.revisions import diff
    from cocrea.tables.models import TableMember

    observatory = _proposal(demo, 1, "commitment_1")
    revisions = list(observatory.revisions.order_by("number"))
    assert [r.number for r in revisions] == [1, 2, 3]
    assert len({r.author_id for r in revisions}) == 3
    seated = set(
        TableMember.objects.filter(table=observatory.working_table).values_list("user", flat=True)
    )
    assert {r.author_id for r in revisions} <= seated
    changed = [c.field for c in diff(revisions[0].snapshot, revisions[1].snapshot, "2017")]
    assert changed == ["title_es", "problem_es", "commitment_es"]
    assert revisions[0].created_at.date() == D(2017, 6, 13)
    revised = (
        ProposalRevision.objects.filter(proposal__plan=demo).values("proposal").distinct().count()
    )
    assert revised == 15
    several = [p for p in _proposals(demo) if p.revisions.count() > 1]
    assert len(several) == 6
    comments = DraftComment.objects.filter(proposal__plan=demo).select_related("proposal")
    assert comments.count() == 5
    for comment in comments:
        assert TableMember.objects.filter(
            table=comment.proposal.working_table, user=comment.author
        ).exists()
        assert comment.created_at.year == 2017


def test_demo_reviews_most_proposals_and_leaves_three_overdue(demo):
    from collections import Counter

    from cocrea.proposals.actions import missing_template_fields
    from cocrea.proposals.models import ReviewDelegate, ViabilityReview

    reviews = ViabilityReview.objects.filter(proposal__plan=demo).select_related(
        "institution", "proposal__working_table"
    )
    assert reviews.count() == 15
    assert Counter(reviews.values_list("outcome", flat=True)) == {
        "viable": 6,
        "viable_with_changes": 4,
        "not_viable": 2,
        "pending": 3,
    }
    for review in reviews:
        lead = review.proposal.institutions.get(is_lead=True).organisation
        assert review.institution == lead
        assert review.due_on == D(2017, 8, 25)
        assert PlanRole.objects.filter(
            plan=demo, role=Role.HEAD_OF_INSTITUTION, organisation=lead
        ).exists(), lead
    pending = reviews.filter(outcome="pending")
    assert sorted(r.institution.acronym for r in pending) == ["AN", "AN", "IDAAN"]
    assert all(r.is_overdue() for r in pending)
    for review in reviews.filter(outcome="viable_with_changes"):
        assert review.changes_es and review.changes_en
    not_viable = list(reviews.filter(outcome="not_viable"))
    assert sorted(r.institution.acronym for r in not_viable) == ["MINSA", "TE"]
    for review in not_viable:
        assert review.reasons_es and review.reasons_en
        counter = review.counterproposal
        assert counter.template_version == "2017"
        assert missing_template_fields(counter, language="es") == []
        assert all(getattr(counter, f"{name}_en") for name in TEXTS_2017)
        assert all(getattr(counter, f"{name}_es") for name in TEXTS_2017)
    minsa = next(r for r in not_viable if r.institution.acronym == "MINSA")
    assert minsa.reviewed_by.username == "autoridad"
    assert minsa.reviewed_at.date() == D(2017, 8, 21)
    delegation = ReviewDelegate.objects.get(plan=demo)
    assert delegation.institution.acronym == "DGCP"
    assert delegation.named_by.username == "titular-dgcp"
    assert {r.reviewed_by for r in reviews.filter(institution__acronym="DGCP")} == {delegation.user}


def test_demo_public_comments_have_answers_and_one_is_hidden(demo, client):
    from cocrea.proposals.models import PublicComment

    comments = PublicComment.objects.filter(proposal__plan=demo)
    assert comments.count() == 10
    assert comments.exclude(answer="").count() == 7
    assert set(comments.exclude(answer="").values_list("answered_by_name", flat=True)) == {
        "Ana Lucía Herrera (ANTAI)",
        "Tomás Barría (1. Anticorrupción)",
        "Julio Cedeño (2. Contrataciones públicas)",
        "Edwin Saavedra (4. Mejoramiento de los servicios públicos (transporte, salud y agua))",
        "Marisol Cedeño (5. Educación)",
    }
    assert {c.created_at.year for c in comments} == {2017}
    hidden = comments.get(hidden_at__isnull=False)
    assert hidden.hidden_by.username == "secretaria"
    assert "6612-4590" in hidden.body
    html = client.get(hidden.proposal.get_absolute_url()).content.decode()
    assert "6612-4590" not in html
    assert hidden.hidden_reason in html
    shown = comments.filter(proposal=hidden.proposal, hidden_at__isnull=True).get()
    assert shown.body in html


def test_demo_proposal_history_is_dated_in_2017(demo):
    from cocrea.proposals.models import ProposalRevision, ViabilityReview

    stamps = set()
    for p in _proposals(demo):
        stamps |= {p.created_at.year, p.updated_at.year}
    stamps |= {
        d.year
        for d in ProposalRevision.objects.filter(proposal__plan=demo).values_list(
            "created_at", flat=True
        )
    }
    stamps |= {
        d.year
        for d in ViabilityReview.objects.filter(proposal__plan=demo).values_list(
            "updated_at", flat=True
        )
    }
    assert stamps == {2017}


def test_demo_activity_pages_show_labels_not_internal_verbs(demo, client):
    from cocrea.core.log_verbs import declared_verbs

    verbs = set(ActionLog.objects.filter(plan=demo, public=True).values_list("verb", flat=True))
    assert "proposals.review_proposal" in verbs
    internal = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in declared_verbs()) + r")\b")
    url = reverse("public:activity", args=[demo.slug])
    html = client.get(url).content.decode()
    last = int(re.findall(r"\?page=(\d+)", html)[-1]) if "?page=" in html else 1
    seen = ""
    for number in range(1, last + 1):
        html = client.get(f"{url}?page={number}").content.decode()
        assert internal.findall(html) == [], number
        seen += html
    assert "revisó la viabilidad de una propuesta" in seen


def test_demo_call_and_liaison_requests_lie_within_their_steps(demo):
    from django.utils import timezone

    from cocrea.participation.models import LiaisonRequest, OpenCall, Registration

    call_step = demo.steps.get(key="open-call")
    call = OpenCall.objects.get(plan=demo)
    opens, closes = timezone.localtime(call.opens_at), timezone.localtime(call.closes_at)
    assert (opens.date(), closes.date()) == (D(2017, 4, 17), D(2017, 5, 19))
    assert (call_step.actual_start, call_step.actual_end) == (D(2017, 4, 17), D(2017, 5, 19))
    assert call_step.status == Step.Status.CLOSED
    assert call.window() == "closed"
    confirmed = Registration.objects.filter(plan=demo, confirmed_at__isnull=False)
    assert confirmed.count() > 200
    assert not confirmed.filter(confirmed_at__lt=call.opens_at).exists()
    assert not confirmed.filter(confirmed_at__gte=call.closes_at).exists()
    liaisons = demo.steps.get(key="liaisons")
    dues = set(LiaisonRequest.objects.filter(plan=demo).values_list("due_on", flat=True))
    assert dues == {D(2017, 5, 12)}
    assert liaisons.actual_start <= D(2017, 5, 12) <= liaisons.actual_end
    assert LiaisonRequest.objects.filter(plan=demo, status="pending").exists()


def test_demo_shows_overdue_only_where_the_step_is_open(demo, client):
    """Step 10 (viability review) is open: its three pending reviews past 25 August 2017 are
    overdue. The liaisons step is closed, and the 2017-2019 period is over: nothing else is."""
    slug = demo.slug
    reviews_url = reverse("proposals:reviews", args=[slug])  # before an English request
    public = [
        reverse("public:plan", args=[slug]),
        reverse("public:programme", args=[slug]),
        reverse("participation:call", args=[slug]),
        reverse("proposals:list", args=[slug]),
        reverse("public:commission", args=[slug]),
    ]
    assert client.login(username="secretaria", password="demo-cocrea-2017")
    commission = client.get(public[-1]).content.decode()
    assert 'id="commission-overdue"' not in commission
    liaisons = client.get(f"/en/workspace/{slug}/participation/liaisons/").content.decode()
    assert "Pending" in liaisons
    assert "Overdue" not in liaisons and "Send reminder" not in liaisons
    reviews = client.get("/en" + reviews_url).content.decode()
    assert reviews.count(">Overdue</span>") == 3
    client.logout()
    for path in public:
        html = client.get(path).content.decode()
        assert "Vencid" not in html and "vencid" not in html, path


def test_demo_citizens_keep_their_whole_comment_limit(demo, settings):
    # The demo replays 2017's comments through the action; that must not use up the limit that a
    # visitor trying the demo as a citizen has for the next hour.
    from cocrea.proposals.actions import comment_proposal
    from cocrea.proposals.models import PublicComment

    settings.PROPOSAL_COMMENT_RATE_LIMIT = 1
    author = PublicComment.objects.filter(proposal__plan=demo).order_by("pk").first().author
    proposal = PublicComment.objects.filter(proposal__plan=demo).order_by("pk").first().proposal
    comment = comment_proposal(proposal, by=author, body="Una pregunta más sobre los plazos.")
    assert comment.author == author
