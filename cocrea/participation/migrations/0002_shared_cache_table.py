from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    """The table of the shared database cache (rate limits when no Redis is configured).

    Always created, by name: the schema never depends on the environment at migration time (a
    site migrated with REDIS_URL set may later run without it)."""
    call_command(
        "createcachetable",
        "cocrea_shared_cache",
        database=schema_editor.connection.alias,
        verbosity=0,
    )


class Migration(migrations.Migration):
    dependencies = [("participation", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
