"""Cold `gpai-docs validate` of a sample against a bare `python -c "import pydantic"`.

Both run as fresh processes, interleaved, several times; the report is the ratio of
medians measured in this run (target: at most 2x), so a busy machine slows both alike.

    .venv/bin/python bench/validate_bench.py [--runs 15] [--sample samples/minimal]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--sample", default=str(ROOT / "samples" / "minimal"))
    args = parser.parse_args()
    python = sys.executable
    contenders = {
        "python -c 'import pydantic'": [python, "-c", "import pydantic"],
        "python -c 'from pydantic import BaseModel'": [
            python,
            "-c",
            "from pydantic import BaseModel",
        ],
        "gpai-docs validate (cold)": [python, "-m", "gpai_docs", "validate", args.sample, "-q"],
    }
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for argv in contenders.values():  # warm the OS file cache once
        timed(argv)
    for _ in range(args.runs):
        for name, argv in contenders.items():
            times[name].append(timed(argv))
    baseline = statistics.median(times["python -c 'import pydantic'"])
    print("| command | median (s) | ratio to `import pydantic` |\n|---|---|---|")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"| {name} | {median:.3f} | {median / baseline:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
