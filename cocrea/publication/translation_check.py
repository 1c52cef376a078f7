"""How complete the plan's document is in each of its languages.

A *part* of the document is one of its sections (`PlanSection`) or one commitment with its
milestones. A text field of a part is *published* when it appears in the document: it has a text
in some language of the plan, or the commitment template requires it. The final version is
issued only when every published field has a text in every configured language of the plan
(`missing(plan)` empty)."""

from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils.translation import gettext as _

from cocrea.commitments.models import Commitment, CommitmentMilestone
from cocrea.core.languages import plan_language_codes
from cocrea.plans import commitment_templates as ct

from .models import PlanSection


class Gap(NamedTuple):
    """A published text lacking one language: the part, the field's label, the language."""

    part: str
    field: str
    language: str


@dataclass
class Text:
    """One translated field of a part: its label, its texts by language, the languages it lacks;
    `name` the model field's base name, `obj` the row it is stored on."""

    label: str
    name: str
    obj: object
    values: dict[str, str]
    required: bool = False
    missing: list[str] = field(default_factory=list)

    def key(self, language: str) -> str:
        """The name of this text's input in an edit form."""
        prefix = f"m{self.obj.pk}-" if isinstance(self.obj, CommitmentMilestone) else ""
        return f"{prefix}{self.name}_{language}"


@dataclass
class Part:
    """A section or a commitment of the document, with its translated texts."""

    anchor: str
    label: str
    obj: object
    texts: list[Text]

    @property
    def kind(self) -> str:
        """The section's kind ("" for a commitment)."""
        return self.obj.kind if isinstance(self.obj, PlanSection) else ""

    @property
    def published(self) -> list[Text]:
        return [text for text in self.texts if text.required or any(text.values.values())]

    @property
    def gaps(self) -> int:
        return sum(len(text.missing) for text in self.texts)

    @property
    def done(self) -> int:
        """How complete the part is, in percent of its published (field, language) cells."""
        published = self.published
        if not published:
            return 100
        cells = sum(len(text.values) for text in published)
        return round(100 * (cells - self.gaps) / cells)


def _text(obj, name, label, languages, *, required=False) -> Text:
    values = {lang: (getattr(obj, f"{name}_{lang}", "") or "").strip() for lang in languages}
    text = Text(label=str(label), name=name, obj=obj, values=values, required=required)
    if required or any(values.values()):
        text.missing = [lang for lang in languages if not values[lang]]
    return text


def section_part(section: PlanSection, languages) -> Part:
    label = str(PlanSection.Kind(section.kind).label)
    texts = [
        _text(section, "title", _("Title"), languages),
        _text(section, "body", _("Text"), languages),
    ]
    return Part(anchor=section.anchor, label=label, obj=section, texts=texts)


def commitment_part(commitment: Commitment, languages) -> Part:
    """The commitment's translated template fields, then each milestone's (read from
    `commitment.milestones.all()`: prefetch it for lists)."""
    texts = []
    milestones = list(commitment.milestones.all())
    for declared in commitment.declared_fields:
        if declared.kind == ct.ROWS:
            for number, milestone in enumerate(milestones, start=1):
                for column in declared.columns:
                    if column.kind not in ct.TRANSLATED:
                        continue
                    label = _("Milestone %(number)s: %(column)s") % {
                        "number": number,
                        "column": column.label,
                    }
                    texts.append(
                        _text(milestone, column.name, label, languages, required=column.required)
                    )
        elif declared.translated:
            texts.append(
                _text(
                    commitment, declared.name, declared.label, languages, required=declared.required
                )
            )
    label = _("Commitment %(number)s") % {"number": commitment.number}
    if commitment.title:
        label = f"{label}: {commitment.title}"
    return Part(anchor=f"commitment:{commitment.number}", label=label, obj=commitment, texts=texts)


def sections(plan) -> list[PlanSection]:
    found = {s.kind: s for s in PlanSection.objects.filter(plan=plan)}
    return [found[kind] for kind in PlanSection.Kind.values if kind in found]


def commitments(plan):
    """The plan's commitments in the document's order, with what `commitment_part` reads."""
    return (
        Commitment.objects.filter(plan=plan)
        .select_related("plan")
        .prefetch_related("milestones")
        .order_by("axis__number", "number")
    )


def parts(plan, commitment_rows=None) -> list[Part]:
    """The sections, then the commitments (`commitment_rows`, or all of them)."""
    languages = plan_language_codes(plan)
    found = [section_part(section, languages) for section in sections(plan)]
    rows = commitments(plan) if commitment_rows is None else commitment_rows
    for commitment in rows:
        commitment.plan = plan
        found.append(commitment_part(commitment, languages))
    return found


def gaps_of(found: list[Part]) -> list[Gap]:
    return [
        Gap(part.label, text.label, language)
        for part in found
        for text in part.texts
        for language in text.missing
    ]


def missing(plan) -> list[Gap]:
    """Every published text of the plan's document lacking a configured language of the plan, as
    (part, field label, language), in the document's order. Empty when the translation is
    complete. A fixed number of queries whatever the number of commitments."""
    return gaps_of(parts(plan))
