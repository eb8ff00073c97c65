"""Consultants' view of an assessment's answer history, and putting an old answer back."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessment.access import assessment_for_user
from assessment.answers.forms import HistoryFilterForm
from assessment.answers.history import (
    NO_ANSWER,
    assessment_changes,
    current_states,
    old_state,
    restorable,
)
from assessment.answers.restore import answer_restore
from assessment.models import Respondent
from assessment.models.history import state_label

PAGE_SIZE = 50


def respondent_label(respondent: Respondent) -> str:
    if respondent.is_consensus:
        return _("Consensus")
    return respondent.name or respondent.email or respondent.get_role_display()


@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = assessment_for_user(request.user, pk)
    people = [(r.pk, respondent_label(r))
              for r in assessment.respondents.order_by("-is_consensus", "name", "pk")]
    form = HistoryFilterForm(request.GET, people=people)
    wanted = form.cleaned_data if form.is_valid() else {}
    changes = assessment_changes(assessment=assessment, respondent_id=wanted.get("who"),
                                 question_code=wanted.get("question", ""))
    page = Paginator(changes, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    current = current_states(rows)
    return render(request, "assessment/history.html", {
        "assessment": assessment, "company": assessment.company, "page": page, "form": form,
        "rows": [{"change": c, "who": respondent_label(c.respondent),
                  "before": state_label(c.old_level, c.old_dont_know),
                  "after": state_label(c.new_level, c.new_dont_know),
                  "restorable": restorable(c, current),
                  "clears": old_state(c) == NO_ANSWER} for c in rows],
    })


@login_required
@require_POST
def restore(request: HttpRequest, pk: int, change: int) -> HttpResponse:
    assessment = assessment_for_user(request.user, pk)
    found = assessment_changes(assessment=assessment).filter(pk=change).first()
    if found is None:
        raise Http404
    if answer_restore(change=found, user=request.user) is None:
        messages.info(request, _("%(code)s already has that answer: nothing changed.")
                      % {"code": found.question.code})
    elif old_state(found) == NO_ANSWER:
        messages.success(request, _("%(code)s: the answer was taken away, as it was before "
                                    "that change.") % {"code": found.question.code})
    else:
        messages.success(request, _("%(code)s: the earlier answer (%(state)s) is back.")
                         % {"code": found.question.code,
                            "state": state_label(found.old_level, found.old_dont_know)})
    # Back to the page of the history the consultant was reading (same filters), and
    # only there: anything else in ``next`` is ignored.
    history_url = reverse("consultant:history", args=[assessment.pk])
    back = request.POST.get("next", "")
    return redirect(back if back.startswith(history_url + "?") else history_url)
