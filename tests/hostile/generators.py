"""Hostile inputs too large, too binary or too odd to commit: written at test time.

Each generator receives the path where the document belongs (inside a copy of a sample
project) and the sample's own text for it, and creates whatever the case needs there.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

from gpai_docs.load.documents import MAX_BYTES

Generator = Callable[[Path, str], None]
GENERATORS: dict[str, Generator] = {}


def generator(function: Generator) -> Generator:
    GENERATORS[function.__name__] = function
    return function


def _swap(sample: str, old: str, new: str) -> str:
    assert old in sample, f"the sample no longer contains {old!r}"
    return sample.replace(old, new, 1)


@generator
def nest_flow_10k(target: Path, sample: str) -> None:
    target.write_text("document: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")


@generator
def nest_block_10k(target: Path, sample: str) -> None:
    target.write_text("document:\n" + "- " * 10_000 + "x\n", encoding="utf-8")


@generator
def nest_flow_100k(target: Path, sample: str) -> None:
    target.write_text("document: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")


@generator
def nest_json_10k(target: Path, sample: str) -> None:
    target.unlink()
    json_target = target.with_suffix(".json")
    json_target.write_text('{"document": ' + "[" * 10_000 + "]" * 10_000 + "}", encoding="utf-8")


@generator
def file_50mb(target: Path, sample: str) -> None:
    line = b"# " + b"padding " * 16 + b"\n"
    with target.open("wb") as handle:
        handle.write(sample.encode("utf-8"))
        handle.write(line * (50 * 2**20 // len(line)))
    assert target.stat().st_size > 6 * MAX_BYTES


@generator
def many_keys(target: Path, sample: str) -> None:
    keys = "".join(f"  k{i}: {i}\n" for i in range(250_000))
    target.write_text(sample + "extra:\n" + keys, encoding="utf-8")


LONG_VALUE = "transformer " * (2**20 // 12)


@generator
def value_1mb(target: Path, sample: str) -> None:
    line = next(x for x in sample.splitlines() if x.startswith("  architecture: "))
    target.write_text(_swap(sample, line, f"  architecture: {LONG_VALUE}"), encoding="utf-8")


@generator
def key_1mb(target: Path, sample: str) -> None:
    target.write_text(sample + "k" * 2**20 + ": 1\n", encoding="utf-8")


@generator
def binary_png(target: Path, sample: str) -> None:
    target.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)


@generator
def random_bytes(target: Path, sample: str) -> None:
    rng = random.Random(7)
    target.write_bytes(bytes(rng.randrange(1, 256) for _ in range(4096)))


@generator
def invalid_utf8(target: Path, sample: str) -> None:
    lines = sample.encode("utf-8").split(b"\n")
    lines[2] = lines[2] + b" \xc3\x28 \xff"
    target.write_bytes(b"\n".join(lines))


@generator
def latin1(target: Path, sample: str) -> None:
    text = _swap(sample, "Lumen AI B.V.", "Lumière AI S.A.")
    target.write_bytes(text.encode("latin-1", errors="replace"))


@generator
def utf8_bom(target: Path, sample: str) -> None:
    target.write_bytes(b"\xef\xbb\xbf" + sample.encode("utf-8"))


@generator
def utf16_le(target: Path, sample: str) -> None:
    target.write_bytes(sample.encode("utf-16"))  # little-endian with BOM on this platform


@generator
def utf16_be(target: Path, sample: str) -> None:
    target.write_bytes(b"\xfe\xff" + sample.encode("utf-16-be"))


@generator
def json_nul(target: Path, sample: str) -> None:
    target.unlink()
    target.with_suffix(".json").write_bytes(b'{"document": {"version": "1.0\x00.0"}}')


@generator
def crlf(target: Path, sample: str) -> None:
    target.write_bytes(sample.replace("\n", "\r\n").encode("utf-8"))


def _digits(target: Path, sample: str, count: int) -> None:
    old = 'total_model_size: "1.6*10^9"'
    target.write_text(_swap(sample, old, "total_model_size: " + "9" * count), encoding="utf-8")


@generator
def digits_400(target: Path, sample: str) -> None:
    _digits(target, sample, 400)


@generator
def digits_5000(target: Path, sample: str) -> None:
    _digits(target, sample, 5000)


@generator
def json_digits_5000(target: Path, sample: str) -> None:
    import json

    from gpai_docs.load.documents import load_text

    data = load_text(sample, "sample").data
    data["properties"]["total_model_size"] = 0
    text = json.dumps(data, indent=2).replace(
        '"total_model_size": 0', '"total_model_size": ' + "9" * 5000
    )
    target.unlink()
    target.with_suffix(".json").write_text(text, encoding="utf-8")


@generator
def directory(target: Path, sample: str) -> None:
    target.unlink()
    target.mkdir()
    (target / "inner.yaml").write_text(sample, encoding="utf-8")


@generator
def unreadable(target: Path, sample: str) -> None:
    target.chmod(0)


@generator
def symlink_outside(target: Path, sample: str) -> None:
    secret = target.parent.parent / "outside-secret.yaml"
    secret.write_text("aws_secret_access_key: HOSTILE-CANARY-OUTSIDE\n", encoding="utf-8")
    target.unlink()
    target.symlink_to(secret)


@generator
def symlink_dev_zero(target: Path, sample: str) -> None:
    target.unlink()
    target.symlink_to("/dev/zero")


@generator
def fifo(target: Path, sample: str) -> None:
    target.unlink()
    os.mkfifo(target)


@generator
def symlink_loop(target: Path, sample: str) -> None:
    target.unlink()
    target.symlink_to(target.name)


@generator
def two_files(target: Path, sample: str) -> None:
    target.with_suffix(".json").write_text("{}", encoding="utf-8")
