"""The consultant's KPI page: baselines and targets of the plan's KPIs, saved in one go."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from assessment.access import scored_assessment_view
from assessment.models import Assessment
from reports.document.builder import plan_kpis
from reports.document.inputs import inputs_for_assessment
from reports.document.kpi_targets import rule_of, short_unit
from reports.kpiplan.forms import KpiRecordFormSet
from reports.kpiplan.services import kpi_records_save

PREFIX = "kpi"


def kpi_context(*, assessment: Assessment, language: str) -> dict[str, Any]:
    """The plan's KPIs as the report shows them, their rules and the recorded values."""
    with translation.override(language):
        inputs = inputs_for_assessment(assessment, language)
        rows = plan_kpis(inputs)
    rules = {r["code"]: rule_of(r.get("target_rule") or {}, direction=r["direction"],
                                language=language) for r in rows}
    for row in rows:
        baseline, target = inputs.kpi_records.get(row["code"], (None, None))
        row["input_unit"] = short_unit(rules[row["code"]])
        row["initial"] = {"code": row["code"], "baseline": _typed(baseline),
                          "target": _typed(target)}
    return {"rows": rows, "rules": rules}


def _typed(value: float | None) -> str:
    """A recorded value as a consultant would type it: 12, 4,8 (no trailing .0)."""
    if value is None:
        return ""
    return number_format(value, decimal_pos=0 if float(value).is_integer() else None)


@login_required
@require_http_methods(["GET", "POST"])
@scored_assessment_view(gettext_lazy("The KPI plan is drafted once the assessment is scored."))
def kpis(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    """Every KPI of the plan in one form (one Save); bad numbers are shown on the page."""
    context = kpi_context(assessment=assessment, language=get_language())
    post = request.POST if request.method == "POST" else None
    formset = KpiRecordFormSet(post, prefix=PREFIX, initial=[r["initial"] for r in context["rows"]],
                               form_kwargs={"rules": context["rules"]})
    if post is not None:
        if formset.is_valid():
            changed = kpi_records_save(assessment=assessment, values={
                f.cleaned_data["code"]: (f.cleaned_data["baseline"], f.cleaned_data["target"])
                for f in formset.forms})
            messages.success(request, ngettext("%(n)s KPI saved.", "%(n)s KPIs saved.", changed)
                             % {"n": changed} if changed else _("Nothing changed."))
            return redirect("consultant:kpis", pk=assessment.pk)
        messages.error(request, _("Nothing was saved: please check the fields marked below."))
    rows_forms = list(zip(context["rows"], formset, strict=False))
    return render(request, "reports/kpis.html", {
        "assessment": assessment, "company": assessment.company, "formset": formset,
        "rows_forms": rows_forms}, status=400 if post else 200)
