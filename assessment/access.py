"""The one access rule for consultants' pages: what a user may see, or 404.

A consultant sees the companies they own or that were shared with them, and
those companies' assessments and participants; staff (admins) see everything.
Anything else is "not found", so an outsider cannot even learn that an id exists.

A private link opens its own answers; the report of the assessment only where the
link is the assessment's own (a self-assessment) or the consultant has shared a
workshop's consolidated report with its participants (``report_open_to``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from assessment.models import Assessment, Company, Respondent


def is_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_staff)


def companies_for_user(user) -> QuerySet[Company]:
    """The companies a user may see."""
    if not user.is_authenticated:
        return Company.objects.none()
    if is_admin(user):
        return Company.objects.all()
    return Company.objects.filter(
        Q(owner=user) | Q(id__in=Company.shared_with.through.objects.filter(
            user_id=user.id).values("company_id"))
    )


def company_for_user(user, pk: int) -> Company:
    """The company ``pk`` if the user may see it; Http404 otherwise."""
    company = companies_for_user(user).filter(pk=pk).first()
    if company is None:
        raise Http404
    return company


def assessment_for_user(user, pk: int) -> Assessment:
    """The assessment ``pk`` (with company and questionnaire) if visible; Http404 otherwise."""
    assessment = (
        Assessment.objects.select_related("company", "questionnaire")
        .filter(pk=pk, company__in=companies_for_user(user)).first()
    )
    if assessment is None:
        raise Http404
    return assessment


def scored_assessment_view(not_yet: str) -> Callable:
    """Decorates a consultant's view of a scored assessment: the view gets the assessment
    (visible to the user, else 404); an assessment not scored yet sends the user back to its
    page with ``not_yet`` (a lazy translation) as a message."""
    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, pk: int) -> HttpResponse:
            assessment = assessment_for_user(request.user, pk)
            if not assessment.scored_at:
                messages.info(request, str(not_yet))
                return redirect("consultant:assessment", pk=assessment.pk)
            return view(request, assessment)
        return wrapper
    return decorate


def participant_for_user(user, pk: int) -> Respondent:
    """A workshop participant (never the consensus set) if visible; Http404 otherwise."""
    participant = (
        Respondent.objects.select_related("assessment__company", "assessment__questionnaire")
        .filter(pk=pk, is_consensus=False,
                assessment__company__in=companies_for_user(user)).first()
    )
    if participant is None:
        raise Http404
    return participant


def report_open_to(respondent: Respondent) -> bool:
    """Whether a private link reaches its assessment's report.

    A workshop's consolidated report lists every participant's answers: a
    participant's link reaches it only while the consultant shares it.
    """
    return not respondent.is_participant or respondent.assessment.report_shared_at is not None
