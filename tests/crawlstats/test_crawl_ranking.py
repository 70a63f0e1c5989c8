"""The listing rule: 10 % rounded up, the SME rule (5 % or 1,000), ties, rule pack."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest

from gpai_docs.crawlstats import Options, load_rule, rank_domains, ranking, run_domains

from .helpers import listed, write_csv


@pytest.mark.parametrize(
    ("distinct", "listed_count"),
    [(0, 0), (1, 1), (9, 1), (10, 1), (11, 2), (30, 3), (31, 4), (70, 7), (1001, 101)],
)
def test_ten_percent_rounded_up(distinct: int, listed_count: int) -> None:
    # 30 × 0.1 is 3.0000000000000004 in floating point; the rule must still give 3.
    assert load_rule(sme=False).count(distinct) == listed_count


@pytest.mark.parametrize(
    ("distinct", "listed_count"),
    [(1, 1), (20, 1), (21, 2), (100, 5), (19_999, 1000), (20_000, 1000), (25_000, 1000)],
)
def test_sme_five_percent_capped_at_1000(distinct: int, listed_count: int) -> None:
    assert load_rule(sme=True).count(distinct) == listed_count


def test_rule_comes_from_the_rule_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    class Pack:
        version = "test-pack"
        values: ClassVar[dict[str, Any]] = {
            "top_domains_share": "1/4",
            "top_domains_share_sme": 0.5,
            "top_domains_cap_sme": 3,
        }

        def __getitem__(self, key: str) -> Any:
            return self.values[key]

        def ref(self, key: str) -> str:
            return f"REF.{key}"

    monkeypatch.setattr(ranking.rulepack, "load", Pack)
    assert load_rule(sme=False).count(10) == 3  # ceil(2.5)
    assert load_rule(sme=True).count(10) == 3  # min(5, 3)
    as_json = load_rule(sme=True).as_json()
    assert as_json["rulepack_version"] == "test-pack"
    assert as_json["catalogue_id"] == "REF.top_domains_share_sme"
    assert as_json["cap"] == 3 and as_json["share"] == 0.5


def test_ties_break_by_size_then_name() -> None:
    sizes = {"d.com": 5, "b.com": 5, "a.com": 1, "c.com": 5, "e.com": 9}
    ranked = rank_domains(sizes, 3)
    assert [(r.rank, r.domain, r.size) for r in ranked] == [
        (1, "e.com", 9),
        (2, "b.com", 5),
        (3, "c.com", 5),  # d.com, tied at 5, falls after the cut
    ]


def test_ten_percent_list_end_to_end(tmp_path: Path) -> None:
    # 30 domains d00..d29.com with size 100 - i, plus duplicates in subdomains.
    rows = [(f"https://www.d{i:02d}.com/x", 100 - i) for i in range(30)]
    rows += [("https://news.d29.com/y", 200)]  # d29.com: 71 + 200 = 271, now first
    log = write_csv(tmp_path / "log.csv", ["url", "size"], rows)
    run_domains([log], tmp_path / "d.csv")
    assert listed(tmp_path / "d.csv") == [("d29.com", 271), ("d00.com", 100), ("d01.com", 99)]


def test_sme_cap_end_to_end(tmp_path: Path) -> None:
    # 25,000 domains: 5 % would be 1,250, so the cap of 1,000 applies.
    rows = [(f"www.site{i:05d}.co.uk", 1 + i % 1000) for i in range(25_000)]
    log = write_csv(tmp_path / "log.csv", ["host", "size"], rows)
    result = run_domains([log], tmp_path / "d.csv", options=Options(sme=True))
    assert result.summary["distinct_domains"] == 25_000
    assert result.summary["listed_domains"] == 1000
    assert result.summary["rule"]["cap"] == 1000 and result.summary["rule"]["sme"] is True
    top = listed(tmp_path / "d.csv")
    # sizes 1000 (i % 1000 == 999) occur 25 times, 999 25 times, ... : 40 size classes
    assert top[0] == ("site00999.co.uk", 1000)
    assert top[24] == ("site24999.co.uk", 1000)
    assert top[25] == ("site00998.co.uk", 999)
    assert top[-1] == ("site24960.co.uk", 961)
    assert [s for _, s in top] == sorted((s for _, s in top), reverse=True)
