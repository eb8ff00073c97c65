from django.db import migrations, models

from assessment.waves import number_sql


def number_waves(apps, schema_editor):
    table = apps.get_model("assessment", "Assessment")._meta.db_table
    sql, params = number_sql(schema_editor.connection.ops.quote_name(table), None)
    schema_editor.execute(sql, params)


class Migration(migrations.Migration):

    dependencies = [
        ("assessment", "0005_report_shared"),
    ]

    operations = [
        migrations.AddField(
            model_name="assessment",
            name="wave",
            field=models.PositiveSmallIntegerField(blank=True, editable=False, null=True,
                                                   verbose_name="wave"),
        ),
        migrations.RunPython(number_waves, migrations.RunPython.noop),
    ]
