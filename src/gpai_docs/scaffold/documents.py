"""Commented scaffolds of the three documents, generated from the models so they never drift.

Every field is written with a comment giving its label, catalogue id and audience. Answers
start as ``to_be_provided: true``, so a fresh scaffold validates with nothing but "to be
provided" warnings; booleans get a value marked "check this"; required plain text gets an
example. Optional blocks are written commented out, ready to uncomment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import metadata

from gpai_docs.models.kinds import KINDS, DocumentKind
from gpai_docs.models.model_documentation import General
from gpai_docs.models.walk import field_spec, type_nodes
from gpai_docs.scaffold.fields import FieldWriter


@dataclass(frozen=True)
class Scaffold:
    """The scaffold texts by file name, and how many answers they leave to be provided."""

    files: dict[str, str]
    pending: dict[str, int]


def _one_line(text: str) -> str:
    """Text for a comment line: a line break in a model name would end the comment and
    start YAML of the name's choosing."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _header(kind: DocumentKind, schema_ref: str, model_name: str) -> list[str]:
    version = metadata.version("gpai-docs")
    return [
        f"# yaml-language-server: $schema={schema_ref}",
        f"# {kind.title} of {_one_line(model_name)} ({kind.reference}).",
        f"# Scaffold written by `gpai-docs init` (gpai-docs {version}), generated from its models.",
        "# Every answer is a value, `not_applicable: <reason>` or `to_be_provided: true` (draft).",
        "# Each comment gives the label, the requirement id and the audience: aio = AI Office,",
        "# nca = national competent authorities, dp = downstream providers, public, internal.",
        "# Commented-out blocks are optional: uncomment and complete those that apply.",
    ]


def scaffold(
    schema_refs: dict[str, str],
    *,
    model_name: str,
    provider: str | None = None,
    today: dt.date | None = None,
) -> Scaffold:
    """The three documents' scaffolds; ``schema_refs`` maps each file stem to its modeline target.

    ``provider`` fills the legal name wherever a document repeats it; without it the legal
    name is to be provided (and plain-text copies carry the Form's example).
    """
    today = today or dt.date.today()
    # Plain-text copies of the legal name cannot be "to be provided": they carry the example
    # the Form's own legal-name field gives, marked for replacement.
    example = field_spec(General, "legal_name").example
    fallback = {"provider": str(example)} if example else {}
    files: dict[str, str] = {}
    pending: dict[str, int] = {}
    for kind in KINDS:
        identity = {"model_name": model_name, "provider": provider}
        writer = FieldWriter(kind.stem, identity, fallback, today)
        lines = _header(kind, schema_refs[kind.stem], model_name)
        total = 0
        for node in type_nodes(kind.model):
            out = writer.field(node, 0, None, False)
            lines += ["", *out.lines]
            total += out.pending
        files[f"{kind.stem}.yaml"] = "\n".join(lines) + "\n"
        pending[f"{kind.stem}.yaml"] = total
    return Scaffold(files, pending)
