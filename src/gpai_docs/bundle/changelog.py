"""What a release says about the ones before it: changelog, previous versions, version checks.

The summary template asks every update of the public summary to get a new version and to
link the previous ones; the Transparency chapter asks earlier documentation versions to be
kept. The release records its predecessors in the manifest, warns when the summary
forgets an earlier published version, and names each document that changed without a new
version (the pre-flight checks ask about those before anything is written).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from gpai_docs.bundle.diff import SemanticDiff, render_markdown
from gpai_docs.escaping import md_inline
from gpai_docs.models import TrainingDataSummary
from gpai_docs.models.kinds import KIND_BY_KEY

if TYPE_CHECKING:
    from gpai_docs.bundle.store import Release

_VERSION_FIELD = {
    "model_documentation": "document.version",
    "training_data_summary": "header.version",
    "copyright_policy": "document.version",
}


def changelog_markdown(
    model_name: str,
    version: str,
    released_on: dt.date,
    earlier: list[Release],
    diff: SemanticDiff | None,
) -> str:
    """``CHANGELOG.md`` of a release: the semantic diff against the previous release."""
    title = f"# Changelog: {md_inline(model_name)} {md_inline(version)}"
    lines = [title, "", f"Released {released_on}.", ""]
    if not earlier:
        lines.append("First release of this model: there is no earlier release to compare with.")
        return "\n".join(lines) + "\n"
    previous = earlier[-1].manifest
    if diff is None:
        lines.append(
            f"Release {md_inline(previous.version)} ({previous.released_on}) could not be compared "
            "field by field: its documents do not validate with this version of gpai-docs."
        )
    else:
        lines += [
            f"Changes since release {md_inline(previous.version)} ({previous.released_on}), field "
            "by field, with the catalogue id and the audience of each field.",
            "",
            render_markdown(diff, heading_level=2).rstrip("\n"),
        ]
    listed = ", ".join(f"{md_inline(r.version)} ({r.manifest.released_on})" for r in earlier)
    lines += ["", f"Earlier releases: {listed}."]
    return "\n".join(lines) + "\n"


def change_summary(diff: SemanticDiff | None, against: str | None) -> dict[str, Any]:
    """The manifest's ``changes`` record, which ``history`` shows without re-reading sources."""
    if against is None:
        return {"against": None}
    if diff is None:
        return {"against": against, "compared": False}
    return {
        "against": against,
        "compared": True,
        "added": diff.count("added"),
        "removed": diff.count("removed"),
        "changed": diff.count("changed"),
        "documents": diff.documents(),
    }


def previous_versions(version: str, earlier: list[Release]) -> list[dict[str, Any]]:
    """Every earlier release, newest first, with links to its public summary of training content."""
    out = []
    for release in reversed(earlier):
        manifest = release.manifest
        summary = manifest.documents.get("training_data_summary", {})
        links = [
            f"../{manifest.version}/{entry.path}"
            for entry in manifest.files
            if entry.document == "training_data_summary" and entry.audience == "public"
        ]
        out.append(
            {
                "version": manifest.version,
                "released_on": manifest.released_on.isoformat(),
                "summary_version": summary.get("version"),
                "summary_files": links,
            }
        )
    return out


def unversioned_changes(
    models: dict[str, BaseModel], previous: dict[str, BaseModel], diff: SemanticDiff
) -> list[tuple[str, str]]:
    """Each document that changed since the previous release but kept its version, as
    (message, hint); the release asks before it goes out with one (pre-flight).

    ``previous`` holds the documents of the latest release, read from its sources: the
    manifest does not record the model documentation's version (it is not public)."""
    recorded = _document_versions(previous)
    current = _document_versions(models)
    out: list[tuple[str, str]] = []
    for document in diff.documents():
        before = recorded.get(document)
        if before is not None and before == current.get(document):
            out.append(
                (
                    f"{KIND_BY_KEY[document].title} changed since release {diff.old} but "
                    f"{_VERSION_FIELD[document]} is still {before}.",
                    f"Give each update a new version: raise {_VERSION_FIELD[document]} of the "
                    f"{KIND_BY_KEY[document].title} (and its date), then release again.",
                )
            )
    return out


def version_warnings(models: dict[str, BaseModel], earlier: list[Release]) -> list[str]:
    """Warnings about the summary's list of its previous versions against the releases."""
    warnings: list[str] = []
    tds = models.get("training_data_summary")
    if isinstance(tds, TrainingDataSummary):
        listed = {previous.version for previous in tds.header.previous_versions}
        seen: set[str] = set()
        for release in earlier:
            published = release.manifest.documents.get("training_data_summary", {}).get("version")
            if published is None or published == tds.header.version or published in seen:
                continue
            seen.add(published)
            if published not in listed:
                warnings.append(
                    f"The summary of training content does not list its version {published} "
                    f"(published in release {release.version}, {release.manifest.released_on}) "
                    "under header.previous_versions; the template asks each update to link "
                    "the previous versions."
                )
    return warnings


def _document_versions(models: dict[str, BaseModel]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, model in models.items():
        part = getattr(model, "header" if key == "training_data_summary" else "document", None)
        version = getattr(part, "version", None)
        if isinstance(version, str):
            out[key] = version
    return out
