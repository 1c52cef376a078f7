"""Give the steps of existing databases the capabilities their key used to stand for: until now
three step keys of Panama's 2017 programme (and two more for the open call and the liaisons)
were matched in code. Only this migration and the demo data may name step keys."""

from django.db import migrations

BY_KEY = {
    "open-call": ["open-call"],
    "liaisons": ["liaisons"],
    "training-and-tables": ["drafting", "public-comment"],
    "responsibles-and-objectives": ["assignment", "public-comment"],
    "viability-review": ["viability-review", "public-comment"],
}


def forwards(apps, schema_editor):
    Step = apps.get_model("plans", "Step")
    for key, capabilities in BY_KEY.items():
        Step.objects.filter(key=key).update(capabilities=capabilities)


class Migration(migrations.Migration):
    dependencies = [("plans", "0002_step_capabilities")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
