"""The versions of OGP's commitment template a plan may choose, as data.

A plan stores the key of one version; proposals and counterproposals are drafted in it. Each
version declares its fields in order, grouped in sections: name (the model field the proposals
app stores it in), label (the wording of that version's form), kind, whether a complete proposal
requires it and whether it is personal data (shown in public only when the person agreed). The
proposals app renders, checks and compares proposals from this declaration alone: add a version
here, not in templates or actions. An unknown version cannot be chosen. Here, in `plans`,
because choosing one is a setting of the plan."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# key -> label. The key is what `ActionPlan.template_version` and every proposal store.
VERSIONS = {
    "2017": _("OGP 2017"),
    "2022": _("OGP 2022"),
}
DEFAULT = "2022"

# Kinds of field.
TEXT = "text"  # several lines, one column per language of the plan
LINE = "line"  # one line, one column per language of the plan
PLAIN = "plain"  # one line, the same in every language (names, phone numbers)
EMAIL = "email"
DATE = "date"
CHOICE = "choice"
MULTI = "multi"  # several of the choices
ROWS = "rows"  # a list of rows with the columns below (milestones)
CONSENT = "consent"  # a yes/no the person gives (publishing their contact details)
# Kinds only a developed commitment has (see `commitment_fields`).
INSTITUTION = "institution"  # one organisation of the plan's jurisdiction
INSTITUTIONS = "institutions"  # several of them
NUMBER = "number"  # a whole number (a milestone's weight, in percent)

TRANSLATED = (TEXT, LINE)

OGP_VALUES = (
    ("access_to_information", _("Access to information")),
    ("civic_participation", _("Civic participation")),
    ("public_accountability", _("Public accountability")),
    ("technology_innovation", _("Technology and innovation")),
)
NEW_OR_ONGOING = (
    ("new", _("New")),
    ("ongoing", _("Ongoing")),
)


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    kind: str
    required: bool = False


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str
    section: str
    required: bool = False
    personal: bool = False  # public only when the contact agreed (`contact_public`)
    choices: tuple = ()
    columns: tuple[Column, ...] = field(default=())

    @property
    def translated(self) -> bool:
        return self.kind in TRANSLATED


HEADER = _("Commitment")
DESCRIPTION = _("Description")
PROBLEM = _("Problem definition")
ANALYSIS = _("Commitment analysis")
PLANNING = _("Milestones")
CONTACT = _("Contact information")
ACTORS = _("Other actors involved")


def _contact_and_actors(government_label, others_label, *, required: bool) -> tuple[Field, ...]:
    return (
        Field(
            "contact_name",
            _("Responsible person"),
            PLAIN,
            CONTACT,
            required=required,
            personal=True,
        ),
        Field("contact_title", _("Title, department"), PLAIN, CONTACT, personal=True),
        Field("contact_institution", _("Institution"), PLAIN, CONTACT),
        Field("contact_email", _("E-mail"), EMAIL, CONTACT, required=required, personal=True),
        Field("contact_phone", _("Phone"), PLAIN, CONTACT, personal=True),
        Field(
            "contact_public",
            _("The contact person agrees to publish their name, title, e-mail and phone"),
            CONSENT,
            CONTACT,
        ),
        Field("other_actors_government", government_label, TEXT, ACTORS),
        Field("other_actors_others", others_label, TEXT, ACTORS),
    )


FIELDS: dict[str, tuple[Field, ...]] = {
    "2017": (
        Field("title", _("Number and title of the commitment"), LINE, HEADER, required=True),
        Field("start_date", _("Start date"), DATE, HEADER, required=True),
        Field("end_date", _("End date"), DATE, HEADER, required=True),
        Field("novelty", _("New or ongoing commitment"), CHOICE, HEADER, choices=NEW_OR_ONGOING),
        Field(
            "problem",
            _("What is the public problem the commitment will address?"),
            TEXT,
            DESCRIPTION,
            required=True,
        ),
        Field("commitment", _("What is the commitment?"), TEXT, DESCRIPTION, required=True),
        Field(
            "contribution",
            _("How will it contribute to solve the problem?"),
            TEXT,
            DESCRIPTION,
            required=True,
        ),
        Field(
            "relevance", _("Why is it relevant to OGP values?"), TEXT, DESCRIPTION, required=True
        ),
        Field("ogp_values", _("OGP values"), MULTI, DESCRIPTION, required=True, choices=OGP_VALUES),
        Field("additional_info", _("Additional information"), TEXT, DESCRIPTION),
        Field(
            "milestones",
            _("Milestones"),
            ROWS,
            PLANNING,
            columns=(
                Column("description", _("Activity with a verifiable deliverable"), TEXT, True),
                Column("start_date", _("Start date"), DATE, True),
                Column("end_date", _("End date"), DATE, True),
            ),
        ),
        *_contact_and_actors(
            _("Other actors involved: state actors"),
            _("Other actors involved: CSOs, private sector, multilaterals, working groups"),
            required=False,  # Panama's 2017 proposals named no contact person
        ),
    ),
    "2022": (
        Field("title", _("Commitment title"), LINE, HEADER, required=True),
        Field("brief_description", _("Brief description"), TEXT, HEADER, required=True),
        Field("start_date", _("Start of the commitment"), DATE, HEADER, required=True),
        Field("end_date", _("End of the commitment"), DATE, HEADER, required=True),
        Field("novelty", _("New or ongoing commitment"), CHOICE, HEADER, choices=NEW_OR_ONGOING),
        Field(
            "problem",
            _("What problem does the commitment aim to address?"),
            TEXT,
            PROBLEM,
            required=True,
        ),
        Field("causes", _("What are the causes of the problem?"), TEXT, PROBLEM, required=True),
        Field(
            "done_so_far",
            _("What has been done so far to solve the problem?"),
            TEXT,
            DESCRIPTION,
        ),
        Field("solution", _("What solution do you propose?"), TEXT, DESCRIPTION, required=True),
        Field(
            "results",
            _("What results do you want to achieve by the end of the action plan?"),
            TEXT,
            DESCRIPTION,
            required=True,
        ),
        Field("transparency", _("How will the commitment promote transparency?"), TEXT, ANALYSIS),
        Field(
            "accountability",
            _("How will the commitment help foster accountability?"),
            TEXT,
            ANALYSIS,
        ),
        Field(
            "participation",
            _(
                "How will the commitment improve citizen participation in defining, "
                "implementing and monitoring solutions?"
            ),
            TEXT,
            ANALYSIS,
        ),
        Field(
            "milestones",
            _("Milestones"),
            ROWS,
            PLANNING,
            required=True,
            columns=(
                Column("description", _("Milestone"), TEXT, True),
                Column("outputs", _("Expected outputs"), TEXT, True),
                Column("end_date", _("Expected completion date"), DATE, True),
                Column("stakeholders", _("Stakeholders"), TEXT),
            ),
        ),
        *_contact_and_actors(
            _("Other actors involved: government"),
            _("Other actors involved: civil society, private sector, others"),
            required=True,
        ),
    ),
}


def choices() -> list[tuple[str, str]]:
    return [(key, label) for key, label in VERSIONS.items()]


def is_known(key: str) -> bool:
    return key in VERSIONS and key in FIELDS


def fields(key: str) -> tuple[Field, ...]:
    """The declared fields of a version, in the order of its form. KeyError when unknown."""
    return FIELDS[key]


def field_of(key: str, name: str) -> Field | None:
    return next((f for f in FIELDS[key] if f.name == name), None)


def required(key: str) -> list[Field]:
    return [f for f in FIELDS[key] if f.required]


def stored_names() -> list[str]:
    """Every field name any version declares (the columns proposals store), in a stable order."""
    names: list[str] = []
    for declared in FIELDS.values():
        for f in declared:
            if f.name not in names:
                names.append(f.name)
    return names


def translated_names() -> list[str]:
    names: list[str] = []
    for declared in FIELDS.values():
        for f in declared:
            if f.translated and f.name not in names:
                names.append(f.name)
    return names


# --- commitments (step 12) -------------------------------------------------------------------
# A selected proposal is developed into a commitment in the plan's version of the template, plus
# what every version asks of a commitment and not of a proposal: the lead and supporting
# institutions, the budget, the links to national plans and the SDGs; each milestone also gets a
# weight (the milestones' weights sum to 100) and a responsible institution. The commitments app
# renders, checks and compares commitments from `commitment_fields` alone.

DEVELOPMENT = _("Institutions, budget and alignment")

SDGS = tuple(
    (str(number), label)
    for number, label in (
        (1, _("1. No poverty")),
        (2, _("2. Zero hunger")),
        (3, _("3. Good health and well-being")),
        (4, _("4. Quality education")),
        (5, _("5. Gender equality")),
        (6, _("6. Clean water and sanitation")),
        (7, _("7. Affordable and clean energy")),
        (8, _("8. Decent work and economic growth")),
        (9, _("9. Industry, innovation and infrastructure")),
        (10, _("10. Reduced inequalities")),
        (11, _("11. Sustainable cities and communities")),
        (12, _("12. Responsible consumption and production")),
        (13, _("13. Climate action")),
        (14, _("14. Life below water")),
        (15, _("15. Life on land")),
        (16, _("16. Peace, justice and strong institutions")),
        (17, _("17. Partnerships for the goals")),
    )
)

DEVELOPMENT_FIELDS: tuple[Field, ...] = (
    Field(
        "lead_institution",
        _("Lead implementing institution"),
        INSTITUTION,
        DEVELOPMENT,
        required=True,
    ),
    Field("supporting_institutions", _("Supporting institutions"), INSTITUTIONS, DEVELOPMENT),
    Field("budget", _("Budget and source of funding"), TEXT, DEVELOPMENT, required=True),
    Field(
        "national_plans",
        _("Link to national development plans and policies"),
        TEXT,
        DEVELOPMENT,
    ),
    Field(
        "sdgs",
        _("Sustainable Development Goals it contributes to"),
        MULTI,
        DEVELOPMENT,
        choices=SDGS,
    ),
)

MILESTONE_DEVELOPMENT_COLUMNS: tuple[Column, ...] = (
    Column("weight", _("Weight (%)"), NUMBER, True),
    Column("responsible", _("Responsible institution"), INSTITUTION, True),
)


def commitment_fields(key: str) -> tuple[Field, ...]:
    """The declared fields of a commitment in version `key`: the version's fields, the
    milestones with a weight and a responsible institution, then DEVELOPMENT_FIELDS."""
    developed: list[Field] = []
    for declared in FIELDS[key]:
        if declared.kind == ROWS:
            declared = Field(
                declared.name,
                declared.label,
                ROWS,
                declared.section,
                required=True,
                columns=(*declared.columns, *MILESTONE_DEVELOPMENT_COLUMNS),
            )
        developed.append(declared)
    return (*developed, *DEVELOPMENT_FIELDS)
