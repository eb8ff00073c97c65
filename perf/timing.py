"""Timing helpers for the benchmark command (plain Python, no Django)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Timing:
    runs: int
    median_ms: float
    p95_ms: float
    per_second: float


def _timing(samples_ms: list[float]) -> Timing:
    samples = sorted(samples_ms)
    runs = len(samples)
    return Timing(runs, statistics.median(samples), samples[int(0.95 * (runs - 1))],
                  runs / (sum(samples) / 1000))


def measure_interleaved(fns: dict[str, Callable[[], object]], runs: int, *, rounds: int = 20,
                        warmup: int = 20) -> dict[str, Timing]:
    """Times each function ``runs`` times, taking turns in ``rounds`` blocks.

    Taking turns means that a slow spell of the machine (another process, a busy
    neighbour) falls on all of them alike, so their ratio stays meaningful.
    Throughput is calls per second of time spent in the calls.
    """
    if runs < 1 or rounds < 1:
        raise ValueError("runs and rounds must be at least 1")
    for fn in fns.values():
        for _ in range(warmup):
            fn()
    samples: dict[str, list[float]] = {name: [] for name in fns}
    per_round, extra = divmod(runs, rounds)
    for i in range(rounds):
        count = per_round + (1 if i < extra else 0)
        for name, fn in fns.items():
            for _ in range(count):
                t0 = time.perf_counter()
                fn()
                samples[name].append((time.perf_counter() - t0) * 1000)
    return {name: _timing(found) for name, found in samples.items()}
