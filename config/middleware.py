"""Failures that are nobody's bug get a clear answer, never a 500 and a traceback: a
request body that cannot be read (400) and a database outage (503)."""

from __future__ import annotations

import logging

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5


# What reading a request's form body raises when the body is not a form this site reads.
UNREADABLE_BODY = (BadRequest, SuspiciousOperation, MultiPartParserError, UnicodeError,
                   UnreadablePostError)


def wants_json(request: HttpRequest) -> bool:
    """Whether the caller is the survey's script (autosave) rather than a person's browser."""
    return (request.headers.get("X-Requested-With") == "fetch"
            or request.path.endswith("/answer/"))


class UnreadableBodyMiddleware:
    """A form body that cannot be decoded (a charset other than UTF-8, a broken multipart
    body, too many fields) is a 400 page, or JSON for the autosave.

    Django raises on the first read of ``request.POST``; the CSRF check of its own 400
    handler would read it again and fail into a 500. Reading it here, once, and
    answering 400 before any view or error handler runs avoids both.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST":
            try:
                request.POST  # noqa: B018 - parses the body, which may raise
            except UNREADABLE_BODY as exc:
                request._mark_post_parse_error()  # later reads find an empty form
                log.warning("unreadable request body: %s", exc.__class__.__name__)
                return self._bad_request(request)
        return self.get_response(request)

    @staticmethod
    def _bad_request(request: HttpRequest) -> HttpResponse:
        if wants_json(request):
            return JsonResponse({"ok": False, "error": _(
                "The request could not be read. Please reload the page; your saved "
                "answers are kept.")}, status=400)
        return render(request, "400.html", status=400)


class DatabaseUnavailableMiddleware:
    """Turns a lost database connection into 503 + Retry-After.

    The survey's script keeps the answer, shows "not saved – retrying" and sends it
    again once the database is back; a person gets a page saying nothing is lost.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception
                          ) -> HttpResponse | None:
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        log.error("database unavailable: %s", exception.__class__.__name__)
        message = _("The service is briefly unavailable. Nothing you already saved is lost; "
                    "please try again in a moment.")
        if wants_json(request):
            response: HttpResponse = JsonResponse({"ok": False, "error": message}, status=503)
        else:
            response = render(request, "503.html", {"message": message}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
