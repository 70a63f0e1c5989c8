"""TS008 to TS010 finding by finding (path, message, hint), and the listing rule's edges.

The law (TDS.2.3.top_domains, TDS.rule.sme, VR-21): the top 10 % of crawled domains by
content size, rounded up; an SME the top 5 % rounded up, at most 1,000. Counts below are
worked out by hand. The rules are called directly on a validated `open-weights-sme`
summary (which crawls), so each test sees exactly the findings of one rule.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from gpai_docs.crawlstats import CrawlStatsError, ranking
from gpai_docs.crawlstats.ranking import Ranked, Rule, rank_domains, rule_for
from gpai_docs.law import rulepack
from gpai_docs.law.package_data import read_data
from gpai_docs.load.domain_file import domains_file_of
from gpai_docs.models import ModelDocumentation, TrainingDataSummary
from gpai_docs.validate.rules._registry import Finding
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.top_domains import (
    top_domains_count,
    top_domains_source_consistent,
    top_domains_verifiable,
)
from tests.rules.patching import merge, sample_data

PACK = rulepack.load()
TOP = ("section_2", "crawled_data", "top_domains")
SOURCE, DOMAINS, TOTAL = (*TOP, "source"), (*TOP, "domains"), (*TOP, "total_domains")
LINK = (*TOP, "download_url")
TS = "training_data_summary"
REWRITE = "Write the file again with `gpai-docs domains`."
# Said whenever a finding applies the SME count (requirements §12, UPD.sme_domains, [U]).
SME_READING = (
    "The SME count is a reading marked unconfirmed [U] (UPD.sme_domains): the template's "
    'footnote is quoted as "top 5 %, or the top 1000 domains", and "whichever is lower" is '
    "not a quote. It is not extended to the small mid-caps that Regulation (EU) 2026/1744 adds."
)
FILE = "stats/domains.json"


def _names(count: int) -> list[str]:
    return [f"d{i}.example" for i in range(count)]


def context(
    top: dict[str, Any] | None,
    *,
    sme: bool | None = False,
    root: Path | None = None,
    used: str = "Yes",
) -> RuleContext:
    """``sme=None``: no model documentation, so no document states SME status."""
    documents = sample_data("open-weights-sme")
    crawled = documents["training_data_summary"]["section_2"]["crawled_data"]
    crawled["used"] = used
    if top is None:
        crawled.pop("top_domains", None)
    else:
        crawled["top_domains"] = top
    tds = TrainingDataSummary.model_validate(documents["training_data_summary"])
    md = None
    if sme is not None:
        data = merge(documents["model_documentation"], {"provider": {"sme": sme}})
        md = ModelDocumentation.model_validate(data)
    domains = domains_file_of(root, tds) if root is not None else None
    return RuleContext(md, tds, None, PACK, dt.date(2026, 11, 21), domains)


def write_summary(
    root: Path,
    distinct: int,
    domains: list[str],
    sme: bool | None,
    *,
    listed: int | None = None,
    sizes: list[int] | None = None,
    ranks: list[int] | None = None,
) -> Path:
    sizes = sizes or [10_000 - i for i in range(len(domains))]
    ranks = ranks or list(range(1, len(domains) + 1))
    top = [
        {"rank": r, "domain": d, "size": s, "share": 0.0001}
        for r, d, s in zip(ranks, domains, sizes, strict=True)
    ]
    raw = {
        "format": "gpai-docs-domains/1",
        "distinct_domains": distinct,
        "listed_domains": len(top) if listed is None else listed,
        "sme": sme,
        "top": top,
    }
    (root / "stats").mkdir(parents=True, exist_ok=True)
    (root / FILE).write_text(json.dumps(raw), encoding="utf-8")
    return root


def run(check: Callable[[RuleContext], Iterable[Finding]], ctx: RuleContext) -> list[Finding]:
    found = list(check(ctx))
    assert all(f.document == TS for f in found)
    return found


def said(found: list[Finding]) -> list[tuple[tuple[str | int, ...], str, str | None]]:
    return [(f.path, f.message, f.hint) for f in found]


# --- TS008: the count ------------------------------------------------------------------------

EMPTY = (
    DOMAINS,
    "Crawlers were used but the list of most relevant domains is empty",
    "List the top domains by content size, or point `source:` at the output of "
    "`gpai-docs domains`.",
)


@pytest.mark.parametrize(
    "top", [{"total_domains": 30, "domains": []}, {"total_domains": 30}, {}], ids=str
)
def test_an_empty_list_while_crawling(top: dict[str, Any]) -> None:
    assert said(run(top_domains_count, context(top))) == [EMPTY]


def test_an_empty_list_is_reported_even_with_unknown_sme_status() -> None:
    ctx = context({"total_domains": 1_000, "domains": []}, sme=None)
    assert said(run(top_domains_count, ctx)) == [EMPTY]
    assert run(top_domains_verifiable, ctx) == []  # no "both counts" note for an empty list


@pytest.mark.parametrize("used", ["No", "Other"])
def test_no_crawling_no_count(used: str) -> None:
    ctx = context({"total_domains": 30, "domains": []}, used=used)
    assert run(top_domains_count, ctx) == []
    assert run(top_domains_verifiable, ctx) == []


def test_no_top_domains_no_count() -> None:
    ctx = context(None)
    assert run(top_domains_count, ctx) == []
    assert run(top_domains_verifiable, ctx) == []


@pytest.mark.parametrize(
    ("sme", "listed", "who", "wanted"),
    [
        (False, 3, "a provider that is not an SME", 4),  # 31 domains: ceil(3.1)
        (True, 1, "an SME", 2),  # ceil(1.55)
    ],
)
def test_a_wrong_length_names_the_count(sme: bool, listed: int, who: str, wanted: int) -> None:
    found = run(
        top_domains_count, context({"total_domains": 31, "domains": _names(listed)}, sme=sme)
    )
    reading = f" {SME_READING}" if sme else ""  # only the SME count is a reading
    assert said(found) == [
        (
            DOMAINS,
            f"{listed} domain(s) are listed; for 31 crawled domains {who} lists at least {wanted}",
            f"List at least the top {wanted} domains by content size.{reading}",
        )
    ]


# A longer list still holds the top 10 % (5 %): more domains than required is no defect.
@pytest.mark.parametrize(("sme", "listed"), [(False, 4), (False, 5), (True, 2), (True, 3)])
def test_the_right_length_passes(sme: bool, listed: int) -> None:
    ctx = context({"total_domains": 31, "domains": _names(listed)}, sme=sme)
    assert run(top_domains_count, ctx) == []


def test_unknown_status_names_both_counts() -> None:
    ctx = context({"total_domains": 1_000, "domains": _names(49)}, sme=None)
    assert said(run(top_domains_count, ctx)) == [
        (
            DOMAINS,
            "49 domain(s) are listed; for 1000 crawled domains an SME lists at least 50 and "
            "any other provider at least 100",
            f"List at least the top 50 (SME) or 100 domains by content size. {SME_READING}",
        )
    ]


def test_without_the_number_crawled_the_length_is_not_checked() -> None:
    ctx = context({"domains": _names(7)})
    assert run(top_domains_count, ctx) == []


def test_the_file_gives_the_list_and_the_number_crawled(tmp_path: Path) -> None:
    root = write_summary(tmp_path, 1_001, _names(100), False)  # ceil(100.1) = 101
    found = run(top_domains_count, context({"source": FILE}, root=root))
    assert said(found) == [
        (
            SOURCE,
            "100 domain(s) are listed; for 1001 crawled domains a provider that is not an SME "
            "lists at least 101",
            "List at least the top 101 domains by content size.",
        )
    ]


def test_an_inline_number_crawled_wins_over_the_file(tmp_path: Path) -> None:
    root = write_summary(tmp_path, 1_001, _names(101), False)
    ctx = context({"source": FILE, "total_domains": 1_011}, root=root)  # ceil(101.1)
    assert said(run(top_domains_count, ctx)) == [
        (
            SOURCE,
            "101 domain(s) are listed; for 1011 crawled domains a provider that is not an SME "
            "lists at least 102",
            "List at least the top 102 domains by content size.",
        )
    ]
    # With the file's own 1,001 domains, its 101 are exactly the top 10 %.
    assert run(top_domains_count, context({"source": FILE}, root=root)) == []


def test_an_unreadable_file_is_left_to_ts010(tmp_path: Path) -> None:
    ctx = context({"source": FILE, "total_domains": 30}, root=tmp_path)  # no such file
    assert run(top_domains_count, ctx) == []
    assert run(top_domains_verifiable, ctx) == []


def test_without_a_project_folder_the_file_is_not_read(tmp_path: Path) -> None:
    write_summary(tmp_path, 30, _names(2), False)
    inline = {"source": FILE, "total_domains": 30, "domains": _names(3)}
    assert run(top_domains_count, context(inline, root=None)) == []
    assert run(top_domains_source_consistent, context(inline, root=None)) == []
    # With the folder, the file is read: its 2 domains differ from the 3 written here.
    assert [f.path for f in run(top_domains_source_consistent, context(inline, root=tmp_path))] == [
        DOMAINS
    ]


def test_the_file_sme_setting_counts_only_without_model_documentation(tmp_path: Path) -> None:
    root = write_summary(tmp_path, 1_000, _names(50), True)
    assert run(top_domains_count, context({"source": FILE}, sme=None, root=root)) == []
    (finding,) = run(top_domains_count, context({"source": FILE}, sme=False, root=root))
    assert finding.message == (
        "50 domain(s) are listed; for 1000 crawled domains a provider that is not an SME lists "
        "at least 100"
    )


def test_the_listed_count_reads_the_pack() -> None:
    pack = _pack(top_domains_share="0.25", top_domains_share_sme="0.5", top_domains_cap_sme=3)
    assert rule_for(pack, False).count(10) == 3  # ceil(2.5)
    assert rule_for(pack, True).count(10) == 3  # min(5, 3)
    assert rule_for(pack, True).count(4) == 2  # min(2, 3)


# --- TS009: can the length be checked --------------------------------------------------------


def test_unknown_status_asks_for_it() -> None:
    ctx = context({"total_domains": 1_000, "domains": _names(50)}, sme=None)
    assert said(run(top_domains_verifiable, ctx)) == [
        (
            DOMAINS,
            "The provider's SME status is not known, so the length of the list is only checked "
            "against both counts: for 1000 crawled domains an SME lists 50, any other provider "
            f"100. {SME_READING}",
            "State `provider.sme` in a model documentation that validates, or run "
            "`gpai-docs domains` with or without `--sme` as it applies.",
        )
    ]


def test_unknown_status_and_unknown_number_crawled() -> None:
    ctx = context({"domains": _names(3)}, sme=None)
    assert [f.path for f in run(top_domains_verifiable, ctx)] == [DOMAINS]  # only the number


def test_the_number_crawled_is_missing() -> None:
    ctx = context({"domains": _names(3)})
    assert said(run(top_domains_verifiable, ctx)) == [
        (
            DOMAINS,
            "The number of distinct domains crawled is not given, so the length of the list "
            "cannot be checked",
            "Add `total_domains:`, or `source:` with the output of `gpai-docs domains`.",
        )
    ]


def test_only_a_download_link() -> None:
    top = {"domains": [], "download_url": "https://kaamos.example/top-domains.csv"}
    ctx = context(top)
    assert said(run(top_domains_verifiable, ctx)) == [
        (
            LINK,
            "The domains are only published at the download link, so their number cannot be "
            "checked",
            "Add `source:` with the output of `gpai-docs domains`.",
        )
    ]
    assert run(top_domains_count, ctx) == []  # published elsewhere: not counted as empty


def test_a_link_beside_a_checkable_list_needs_nothing() -> None:
    top = {
        "total_domains": 30,
        "domains": _names(3),
        "download_url": "https://kaamos.example/top-domains.csv",
    }
    assert run(top_domains_verifiable, context(top)) == []
    assert run(top_domains_count, context(top)) == []


def test_with_a_source_ts009_only_asks_for_the_status(tmp_path: Path) -> None:
    root = write_summary(tmp_path, 1_000, _names(50), None)
    ctx = context({"source": FILE, "domains": _names(50)}, sme=None, root=root)
    assert [f.path for f in run(top_domains_verifiable, ctx)] == [DOMAINS]
    ctx = context({"source": FILE, "domains": _names(50)}, sme=False, root=root)
    assert run(top_domains_verifiable, ctx) == []


# --- TS010: the file agrees with the summary -------------------------------------------------


def test_a_missing_file(tmp_path: Path) -> None:
    found = run(top_domains_source_consistent, context({"source": FILE}, root=tmp_path))
    assert said(found) == [
        (
            SOURCE,
            "The domain statistics file stats/domains.json does not exist",
            "Run `gpai-docs domains` on the crawl log to write it, or correct the path.",
        )
    ]


def test_no_source_no_check(tmp_path: Path) -> None:
    assert run(top_domains_source_consistent, context({"domains": _names(3)}, root=tmp_path)) == []
    assert run(top_domains_source_consistent, context(None, root=tmp_path)) == []


def test_a_file_whose_count_disagrees_with_its_list(tmp_path: Path) -> None:
    root = write_summary(tmp_path, 30, _names(2), False, listed=3)
    found = run(top_domains_source_consistent, context({"source": FILE}, root=root))
    assert said(found) == [(SOURCE, "The file says 3 domains are listed but holds 2", REWRITE)]


def test_a_file_listing_more_than_it_crawled(tmp_path: Path) -> None:
    root = write_summary(tmp_path, 4, _names(5), False)
    found = run(top_domains_source_consistent, context({"source": FILE}, root=root))
    assert said(found) == [(SOURCE, "The file lists 5 domains out of only 4", REWRITE)]


def test_a_file_listing_all_it_crawled(tmp_path: Path) -> None:
    root = write_summary(tmp_path, 5, _names(5), False)
    assert run(top_domains_source_consistent, context({"source": FILE}, root=root)) == []


UNRANKED = (
    SOURCE,
    "The domains in the file are not ranked 1, 2, 3 ... by decreasing content size",
    REWRITE,
)


@pytest.mark.parametrize(
    ("ranks", "sizes", "ok"),
    [
        ([1, 2, 3], [30, 20, 10], True),
        ([1, 2, 3], [20, 20, 20], True),  # ties keep their ranks
        ([1, 2, 3], [30, 10, 20], False),
        ([1, 2, 3], [10, 20, 30], False),
        ([0, 1, 2], [30, 20, 10], False),
        ([1, 3, 2], [30, 20, 10], False),
        ([1, 2, 4], [30, 20, 10], False),
        ([2, 3, 4], [30, 20, 10], False),
    ],
)
def test_the_file_ranking(tmp_path: Path, ranks: list[int], sizes: list[int], ok: bool) -> None:
    root = write_summary(tmp_path, 30, _names(3), False, sizes=sizes, ranks=ranks)
    found = said(run(top_domains_source_consistent, context({"source": FILE}, root=root)))
    assert found == ([] if ok else [UNRANKED])


def test_an_inline_number_crawled_that_disagrees(tmp_path: Path) -> None:
    root = write_summary(tmp_path, 30, _names(3), False)
    ctx = context({"source": FILE, "total_domains": 31}, root=root)
    assert said(run(top_domains_source_consistent, ctx)) == [
        (
            TOTAL,
            "`total_domains` is 31 but the file counts 30 distinct domains",
            "Remove `total_domains` (the file gives it) or correct it.",
        )
    ]
    ctx = context({"source": FILE, "total_domains": 30}, root=root)
    assert run(top_domains_source_consistent, ctx) == []


@pytest.mark.parametrize(
    ("inline", "ok"),
    [
        (["d0.example", "d1.example", "d2.example"], True),
        (["D0.Example", "d1.EXAMPLE", "d2.example"], True),  # domain names ignore case
        (["d0.example", "d2.example", "d1.example"], False),
        (["d0.example", "d1.example"], False),
        ([], False),
    ],
)
def test_inline_domains_against_the_file(tmp_path: Path, inline: list[str], ok: bool) -> None:
    root = write_summary(tmp_path, 30, _names(3), False)
    ctx = context({"source": FILE, "domains": inline}, root=root)
    expected = (
        DOMAINS,
        "The domains listed here differ from the file's ranked list",
        "Remove `domains` (the file gives them) or copy them from the file in rank order.",
    )
    assert said(run(top_domains_source_consistent, ctx)) == ([] if ok else [expected])


@pytest.mark.parametrize(
    ("in_file", "documented", "message"),
    [
        (
            True,
            False,
            "The file was computed with sme=true but the model documentation says sme=false",
        ),
        (
            False,
            True,
            "The file was computed with sme=false but the model documentation says sme=true",
        ),
        (True, True, None),
        (False, False, None),
        (None, True, None),  # the file records no setting
        (True, None, None),  # no model documentation to disagree with
    ],
)
def test_the_file_sme_setting_against_the_model_documentation(
    tmp_path: Path, in_file: bool | None, documented: bool | None, message: str | None
) -> None:
    listed = 50 if in_file or documented else 100  # 1,000 crawled: SME 50, otherwise 100
    root = write_summary(tmp_path, 1_000, _names(listed), in_file)
    found = said(
        run(top_domains_source_consistent, context({"source": FILE}, sme=documented, root=root))
    )
    hint = "Run `gpai-docs domains` again with the right SME setting."
    assert found == ([] if message is None else [(SOURCE, message, hint)])


# --- the listing rule of crawlstats ----------------------------------------------------------


def _pack(**values: Any) -> rulepack.RulePack:

    raw = read_data("rulepack.yaml")
    for key, value in values.items():
        raw["values"][key]["value"] = value
    return rulepack.parse(raw)


def test_the_rules_in_json() -> None:
    assert rule_for(PACK, False).as_json() == {
        "share": 0.1,
        "cap": None,
        "sme": False,
        "description": "top 10 % of distinct domains by size, rounded up",
        "catalogue_id": "TDS.2.3.top_domains",
        "rulepack_version": PACK.version,
    }
    assert rule_for(PACK, True).as_json() == {
        "share": 0.05,
        "cap": 1000,
        "sme": True,
        "description": "top 5 % of distinct domains by size, rounded up, at most 1000",
        "catalogue_id": "TDS.2.3.top_domains",
        "rulepack_version": PACK.version,
    }


def test_the_rule_holds_the_share_exactly() -> None:
    assert rule_for(PACK, False) == Rule(
        Fraction(1, 10), None, False, "TDS.2.3.top_domains", PACK.version
    )
    assert rule_for(PACK, True) == Rule(
        Fraction(1, 20), 1000, True, "TDS.2.3.top_domains", PACK.version
    )


@pytest.mark.parametrize(
    ("share", "count_of_7"),
    [("1", 7), ("1/1000000", 1), ("0.5", 4)],  # the whole list; ceil(7e-6); ceil(3.5)
)
def test_shares_in_the_half_open_range_are_accepted(share: str, count_of_7: int) -> None:
    assert rule_for(_pack(top_domains_share=share), False).count(7) == count_of_7


@pytest.mark.parametrize(
    ("share", "read"), [("0", "0.0"), ("-0.1", "-0.1"), ("1.01", "1.01"), ("3/2", "1.5")]
)
def test_shares_outside_zero_to_one_are_refused(share: str, read: str) -> None:
    with pytest.raises(CrawlStatsError) as caught:
        rule_for(_pack(top_domains_share=share), False)
    assert caught.value.message == (
        f"rule pack value top_domains_share must be a share in (0, 1], got {read}"
    )
    assert caught.value.hint == "fix data/rulepack.yaml"


class _Pack:
    """A rule pack holding one value as written, which the real pack would refuse to load."""

    version = "test"

    def __init__(self, share: object) -> None:
        self.share = share

    def __getitem__(self, key: str) -> object:
        return self.share if key == "top_domains_share_sme" else 1000

    def ref(self, key: str) -> str:
        return "TDS.2.3.top_domains"


@pytest.mark.parametrize("share", ["ten percent", "1/0"])
def test_a_share_that_is_not_a_number(share: str) -> None:
    with pytest.raises(CrawlStatsError) as caught:
        rule_for(_Pack(share), True)  # type: ignore[arg-type]
    assert (
        caught.value.message == f"rule pack value top_domains_share_sme is not a number: {share!r}"
    )
    assert caught.value.hint == "fix data/rulepack.yaml"
    assert rule_for(_Pack("1/20"), True).count(30) == 2  # type: ignore[arg-type]


def test_a_missing_pack_value(monkeypatch: pytest.MonkeyPatch) -> None:
    pack = _pack()
    del pack.values["top_domains_cap_sme"]
    assert rule_for(pack, False).cap is None  # only an SME needs the cap
    with pytest.raises(CrawlStatsError) as caught:
        rule_for(pack, True)
    assert caught.value.message == "the rule pack has no value 'top_domains_cap_sme'"
    assert caught.value.hint == "update data/rulepack.yaml"
    monkeypatch.setattr(rulepack, "load", lambda: pack)
    with pytest.raises(CrawlStatsError, match="no value 'top_domains_cap_sme'"):
        ranking.load_rule(sme=True)


def test_a_pack_that_cannot_be_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> rulepack.RulePack:
        raise KeyError("values")

    monkeypatch.setattr(rulepack, "load", broken)
    with pytest.raises(CrawlStatsError) as caught:
        ranking.load_rule(sme=False)
    assert caught.value.message == "the rule pack has no value 'values'"


def test_ranking_limits_and_numbers_from_one() -> None:
    sizes = {"b.example": 2, "a.example": 2, "c.example": 7}
    assert rank_domains(sizes, 0) == []
    assert rank_domains(sizes, 2) == [Ranked(1, "c.example", 7), Ranked(2, "a.example", 2)]
    assert rank_domains(sizes, 10) == [
        Ranked(1, "c.example", 7),
        Ranked(2, "a.example", 2),
        Ranked(3, "b.example", 2),
    ]
