"""What a partial project leaves unchecked: the cross-document checks it skips.

A folder may hold one or two of the three documents. The rule registry knows which
documents each rule needs (``needs``: without them it cannot run) and which it also reads
when they are there (``reads``: without them it checks less). This module is the one
place that turns that into what the reports say: which checks were skipped, and which ran
in part, because which document is not in the project.

Only checks that look at a document the project does hold are listed: the copyright
policy's own rules are not "skipped" for a summary alone, they simply have nothing to
check, and the DL009 note already says that the policy is not there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from gpai_docs.models.kinds import KIND_BY_KEY
from gpai_docs.validate.rules._registry import DOCUMENTS, RULES, Rule


@dataclass(frozen=True, slots=True)
class SkippedChecks:
    """Checks that did not run, or ran in part, because ``missing`` is not in the project."""

    missing: tuple[str, ...]  # document keys, in the project's order
    rules: tuple[Rule, ...]
    partly: bool  # True: the checks ran without these documents, and checked less

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.rules)

    @property
    def reason(self) -> str:
        """ "Skipped because the copyright policy is not in this project"."""
        names = [f"the {KIND_BY_KEY[key].title.lower()}" for key in self.missing]
        what = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        verb = "is" if len(names) == 1 else "are"
        if self.partly:
            return f"Checked in part because {what} {verb} not in this project"
        return f"Skipped because {what} {verb} not in this project"

    @property
    def sentence(self) -> str:
        """The reason, then every check by code and name."""
        listed = ", ".join(f"{r.code} {r.name}" for r in self.rules)
        return f"{self.reason}: {listed}."


def _ordered(keys: Iterable[str]) -> tuple[str, ...]:
    chosen = set(keys)
    return tuple(key for key in DOCUMENTS if key in chosen)


def skipped_checks(absent: Iterable[str]) -> tuple[SkippedChecks, ...]:
    """The checks a project without the documents ``absent`` skips, grouped by reason:
    first the skipped ones, then those that ran in part; each group in rule order."""
    missing = frozenset(absent)
    if not missing:
        return ()
    present = frozenset(DOCUMENTS) - missing
    skipped: dict[tuple[str, ...], list[Rule]] = {}
    partly: dict[tuple[str, ...], list[Rule]] = {}
    for rule in RULES.values():
        if not rule.documents & present:
            continue  # it looks only at documents that are not there: nothing to skip
        lacking = set(rule.needs) & missing
        if lacking:
            skipped.setdefault(_ordered(lacking), []).append(rule)
        elif set(rule.reads) & missing:
            partly.setdefault(_ordered(set(rule.reads) & missing), []).append(rule)
    return (
        *(SkippedChecks(keys, tuple(skipped[keys]), False) for keys in _in_order(skipped)),
        *(SkippedChecks(keys, tuple(partly[keys]), True) for keys in _in_order(partly)),
    )


def _in_order(groups: dict[tuple[str, ...], list[Rule]]) -> list[tuple[str, ...]]:
    return sorted(groups, key=lambda keys: [DOCUMENTS.index(key) for key in keys])
