"""`gpai-docs domains` as a library call: count, rank, write.

JSON summary format ``gpai-docs-domains/1`` (stable; new keys may be added, none
removed or changed in meaning without a new format version)::

    {
      "format": "gpai-docs-domains/1",
      "psl_version": "publicsuffixlist 1.1.2.20261023",  # bundled list, dated
      "measure": "bytes" | "tokens",
      "sme": false,
      "input_kind": "logs" | "totals",
      "rows": 123,                 # rows read, good and bad
      "rows_skipped": {"no_host": 1, ...},   # reason -> rows, never includes IP rows
      "skipped_examples": [{"file": "a.csv", "line": 7, "reason": "bad_encoding"}],
                                   # the first (at most 5) bad rows the reader can name
      "ip_rows": 4, "ip_size": 5,  # rows whose host is an IP address, counted apart
      "distinct_domains": 100,
      "total_size": 999,           # all content of all registrable domains
      "listed_domains": 10,
      "share_covered": 0.73,       # size of the listed domains / total_size
      "csv": "domains.csv",        # relative to the folder of the summary
      "rule": {"share": 0.1, "cap": null, "sme": false, "description": "...",
               "catalogue_id": "TDS.2.3.top_domains", "rulepack_version": "..."},
      "by_modality": {"text": {"rows": .., "distinct_domains": .., "total_size": ..,
                               "listed_domains": .., "share_covered": ..,
                               "csv": "domains.text.csv"}, ...},   # {} without a column
      "top": [{"rank": 1, "domain": "example.com", "size": 500, "share": 0.5}, ...]
    }

Rows: ``rows == sum(rows_skipped) + ip_rows + rows counted in domains``. Shares are
fractions of ``total_size`` rounded to 12 significant digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gpai_docs.crawlstats.aggregate import open_tally
from gpai_docs.crawlstats.hosts import psl_version
from gpai_docs.crawlstats.model import Options, ProgressCallback
from gpai_docs.crawlstats.output import (
    Written,
    check_outputs,
    commit,
    csv_text,
    json_text,
    modality_csv_paths,
    relative,
    share_value,
)
from gpai_docs.crawlstats.ranking import Ranked, Rule, load_rule
from gpai_docs.crawlstats.sources import expand_inputs
from gpai_docs.crawlstats.tally import Tally

FORMAT = "gpai-docs-domains/1"


@dataclass(frozen=True, slots=True)
class DomainsResult:
    """What a run produced: the summary (as written) and the files."""

    summary: dict[str, Any]
    written: Written


def _slice(tally: Tally, modality: str | None, rule: Rule) -> tuple[list[Ranked], dict[str, Any]]:
    facts = tally.facts(modality)
    listed = tally.top(modality, rule.count(facts.distinct))
    covered = sum(item.size for item in listed)
    return listed, {
        "rows": facts.rows,
        "distinct_domains": facts.distinct,
        "total_size": facts.total,
        "listed_domains": len(listed),
        "share_covered": share_value(covered, facts.total),
    }


def default_summary_path(out: Path) -> Path:
    return out.with_name(f"{out.stem}.summary.json")


def summarise(
    tally: Tally, options: Options, out: Path, summary_path: Path
) -> tuple[dict[str, Any], dict[Path, str], dict[str, Path]]:
    """The summary, the CSV texts by path, and the per-modality CSV paths."""
    rule = load_rule(options.sme)
    listed, facts = _slice(tally, None, rule)
    folder = summary_path.parent
    texts = {out: csv_text(listed, facts["total_size"])}
    by_modality: dict[str, Any] = {}
    paths = modality_csv_paths(out, tally.modalities())
    for name, path in paths.items():
        m_listed, m_facts = _slice(tally, name, rule)
        texts[path] = csv_text(m_listed, m_facts["total_size"])
        by_modality[name] = {**m_facts, "csv": relative(path, folder)}
    total = facts["total_size"]
    summary: dict[str, Any] = {
        "format": FORMAT,
        "psl_version": psl_version(),
        "measure": options.measure,
        "sme": options.sme,
        "input_kind": options.input_kind,
        "rows": tally.rows,
        "rows_skipped": dict(sorted(tally.skipped.items())),
        "skipped_examples": [
            {"file": file, "line": line, "reason": reason} for file, line, reason in tally.examples
        ],
        "ip_rows": tally.ip_rows,
        "ip_size": tally.ip_size,
        "distinct_domains": facts["distinct_domains"],
        "total_size": total,
        "listed_domains": facts["listed_domains"],
        "share_covered": facts["share_covered"],
        "csv": relative(out, folder),
        "rule": rule.as_json(),
        "by_modality": by_modality,
        "top": [
            {
                "rank": r.rank,
                "domain": r.domain,
                "size": r.size,
                "share": share_value(r.size, total),
            }
            for r in listed
        ],
    }
    return summary, texts, paths


def run_domains(
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    summary_path: str | Path | None = None,
    options: Options | None = None,
    progress: ProgressCallback | None = None,
) -> DomainsResult:
    """Read crawl logs, rank domains, write the CSV(s) and the JSON summary.

    Nothing is written unless the whole run succeeds; then every file is replaced
    at once. An output that is also an input is refused before anything is read.
    """
    options = options or Options()
    out = Path(out)
    summary_file = Path(summary_path) if summary_path else default_summary_path(out)
    load_rule(options.sme)  # fail on a broken rule pack before hours of reading
    sources = expand_inputs(inputs, options.format, remote_ok=options.engine == "spark")
    local = [s.path for s in sources if not s.remote]
    check_outputs({"--out": out, "--summary": summary_file}, local)
    with open_tally(sources, options, progress) as tally:
        summary, texts, paths = summarise(tally, options, out, summary_file)
    named = {f"the {name!r} modality list": path for name, path in paths.items()}
    check_outputs({"--out": out, "--summary": summary_file, **named}, local)
    commit({**texts, summary_file: json_text(summary)})
    return DomainsResult(summary, Written(out, summary_file, paths))
