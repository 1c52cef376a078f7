from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="Revision",
            fields=[
                (
                    "scope",
                    models.PositiveBigIntegerField(
                        primary_key=True, serialize=False, verbose_name="plan"
                    ),
                ),
                (
                    "revision",
                    models.PositiveBigIntegerField(default=0, verbose_name="revision"),
                ),
            ],
            options={"verbose_name": "revision"},
        ),
        migrations.DeleteModel(name="SiteRevision"),
    ]
