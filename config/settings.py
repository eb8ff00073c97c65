"""Settings, all read from the environment in this one place.

Local defaults are safe: SQLite, console e-mail, DEBUG off unless asked.
A bad value (say DEBUG=maybe) fails at start-up instead of being guessed: every
problem is an ImproperlyConfigured naming the variable, which manage.py prints as
one line (exit status 2).
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


class StrictEnv(environ.Env):
    """django-environ, except that a value it cannot read is an error naming the variable.

    django-environ reads any word but its own "true" words as false (DEBUG=maybe is off)
    and lets int("abc") fail without saying which variable held it.
    """

    TRUE = frozenset({"true", "on", "yes", "y", "1"})
    FALSE = frozenset({"false", "off", "no", "n", "0"})

    def get_value(self, var, cast=None, default=environ.Env.NOTSET, parse_default=False):
        raw = self.ENVIRON.get(var)
        if cast is bool and raw is not None:
            if raw.strip().lower() not in self.TRUE | self.FALSE:
                raise ImproperlyConfigured(f"{var} must be true or false, not {raw!r}")
            return raw.strip().lower() in self.TRUE
        try:
            return super().get_value(var, cast=cast, default=default,
                                     parse_default=parse_default)
        except (ValueError, TypeError):
            kind = {int: "a whole number", float: "a number"}.get(cast, "a valid value")
            raise ImproperlyConfigured(f"{var} must be {kind}, not {raw!r}") from None

    def url(self, var, kind, example, default=environ.Env.NOTSET):
        """DATABASE_URL (kind "db") or EMAIL_URL ("email"), parsed. The value is never
        echoed: it may hold a password."""
        value = self.str(var, default=default)
        schemes = self.DB_SCHEMES if kind == "db" else self.EMAIL_SCHEMES
        parse = self.db_url_config if kind == "db" else self.email_url_config
        try:
            if urlsplit(value).scheme not in schemes:
                raise ValueError(var)
            return parse(value)
        except (ValueError, ImproperlyConfigured):
            raise ImproperlyConfigured(f"{var} is not a URL such as {example}") from None


env = StrictEnv()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off: set it (and DEBUG=true for local work) "
            "in the environment or in .env, which `make run` writes for the demo")
    SECRET_KEY = "insecure-local-development-key"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# HTTPS hardening. Production (DEBUG off, outside the test suite) gets secure defaults, each
# overridable; local work (DEBUG=true) and the tests (TESTING=true) run over plain http.
TESTING = env.bool("TESTING", default=False)
_PRODUCTION = not DEBUG and not TESTING
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=_PRODUCTION)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=_PRODUCTION)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=_PRODUCTION)
# The load balancer probes /healthz over plain http: a redirect would read as "down".
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000 if _PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
# Behind a TLS-terminating proxy, trust its X-Forwarded-Proto; only when the proxy sets it
# (otherwise a client could claim https itself).
if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = env.str("SECURE_REFERRER_POLICY", default="same-origin")
X_FRAME_OPTIONS = "DENY"

INSTALLED_APPS = [
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "django_ratelimit",
    "axes",
    "csp",
    # Product areas, lowest layer first (the import contracts in .importlinter say who may
    # import whom).
    "assessment",
    "benchmark",
    "reports",
    "workshops",
    "survey",
    "consultants",
    "perf",
]

MIDDLEWARE = [
    # First, so that every log line of the request, redirects included, carries its id.
    "config.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # A request body that cannot be decoded becomes a 400 before any view reads it.
    "config.middleware.UnreadableBodyMiddleware",
    # A lost database connection becomes a 503 the survey's script retries.
    "config.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": env.url("DATABASE_URL", "db", "postgres://user:pass@host:5432/db",
                       default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="it")
LANGUAGES = [("it", _("Italian")), ("en", _("English"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "it"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "it")
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates as each language writes them ("1 December 2026", "1 dicembre 2026").
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Rome")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# static/plotly/plotly.min.js is plotly.js at the plotly package's version (the PDF's), with
# only the trace types the charts use (`make plotly-bundle`).
STATICFILES_DIRS = [BASE_DIR / "static"]
# Collected static files (collectstatic into STATIC_ROOT): hashed names cached for ever,
# gzip and brotli copies, served by WhiteNoise. Production always; the demo too (`make run`
# sets STATIC_COLLECTED=true and runs runserver --nostatic), so it loads pages as fast.
STATIC_COLLECTED = env.bool("STATIC_COLLECTED", default=not DEBUG and not TESTING)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "config.storage.HashedStaticFilesStorage" if STATIC_COLLECTED
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not STATIC_COLLECTED
WHITENOISE_AUTOREFRESH = DEBUG and not STATIC_COLLECTED

# A strict Content Security Policy: every script is a static file (figure data travels in
# json_script blocks of type application/json). Styles allow inline because plotly.js
# injects <style> rules and style attributes, as do the progress bars' widths.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# EMAIL_URL (e.g. smtp+tls://user:password@smtp.example.com:587) configures SMTP in one
# variable; without it invitations are printed on the console.
if env.str("EMAIL_URL", default=""):
    vars().update(env.url("EMAIL_URL", "email", "smtp+tls://user:pass@smtp.example.com:587"))
else:
    EMAIL_BACKEND = env.str("EMAIL_BACKEND",
                            default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="omnimaturity <noreply@localhost>")

# Text fields typed by respondents are capped here and in the models' max_length.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=256 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 400

# Offline answers (CSV/XLSX, the import page and `import_answers`): the file's size is
# checked before it is read; an XLSX's unpacked size before it is opened, and its rows
# and columns as it is read, stopping at the first one over the limit.
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=5 * 1024 * 1024)
IMPORT_MAX_UNPACKED_BYTES = env.int("IMPORT_MAX_UNPACKED_BYTES", default=2 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=500)
IMPORT_MAX_COLUMNS = env.int("IMPORT_MAX_COLUMNS", default=200)

LOGIN_URL = "consultant:login"
LOGIN_REDIRECT_URL = "consultant:home"
LOGOUT_REDIRECT_URL = "assessment:landing"

# Login attempts are limited by django-axes: after AXES_FAILURE_LIMIT failures for one
# username from one address, that pair is locked out for AXES_COOLOFF_HOURS.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "consultants/locked_out.html"
# Workshop invitation links stop working after this many days (a re-send renews them).
INVITATION_DAYS = env.int("INVITATION_DAYS", default=60)
# How long a self-assessment's private link (resume, results, report) keeps working.
RESUME_LINK_DAYS = env.int("RESUME_LINK_DAYS", default=365)

# Background work (PDF reports): the database-backed queue, served by
# `manage.py db_worker` on as many machines as needed. TASKS_BACKEND=immediate
# runs tasks inside the request instead (no worker; for quick local checks).
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_task_backend = env.str("TASKS_BACKEND", default="database")
if _task_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {sorted(_TASK_BACKENDS)}")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_task_backend]}}

# The cache holds the throttling counters. LocMemCache counts per process, which is enough
# for one web process; with several gunicorn workers or machines set REDIS_URL
# (e.g. redis://127.0.0.1:6379/0) so that every process shares one count.
REDIS_URL = env.str("REDIS_URL", default="")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
# django-ratelimit only knows third-party cache classes: Django's own RedisCache increments
# atomically too (W001), and the per-process LocMemCache is a deliberate default (E003).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"] + ([] if REDIS_URL else ["django_ratelimit.E003"])

# Throttling of the public pages (assessment/throttle.py), per client address and, for
# autosave, per private link. Rates are "<count>/<s|m|h|d>"; RATELIMIT_ENABLE=false turns
# all of it off (the test suite and the load test do).
RATELIMIT_ENABLE = env.bool("RATELIMIT_ENABLE", default=True)
RATELIMIT_USE_CACHE = "default"
# Behind a proxy the client address is not REMOTE_ADDR: name the META key the proxy sets
# (e.g. HTTP_X_REAL_IP); never a header the client can set itself.
if env.str("RATELIMIT_IP_META_KEY", default=""):
    RATELIMIT_IP_META_KEY = env.str("RATELIMIT_IP_META_KEY")
_RATE = r"^[1-9][0-9]*/[smhd]$"
THROTTLE_RATES = {
    "start": env.str("RATELIMIT_START", default="20/h"),
    "autosave": env.str("RATELIMIT_AUTOSAVE", default="600/m"),
    "pages": env.str("RATELIMIT_PAGES", default="300/m"),
    # E-mailing a private link: per link and per client address.
    "email": env.str("RATELIMIT_EMAIL", default="5/h"),
}
for _name, _rate in THROTTLE_RATES.items():
    if not re.match(_RATE, _rate):
        raise ImproperlyConfigured(
            f"RATELIMIT_{_name.upper()} must look like 20/h (a count per s, m, h or d), "
            f"not {_rate!r}")

# LOG_FORMAT=json writes one JSON object per line on stdout (time, level, logger, message and
# any extra fields) for a log collector; plain text stays the default for people reading it.
LOG_FORMAT = env.str("LOG_FORMAT", default="plain")
if LOG_FORMAT not in ("plain", "json"):
    raise ImproperlyConfigured("LOG_FORMAT must be plain or json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",  # ISO 8601 in UTC, whatever TIME_ZONE says
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            # JSON goes to stdout for the collector; plain text keeps stderr, so a command's
            # own output on stdout (export_questionnaire > file.json) stays clean locally.
            "stream": "ext://sys.stdout" if LOG_FORMAT == "json" else "ext://sys.stderr",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        },
    },
    "filters": {"request_id": {"()": "config.request_id.RequestIdFilter"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # The chart exporter's browser driver is chatty at INFO.
    "loggers": {
        name: {"level": "WARNING"}
        for name in ("choreographer", "kaleido", "fontTools", "weasyprint", "axes")
    },
}
