"""Where a workshop's participants disagree: plain data in, plain data out.

Input is the long answers table of a workshop – one row per participant and
question with columns ``participant``, ``role``, ``question`` and ``level``
(1-5, NaN for "don't know"). Nothing here touches HTTP or the database.

The measure (documented on the workshop page and in the report's appendix):
- a question's **spread** is the range of the levels given, max − min, over the
  participants who chose a level ("don't know" is counted apart, not as a level);
  0 means everybody agrees, 4 means someone said 1 and someone said 5;
- **hot-spots** are the questions with a spread of at least ``HOTSPOT_MIN_SPREAD``,
  widest first; ties go to the larger standard deviation (population, so two
  people at 1 and 5 weigh more than one outlier), then to more "don't know",
  then to the questionnaire's order;
- the **consensus default** offered for a question is the lower median of the
  levels given (an actual level, never a fraction; on an even split the more
  prudent of the two middle levels), or "don't know" when nobody chose a level;
- a dimension's spread is the range of the participants' dimension scores,
  each scored by the method itself (so "don't know" and missing count as level 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median_low

import numpy as np
import pandas as pd

from assessment.scoring.engine import QuestionnaireSpec, score

HOTSPOT_MIN_SPREAD = 2
SPREAD_COLUMNS = ["answers", "dont_know", "min", "max", "spread", "std", "median"]


def question_spread(answers: pd.DataFrame, codes: Sequence[str]) -> pd.DataFrame:
    """One row per question code (in ``codes`` order) with the measures above.

    ``median`` is the consensus default (NaN where nobody chose a level).
    """
    levels = answers.dropna(subset=["level"])
    grouped = levels.groupby("question")["level"]
    out = pd.DataFrame(index=pd.Index(list(codes), name="question"))
    out["answers"] = answers.groupby("question")["participant"].nunique()
    out["dont_know"] = answers[answers["level"].isna()].groupby("question").size()
    out["min"] = grouped.min()
    out["max"] = grouped.max()
    out["spread"] = out["max"] - out["min"]
    out["std"] = grouped.std(ddof=0).round(2)
    out["median"] = grouped.agg(lambda s: float(median_low(list(s))))
    out[["answers", "dont_know"]] = out[["answers", "dont_know"]].fillna(0).astype(int)
    return out[SPREAD_COLUMNS]


def hotspots(spread: pd.DataFrame, min_spread: int = HOTSPOT_MIN_SPREAD) -> list[str]:
    """Question codes with a spread of at least ``min_spread``, widest disagreement first."""
    table = spread.assign(order=np.arange(len(spread)))
    table = table[table["spread"] >= min_spread]
    table = table.sort_values(["spread", "std", "dont_know", "order"],
                              ascending=[False, False, False, True])
    return list(table.index)


def consensus_default(spread: pd.DataFrame) -> dict[str, int | None]:
    """The level offered for each question: the lower median; None (don't know) if no level."""
    return {code: (None if pd.isna(m) else int(m)) for code, m in spread["median"].items()}


def participant_scores(spec: QuestionnaireSpec, answers: pd.DataFrame) -> pd.DataFrame:
    """Participants x dimensions (0-100) plus ``overall``, scored by the method."""
    if answers.empty:
        return pd.DataFrame(columns=[*spec.dimensions, "overall"], dtype=float)
    frame = answers.rename(columns={"participant": "assessment"})[
        ["assessment", "question", "level"]]
    table = score(spec, frame)
    return table[[*spec.dimensions, "overall"]].astype(float)


def by_role(scores: pd.DataFrame, roles: pd.Series, dimensions: Sequence[str]) -> pd.DataFrame:
    """Roles x dimensions: the mean score of the participants holding each role.

    ``roles`` maps participant -> role.
    """
    if scores.empty:
        return pd.DataFrame(columns=list(dimensions), dtype=float)
    joined = scores[list(dimensions)].join(roles.rename("role"))
    return joined.groupby("role")[list(dimensions)].mean().round(1)


def levels_by_participant(answers: pd.DataFrame, codes: Sequence[str],
                          participants: Sequence[int]) -> pd.DataFrame:
    """Questions x participants: the level each one gave (NaN = don't know or not yet)."""
    if answers.empty:
        return pd.DataFrame(index=list(codes), columns=list(participants), dtype=float)
    wide = answers.pivot_table(index="question", columns="participant", values="level",
                               aggfunc="last", dropna=False)
    return wide.reindex(index=list(codes), columns=list(participants))


def levels_by_role(answers: pd.DataFrame, codes: Sequence[str]) -> pd.DataFrame:
    """Questions x roles: the mean level given by each role (don't know left out)."""
    if answers.empty:
        return pd.DataFrame(index=list(codes), dtype=float)
    return (answers.dropna(subset=["level"])
            .pivot_table(index="question", columns="role", values="level", aggfunc="mean")
            .reindex(index=list(codes)).round(1))
