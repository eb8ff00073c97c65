"""Report views: request a PDF, follow its progress, download it."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from assessment.access import assessment_for_user, report_open_to
from assessment.selectors import respondent_by_token
from assessment.throttle import throttle
from reports.models import ReportFile
from reports.selectors import current_reports
from reports.services import report_is_stale, report_request

LANGS = {code for code, _ in settings.LANGUAGES}


def _scored(token: str):
    """The scored assessment whose report the link may reach; 404 otherwise (a workshop
    participant's link, unless the consultant shared the report)."""
    respondent = respondent_by_token(token=token)
    if not respondent.assessment.scored_at or not report_open_to(respondent):
        raise Http404
    return respondent.assessment


def _language(request: HttpRequest, assessment) -> str:
    lang = request.POST.get("language") or request.GET.get("language") or assessment.language
    return lang if lang in LANGS else assessment.language


@require_POST
@throttle("pages")
def report_start(request: HttpRequest, token: str) -> HttpResponse:
    assessment = _scored(token)
    language = _language(request, assessment)
    report_request(assessment=assessment, language=language)
    return redirect(reverse("assessment:results", args=[token]) + f"?report={language}#report")


@require_GET
@throttle("pages", as_json=True)
def report_status(request: HttpRequest, token: str) -> JsonResponse:
    assessment = _scored(token)
    language = _language(request, assessment)
    return _status_json(assessment=assessment, language=language,
                        download_url=reverse("reports:download", args=[token, language]))


def _status_json(*, assessment, language: str, download_url: str) -> JsonResponse:
    """The current report's state for the page's script: waiting, ready (with its link),
    or failed (with the reason)."""
    report = current_reports(assessment=assessment, language=language).defer("pdf").first()
    if report is None:
        return JsonResponse({"status": "none"})
    data = {"status": report.status, "label": report.get_status_display()}
    if report_is_stale(report=report):
        # Its worker died: the page offers "try again", which queues it anew.
        data = {"status": ReportFile.Status.FAILED, "label": str(ReportFile.Status.FAILED.label),
                "error": _("Preparing the report was interrupted. Please try again.")}
    elif report.status == ReportFile.Status.DONE:
        data["url"] = download_url
    if report.status == ReportFile.Status.FAILED:
        data["error"] = _("The report could not be made. Try again; if it fails again, "
                          "contact support.")
    return JsonResponse(data)


def stored_pdf_response(*, assessment, language: str) -> HttpResponse:
    """The stored PDF while it matches the current answers (one indexed query); 404 otherwise."""
    if language not in LANGS:
        raise Http404
    pdf = current_reports(assessment=assessment, language=language).filter(
        status=ReportFile.Status.DONE).values_list("pdf", flat=True).first()
    if pdf is None:
        raise Http404
    name = slugify(assessment.company.name) or "report"
    response = HttpResponse(bytes(pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="omnimaturity-{name}-{language}.pdf"'
    return response


@require_GET
@throttle("pages")
def report_download(request: HttpRequest, token: str, language: str) -> HttpResponse:
    if language not in LANGS:
        raise Http404
    return stored_pdf_response(assessment=_scored(token), language=language)


# The consultant's copy of an assessment's report (self or workshop).


@login_required
@require_POST
def consultant_report_start(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = assessment_for_user(request.user, pk)
    if not assessment.scored_at:
        raise Http404
    language = request.POST.get("language")
    language = language if language in LANGS else assessment.language
    report_request(assessment=assessment, language=language)
    return redirect(reverse("consultant:assessment", args=[assessment.pk])
                    + f"?report={language}#report")


@login_required
@require_GET
def consultant_report_status(request: HttpRequest, pk: int) -> JsonResponse:
    assessment = assessment_for_user(request.user, pk)
    if not assessment.scored_at:
        raise Http404
    language = _language(request, assessment)
    return _status_json(assessment=assessment, language=language, download_url=reverse(
        "consultant:report_download", args=[assessment.pk, language]))


@login_required
@require_GET
def consultant_report_download(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    return stored_pdf_response(assessment=assessment_for_user(request.user, pk),
                               language=language)
