"""Roadmap picks and orders actions by gap x impact / effort."""

from reports.roadmap.plan import ActionSpec, build_roadmap, by_phase


def action(code, question, *, dim="strategy", max_level=2, impact=2, effort=2,
           phase="foundations"):
    return ActionSpec(code=code, dimension=dim, question_code=question, max_level=max_level,
                      impact=impact, effort=effort, phase=phase, owner_role="CXO")


TARGET = {"strategy": 60.0, "data": 50.0}


def test_priority_is_gap_times_impact_over_effort():
    items = build_roadmap([action("A", "Q1", impact=3, effort=1)], {"Q1": 1}, TARGET)
    # gap 60 - 0 = 60, x3 / 1
    assert items[0].gap == 60 and items[0].priority == 180


def test_actions_are_ordered_by_priority():
    actions = [action("LOW", "Q1", impact=1, effort=3), action("HIGH", "Q2", impact=3, effort=1),
               action("MID", "Q3", impact=2, effort=2)]
    items = build_roadmap(actions, {"Q1": 1, "Q2": 1, "Q3": 1}, TARGET)
    assert [i.action.code for i in items] == ["HIGH", "MID", "LOW"]


def test_an_action_applies_only_up_to_its_level():
    items = build_roadmap([action("A", "Q1", max_level=2)], {"Q1": 3}, TARGET)
    assert items == []


def test_dont_know_counts_as_level_one():
    items = build_roadmap([action("A", "Q1", max_level=1)], {"Q1": None}, TARGET)
    assert [i.action.code for i in items] == ["A"]


def test_no_action_where_the_answer_meets_the_target():
    # level 4 = 75 points, above the data target of 50
    items = build_roadmap([action("A", "Q1", dim="data", max_level=4)], {"Q1": 4}, TARGET)
    assert items == []


def test_one_action_per_question_the_best_one():
    actions = [action("BASIC", "Q1", impact=1), action("BIG", "Q1", impact=3)]
    items = build_roadmap(actions, {"Q1": 1}, TARGET)
    assert [i.action.code for i in items] == ["BIG"]


def test_the_plan_is_limited_and_grouped_in_phase_order():
    actions = [action(f"A{i}", f"Q{i}", phase=p)
               for i, p in enumerate(["scale", "quick_wins", "foundations"] * 6)]
    items = build_roadmap(actions, {f"Q{i}": 1 for i in range(18)}, TARGET, limit=12)
    assert len(items) == 12
    assert list(by_phase(items)) == ["quick_wins", "foundations", "scale"]


def _custom(**fields):
    from reports.roadmap.edits import apply_edits

    edit = {"id": 7, "action_code": "", "added": True, "dropped": False, "title": "Train staff",
            "description": "Two days per store", "phase": "", "owner": "", "due": None,
            "dimension": "strategy", "question_code": "", "impact": None, "effort": None,
            **fields}
    (item,) = apply_edits(items=[], edits=[edit], library={}, levels={"Q1": 2},
                          target=TARGET, scores={"strategy": 37.5})
    return item


def test_a_custom_action_aimed_at_a_question_gets_that_question_s_gap():
    item = _custom(question_code="Q1", impact=3, effort=1)
    # level 2 scores 25: gap 60 - 25 = 35, x3 / 1
    assert (item.gap, item.priority) == (35.0, 105.0)
    assert item.custom_description == "Two days per store"


def test_a_custom_action_without_a_question_takes_its_dimension_s_gap_at_medium_weight():
    item = _custom()
    # dimension score 37.5: gap 22.5, impact 2 / effort 2
    assert (item.gap, item.priority, item.action.impact, item.action.effort) == (22.5, 22.5, 2, 2)
