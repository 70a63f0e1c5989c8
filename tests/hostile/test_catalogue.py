"""Every case of cases.yaml: a clear finding or literal output; never a crash, hang,
fetch, internal error or write outside the output folder."""

from __future__ import annotations

import html
import importlib
import os
import re
import shutil
from collections.abc import Iterable, Sequence
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from gpai_docs.diagnostics import INTERNAL_FAMILY
from gpai_docs.errors import GpaiDocsError
from gpai_docs.load.documents import load_file
from gpai_docs.models.kinds import KIND_BY_KEY
from tests.conftest import FIXED_DATE, SAMPLES
from tests.hostile._isolate import run_isolated
from tests.hostile.generators import GENERATORS, LONG_VALUE

HERE = Path(__file__).parent
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))[
    "cases"
]
# What the Markdown of an artifact may turn into: text, tables, lists, headings and
# http(s)/mailto/in-page links. Anything else came from provider text that escaped.
ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "a",
    "span",
}
SAFE_HREF = ("https://", "http://", "mailto:", "#")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name == "style" and re.fullmatch(r"text-align:(left|right|center)", value or ""):
                continue  # markdown-it's table column alignment
            if name.startswith("on") or name in ("src", "style", "srcset"):
                self.problems.append(f"{name}= on <{tag}>")
            if name == "href" and not (value or "").lower().startswith(SAFE_HREF):
                self.problems.append(f"href={value!r}")


def unsafe_markup(body: str) -> list[str]:
    parser = _Tags()
    parser.feed(body)
    return parser.problems


def internal_errors(diagnostics: Iterable[Sequence[Any]]) -> list[str]:
    """The internal errors (GD codes) among a case's findings, as ``(code, file, line,
    column, message, hint)``: each is a bug in gpai-docs and fails the case."""
    return [f"{d[0]}: {d[4]}" for d in diagnostics if str(d[0]).startswith(INTERNAL_FAMILY)]


def import_optional(module: str) -> ModuleType:
    """Import a genuinely optional heavy dependency (pdf, spark) or skip; in CI, which
    installs them all, a missing one fails instead of skipping."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        return importlib.import_module(module)
    return pytest.importorskip(module)


class WrongLocation(AssertionError):
    """A finding is reported away from the offending construct of its input."""


def _parts(dotted: str) -> list[str | int]:
    parts: list[str | int] = []
    for piece in dotted.split("."):
        name, _, rest = piece.partition("[")
        parts.append(name)
        if rest:
            parts.append(int(rest.rstrip("]")))
    return parts


def _set(data: Any, dotted: str, value: Any) -> None:
    *parents, last = _parts(dotted)
    for part in parents:
        data = data[part]
    data[last] = value


def _patch_values(case: dict[str, Any]) -> list[str]:
    if case["id"] == "value-1mb":
        return [LONG_VALUE.strip()]
    if "patch" not in case:
        return []
    spec = yaml.safe_load((HERE / case["patch"]).read_text(encoding="utf-8"))
    values: list[str] = []
    for value in spec["set"].values():
        values.extend(
            v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)
        )
    return values


def prepare(case: dict[str, Any], work: Path) -> tuple[Path, Path]:
    """Copy the base sample and put the case's hostile document in place."""
    project = work / "project"
    shutil.copytree(SAMPLES / case.get("base", "minimal"), project)
    kind = KIND_BY_KEY[case.get("document", "model_documentation")]
    target = next(project.glob(f"{kind.stem}.*"))
    sample = target.read_text(encoding="utf-8")
    if "input" in case:
        source = HERE / case["input"]
        target.unlink()
        target = project / f"{kind.stem}{source.suffix}"
        target.write_bytes(source.read_bytes())
    elif "patch" in case:
        data = load_file(target).data
        spec = yaml.safe_load((HERE / case["patch"]).read_text(encoding="utf-8"))
        for dotted, value in spec["set"].items():
            _set(data, dotted, value)
        target.write_text(
            yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
    else:
        GENERATORS[case["generate"]](target, sample)
    return project, target


def _snapshot(root: Path, skip: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for path in root.rglob("*"):
        if skip in path.parents or path == skip:
            continue
        try:
            info = path.lstat()
        except OSError:
            continue
        # A folder's mtime changes when the output folder is created in it; files must not.
        changed = 0 if path.is_dir() and not path.is_symlink() else info.st_mtime_ns
        out[path.relative_to(root).as_posix()] = (info.st_size if changed else 0, changed)
    return out


def exercise(project: Path, out: Path) -> dict[str, Any]:
    """Validate, then build drafts (when the build exists); runs in the isolated child."""
    from gpai_docs.render.build import build_project
    from gpai_docs.render.html import to_html
    from gpai_docs.validate.pipeline import validate_project

    result = validate_project(project, as_of=FIXED_DATE)
    diagnostics = [
        (d.code, d.location.file, d.location.line, d.location.column, d.message, d.hint)
        for d in result.report.diagnostics
    ]
    refused = None
    try:
        build_project(project, out, draft=True, formats=("md",), as_of=FIXED_DATE)
    except GpaiDocsError as error:
        refused = str(error)
    pages = {}
    for path in sorted(out.rglob("*.md")):
        markdown = path.read_text(encoding="utf-8")
        pages[path.relative_to(out).as_posix()] = to_html(markdown)[0]
    return {"diagnostics": diagnostics, "built": pages, "refused": refused}


@pytest.fixture(scope="module", autouse=True)
def _warm(tmp_path_factory: pytest.TempPathFactory) -> None:
    # Build models and compile templates once in the parent, so forked children inherit them.
    work = tmp_path_factory.mktemp("warm")
    shutil.copytree(SAMPLES / "minimal", work / "project")
    exercise(work / "project", work / "out")


def _param(case: dict[str, Any]) -> Any:
    known_wrong = (case["expect"].get("located") or {}).get("known_wrong")
    marks = (
        [pytest.mark.xfail(raises=WrongLocation, strict=True, reason=known_wrong)]
        if known_wrong
        else []
    )
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_hostile_case(case: dict[str, Any], tmp_path: Path) -> None:
    work = tmp_path / "deep" / "er" / "work"
    work.mkdir(parents=True)
    project, target = prepare(case, work)
    if case["id"] == "unreadable":
        try:
            target.read_bytes()
            pytest.skip("running as root: chmod 000 does not stop reads here")
        except PermissionError:
            pass
    out = work / "out"
    before = _snapshot(tmp_path, out)
    outcome = run_isolated(lambda: exercise(project, out), timeout=120)
    assert outcome.error is None, outcome.error
    assert outcome.fetches == [], f"tried to reach the network: {outcome.fetches}"
    assert _snapshot(tmp_path, out) == before, "something was written outside the output folder"
    if out.exists():
        for path in out.rglob("*"):
            assert path.resolve().is_relative_to(out.resolve())
    value = outcome.value
    diagnostics = value["diagnostics"]
    bugs = internal_errors(diagnostics)
    assert not bugs, f"gpai-docs failed internally: {bugs}"
    everything = repr(value)
    assert "HOSTILE-CANARY-OUTSIDE" not in everything
    for code, file, _line, _column, message, _hint in diagnostics:
        assert message and file, (code, message)
        assert len(message) <= 400, f"{code} message of {len(message):,} characters"
    expect = case["expect"]
    if "finding" in expect:
        _assert_finding(case, project, target, diagnostics, expect)
    elif expect.get("clean"):
        assert not [d for d in diagnostics if d[0][:2] in ("DL", "SC")], diagnostics
    else:
        _assert_literal(case, diagnostics, value)
    for page, body in (value.get("built") or {}).items():
        assert not unsafe_markup(body), f"unsafe markup in {page}: {unsafe_markup(body)}"


def _assert_finding(
    case: dict[str, Any], project: Path, target: Path, diagnostics: list[Any], expect: Any
) -> None:
    stem = target.name.split(".")[0]
    found = [
        d for d in diagnostics if d[0] == expect["finding"] and Path(d[1]).name.startswith(stem)
    ]
    assert found, f"expected {expect['finding']} on {stem}, got {[d[:4] for d in diagnostics]}"
    code, _file, line, column, _message, hint = found[0]
    assert hint, f"{code} has no hint"
    located = expect.get("located")
    if located:
        assert line is not None and column is not None, f"{code} has no line and column"
        (document,) = [p for p in project.glob(f"{stem}.*") if p.is_file()]
        lines, want_column = expected_position(located, document)
        if line not in lines or want_column not in (None, column):
            want = f"line {lines[0]}" if len(lines) == 1 else f"lines {lines[0]}-{lines[-1]}"
            want += f", column {want_column}" if want_column is not None else ""
            raise WrongLocation(f"{code} reported at {line}:{column}; the input has it at {want}")


def expected_position(located: dict[str, Any], document: Path) -> tuple[range, int | None]:
    """The lines (and column) where ``located`` (see cases.yaml) puts the construct."""
    text = document.read_bytes().decode("utf-8", errors="replace").split("\n")
    if "line" in located:
        return range(located["line"], located["line"] + 1), located.get("column")
    search = located.get("line_of", located.get("lines_from"))
    index = 0
    for needle in [search] if isinstance(search, str) else search:
        index = next((i for i in range(index, len(text)) if needle in text[i]), -1)
        assert index >= 0, f"{needle!r} is not in the input {document.name}"
    if "lines_from" in located:
        return range(index + 1, len(text) + 1), located.get("column")
    return range(index + 1, index + 2), located.get("column")


def _assert_literal(case: dict[str, Any], diagnostics: list[Any], value: dict[str, Any]) -> None:
    assert not [d for d in diagnostics if d[0][:2] in ("DL", "SC")], diagnostics
    pages = value["built"]
    assert pages, f"the draft build wrote no Markdown: {value.get('refused')}"
    everything = "\n".join(pages.values())
    for text in _patch_values(case):
        for line in (raw.strip() for raw in text.split("\n")):
            if not line:
                continue
            shown = html.escape(" ".join(line.split()), quote=False).replace('"', "&quot;")
            assert shown in everything, f"{line[:80]!r} is not in the output as literal text"


def test_optional_imports_skip_locally_and_fail_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        import_optional("gpai_docs_no_such_module")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(ModuleNotFoundError):
        import_optional("gpai_docs_no_such_module")


def test_the_location_check_refuses_a_neighbouring_line(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    document = project / "model-documentation.yaml"
    document.write_text("document:\n  version: 1\n  version: 2\n", encoding="utf-8")
    expect = {"finding": "DL004", "located": {"line_of": ["version", "version: 2"], "column": 3}}
    finding = ("DL004", "project/model-documentation.yaml", 3, 3, "Duplicate key.", "Remove it.")
    _assert_finding({}, project, document, [finding], expect)
    for line, column in ((2, 3), (3, 1)):
        with pytest.raises(WrongLocation):
            _assert_finding(
                {}, project, document, [(*finding[:2], line, column, *finding[4:])], expect
            )
