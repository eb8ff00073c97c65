"""Borderline results: which single answers would move a company up or down a cluster.

For every scored question and every other level it could take, the company's
cluster is recomputed with that one answer changed and everything else kept.
The rules are linear minimums ("data at least 40", "mean of strategy and
organisation at least 35", "budget at level 3"), so each is compiled once into
a row of weights over the dimension scores and key levels; changing one answer
moves one dimension score (by its weight) and, for a keyed question, one key
level, and every rule's margin moves by a known amount. The whole table is
handled at once with NumPy: 45 questions x 5 levels = 225 vector steps,
whatever the number of companies. Plain data in, plain data out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from assessment.scoring.engine import (
    CLUSTERS,
    QuestionnaireSpec,
    _weight_matrix,
    level_score,
)

TOLERANCE = 1e-9  # as in the engine's checks


@dataclass(frozen=True)
class CompiledRules:
    """Each cluster's rule as ``features @ weights.T >= targets`` (features: dims, keys)."""

    features: list[str]
    weights: dict[str, np.ndarray]  # cluster -> conditions x features
    targets: dict[str, np.ndarray]  # cluster -> conditions


def _conditions(spec: QuestionnaireSpec, rule: dict[str, Any]
                ) -> list[tuple[dict[str, float], float]]:
    """A rule as (coefficients by feature, minimum) pairs, like the engine's checks."""
    out: list[tuple[dict[str, float], float]] = []
    for kind, arg in rule.items():
        if kind == "all_dimensions_min":
            out += [({d: 1.0}, float(arg)) for d in spec.dimensions]
        elif kind == "dimension_min":
            out += [({d: 1.0}, float(value)) for d, value in arg.items()]
        elif kind == "mean_min":
            out += [(dict.fromkeys(item["dimensions"], 1.0 / len(item["dimensions"])),
                     float(item["value"])) for item in arg]
        elif kind == "keys_present":
            # A key the questionnaire lacks counts as level 1 (as in the engine).
            out += [({f"key:{key}": 1.0}, float(spec.key_present_level)) if key in spec.keys
                    else ({}, float(spec.key_present_level) - 1.0) for key in arg]
        else:
            raise ValueError(f"unknown rule condition {kind!r}")
    return out


def compile_rules(spec: QuestionnaireSpec) -> CompiledRules:
    """The rules of the method as linear conditions on dimension scores and key levels."""
    features = [*spec.dimensions, *(f"key:{k}" for k in spec.keys)]
    col = {f: i for i, f in enumerate(features)}
    rules = spec.method.get("rules", {})
    weights, targets = {}, {}
    for cluster in CLUSTERS:
        conditions = _conditions(spec, rules.get(cluster, {}))
        matrix = np.zeros((len(conditions), len(features)))
        for row, (coefficients, _) in enumerate(conditions):
            for name, value in coefficients.items():
                matrix[row, col[name]] = value
        weights[cluster] = matrix
        targets[cluster] = np.array([target for _, target in conditions])
    return CompiledRules(features, weights, targets)


def _ranks(holds: dict[str, np.ndarray], n: int) -> np.ndarray:
    """The highest cluster whose rule holds (first steps, the empty rule, always holds)."""
    rank = np.zeros(n, dtype=int)
    for i, cluster in enumerate(CLUSTERS):
        rank = np.where(holds[cluster], i, rank)
    return rank


def _holds(margins: np.ndarray) -> np.ndarray:
    return (margins >= -TOLERANCE).all(axis=1)


def ranks(rules: CompiledRules, table: pd.DataFrame) -> np.ndarray:
    """Each row's cluster rank from the compiled rules (equal to the engine's ``rank``)."""
    features = table[rules.features].to_numpy(dtype=float)
    return _ranks({c: _holds(features @ rules.weights[c].T - rules.targets[c])
                   for c in CLUSTERS}, len(table))


class _Best:
    """The smallest change found so far in one direction, per row."""

    def __init__(self, rank: np.ndarray, questions: int):
        n = len(rank)
        self.step = np.full(n, np.inf)
        self.question = np.zeros(n, dtype=int)
        self.to = np.zeros(n, dtype=int)
        self.rank = rank.copy()
        self.any = np.zeros((n, questions), dtype=bool)

    def offer(self, *, j: int, to: int, changed: np.ndarray, size: np.ndarray,
              after: np.ndarray) -> None:
        self.any[:, j] |= changed
        better = changed & (size < self.step)
        self.step = np.where(better, size, self.step)
        self.question = np.where(better, j, self.question)
        self.to = np.where(better, to, self.to)
        self.rank = np.where(better, after, self.rank)

    def change(self, i: int, codes: list[str], raw: np.ndarray) -> dict[str, Any] | None:
        if not np.isfinite(self.step[i]):
            return None
        j = int(self.question[i])
        return {"count": int(self.any[i].sum()), "question": codes[j],
                "from": None if np.isnan(raw[i, j]) else int(raw[i, j]),
                "to": int(self.to[i]), "steps": int(self.step[i]),
                "cluster": CLUSTERS[int(self.rank[i])]}


def borderline(spec: QuestionnaireSpec, table: pd.DataFrame, levels: pd.DataFrame
               ) -> list[dict[str, Any]]:
    """For every row of a ``score`` table: the single-answer changes that move its cluster.

    ``levels``: the same rows x scored question codes, NaN for don't know. Returns,
    per row, ``{"up": change or None, "down": change or None}`` where a change is
    ``{"count", "question", "from", "to", "steps", "cluster"}``: how many questions
    could move the company on their own, and the smallest such change (fewest
    levels; questionnaire order on ties), with the cluster it would reach.
    ``from`` is None for "don't know".
    """
    rules = compile_rules(spec)
    codes = [q.code for q in spec.scored]
    raw = levels.reindex(columns=codes).to_numpy(dtype=float)
    current = np.nan_to_num(raw, nan=1.0)
    features = table[rules.features].to_numpy(dtype=float)
    base = {c: features @ rules.weights[c].T - rules.targets[c] for c in CLUSTERS}
    ok = {c: base[c] >= -TOLERANCE for c in CLUSTERS}
    n = len(table)
    rank = _ranks({c: ok[c].all(axis=1) for c in CLUSTERS}, n)
    weight = _weight_matrix(spec)
    up, down = _Best(rank, len(codes)), _Best(rank, len(codes))
    for j, q in enumerate(spec.scored):
        d = rules.features.index(q.dimension)
        k = rules.features.index(f"key:{q.key}") if q.key in spec.keys else None
        w = float(weight.loc[q.code, q.dimension])
        # Only the conditions on this question's dimension (or key) can change.
        touched, unchanged = {}, {}
        for c in CLUSTERS:
            a = rules.weights[c]
            hit = (a[:, d] != 0) | ((a[:, k] != 0) if k is not None else False)
            touched[c] = (np.flatnonzero(hit), a[hit])
            unchanged[c] = ok[c][:, ~hit].all(axis=1)
        for to in range(1, 6):
            step = to - current[:, j]
            delta = w * (level_score(float(to)) - level_score(current[:, j]))
            holds = {}
            for c in CLUSTERS:
                rows, a = touched[c]
                moved = base[c][:, rows] + np.outer(delta, a[:, d])
                if k is not None:
                    moved += np.outer(step, a[:, k])
                holds[c] = unchanged[c] & (moved >= -TOLERANCE).all(axis=1)
            after = _ranks(holds, n)
            up.offer(j=j, to=to, changed=after > rank, size=step, after=after)
            down.offer(j=j, to=to, changed=after < rank, size=-step, after=after)
    return [{"up": up.change(i, codes, raw), "down": down.change(i, codes, raw)}
            for i in range(n)]


def is_borderline(item: dict[str, Any] | None) -> bool:
    """Borderline: one answer changed by a single level moves the company's cluster."""
    if not item:
        return False
    return any(item.get(side) and item[side]["steps"] == 1 for side in ("up", "down"))
