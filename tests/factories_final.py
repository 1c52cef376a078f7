"""The final version of a plan's document with its files READY (real, small PDF and DOCX bytes
naming the plan and the language), delivered to OGP: the stage of translation, delivery and
publication. Versions are issued through `actions.issue` (by SYSTEM); the worker's rendering is
replaced by writing the files here, as `produce_files` stores them."""

import hashlib
import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from cocrea.commitments import actions as commitment_actions
from cocrea.core.actions import SYSTEM
from cocrea.plans.models import Role
from cocrea.publication import actions
from cocrea.publication.models import Delivery, DraftFile, PlanSection

from .factories_commitments import selected_proposal
from .factories_participation import TableFactory

# What every commitment of these plans says in English (the factories write Spanish only).
ENGLISH = {
    "budget_es": "USD 10 000 del presupuesto de la institución",
    "budget_en": "USD 10,000 from the institution's budget",
    "problem_en": "Health data is not published.",
    "commitment_en": "Publish health data in an open format.",
    "contribution_en": "Citizens will be able to monitor spending.",
    "relevance_en": "Access to information.",
}


def pdf_bytes(text: str) -> bytes:
    """A small, valid PDF whose text is `text` (typst, as the renderer uses)."""
    import typst

    source = text.replace("\\", "\\\\").replace("#", "\\#").replace("*", "\\*")
    return typst.compile(f"= {source}\n".encode(), format="pdf")


def docx_bytes(text: str) -> bytes:
    """A small, valid DOCX whose text is `text`."""
    import docx

    document = docx.Document()
    document.add_heading(text, level=1)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def mark_ready(version) -> list[DraftFile]:
    """Write every file of `version` READY with real bytes, as the worker does."""
    files = list(version.files.order_by("language", "format"))
    for file in files:
        text = f"{version.plan.title} {version.label} {file.language}"
        data = pdf_bytes(text) if file.format == DraftFile.Format.PDF else docx_bytes(text)
        name = f"{version.plan.slug}-{version.label}-{file.language}.{file.format}"
        file.file.save(name, ContentFile(data), save=False)
        file.sha256 = hashlib.sha256(data).hexdigest()
        file.size = len(data)
        file.status = DraftFile.Status.READY
        file.generated_at = timezone.now()
        file.save()
    return files


def commitment(plan, *, english=True, number_of_table=1, lead=None):
    """A commitment of `plan` (two milestones, Spanish texts), its English filled in unless
    `english` is False."""
    table = TableFactory(plan=plan, number=number_of_table)
    if lead is None:
        lead = plan.roles.filter(role=Role.HEAD_OF_INSTITUTION).first()
        lead = lead.organisation if lead else None
    if lead is None:
        from .factories import OrganisationFactory

        lead = OrganisationFactory()
    proposal = selected_proposal(plan, table, lead=lead)
    made = commitment_actions.create_commitment(proposal, by=SYSTEM)
    if english:
        translate_fully(made)
    return made


def translate_fully(made) -> None:
    """Fill the English of every Spanish text of the commitment and its milestones (ORM)."""
    for name, value in ENGLISH.items():
        setattr(made, name, value)
    made.save()
    for milestone in made.milestones.all():
        milestone.description_en = f"EN {milestone.description_es}"
        milestone.save()


def section(plan, kind=PlanSection.Kind.INTRODUCTION, **texts) -> PlanSection:
    return PlanSection.objects.create(plan=plan, kind=kind, **texts)


def final_version(plan, *, ready=True):
    """Issue the final version now (no translation gate: `actions.issue`), files READY."""
    with transaction.atomic():
        version = actions.issue(plan, by=SYSTEM, note="", final=True)
    if ready:
        mark_ready(version)
    return version


def delivered(plan, *, on=None) -> Delivery:
    """A final version, READY, delivered to OGP (recorded by SYSTEM)."""
    version = final_version(plan)
    return actions.record_delivery(
        version,
        by=SYSTEM,
        delivered_on=on or timezone.localdate(),
        recipient="OGP Support Unit",
    )
