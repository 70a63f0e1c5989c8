"""Tails of Public Suffix List rules, so that SQL can find most registrable domains.

A host's registrable domain depends only on its last labels. If no rule of the list
with k or more labels can match the host's last k labels, its public suffix has at
most k - 1 labels. The DuckDB engine uses the sets below to settle most hosts in SQL:

* last two labels ``t2`` not in ``exact2`` and the top label not in ``wild2``: the
  public suffix is the top label, so the registrable domain is ``t2``;
* else last three labels ``t3`` not in ``exact3``, ``t2`` not in ``wild3`` and the top
  label not in ``wild2``: the public suffix is ``t2`` if ``t2`` is itself a rule
  (``rule2``), else the top label; the domain is ``t3`` or ``t2``.

Every other host (wildcards, exceptions, suffixes of three or more labels) goes to
the Python lookup. Tests check both against the list on hosts built from every rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Tails:
    """``exact[k]``: last k labels of rules (normal, wildcard or exception) with at
    least k fixed labels; ``wild[k]``: parents of wildcard rules of exactly k labels
    (``*.ck`` -> ``ck``); ``rule2``: normal rules of exactly two labels."""

    exact2: frozenset[str]
    exact3: frozenset[str]
    wild2: frozenset[str]
    wild3: frozenset[str]
    rule2: frozenset[str]


def _a_label(rule: str) -> str:
    if rule.isascii():
        return rule.lower()
    return ".".join(
        label if label == "*" else label.encode("idna").decode("ascii")
        for label in rule.lower().split(".")
    )


def _tokens() -> list[str]:
    """Rules as written (``!`` and ``*`` kept), in A-label form."""
    text = (
        resources.files("publicsuffixlist")
        .joinpath("public_suffix_list.dat")
        .read_text(encoding="utf-8")
    )
    found = []
    for line in text.splitlines():
        parts = line.split(None, 1)
        if parts and not parts[0].startswith("//"):
            token = parts[0]
            bang = token.startswith("!")
            found.append(("!" if bang else "") + _a_label(token.lstrip("!")))
    return found


def _rules() -> list[str]:
    """Rules without the exception mark (``!city.kobe.jp`` -> ``city.kobe.jp``)."""
    return [token.lstrip("!") for token in _tokens()]


@cache
def tails() -> Tails:
    """The tail sets of the bundled list (both its ICANN and private sections)."""
    exact: dict[int, set[str]] = {2: set(), 3: set()}
    wild: dict[int, set[str]] = {2: set(), 3: set()}
    rule2: set[str] = set()
    for token in _tokens():
        rule = token.lstrip("!")
        labels = rule.split(".")
        wildcard = labels[0] == "*"
        fixed = labels[1:] if wildcard else labels
        if wildcard and len(labels) in wild:
            wild[len(labels)].add(".".join(fixed))
        if not wildcard and token[0] != "!" and len(labels) == 2:
            rule2.add(rule)
        for k in (2, 3):
            if len(fixed) >= k:
                exact[k].add(".".join(fixed[-k:]))
    return Tails(
        frozenset(exact[2]),
        frozenset(exact[3]),
        frozenset(wild[2]),
        frozenset(wild[3]),
        frozenset(rule2),
    )


def sql_domain(host: str) -> tuple[str, str | None]:
    """What the engine's SQL decides for a lowercase ASCII host name (not an IP).

    ``("domain", d)`` when the tails settle it, ``("not_registrable", None)`` for a
    single label, else ``("psl", None)``: the Python lookup decides. This mirrors
    the SQL in :mod:`gpai_docs.crawlstats.duckdb_sql` so that tests can check the
    rule on every suffix of the list without running SQL per host.
    """
    t = tails()
    labels = host.split(".")
    if len(labels) < 2:
        return "not_registrable", None
    t2 = ".".join(labels[-2:])
    wild_top = labels[-1] in t.wild2
    if not (t2 in t.exact2 or wild_top):
        return "domain", t2
    if len(labels) >= 3 and not wild_top:
        t3 = ".".join(labels[-3:])
        if t3 not in t.exact3 and t2 not in t.wild3:
            return "domain", t3 if t2 in t.rule2 else t2
    return "psl", None


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
