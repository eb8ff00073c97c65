"""Borderline results: the single-answer changes that move a company up or down a cluster."""

import numpy as np
import pandas as pd

from assessment.scoring import borderline as near
from assessment.scoring import engine as scoring
from tests.assessment.test_method_properties import BUDGET, CODES, DIM_OF, KEYED, SPEC


def sheets(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    base = rng.integers(1, 6, size=(n, 1)) + rng.integers(-1, 2, size=(n, 5))
    levels = np.clip(base[:, DIM_OF] + rng.integers(-1, 2, size=(n, len(CODES))), 1, 5)
    levels = levels.astype(float)
    levels[:, KEYED] = rng.integers(1, 6, size=(n, 2))
    levels[rng.random(levels.shape) < 0.04] = np.nan
    return pd.DataFrame(levels, columns=CODES)


def test_compiled_rules_rank_every_company_as_the_engine_does():
    table = scoring.score_levels(SPEC, sheets(2000, 1))
    assert (near.ranks(near.compile_rules(SPEC), table) == table["rank"].to_numpy()).all()


def test_every_single_answer_change_is_found_as_scoring_it_again_would():
    levels = sheets(40, 2)
    table = scoring.score_levels(SPEC, levels)
    found = near.borderline(SPEC, table, levels)
    for i in range(len(levels)):
        rank = int(table["rank"].iloc[i])
        moves = {"up": set(), "down": set()}
        best: dict = {"up": None, "down": None}
        for code in CODES:
            current = levels.iloc[i][code]
            for to in range(1, 6):
                changed = levels.iloc[[i]].copy()
                changed[code] = float(to)
                after = int(scoring.score_levels(SPEC, changed)["rank"].iloc[0])
                side = "up" if after > rank else "down" if after < rank else None
                if side is None:
                    continue
                moves[side].add(code)
                steps = abs(to - (1 if np.isnan(current) else current))
                if best[side] is None or steps < best[side][0]:
                    best[side] = (steps, code, to, scoring.CLUSTERS[after])
        for side in ("up", "down"):
            got = found[i][side]
            if best[side] is None:
                assert got is None
                continue
            assert got["count"] == len(moves[side])
            assert (got["steps"], got["question"], got["to"], got["cluster"]) == best[side]


def test_an_enterprising_company_one_level_short_on_budget_is_borderline_up():
    levels = pd.DataFrame([dict.fromkeys(CODES, 4.0)])
    levels[BUDGET] = 2.0
    table = scoring.score_levels(SPEC, levels)
    assert table["cluster"].tolist() == ["enterprising"]
    item = near.borderline(SPEC, table, levels)[0]
    assert item["up"] == {"count": 1, "question": BUDGET, "from": 2, "to": 3, "steps": 1,
                          "cluster": "structured"}
    assert near.is_borderline(item)


def test_first_steps_everywhere_at_level_one_cannot_move_down():
    levels = pd.DataFrame([dict.fromkeys(CODES, 1.0)])
    table = scoring.score_levels(SPEC, levels)
    item = near.borderline(SPEC, table, levels)[0]
    assert item["down"] is None and item["up"] is None
    assert not near.is_borderline(item)
