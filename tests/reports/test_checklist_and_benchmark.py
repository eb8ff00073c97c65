"""Checklist statuses follow the key answers; peer groups fall back below 5 companies."""

import pandas as pd
import pytest

from benchmark import peers as benchmark
from reports.document.checklist import PRACTICE_KEYS, build_checklist


@pytest.mark.parametrize("level,status", [(None, "todo"), (1, "todo"), (2, "partly"),
                                          (3, "partly"), (4, "done"), (5, "done")])
def test_checklist_status_follows_the_key_answer(level, status):
    items = build_checklist({"cx_leader": level})
    assert items[0].practice == "cx_leader" and items[0].status == status


def test_checklist_has_the_five_practices_in_order():
    items = build_checklist({})
    assert [i.practice for i in items] == list(PRACTICE_KEYS)
    assert len(items) == 5 and {i.status for i in items} == {"todo"}


def peers(rows):
    return pd.DataFrame(rows, columns=["company", "sector", "size", "overall", "cluster",
                                       "strategy"])


def companies(n, sector="retail", size="large", start=0):
    return [(start + i, sector, size, 10.0 * i, "aware", 10.0 * i) for i in range(n)]


def test_five_companies_of_the_same_sector_and_size_make_a_group():
    group = benchmark.peer_group(peers(companies(5) + companies(9, "banking", start=10)),
                                 sector="retail", size="large")
    assert (group.level, group.size) == ("sector_size", 5)


def test_four_companies_fall_back_to_the_sector():
    rows = companies(4) + companies(3, size="medium", start=10)
    group = benchmark.peer_group(peers(rows), sector="retail", size="large")
    assert (group.level, group.size) == ("sector", 7)


def test_four_in_the_sector_fall_back_to_all_companies():
    rows = companies(4) + companies(6, "banking", start=10)
    group = benchmark.peer_group(peers(rows), sector="retail", size="large")
    assert (group.level, group.size) == ("all", 10)


def test_four_companies_in_all_fall_back_to_the_reference():
    group = benchmark.peer_group(peers(companies(4)), sector="retail", size="large")
    assert (group.level, group.size) == ("reference", 0)


def test_percentile_rank_counts_ties_as_half():
    assert benchmark.percentile_rank([10, 20, 30, 40], 30) == pytest.approx(62.5)
    assert benchmark.percentile_rank([10, 20, 30, 40], 50) == 100
    assert benchmark.percentile_rank([10, 20, 30, 40], 0) == 0


def test_medians_and_cluster_shares():
    group = benchmark.peer_group(peers(companies(5)), sector="retail", size="large")
    assert benchmark.medians(group, ["strategy"]) == {"strategy": 20.0}
    assert benchmark.cluster_shares(group, ["aware", "advanced"]) == {"aware": 100.0,
                                                                       "advanced": 0.0}
