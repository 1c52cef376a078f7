from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    """Sites that ran 0002 with REDIS_URL set have no shared cache table (0002 used to create
    only the tables of the configured database caches): create it now; nothing if it exists."""
    call_command(
        "createcachetable",
        "cocrea_shared_cache",
        database=schema_editor.connection.alias,
        verbosity=0,
    )


class Migration(migrations.Migration):
    dependencies = [("participation", "0002_shared_cache_table")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
