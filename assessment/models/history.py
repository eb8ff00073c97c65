"""The audit trail of answers: every change of a respondent's answer, old and new."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessment.models.assessments import Respondent
from assessment.models.questionnaire import Option, Question


def state_label(level: int | None, dont_know: bool) -> str:
    """How a state reads: the level, "don't know" or "no answer" (in the active language)."""
    if level is not None:
        return str(level)
    return gettext("don't know") if dont_know else gettext("no answer")


class Source(models.TextChoices):
    RESPONDENT = "respondent", _("respondent")
    CONSENSUS = "consensus", _("consensus")
    IMPORT = "import", _("import")
    RESTORE = "restore", _("restore")


class AnswerChange(models.Model):
    """One change of one answer, written by the service that made it (never edited).

    A state is an option, "don't know" (no option, ``dont_know``) or "no answer"
    (neither), stored as typed values like the answer itself, so an overwritten
    answer can be put back exactly.
    """

    respondent = models.ForeignKey(
        Respondent, on_delete=models.CASCADE, related_name="answer_changes",
        verbose_name=_("respondent"),
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="+", verbose_name=_("question")
    )
    # PROTECT like Answer.option: an option that history points to stays restorable.
    old_option = models.ForeignKey(
        Option, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("old option"),
    )
    old_dont_know = models.BooleanField(_("old: don't know"), default=False)
    new_option = models.ForeignKey(
        Option, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("new option"),
    )
    new_dont_know = models.BooleanField(_("new: don't know"), default=False)
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    # The consultant behind a consensus, import or restore; empty when the
    # respondent answered through their own link.
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("answer change")
        verbose_name_plural = _("answer changes")
        ordering = ["-changed_at", "-id"]
        indexes = [models.Index(fields=["respondent", "question"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(old_option__isnull=True) | Q(old_dont_know=False),
                name="answer_change_old_state",
            ),
            models.CheckConstraint(
                condition=Q(new_option__isnull=True) | Q(new_dont_know=False),
                name="answer_change_new_state",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.old_label} → {self.new_label}"

    @property
    def old_level(self) -> int | None:
        return self.old_option.level if self.old_option_id else None

    @property
    def new_level(self) -> int | None:
        return self.new_option.level if self.new_option_id else None

    @property
    def old_label(self) -> str:
        return state_label(self.old_level, self.old_dont_know)

    @property
    def new_label(self) -> str:
        return state_label(self.new_level, self.new_dont_know)
