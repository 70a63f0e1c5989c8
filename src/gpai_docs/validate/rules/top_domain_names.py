"""Rule TS020: the entries of the top-domain list of summary section 2.3 are domain names.

The list is published in the summary and as ``domains.csv`` (TDS.2.3.top_domains), so an
entry is text a rightsholder searches for and a spreadsheet opens: a note pasted after a
name, markup or a formula there is an error, whether written inline or read from the
summary that `gpai-docs domains` writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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
    look for, and is text a spreadsheet or a page might run. A domain name is two or more
    labels of letters, digits, hyphens and underscores (what `gpai-docs domains` keeps),
    at most 63 characters each and 253 in all; internationalised names are checked in
    their IDNA form. Entries written inline and those of the file named by `source` are
    checked.

    Passes:
        section_2: {crawled_data: {used: Yes, top_domains: {total_domains: 30, domains: [a.example, bücher.example, c.example]}}}

    Fails:
        section_2: {crawled_data: {used: Yes, top_domains: {total_domains: 30, domains: [a.example, "b.example ZQX00107QZ", '=HYPERLINK("http://x.example")']}}}
    """
    top = context.tds.section_2.crawled_data.top_domains
    if top is None:
        return
    path: JsonPath = ("section_2", "crawled_data", "top_domains")
    inline = [((*path, "domains", i), f"Entry {i + 1}", d) for i, d in enumerate(top.domains or [])]
    summary = domains_source(context, top)
    from_file = [
        ((*path, "source"), f"The domain of rank {t.rank} in {top.source}", t.domain)
        for t in (summary.top if summary is not None else ())
    ]
    for field, entries in (("domains", inline), ("source", from_file)):
        bad = [(where, what, d) for where, what, d in entries if not is_host_name(d)]
        for where, what, domain in bad[:_LISTED_BAD]:
            yield Finding(
                TS,
                where,
                f"{what} of the top-domain list, {_quoted(domain)}, is not a domain name",
                hint="Write the domain name alone (e.g. news.example), one per entry, with "
                "notes elsewhere; or write the list again with `gpai-docs domains`.",
            )
        if len(bad) > _LISTED_BAD:
            yield Finding(
                TS,
                (*path, field),
                f"{len(bad) - _LISTED_BAD} more entries of the top-domain list are not "
                "domain names",
                hint="Correct every entry: each is a domain name alone.",
            )
