"""The questionnaire: versions, dimensions, questions and their graded options.

Texts are translated fields (see ``assessment/translation.py``); weights, keys and
the scoring method are data of the version, so publishing a new version never
changes a result scored on an old one.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

LEVELS = (1, 2, 3, 4, 5)


class QuestionnaireQuerySet(models.QuerySet):
    def published(self) -> "QuestionnaireQuerySet":
        return self.filter(published_at__isnull=False)

    def current(self) -> "Questionnaire | None":
        """The newest published version: the one new assessments use."""
        return self.published().order_by("-published_at", "-id").first()


class Questionnaire(models.Model):
    version = models.CharField(_("version"), max_length=32, unique=True)
    title = models.CharField(_("title"), max_length=200)
    method = models.JSONField(
        _("scoring method"),
        default=dict,
        help_text=_("Thresholds, cluster profiles and rules, as loaded from fixtures/."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Bumped whenever a text, question or option of this version changes, so
    # each process knows when its pre-rendered survey pages are stale.
    content_rev = models.PositiveIntegerField(default=0, editable=False)

    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        verbose_name = _("questionnaire version")
        verbose_name_plural = _("questionnaire versions")
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"


class Dimension(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="dimensions"
    )
    code = models.SlugField(_("code"), max_length=32)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["questionnaire", "order"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="dimension_code_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="questions"
    )
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="questions")
    code = models.CharField(_("code"), max_length=16)
    key = models.SlugField(
        _("key"),
        max_length=40,
        null=True,
        blank=True,
        help_text=_("Name used by the method and the checklist, such as dedicated_budget."),
    )
    scored = models.BooleanField(_("scored"), default=True)
    weight = models.FloatField(_("weight"), default=1.0, validators=[MinValueValidator(0)])
    text = models.CharField(_("text"), max_length=400)
    help = models.CharField(_("help"), max_length=400, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["dimension__order", "order"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="question_code_unique"),
            models.UniqueConstraint(
                fields=["questionnaire", "key"],
                condition=Q(key__isnull=False),
                name="question_key_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text}"


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    level = models.PositiveSmallIntegerField(
        _("level"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    label = models.CharField(_("label"), max_length=300)

    class Meta:
        ordering = ["question", "level"]
        constraints = [
            models.UniqueConstraint(fields=["question", "level"], name="option_level_unique"),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="option_level_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.level}. {self.label}"


def content_changed(questionnaire_id: int) -> None:
    Questionnaire.objects.filter(pk=questionnaire_id).update(
        content_rev=models.F("content_rev") + 1
    )
