"""Production settings: `check --deploy` is clean, responses carry the security headers,
static files survive collectstatic, logs can be JSON, and /healthz tells the truth."""

from __future__ import annotations

import io
import json
import logging
import logging.config
import re
import runpy
import secrets
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.templatetags.static import static
from django.test import override_settings

import config.settings

pytestmark = pytest.mark.django_db

# The settings that depend on DEBUG/TESTING or on the deployment's environment.
DEPLOY_KEYS = (
    "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
    "SECURE_SSL_REDIRECT", "SECURE_REDIRECT_EXEMPT", "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY", "X_FRAME_OPTIONS", "CONTENT_SECURITY_POLICY", "MIDDLEWARE",
)
HOST = "cx.example.com"


def settings_from_env(monkeypatch, **env: str) -> dict:
    """config/settings.py evaluated afresh in a production environment plus ``env``."""
    base = {"DEBUG": "false", "TESTING": "false", "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST}
    for key, value in {**base, **env}.items():
        monkeypatch.setenv(key, value)
    values = runpy.run_path(str(Path(config.settings.__file__)))
    return {key: values[key] for key in DEPLOY_KEYS + ("SECURE_PROXY_SSL_HEADER", "LOGGING")
            if key in values}


@pytest.fixture
def production(monkeypatch):
    """The running settings switched to what production reads from its environment."""
    values = settings_from_env(monkeypatch)
    with override_settings(**{key: values[key] for key in DEPLOY_KEYS}):
        yield values


def test_deploy_check_reports_nothing_in_production(production, monkeypatch):
    # The browser tests' harness sets this for Playwright; production never does.
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    out = io.StringIO()
    # --fail-level WARNING turns any deploy warning into an error that fails this test.
    call_command("check", "--deploy", "--fail-level", "WARNING", stdout=out, stderr=out)
    assert "no issues" in out.getvalue()


def test_production_defaults_are_secure(production):
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SESSION_COOKIE_SECURE"] and production["CSRF_COOKIE_SECURE"]
    assert production["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and production["SECURE_HSTS_PRELOAD"]
    assert "SECURE_PROXY_SSL_HEADER" not in production


def test_each_production_default_can_be_overridden(monkeypatch):
    values = settings_from_env(
        monkeypatch, SECURE_SSL_REDIRECT="false", SECURE_HSTS_SECONDS="600",
        SECURE_HSTS_PRELOAD="false", SECURE_HSTS_INCLUDE_SUBDOMAINS="false",
        SECURE_PROXY_SSL_HEADER="true", SESSION_COOKIE_SECURE="false",
    )
    assert values["SECURE_SSL_REDIRECT"] is False and values["SECURE_HSTS_SECONDS"] == 600
    assert not values["SECURE_HSTS_PRELOAD"] and not values["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert values["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert values["SESSION_COOKIE_SECURE"] is False and values["CSRF_COOKIE_SECURE"] is True


def test_local_demo_and_tests_run_over_plain_http(monkeypatch):
    for env in ({"DEBUG": "true"}, {"TESTING": "true"}):
        values = settings_from_env(monkeypatch, **{"DEBUG": "false", "TESTING": "false", **env})
        assert not values["SECURE_SSL_REDIRECT"] and not values["SESSION_COOKIE_SECURE"]
        assert values["SECURE_HSTS_SECONDS"] == 0


def test_production_response_carries_the_security_headers(production, client):
    response = client.get("/", secure=True, headers={"host": HOST})
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    csp = dict(d.strip().split(" ", 1) for d in response["Content-Security-Policy"].split(";"))
    assert csp["default-src"] == "'self'" and csp["script-src"] == "'self'"
    assert csp["object-src"] == "'none'" and csp["frame-ancestors"] == "'none'"
    assert csp["style-src"] == "'self' 'unsafe-inline'" and csp["img-src"] == "'self' data:"
    assert csp["base-uri"] == "'self'" and csp["form-action"] == "'self'"
    # The language form's CSRF cookie only travels over https.
    assert response.cookies["csrftoken"]["secure"] is True


def test_production_redirects_plain_http_but_not_the_health_check(production, client):
    response = client.get("/method/", headers={"host": HOST})
    assert response.status_code == 301
    assert response["Location"] == f"https://{HOST}/method/"
    health = client.get("/healthz", headers={"host": HOST})
    assert health.status_code == 200 and health.json()["status"] == "ok"


def test_healthz_is_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies


def test_healthz_is_503_when_the_database_is_down(client, json_logs):
    with mock.patch("config.health.connection") as connection:
        connection.cursor.side_effect = OperationalError("connection refused")
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}
    [line] = [r for r in json_logs() if r["logger"] == "config.health"]
    assert line["level"] == "ERROR" and "connection refused" in line["exc_info"]
    assert line["request_id"] == response["X-Request-ID"]


def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405


def test_collected_static_files_are_served_with_debug_off(production, client, tmp_path):
    manifest = "whitenoise.storage.CompressedManifestStaticFilesStorage"
    storages = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                "staticfiles": {"BACKEND": manifest}}
    # Compression is WhiteNoise's own business and takes ~20 s on plotly.min.js; the
    # manifest (every url() and source map a file references must exist) is what breaks.
    with override_settings(STORAGES=storages, STATIC_ROOT=tmp_path,
                           WHITENOISE_SKIP_COMPRESS_EXTENSIONS=["js", "css", "csv", "svg",
                                                                "txt", "html", "map"]):
        call_command("collectstatic", "--noinput", verbosity=0)
        urls = [static(name) for name in ("css/app.css", "js/charts.js",
                                          "plotly/plotly.min.js",
                                          "vendor/bootstrap/bootstrap.bundle.min.js")]
        assert all(re.search(r"\.[0-9a-f]{12}\.(css|js)$", url) for url in urls), urls
        assert static("css/app.css") in client.get("/", secure=True,
                                                   headers={"host": HOST}).content.decode()
        for url in urls:
            response = client.get(url, secure=True, headers={"host": HOST})
            assert response.status_code == 200, url
            # Hashed names never change content, so browsers may keep them for ever.
            assert "immutable" in response["Cache-Control"], url
            response.close()


@pytest.fixture
def json_logs(monkeypatch):
    """Logging configured as production's LOG_FORMAT=json; yields a reader of stdout's lines."""
    values = settings_from_env(monkeypatch, LOG_FORMAT="json")
    stdout = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stdout)  # the handler binds sys.stdout when configured
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    logging.config.dictConfig(values["LOGGING"])
    yield lambda: [json.loads(line) for line in stdout.getvalue().splitlines()]
    root.handlers[:], root.level = saved


def test_json_log_format_writes_one_object_per_line(json_logs):
    logging.getLogger("omnimaturity.test").warning("report %s ready", 42)
    [line] = json_logs()
    assert line["message"] == "report 42 ready" and line["level"] == "WARNING"
    assert line["logger"] == "omnimaturity.test"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+\+00:00", line["time"])
    assert line["request_id"] == "-"  # outside a request


def test_log_lines_of_a_request_carry_the_proxy_request_id(json_logs, client):
    response = client.get("/no-such-page/", headers={"x-request-id": "lb-7f3a.1"})
    assert response.status_code == 404 and response["X-Request-ID"] == "lb-7f3a.1"
    [line] = [r for r in json_logs() if r["logger"] == "django.request"]
    assert line["request_id"] == "lb-7f3a.1" and line["status_code"] == 404


def test_an_unsafe_request_id_is_replaced(client):
    response = client.get("/healthz", headers={"x-request-id": "evil\" level=ERROR"})
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_bad_log_format_fails_at_start_up(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT"):
        settings_from_env(monkeypatch, LOG_FORMAT="xml")
