"""The engine settles most hosts in SQL; it must agree with the reference rules.

The reference is the documented rule (the authority pattern, then
``classify_authority``, whose cases are hand-checked in test_crawl_hosts.py), and
the independent ``publicsuffixlist`` library for registrable domains.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from publicsuffixlist import PublicSuffixList

from gpai_docs.crawlstats import count_domains
from gpai_docs.crawlstats.hosts import AUTHORITY_RE, classify_authority
from gpai_docs.crawlstats.suffixes import _rules, sql_domain

from .helpers import write_csv

ORACLE = PublicSuffixList(accept_unknown=True, only_icann=False)
# RE2 (DuckDB) and Java (Spark) read \s as ASCII whitespace; so does the reference.
AUTHORITY = re.compile(AUTHORITY_RE, re.ASCII)

PREFIXES = ["https://", "http://", "HTTP://", "ftp://", "//", "", " https://", "ht tp://"]
PREFIXES += ["1http://", "mailto:", "https:/", "https:///", "h?s://", "://"]
USERINFO = ["", "u@", "u:p@", "a@b@", "\ufffd@", " @", "@"]
HOSTS = [
    "example.com",
    "WWW.Example.COM",
    "a.b.c.example.co.uk",
    "co.uk",
    "city.kobe.jp",
    "a.b.kobe.jp",
    "x.ck",
    "www.ck",
    "a.www.ck",
    "github.io",
    "alice.github.io",
    "10.0.0.1",
    "01.2.3.4",
    "1.2.3",
    "256.1.1.1",
    "0.0.0.0",
    "1.2.3.4.",
    "[2001:db8::1]",
    "2001:db8::1",
    "[::1",
    "Bücher.de",
    "ex ample.com",
    "a..b.com",
    ".a.com",
    "a.com.",
    "a.com..",
    "x" * 64 + ".com",
    "x" * 63 + ".com",
    "localhost",
    "LOCALHOST",
    "123",
    "",
    "_dmarc.example.com",
    "a-b.example",
    "xn--bcher-kva.de",
    "\u212a.com",
    "site.unknowntld",
    "a.b.c.d.e.f.example.net",
    "1.2.3.com",
    "a" * 250 + ".com",
    "shop.example.com.au",
    "b\ufffd.com",
    "münchen.de",
    "xn--.com",
    "a_b.com",
]
PORTS = ["", ":80", ":", ":abc", ":80:90", ":08"]
TAILS = ["", "/", "/path?x=1", "?q=1", "#frag", "/a//b", "?a=http://evil.com/", "\\x"]


def _reference(urls: list[str]) -> tuple[dict[str, int], dict[str, int], int]:
    domains: dict[str, int] = {}
    skipped: dict[str, int] = {}
    ip_rows = 0
    for size, url in enumerate(urls, 1):
        match = AUTHORITY.match(url)
        result = classify_authority(match.group(1) if match else "")
        if result.kind == "ip":
            ip_rows += 1
        elif result.domain is None:
            skipped[result.kind] = skipped.get(result.kind, 0) + 1
        else:
            domains[result.domain] = domains.get(result.domain, 0) + size
    return domains, skipped, ip_rows


def _engine(tmp_path: Path, urls: list[str]) -> tuple[dict[str, int], dict[str, int], int]:
    path = write_csv(tmp_path / "log.csv", ["url", "size"], [(u, i) for i, u in enumerate(urls, 1)])
    counts = count_domains([path])
    assert counts.rows == len(urls)
    return counts.overall.domains, counts.skipped, counts.ip_rows


def test_hostile_urls_agree_with_the_reference(tmp_path: Path) -> None:
    urls = ["".join(parts) for parts in itertools.product(PREFIXES, USERINFO, HOSTS, PORTS, TAILS)]
    assert len(urls) == 14 * 7 * 45 * 6 * 8
    engine = _engine(tmp_path, urls)
    assert engine == _reference(urls)
    # spot checks by hand, so that agreement is not agreement on nonsense
    domains, skipped, ip_rows = engine
    assert "example.co.uk" in domains and "city.kobe.jp" in domains and "www.ck" in domains
    assert "xn--bcher-kva.de" in domains and "alice.github.io" in domains
    assert {"no_host", "malformed_url", "not_registrable", "bad_encoding"} <= set(skipped)
    assert ip_rows > 0


def test_hosts_from_every_rule_agree_with_the_list(tmp_path: Path) -> None:
    hosts = []
    for rule in _rules():
        base = rule.replace("*", "w")
        hosts += [f"www.site.{base}", f"site.{base}", f"x.{base}", base]
    urls = [f"https://{host}/p" for host in hosts]
    domains, _skipped, _ip = _engine(tmp_path, urls)
    expected: dict[str, int] = {}
    for size, host in enumerate(hosts, 1):
        found = ORACLE.privatesuffix(host)
        if found is not None:
            expected[found] = expected.get(found, 0) + size
    assert domains == expected
    assert len(expected) > 20_000


def test_the_sql_tail_rule_matches_the_list_where_it_decides() -> None:
    decided = 0
    for rule in _rules():
        base = rule.replace("*", "w")
        for host in (f"www.site.{base}", f"a.b.site.{base}", f"site.{base}", f"x.{base}", base):
            kind, domain = sql_domain(host)
            if kind == "psl":
                continue
            decided += 1
            assert domain == ORACLE.privatesuffix(host), host
    assert decided > 25_000  # most hosts never need the Python lookup
