"""Scale benchmark on PostgreSQL: dashboard, method health, export and rescore over N
demo companies.

Seeds N companies with ``seed_demo`` inside a transaction that is rolled back
at the end, so the database is left as it was. On SQLite it only says it
skipped: the figures mean something on the production database only.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings

from assessment.rescoring import assessments_rescore_all
from benchmark.export import csv_lines
from benchmark.forms import BenchmarkFilters
from benchmark.queries import dimensions_for, export_header, export_rows
from perf.timing import measure_interleaved

TARGETS = {"dashboard": 300.0, "health": 500.0, "export": 2.0, "rescore": 2.0}


class _Rollback(Exception):
    pass


def _export_csv() -> tuple[int, int]:
    """Writes the CSV of every row to nowhere; returns (rows, bytes)."""
    dims = [code for code, _ in dimensions_for(version="")]
    rows = size = 0
    for line in csv_lines(export_header(dims), export_rows(filters=BenchmarkFilters(),
                                                            dimensions=dims)):
        rows += 1
        size += len(line)
    return rows - 1, size


def _measure(write: Callable[[str], object], companies: int, waves: int) -> None:
    start = time.perf_counter()
    call_command("seed_demo", companies=companies, waves=waves, seed=2022, stdout=_Null())
    write(f"seeded {companies} companies x {waves} waves in {time.perf_counter() - start:.1f} s "
          "(rolled back at the end)")
    with connection.cursor() as cursor:
        # What autovacuum does on a live database: fresh statistics for the planner.
        cursor.execute("ANALYZE")
    user = get_user_model().objects.create_superuser("bench-admin", "bench@example.com", "x")
    client = Client()
    client.force_login(user)
    client.get("/admin/benchmark/")  # warm-up: imports, template compilation
    pages = {"unfiltered": ("/admin/benchmark/", {}),
             "filtered": ("/admin/benchmark/", {"sector": "retail", "wave": "1"}),
             # The floor: the admin's index through the same middleware, session and
             # templates, with no benchmark figure; how busy the machine is shows here.
             "floor": ("/admin/", {})}
    for path, params in pages.values():
        response = client.get(path, params)
        assert response.status_code == 200, response.status_code
    # The pages take turns, so that a slow spell of the machine falls on all of them.
    timings = measure_interleaved(
        {name: (lambda a=path, p=params: client.get(a, p))
         for name, (path, params) in pages.items()}, 20, rounds=10, warmup=0)
    write(f"dashboard, 20 requests each as staff through the test Client, taking turns: "
          f"median {timings['unfiltered'].median_ms:.0f} ms unfiltered, "
          f"{timings['filtered'].median_ms:.0f} ms with sector+wave filters "
          f"(target <= {TARGETS['dashboard']:.0f} ms); floor (admin index, same turns) "
          f"{timings['floor'].median_ms:.0f} ms")

    health = []
    for _ in range(5):
        t0 = time.perf_counter()
        response = client.get("/admin/benchmark/method-health/")
        health.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200, response.status_code
    write(f"method health, 5 requests as staff: median {statistics.median(health):.0f} ms "
          f"(target <= {TARGETS['health']:.0f} ms)")

    t0 = time.perf_counter()
    rows, size = _export_csv()
    elapsed = time.perf_counter() - t0
    tracemalloc.start()
    _export_csv()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    write(f"export CSV of {rows} rows ({size / 1e6:.1f} MB): {elapsed:.2f} s, peak Python "
          f"memory {peak / 1e6:.1f} MB (tracemalloc, separate run; target <= "
          f"{TARGETS['export']:.0f} s, flat memory)")

    t0 = time.perf_counter()
    n = assessments_rescore_all()
    write(f"rescore of {n} assessments (one vectorised pass, one bulk write): "
          f"{time.perf_counter() - t0:.2f} s (target <= {TARGETS['rescore']:.0f} s)")


class _Null:
    def write(self, *args, **kwargs) -> None:
        pass

    def flush(self) -> None:
        pass


def bench_scale(write: Callable[[str], object], *, companies: int = 10000,
                waves: int = 1) -> None:
    """Measures the dashboard, the export and the rescore over ``companies`` demo companies."""
    if connection.vendor != "postgresql":
        write(f"scale benchmark skipped: it needs PostgreSQL (this database is "
              f"{connection.vendor}); set DATABASE_URL=postgres://...")
        return
    try:
        with transaction.atomic(), override_settings(DEBUG=False,
                                                     ALLOWED_HOSTS=["testserver"]):
            _measure(write, companies, waves)
            raise _Rollback
    except _Rollback:
        pass
