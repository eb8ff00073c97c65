"""Method health: how well each question and dimension of a questionnaire version measures.

Plain maths on a levels matrix (assessments x scored questions, NaN for "don't
know"), tested without a database. Answers are taken as the method scores them
("don't know" as level 1), so the figures describe the scores the product shows;
the share of "don't know" is reported apart for each question.

- Cronbach's alpha per dimension: k / (k - 1) x (1 - sum of item variances /
  variance of the sum), sample variances. Near 1 the questions of a dimension
  move together; under about 0.6 they measure different things.
- Item-rest correlation per question: Pearson correlation of the question with
  the sum of the other questions of its dimension. Negative: the question
  pulls against its dimension.
- A question does not discriminate when almost everyone gives the same level
  (``FLAT_SHARE`` of the definite answers or more): it tells companies apart
  no more than a constant would.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from benchmark.maths import cluster_shares, reference_shares
from benchmark.peers import MIN_PEERS

FLAT_SHARE = 0.8
LEVELS = (1, 2, 3, 4, 5)


def cronbach_alpha(items: np.ndarray) -> float:
    """Cronbach's alpha of a respondents x items matrix (NaN when undefined)."""
    items = np.asarray(items, dtype=float)
    n, k = items.shape
    if k < 2 or n < 2:
        return float("nan")
    total_variance = items.sum(axis=1).var(ddof=1)
    if total_variance == 0:
        return float("nan")
    return float(k / (k - 1) * (1 - items.var(axis=0, ddof=1).sum() / total_variance))


def item_rest(items: np.ndarray) -> np.ndarray:
    """Each item's correlation with the sum of the other items (NaN when constant)."""
    items = np.asarray(items, dtype=float)
    rest = items.sum(axis=1, keepdims=True) - items
    a = items - items.mean(axis=0)
    b = rest - rest.mean(axis=0)
    denominator = np.sqrt((a ** 2).sum(axis=0) * (b ** 2).sum(axis=0))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, (a * b).sum(axis=0) / denominator, np.nan)


@dataclass(frozen=True)
class QuestionHealth:
    code: str
    dimension: str
    item_rest: float
    dont_know: float  # share of "don't know", 0-100
    levels: tuple[float, ...]  # share of each level 1-5 among definite answers, 0-100
    flat: bool  # almost everyone at one level
    negative: bool  # pulls against its dimension


@dataclass(frozen=True)
class DimensionHealth:
    code: str
    alpha: float
    questions: list[QuestionHealth]


@dataclass
class MethodHealth:
    """The health of a questionnaire version over a selection of assessments."""

    assessments: int
    companies: int
    enough: bool
    dimensions: list[DimensionHealth] = field(default_factory=list)
    shares: dict[str, float] | None = None
    reference: dict[str, float] | None = None
    borderline: int = 0

    @property
    def flagged(self) -> list[QuestionHealth]:
        return [q for d in self.dimensions for q in d.questions if q.flat or q.negative]

    @property
    def borderline_share(self) -> float:
        return 100.0 * self.borderline / self.assessments if self.assessments else 0.0


def _question(code: str, dimension: str, raw: np.ndarray, correlation: float) -> QuestionHealth:
    known = raw[~np.isnan(raw)]
    dont_know = 100.0 * (len(raw) - len(known)) / len(raw) if len(raw) else 0.0
    counts = np.array([(known == level).sum() for level in LEVELS], dtype=float)
    shares = 100.0 * counts / len(known) if len(known) else np.zeros(len(LEVELS))
    return QuestionHealth(
        code=code, dimension=dimension, item_rest=correlation, dont_know=dont_know,
        levels=tuple(float(s) for s in shares),
        flat=bool(len(known) and shares.max() >= 100.0 * FLAT_SHARE),
        negative=bool(np.isfinite(correlation) and correlation < 0))


def method_health(*, levels: np.ndarray, questions: Sequence[tuple[str, str]],
                  dimensions: Sequence[str], companies: int,
                  cluster_counts: Mapping[str, int], borderline: int,
                  reference: Mapping[str, float] | None) -> MethodHealth:
    """Alpha per dimension, item statistics per question, clusters and borderline results.

    ``levels``: assessments x questions (NaN = don't know), columns in the order of
    ``questions`` as (code, dimension). Nothing but the counts when the selection
    has fewer than ``MIN_PEERS`` companies.
    """
    n = int(levels.shape[0])
    health = MethodHealth(assessments=n, companies=companies, enough=companies >= MIN_PEERS,
                          reference=reference_shares(reference))
    if not health.enough:
        return health
    scored = np.nan_to_num(levels, nan=1.0)
    for dim in dimensions:
        columns = [i for i, (_, d) in enumerate(questions) if d == dim]
        items = scored[:, columns]
        correlations = item_rest(items)
        health.dimensions.append(DimensionHealth(
            code=dim, alpha=cronbach_alpha(items),
            questions=[_question(questions[c][0], dim, levels[:, c], float(r))
                       for c, r in zip(columns, correlations)]))
    health.shares = cluster_shares(cluster_counts)
    health.borderline = borderline
    return health
