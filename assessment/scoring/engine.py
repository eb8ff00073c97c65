"""Scoring and clustering: plain data in, plain data out, vectorised.

One call scores one respondent or the whole database: answers arrive as a long
table (assessment, question, level) and leave as one row per assessment with a
score per dimension, the overall score, the key levels, the cluster and the
distance to every cluster profile. Nothing here touches HTTP or the database.

The method (documented on the product's method page):
- a scored answer at level L scores (L - 1) / 4 * 100; "don't know" and a
  missing answer score as level 1 and are counted;
- a dimension is the weighted mean of its questions, the overall score the
  plain mean of the dimensions;
- the cluster is the highest one, in the order of ``CLUSTERS``, whose rule
  holds. Rules, thresholds and profiles are data of the questionnaire version.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

CLUSTERS: tuple[str, ...] = ("first_steps", "aware", "enterprising", "structured", "advanced")
DONT_KNOW = "dont_know"


def level_score(levels: Any) -> Any:
    """The 0-100 score of answer levels, (L - 1) / 4 * 100, the method's one formula.

    "Don't know" (None or NaN) counts as level 1. Takes a number, a NumPy array or a
    pandas object and returns the same kind.
    """
    if isinstance(levels, pd.DataFrame | pd.Series):
        filled = levels.fillna(1.0)
    elif isinstance(levels, np.ndarray):
        filled = np.nan_to_num(levels.astype(float), nan=1.0)
    else:
        filled = 1.0 if levels is None or math.isnan(levels) else float(levels)
    return (filled - 1.0) / 4.0 * 100.0


@dataclass(frozen=True)
class QuestionSpec:
    code: str
    dimension: str
    weight: float = 1.0
    key: str | None = None
    scored: bool = True


@dataclass(frozen=True)
class QuestionnaireSpec:
    """What scoring needs to know of a questionnaire version."""

    version: str
    dimensions: tuple[str, ...]
    questions: tuple[QuestionSpec, ...]
    method: Mapping[str, Any] = field(default_factory=dict)

    @property
    def scored(self) -> tuple[QuestionSpec, ...]:
        return tuple(q for q in self.questions if q.scored)

    @property
    def keys(self) -> dict[str, str]:
        """key name -> question code."""
        return {q.key: q.code for q in self.questions if q.key}

    def question(self, code: str) -> QuestionSpec:
        for q in self.questions:
            if q.code == code:
                return q
        raise KeyError(code)

    @property
    def profiles(self) -> dict[str, dict[str, float]]:
        return {c: dict(p) for c, p in self.method.get("profiles", {}).items()}

    @property
    def key_present_level(self) -> int:
        return int(self.method.get("key_present_level", 3))


class AnswerError(ValueError):
    """An answer that cannot be scored: unknown question or level out of range."""


def level_of(value: Any) -> float:
    """Turns one answer value (1-5 or "dont_know") into a level, NaN for don't know."""
    if value == DONT_KNOW:
        return np.nan
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise AnswerError(f"level must be an integer 1-5 or {DONT_KNOW!r}, got {value!r}")
    return float(value)


def answers_frame(
    spec: QuestionnaireSpec, answers: Mapping[Any, Mapping[str, Any]]
) -> pd.DataFrame:
    """Builds the long answers table from ``{assessment: {question code: value}}``.

    Raises AnswerError naming the first unknown code or bad level.
    """
    known = {q.code for q in spec.questions}
    rows = []
    for assessment, given in answers.items():
        for code, value in given.items():
            if code not in known:
                raise AnswerError(f"unknown question code {code!r}")
            try:
                rows.append((assessment, code, level_of(value)))
            except AnswerError as exc:
                raise AnswerError(f"question {code}: {exc}") from None
    return pd.DataFrame(rows, columns=["assessment", "question", "level"])


def _weight_matrix(spec: QuestionnaireSpec) -> pd.DataFrame:
    """Questions x dimensions, each column summing to 1."""
    scored = spec.scored
    w = pd.DataFrame(
        0.0, index=[q.code for q in scored], columns=list(spec.dimensions), dtype=float
    )
    for q in scored:
        w.loc[q.code, q.dimension] = q.weight
    totals = w.sum(axis=0)
    if (totals <= 0).any():
        missing = ", ".join(totals[totals <= 0].index)
        raise ValueError(f"dimension without weighted scored questions: {missing}")
    return w / totals


def level_matrix(
    spec: QuestionnaireSpec, answers: pd.DataFrame, assessments: Iterable[Any] | None = None
) -> pd.DataFrame:
    """Assessments x scored questions, levels as floats, NaN where don't know or missing."""
    codes = [q.code for q in spec.scored]
    scored_answers = answers[answers["question"].isin(codes)]
    wide = scored_answers.pivot_table(
        index="assessment", columns="question", values="level", aggfunc="last", dropna=False
    )
    index = pd.Index(list(assessments)) if assessments is not None else wide.index
    return wide.reindex(index=index, columns=codes)


def score(
    spec: QuestionnaireSpec, answers: pd.DataFrame, assessments: Iterable[Any] | None = None
) -> pd.DataFrame:
    """Scores every assessment in ``answers`` (or the ones named) in one pass.

    Returns one row per assessment: a column per dimension (0-100), ``overall``,
    ``dont_know`` (count of don't-know or missing scored answers), ``questions``,
    ``key:<name>`` levels, ``cluster``, ``rank`` (0-4) and ``distance:<cluster>``.
    """
    return score_levels(spec, level_matrix(spec, answers, assessments))


def score_levels(spec: QuestionnaireSpec, levels: pd.DataFrame) -> pd.DataFrame:
    """``score`` of a levels matrix: assessments x scored question codes, NaN = don't know."""
    dont_know = levels.isna().sum(axis=1)
    question_scores = level_score(levels)
    weights = _weight_matrix(spec)
    dims = question_scores.to_numpy() @ weights.to_numpy()
    out = pd.DataFrame(dims, index=levels.index, columns=list(spec.dimensions))
    out["overall"] = out[list(spec.dimensions)].mean(axis=1)
    out["dont_know"] = dont_know.astype(int)
    out["questions"] = len(spec.scored)
    for key, code in spec.keys.items():
        out[f"key:{key}"] = levels[code].fillna(1.0) if code in levels else 1.0
    return classify(spec, out)


def _condition(spec: QuestionnaireSpec, scores: pd.DataFrame, kind: str, arg: Any) -> list[dict]:
    """One rule condition as a list of checks: name, target and a boolean Series."""
    checks = []
    if kind == "all_dimensions_min":
        for dim in spec.dimensions:
            checks.append({"kind": "dimension_min", "subject": dim, "target": float(arg),
                           "actual": scores[dim]})
    elif kind == "dimension_min":
        for dim, value in arg.items():
            checks.append({"kind": "dimension_min", "subject": dim, "target": float(value),
                           "actual": scores[dim]})
    elif kind == "mean_min":
        for item in arg:
            dims = list(item["dimensions"])
            checks.append({"kind": "mean_min", "subject": "+".join(dims),
                           "target": float(item["value"]), "actual": scores[dims].mean(axis=1)})
    elif kind == "keys_present":
        for key in arg:
            col = f"key:{key}"
            actual = scores[col] if col in scores else pd.Series(1.0, index=scores.index)
            checks.append({"kind": "key_present", "subject": key,
                           "target": float(spec.key_present_level), "actual": actual})
    else:
        raise ValueError(f"unknown rule condition {kind!r}")
    for check in checks:
        check["ok"] = check["actual"] >= check["target"] - 1e-9
    return checks


def rule_checks(spec: QuestionnaireSpec, scores: pd.DataFrame) -> dict[str, list[dict]]:
    """Every cluster's rule evaluated on every row: cluster -> list of checks."""
    rules = spec.method.get("rules", {})
    return {
        cluster: [
            check
            for kind, arg in rules.get(cluster, {}).items()
            for check in _condition(spec, scores, kind, arg)
        ]
        for cluster in CLUSTERS
    }


def classify(spec: QuestionnaireSpec, scores: pd.DataFrame) -> pd.DataFrame:
    """Adds ``cluster``, ``rank`` and ``distance:<cluster>`` to a scores table."""
    out = scores.copy()
    checks = rule_checks(spec, out)
    rank = np.zeros(len(out), dtype=int)
    for i, cluster in enumerate(CLUSTERS):
        holds = np.ones(len(out), dtype=bool)
        for check in checks[cluster]:
            holds &= check["ok"].to_numpy()
        rank = np.where(holds, i, rank)
    out["rank"] = rank
    out["cluster"] = [CLUSTERS[r] for r in rank]
    dims = list(spec.dimensions)
    matrix = out[dims].to_numpy(dtype=float)
    for cluster, profile in spec.profiles.items():
        target = np.array([profile[d] for d in dims], dtype=float)
        out[f"distance:{cluster}"] = np.sqrt(((matrix - target) ** 2).mean(axis=1))
    return out


def next_cluster(cluster: str) -> str | None:
    i = CLUSTERS.index(cluster)
    return CLUSTERS[i + 1] if i + 1 < len(CLUSTERS) else None


def _plain_checks(items: list[tuple], i: int, only_failed: bool = False) -> list[dict]:
    """Row ``i`` of checks whose actual values and results are Python lists."""
    return [{"kind": k, "subject": s, "target": t, "actual": round(a[i], 1), "ok": ok[i]}
            for k, s, t, a, ok in items if not (only_failed and ok[i])]


def explanations(spec: QuestionnaireSpec, table: pd.DataFrame) -> list[dict[str, Any]]:
    """The facts behind every row's cluster, as plain data for pages and reports.

    ``met`` are the checks of the deciding rule, ``missing`` the checks of the
    next cluster's rule that fail (what holds the company back), ``distances``
    the root-mean-square distance to each cluster profile, in points, and
    ``closest`` the nearest profile with the checks of its rule that fail (none
    when it is the company's own cluster or a lower one), so that a page can say
    how the rule and the nearest profile relate without contradicting itself.
    The rule checks are evaluated once for the whole table.
    """
    # Whole columns turned into Python values once (not one NumPy scalar per row).
    checks = {
        cluster: [(c["kind"], c["subject"], c["target"],
                   np.asarray(c["actual"], dtype=float).tolist(),
                   np.asarray(c["ok"], dtype=bool).tolist())
                  for c in items]
        for cluster, items in rule_checks(spec, table).items()
    }
    distances = {c: table[f"distance:{c}"].to_numpy(dtype=float) for c in CLUSTERS
                 if f"distance:{c}" in table}
    rounded = {c: [round(x, 1) for x in d.tolist()] for c, d in distances.items()}
    names = list(distances)
    nearest = (np.argmin(np.column_stack([distances[c] for c in names]), axis=1)
               if names else np.zeros(len(table), dtype=int))
    out = []
    for i, cluster in enumerate(table["cluster"].tolist()):
        nxt = next_cluster(cluster)
        item: dict[str, Any] = {
            "cluster": cluster,
            "next_cluster": nxt,
            "met": _plain_checks(checks[cluster], i),
            "missing": _plain_checks(checks[nxt], i, only_failed=True) if nxt else [],
            "distances": {c: d[i] for c, d in rounded.items()},
        }
        if names:
            closest = names[nearest[i]]
            above = CLUSTERS.index(closest) > CLUSTERS.index(cluster)
            item["closest"] = {"cluster": closest, "missing": _plain_checks(
                checks[closest], i, only_failed=True) if above else []}
        out.append(item)
    return out


def explanation(spec: QuestionnaireSpec, row: pd.Series) -> dict[str, Any]:
    """``explanations`` of a single scored row."""
    frame = row.to_frame().T.infer_objects()
    return explanations(spec, frame)[0]


def question_scores(levels: Mapping[str, float | None]) -> dict[str, float]:
    """Per-question 0-100 scores; None/NaN (don't know) counts as level 1."""
    return {
        code: level_score(lv) for code, lv in levels.items()
    }


def strengths_and_gaps(
    spec: QuestionnaireSpec,
    levels: Mapping[str, float | None],
    target: Mapping[str, float],
    n: int = 3,
) -> tuple[list[str], list[str]]:
    """The n strongest questions and the n widest weighted gaps to ``target``.

    Strengths: the highest question scores of at least 50, heavier questions first
    on ties. Gaps: (dimension target - question score) x weight, widest first,
    among the questions not already listed as strengths (a practice is one or the
    other in a summary, never both) and answered with a level: a "don't know" is
    something to clarify, not a gap to close.
    """
    scores = question_scores({q.code: levels.get(q.code) for q in spec.scored})
    order = {q.code: i for i, q in enumerate(spec.scored)}
    weight = {q.code: q.weight for q in spec.scored}
    dim = {q.code: q.dimension for q in spec.scored}
    strengths = sorted(
        (c for c, s in scores.items() if s >= 50),
        key=lambda c: (-scores[c], -weight[c], order[c]),
    )[:n]
    gap = {c: (target.get(dim[c], 100.0) - scores[c]) * weight[c] for c in scores}
    known = {c for c in scores  # None or NaN: don't know
             if (lv := levels.get(c)) is not None and not math.isnan(lv)}
    gaps = sorted((c for c in scores if gap[c] > 0 and c not in strengths and c in known),
                  key=lambda c: (-gap[c], order[c]))[:n]
    return strengths, gaps


def score_one(
    spec: QuestionnaireSpec, answers: Mapping[str, Any]
) -> tuple[pd.Series, dict[str, Any]]:
    """Scores a single answer set ``{question code: level or "dont_know"}``."""
    frame = answers_frame(spec, {0: answers})
    row = score(spec, frame, assessments=[0]).iloc[0]
    return row, explanation(spec, row)


def dimension_scores(row: pd.Series, dimensions: Sequence[str]) -> dict[str, float]:
    return {d: round(float(row[d]), 1) for d in dimensions}
