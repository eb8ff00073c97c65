"""Load test: many respondents at once against gunicorn on PostgreSQL, all on 127.0.0.1.

    .venv/bin/python tests/load/run.py [--users 100] [--run-time 5m] [--workers 3]

Creates a fresh database (DATABASE_URL, by default
postgres://postgres@127.0.0.1:5432/omnimaturity_load; its name must contain "load",
because it is dropped first), migrates it and loads the content, starts gunicorn with
production settings (DEBUG off, a throwaway SECRET_KEY, throttling off so that one
address can play 100 people, no HTTPS redirect), runs the respondents of
tests/load/locustfile.py headless for the run time, stops gunicorn, then checks in the
database that every answer last sent is stored with that value. Prints latency
percentiles per request type. Exit status 0 when no answer was lost and no request
failed with a server error, 1 otherwise, 2 when it could not run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/omnimaturity_load"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


class LoadTestError(Exception):
    """The load test could not run (bad option, database or server not usable)."""


def seconds(run_time: str) -> int:
    """Locust's run time ("30s", "5m", "1h30m") in seconds."""
    parts = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?", run_time.strip())
    if not run_time.strip() or not parts:
        raise LoadTestError(f"--run-time must look like 30s, 5m or 1h30m, not {run_time!r}")
    hours, minutes, secs = (int(p or 0) for p in parts.groups())
    total = hours * 3600 + minutes * 60 + secs
    if not 0 < total <= 6 * 3600:
        raise LoadTestError("--run-time must be between 1 second and 6 hours")
    return total


def server_env(database_url: str) -> dict[str, str]:
    """Production settings, except what a local run over http needs."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "TESTING": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        # Plain http on 127.0.0.1: no redirect to https, no secure-only cookies.
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        # Every simulated respondent comes from 127.0.0.1.
        "RATELIMIT_ENABLE": "false",
        "TASKS_BACKEND": "database",
        # Persistent connections, as a production deployment would run.
        "CONN_MAX_AGE": os.environ.get("CONN_MAX_AGE", "60"),
        "LOG_LEVEL": "WARNING",
    }


def database_recreate(database_url: str) -> None:
    """Drops and creates the load-test database (on 127.0.0.1 only)."""
    import psycopg

    url = urlsplit(database_url)
    name = url.path.lstrip("/")
    if url.scheme not in {"postgres", "postgresql"} or url.hostname not in LOCAL_HOSTS:
        raise LoadTestError("DATABASE_URL must be a PostgreSQL database on 127.0.0.1")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name) or "load" not in name:
        raise LoadTestError(f'the database name must contain "load" (it is dropped): {name!r}')
    admin = urlunsplit(url._replace(path="/postgres"))
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=10) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        raise LoadTestError(f"cannot create database {name}: {exc}".strip()) from exc


def manage(env: dict[str, str], *args: str, timeout: int = 600) -> None:
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode:
        raise LoadTestError(f"manage.py {' '.join(args)} failed: {done.stderr.strip()[-500:]}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise LoadTestError("gunicorn stopped at start-up (see its log above)")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    raise LoadTestError(f"gunicorn did not answer on {url} within {timeout:.0f} s")


def stop(process: subprocess.Popen, timeout: float = 30) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def stored_answers(env: dict[str, str], tokens: list[str]) -> dict[tuple[str, str], str]:
    """``{(token, question id): "dont_know" or option id}`` as stored in the database."""
    os.environ.update({k: env[k] for k in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DEBUG",
                                           "TESTING", "SECRET_KEY")})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from assessment.models import Answer

    stored = {}
    for start in range(0, len(tokens), 500):
        rows = Answer.objects.filter(respondent__token__in=tokens[start:start + 500]) \
            .values_list("respondent__token", "question_id", "option_id", "dont_know")
        for token, question, option, dont_know in rows:
            stored[token, str(question)] = "dont_know" if dont_know else str(option)
    return stored


def lost_answers(record: dict, stored: dict[tuple[str, str], str]) -> tuple[int, int]:
    """(answers checked, answers lost): each must hold the last value the server took.

    A value sent when the run stopped, with no answer back, may or may not have been
    saved: either that value or the last acknowledged one is correct then.
    """
    checked = lost = 0
    for token, answers in record["acknowledged"].items():
        for question, value in answers.items():
            checked += 1
            allowed = {value, *record["unconfirmed"].get(token, {}).get(question, [])}
            lost += stored.get((token, question)) not in allowed
    return checked, lost


def percentiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        return (values[0],) * 3 if values else (0.0, 0.0, 0.0)
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def print_summary(record: dict, run_seconds: float, checked: int, lost: int) -> None:
    rows = sorted(record["latencies"].items())
    everything = [v for _, values in rows for v in values]
    print(f"\n{'request':<44}{'count':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for name, values in [*rows, ("TOTAL", everything)]:
        p50, p95, p99 = percentiles(values)
        print(f"{name:<44}{len(values):>8}{p50:>9.0f}{p95:>9.0f}{p99:>9.0f}")
    errors = record["errors"]
    print(f"\nrequests: {len(everything)} in {run_seconds:.0f} s "
          f"({len(everything) / max(run_seconds, 1):.1f}/s)")
    print(f"assessments completed (results page seen): {len(record['completed'])}; "
          f"respondents started: {len(record['acknowledged'])}")
    print(f"answers checked: {checked}; lost: {lost}")
    print(f"server errors (5xx): {errors['server']}; other 4xx: {errors['client']}; "
          f"network errors: {errors['network']}")
    for sample in record["error_samples"]:
        print(f"  {sample}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--spawn-rate", type=float, default=10, help="users started per second")
    parser.add_argument("--run-time", default="5m", help="e.g. 30s, 5m (default 5m)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (2-4)")
    args = parser.parse_args(argv)
    try:
        run_seconds = seconds(args.run_time)
        if not 1 <= args.users <= 1000 or not 1 <= args.workers <= 16 or args.spawn_rate <= 0:
            raise LoadTestError("--users must be 1-1000, --workers 1-16, --spawn-rate > 0")
        database_url = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE
        env = server_env(database_url)
        print(f"database {urlsplit(database_url).path.lstrip('/')}: creating, migrating, "
              f"loading content", flush=True)
        database_recreate(database_url)
        manage(env, "migrate", "-v", "0")
        manage(env, "load_content", "-v", "0")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        port = free_port()
        host = f"http://127.0.0.1:{port}"
        with tempfile.TemporaryDirectory(prefix="omnimaturity-load-") as tmp:
            log = Path(tmp) / "gunicorn.log"
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
                 "--workers", str(args.workers), "--timeout", "30",
                 "--error-logfile", str(log)],
                cwd=ROOT, env=env)
            try:
                wait_until_up(f"{host}/", server)
                print(f"gunicorn ({args.workers} workers) on {host}; {args.users} users for "
                      f"{args.run_time}", flush=True)
                record_path = Path(tmp) / "record.json"
                started = time.monotonic()
                subprocess.run(
                    [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless",
                     "--users", str(args.users), "--spawn-rate", str(args.spawn_rate),
                     "--run-time", args.run_time, "--host", host, "--only-summary",
                     "--loglevel", "WARNING", "--exit-code-on-error", "0"],
                    cwd=ROOT, env={**os.environ, "LOAD_RECORD": str(record_path)},
                    timeout=run_seconds + 120, check=False)
                elapsed = time.monotonic() - started
            finally:
                stop(server)
            timeouts = log.read_text().count("WORKER TIMEOUT") if log.exists() else 0
            if not record_path.exists():
                raise LoadTestError("locust wrote no record (see its output above)")
            record = json.loads(record_path.read_text())
    except (LoadTestError, subprocess.TimeoutExpired) as exc:
        print(f"loadtest: {exc}", file=sys.stderr)
        return 2
    checked, lost = lost_answers(record, stored_answers(env, list(record["acknowledged"])))
    print_summary(record, min(elapsed, run_seconds), checked, lost)
    print(f"gunicorn worker timeouts: {timeouts}")
    failed = lost or record["errors"]["server"] or timeouts or not checked
    print("RESULT: " + ("FAILED" if failed else "OK: no answer lost, no server error"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
