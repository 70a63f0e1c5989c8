"""Tails of Public Suffix List rules, to shrink hosts before the per-host PSL lookup.

A host's registrable domain depends only on its last labels. If no rule of the list
with k or more labels can match the host's last k labels, its public suffix has at
most k - 1 labels, so ``site.com`` gives the same registrable domain as
``www.site.com`` and ``cdn.site.com``. The DuckDB engine uses these sets to replace
each plain host by the shortest such tail (k = 2 or 3), so the Python lookup runs
once per distinct tail instead of once per distinct host. The result is exactly the
lookup on the full host (tests check this on hosts built from every rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Tails:
    """``exact[k]``: last k labels of rules with at least k fixed labels;
    ``wild[k]``: parents of wildcard rules of exactly k labels (``*.ck`` -> ``ck``)."""

    exact2: frozenset[str]
    exact3: frozenset[str]
    wild2: frozenset[str]
    wild3: frozenset[str]


def _a_label(rule: str) -> str:
    if rule.isascii():
        return rule.lower()
    return ".".join(
        label if label == "*" else label.encode("idna").decode("ascii")
        for label in rule.lower().split(".")
    )


def _rules() -> list[str]:
    text = (
        resources.files("publicsuffixlist")
        .joinpath("public_suffix_list.dat")
        .read_text(encoding="utf-8")
    )
    rules = []
    for line in text.splitlines():
        token = line.strip().split(" ")[0] if line.strip() else ""
        if token and not token.startswith("//"):
            rules.append(_a_label(token.lstrip("!")))
    return rules


@cache
def tails() -> Tails:
    """The tail sets of the bundled list (both its ICANN and private sections)."""
    exact: dict[int, set[str]] = {2: set(), 3: set()}
    wild: dict[int, set[str]] = {2: set(), 3: set()}
    for rule in _rules():
        labels = rule.split(".")
        fixed = labels[1:] if labels[0] == "*" else labels
        if labels[0] == "*" and len(labels) in wild:
            wild[len(labels)].add(".".join(fixed))
        for k in (2, 3):
            if len(fixed) >= k:
                exact[k].add(".".join(fixed[-k:]))
    return Tails(frozenset(exact[2]), frozenset(exact[3]), frozenset(wild[2]), frozenset(wild[3]))


def shortest_tail(host: str) -> str:
    """The shortest tail of a lowercase ASCII host with the same registrable domain."""
    t = tails()
    labels = host.split(".")
    if len(labels) < 3:
        return host
    l1, l2, l3 = labels[-1], ".".join(labels[-2:]), ".".join(labels[-3:])
    if not (l2 in t.exact2 or l1 in t.wild2):
        return l2
    if len(labels) > 3 and not (l3 in t.exact3 or l2 in t.wild3):
        return l3
    return host
