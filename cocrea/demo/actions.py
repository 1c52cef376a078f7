"""The demo app's one action: recording which factor and seed `manage.py scale_data` used."""

from cocrea.core.actions import SYSTEM, log_action
from cocrea.core.models import ActionLog

SCALE_DATA = "demo.scale_data"


def record_scale_data(plan, *, factor: float, seed: int, counts: dict[str, int]) -> ActionLog:
    """The marker of the scale data (not public), on the demo's plan it was added to, written in
    the transaction that added it. An operator's command: the actor is the system."""
    return log_action(
        actor=SYSTEM,
        verb=SCALE_DATA,
        plan=plan,
        target=plan,
        description=f"factor {factor}, seed {seed}",
        data={"factor": factor, "seed": seed, "counts": counts},
        public=False,
    )
