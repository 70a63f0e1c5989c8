"""URL/host -> registrable domain: suffix edge cases, hand-checked against the PSL."""

from __future__ import annotations

import pytest

from gpai_docs.crawlstats.hosts import authority_of, classify_authority, psl_version
from gpai_docs.crawlstats.suffixes import _rules, shortest_tail, tails


@pytest.mark.parametrize(
    ("value", "domain"),
    [
        ("news.bbc.co.uk", "bbc.co.uk"),
        ("https://www.bbc.co.uk/news", "bbc.co.uk"),
        ("bbc.co.uk", "bbc.co.uk"),
        ("alice.github.io", "alice.github.io"),  # private section: one domain per user
        ("https://docs.bob.github.io/x", "bob.github.io"),
        ("http://user:pw@Example.COM:8080/x", "example.com"),  # userinfo, port, case
        ("WWW.EXAMPLE.COM", "example.com"),
        ("https://www.example.com./path", "example.com"),  # trailing dot
        ("example.com:443", "example.com"),
        ("//cdn.example.org/lib.js", "example.org"),  # scheme-relative
        ("example.org/page?next=http://evil.test/", "example.org"),  # URL in the query
        ("https://Bücher.DE/katalog", "xn--bcher-kva.de"),  # IDN -> A-label
        ("xn--bcher-kva.de", "xn--bcher-kva.de"),
        ("https://www.例え.jp/", "xn--r8jz45g.jp"),
        ("shop.example.com.au", "example.com.au"),
        ("www.city.kobe.jp", "city.kobe.jp"),  # PSL exception rule
        ("a.b.c.kobe.jp", "b.c.kobe.jp"),  # PSL wildcard rule *.kobe.jp
        ("  https://www.example.net/  ", "example.net"),
        ("site.unknowntld", "site.unknowntld"),  # unknown TLDs count as suffixes
    ],
)
def test_registrable_domain(value: str, domain: str) -> None:
    result = classify_authority(authority_of(value))
    assert (result.kind, result.domain) == ("domain", domain)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("http://10.0.0.1/x", "ip"),
        ("http://10.0.0.1:8080/x", "ip"),
        ("http://[2001:db8::1]:80/", "ip"),
        ("http://[2001:db8::1]/", "ip"),
        ("2001:db8::1", "ip"),
        ("", "no_host"),
        ("http://", "no_host"),
        ("http:///path", "no_host"),
        ("http://user@/x", "no_host"),
        ("http://1.2.3.999/", "malformed_url"),
        ("http://exa mple.com/", "malformed_url"),
        ("example.com:abc", "malformed_url"),
        ("http://[2001:db8::1/", "malformed_url"),
        ("http://" + "a" * 64 + ".com/", "malformed_url"),
        ("github.io", "not_registrable"),
        ("co.uk", "not_registrable"),
        ("localhost", "not_registrable"),
        ("http://b\ufffd.com/", "bad_encoding"),
    ],
)
def test_not_a_domain(value: str, kind: str) -> None:
    result = classify_authority(authority_of(value))
    assert result.kind == kind
    assert result.domain is None


def test_psl_version_names_the_bundled_list() -> None:
    version = psl_version()
    assert version.startswith("publicsuffixlist ")
    assert version.rsplit(".", 1)[-1].isdigit()  # the list date, e.g. 20261023


def test_shortest_tail_keeps_the_domain_for_every_rule() -> None:
    """The SQL key reduction must never change a registrable domain."""
    hosts = []
    for rule in _rules():
        base = rule.replace("*", "w")
        hosts += [f"www.site.{base}", f"a.b.site.{base}", f"site.{base}", f"x.{base}"]
    checked = 0
    for host in hosts:
        full = classify_authority(host)
        if full.kind != "domain":
            continue
        assert classify_authority(shortest_tail(host)).domain == full.domain, host
        checked += 1
    assert checked > 30_000


def test_shortest_tail_shrinks_common_hosts() -> None:
    assert shortest_tail("news.site.com") == "site.com"
    assert shortest_tail("a.b.bbc.co.uk") == "bbc.co.uk"
    assert shortest_tail("x.alice.github.io") == "alice.github.io"
    assert "co.uk" in tails().exact2
