"""The benchmark's timing helper: every function runs as often as asked, taking turns."""

import pytest

from perf.timing import measure_interleaved


def test_each_function_runs_the_asked_number_of_times_taking_turns():
    calls: list[str] = []
    timings = measure_interleaved({"a": lambda: calls.append("a"),
                                   "b": lambda: calls.append("b")}, 7, rounds=3, warmup=2)
    measured = calls[4:]  # after two warm-up calls each
    assert measured == ["a"] * 3 + ["b"] * 3 + ["a", "a", "b", "b"] * 2
    assert timings["a"].runs == timings["b"].runs == 7
    assert timings["a"].per_second > 0 and timings["a"].median_ms <= timings["a"].p95_ms


def test_a_slower_function_measures_slower():
    import time

    timings = measure_interleaved({"fast": lambda: None,
                                   "slow": lambda: time.sleep(0.002)}, 20, rounds=4, warmup=1)
    assert timings["slow"].median_ms >= 2 > timings["fast"].median_ms
    assert timings["fast"].per_second > timings["slow"].per_second


def test_no_runs_is_refused():
    with pytest.raises(ValueError):
        measure_interleaved({"a": lambda: None}, 0)
