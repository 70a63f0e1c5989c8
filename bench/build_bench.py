"""Benchmark `gpai-docs build` against WeasyPrint alone, in one run.

Measures, each in a fresh process:
  1. WeasyPrint alone writing the same HTML pages the build lays out (same options);
  2. a first build of the sample into an empty folder (Markdown + PDF);
  3. a second, unchanged build into the same folder;
  4. a build whose summary lists 100,000 crawled domains (time and peak memory), once from
     scratch (every artifact) and once into the first build's folder, where only the
     artifacts that depend on the summary are rendered again.
Prints a Markdown table with the ratios the README reports.

    .venv/bin/python bench/build_bench.py [--sample samples/large-closed] [--domains 100000]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-21"

WEASYPRINT_ALONE = """
import sys, datetime as dt, weasyprint
from pathlib import Path
from gpai_docs.render.pdf import base_url, fetcher
stamp = dt.datetime(2026, 1, 1)
for html in sorted(Path(sys.argv[1]).glob("*.html")):
    weasyprint.HTML(filename=str(html), base_url=base_url(), url_fetcher=fetcher()).write_pdf(
        html.with_suffix(".pdf"), pdf_variant="pdf/a-3b", pdf_tags=True)
"""


def run(args: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MB) of the largest process the command ran."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(args, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def write_pages(sample: Path, folder: Path) -> int:
    """The HTML pages a build of ``sample`` lays out, as files."""
    import datetime as dt

    from gpai_docs.render.artifacts import SPECS
    from gpai_docs.render.html import page
    from gpai_docs.render.markdown import render_artifact
    from gpai_docs.validate.pipeline import validate_project

    result = validate_project(sample, as_of=dt.date.fromisoformat(AS_OF))
    count = 0
    for spec in SPECS:
        rendered = render_artifact(result, spec)
        if rendered is not None:
            html = page(rendered, stamp="2026-01-01T00:00:00Z", generator="bench")
            (folder / f"{spec.stem}.html").write_text(html, encoding="utf-8")
            count += 1
    return count


def domain_project(sample: Path, folder: Path, count: int) -> Path:
    """A copy of ``sample`` whose section 2.3 points at a ``count``-domain summary."""
    import yaml

    project = folder / "domains-project"
    shutil.copytree(sample, project)
    total = count * 10  # the list is the top 10 % of all crawled domains
    sizes = [10**12 // i for i in range(1, total + 1)]
    everything = sum(sizes)
    top = [
        {
            "rank": i,
            "domain": f"site{i:07d}.example.org",
            "size": sizes[i - 1],
            "share": sizes[i - 1] / everything,
        }
        for i in range(1, count + 1)
    ]
    summary = {
        "format": "gpai-docs-domains/1",
        "distinct_domains": total,
        "listed_domains": count,
        "sme": False,
        "total_size": everything,
        "top": top,
    }
    (project / "domains.json").write_text(json.dumps(summary), encoding="utf-8")
    tds_path = project / "training-data-summary.yaml"
    tds = yaml.safe_load(tds_path.read_text(encoding="utf-8"))
    crawled = tds["section_2"]["crawled_data"]
    crawled["used"] = "Yes"
    crawled["top_domains"] = {"source": "domains.json", "total_domains": total}
    tds_path.write_text(yaml.safe_dump(tds, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=Path, default=ROOT / "samples" / "large-closed")
    parser.add_argument("--domains", type=int, default=100_000)
    options = parser.parse_args()
    python = sys.executable
    cli = [python, "-m", "gpai_docs"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pages = folder / "pages"
        pages.mkdir()
        count = write_pages(options.sample, pages)
        alone, _ = run([python, "-c", WEASYPRINT_ALONE, str(pages)])
        out = folder / "out"
        build = [*cli, "build", str(options.sample), "--out", str(out), "--as-of", AS_OF]
        first, _ = run(build)
        second, _ = run(build)
        project = domain_project(options.sample, folder, options.domains)
        big, peak = run(
            [*cli, "build", str(project), "--out", str(folder / "big"), "--as-of", AS_OF]
        )
        summary_only, summary_peak = run(
            [*cli, "build", str(project), "--out", str(out), "--as-of", AS_OF]
        )
    rows = [
        ("WeasyPrint alone, same HTML", f"{count} PDFs", f"{alone:.2f} s", "1.00x", ""),
        (
            "gpai-docs build, first",
            f"{count} PDFs + Markdown",
            f"{first:.2f} s",
            f"{first / alone:.2f}x of WeasyPrint alone",
            "≤ 1.15x",
        ),
        (
            "gpai-docs build, unchanged",
            "nothing to do",
            f"{second:.2f} s",
            f"{second / first:.1%} of the first",
            "≤ 10 %",
        ),
        (
            f"Summary with {options.domains:,} domains",
            "all artifacts from scratch",
            f"{big:.2f} s",
            f"peak {peak:.0f} MB",
            "",
        ),
        (
            f"Summary with {options.domains:,} domains",
            "the summary's artifacts (others unchanged)",
            f"{summary_only:.2f} s",
            f"peak {summary_peak:.0f} MB",
            "≤ 15 s, ≤ 1 GB",
        ),
    ]
    print(f"Sample: {options.sample}")
    print("| Run | Work | Time | Ratio | Target |")
    print("|---|---|---:|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
