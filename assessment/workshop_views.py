"""Consultants' workshop pages: projector view, consensus, imports, roadmap and report."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reports import services as report_services
from reports.roadmap_page import roadmap_context
from reports.views import stored_pdf_response

from . import workshop_services as ws
from .access import assessment_for_user
from .answers_table import TableRejected
from .consultant_forms import ImportForm, RoadmapAddForm, RoadmapEditForm
from .import_services import answers_import, answers_template
from .models import Questionnaire
from .workshop_pages import question_rows, workshop_context, workshop_data

REFRESH_SECONDS = 5
LANGS = {code for code, _name in settings.LANGUAGES}


@login_required
def workshop(request: HttpRequest, pk: int) -> HttpResponse:
    """The projector view; reloads itself every few seconds (pause with ?refresh=0)."""
    assessment = assessment_for_user(request.user, pk)
    context = workshop_context(assessment=assessment)
    context.update(assessment=assessment, company=assessment.company,
                   refresh=0 if request.GET.get("refresh") == "0" else REFRESH_SECONDS)
    return render(request, "assessment/consultant/workshop.html", context)


def _consensus_levels(post, codes: list[str]) -> dict[str, int | None] | None:
    levels: dict[str, int | None] = {}
    for code in codes:
        value = post.get(f"c_{code}", "")
        if value == "dont_know":
            levels[code] = None
        elif value in {"1", "2", "3", "4", "5"}:
            levels[code] = int(value)
        elif value:
            return None
    return levels


@login_required
@require_http_methods(["GET", "POST"])
def consensus(request: HttpRequest, pk: int) -> HttpResponse:
    """The agreed level per question, offered at the participants' median."""
    assessment = assessment_for_user(request.user, pk)
    data = workshop_data(assessment=assessment)
    error = None
    if request.method == "POST":
        levels = _consensus_levels(request.POST, [q["code"] for q in data.questions])
        if levels is None:
            error = _("Some levels were not valid: choose 1 to 5 or don't know.")
        else:
            scored = ws.consensus_save(assessment=assessment, levels=levels, user=request.user)
            if scored:
                messages.success(request, _("Consensus recorded: the assessment is scored."))
            else:
                messages.info(request, _("Consensus saved; some questions have no agreed "
                                         "level yet."))
            return redirect("consultant:consensus", pk=assessment.pk)
    return render(request, "assessment/consultant/consensus.html", {
        "assessment": assessment, "company": assessment.company, "error": error,
        "questions": question_rows(data), "levels": [1, 2, 3, 4, 5],
    }, status=400 if error else 200)


@login_required
@require_http_methods(["GET", "POST"])
def answers_upload(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = assessment_for_user(request.user, pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = answers_import(assessment=assessment, name=upload.name, data=upload.read(),
                                    user=request.user)
        except TableRejected as exc:
            errors = exc.errors
        else:
            messages.success(request, _("Imported the answers of %(n)s participants.")
                             % {"n": result.created + result.updated})
            return redirect("consultant:assessment", pk=assessment.pk)
    return render(request, "assessment/consultant/import.html", {
        "assessment": assessment, "company": assessment.company, "form": form,
        "errors": errors,
    }, status=400 if (errors or form.errors) else 200)


@login_required
@require_GET
def answers_template_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The blank answers table of a questionnaire version (CSV or XLSX)."""
    questionnaire = Questionnaire.objects.filter(pk=pk).first()
    if questionnaire is None or fmt not in {"csv", "xlsx"}:
        raise Http404
    content_type = "text/csv" if fmt == "csv" else \
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(answers_template(questionnaire=questionnaire, fmt=fmt),
                            content_type=content_type)
    name = f"omnimaturity-answers-{slugify(questionnaire.version)}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def roadmap(request: HttpRequest, pk: int) -> HttpResponse:
    """The generated plan with the consultant's edits; each form changes one action."""
    assessment = assessment_for_user(request.user, pk)
    if not assessment.scored_at:
        messages.info(request, _("The roadmap is drafted once the assessment is scored."))
        return redirect("consultant:assessment", pk=assessment.pk)
    context = roadmap_context(assessment=assessment, language=assessment.language)
    add_form = RoadmapAddForm(actions=context["library"], phases=context["phases"])
    status = 200
    if request.method == "POST":
        status = _roadmap_post(request, assessment, context, add_form)
        if status == 302:
            return redirect("consultant:roadmap", pk=assessment.pk)
        add_form = RoadmapAddForm(request.POST, actions=context["library"],
                                  phases=context["phases"]) if "add" in request.POST else \
            add_form
        add_form.is_valid()
    context.update(assessment=assessment, company=assessment.company, add_form=add_form)
    return render(request, "assessment/consultant/roadmap.html", context, status=status)


def _roadmap_post(request: HttpRequest, assessment, context, add_form) -> int:
    post = request.POST
    if "reset" in post:
        report_services.roadmap_edits_reset(assessment=assessment)
        return 302
    if "remove" in post:
        remove = str(post["remove"])
        # ASCII digits within a 64-bit id: "²".isdigit() is true and int() of 5,000
        # digits raises, both of which were a 500.
        if not (remove.isascii() and remove.isdigit() and len(remove) <= 18):
            return 400
        report_services.roadmap_edit_delete(assessment=assessment, edit_id=int(remove))
        return 302
    if "add" in post:
        form = RoadmapAddForm(post, actions=context["library"], phases=context["phases"])
        if not form.is_valid():
            return 400
        report_services.roadmap_action_add(assessment=assessment, **form.cleaned_data)
        return 302
    form = RoadmapEditForm(post, phases=context["phases"])
    if not form.is_valid() or form.cleaned_data["action_code"] not in context["codes"]:
        messages.error(request, _("This change could not be saved: please check the fields."))
        return 400
    report_services.roadmap_edit_save(assessment=assessment, **form.cleaned_data)
    return 302


@login_required
@require_POST
def report_start(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = assessment_for_user(request.user, pk)
    if not assessment.scored_at:
        raise Http404
    language = request.POST.get("language")
    language = language if language in LANGS else assessment.language
    report_services.report_request(assessment=assessment, language=language)
    messages.info(request, _("The report is being prepared; reload this page in a moment."))
    return redirect("consultant:assessment", pk=assessment.pk)


@login_required
@require_GET
def report_download(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    return stored_pdf_response(assessment=assessment_for_user(request.user, pk),
                               language=language)
