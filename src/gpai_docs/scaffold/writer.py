"""Commented scaffolds of the three documents, generated from the models so they never drift.

Every field is written with a comment giving its label, catalogue id and audience. Answers
start as ``to_be_provided: true``, so a fresh scaffold validates with nothing but "to be
provided" warnings; booleans get a value marked "check this"; required plain text gets an
example. Optional blocks are written commented out, ready to uncomment.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from types import NoneType, UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from gpai_docs.errors import OutputError, UserError
from gpai_docs.fileio import write_text_atomic
from gpai_docs.law.catalogue import entry
from gpai_docs.load.project import KINDS, SUFFIXES, DocumentKind
from gpai_docs.models._types import MonthYear, NotApplicable, Quantity, ToBeProvided
from gpai_docs.models.model_documentation import General
from gpai_docs.report.schema_reference import json_schemas, schema_file_name
from gpai_docs.yamlio.emit import dump_flow, needs_escapes

_TBP = "{to_be_provided: true}"
_WIDTH = 96
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 _.,()/+-]*[A-Za-z0-9.)]")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}

# The facts every document repeats (requirements §8): written once from `init`'s options so
# that a scaffold is consistent across documents from the start.
IDENTITY_FIELDS: dict[tuple[str, tuple[str, ...]], str] = {
    ("model-documentation", ("general", "model_name", "name")): "model_name",
    ("model-documentation", ("general", "legal_name")): "provider",
    ("training-data-summary", ("section_1", "versioned_model_names")): "model_name",
    ("training-data-summary", ("section_1", "provider", "name")): "provider",
    ("copyright-policy", ("document", "models_covered")): "model_name",
}

# Booleans whose safe starting value is true: with false, a fresh scaffold would claim a
# provider outside the Union (so a missing representative) or crawlers ignoring robots.txt.
# Every other boolean starts false; each is marked "check this".
TRUE_BY_DEFAULT: frozenset[tuple[str, tuple[str, ...]]] = frozenset(
    {
        ("model-documentation", ("provider", "established_in_union")),
        ("copyright-policy", ("rights_reservation", "robots_txt", "honoured")),
    }
)


@dataclass(frozen=True, slots=True)
class Shape:
    """What a field holds: an answer (wrapping a shape), a model, a list or a scalar."""

    kind: Literal["answer", "model", "list", "scalar"]
    inner: Shape | None = None
    model: type[BaseModel] | None = None
    base: Any = None
    choices: tuple[str, ...] = ()
    form_na: bool = False


def _strip(tp: Any) -> Any:
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    return tp


def _literal_choices(meta: Sequence[Any]) -> tuple[str, ...]:
    found: list[str] = []
    for item in meta:
        declared = getattr(item, "json_schema_input_type", None)
        for tp in get_args(declared) if get_origin(declared) in (Union, UnionType) else [declared]:
            if get_origin(tp) is Literal:
                found.extend(str(a) for a in get_args(tp))
    unique: dict[str, str] = {}
    for value in found:
        unique.setdefault(value.lower(), value)
    return tuple(unique.values())


def shape_of(tp: Any, meta: Sequence[Any] = ()) -> Shape:
    """Read a field's annotation (pydantic keeps part of it in ``FieldInfo.metadata``)."""
    collected = list(meta)
    while get_origin(tp) is Annotated:
        tp, *extra = get_args(tp)
        collected.extend(extra)
    if get_origin(tp) in (Union, UnionType):
        members = [m for m in get_args(tp) if m is not NoneType]
        bare = [_strip(m) for m in members]
        if ToBeProvided in bare:
            values = [
                m
                for m, b in zip(members, bare, strict=True)
                if b not in (NotApplicable, ToBeProvided) and get_origin(b) is not Literal
            ]
            form_na = any(get_origin(b) is Literal for b in bare)
            return Shape("answer", inner=shape_of(values[0]), form_na=form_na)
        if len(members) == 1:
            return shape_of(members[0], collected)
        return Shape("scalar", base=str, choices=_literal_choices(collected))
    choices = _literal_choices(collected)
    if get_origin(tp) is Literal:
        choices = tuple(str(a) for a in get_args(tp))
    if choices:
        return Shape("scalar", base=tp, choices=choices)
    if get_origin(tp) is list:
        return Shape("list", inner=shape_of(get_args(tp)[0]))
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return Shape("model", model=tp)
    return Shape("scalar", base=tp)


def yaml_scalar(value: object) -> str:
    """A scalar as YAML text that every YAML version reads back as the same value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and ": " not in text:
        return text
    if needs_escapes(text):  # JSON leaves NEL, U+2028, DEL and C1 controls raw: YAML does not
        return dump_flow(text)
    return json.dumps(text, ensure_ascii=False)


@dataclass
class _Out:
    lines: list[str]
    pending: int = 0

    def extend(self, other: _Out) -> None:
        self.lines.extend(other.lines)
        self.pending += other.pending


class _Writer:
    def __init__(
        self, stem: str, identity: dict[str, str | None], fallback: dict[str, str], today: dt.date
    ) -> None:
        self.stem = stem
        self.identity = identity
        self.fallback = fallback
        self.today = today

    def body(self, model: type[BaseModel], path: tuple[str, ...], indent: int,
             parent: _Parent, shaping: bool) -> _Out:  # fmt: skip
        out = _Out([])
        for name, field in model.model_fields.items():
            out.extend(self.field(name, field, (*path, name), indent, parent, shaping))
        return out

    def field(self, name: str, field: FieldInfo, path: tuple[str, ...], indent: int,
              parent: _Parent, shaping: bool) -> _Out:  # fmt: skip
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        here = _Parent(extra.get("x-audience") or parent.audience,
                       extra.get("x-catalogue-id") or parent.catalogue_id)  # fmt: skip
        shape = shape_of(field.annotation, field.metadata)
        optional = not field.is_required()
        pad = " " * indent
        out = _Out(
            self.comments(
                field, shape, extra, parent, here, optional and shape.kind != "answer", pad
            )
        )
        role = self.identity_role(path)
        if shape.kind == "answer":
            if shaping and ((shape.inner and shape.inner.kind != "scalar") or field.examples):
                out.extend(self.value(name, shape.inner, field, path, indent, here, True))
                return out
            given = self.identity.get(role) if role else None
            out.lines.append(f"{pad}{name}: {yaml_scalar(given) if given else _TBP}")
            out.pending += 0 if given or shaping else 1
            if not shaping and shape.inner and shape.inner.kind != "scalar":
                alternative = self.value(name, shape.inner, field, path, indent, here, True)
                out.lines.extend(_commented(alternative.lines, indent))
            return out
        if optional and not shaping:
            block = self.value(name, shape, field, path, indent, here, True)
            out.lines.extend(_commented(block.lines, indent))
            return out
        out.extend(self.value(name, shape, field, path, indent, here, shaping))
        return out

    def value(self, name: str, shape: Shape | None, field: FieldInfo, path: tuple[str, ...],
              indent: int, parent: _Parent, shaping: bool) -> _Out:  # fmt: skip
        pad = " " * indent
        assert shape is not None
        if shape.kind == "model" and shape.model is not None:
            body = self.body(shape.model, path, indent + 2, parent, shaping)
            # A mapping whose every field is optional (so commented out) must still be a mapping.
            empty = all(line.lstrip().startswith("#") for line in body.lines)
            out = _Out([f"{pad}{name}:{' {}' if empty and not shaping else ''}"])
            out.extend(body)
            return out
        if shape.kind == "list" and shape.inner is not None:
            out = _Out([f"{pad}{name}:"])
            item = shape.inner
            if item.kind == "model" and item.model is not None:
                inner = self.body(item.model, path, indent + 4, parent, shaping)
                out.extend(_as_item(inner, indent + 2))
            else:
                role = self.identity_role(path)
                given = self.identity.get(role) if role else None
                text = yaml_scalar(given) if given else self.example(item, field, path, shaping)
                out.lines.append(f"{pad}  - {text}")
            return out
        if shape.kind == "answer":
            return self.value(name, shape.inner, field, path, indent, parent, shaping)
        role = self.identity_role(path)
        given = self.identity.get(role) if role else None
        text = yaml_scalar(given) if given else self.example(shape, field, path, shaping)
        note = ""
        if shape.base is bool and not shaping:
            note = "  # check this"
        elif not given and not shaping and shape.base is str and not shape.choices:
            note = "  # example: replace it"
        return _Out([f"{pad}{name}: {text}{note}"])

    def example(self, shape: Shape, field: FieldInfo, path: tuple[str, ...], shaping: bool) -> str:
        if shape.base is bool:
            return "true" if (self.stem, path) in TRUE_BY_DEFAULT else "false"
        if shape.base is dt.date and not shaping:
            return self.today.isoformat()  # a scaffold's "last updated" is the day it is made
        if field.examples and shape.kind == "scalar":
            example = field.examples[0]
            if shape.base is dt.date and isinstance(example, str):
                return yaml_scalar(dt.date.fromisoformat(example))
            return yaml_scalar(example)
        role = self.identity_role(path)
        if role in self.fallback:
            return yaml_scalar(self.fallback[role])
        if shape.choices:
            return yaml_scalar(shape.choices[0])
        if shape.base is dt.date:
            return self.today.isoformat()
        if shape.base is MonthYear:
            return yaml_scalar(f"{self.today.month:02d}/{self.today.year}")
        hint = {Quantity: "number such as 3.7*10^24", int: "whole number", float: "0 to 1"}
        if shaping:
            return yaml_scalar(f"<{hint.get(shape.base, field.title or 'text')}>")
        return yaml_scalar(field.title or "text")

    def comments(self, field: FieldInfo, shape: Shape, extra: dict[str, Any], parent: _Parent,
                 here: _Parent, optional: bool, pad: str) -> list[str]:  # fmt: skip
        label = field.title or ""
        mark = "(optional) " if optional and "(optional)" not in label else ""
        parts = [mark + label]
        if extra.get("x-catalogue-id"):
            parts.append(str(extra["x-catalogue-id"]))
        if here.audience:
            parts.append("for " + ", ".join(here.audience))
        heading = " · ".join(p for p in parts if p)
        lines = textwrap.wrap(
            heading, _WIDTH, initial_indent=f"{pad}# ", subsequent_indent=f"{pad}#   "
        )
        text = (field.description or "").split("\n\n")[0].strip()  # the question, not its notes
        inner = shape.inner if shape.kind == "answer" else shape
        if not text and inner is not None and inner.model is not None and inner.model.__doc__:
            text = inner.model.__doc__.strip().splitlines()[0]
        # Sub-fields repeat their parent's requirement text; say it once, on the parent.
        repeated = here.catalogue_id == parent.catalogue_id and _is_catalogue_label(text, here)
        if text and text != label and not repeated:
            lines += textwrap.wrap(text, _WIDTH, initial_indent=f"{pad}#   ",
                                   subsequent_indent=f"{pad}#   ")  # fmt: skip
        if inner is not None and inner.choices:
            lines.append(f"{pad}#   one of: " + " | ".join(inner.choices))
        if shape.form_na:
            lines.append(f"{pad}#   the Form also accepts N/A here")
        return lines

    def identity_role(self, path: tuple[str, ...]) -> str | None:
        return IDENTITY_FIELDS.get((self.stem, path))


@dataclass(frozen=True, slots=True)
class _Parent:
    """What a field inherits: the nearest audience and requirement id above it."""

    audience: Any = None
    catalogue_id: Any = None


def _is_catalogue_label(text: str, here: _Parent) -> bool:
    if not isinstance(here.catalogue_id, str):
        return False
    try:
        return entry(here.catalogue_id).label == text
    except KeyError:
        return False


def _commented(lines: list[str], indent: int) -> list[str]:
    return [f"{line[:indent]}# {line[indent:]}" for line in lines]


def _as_item(inner: _Out, indent: int) -> _Out:
    """Turn a mapping written at ``indent + 2`` into one list item at ``indent``."""
    lines, first = [], True
    for line in inner.lines:
        stripped = line[indent + 2 :]
        if first and not stripped.startswith("#"):
            lines.append(f"{' ' * indent}- {stripped}")
            first = False
        else:
            lines.append(f"{' ' * (indent + 2)}{stripped}")
    return _Out(lines, inner.pending)


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
    fallback = {"provider": str(example)} if (example := _legal_name_example()) else {}
    files: dict[str, str] = {}
    pending: dict[str, int] = {}
    for kind in KINDS:
        identity = {"model_name": model_name, "provider": provider}
        writer = _Writer(kind.stem, identity, fallback, today)
        lines = _header(kind, schema_refs[kind.stem], model_name)
        total = 0
        for name, field in kind.model.model_fields.items():
            out = writer.field(name, field, (name,), 0, _Parent(), False)
            lines += ["", *out.lines]
            total += out.pending
        files[f"{kind.stem}.yaml"] = "\n".join(lines) + "\n"
        pending[f"{kind.stem}.yaml"] = total
    return Scaffold(files, pending)


def _legal_name_example() -> object:
    examples = General.model_fields["legal_name"].examples
    return examples[0] if examples else None


# --- where the modelines point, and writing a project -------------------------------------

SCHEMA_FOLDER = "schemas"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def schema_references(project: Path, base: str | None = None) -> tuple[dict[str, str], bool]:
    """Each document's ``$schema`` target, and whether the schemas must be written locally.

    ``base`` (a URL or a folder) wins. Otherwise the nearest ``schemas/`` folder holding the
    three schema files, in the project or above it, is referenced by a relative path (as in a
    checkout of this repository). Failing both, the schemas are written into the project's
    own ``schemas/`` folder: the package does not ship schema files (they are generated from
    the models), and a path into site-packages would break on every other machine.
    """
    names = {kind.stem: schema_file_name(kind.stem) for kind in KINDS}
    here = project.resolve()
    if base is not None and _URL.match(base):
        return {stem: f"{base.rstrip('/')}/{name}" for stem, name in names.items()}, False
    if base is not None:
        folder = Path(base).expanduser()
        if folder.is_absolute():
            return {stem: (folder / name).as_posix() for stem, name in names.items()}, False
        return _relative(folder.resolve(), here, names), False
    for parent in (here, *here.parents):
        candidate = parent / SCHEMA_FOLDER
        if all((candidate / name).is_file() for name in names.values()):
            return _relative(candidate, here, names), False
    return {stem: f"{SCHEMA_FOLDER}/{name}" for stem, name in names.items()}, True


def _relative(folder: Path, project: Path, names: dict[str, str]) -> dict[str, str]:
    return {
        stem: Path(os.path.relpath(folder / name, project)).as_posix()
        for stem, name in names.items()
    }


@dataclass(frozen=True)
class InitResult:
    """What `init` wrote and how many answers the scaffold leaves to be provided."""

    written: tuple[Path, ...]
    pending: int


def init_project(
    project: Path,
    *,
    force: bool = False,
    schema_base: str | None = None,
    model_name: str | None = None,
    provider: str | None = None,
    today: dt.date | None = None,
) -> InitResult:
    """Write the scaffold into ``project`` (created if needed); overwriting needs ``force``."""
    if project.exists() and not project.is_dir():
        raise UserError(
            f"{project} is a file, not a folder.", hint="Give a folder for the project."
        )
    clashes = [
        project / f"{kind.stem}{suffix}"
        for kind in KINDS
        for suffix in SUFFIXES
        if (project / f"{kind.stem}{suffix}").exists() and (suffix != ".yaml" or not force)
    ]
    if clashes:
        names = ", ".join(path.name for path in clashes)
        raise UserError(
            f"{project} already holds {names}; nothing was written.",
            hint="Pass --force to overwrite the YAML documents."
            if not force
            else "Remove the .yml/.json copies first: a project keeps one file per document.",
        )
    refs, write_schemas = schema_references(project, schema_base)
    name = model_name or project.resolve().name
    result = scaffold(refs, model_name=name, provider=provider, today=today)
    outputs = dict(result.files)
    if write_schemas:
        outputs.update({f"{SCHEMA_FOLDER}/{n}": text for n, text in json_schemas().items()})
    written = []
    for relative, text in outputs.items():
        target = project / relative
        try:
            write_text_atomic(target, text)
        except OSError as error:
            raise OutputError(
                f"cannot write {target}: {error.strerror or error}",
                hint="Check that the folder is writable.",
            ) from None
        written.append(target)
    return InitResult(tuple(written), sum(result.pending.values()))
