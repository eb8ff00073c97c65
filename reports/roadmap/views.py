"""The consultant's roadmap editor: the generated plan with their edits, saved in one go."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from assessment.access import scored_assessment_view
from assessment.ids import parse_id
from assessment.models import Assessment
from reports.models import RoadmapEdit
from reports.roadmap import services as roadmap_services
from reports.roadmap.forms import RoadmapAddForm, RoadmapFormSet
from reports.roadmap.page import roadmap_context

PREFIX = "row"


@login_required
@require_http_methods(["GET", "POST"])
@scored_assessment_view(gettext_lazy("The roadmap is drafted once the assessment is scored."))
def roadmap(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    """Every action of the plan in one form (one Save), drops with a restore, additions."""
    context = roadmap_context(assessment=assessment, language=get_language())
    post = request.POST if request.method == "POST" else None
    formset = _formset(post if post and "save" in post else None, context)
    add_form = RoadmapAddForm(post if post and "add" in post else None,
                              actions=context["library"], **context["choices"])
    if post is not None:
        done = _handle(request, assessment=assessment, context=context, formset=formset,
                       add_form=add_form)
        if done:
            return redirect("consultant:roadmap", pk=assessment.pk)
        if len(formset.forms) != len(context["rows"]):
            formset = _formset(None, context)  # a tampered form count: show the plan as it is
    context.update(assessment=assessment, company=assessment.company, add_form=add_form,
                   formset=formset, rows_forms=list(zip(context["rows"], formset, strict=True)))
    return render(request, "reports/roadmap.html", context, status=400 if post else 200)


def _formset(data, context: dict[str, Any]):
    return RoadmapFormSet(data, prefix=PREFIX, initial=[r["initial"] for r in context["rows"]],
                          form_kwargs=context["choices"])


def _handle(request: HttpRequest, *, assessment: Assessment, context: dict[str, Any],
            formset, add_form: RoadmapAddForm) -> bool:
    """Carries out the posted verb; True when it was done (the page then redirects)."""
    post = request.POST
    if "reset" in post:
        roadmap_services.roadmap_edits_reset(assessment=assessment)
        messages.success(request, _("The plan is back to the generated one."))
        return True
    if "restore" in post:
        edit_id = parse_id(post["restore"])
        return bool(edit_id) and bool(roadmap_services.roadmap_edit_restore(
            assessment=assessment, edit_id=edit_id))
    if "add" in post:
        if not add_form.is_valid():
            return False
        roadmap_services.roadmap_action_add(assessment=assessment, **add_form.cleaned_data)
        messages.success(request, _("The action was added to the plan."))
        return True
    if "save" in post:
        return _save_rows(request, assessment=assessment, context=context, formset=formset)
    return False


def _save_rows(request: HttpRequest, *, assessment: Assessment, context: dict[str, Any],
               formset) -> bool:
    if not formset.is_valid() or len(formset.forms) != len(context["rows"]):
        messages.error(request, _("Nothing was saved: please check the fields marked below."))
        return False
    rows = {r["code"]: r for r in context["rows"]}
    changes = []
    for form in formset.forms:
        row = rows.get(form.cleaned_data["code"])
        if row is None or form.cleaned_data.get("edit_id") != row["edit_id"]:
            messages.error(request, _("The plan changed meanwhile: nothing was saved. "
                                      "Please make your changes again."))
            return False
        fields = {f: form.cleaned_data[f] for f in form.changed_data if f in row["fields"]}
        if form.cleaned_data["drop"]:
            fields["dropped"] = True
        if fields:
            changes.append((row, fields))
    dropped = []
    for row, fields in changes:
        try:
            roadmap_services.roadmap_row_save(
                assessment=assessment, fields=fields, edit_id=row["edit_id"],
                action_code="" if row["edit_id"] else row["code"])
        except RoadmapEdit.DoesNotExist:
            continue
        if fields.get("dropped"):
            dropped.append(row["title"])
    _saved_message(request, changed=len(changes), dropped=dropped)
    return True


def _saved_message(request: HttpRequest, *, changed: int, dropped: list[str]) -> None:
    if not changed:
        messages.info(request, _("Nothing changed."))
        return
    messages.success(request, ngettext("%(n)s action saved.", "%(n)s actions saved.", changed)
                     % {"n": changed})
    if dropped:
        messages.info(request, ngettext(
            "Dropped: %(titles)s. Restore it from the list of dropped actions.",
            "Dropped: %(titles)s. Restore them from the list of dropped actions.",
            len(dropped)) % {"titles": "; ".join(dropped)})
