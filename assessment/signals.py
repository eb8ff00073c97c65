"""Any edit of a questionnaire's content invalidates the pre-rendered survey pages; a
deleted assessment's company has its waves renumbered."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from assessment.models import Assessment, Dimension, Option, Question
from assessment.models.questionnaire import content_changed
from assessment.waves import waves_number


@receiver([post_save, post_delete], sender=Dimension)
@receiver([post_save, post_delete], sender=Question)
def _question_changed(sender, instance, **kwargs):
    content_changed(instance.questionnaire_id)


@receiver([post_save, post_delete], sender=Option)
def _option_changed(sender, instance, **kwargs):
    content_changed(Question.objects.filter(pk=instance.question_id)
                    .values_list("questionnaire_id", flat=True).first() or 0)


@receiver(post_delete, sender=Assessment)
def _assessment_deleted(sender, instance, **kwargs):
    if instance.scored_at is not None:
        waves_number(company_ids=[instance.company_id])
