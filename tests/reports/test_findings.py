"""The findings in words (plain data, no database): both languages, plurals, edge cases."""

import pytest
from django.utils import translation

from assessment.scoring.engine import QuestionnaireSpec, QuestionSpec
from reports.document import findings as f

DIMS = ("strategy", "organization", "data", "technology", "execution")


def dims(scores, targets, medians=None, percentiles=None):
    return [f.Dimension(code=d, name=d.title(), score=s, target=t,
                        median=(medians or {}).get(d), percentile=(percentiles or {}).get(d))
            for d, s, t in zip(DIMS, scores, targets, strict=True)]


def standing(**changes):
    values = {"cluster": "aware", "cluster_name": "Aware", "overall": 44, "percentile": 62,
              "peer_median": 51, "peers": "17 companies of the same sector (Retail)",
              "reference_source": "Observatory 2022",
              "shares": {"first_steps": 22, "aware": 39, "enterprising": 13, "structured": 20,
                         "advanced": 6}}
    return f.Standing(**{**values, **changes})


def test_standing_names_the_percentile_the_peer_group_and_the_reference_shares():
    with translation.override("en"):
        text = f.standing_paragraph(standing())
    assert "overall score of 44 out of 100" in text
    assert "17 companies of the same sector (Retail), it does better than 62% of peers" in text
    # 13 + 20 + 6 above Aware, from the shares shown
    assert "39% of companies are in the same cluster and 39% in a higher one" in text


def test_standing_in_italian():
    with translation.override("it"):
        text = f.standing_paragraph(standing(percentile=8))
    assert "L'azienda è nel cluster Aware" in text
    assert "meglio di 8 aziende comparabili su 100" in text
    assert "stesso cluster 39%, cluster superiori 39%" in text
    with translation.override("it"):
        assert f.percentile_words(1) == "meglio di 1 azienda comparabile su 100"


def test_without_a_peer_group_the_standing_says_so_and_names_no_percentile():
    with translation.override("en"):
        text = f.standing_paragraph(standing(peers="", percentile=None, peer_median=None))
    assert "Fewer than five comparable companies" in text and "better than" not in text


def test_percentile_words_at_the_ends_of_the_group():
    with translation.override("en"):
        assert f.percentile_words(100) == "better than every peer"
        assert f.percentile_words(0) == "less well than every peer"
        assert f.percentile_words(1) == "better than 1% of peers"
        assert f.percentile_words(None) == ""


def test_top_cluster_has_no_one_above_it():
    with translation.override("en"):
        text = f.standing_paragraph(standing(cluster="advanced", cluster_name="Advanced"))
    assert text.endswith("(Observatory 2022), 6% of companies are in this top cluster.")


def test_peers_in_words_singular_and_plural_in_both_languages():
    with translation.override("en"):
        assert f.peers_in_words(level="sector_size", size=1, sector="Retail",
                                size_band="250–999 employees") == \
            "1 company of the same sector (Retail) and size (250–999 employees)"
        assert f.peers_in_words(level="all", size=12, sector="", size_band="") == \
            "12 companies in our database"
        assert f.peers_in_words(level="reference", size=0, sector="x", size_band="y") == ""
    with translation.override("it"):
        assert f.peers_in_words(level="sector", size=7, sector="Assicurazioni",
                                size_band="") == "7 aziende dello stesso settore (Assicurazioni)"
        assert f.peers_in_words(level="all", size=1, sector="", size_band="") == \
            "1 azienda della nostra base dati"


def test_the_two_widest_gaps_hold_the_company_back_with_the_rule_that_matters():
    rows = dims([45, 52, 39, 39, 45], [55, 60, 50, 52, 48])
    assert [d.code for d in f.holding_back(rows)] == ["technology", "data"]
    with translation.override("en"):
        text = f.holding_back_paragraph(dimensions=rows, next_name="Enterprising",
                                        requirements=[("data", "data 39 of the 40 needed")])
    assert "holds the company back most are Technology (39 against 52, 13 points short) " \
           "and Data (39 against 50, 11 points short)" in text
    assert "reaching Enterprising requires data 39 of the 40 needed" in text


def test_one_point_short_is_singular_in_both_languages():
    rows = dims([50, 60, 63, 70, 62], [51, 60, 63, 70, 62])
    with translation.override("en"):
        text = f.holding_back_paragraph(dimensions=rows, next_name="Structured",
                                        requirements=[])
    assert "what holds the company back most is Strategy (50 against 51, 1 point short)." in text
    with translation.override("it"):
        text = f.holding_back_paragraph(dimensions=rows, next_name="Strutturate",
                                        requirements=[])
    assert "ciò che frena di più l'azienda è Strategy (50 contro 51, manca 1 punto)" in text


BUDGET_MISSING = "a dedicated omnichannel budget at level 2 of the 3 needed"


def test_every_dimension_at_the_profile_leaves_only_the_rule():
    rows = dims([60, 60, 60, 60, 60], [55, 60, 50, 52, 48])
    with translation.override("en"):
        text = f.holding_back_paragraph(dimensions=rows, next_name="Structured",
                                        requirements=[("dedicated_budget", BUDGET_MISSING)])
    assert text.startswith("Every dimension already reaches the typical Structured profile.")
    assert "Reaching Structured depends above all on a dedicated omnichannel budget" in text


def test_a_rule_check_on_another_dimension_comes_after_the_ones_that_matter():
    rows = dims([45, 52, 39, 39, 45], [55, 60, 50, 52, 48])
    with translation.override("en"):
        text = f.holding_back_paragraph(
            dimensions=rows, next_name="Enterprising",
            requirements=[("strategy", "strategy 45 of the 50 needed"),
                          ("data", "data 39 of the 40 needed")])
    assert text.endswith("This matters because reaching Enterprising requires data 39 of the "
                         "40 needed. It also requires strategy 45 of the 50 needed.")
    with translation.override("it"):
        text = f.holding_back_paragraph(
            dimensions=rows, next_name="Intraprendenti",
            requirements=[("dedicated_owner", "x"), ("technology", "y")])
    assert text.endswith("Conta perché per arrivare a Intraprendenti servono: y. "
                         "Serve anche: x.")


def test_advanced_has_no_next_cluster():
    with translation.override("en"):
        text = f.holding_back_paragraph(dimensions=dims([90, 95, 80, 100, 85], [100] * 5),
                                        next_name=None, requirements=[])
        full = f.holding_back_paragraph(dimensions=dims([100] * 5, [100] * 5), next_name=None,
                                        requirements=[])
    assert "top cluster" in text and "Data (80 against 100, 20 points short)" in text
    assert "every dimension is at full marks" in full


def test_first_steps_name_the_actions_and_what_they_change():
    with translation.override("en"):
        one = f.first_steps_paragraph(titles=["Name an owner"], phase="Quick wins",
                                      dimensions=["Organisation"],
                                      outcome=f.outcome_of("Do it. Decisions get faster."))
        two = f.first_steps_paragraph(titles=["A", "B"], phase="Quick wins",
                                      dimensions=["Data", "Strategy"], outcome="")
        none = f.first_steps_paragraph(titles=[], phase="", dimensions=[], outcome="")
    assert one == ("What to do first (Quick wins): “Name an owner”. It works on Organisation. "
                   "Expected change: decisions get faster.")
    assert "“A” and “B”. Together they work on Data and Strategy." in two
    assert "The action library proposes nothing more" in none
    with translation.override("it"):
        it = f.first_steps_paragraph(titles=["A", "B", "C"], phase="Quick win",
                                     dimensions=["Dati"], outcome="")
    assert "“A”, “B” e “C”. Insieme agiscono su Dati." in it


def test_outcome_keeps_an_acronym_and_needs_two_sentences():
    assert f.outcome_of("Measure it. NPS rises.") == "NPS rises."
    assert f.outcome_of("A single sentence.") == ""


SPEC = QuestionnaireSpec(version="t", dimensions=("strategy", "data"), questions=(
    QuestionSpec("S1", "strategy", 1.5), QuestionSpec("S2", "strategy"),
    QuestionSpec("S3", "strategy"), QuestionSpec("D1", "data"), QuestionSpec("D2", "data")))


def answers(levels):
    return [f.Answer(code=q.code, dimension=q.dimension, text=f"Q {q.code}", level=levels[q.code],
                     weight=q.weight, options={lv: f"answer {lv}" for lv in range(1, 6)},
                     dimension_name=q.dimension.title()) for q in SPEC.questions]


def test_dont_know_is_never_a_strength_or_a_gap_but_to_clarify():
    with translation.override("en"):
        listed = f.practices(spec=SPEC, answers=answers(
            {"S1": 4, "S2": 1, "S3": None, "D1": None, "D2": 2}),
            target={"strategy": 72, "data": 63})
    assert [s["text"] for s in listed["strengths"]] == ["Q S1"]
    assert [g["text"] for g in listed["gaps"]] == ["Q S2", "Q D2"]
    assert [c["text"] for c in listed["to_clarify"]] == ["Q S3", "Q D1"]
    assert listed["strengths"][0]["answer"] == "answer 4"
    assert listed["strengths"][0]["level_words"] == "systematic, always followed"
    assert listed["to_clarify"][0]["level_words"] == "don't know"


def test_all_dont_know_in_a_dimension_gives_no_question_gap_there():
    given = answers({"S1": 2, "S2": 3, "S3": 1, "D1": None, "D2": None})
    assert f.question_gaps(spec=SPEC, answers=given, dimension="data", target=63) == []
    gaps = f.question_gaps(spec=SPEC, answers=given, dimension="strategy", target=72)
    # weighted gap: S3 (72 - 0) x 1 = 72 beats S1 (72 - 25) x 1.5 = 70.5; S2 (level 3,
    # 72 - 50) comes third
    assert [(g["text"], g["level"], g["needed"]) for g in gaps] == [("Q S3", 1, 4),
                                                                   ("Q S1", 2, 4)]
    listed = f.practices(spec=SPEC, answers=[a for a in given if a.level is None],
                         target={"data": 63})
    assert listed["strengths"] == [] and listed["gaps"] == [] and len(listed["to_clarify"]) == 2


@pytest.mark.parametrize("target,level", [(0, 1), (1, 2), (25, 2), (48, 3), (50, 3), (55, 4),
                                          (88, 5), (100, 5)])
def test_level_needed_is_the_lowest_level_reaching_the_target(target, level):
    assert f.level_needed(target) == level


def test_dimension_reading_in_both_languages_with_plural_points():
    d = dims([45, 0, 0, 0, 0], [55, 0, 0, 0, 0], {"strategy": 64}, {"strategy": 12})[0]
    with translation.override("en"):
        text = f.dimension_reading(d, next_name="Enterprising")
        one = f.dimension_reading(f.Dimension("x", "X", 54, 55), next_name="Enterprising")
        top = f.dimension_reading(f.Dimension("x", "X", 100, 100), next_name=None)
    assert text == ("A score of 45 out of 100: on average the practices sit close to level 3 "
                    "of 5, a defined process, mostly followed. The company does better than "
                    "12% of peers here; the peer median is 64. The typical Enterprising profile "
                    "asks for 55: 10 points to go.")
    assert one.endswith("asks for 55: 1 point to go.")
    assert top.endswith("Full marks asks for 100: already reached.")
    with translation.override("it"):
        text = f.dimension_reading(d, next_name="Intraprendenti")
    assert "vicine al livello 3 di 5" in text and "mancano 10 punti" in text
    assert "meglio di 12 aziende comparabili su 100" in text


def _phase(phase: str, cluster: str, overall: int) -> dict:
    return {"phase": phase, "cluster": cluster, "cluster_name": cluster.title(),
            "overall": overall}


def test_outlook_names_the_first_phase_that_changes_the_cluster_and_the_last():
    phases = [_phase("today", "aware", 44), _phase("quick_wins", "aware", 48),
              _phase("foundations", "enterprising", 55), _phase("scale", "structured", 63)]
    with translation.override("en"):
        text = f.outlook_sentence(phases)
    assert "Enterprising cluster after the foundations phase (overall score 55)" in text
    assert text.endswith("After the scale phase: Structured, overall score 63.")
    with translation.override("it"):
        text = f.outlook_sentence(phases)
    assert "cluster Enterprising dopo la fase delle fondamenta (punteggio complessivo 55)" in text


def test_outlook_says_when_the_roadmap_keeps_the_cluster():
    phases = [_phase("today", "aware", 44), _phase("quick_wins", "aware", 46),
              _phase("foundations", "aware", 47), _phase("scale", "aware", 49)]
    with translation.override("en"):
        text = f.outlook_sentence(phases)
    assert "keeps the company in the Aware cluster" in text and "49 after the scale phase" in text
    assert f.outlook_sentence(phases[:1]) == ""
