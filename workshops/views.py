"""Consultants' workshop pages: projector view, consensus, imports, roadmap and report."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessment.access import assessment_for_user
from assessment.choices import Mode, Role
from assessment.models import Questionnaire
from workshops import services as ws
from workshops.forms import ImportForm
from workshops.imports import answers_import, answers_template
from workshops.pages import question_rows, workshop_context, workshop_data
from workshops.table import TableRejected

REFRESH_SECONDS = 5
LANGS = {code for code, _name in settings.LANGUAGES}


@login_required
def workshop(request: HttpRequest, pk: int) -> HttpResponse:
    """The projector view; reloads itself every few seconds (pause with ?refresh=0)."""
    assessment = assessment_for_user(request.user, pk)
    context = workshop_context(assessment=assessment)
    context.update(assessment=assessment, company=assessment.company,
                   refresh=0 if request.GET.get("refresh") == "0" else REFRESH_SECONDS)
    return render(request, "workshops/workshop.html", context)


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
    return render(request, "workshops/consensus.html", {
        "assessment": assessment, "company": assessment.company, "error": error,
        "questions": question_rows(data), "levels": [1, 2, 3, 4, 5],
    }, status=400 if error else 200)


@login_required
@require_POST
def report_share(request: HttpRequest, pk: int) -> HttpResponse:
    """Shares the consolidated report with the participants' links, or stops sharing it."""
    assessment = assessment_for_user(request.user, pk)
    if assessment.mode != Mode.WORKSHOP:
        raise Http404
    shared = request.POST.get("share") == "1"
    ws.report_share(assessment=assessment, user=request.user, shared=shared)
    messages.success(request, _("The participants' links now open the report.") if shared
                     else _("The participants' links no longer open the report."))
    return redirect("consultant:workshop", pk=assessment.pk)


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
            messages.success(request, ngettext("Imported the answers of %(n)s participant.",
                                      "Imported the answers of %(n)s participants.",
                                      result.created + result.updated)
                             % {"n": result.created + result.updated})
            return redirect("consultant:assessment", pk=assessment.pk)
    return render(request, "workshops/import.html", {
        "assessment": assessment, "company": assessment.company, "form": form,
        "errors": errors, "roles": Role.choices,
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
