"""Commented scaffolds of the three documents, generated from the models so they never drift.

Every field is written with a comment giving its label, catalogue id, audience, the Form's
question and the schema's example. Every answer starts as ``to_be_provided: true`` (yes/no
facts too), so a fresh scaffold validates with nothing but "to be provided" warnings,
states no determination and cannot be built. The only values written are those `init` is
given (model name, provider) and the day the scaffold is made. Optional blocks are
written commented out, ready to uncomment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import metadata

from gpai_docs.models.kinds import KINDS, DocumentKind
from gpai_docs.models.walk import type_nodes
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
        "# Every answer starts as `to_be_provided: true`: replace it with the answer, or with",
        "# `not_applicable: <reason>`. `validate` counts what is left; `build` refuses it.",
        "# Each comment gives the label, the requirement id and the audience: aio = AI Office,",
        "# nca = national competent authorities, dp = downstream providers, public, internal.",
        "# `e.g.` lines are examples, not answers. Commented-out blocks are optional or show the",
        "# shape of an answer: uncomment and complete those that apply. `(recommended: CODE ...)`",
        "# marks an optional field that rule CODE checks: `validate` warns or errs without it.",
    ]


def scaffold(
    schema_refs: dict[str, str],
    *,
    model_name: str,
    provider: str | None = None,
    today: dt.date | None = None,
) -> Scaffold:
    """The three documents' scaffolds; ``schema_refs`` maps each file stem to its modeline target.

    ``provider`` fills the legal name wherever a document repeats it; without it every copy
    of the legal name is to be provided.
    """
    today = today or dt.date.today()
    files: dict[str, str] = {}
    pending: dict[str, int] = {}
    for kind in KINDS:
        identity = {"model_name": model_name, "provider": provider}
        writer = FieldWriter(kind.stem, identity, today)
        lines = _header(kind, schema_refs[kind.stem], model_name)
        total = 0
        for node in type_nodes(kind.model):
            out = writer.field(node, 0, None, False)
            lines += ["", *out.lines]
            total += out.pending
        files[f"{kind.stem}.yaml"] = "\n".join(lines) + "\n"
        pending[f"{kind.stem}.yaml"] = total
    return Scaffold(files, pending)
