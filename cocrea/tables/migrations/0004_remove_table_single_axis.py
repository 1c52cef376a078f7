"""The single `axis` key of a working table is gone: its axes are the `axes` relation (0003)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("tables", "0003_table_covers_axes"),
    ]

    operations = [
        migrations.RemoveField(model_name="workingtable", name="axis"),
        migrations.AlterField(
            model_name="workingtable",
            name="axes",
            field=models.ManyToManyField(
                related_name="tables", to="plans.axis", verbose_name="thematic axes covered"
            ),
        ),
    ]
