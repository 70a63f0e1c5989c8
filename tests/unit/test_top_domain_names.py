"""Rule TS020: every entry of the top-domain list is a domain name, inline or from the file.

A domain name here is two or more labels of letters, digits, hyphens and underscores
(what `gpai-docs domains` keeps), at most 63 characters a label and 253 in all (RFC 1035);
internationalised labels count in their IDNA form. Whole runs on `open-weights-sme`,
which crawls and otherwise passes without a finding.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gpai_docs.validate.rules.top_domain_names import is_host_name
from tests.unit.test_top_domains_rules import DOMAINS, SOURCE, _run, _summary

NAMES = [
    ("news.example", True),
    ("News.Example", True),
    ("bücher.example", True),
    ("xn--bcher-kva.example", True),
    ("_dmarc.news.example", True),
    ("news.example.", True),  # the root label written out
    ("a-b.c-d.example", True),
    ("civicinsights.net ZQX00107QZ", False),
    ('=HYPERLINK("http://evil.example")', False),
    ("a b.com", False),
    ("<img>", False),
    ("<img>.example", False),
    ("localhost", False),  # one label: not a domain of the web
    ("-a.example", True),  # RFC 1123 bars it, but crawls meet it and `domains` keeps it
    ("a-.example", True),
    ("a..example", False),
    (".example", False),
    ("", False),
    ("https://news.example/", False),
    ("news.example\n::error::x", False),
    ("news\u202e.example", False),
    ("a" * 63 + ".example", True),
    ("a" * 64 + ".example", False),
    (".".join(["a" * 62] * 4) + ".a", True),  # 4 * 62 + 3 dots + 2 = 253 characters
    (".".join(["a" * 62] * 4) + ".ab", False),  # 254 characters
]


@pytest.mark.parametrize(("name", "valid"), NAMES, ids=[repr(n)[:40] for n, _ in NAMES])
def test_host_names(name: str, valid: bool) -> None:
    assert is_host_name(name) is valid


def test_each_bad_inline_entry_is_named_and_the_rest_counted(tmp_path: Path) -> None:
    domains = [f"d{i}.example" for i in range(10)] + [f"bad {i}" for i in range(13)]
    found = _run(tmp_path, {"total_domains": 230, "domains": domains}, sme=False)
    ts020 = [path for code, path in found if code == "TS020"]
    # Ten named where they are, then one finding on the list for the other three.
    assert sorted(ts020) == sorted([f"{DOMAINS}[{i}]" for i in range(10, 20)] + [DOMAINS])


def test_bad_entries_of_the_summary_file_are_reported_at_the_source(tmp_path: Path) -> None:
    listed = ["a.example", "=cmd|' /C calc'!A0", "c.example"]
    found = _run(
        tmp_path, {"source": "stats/domains.json"}, sme=False, summary=_summary(30, listed, False)
    )
    assert [path for code, path in found if code == "TS020"] == [SOURCE]


def test_a_list_of_domain_names_has_no_ts020(tmp_path: Path) -> None:
    listed = ["a.example", "bücher.example", "c.example"]
    found = _run(tmp_path, {"total_domains": 30, "domains": listed}, sme=False)
    assert [code for code, _ in found if code == "TS020"] == []


def test_every_domain_the_domains_command_writes_passes(tmp_path: Path, run_cli: Any) -> None:
    odd = ["-2.example", "a_b.example", "xn--bcher-kva.example", "Bücher.example", "x-.example"]
    filler = [f"f{i}.example" for i in range(36)]  # 40 domains: the top 10 % are the 4 odd
    rows = [f"https://{h}/,{9000 - i}\n" for i, h in enumerate(odd)]
    rows += [f"https://{h}/,{10 + i}\n" for i, h in enumerate(filler)]
    log = tmp_path / "log.csv"
    log.write_text("url,size\n" + "".join(rows), encoding="utf-8")
    result = run_cli("domains", log, "--out", tmp_path / "stats" / "domains.csv")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "stats" / "domains.summary.json").read_text(encoding="utf-8"))
    listed = [row["domain"] for row in summary["top"]]
    # Bücher.example and its A-label are one domain: four distinct odd names are listed.
    assert set(listed) == {"-2.example", "a_b.example", "xn--bcher-kva.example", "x-.example"}
    assert all(is_host_name(domain) for domain in listed)
