"""Consultants' pages: companies, waves and participants. Thin: access helper, form, service."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from assessment.access import (
    assessment_for_user,
    companies_for_user,
    company_for_user,
    participant_for_user,
)
from assessment.clusters import cluster_name
from assessment.models import Questionnaire
from assessment.results import borderline_facts
from consultants.forms import AssessmentForm, CompanyForm
from reports.selectors import report_state
from workshops import services as ws
from workshops.forms import ImportForm, ParticipantForm
from workshops.selectors import company_waves, dimension_names, participants_of, waves_comparison


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


@login_required
def home(request: HttpRequest) -> HttpResponse:
    companies = companies_for_user(request.user).select_related("owner").order_by("name")
    return render(request, "consultants/home.html", {"companies": companies})


@login_required
@require_http_methods(["GET", "POST"])
def company_create(request: HttpRequest) -> HttpResponse:
    form = CompanyForm(request.POST or None, initial={"country": "IT"})
    if request.method == "POST" and form.is_valid():
        company = ws.company_create(owner=request.user, **form.cleaned_data)
        return redirect("consultant:company", pk=company.pk)
    return render(request, "consultants/company_form.html", {"form": form},
                  status=400 if form.errors else 200)


@login_required
def company_detail(request: HttpRequest, pk: int) -> HttpResponse:
    company = company_for_user(request.user, pk)
    waves = company_waves(company=company)
    names = dimension_names(assessment=waves[-1]) if waves else {}
    return render(request, "consultants/company.html", {
        "company": company, "waves": waves,
        "comparison": waves_comparison(waves=waves, names=names),
        "form": AssessmentForm(initial={"language": request.LANGUAGE_CODE}),
    })


@login_required
@require_POST
def assessment_create(request: HttpRequest, pk: int) -> HttpResponse:
    company = company_for_user(request.user, pk)
    form = AssessmentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose a mode and a language."))
        return redirect("consultant:company", pk=company.pk)
    if Questionnaire.objects.current() is None:
        messages.error(request, _("The questionnaire is not available yet. Please try later."))
        return redirect("consultant:company", pk=company.pk)
    assessment = ws.assessment_create(company=company, **form.cleaned_data)
    return redirect("consultant:assessment", pk=assessment.pk)


@login_required
def assessment_detail(request: HttpRequest, pk: int, form: ParticipantForm | None = None,
                      status: int = 200) -> HttpResponse:
    assessment = assessment_for_user(request.user, pk)
    return render(request, "consultants/assessment.html", {
        "assessment": assessment, "company": assessment.company,
        "participants": participants_of(assessment=assessment),
        "total": assessment.questionnaire.questions.filter(scored=True).count(),
        "cluster_name": cluster_name(assessment.cluster) if assessment.scored_at else "",
        "borderline": borderline_facts(assessment=assessment) if assessment.scored_at else [],
        "form": form or ParticipantForm(), "import_form": ImportForm(),
        "reports": [{"code": code, "name": name,
                     "status": report_state(assessment=assessment, language=code)["status"]}
                    for code, name in settings.LANGUAGES] if assessment.scored_at else [],
    }, status=status)


@login_required
@require_POST
def participant_invite(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = assessment_for_user(request.user, pk)
    form = ParticipantForm(request.POST)
    if form.is_valid():
        try:
            participant = ws.participant_invite(assessment=assessment, base_url=_base_url(request),
                                                **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("%(name)s was invited.") % {"name": participant})
            return redirect("consultant:assessment", pk=assessment.pk)
    return assessment_detail(request, pk, form=form, status=400)


@login_required
@require_POST
def participant_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    participant = participant_for_user(request.user, pk)
    ws.invitation_revoke(participant=participant)
    messages.success(request, _("The link of %(name)s no longer works.") % {"name": participant})
    return redirect("consultant:assessment", pk=participant.assessment_id)


@login_required
@require_POST
def participant_resend(request: HttpRequest, pk: int) -> HttpResponse:
    participant = participant_for_user(request.user, pk)
    ws.invitation_resend(participant=participant, base_url=_base_url(request))
    messages.success(request, _("A new link was sent to %(name)s; the old one no longer works.")
                     % {"name": participant})
    return redirect(reverse("consultant:assessment", args=[participant.assessment_id]))
