"""Companies, their assessments (waves), respondents and answers."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from assessment.choices import Mode, Role, Sector, SizeBand
from assessment.models.questionnaire import Option, Question, Questionnaire


def new_token() -> str:
    """A private link token: 32 random bytes (256 bits), URL-safe."""
    return secrets.token_urlsafe(32)


class Company(models.Model):
    name = models.CharField(_("company name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices)
    size = models.CharField(_("size"), max_length=32, choices=SizeBand.choices)
    country = CountryField(_("country"))
    created_at = models.DateTimeField(auto_now_add=True)
    # Consultants' companies: the owner and the colleagues it is shared with see it;
    # self-assessments started from the landing page have no owner (admins only).
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="companies_owned", verbose_name=_("owner"),
    )
    shared_with = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="companies_shared",
        verbose_name=_("shared with"),
    )

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Assessment(models.Model):
    """One wave of a company's assessment, on one questionnaire version.

    The result fields are a snapshot written by the scoring service when the
    answers are submitted, so later questionnaire versions never change them.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="assessments")
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="assessments"
    )
    mode = models.CharField(_("mode"), max_length=16, choices=Mode.choices, default=Mode.SELF)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="it"
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now, db_index=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    overall = models.FloatField(_("overall score"), null=True, blank=True)
    cluster = models.CharField(_("cluster"), max_length=32, blank=True)
    scores = models.JSONField(_("dimension scores"), default=dict, blank=True)
    result = models.JSONField(_("result details"), default=dict, blank=True)
    scored_at = models.DateTimeField(null=True, blank=True)
    # Bumped by every roadmap edit, so report fingerprints see edits without a query.
    roadmap_rev = models.PositiveIntegerField(default=0, editable=False)
    # A workshop's consolidated report (every participant's answers in its appendix) is
    # the consultant's: participants' links reach it only once the consultant shares it.
    report_shared_at = models.DateTimeField(_("report shared with participants"), null=True,
                                            blank=True, editable=False)
    report_shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        editable=False, related_name="+", verbose_name=_("report shared by"),
    )
    # Order among the company's scored assessments (1 = first): ``assessment.waves``.
    wave = models.PositiveSmallIntegerField(_("wave"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["cluster"])]

    def __str__(self) -> str:
        return f"{self.company} – {self.created_at:%Y-%m-%d}"


class Respondent(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="respondents"
    )
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Workshop invitations: a revoked or expired link opens nothing.
    invited_at = models.DateTimeField(_("invited"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    expires_at = models.DateTimeField(_("link expires"), null=True, blank=True)
    # The answers the workshop agreed on: the assessment's official answer set.
    is_consensus = models.BooleanField(_("consensus"), default=False, editable=False)
    # Set when the person's data was erased on request: the row stays, anonymous.
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True, editable=False)
    # The completion funnel: the furthest dimension page opened (0: none yet; empty for
    # respondents who started before pages were recorded) and when the review was reached.
    furthest_step = models.PositiveSmallIntegerField(
        _("furthest page"), null=True, blank=True, default=0, editable=False)
    reviewed_at = models.DateTimeField(_("reached the review"), null=True, blank=True,
                                       editable=False)

    class Meta:
        verbose_name = _("respondent")
        verbose_name_plural = _("respondents")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment"], condition=Q(is_consensus=True),
                name="one_consensus_per_assessment",
            )
        ]

    @property
    def is_participant(self) -> bool:
        """A workshop participant: their answers count only through the consensus."""
        return self.assessment.mode == Mode.WORKSHOP and not self.is_consensus

    @property
    def answers_are_official(self) -> bool:
        """Whether these answers are the assessment's scored set: a self-assessment's own
        answers, or a workshop's consensus (the one rule for "official" answers)."""
        return not self.is_participant

    @property
    def link_active(self) -> bool:
        return self.revoked_at is None and (
            self.expires_at is None or self.expires_at > timezone.now()
        )

    def __str__(self) -> str:
        return self.name or self.email or str(self.get_role_display())


class Answer(models.Model):
    """One respondent's answer to one question: an option, or "don't know"."""

    respondent = models.ForeignKey(Respondent, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    option = models.ForeignKey(Option, on_delete=models.PROTECT, null=True, blank=True)
    dont_know = models.BooleanField(_("don't know"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "question"], name="one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=(Q(option__isnull=False, dont_know=False))
                | Q(option__isnull=True, dont_know=True),
                name="answer_option_xor_dont_know",
            ),
        ]

    def clean(self) -> None:
        if self.option_id and self.option.question_id != self.question_id:
            raise ValidationError({"option": _("This option belongs to another question.")})
        if self.question.questionnaire_id != self.respondent.assessment.questionnaire_id:
            raise ValidationError({"question": _("This question is not in this questionnaire.")})

    @property
    def level(self) -> int | None:
        return self.option.level if self.option_id else None
