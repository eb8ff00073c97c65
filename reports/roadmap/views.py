"""The consultant's roadmap editor: the generated plan with their edits."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from assessment.access import assessment_for_user
from assessment.ids import parse_id
from reports.roadmap import services as roadmap_services
from reports.roadmap.forms import RoadmapAddForm, RoadmapEditForm
from reports.roadmap.page import roadmap_context


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
    return render(request, "reports/roadmap.html", context, status=status)


def _roadmap_post(request: HttpRequest, assessment, context, add_form) -> int:
    post = request.POST
    if "reset" in post:
        roadmap_services.roadmap_edits_reset(assessment=assessment)
        return 302
    if "remove" in post:
        edit_id = parse_id(post["remove"])
        if edit_id is None:
            return 400
        roadmap_services.roadmap_edit_delete(assessment=assessment, edit_id=edit_id)
        return 302
    if "add" in post:
        form = RoadmapAddForm(post, actions=context["library"], phases=context["phases"])
        if not form.is_valid():
            return 400
        roadmap_services.roadmap_action_add(assessment=assessment, **form.cleaned_data)
        return 302
    form = RoadmapEditForm(post, phases=context["phases"])
    if not form.is_valid() or form.cleaned_data["action_code"] not in context["codes"]:
        messages.error(request, _("This change could not be saved: please check the fields."))
        return 400
    roadmap_services.roadmap_edit_save(assessment=assessment, **form.cleaned_data)
    return 302
