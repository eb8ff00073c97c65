"""Executive survey views: thin wrappers around selectors, pages and services."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from assessment import clusters, services
from assessment.access import report_open_to
from assessment.models import Dimension, Questionnaire
from assessment.selectors import answer_levels, respondent_by_token, survey_state
from assessment.throttle import throttle
from reports.selectors import report_card
from survey.forms import EmailLinkForm, StartForm
from survey.pages import results_context, state_progress, step_count, survey_page_html


def landing(request: HttpRequest) -> HttpResponse:
    return render(request, "survey/landing.html", {"clusters": clusters.clusters_table()})


def method(request: HttpRequest) -> HttpResponse:
    questionnaire = Questionnaire.objects.current()
    dims = {d.code: d.name for d in questionnaire.dimensions.all()} if questionnaire else {}
    rules = clusters.rule_descriptions(questionnaire.method, dims) if questionnaire else []
    return render(request, "survey/method.html", {
        "questionnaire": questionnaire, "dimension_names": list(dims.values()), "rules": rules,
    })


@require_http_methods(["GET", "POST"])
@throttle("start", methods=("POST",))
def start(request: HttpRequest) -> HttpResponse:
    form = StartForm(request.POST or None, initial={"country": "IT"})
    if request.method == "POST" and form.is_valid():
        if Questionnaire.objects.current() is None:
            form.add_error(None, _("The questionnaire is not available yet. Please try later."))
        else:
            data = form.cleaned_data
            respondent = services.assessment_start(
                company={"name": data["company"], "sector": data["sector"],
                         "size": data["size"], "country": data["country"]},
                role=data["role"],
                language=(get_language() or "it")[:2],
            )
            return redirect("assessment:dimension", token=respondent.token, step=1)
    status = 400 if form.errors else 200
    return render(request, "survey/start.html", {"form": form}, status=status)


@throttle("pages")
def resume(request: HttpRequest, token: str) -> HttpResponse:
    """Where a private link leads: the first dimension with a gap, the review or results."""
    respondent = respondent_by_token(token=token)
    if respondent.submitted_at:
        return redirect("assessment:results", token=token)
    missing = services.missing_questions(respondent=respondent)
    if not missing:
        return redirect("assessment:review", token=token)
    dims = list(Dimension.objects.filter(questionnaire=respondent.assessment.questionnaire_id)
                .order_by("order").values_list("id", flat=True))
    return redirect("assessment:dimension", token=token,
                    step=dims.index(missing[0].dimension_id) + 1)


def _page_values(request: HttpRequest) -> dict[str, str]:
    return {k[1:]: v for k, v in request.POST.items() if k.startswith("q") and k[1:].isdigit()}


@require_http_methods(["GET", "POST"])
@throttle("pages")
def dimension_page(request: HttpRequest, token: str, step: int) -> HttpResponse:
    error = None
    if request.method == "POST":
        respondent = respondent_by_token(token=token)
        if respondent.submitted_at:
            return redirect("assessment:results", token=token)
        try:
            services.answers_save(respondent=respondent, values=_page_values(request))
        except services.AnswerRejected:
            error = _("Some answers could not be saved: please choose again among the options "
                      "shown. Your earlier answers are kept.")
        else:
            go = request.POST.get("go")
            if go == "review":
                return redirect(reverse("assessment:review", args=[token]) + "#missing")
            target = step - 1 if go == "back" else step + 1
            if target > step_count(respondent=respondent):
                return redirect("assessment:review", token=token)
            return redirect("assessment:dimension", token=token, step=max(target, 1))
    state = survey_state(token=token)
    if state is None:
        raise Http404
    if state.submitted:
        return redirect("assessment:results", token=token)
    html = survey_page_html(request=request, state=state, step=step, error=error,
                            from_review=request.GET.get("from") == "review")
    if html is None:
        return render(request, "survey/not_found.html", status=404)
    if state.furthest_step is not None and step > state.furthest_step:
        services.page_reached(respondent_id=state.respondent_id, step=step)
    return HttpResponse(html, status=400 if error else 200)


@require_POST
@throttle("autosave", key="token", as_json=True)
def autosave(request: HttpRequest, token: str) -> JsonResponse:
    """Saves one answer as soon as it is given (called by the page's script)."""
    respondent = respondent_by_token(token=token)
    question, value = request.POST.get("question", ""), request.POST.get("value", "")
    if respondent.submitted_at:
        return JsonResponse({"ok": False, "error": _("These answers were already submitted.")},
                            status=409)
    try:
        services.answers_save(respondent=respondent, values={question: value})
    except services.AnswerRejected:
        return JsonResponse({"ok": False, "error": _("This answer is not valid.")}, status=400)
    state = survey_state(token=token)
    progress = state_progress(state).as_json() if state else {}
    return JsonResponse({"ok": True, **progress})


def _link(request: HttpRequest, token: str) -> str:
    return request.build_absolute_uri(reverse("assessment:resume", args=[token]))


@require_POST
@throttle("email", key="token")
@throttle("email")
def email_link(request: HttpRequest, token: str) -> HttpResponse:
    """E-mails the private link to the address typed; JSON for the page's script."""
    respondent = respondent_by_token(token=token)
    form = EmailLinkForm(request.POST)
    as_json = request.headers.get("X-Requested-With") == "fetch"
    if not form.is_valid():
        error = _("Please enter a valid e-mail address.")
        if as_json:
            return JsonResponse({"ok": False, "error": error}, status=400)
        return render(request, "survey/link_sent.html", {"error": error, "token": token},
                      status=400)
    email = form.cleaned_data["email"]
    services.resume_link_send(respondent=respondent, email=email, url=_link(request, token))
    message = _("The link was sent to %(email)s.") % {"email": email}
    if as_json:
        return JsonResponse({"ok": True, "message": message})
    return render(request, "survey/link_sent.html", {"message": message, "token": token})


@require_http_methods(["GET", "POST"])
@throttle("pages")
def review(request: HttpRequest, token: str) -> HttpResponse:
    respondent = respondent_by_token(token=token)
    if respondent.submitted_at:
        return redirect("assessment:results", token=token)
    submitted = request.method == "POST"
    services.review_reached(respondent=respondent)
    if submitted:
        outcome = services.respondent_submit(respondent=respondent)
        if outcome.ok:
            return redirect("assessment:results", token=token)
        missing = outcome.missing
    else:
        missing = services.missing_questions(respondent=respondent)
    steps = {d: i for i, d in enumerate(
        Dimension.objects.filter(questionnaire=respondent.assessment.questionnaire_id)
        .order_by("order").values_list("id", flat=True), start=1)}
    return render(request, "survey/review.html", {
        "respondent": respondent,
        "missing": [{"question": q, "step": steps[q.dimension_id]} for q in missing],
        "submitted": submitted,
        "resume_url": _link(request, token),
    }, status=400 if submitted and missing else 200)


def _report(request: HttpRequest, respondent) -> dict:
    """The report card, in the language asked for (``?report=``) or the assessment's."""
    token = respondent.token
    return report_card(
        assessment=respondent.assessment, language=request.GET.get("report"),
        urls=lambda language: {
            "start": reverse("reports:start", args=[token]),
            "status": reverse("reports:status", args=[token]) + f"?language={language}",
            "download": reverse("reports:download", args=[token, language])})


@throttle("pages")
def results(request: HttpRequest, token: str) -> HttpResponse:
    respondent = respondent_by_token(token=token)
    if respondent.is_participant:
        # Workshop participants see the agreed result in the session, not their own.
        if not respondent.submitted_at:
            return redirect("assessment:review", token=token)
        shared = bool(respondent.assessment.scored_at) and report_open_to(respondent)
        return render(request, "workshops/participant_done.html", {
            "respondent": respondent,
            "report": _report(request, respondent) if shared else None})
    if not respondent.assessment.scored_at:
        return redirect("assessment:review", token=token)
    context = results_context(assessment=respondent.assessment,
                              levels=answer_levels(respondent=respondent))
    context["respondent"] = respondent
    context["report"] = _report(request, respondent)
    context["resume_url"] = _link(request, token)
    return render(request, "survey/results.html", context)
