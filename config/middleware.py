"""A database outage is answered with a clear 503, never a 500 and a traceback."""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5


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
        if request.headers.get("X-Requested-With") == "fetch" or request.path.endswith(
                "/answer/"):
            response: HttpResponse = JsonResponse({"ok": False, "error": message}, status=503)
        else:
            response = render(request, "503.html", {"message": message}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
