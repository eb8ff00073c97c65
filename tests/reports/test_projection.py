"""The projected roadmap: scores and cluster after each phase, by the scoring engine."""

from itertools import pairwise

from assessment.scoring import engine
from assessment.scoring.engine import CLUSTERS
from reports.roadmap.plan import ActionSpec, RoadmapItem
from reports.roadmap.projection import lifted_levels, project, target_level
from tests.assessment.test_scoring import DIMS, SPEC


def item(question: str, phase: str, *, max_level: int = 2, level: int | None = 1,
         dimension: str = "strategy") -> RoadmapItem:
    action = ActionSpec(code=f"{question}-{phase}", dimension=dimension, question_code=question,
                        max_level=max_level, impact=2, effort=2, phase=phase, owner_role="CEO")
    return RoadmapItem(action=action, level=level, gap=10, priority=10, phase=phase)


def low_answers() -> dict[str, int | None]:
    return {q.code: 1 for q in SPEC.scored}


def test_today_is_the_engines_own_result():
    levels = low_answers()
    today = project(SPEC, levels, [])[0]
    row, _ = engine.score_one(SPEC, levels)
    assert today.phase == "today" and today.cluster == row["cluster"]
    assert today.scores == {d: float(row[d]) for d in DIMS}


def test_an_action_lifts_its_question_one_level_above_its_trigger():
    assert target_level(item("STR1", "quick_wins", max_level=2)) == 3
    assert target_level(item("STR1", "quick_wins", max_level=4)) == 5
    # a custom action (no trigger level) aims one step above today's answer
    assert target_level(item("STR1", "quick_wins", max_level=5, level=2)) == 3
    assert target_level(item("STR1", "quick_wins", max_level=5, level=None)) == 2


def test_projection_never_lowers_an_answer_or_a_score():
    levels = {**low_answers(), "STR1": 5, "DAT1": None}
    lifted = lifted_levels(levels, [item("STR1", "quick_wins", max_level=2),
                                    item("DAT1", "quick_wins", max_level=2)])
    assert lifted["STR1"] == 5 and lifted["DAT1"] == 3
    phases = project(SPEC, levels, [item("STR1", "quick_wins"), item("DAT2", "foundations"),
                                    item("EXE3", "scale", max_level=3)])
    for before, after in pairwise(phases):
        assert all(after.scores[d] >= before.scores[d] for d in DIMS)
        assert after.overall >= before.overall


def test_phases_add_up_and_a_phase_without_actions_keeps_the_scores():
    phases = project(SPEC, low_answers(), [item("STR2", "quick_wins"),
                                           item("ORG2", "scale", dimension="organization")])
    by_phase = {p.phase: p for p in phases}
    assert [p.phase for p in phases] == ["today", "quick_wins", "foundations", "scale"]
    assert by_phase["quick_wins"].scores["strategy"] > by_phase["today"].scores["strategy"]
    assert by_phase["foundations"].scores == by_phase["quick_wins"].scores
    assert by_phase["scale"].scores["strategy"] == by_phase["quick_wins"].scores["strategy"]
    assert by_phase["scale"].scores["organization"] > by_phase["today"].scores["organization"]


def test_an_action_without_a_question_changes_nothing():
    phases = project(SPEC, low_answers(), [item("", "quick_wins")])
    assert phases[1].scores == phases[0].scores


def test_the_last_phase_reaches_at_least_todays_cluster_and_can_climb():
    levels = low_answers()
    items = [item(q.code, "foundations", max_level=4, dimension=q.dimension)
             for q in SPEC.scored]
    phases = project(SPEC, levels, items)
    assert phases[0].cluster == "first_steps"
    assert phases[-1].cluster == "advanced"  # every answer at 5: full marks
    assert [CLUSTERS.index(p.cluster) for p in phases] == \
        sorted(CLUSTERS.index(p.cluster) for p in phases)
