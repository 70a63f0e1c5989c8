"""Progress: a bar on a terminal, nothing in CI or in a pipe."""

from __future__ import annotations

import io

import pytest

from gpai_docs.cli.progress import NO_PROGRESS, in_ci, progress, quiet


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("1", True), ("yes", True), ("", False), ("false", False), ("0", False)],
)
def test_ci_variable(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    monkeypatch.setenv("CI", value)
    assert in_ci() is expected


def test_quiet_in_ci_even_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    stream = Terminal()
    assert quiet(stream)
    with progress("Working", total=3, stream=stream) as advance:
        assert advance is NO_PROGRESS
        advance(3)
    assert stream.getvalue() == ""


def test_quiet_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    stream = io.StringIO()
    with progress("Working", total=3, stream=stream) as advance:
        advance(3)
    assert stream.getvalue() == ""


def test_bar_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    stream = Terminal()
    assert not quiet(stream)
    with progress("Counting domains", total=4, stream=stream) as advance:
        advance(2)
        advance(2)
    shown = stream.getvalue()
    assert "Counting domains" in shown
    assert "4/4" in shown
