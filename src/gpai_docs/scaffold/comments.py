"""The comment above each scaffold field: label, requirement id, audience, question, example,
choices. The Form's guidance and the schema's example are comments, never values."""

from __future__ import annotations

import textwrap

from gpai_docs.diagnostics import Severity
from gpai_docs.law.catalogue import entry
from gpai_docs.models.walk import TypeNode
from gpai_docs.validate.rules import RULES

_WIDTH = 96


def comment_lines(
    node: TypeNode,
    parent_catalogue_id: str | None,
    optional: bool,
    pad: str,
    condition: str | None = None,
) -> list[str]:
    """The comment lines for ``node``, indented by ``pad``; ``condition`` says when an
    optional field is required after all (it replaces the "(optional)" mark), and an
    optional field a warning or error rule checks is marked "(recommended: ...)"."""
    field = node.field
    label = field.title or ""
    mark = "(optional) " if optional and "(optional)" not in label else ""
    recommended = recommended_by(node.catalogue_id)
    if optional and recommended:
        mark = f"(recommended: {recommended}) "
    if optional and condition:
        mark = f"({condition}) "
    parts = [mark + label]
    if field.catalogue_id:
        parts.append(field.catalogue_id)
    if node.audience:
        parts.append("for " + ", ".join(node.audience))
    heading = " · ".join(p for p in parts if p)
    lines = textwrap.wrap(
        heading, _WIDTH, initial_indent=f"{pad}# ", subsequent_indent=f"{pad}#   "
    )
    text = (field.description or "").split("\n\n")[0].strip()  # the question, not its notes
    shape = field.shape
    inner = shape.inner if shape.kind == "answer" else shape
    if not text and inner is not None and inner.model is not None and inner.model.__doc__:
        text = inner.model.__doc__.strip().splitlines()[0]
    # Sub-fields repeat their parent's requirement text; say it once, on the parent.
    repeated = node.catalogue_id == parent_catalogue_id and _is_catalogue_label(
        text, node.catalogue_id
    )
    if text and text != label and not repeated:
        lines += textwrap.wrap(text, _WIDTH, initial_indent=f"{pad}#   ",
                               subsequent_indent=f"{pad}#   ")  # fmt: skip
    if field.example is not None:
        lines.append(f"{pad}#   e.g. {_example_text(field.example)}")
    if inner is not None and inner.choices:
        lines.append(f"{pad}#   one of: " + " | ".join(inner.choices))
    if shape.form_na:
        lines.append(f"{pad}#   the Form also accepts N/A here")
    return lines


def recommended_by(catalogue_id: str | None) -> str | None:
    """The rules of severity warning or error that check the requirement ``catalogue_id``:
    the first's code and summary, the others' codes ("CP002 <summary>; also CP012"), or
    None when no such rule checks it."""
    if catalogue_id is None:
        return None
    # A rule that checks a requirement checks the fields whose ids derive from it too.
    ids = {catalogue_id, entry(catalogue_id).derived_from}
    checking = sorted(
        (rule for rule in RULES.values() if ids & set(rule.catalogue_ids)),
        key=lambda one: one.code,
    )
    codes = [rule for rule in checking if rule.severity >= Severity.WARNING]
    if not codes:
        return None
    first = f"{codes[0].code} {codes[0].summary.rstrip('.')}"
    others = ", ".join(rule.code for rule in codes[1:])
    return f"{first}; also {others}" if others else first


def _is_catalogue_label(text: str, catalogue_id: str | None) -> bool:
    if catalogue_id is None:
        return False
    try:
        return entry(catalogue_id).label == text
    except KeyError:
        return False


def _example_text(example: object) -> str:
    """An example on one comment line (a line break would end the comment)."""
    if isinstance(example, list):
        return "[" + ", ".join(_example_text(one) for one in example) + "]"
    text = str(example).lower() if isinstance(example, bool) else str(example)
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())
