"""Plausible demo answers, generated around the cluster profiles (plain NumPy).

Companies are drawn cluster by cluster around the shares of the reference
distribution, with the sampling noise of a survey of that size (so the demo
lands near the published shares, not exactly on them); each gets answers
scattered around its cluster's profile and is kept only if the product's own
method places it in that cluster, so the demo shares follow the reference
because the scoring says so, not by labelling.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from assessment.scoring.engine import CLUSTERS, QuestionnaireSpec, score

REFERENCE_2022 = {"first_steps": 22, "aware": 39, "enterprising": 13, "structured": 20,
                  "advanced": 6}
DONT_KNOW_RATE = 0.03


def quotas(n: int, shares: Mapping[str, float]) -> dict[str, int]:
    """Splits n into integer counts by shares (largest remainders)."""
    total = sum(shares.values())
    exact = {c: n * shares[c] / total for c in CLUSTERS}
    counts = {c: int(exact[c]) for c in CLUSTERS}
    for c in sorted(CLUSTERS, key=lambda c: exact[c] - counts[c], reverse=True)[
        : n - sum(counts.values())
    ]:
        counts[c] += 1
    return counts


def _draw(spec: QuestionnaireSpec, cluster: str, size: int, rng: np.random.Generator
          ) -> np.ndarray:
    """size x scored-questions levels (NaN = don't know) around a cluster profile."""
    profile = spec.profiles[cluster]
    questions = spec.scored
    centre = np.array([1 + profile[q.dimension] / 25 for q in questions])
    company_shift = rng.normal(0, 0.35, size=(size, 1))
    levels = centre + company_shift + rng.normal(0, 0.75, size=(size, len(questions)))
    keys = {q.key: i for i, q in enumerate(questions) if q.key}
    for key in ("dedicated_budget", "dedicated_owner"):
        if key not in keys:
            continue
        col = keys[key]
        if cluster in ("structured", "advanced"):
            levels[:, col] = np.maximum(levels[:, col], 3 + rng.integers(0, 2, size))
        elif cluster == "enterprising":
            # Organised, but the budget or the owner (or both) is missing.
            missing = rng.random(size) < (0.65 if key == "dedicated_budget" else 0.5)
            levels[missing, col] = rng.integers(1, 3, missing.sum())
    levels = np.clip(np.rint(levels), 1, 5)
    levels[rng.random(levels.shape) < DONT_KNOW_RATE] = np.nan
    return levels


def sampled_counts(n: int, shares: Mapping[str, float], rng: np.random.Generator,
                   tolerance: float = 3.0) -> dict[str, int]:
    """n split by a multinomial draw around the shares, every share within ``tolerance``
    points of the reference (redrawn otherwise: a sample as a survey of n would give).

    Exact largest-remainder quotas when no draw lands within the tolerance (tiny n).
    """
    total = sum(shares.values())
    p = np.array([shares[c] / total for c in CLUSTERS])
    for _ in range(200):
        counts = rng.multinomial(n, p)
        if (np.abs(100 * counts / n - 100 * p) <= tolerance).all():
            return dict(zip(CLUSTERS, (int(c) for c in counts)))
    return quotas(n, shares)


def generate(
    spec: QuestionnaireSpec, n: int, rng: np.random.Generator,
    shares: Mapping[str, float] = REFERENCE_2022,
) -> tuple[pd.DataFrame, list[str]]:
    """n companies' levels (rows) over the scored questions (columns), and their clusters."""
    codes = [q.code for q in spec.scored]
    parts, labels = [], []
    for cluster, count in sampled_counts(n, shares, rng).items():
        kept = np.empty((0, len(codes)))
        for _ in range(50):
            if len(kept) >= count:
                break
            batch = _draw(spec, cluster, max(2 * (count - len(kept)), 8), rng)
            frame = pd.DataFrame(batch, columns=codes).stack(future_stack=True)
            long = frame.reset_index()
            long.columns = ["assessment", "question", "level"]
            scored = score(spec, long, assessments=range(len(batch)))
            kept = np.vstack([kept, batch[(scored["cluster"] == cluster).to_numpy()]])
        parts.append(kept[:count])
        labels += [cluster] * min(count, len(kept))
    return pd.DataFrame(np.vstack(parts), columns=codes), labels


def stays(n: int, rng: np.random.Generator, rate: float = 0.12) -> np.ndarray:
    """Which of n companies take the next wave: about ``rate`` of them drop out."""
    return rng.random(n) >= rate


def progress(levels: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """A later wave: most companies improve a few practices by one level, some slip."""
    step = rng.choice([-1, 0, 0, 1, 1], size=levels.shape, p=[0.05, 0.45, 0.2, 0.2, 0.1])
    moved = levels.fillna(1) + step
    out = moved.clip(1, 5)
    # Answers once unknown are mostly known a year later.
    still_unknown = levels.isna() & (rng.random(levels.shape) < 0.3)
    return out.mask(still_unknown)
