"""Scheduling commission meetings, outreach activities and trainings became capabilities of the
programme (forum-meetings, outreach, training). Give the steps of existing databases that carry
Panama's 2017 keys the ones they stand for, added to what each already enables, so the
secretariat can go on scheduling them. Only migrations and the demo data may name step keys."""

from django.db import migrations

ADDED_BY_KEY = {
    "commission-meetings": ["forum-meetings"],
    "table-leaders": ["training"],
    "outreach": ["outreach"],
    "training-and-tables": ["training"],
    "og-section": ["forum-meetings", "outreach", "training"],
}


def forwards(apps, schema_editor):
    Step = apps.get_model("plans", "Step")
    for key, added in ADDED_BY_KEY.items():
        for step in Step.objects.filter(key=key):
            missing = [c for c in added if c not in step.capabilities]
            if missing:
                step.capabilities = [*step.capabilities, *missing]
                step.save(update_fields=["capabilities"])


class Migration(migrations.Migration):
    dependencies = [("plans", "0003_step_capabilities_by_key")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
