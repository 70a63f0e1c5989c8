"""The migration corpus: its folders, their expected findings, and who may read each value.

Who may read a value comes from the requirement catalogue (``../shared/spec/fields.json``)
and the published JSON Schemas' ``x-catalogue-id`` (which requirement a field answers),
never from the package's audience projection: the corpus must not trust the code it checks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parent
DOCUMENTS = HERE / "documents"
EXPECTED = HERE / "expected"
ROOT = HERE.parents[1]
SCHEMAS = ROOT / "schemas"
SPEC_FIELDS = ROOT.parent / "shared" / "spec" / "fields.json"
VENDORED = ROOT / "src" / "gpai_docs" / "data" / "catalogue.json"
DERIVED = ROOT / "src" / "gpai_docs" / "data" / "derived_ids.json"

STEMS = {
    "model_documentation": "model-documentation",
    "training_data_summary": "training-data-summary",
    "copyright_policy": "copyright-policy",
}
KEYS = {stem: key for key, stem in STEMS.items()}
TEMPLATE = "Template for the Public Summary of Training Content"
# Copyright Measures 1.3 and 1.5 ask the provider to make public the information about its
# crawlers and their robots.txt features, its point of contact and its complaint mechanism
# (requirements §5: COP.C.1.3.crawler_info_public, COP.C.1.5.point_of_contact,
# COP.C.1.5.complaints). Everything else in the policy is the provider's own.
POLICY_PUBLIC = frozenset(
    {"COP.C.1.3.crawler_info_public", "COP.C.1.5.point_of_contact", "COP.C.1.5.complaints"}
)
JsonPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Expected:
    """One expected finding: a reviewer's flag, with why; ``pending`` names the helper
    whose rule is not in the code yet (the test then expects it to fail, strictly)."""

    code: str
    path: str
    severity: str
    why: str
    pending: str | None = None


@dataclass(frozen=True)
class Entry:
    """One folder of the corpus and what a reviewer expects of it."""

    name: str
    folder: Path
    style: str
    findings: tuple[Expected, ...]
    # A document shape the code does not read yet: loading is expected to fail (strictly).
    load_pending: str | None
    pdf: bool
    # The DOCX export fails on this filing (a bug reported, expected to fail strictly).
    docx_pending: dict[str, str] = field(default_factory=dict)
    # The document (key) whose shape is pending; None: all of the folder's.
    load_pending_document: str | None = None
    # Findings the tool gives that a reviewer would not (reported; expected to go, strictly).
    false_positives: tuple[Expected, ...] = ()

    @property
    def documents(self) -> dict[str, Path]:
        out = {}
        for path in sorted(self.folder.iterdir()):
            stem = path.name.rsplit(".", 1)[0]
            if stem in KEYS:
                out[KEYS[stem]] = path
        return out


def _yaml() -> YAML:
    return YAML(typ="safe", pure=True)


def _expected(listed: Any) -> tuple[Expected, ...]:
    return tuple(
        Expected(
            str(f["code"]),
            str(f["path"]),
            str(f.get("severity", "")),
            str(f["why"]),
            f.get("pending"),
        )
        for f in listed or ()
    )


def entries() -> list[Entry]:
    out = []
    for folder in sorted(p for p in DOCUMENTS.iterdir() if p.is_dir()):
        data = _yaml().load((EXPECTED / f"{folder.name}.yaml").read_text(encoding="utf-8"))
        findings = _expected(data.get("findings"))
        out.append(
            Entry(
                folder.name,
                folder,
                str(data["style"]),
                findings,
                data.get("load_pending"),
                bool(data.get("pdf", False)),
                dict(data.get("docx_pending") or {}),
                data.get("load_pending_document"),
                _expected(data.get("false_positives")),
            )
        )
    return out


@cache
def catalogue() -> dict[str, dict[str, Any]]:
    """Catalogue id -> its entry (document, audience), from the shared spec or the vendored copy."""
    if SPEC_FIELDS.is_file():
        fields = json.loads(SPEC_FIELDS.read_text(encoding="utf-8"))["fields"]
        return {str(f["id"]): f for f in fields}
    vendored = json.loads(VENDORED.read_text(encoding="utf-8"))["entries"]
    return {str(k): {"id": k, **v} for k, v in vendored.items()}


def requirement(catalogue_id: str | None) -> dict[str, Any] | None:
    """The catalogue's entry for ``catalogue_id``, or for the nearest id it refines
    (``TDS.1.1.authorised_rep.name`` refines ``TDS.1.1.authorised_rep``)."""
    parts = (catalogue_id or "").split(".")
    while parts and parts != [""]:
        found = catalogue().get(".".join(parts))
        if found is not None:
            return found
        parts.pop()
    return None


def audiences(document: str, catalogue_id: str | None) -> frozenset[str]:
    """Who may read a field answering ``catalogue_id``, by the catalogue.

    The summary's fields are the template's, all published (Art 53(1)(d)); a field whose
    requirement is not the template's (the provider's own count, the dataset shares) is
    the provider's. The policy's internal artifact is the whole policy; its public summary
    holds what Measures 1.3 and 1.5 ask to make public. The model documentation's fields
    go to the audiences the Form ticks (AIO, NCA, DP)."""
    entry = requirement(catalogue_id)
    if document == "training_data_summary":
        return frozenset({"public"}) if entry and TEMPLATE in entry["document"] else frozenset()
    if document == "copyright_policy":
        public = entry is not None and entry["id"] in POLICY_PUBLIC
        return frozenset({"internal", "public"}) if public else frozenset({"internal"})
    if entry is None:
        # A list of one value per model (P4's `*_variants`) is its Form item's rows: the
        # package's data/derived_ids.json names the item it is derived from.
        entry = requirement(derived_ids().get(catalogue_id or ""))
    if entry is None:
        return frozenset()
    return frozenset(str(a).lower() for a in entry["audience"])


@cache
def derived_ids() -> dict[str, str]:
    """Derived id -> the catalogue id it is derived from (the model documentation only)."""
    data = json.loads(DERIVED.read_text(encoding="utf-8"))["derived"]
    return {str(k): str(v["from"]) for k, v in data.items() if str(k).startswith("MDF.")}


@cache
def schema(document: str) -> dict[str, Any]:
    text = (SCHEMAS / f"{STEMS[document]}.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        name = str(node["$ref"]).removeprefix("#/$defs/")
        node = {**root["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _options(node: dict[str, Any], root: dict[str, Any]) -> list[dict[str, Any]]:
    node = _resolve(node, root)
    if "anyOf" not in node:
        return [node]
    return [b for option in node["anyOf"] for b in _options(option, root)]


def catalogue_id_at(document: str, path: JsonPath) -> str | None:
    """The requirement a value at ``path`` answers: the innermost ``x-catalogue-id`` the
    published schema puts on the way to it (any branch whose keys fit)."""
    root = schema(document)
    node: dict[str, Any] = root
    found: str | None = root.get("x-catalogue-id")
    for step in path:
        following = None
        for option in _options(node, root):
            found = option.get("x-catalogue-id", found)
            if isinstance(step, int) and "items" in option:
                following = option["items"]
            elif isinstance(step, str) and step in option.get("properties", {}):
                following = option["properties"][step]
            if following is not None:
                break
        if following is None:
            return found
        node = _resolve(following, root)
        found = node.get("x-catalogue-id", found)
    return found
