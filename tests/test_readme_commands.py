"""Every command line of the README's "Command line" section runs as written.

The lines are read from README.md itself, so the README and this test cannot drift apart.
They run in a fresh copy of the repository (what git would check in), set up as `make run`
leaves a checkout: the Makefile's own rule writes .env, then the manage.py commands of the
Makefile's demo-data and run targets migrate, load the content and seed the demo companies
and the sample workshop.

The commands always use the copy's own SQLite file (db.sqlite3 beside its manage.py), also
when the suite runs on PostgreSQL: every variable the settings read is removed from their
environment, as in a newcomer's shell, so that only the copy's .env configures them. The
ids the README names (the sample workshop, its first participant) are those of a fresh
`make run`, which is what this copy reproduces.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 300  # seconds, per command


def readme_commands() -> list[str]:
    """The command lines of the README's "Command line" section, as written."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Command line\n(.*?)(?=^## )", readme, re.DOTALL | re.MULTILINE)
    assert section, 'README.md has no "## Command line" section'
    block = re.search(r"^```sh\n(.*?)^```", section.group(1), re.DOTALL | re.MULTILINE)
    assert block, 'the "Command line" section has no ```sh block'
    return [line for line in block.group(1).splitlines() if line.strip()]


def make_run_setup() -> list[list[str]]:
    """The manage.py commands `make run` runs before it starts the web server and the PDF
    worker (the recipes of the Makefile's demo-data and run targets)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    commands = []
    for target in ("demo-data", "run"):
        # The rule line (not a target-specific variable such as `run: export DEBUG ...`).
        recipe = re.search(rf"^{target}:[^=\n]*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
        assert recipe, f"no {target} rule in the Makefile"
        for line in recipe.group(1).splitlines():
            command = re.match(r"\t\$\(PY\) manage\.py (.*)", line)
            if command and not command.group(1).startswith(("db_worker", "runserver")):
                commands.append(shlex.split(command.group(1)))
    return commands


def settings_variables() -> set[str]:
    """The environment variables config/settings.py reads."""
    source = (ROOT / "config" / "settings.py").read_text(encoding="utf-8")
    return set(re.findall(r"\benv\.\w+\(\s*\"([A-Z][A-Z0-9_]*)\"", source))


def fresh_copy(target: Path) -> Path:
    """The repository as git would check it out (nothing .gitignore names, no .git), with a
    .venv/bin/python that is the Python running this test."""
    ignored = [line.strip().strip("/") for line in
               (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")]
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".git", *ignored))
    python = target / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} \"$@\"\n")
    python.chmod(0o755)
    return target


def shell(line: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=TIMEOUT, check=False)


def explain(line: str, done: subprocess.CompletedProcess) -> str:
    return (f"`{line}` exited with status {done.returncode}\n"
            f"stdout: {done.stdout[-1500:]}\nstderr: {done.stderr[-1500:]}")


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A fresh copy after `make run`'s set-up, and a newcomer's environment to run in."""
    repo = fresh_copy(tmp_path_factory.mktemp("readme") / "omnimaturity")
    drop = settings_variables() | {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {key: value for key, value in os.environ.items() if key not in drop}
    done = subprocess.run(["make", "--no-print-directory", ".env", f"PYTHON={sys.executable}"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, explain("make .env", done)
    for args in make_run_setup():
        line = shlex.join([".venv/bin/python", "manage.py", *args])
        done = shell(line, repo, env)
        assert done.returncode == 0, explain(line, done)
    return repo, env


def test_the_readme_names_commands_to_run():
    lines = readme_commands()
    assert len(lines) >= 10
    for line in lines:
        assert line.startswith(".venv/bin/python manage.py "), line
        assert not line.rstrip().endswith("\\"), f"one command per line: {line}"
    # The set-up reproduces `make run`: migrated, content loaded, demo seeded, workshop made.
    names = [args[0] for args in make_run_setup()]
    assert names[0] == "migrate" and {"load_content", "seed_demo", "demo_users"} <= set(names)
    assert {"DEBUG", "SECRET_KEY", "DATABASE_URL", "TESTING"} <= settings_variables()


def test_make_run_writes_env_once_and_git_ignores_it(tmp_path):
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    make = ["make", "--no-print-directory", ".env", f"PYTHON={sys.executable}"]
    subprocess.run(make, cwd=tmp_path, check=True, capture_output=True, timeout=60)
    written = (tmp_path / ".env").read_text()
    assert "DEBUG=true\n" in written
    [key] = re.findall(r"^SECRET_KEY=([A-Za-z0-9_-]{50,})$", written, re.MULTILINE)
    assert (tmp_path / ".env").stat().st_mode & 0o077 == 0  # readable by its owner only
    # Never overwritten: a second run (or a hand-edited .env) keeps what is there.
    (tmp_path / ".env").write_text("DEBUG=false\nSECRET_KEY=kept\n")
    subprocess.run(make, cwd=tmp_path, check=True, capture_output=True, timeout=60)
    assert (tmp_path / ".env").read_text() == "DEBUG=false\nSECRET_KEY=kept\n"
    # Another checkout gets another key.
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(ROOT / "Makefile", other / "Makefile")
    subprocess.run(make, cwd=other, check=True, capture_output=True, timeout=60)
    assert key not in (other / ".env").read_text()
    assert "/.env" in (ROOT / ".gitignore").read_text().splitlines()


def test_every_readme_command_runs_as_written(checkout):
    repo, env = checkout
    for line in readme_commands():
        done = shell(line, repo, env)
        assert done.returncode == 0, explain(line, done)
        assert "Traceback" not in done.stderr, explain(line, done)
        out = re.search(r"--out (\S+)", line)
        if out:  # the file it names is written, and is what it says it is
            data = (repo / out.group(1)).read_bytes()
            magic = {".pdf": b"%PDF-", ".xlsx": b"PK\x03\x04"}.get(Path(out.group(1)).suffix, b"")
            assert data and data.startswith(magic), line
        elif done.stdout.lstrip().startswith(("{", "[")):
            assert json.loads(done.stdout), line  # JSON that parses, and is not empty
        else:
            assert done.stdout.strip(), f"`{line}` printed nothing"
