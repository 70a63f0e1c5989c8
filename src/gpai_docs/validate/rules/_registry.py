"""The rule registry: a plain decorator that records each rule with its stable code."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gpai_docs.diagnostics import JsonPath, Severity

if TYPE_CHECKING:
    from gpai_docs.validate.rules.context import RuleContext

CODE = re.compile(r"^(PJ|MD|TS|CP|XD|DT)\d{3}$")
NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DOCUMENTS = ("model_documentation", "training_data_summary", "copyright_policy")

# Codes once used and withdrawn; never registered again.
RETIRED: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule yields: which document and field, what is wrong and how to fix it.

    ``reference`` is the legal basis of this finding when it differs from the rule's (a
    rule over every document cites each document's own article and measure).
    """

    document: str
    path: JsonPath
    message: str
    hint: str | None = None
    reference: str | None = None


Check = Callable[["RuleContext"], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule; the engine turns its findings into diagnostics."""

    code: str
    name: str
    severity: Severity
    reference: str
    catalogue_ids: tuple[str, ...]
    needs: tuple[str, ...]
    summary: str
    doc: str
    check: Check
    # Documents the rule also reads when they are there, besides those it ``needs``:
    # without them it runs, but checks less (a partial project's report says so).
    reads: tuple[str, ...] = ()

    @property
    def documents(self) -> frozenset[str]:
        """Every document this rule looks at: those it needs and those it also reads (a rule
        that needs none, such as PJ001, checks each document there is)."""
        return frozenset(self.needs or DOCUMENTS) | frozenset(self.reads)


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    *,
    severity: Severity,
    reference: str,
    catalogue: tuple[str, ...],
    needs: tuple[str, ...],
    reads: tuple[str, ...] = (),
) -> Callable[[Check], Check]:
    """Register the decorated function as a rule; bad or duplicate codes fail at import.

    ``needs``: the documents without which the rule cannot run (it is then skipped);
    ``reads``: those it also reads when they are there (it then checks less without them).
    """

    def register(check: Check) -> Check:
        if not CODE.match(code) or code in RETIRED:
            raise ValueError(f"rule code {code!r} is malformed or retired")
        if code in RULES:
            raise ValueError(f"rule code {code} is registered twice")
        if not NAME.match(name) or any(r.name == name for r in RULES.values()):
            raise ValueError(f"rule name {name!r} is malformed or taken")
        unknown = (set(needs) | set(reads)) - set(DOCUMENTS)
        if unknown or set(needs) & set(reads):
            raise ValueError(
                f"rule {code} needs or reads unknown documents, or both: {needs} {reads}"
            )
        doc = inspect.cleandoc(check.__doc__ or "")
        RULES[code] = Rule(
            code,
            name,
            severity,
            reference,
            catalogue,
            needs,
            doc.split("\n", 1)[0],
            doc,
            check,
            reads,
        )
        return check

    return register
