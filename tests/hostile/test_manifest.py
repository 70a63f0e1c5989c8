"""The catalogue itself: enough cases, each explained, every input file used; and release
manifests from untrusted hands, refused by every command that reads them."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
import tarfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.hostile.generators import GENERATORS
from tests.hostile.test_catalogue import CASES, HERE
from tests.releases._projects import write


def test_catalogue_has_at_least_forty_cases_with_unique_ids() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) >= 40
    assert len(set(ids)) == len(ids)


def test_every_case_says_what_it_attacks_and_what_must_happen() -> None:
    for case in CASES:
        assert case["attacks"].strip(), case["id"]
        expect = case["expect"]
        assert "finding" in expect or expect.get("clean") or expect.get("renders") == "literally", (
            case["id"]
        )
        sources = [key for key in ("input", "patch", "generate") if key in case]
        assert len(sources) == 1, case["id"]


def test_every_input_file_belongs_to_a_case_and_exists() -> None:
    referenced = {case.get("input") or case.get("patch") for case in CASES} - {None}
    present = {f"inputs/{p.name}" for p in (HERE / "inputs").iterdir()}
    assert referenced == present
    assert {case["generate"] for case in CASES if "generate" in case} == set(GENERATORS)


# --- Release manifests from untrusted hands -------------------------------------------
#
# Each case below replaces the manifest of release 1.0 and runs `verify` (on the folder
# and on an archive holding the same manifest), `history` and the next `release` through
# the command line: each must refuse with its exit code and a message naming the file and
# what is wrong, must not raise, and must not write anything.

GOOD_NAME = '"name": "Lumen-Base-2"'
Make = Callable[[bytes], bytes]


@dataclass(frozen=True)
class Hostile:
    id: str
    kind: str  # the class of hostile input
    make: Make | None  # the manifest's new bytes from the good ones; None: see `install`
    what: str  # the part of the message after the file (and line and column)
    at: str | None = None  # written just before the reported position, when there is one
    damaged: bool = True  # verify says "is damaged: ..." (else: not a regular file)


def _text(edit: Callable[[str], str]) -> Make:
    return lambda raw: edit(raw.decode("utf-8")).encode("utf-8")


def _sub(old: str, new: str) -> Make:
    def make(raw: bytes) -> bytes:
        text = raw.decode("utf-8")
        assert old in text
        return text.replace(old, new, 1).encode("utf-8")

    return make


def _size(new: str) -> Make:
    return _text(lambda text: re.sub(r'"size": \d+', f'"size": {new}', text, count=1))


def _nest(n: int, *, objects: bool = False) -> str:
    return '{"a": ' * n + "1" + "}" * n if objects else "[" * n + "]" * n


SEQ = '"sequence": 1,'
SIG = '"signature": null'
CHANGES = '"changes": {\n    "against": null\n  }'
NOT_WHOLE = "must be a whole number (of at most 19 digits)"
KEY = '"key_id": "' + "a" * 64 + '"'
NESTED = "nests deeper than 16 levels"
TOO_BIG = "is larger than 16,777,216 bytes, the most a manifest may be"


def _signature(body: str) -> Make:
    return _sub(SIG, f'"signature": {body}')


def _changes(body: str) -> Make:
    return _sub(CHANGES, f'"changes": {body}')


HOSTILE = [
    # numbers
    Hostile("seq-1e999", "numbers", _sub(SEQ, '"sequence": 1e999,'), f"sequence: {NOT_WHOLE}, not the number 1E+999", '"sequence": '),
    Hostile("size-1e999", "numbers", _size("1e999"), f"files[0].size: {NOT_WHOLE}, not the number 1E+999", '"size": '),
    Hostile("size-negative", "numbers", _size("-1"), "files[0].size: must be at least 0, not the number -1", '"size": '),
    Hostile("seq-5000-digits", "numbers", _sub(SEQ, f'"sequence": {"9" * 5000},'), f"sequence: {NOT_WHOLE}, not a number of 5000 digits", '"sequence": '),
    Hostile("seq-nan", "numbers", _sub(SEQ, '"sequence": NaN,'), "NaN is not a JSON number", '"sequence": '),
    Hostile("seq-minus-infinity", "numbers", _sub(SEQ, '"sequence": -Infinity,'), "-Infinity is not a JSON number", '"sequence": '),
    Hostile("seq-true", "numbers", _sub(SEQ, '"sequence": true,'), f"sequence: {NOT_WHOLE}, not true", '"sequence": '),
    Hostile("seq-zero", "numbers", _sub(SEQ, '"sequence": 0,'), "sequence: must be at least 1, not the number 0", '"sequence": '),
    Hostile("seq-twice", "numbers", _sub(SEQ, '"sequence": 1, "sequence": 2,'), "the key sequence is written twice", '"sequence": 1, '),
    Hostile("size-float", "numbers", _size("127.0"), f"files[0].size: {NOT_WHOLE}, not the number 127.0", '"size": '),
    # the signature record
    Hostile("sig-string", "signature", _signature('"abc"'), 'signature: must be an object, not "abc"', '"signature": '),
    Hostile("sig-list", "signature", _signature("[1, 2]"), "signature: must be an object, not a list", '"signature": '),
    Hostile("sig-number", "signature", _signature("5"), "signature: must be an object, not the number 5", '"signature": '),
    Hostile("sig-no-key-id", "signature", _signature('{"algorithm": "Ed25519", "file": "manifest.json.sig"}'), "signature.key_id: is missing", '"sequence": 1,\n  '),
    Hostile("sig-key-id-not-hex", "signature", _signature('{"algorithm": "Ed25519", "file": "manifest.json.sig", "key_id": "xyz"}'), 'signature.key_id: must be a SHA-256: 64 lower-case hexadecimal digits, not "xyz"', '"key_id": '),
    Hostile("sig-rsa", "signature", _signature('{"algorithm": "RSA", "file": "manifest.json.sig", ' + KEY + "}"), "signature.algorithm: must be 'Ed25519', not \"RSA\"", '"algorithm": '),
    Hostile("sig-other-file", "signature", _signature('{"algorithm": "Ed25519", "file": "../../key.pem", ' + KEY + "}"), "signature.file: must be 'manifest.json.sig', not \"../../key.pem\"", '"file": '),
    Hostile("sig-extra-field", "signature", _signature('{"algorithm": "Ed25519", "file": "manifest.json.sig", "comment": 1, ' + KEY + "}"), "signature.comment: is not a field of a gpai-docs manifest", '"manifest.json.sig", '),
    # nesting
    Hostile("nest-sig-100k-lists", "nesting", _signature(_nest(100_000)), NESTED),
    Hostile("nest-changes-100k-objects", "nesting", _changes(_nest(100_000, objects=True)), NESTED),
    Hostile("nest-document-100k-lists", "nesting", lambda raw: _nest(100_000).encode(), NESTED),
    Hostile("nest-path-100k-lists", "nesting", _text(lambda t: re.sub(r'"path": "[^"]*"', '"path": ' + _nest(100_000), t, count=1)), NESTED),
    Hostile("nest-documents-17", "nesting", _changes('{"against": null, "documents": ' + _nest(17) + "}"), NESTED),
    Hostile("nest-previous-1000", "nesting", _sub('"previous_versions": []', '"previous_versions": ' + _nest(1_000)), NESTED),
    # the changes record, which history shows
    Hostile("changes-string", "changes", _changes('"yes"'), 'changes: must be an object, not "yes"', '"changes": '),
    Hostile("changes-added-text", "changes", _changes('{"against": null, "added": "three"}'), f'changes.added: {NOT_WHOLE}, not "three"', '"added": '),
    Hostile("changes-documents-text", "changes", _changes('{"against": null, "documents": "abc"}'), 'changes.documents: must be a list, not "abc"', '"documents": '),
    Hostile("changes-documents-numbers", "changes", _changes('{"against": null, "documents": [1]}'), "changes.documents[0]: must be text, not the number 1", '"documents": ['),
    Hostile("changes-compared-text", "changes", _changes('{"against": "0.9", "compared": "yes"}'), 'changes.compared: must be true or false, not "yes"', '"compared": '),
    Hostile("changes-against-number", "changes", _changes('{"against": 5}'), "changes.against: must be text, not the number 5", '"against": '),
    Hostile("changes-against-path", "changes", _changes('{"against": "../x"}'), "changes.against: must be a release version (letters, digits, '.', '_', '+' or '-'), not \"../x\"", '"against": '),
    Hostile("changes-unknown-key", "changes", _changes('{"against": null, "deleted": 3}'), "changes.deleted: is not a field of a gpai-docs manifest", '{"against": null, '),
    # encodings
    Hostile("latin-1-byte", "encoding", lambda raw: raw.replace(b"Lumen-Base-2", b"Lumen-Base-\xe9", 1), "is not valid UTF-8 (byte 0xe9)", '"name": "Lumen-Base-'),
    Hostile("utf-16", "encoding", lambda raw: raw.decode("utf-8").encode("utf-16"), "starts with a byte-order mark; a manifest is plain UTF-8", ""),
    Hostile("utf-8-bom", "encoding", lambda raw: b"\xef\xbb\xbf" + raw, "starts with a byte-order mark; a manifest is plain UTF-8", ""),
    Hostile("overlong-slash", "encoding", lambda raw: raw.replace(b"Lumen-Base-2", b"Lumen\xc0\xafBase", 1), "is not valid UTF-8 (byte 0xc0)", '"name": "Lumen'),
    Hostile("truncated-sequence", "encoding", lambda raw: raw.replace(b"Lumen-Base-2", b"Lumen-Base-\xe2\x82", 1), "is not valid UTF-8 (byte 0xe2)", '"name": "Lumen-Base-'),
    Hostile("lone-surrogate", "encoding", _sub(GOOD_NAME, '"name": "\\ud800"'), 'model.name: must be text, without lone surrogate escapes, not "\\ud800"', '"name": '),
    Hostile("terminal-escape", "encoding", _sub(GOOD_NAME, '"name": "\\u001b[2J"'), 'model.name: must be printable text, without control characters, not "\\u001b[2J"', '"name": '),
    # sizes
    Hostile("one-byte-too-many", "huge", lambda raw: raw + b" " * (16 * 1024 * 1024 + 1 - len(raw)), TOO_BIG),
    Hostile("17-mib-of-spaces", "huge", lambda raw: b" " * (17 << 20) + raw, TOO_BIG),
    Hostile("20-mib-name", "huge", _sub(GOOD_NAME, '"name": "' + "x" * (20 << 20) + '"'), TOO_BIG),
    Hostile("2-gib-sparse", "huge", None, TOO_BIG),
    Hostile("link-to-2-gib", "huge", None, "is a symbolic link, not a regular file", damaged=False),
]  # fmt: skip


def _install(case: Hostile, manifest: Path, outside: Path) -> None:
    if case.make is not None:
        manifest.write_bytes(case.make(manifest.read_bytes()))
        return
    target = outside / "huge.json" if case.id.startswith("link") else manifest
    with target.open("wb") as handle:
        handle.truncate(2 << 30)  # sparse: costs no disk
    if target != manifest:
        manifest.unlink()
        manifest.symlink_to(target)


def _position(text: str, marker: str) -> tuple[int, int]:
    """Line and column just after the first ``marker``, counted here by hand."""
    offset = text.index(marker) + len(marker)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _state(*roots: Path) -> dict[str, tuple[int, int, str]]:
    """Every entry under ``roots``: size, mtime and (for files below 32 MiB) SHA-256."""
    out = {}
    for root in roots:
        for path in sorted(root.rglob("*")):
            info = path.lstat()
            small = path.is_file() and not path.is_symlink() and info.st_size < 32 << 20
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if small else ""
            out[str(path)] = (info.st_size, info.st_mtime_ns, digest)
    return out


@pytest.fixture(scope="module")
def _one_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from gpai_docs.bundle.release import release_project

    root = tmp_path_factory.mktemp("hostile-manifest")
    write(root / "project")
    release_project(
        root / "project",
        version="1.0",
        out=root / "output",
        released_on=dt.date(2025, 10, 1),
        formats=("md",),
    )
    return root


def test_every_class_has_at_least_five_cases() -> None:
    counts = Counter(case.kind for case in HOSTILE)
    assert set(counts) == {"numbers", "signature", "nesting", "changes", "encoding", "huge"}
    assert min(counts.values()) >= 5, counts
    assert len({case.id for case in HOSTILE}) == len(HOSTILE)


@pytest.mark.parametrize("case", HOSTILE, ids=[case.id for case in HOSTILE])
def test_hostile_manifest_is_refused_by_verify_history_and_release(
    case: Hostile,
    _one_release: Path,  # noqa: PT019 - its value is the folder to copy
    tmp_path: Path,
) -> None:
    from gpai_docs.cli import cli

    shutil.copytree(_one_release, tmp_path / "root", symlinks=True)
    out, project = tmp_path / "root" / "output", tmp_path / "root" / "project"
    model = out / "lumen-base-2"
    manifest = model / "1.0" / "manifest.json"
    _install(case, manifest, tmp_path)
    expected = case.what
    if case.at is not None:
        text = manifest.read_bytes().decode("utf-8", errors="replace")
        line, column = _position(text, case.at)
        expected = f"line {line}, column {column}: {case.what}"
    before = _state(out, project)

    def run(*args: object) -> Result:
        return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)

    verified = run("verify", model / "1.0")
    assert verified.exit_code == 1, verified.output
    said = f"is damaged: {expected}" if case.damaged else expected
    assert f"manifest: manifest.json: {said}" in verified.output

    if case.make is not None and case.kind != "huge":
        archive = tmp_path / "1.0.tar.gz"
        _archive_with(model / "1.0.tar.gz", archive, manifest.read_bytes())
        packed = run("verify", archive)
        assert packed.exit_code == 1, packed.output
        assert f"manifest: 1.0.tar.gz:manifest.json: is damaged: {expected}" in packed.output

    named = f"{manifest}:{line}:{column}: " if case.at is not None else f"{manifest}: "
    for command in (
        ("history", out),
        ("release", project, "--version", "1.1", "--out", out, "--format", "md",
         "--date", "2026-03-01"),
    ):  # fmt: skip
        result = run(*command)
        assert result.exit_code == 2, (command[0], result.output)
        assert f"error: {named}{case.what}." in result.output, (command[0], result.output)
        assert "Traceback" not in result.output
    assert _state(out, project) == before


def _archive_with(real: Path, target: Path, manifest: bytes) -> None:
    """A copy of the archive ``real`` whose manifest member holds ``manifest``."""
    with tarfile.open(real, mode="r:gz") as source, tarfile.open(target, mode="w:gz") as out:
        for info in source:
            data = source.extractfile(info).read() if info.isreg() else None  # type: ignore[union-attr]
            if info.name.endswith("/manifest.json"):
                data = manifest
                info.size = len(manifest)
            out.addfile(info, io.BytesIO(data) if data is not None else None)
