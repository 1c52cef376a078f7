"""Every verb of the action log is declared by its app with a label in both languages, and
`log_action` refuses one that is not."""

import re
from pathlib import Path

import pytest
from django.utils import translation

from cocrea.core.actions import SYSTEM, log_action
from cocrea.core.log_verbs import UndeclaredVerb, declared_verbs
from cocrea.core.models import ActionLog

SOURCE = Path(__file__).resolve().parent.parent / "cocrea"


def logged_verbs_in_source() -> set[str]:
    """The verbs written by `log_action(... verb="app.verb" ...)` and module constants such as
    `SIGN_UP = "accounts.sign_up"` passed as the verb."""
    found = set()
    for path in SOURCE.rglob("actions.py"):
        text = path.read_text()
        found |= set(re.findall(r'verb=\s*"([a-z_]+\.[a-z_]+)"', text))
        for pair in re.findall(
            r'verb=\s*"([a-z_]+\.[a-z_]+)" if [\w.]+ else "([a-z_]+\.[a-z_]+)"', text
        ):
            found |= set(pair)
        for constant in re.findall(r"verb=([A-Z_]+)\b", text):
            found |= set(re.findall(rf'^{constant} = "([a-z_]+\.[a-z_]+)"', text, re.M))
    return found


def test_every_verb_the_actions_log_is_declared():
    used = logged_verbs_in_source()
    assert len(used) >= 60
    assert used - set(declared_verbs()) == set()


def test_every_declared_verb_belongs_to_its_app_and_is_used():
    assert set(declared_verbs()) - logged_verbs_in_source() == set()


@pytest.mark.parametrize("verb", sorted(declared_verbs()))
def test_every_verb_label_has_its_spanish_translation(verb):
    label = declared_verbs()[verb]
    with translation.override("en"):
        english = str(label)
    with translation.override("es"):
        spanish = str(label)
    assert english and spanish
    assert spanish != english, f"{verb}: no Spanish msgstr for {english!r}"


def test_log_action_refuses_an_undeclared_verb_and_says_where_to_declare_it(db):
    with pytest.raises(UndeclaredVerb) as error:
        log_action(actor=SYSTEM, verb="events.teleport_event")
    message = str(error.value)
    assert '"events.teleport_event": _("' in message
    assert "cocrea/events/verbs.py" in message
    assert "cocrea/locale/es/LC_MESSAGES/django.po" in message
    assert ActionLog.objects.count() == 0


def test_a_declared_verb_is_logged(plan):
    ActionLog.objects.all().delete()
    log_action(actor=SYSTEM, verb="plans.update_plan", target=plan, plan=plan)
    assert list(ActionLog.objects.values_list("verb", flat=True)) == ["plans.update_plan"]
