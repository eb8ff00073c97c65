"""The divergence maths on plain tables (no HTTP, no database)."""

import numpy as np
import pandas as pd
import pytest

from assessment.scoring import divergence
from assessment.scoring.engine import QuestionnaireSpec, QuestionSpec

SPEC = QuestionnaireSpec(
    version="t", dimensions=("strategy", "data"),
    questions=(QuestionSpec("S1", "strategy"), QuestionSpec("S2", "strategy"),
               QuestionSpec("D1", "data")),
    method={"rules": {}, "profiles": {}},
)
CODES = ["S1", "S2", "D1"]


def table(rows):
    """rows: (participant, role, question, level or None)."""
    return pd.DataFrame([(p, r, q, np.nan if lv is None else float(lv)) for p, r, q, lv in rows],
                        columns=["participant", "role", "question", "level"])


ANSWERS = table([
    (1, "CEO", "S1", 1), (2, "CMO", "S1", 5), (3, "CIO", "S1", 3),     # spread 4
    (1, "CEO", "S2", 2), (2, "CMO", "S2", 4), (3, "CIO", "S2", 4),     # spread 2
    (1, "CEO", "D1", 3), (2, "CMO", "D1", 3), (3, "CIO", "D1", None),  # spread 0, one ?
])


def test_spread_is_the_range_of_levels_and_dont_know_is_counted_apart():
    spread = divergence.question_spread(ANSWERS, CODES)
    assert spread["spread"].to_dict() == {"S1": 4, "S2": 2, "D1": 0}
    assert spread.at["D1", "dont_know"] == 1 and spread.at["D1", "answers"] == 3
    assert spread.at["S1", "std"] == pytest.approx(1.63, abs=0.01)


def test_hotspots_are_ordered_widest_first_and_leave_out_agreement():
    assert divergence.hotspots(divergence.question_spread(ANSWERS, CODES)) == ["S1", "S2"]


def test_hotspot_ties_go_to_the_larger_standard_deviation_then_questionnaire_order():
    answers = table([
        (1, "CEO", "S1", 1), (2, "CMO", "S1", 3), (3, "CIO", "S1", 3), (4, "CXO", "S1", 3),
        (1, "CEO", "S2", 1), (2, "CMO", "S2", 1), (3, "CIO", "S2", 3), (4, "CXO", "S2", 3),
        (1, "CEO", "D1", 1), (2, "CMO", "D1", 1), (3, "CIO", "D1", 3), (4, "CXO", "D1", 3),
    ])
    # all spread 2; S2 and D1 split evenly (larger std) and keep the questionnaire's order
    assert divergence.hotspots(divergence.question_spread(answers, CODES)) == ["S2", "D1", "S1"]


def test_consensus_default_is_the_lower_median_and_dont_know_without_levels():
    answers = table([(1, "CEO", "S1", 2), (2, "CMO", "S1", 5), (1, "CEO", "S2", 1),
                     (2, "CMO", "S2", 4), (3, "CIO", "S2", 5), (1, "CEO", "D1", None)])
    defaults = divergence.consensus_default(divergence.question_spread(answers, CODES))
    assert defaults == {"S1": 2, "S2": 4, "D1": None}


def test_spread_per_dimension_uses_each_participants_scores():
    scores = divergence.participant_scores(SPEC, ANSWERS)
    # participant 1: S1=1, S2=2 -> strategy (0 + 25) / 2; participant 2: (100 + 75) / 2
    assert scores.at[1, "strategy"] == 12.5 and scores.at[2, "strategy"] == 87.5
    # don't know scores as level 1, as in the method: participant 3's data is 0
    assert scores["data"].min() == 0.0 and scores["data"].max() == 50.0


def test_by_role_averages_the_participants_of_each_role():
    answers = pd.concat([ANSWERS, table([(4, "CEO", "S1", 5), (4, "CEO", "S2", 4),
                                         (4, "CEO", "D1", 3)])])
    scores = divergence.participant_scores(SPEC, answers)
    roles = pd.Series({1: "CEO", 2: "CMO", 3: "CIO", 4: "CEO"})
    table_ = divergence.by_role(scores, roles, SPEC.dimensions)
    assert table_.at["CEO", "strategy"] == pytest.approx((12.5 + 87.5) / 2)
    assert divergence.levels_by_role(answers, CODES).at["S1", "CEO"] == 3.0


def test_empty_workshop_gives_empty_tables():
    empty = table([])
    spread = divergence.question_spread(empty, CODES)
    assert divergence.hotspots(spread) == []
    assert divergence.consensus_default(spread) == {"S1": None, "S2": None, "D1": None}
    assert divergence.participant_scores(SPEC, empty).empty
