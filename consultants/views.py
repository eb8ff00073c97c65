"""Consultants' pages: companies, waves and participants. Thin: access helper, form, service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessment.access import (
    assessment_for_user,
    companies_for_user,
    company_for_user,
    participant_for_user,
    scored_assessment_view,
)
from assessment.clusters import cluster_name
from assessment.models import Assessment, Questionnaire
from assessment.results import borderline_facts
from assessment.selectors import official_levels
from consultants.forms import AssessmentForm, CompanyForm
from reports.forms import BrandForm
from reports.models import Brand
from reports.selectors import brand_logo_uri, report_card
from reports.services import brand_save
from survey.pages import results_context
from workshops import services as ws
from workshops.forms import ImportForm, ParticipantForm
from workshops.pages import participants_listed
from workshops.selectors import company_waves, dimension_names, waves_comparison


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
        "participants": participants_listed(assessment=assessment),
        "total": assessment.questionnaire.questions.filter(scored=True).count(),
        "cluster_name": cluster_name(assessment.cluster) if assessment.scored_at else "",
        "borderline": borderline_facts(assessment=assessment) if assessment.scored_at else [],
        "form": form or ParticipantForm(), "import_form": ImportForm(),
        "report": _report_card(request, assessment) if assessment.scored_at else None,
    }, status=status)


def _report_card(request: HttpRequest, assessment) -> dict:
    return report_card(assessment=assessment, language=request.GET.get("report"),
                       urls=lambda language: {
                           "start": reverse("consultant:report", args=[assessment.pk]),
                           "status": reverse("consultant:report_status", args=[assessment.pk])
                           + f"?language={language}",
                           "download": reverse("consultant:report_download",
                                               args=[assessment.pk, language])})


@login_required
@require_GET
@scored_assessment_view(gettext_lazy("The results appear once the assessment is scored."))
def assessment_results(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    """The results an executive sees (cluster and why, scores, radar, strengths and gaps),
    from the official answers, with the participants and the company's waves."""
    context = results_context(assessment=assessment,
                              levels=official_levels(assessment=assessment))
    waves = company_waves(company=assessment.company)
    context.update(
        company=assessment.company,
        participants=participants_listed(assessment=assessment),
        comparison=waves_comparison(waves=waves,
                                    names=dimension_names(assessment=assessment)),
        report=_report_card(request, assessment))
    return render(request, "consultants/results.html", context)


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
@require_GET
def participant_link(request: HttpRequest, pk: int) -> JsonResponse:
    """A participant's personal link, fetched when the consultant asks for it (never in the
    page's source), to pass on by another channel when e-mail fails."""
    participant = participant_for_user(request.user, pk)
    if not participant.link_active:
        raise Http404
    response = JsonResponse({"url": ws.invitation_url(base_url=_base_url(request),
                                                      token=participant.token)})
    response["Cache-Control"] = "no-store"
    return response


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


@login_required
@require_http_methods(["GET", "POST"])
def brand_edit(request: HttpRequest) -> HttpResponse:
    """The consultant's firm name, logo and accent colour on their clients' reports."""
    brand = Brand.objects.filter(owner=request.user).first() or Brand(owner=request.user)
    form = BrandForm(request.POST or None, request.FILES or None, instance=brand)
    if request.method == "POST" and form.is_valid():
        brand_save(brand=form.instance)
        messages.success(request, _("Your brand is saved; reports made from now on carry it."))
        return redirect("consultant:brand")
    saved = Brand.objects.filter(owner=request.user).first()  # as stored, not as typed
    return render(request, "consultants/brand.html", {
        "form": form, "brand": saved, "logo_uri": brand_logo_uri(brand=saved) if saved else "",
    }, status=400 if form.errors else 200)
