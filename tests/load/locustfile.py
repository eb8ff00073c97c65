"""Simulated respondents for the load test (run by tests/load/run.py, not by pytest).

Each user answers whole assessments like a browser does: starts one, opens every
dimension page, autosaves every answer (random levels, some changed again), posts
each page, submits on the review page and opens the results. Every answer the
server acknowledged is recorded (the last value per question), and so is every
answer sent without an answer back, so that run.py can check afterwards that the
database holds exactly what was last sent. Latencies per request type and server
errors are recorded too; all of it is written as JSON to $LOAD_RECORD at the end.
"""

from __future__ import annotations

import functools
import json
import os
import random
import re
from collections import defaultdict

from locust import HttpUser, between, events, task

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
QUESTION = re.compile(r'data-question="(\d+)"(.*?)</fieldset>', re.DOTALL)
OPTION = re.compile(r'type="radio" name="q\d+" id="[^"]+" value="([^"]+)"')
STEPS = re.compile(r'<ol class="steps[^"]*">(.*?)</ol>', re.DOTALL)
TOKEN = re.compile(r"/r/([^/]+)/step/1/$")
SECTORS = ["retail", "fashion", "banking", "telecom", "manufacturing", "other"]
SIZES = ["small", "medium", "medium_large", "large", "very_large"]
ROLES = ["CEO", "CMO", "CIO", "CXO", "sales"]

# token -> question id -> last value the server acknowledged ("dont_know" or an option id)
acknowledged: dict[str, dict[str, str]] = defaultdict(dict)
# token -> question id -> values sent whose answer never came (the user was stopped)
unconfirmed: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
latencies: dict[str, list[float]] = defaultdict(list)
errors = {"server": 0, "client": 0, "network": 0}
error_samples: list[str] = []
completed: list[str] = []


@events.request.add_listener
def _record(request_type, name, response_time, response_length, response=None,
            exception=None, **kwargs):
    latencies[name].append(response_time)  # names carry their method
    status = getattr(response, "status_code", 0) or 0
    kind = ("server" if status >= 500 else "client" if status >= 400
            else "network" if exception else None)
    if kind:
        errors[kind] += 1
        if len(error_samples) < 20:
            error_samples.append(f"{request_type} {name}: {status} {exception or ''}"[:300])


@events.quitting.add_listener
def _write(environment, **kwargs):
    path = os.environ.get("LOAD_RECORD")
    if not path:
        return
    with open(path, "w") as out:
        json.dump({"acknowledged": acknowledged, "unconfirmed": unconfirmed,
                   "latencies": latencies, "errors": errors, "error_samples": error_samples,
                   "completed": completed}, out)


class Respondent(HttpUser):
    # An executive reads each question before answering: a short think time.
    wait_time = between(0.3, 1.5)

    def on_start(self) -> None:
        self.client.cookies.set("django_language", "en")

    def _expect(self, response, status: int, what: str) -> bool:
        if response.status_code != status:
            response.failure(f"{what}: {response.status_code}, expected {status}")
            return False
        response.success()
        return True

    @task
    def answer_an_assessment(self) -> None:
        with self.client.get("/start/", name="GET /start/", catch_response=True) as r:
            if not self._expect(r, 200, "start page"):
                return
            csrf = CSRF.search(r.text).group(1)
        profile = {"csrfmiddlewaretoken": csrf, "company": f"Load {random.randrange(10**9)}",
                   "sector": random.choice(SECTORS), "size": random.choice(SIZES),
                   "country": "IT", "role": random.choice(ROLES)}
        with self.client.post("/start/", profile, name="POST /start/", allow_redirects=False,
                              catch_response=True) as r:
            if not self._expect(r, 302, "start"):
                return
            token = TOKEN.search(r.headers["Location"]).group(1)
        base = f"/r/{token}"
        step, steps = 1, 1
        while step <= steps:
            with self.client.get(f"{base}/step/{step}/", name="GET /r/[token]/step/[n]/",
                                 catch_response=True) as r:
                if not self._expect(r, 200, "dimension page"):
                    return
                html = r.text
            steps = STEPS.search(html).group(1).count("<li")
            csrf = CSRF.search(html).group(1)
            page = {}
            for question, body in QUESTION.findall(html):
                options = OPTION.findall(body)
                # Mostly a level, sometimes "don't know"; a third are changed once more.
                for _ in range(2 if random.random() < 0.3 else 1):
                    value = "dont_know" if random.random() < 0.08 else random.choice(
                        [o for o in options if o != "dont_know"])
                    if not self._autosave(base, csrf, token, question, value):
                        return
                    page[question] = value
                    self.wait()
            form = {"csrfmiddlewaretoken": csrf, "go": "next",
                    **{f"q{q}": v for q, v in page.items()}}
            post = functools.partial(
                self.client.post, f"{base}/step/{step}/", form,
                name="POST /r/[token]/step/[n]/", allow_redirects=False, catch_response=True)
            if not self._send(token, page, post, 302):
                return
            step += 1
        with self.client.get(f"{base}/review/", name="GET /r/[token]/review/",
                             catch_response=True) as r:
            if not self._expect(r, 200, "review"):
                return
            csrf = CSRF.search(r.text).group(1)
        with self.client.post(f"{base}/review/", {"csrfmiddlewaretoken": csrf},
                              name="POST /r/[token]/review/ (submit)", allow_redirects=False,
                              catch_response=True) as r:
            if not self._expect(r, 302, "submit"):
                return
        with self.client.get(f"{base}/results/", name="GET /r/[token]/results/",
                             catch_response=True) as r:
            if self._expect(r, 200, "results"):
                completed.append(token)

    def _autosave(self, base: str, csrf: str, token: str, question: str, value: str) -> bool:
        post = functools.partial(
            self.client.post, f"{base}/answer/", {"question": question, "value": value},
            headers={"X-CSRFToken": csrf}, name="POST /r/[token]/answer/", catch_response=True)
        return self._send(token, {question: value}, post, 200)

    def _send(self, token: str, values: dict[str, str], request, status: int) -> bool:
        """Sends answers; they count as acknowledged only once the expected status is back."""
        for question, value in values.items():
            unconfirmed[token][question].append(value)
        with request() as r:
            ok = self._expect(r, status, "answers")
        if ok:
            for question, value in values.items():
                acknowledged[token][question] = value
                unconfirmed[token][question].clear()
        return ok
