"""A working table covers one or more thematic axes: the `axis` key becomes the `axes` relation,
each existing table keeping the axis it had."""

from django.db import migrations, models


def copy_axis(apps, schema_editor):
    WorkingTable = apps.get_model("tables", "WorkingTable")
    Through = WorkingTable.axes.through
    Through.objects.bulk_create(
        Through(workingtable_id=table_id, axis_id=axis_id)
        for table_id, axis_id in WorkingTable.objects.values_list("id", "axis_id")
    )


def restore_axis(apps, schema_editor):
    WorkingTable = apps.get_model("tables", "WorkingTable")
    for table in WorkingTable.objects.all():
        first = table.axes.order_by("number").first()
        if first is None:
            raise RuntimeError(f"working table {table.pk} covers no axis: cannot go back")
        table.axis_id = first.pk
        table.save(update_fields=["axis"])


class Migration(migrations.Migration):

    dependencies = [
        ("tables", "0002_tablemember"),
    ]

    operations = [
        migrations.AddField(
            model_name="workingtable",
            name="axes",
            field=models.ManyToManyField(
                related_name="+", to="plans.axis", verbose_name="thematic axes covered"
            ),
        ),
        migrations.AlterField(
            model_name="workingtable",
            name="axis",
            field=models.ForeignKey(
                null=True,
                on_delete=models.PROTECT,
                related_name="+",
                to="plans.axis",
                verbose_name="thematic axis",
            ),
        ),
        migrations.RunPython(copy_axis, restore_axis),
    ]
