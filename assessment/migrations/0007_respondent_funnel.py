from django.db import migrations, models


class Migration(migrations.Migration):
    """Pages reached by each respondent, for the completion funnel.

    Respondents who started before pages were recorded keep an empty
    ``furthest_step`` (unknown), not 0: the funnel leaves them out.
    """

    dependencies = [
        ('assessment', '0006_assessment_wave'),
    ]

    operations = [
        migrations.AddField(
            model_name='respondent',
            name='furthest_step',
            field=models.PositiveSmallIntegerField(blank=True, editable=False, null=True,
                                                   verbose_name='furthest page'),
        ),
        migrations.AlterField(
            model_name='respondent',
            name='furthest_step',
            field=models.PositiveSmallIntegerField(blank=True, default=0, editable=False,
                                                   null=True, verbose_name='furthest page'),
        ),
        migrations.AddField(
            model_name='respondent',
            name='reviewed_at',
            field=models.DateTimeField(blank=True, editable=False, null=True,
                                       verbose_name='reached the review'),
        ),
    ]
