"""The verbs of the action log. Each app declares its own in `<app>/verbs.py`:

    VERBS = {"<app label>.<verb>": _("<what the actor did, as the activity page reads it>")}

There is no central list: `declared_verbs()` gathers the apps' declarations, `log_action` refuses
a verb its app has not declared (so a new action cannot write a row the public log would show as
`proposals.review_proposal`), and the i18n tests check every label has its Spanish translation."""

from functools import cache
from importlib import import_module

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import module_has_submodule


class UndeclaredVerb(LookupError):
    """`log_action` was given a verb its app does not declare."""


def _verbs_path(app_label: str) -> str:
    try:
        name = apps.get_app_config(app_label).name
    except LookupError:
        name = f"cocrea.{app_label}"
    return name.replace(".", "/") + "/verbs.py"


@cache
def declared_verbs() -> dict:
    """Every declared verb and its (lazy) label, from every app's `verbs.py`."""
    found = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("cocrea.") or not module_has_submodule(
            config.module, "verbs"
        ):
            continue
        for verb, label in import_module(f"{config.name}.verbs").VERBS.items():
            if not verb.startswith(f"{config.label}."):
                raise ImproperlyConfigured(
                    f'{_verbs_path(config.label)} declares "{verb}": an app declares only verbs '
                    f'named "{config.label}.<verb>".'
                )
            found[verb] = label
    return found


def check_verb(verb: str) -> None:
    """Raise `UndeclaredVerb`, saying what to add and where, unless `verb` is declared."""
    if verb in declared_verbs():
        return
    app_label = verb.partition(".")[0]
    raise UndeclaredVerb(
        f'The action-log verb "{verb}" is not declared. Add the line\n'
        f'    "{verb}": _("<what the actor did, e.g. reviewed a proposal>"),\n'
        f"to VERBS in {_verbs_path(app_label)} (create the file as the other apps have it), "
        "then run `make messages` and fill its Spanish msgstr in "
        "cocrea/locale/es/LC_MESSAGES/django.po."
    )


def verb_label(verb: str) -> str:
    """The label of `verb`; a verb no longer declared (an old row) reads as itself."""
    return declared_verbs().get(verb, verb)
