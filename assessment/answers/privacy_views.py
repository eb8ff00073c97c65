"""Consultants' privacy actions on a participant: export their data, or erase it."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessment.access import participant_for_user
from assessment.answers.privacy import respondent_erase, respondent_export


@login_required
@require_POST
def participant_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The participant's personal data as a JSON download (POST: it discloses personal data)."""
    participant = participant_for_user(request.user, pk)
    body = json.dumps(respondent_export(respondent=participant), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="participant-{participant.pk}.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def participant_erase(request: HttpRequest, pk: int) -> HttpResponse:
    participant = participant_for_user(request.user, pk)
    respondent_erase(respondent=participant)
    messages.success(request, _("The participant's personal data was erased; the assessment's "
                                "scores are kept."))
    return redirect("consultant:assessment", pk=participant.assessment_id)
