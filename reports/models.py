"""Report content (actions, KPIs, benefits, reference distributions) and stored PDFs."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    QUICK_WINS = "quick_wins", _("Quick wins (0–3 months)")
    FOUNDATIONS = "foundations", _("Foundations (3–12 months)")
    SCALE = "scale", _("Scale (12–24 months)")


class Practice(models.TextChoices):
    """Medallia's five best practices, in their published order."""

    CX_LEADER = "cx_leader", _("A CX leader runs every experience and its unification")
    INTERNAL_AUDIT = "internal_audit", _("An internal audit of departments, technology and data")
    JOURNEY_DESIGN = "journey_design", _("Every customer interaction tracked and designed")
    INVOLVE_DEPARTMENTS = "involve_departments", _("Every customer-facing area involved")
    CROSS_FUNCTIONAL_TEAM = "cross_functional_team", _("A cross-functional team that meets regularly")


class Benefit(models.Model):
    code = models.SlugField(max_length=40, unique=True)
    group = models.CharField(max_length=32)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Kpi(models.Model):
    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(_("definition"))
    formula = models.CharField(_("formula"), max_length=400)
    unit = models.CharField(_("unit"), max_length=20)
    direction = models.CharField(_("better when"), max_length=10)
    cadence = models.CharField(_("review cadence"), max_length=20)
    benefit = models.ForeignKey(Benefit, on_delete=models.PROTECT, related_name="kpis")
    core = models.BooleanField(_("core CX KPI"), default=False)
    default_owner = models.CharField(_("default owner"), max_length=32)
    # How far the KPI should move in 12 months by cluster (reports.document.kpi_targets).
    target_rule = models.JSONField(_("target rule"), default=dict, blank=True)

    class Meta:
        verbose_name = "KPI"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Action(models.Model):
    code = models.SlugField(max_length=40, unique=True)
    dimension = models.SlugField(_("dimension"), max_length=32)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    question_code = models.CharField(_("applies to question"), max_length=16)
    max_level = models.PositiveSmallIntegerField(
        _("proposed up to level"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    impact = models.PositiveSmallIntegerField(
        _("impact"), validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    effort = models.PositiveSmallIntegerField(
        _("effort"), validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices)
    owner_role = models.CharField(_("owner role"), max_length=32)
    kpis = models.ManyToManyField(Kpi, blank=True, related_name="actions")
    medallia_practice = models.CharField(
        _("Medallia practice"), max_length=32, choices=Practice.choices, blank=True
    )
    benefit = models.ForeignKey(Benefit, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class ReferenceDistribution(models.Model):
    """A published cluster distribution, as data: a new edition needs no code."""

    code = models.SlugField(max_length=40, unique=True)
    edition = models.PositiveSmallIntegerField()
    name = models.CharField(_("name"), max_length=300)
    source = models.CharField(_("source"), max_length=400)
    shares = models.JSONField(null=True, blank=True)
    facts = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-edition"]

    def __str__(self) -> str:
        return self.name


class ReportFile(models.Model):
    """A PDF made for an assessment in one language; served again while its fingerprint holds."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Being prepared")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    assessment = models.ForeignKey(
        "assessment.Assessment", on_delete=models.CASCADE, related_name="reports"
    )
    language = models.CharField(max_length=8)
    fingerprint = models.CharField(max_length=64)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    task_id = models.CharField(max_length=64, blank=True)
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    error = models.CharField(max_length=400, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "language", "fingerprint"], name="one_report_per_state"
            )
        ]


class RoadmapEdit(models.Model):
    """A consultant's change to an assessment's generated roadmap, applied by the builder.

    With an ``action_code`` of the plan it drops or changes that action; with
    ``added`` it adds a library action (``action_code``) or a custom one (``title``).
    Empty fields keep the generated value.
    """

    assessment = models.ForeignKey(
        "assessment.Assessment", on_delete=models.CASCADE, related_name="roadmap_edits"
    )
    action_code = models.CharField(_("action"), max_length=40, blank=True)
    added = models.BooleanField(_("added"), default=False)
    dropped = models.BooleanField(_("dropped"), default=False)
    title = models.CharField(_("title"), max_length=200, blank=True)
    # A custom action's own description, the question it aims at (its gap decides the
    # priority) or, without one, its dimension's gap; impact and effort 1-3 like the library.
    description = models.TextField(_("description"), blank=True, max_length=2000)
    dimension = models.SlugField(_("dimension"), max_length=32, blank=True)
    question_code = models.CharField(_("target question"), max_length=16, blank=True)
    impact = models.PositiveSmallIntegerField(
        _("impact"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(3)])
    effort = models.PositiveSmallIntegerField(
        _("effort"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(3)])
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices, blank=True)
    owner = models.CharField(_("owner"), max_length=80, blank=True)
    due = models.DateField(_("due date"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "action_code"], condition=~models.Q(action_code=""),
                name="one_edit_per_action",
            ),
            models.CheckConstraint(
                condition=~models.Q(action_code="", title=""), name="edit_names_an_action",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.action_code


class KpiRecord(models.Model):
    """A KPI's measured baseline for an assessment, and the target agreed with the company."""

    assessment = models.ForeignKey(
        "assessment.Assessment", on_delete=models.CASCADE, related_name="kpi_records"
    )
    kpi = models.ForeignKey(Kpi, on_delete=models.CASCADE, related_name="records")
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2,
                                 null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kpi__code"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "kpi"], name="one_record_per_kpi"),
        ]

    def __str__(self) -> str:
        return f"{self.kpi.code}: {self.baseline}"


class Brand(models.Model):
    """A firm's name, logo and accent colour on the cover of the reports it hands out.

    A consultant has at most one (``owner``); the site's own (``site_default``, no owner,
    edited in the admin) dresses self-assessment reports. The logo is stored as checked
    bytes (reports.brand) and reaches the PDF as a data: URI, never as a link.
    """

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
        related_name="brand", verbose_name=_("consultant"))
    site_default = models.BooleanField(
        _("site brand"), default=False,
        help_text=_("Used on self-assessment reports (and for consultants without a brand)."))
    firm_name = models.CharField(_("firm name"), max_length=120)
    accent = models.CharField(_("accent colour"), max_length=7, blank=True,
                              help_text=_("#rrggbb, e.g. #0b5cad"))
    logo = models.BinaryField(_("logo"), null=True, blank=True, editable=False)
    logo_type = models.CharField(max_length=20, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("brand")
        verbose_name_plural = _("brands")
        constraints = [
            models.UniqueConstraint(fields=["site_default"], condition=models.Q(site_default=True),
                                    name="one_site_brand"),
            models.CheckConstraint(
                condition=models.Q(owner__isnull=False, site_default=False)
                | models.Q(owner__isnull=True, site_default=True),
                name="brand_of_a_consultant_or_the_site"),
        ]

    def __str__(self) -> str:
        return self.firm_name

    def clean(self) -> None:
        from reports.brand import BrandError, accent_checked, logo_checked

        errors = {}
        if self.accent:
            try:
                self.accent = accent_checked(self.accent)
            except BrandError as exc:
                errors["accent"] = str(exc)
        if self.logo:
            try:
                self.logo_type = logo_checked(bytes(self.logo)).content_type
            except BrandError as exc:
                errors["logo"] = str(exc)
        if self.site_default == bool(self.owner_id):
            errors["site_default"] = _("A brand belongs to a consultant or is the site's brand.")
        if errors:
            raise ValidationError(errors)
