"""A setting that is missing or cannot be read stops manage.py with one line on stderr and
exit status 2, naming the variable (never echoing a URL that may hold a password)."""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

import config.settings

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """manage.py run as a person would, with ``env`` on top of this environment. Values given
    here win over a local .env (it never overrides the environment)."""
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT,
                          env={**os.environ, **env}, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("args,env,message", [
    (["check"], {"DEBUG": "false", "SECRET_KEY": ""},
     ("manage.py: SECRET_KEY must be set when DEBUG is off: set it (and DEBUG=true for local "
      "work) in the environment or in .env, which `make run` writes for the demo")),
    (["--help"], {"DEBUG": "false", "SECRET_KEY": ""}, "manage.py: SECRET_KEY must be set"),
    (["score", "-"], {"DEBUG": "maybe"}, "manage.py: DEBUG must be true or false, not 'maybe'"),
    (["check"], {"DEBUG": "true", "CONN_MAX_AGE": "soon"},
     "manage.py: CONN_MAX_AGE must be a whole number, not 'soon'"),
    (["check"], {"DEBUG": "true", "DATABASE_URL": "postgress://cx:s3cret@db:5432/cx"},
     "manage.py: DATABASE_URL is not a URL such as postgres://user:pass@host:5432/db"),
    (["check"], {"DEBUG": "true", "EMAIL_URL": "smtp://mail:s3cret@smtp.example.com:tls"},
     "manage.py: EMAIL_URL is not a URL such as smtp+tls://user:pass@smtp.example.com:587"),
])
def test_a_settings_error_is_one_line_and_exit_status_2(args, env, message):
    done = manage(*args, **env)
    assert done.returncode == 2
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(message)
    assert "Traceback" not in done.stderr and "s3cret" not in done.stderr


def settings_with(monkeypatch, **env: str) -> dict:
    """config/settings.py evaluated afresh with ``env`` (a local .env is not read)."""
    monkeypatch.setattr("environ.Env.read_env", lambda *args, **kwargs: None)
    for key, value in {"DEBUG": "true", "TESTING": "true", **env}.items():
        monkeypatch.setenv(key, value)
    return runpy.run_path(str(Path(config.settings.__file__)))


@pytest.mark.parametrize("word,value", [("true", True), ("On", True), ("yes", True),
                                        ("1", True), (" false ", False), ("OFF", False),
                                        ("no", False), ("0", False)])
def test_boolean_settings_read_the_usual_words(monkeypatch, word, value):
    assert settings_with(monkeypatch, SECURE_SSL_REDIRECT=word)["SECURE_SSL_REDIRECT"] is value


@pytest.mark.parametrize("word", ["maybe", "", "2 "])
def test_a_boolean_setting_is_never_guessed(monkeypatch, word):
    with pytest.raises(ImproperlyConfigured, match=f"^AXES_ENABLED must be true or false, "
                                                   f"not '{word}'$"):
        settings_with(monkeypatch, AXES_ENABLED=word)


def test_numbers_and_urls_are_read_as_before(monkeypatch):
    values = settings_with(monkeypatch, CONN_MAX_AGE="60", AXES_COOLOFF_HOURS="0.5",
                           DATABASE_URL="postgres://cx:pw@db.example.com:5432/cx",
                           EMAIL_URL="smtp+tls://mail:pw@smtp.example.com:587")
    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("db.example.com", 5432, "cx")
    assert database["CONN_MAX_AGE"] == 60 and values["AXES_COOLOFF_TIME"] == 0.5
    assert values["EMAIL_HOST"] == "smtp.example.com" and values["EMAIL_USE_TLS"] is True
    assert values["EMAIL_PORT"] == 587
