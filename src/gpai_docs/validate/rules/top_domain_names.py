"""Rules TS020 and TS050: the entries of the top-domain list of summary section 2.3 are
domain names, not categories of sites.

The list is published in the summary and as ``domains.csv`` (TDS.2.3.top_domains), so an
entry is text a rightsholder searches for and a spreadsheet opens: a note pasted after a
name, markup or a formula there is an error, whether written inline or read from the
summary that `gpai-docs domains` writes. Published summaries lose the most here by naming
categories ("news websites", ".gov", "*.edu") or a public suffix ("gov.uk") where the
template asks for the top 10 % of domain names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import publicsuffixlist

from gpai_docs.diagnostics import JsonPath, Severity
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.top_domains import domains_source
from gpai_docs.validate.rules.training_data_summary._answers import NEEDS, TS

# The characters `gpai-docs domains` keeps in a label: letters, digits, hyphens and the
# underscore. RFC 1123 bars a hyphen at either end, but crawls meet such hosts, and the
# rule must accept every list that command writes.
_LABEL = re.compile(r"[a-z0-9_-]{1,63}\Z")
_SHOWN_CHARS = 80  # a finding quotes the start of an entry, never a megabyte of it
_LISTED_BAD = 10  # after this many entries one finding counts the rest


def is_host_name(text: str) -> bool:
    """A host name of two or more labels (trailing dot allowed), Unicode labels as IDNA."""
    name = text.lower().removesuffix(".")
    labels = name.split(".")
    if len(name) > 253 or len(labels) < 2:
        return False
    for label in labels:
        try:
            ascii_label = label if label.isascii() else label.encode("idna").decode("ascii")
        except UnicodeError:
            return False
        if not _LABEL.match(ascii_label):
            return False
    return True


def _quoted(text: str) -> str:
    return repr(text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS] + "…")


@cache
def _icann() -> publicsuffixlist.PublicSuffixList:
    # The ICANN section only, and no guessing at unknown labels: a name is a public suffix
    # here only when a registry allocates names under it (gov.uk, co.uk, com.pl, gov).
    return publicsuffixlist.PublicSuffixList(only_icann=True, accept_unknown=False)


def is_public_suffix(text: str) -> bool:
    """Whether ``text`` is itself a public suffix of the ICANN section (``gov.uk``, ``gov``)."""
    name = text.strip().lower().removesuffix(".")
    if not name or not is_host_name(f"x.{name}"):
        return False
    try:
        ascii_name = name if name.isascii() else name.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    return bool(_icann().is_public(ascii_name))


_CATEGORY_HINT = (
    "Section 2.3 lists the domain names themselves, the top 10 % by content size (SME: "
    "5 % or 1,000), so that a rightsholder finds their own site: name each domain (e.g. "
    "whitehouse.gov, not .gov), as `gpai-docs domains` computes them from the crawl log. "
    "Describe the kinds of sites in `content_description`."
)


def _why_not(text: str) -> tuple[str, str]:
    """What an entry that is not a domain name is instead, and how to fix it."""
    entry = text.strip()
    words = entry.split()
    if entry.startswith((".", "*")) or (len(words) == 1 and is_public_suffix(entry)):
        return "is a top-level domain or a suffix, a category of sites", _CATEGORY_HINT
    if len(words) > 1 and not any(is_host_name(w.strip(",;()")) for w in words):
        return "describes a category of sites", _CATEGORY_HINT
    if len(words) == 1 and "." not in entry and entry.replace("-", "").isalnum():
        return "has no top-level domain: a site's name or a category, not a domain", _CATEGORY_HINT
    return (
        "is not a domain name",
        "Write the domain name alone (e.g. news.example), one per entry, with notes "
        "elsewhere; or write the list again with `gpai-docs domains`.",
    )


_Entry = tuple[JsonPath, str, str]  # where it is reported, how it is named, the entry
_PATH: JsonPath = ("section_2", "crawled_data", "top_domains")


def _entries(context: RuleContext) -> tuple[tuple[str, list[_Entry]], ...]:
    """The list's entries written inline, then those of the file named by ``source``."""
    top = context.tds.section_2.crawled_data.top_domains
    if top is None:
        return ()
    inline = [
        ((*_PATH, "domains", i), f"Entry {i + 1}", d) for i, d in enumerate(top.domains or [])
    ]
    summary = domains_source(context, top)
    from_file = [
        ((*_PATH, "source"), f"The domain of rank {t.rank} in {top.source}", t.domain)
        for t in (summary.top if summary is not None else ())
    ]
    return (("domains", inline), ("source", from_file))


@rule(
    "TS020",
    "top-domains-host-names",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 2.3",
    catalogue=("TDS.2.3.top_domains",),
    needs=NEEDS,
)
def top_domains_host_names(context: RuleContext) -> Iterator[Finding]:
    """Every entry of the top-domain list is a domain name.

    Why: section 2.3 lists domain names (TDS.2.3.top_domains), and the list is published
    in the summary and as `domains.csv`. An entry with a blank, markup, a formula such as
    `=HYPERLINK(...)` or a note pasted after the name is not a domain a rightsholder can
    look for, and is text a spreadsheet or a page might run. Nor is a category of sites:
    a description ("government sites", "news websites"), a top-level domain or a wildcard
    over one (".gov", ".bip", "*.edu", "gov"), or a site's name without its top-level
    domain ("wikipedia"); the template asks for the top 10 % of the
    domain names themselves, and a category hides which sites were crawled (the finding
    says which of these an entry is). A domain name is two or more labels of letters,
    digits, hyphens and underscores (what `gpai-docs domains` keeps), at most 63
    characters each and 253 in all; internationalised names are checked in their IDNA
    form. Entries written inline and those of the file named by `source` are checked. A
    public suffix of two labels such as gov.uk is a warning of TS050.

    Passes:
        section_2: {crawled_data: {used: Yes, top_domains: {total_domains: 30, domains: [a.example, bücher.example, c.example]}}}

    Fails:
        section_2: {crawled_data: {used: Yes, top_domains: {total_domains: 30, domains: [a.example, "b.example ZQX00107QZ", '=HYPERLINK("http://x.example")']}}}
    """
    for field, entries in _entries(context):
        bad = [(where, what, d) for where, what, d in entries if not is_host_name(d)]
        for where, what, domain in bad[:_LISTED_BAD]:
            reason, hint = _why_not(domain)
            yield Finding(
                TS, where, f"{what} of the top-domain list, {_quoted(domain)}, {reason}", hint=hint
            )
        if len(bad) > _LISTED_BAD:
            yield Finding(
                TS,
                (*_PATH, field),
                f"{len(bad) - _LISTED_BAD} more entries of the top-domain list are not "
                "domain names",
                hint="Correct every entry: each is a domain name alone.",
            )


@rule(
    "TS050",
    "top-domains-not-public-suffixes",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, section 2.3",
    catalogue=("TDS.2.3.top_domains", "VR-21"),
    needs=NEEDS,
)
def top_domains_not_public_suffixes(context: RuleContext) -> Iterator[Finding]:
    """No entry of the top-domain list is a public suffix, under which many sites are registered.

    Why: the template asks for the top 10 % of crawled domain names by content size
    (TDS.2.3.top_domains, VR-21). A public suffix such as gov.uk, co.uk, com.pl or gov.au
    is where a registry allocates names to many different owners (ons.gov.uk, bbc.co.uk),
    so as an entry it is a category of sites: it hides which sites were crawled and counts
    many domains as one, so the list's length no longer measures 10 %. `gpai-docs domains`
    counts each name registered under a suffix as its own domain, with the Public Suffix
    List bundled in the publicsuffixlist package. Only the list's ICANN section counts
    here: the platform names of its private section (github.io, blogspot.com) are domains
    one company registered, and pass. A warning, not an error: gov.uk is also the address
    of the UK government's site GOV.UK, whose host is www.gov.uk, and a provider may mean
    that site. Fix: list the domains registered under the suffix, or write the host name
    of the one site meant (www.gov.uk).

    Passes:
        section_2: {crawled_data: {used: Yes, top_domains: {total_domains: 30, domains: [www.gov.uk, bbc.co.uk, github.io]}}}

    Fails:
        section_2: {crawled_data: {used: Yes, top_domains: {total_domains: 30, domains: [gov.uk, bbc.co.uk, com.pl]}}}
    """
    for field, entries in _entries(context):
        suffixes = [
            (w, what, d) for w, what, d in entries if is_host_name(d) and is_public_suffix(d)
        ]
        for where, what, domain in suffixes[:_LISTED_BAD]:
            name = domain.strip().lower().removesuffix(".")
            yield Finding(
                TS,
                where,
                f"{what} of the top-domain list, {_quoted(domain)}, is a public suffix: "
                f"sites of many owners are registered under it (such as www.{name} or "
                f"example.{name}), so it names a category of sites, not a domain",
                hint="List the domains registered under it that are among the top domains, "
                f"as `gpai-docs domains` counts them; if one site is meant, write its host "
                f"name (e.g. www.{name}).",
            )
        if len(suffixes) > _LISTED_BAD:
            yield Finding(
                TS,
                (*_PATH, field),
                f"{len(suffixes) - _LISTED_BAD} more entries of the top-domain list are "
                "public suffixes",
                hint="Replace each by the domains registered under it.",
            )
