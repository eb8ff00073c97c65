"""The result's sentences: the deciding rule and the nearest profile never contradict."""

import numpy as np
import pandas as pd
from django.utils import translation

from assessment import clusters
from assessment.scoring import engine as scoring
from tests.assessment.test_method_properties import CODES, DIM_OF, KEYED, SPEC

NAMES = {"strategy": "strategy", "organization": "organisation", "data": "data",
         "technology": "technology", "execution": "execution"}


def explained(levels: np.ndarray) -> list[dict]:
    table = scoring.score_levels(SPEC, pd.DataFrame(levels, columns=CODES))
    return scoring.explanations(SPEC, table)


def test_a_result_near_a_higher_profile_says_what_that_cluster_still_needs():
    # Organised everywhere but data just below its good level, budget and owner in place.
    table = pd.DataFrame([{"strategy": 75, "organization": 83, "data": 38, "technology": 75,
                           "execution": 60, "key:dedicated_budget": 4,
                           "key:dedicated_owner": 5}], dtype=float)
    explanation = scoring.explanations(SPEC, scoring.classify(SPEC, table))[0]
    assert explanation["cluster"] == "aware"
    assert explanation["closest"]["cluster"] == "structured"
    with translation.override("en"):
        text = " ".join(clusters.explanation_sentences(explanation, NAMES))
    assert "Closest cluster profile" not in text
    assert "data 38 of the 40 needed" in text
    assert "Close to Structured" in text


def test_no_sentence_calls_another_cluster_the_closest_profile():
    rng = np.random.default_rng(11)
    base = rng.integers(1, 6, size=(3000, 1)) + rng.integers(-1, 2, size=(3000, 5))
    levels = np.clip(base[:, DIM_OF] + rng.integers(-1, 2, size=(3000, len(CODES))), 1, 5)
    levels[:, KEYED] = rng.integers(1, 6, size=(3000, 2))
    seen = set()
    with translation.override("en"):
        for e in explained(levels.astype(float)):
            text = " ".join(clusters.explanation_sentences(e, NAMES))
            own = clusters.cluster_name(e["cluster"])
            assert text.startswith(own)
            other = e["closest"]["cluster"]
            if other != e["cluster"]:
                seen.add((e["cluster"], other))
                assert "are closest to" not in text
                assert clusters.cluster_name(other) in text
    assert len(seen) >= 3  # the sample has results whose nearest profile is another cluster


def test_sentences_print_the_scores_as_the_table_beside_them_rounds_them():
    check = {"kind": "dimension_min", "subject": "data", "target": 40.0, "actual": 38.8,
             "ok": False}
    with translation.override("en"):
        assert clusters.check_sentence(check, NAMES) == "data 39 of the 40 needed"
        mean = {"kind": "mean_min", "subject": "strategy+organization", "target": 35.0,
                "actual": 48.5, "ok": True}
        assert clusters.check_sentence(mean, NAMES) == \
            "mean of strategy + organisation 49 (35 needed)"


def test_a_score_just_under_the_threshold_never_reads_as_reaching_it():
    check = {"kind": "dimension_min", "subject": "data", "target": 40.0, "actual": 39.6,
             "ok": False}
    with translation.override("en"):
        assert clusters.check_sentence(check, NAMES) == "data just below the 40 needed"
    with translation.override("it"):
        assert "appena sotto i 40 richiesti" in clusters.check_sentence(check, NAMES)
