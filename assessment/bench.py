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


def measure(fn: Callable[[], object], runs: int, warmup: int = 20) -> Timing:
    """Calls fn warmup times, then runs times; returns latency and throughput."""
    for _ in range(warmup):
        fn()
    samples = []
    start = time.perf_counter()
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    total = time.perf_counter() - start
    samples.sort()
    return Timing(runs, statistics.median(samples), samples[int(0.95 * (runs - 1))],
                  runs / total)
