"""Throttling of the public endpoints: too many requests get a 429 and a clear message.

Counters live in Django's cache (LocMemCache, or Redis with REDIS_URL) through
django-ratelimit. Rates are read from ``settings.THROTTLE_RATES`` on each request,
so a deployment sets them in the environment and a test overrides them in settings;
``RATELIMIT_ENABLE=false`` turns every limit off.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Callable
from typing import Literal

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import ngettext
from django_ratelimit import ALL
from django_ratelimit.core import get_usage

log = logging.getLogger(__name__)

Kind = Literal["start", "autosave", "pages", "email"]
Key = Literal["ip", "token"]
View = Callable[..., HttpResponse]


def _token_key(group: str, request: HttpRequest) -> str:
    match = request.resolver_match
    return str(match.kwargs.get("token", "")) if match else ""


def _rate(group: str, request: HttpRequest) -> str:
    return settings.THROTTLE_RATES[group.split(":", 1)[0]]


def retry_after(request: HttpRequest, *, kind: Kind, key: Key = "ip",
                methods: tuple[str, ...] | None = None) -> int | None:
    """Counts this request; the seconds to wait when it is over the limit, else None."""
    try:
        usage = get_usage(
            request, group=f"{kind}:{key}", key=_token_key if key == "token" else "ip",
            rate=_rate, method=list(methods) if methods else ALL, increment=True,
        )
    except Exception:
        # The cache (Redis) is down: serving respondents matters more than counting them.
        log.warning("throttling skipped: the cache is unavailable", exc_info=True)
        return None
    if usage is None or not usage["should_limit"]:
        return None
    return max(int(usage["time_left"]), 1)


def throttled_response(request: HttpRequest, *, wait: int, as_json: bool) -> HttpResponse:
    """The 429 answer: JSON for the page's scripts, a page for people."""
    minutes = max(math.ceil(wait / 60), 1)
    message = ngettext(
        "Too many requests in a short time. Please wait %(minutes)d minute and try again.",
        "Too many requests in a short time. Please wait %(minutes)d minutes and try again.",
        minutes,
    ) % {"minutes": minutes}
    if as_json:
        response: HttpResponse = JsonResponse(
            {"ok": False, "error": message, "retry_after": wait}, status=429)
    else:
        response = render(request, "assessment/throttled.html", {"message": message}, status=429)
    response["Retry-After"] = str(wait)
    return response


def throttle(kind: Kind, *, key: Key = "ip", methods: tuple[str, ...] | None = None,
             as_json: bool = False) -> Callable[[View], View]:
    """Limits a view to ``settings.THROTTLE_RATES[kind]`` per client address or private link.

    ``methods`` limits only those methods (``("POST",)``); the others are not counted.
    """
    def decorator(view: View) -> View:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            wait = retry_after(request, kind=kind, key=key, methods=methods)
            if wait is not None:
                return throttled_response(request, wait=wait, as_json=as_json)
            return view(request, *args, **kwargs)
        return wrapped
    return decorator
