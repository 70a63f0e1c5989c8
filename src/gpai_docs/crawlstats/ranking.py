"""Which domains to list: the top share of distinct domains by size, from the rule pack.

The share and the SME cap are read from ``data/rulepack.yaml`` (keys
``top_domains_share``, ``top_domains_share_sme``, ``top_domains_cap_sme``); no number
of the rule lives in code. The count is rounded up with exact arithmetic, so 10 % of
30 domains is 3, not 4 (0.1 × 30 in binary floating point is 3.0000000000000004).
Ranking is by size descending, then domain name ascending, so ties are deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from gpai_docs.crawlstats.errors import CrawlStatsError
from gpai_docs.law import rulepack

SHARE_KEY = "top_domains_share"
SME_SHARE_KEY = "top_domains_share_sme"
SME_CAP_KEY = "top_domains_cap_sme"


@dataclass(frozen=True, slots=True)
class Rule:
    """The listing rule that applies: ceil(share × distinct domains), at most ``cap``."""

    share: Fraction
    cap: int | None
    sme: bool
    catalogue_id: str
    rulepack_version: str

    def count(self, distinct_domains: int) -> int:
        wanted = math.ceil(self.share * distinct_domains)
        return wanted if self.cap is None else min(wanted, self.cap)

    def as_json(self) -> dict[str, Any]:
        percent = self.share * 100
        text = f"top {float(percent):g} % of distinct domains by size, rounded up"
        if self.cap is not None:
            text += f", at most {self.cap}"
        return {
            "share": float(self.share),
            "cap": self.cap,
            "sme": self.sme,
            "description": text,
            "catalogue_id": self.catalogue_id,
            "rulepack_version": self.rulepack_version,
        }


def _fraction(value: Any, key: str) -> Fraction:
    try:
        share = Fraction(str(value))
    except (ValueError, ZeroDivisionError) as exc:
        raise CrawlStatsError(
            f"rule pack value {key} is not a number: {value!r}",
            hint="fix data/rulepack.yaml",
        ) from exc
    if not 0 < share <= 1:
        raise CrawlStatsError(
            f"rule pack value {key} must be a share in (0, 1], got {value!r}",
            hint="fix data/rulepack.yaml",
        )
    return share


def load_rule(sme: bool) -> Rule:
    """The rule for a provider (SME or not) from the shipped rule pack."""
    try:
        pack = rulepack.load()
    except KeyError as exc:
        raise _missing(exc) from exc
    return rule_for(pack, sme)


def rule_for(pack: rulepack.RulePack, sme: bool) -> Rule:
    """The rule for a provider (SME or not) from ``pack``; rule TS008 checks with it too."""
    try:
        key = SME_SHARE_KEY if sme else SHARE_KEY
        share = _fraction(pack[key], key)
        cap = int(pack[SME_CAP_KEY]) if sme else None
        catalogue_id = pack.ref(key)
    except KeyError as exc:
        raise _missing(exc) from exc
    return Rule(share, cap, sme, catalogue_id, pack.version)


def _missing(exc: KeyError) -> CrawlStatsError:
    return CrawlStatsError(f"the rule pack has no value {exc}", hint="update data/rulepack.yaml")


@dataclass(frozen=True, slots=True)
class Ranked:
    """One listed domain."""

    rank: int
    domain: str
    size: int


def rank_domains(sizes: Mapping[str, int], limit: int) -> list[Ranked]:
    """The ``limit`` largest domains, by size descending then name ascending."""
    order = sorted(sizes.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [Ranked(n, domain, size) for n, (domain, size) in enumerate(order, 1)]
