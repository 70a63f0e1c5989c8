"""What a canary run found: leaks (a marker where its field's audience does not reach) and
misses (a marker absent from an artifact its field's audience should find it in)."""

from __future__ import annotations

from tests.canary.pipeline import DIFF_AUDIENCES, DOCX_EXPORTS, FORMATS, Run
from tests.canary.readers import Checked, may_read


def leaks(run: Run) -> list[str]:
    """Every marker some output shows to a reader its field does not name."""
    markers = run.all_markers
    out = []
    for checked in run.checked:
        for text in sorted(checked.found):
            marker = markers.get(text)
            if marker is None:
                out.append(f"{checked.label}: {text} was never planted")
                continue
            if may_read(marker.leaf.audience, checked.reader):
                continue
            readers = ",".join(sorted(marker.leaf.audience))
            out.append(f"{checked.label} (for {checked.reader}): {marker.where} [{readers}]")
    return out


def _by_label(run: Run) -> dict[str, Checked]:
    return {c.label: c for c in run.checked}


def artifact_misses(run: Run, suffix: str) -> tuple[list[str], int]:
    """Markers missing from an artifact meant for their field's audience, among the build
    and release files ending in ``suffix``; and how many (marker, artifact) pairs were
    looked at. Which files are meant for whom is read from the release manifest.

    A long domain list goes to the artifact's CSV companion, so that counts as shown.
    """
    by_label = _by_label(run)
    misses: list[str] = []
    looked = 0
    for version, markers in run.markers.items():
        manifest = run.manifests[version]
        folders = [(f"build-{version}", ""), (f"{manifest['model']['slug']}/{version}", "")]
        if version == "1.1" and suffix == ".md":
            folders.append(("build-draft", ".draft"))  # the draft build is Markdown only
        for entry in manifest["files"]:
            path = str(entry["path"])
            if not path.endswith(suffix) or entry["document"] is None:
                continue
            stem = path.removesuffix(suffix)
            for folder, draft in folders:
                shown = set(by_label[f"{folder}/{stem}{draft}{suffix}"].shown)
                companion = f"{folder}/{stem}{draft}.domains.csv"
                if companion in by_label:
                    shown |= by_label[companion].shown
                for marker in markers:
                    leaf = marker.leaf
                    if leaf.document != entry["document"] or entry["audience"] not in leaf.audience:
                        continue
                    looked += 1
                    if marker.text not in shown:
                        misses.append(f"{folder}/{stem}{draft}{suffix}: {marker.where}")
    return misses, looked


def docx_misses(run: Run) -> tuple[list[str], int]:
    """Markers missing from the page text of an `export docx` file meant for their
    field's audience; and how many (marker, file) pairs were looked at."""
    by_label = _by_label(run)
    misses: list[str] = []
    looked = 0
    for version, markers in run.markers.items():
        for document, audiences in DOCX_EXPORTS.items():
            key = document.replace("-", "_")
            for audience in audiences:
                label = f"export-{version}/{document}.{audience}.docx"
                shown = by_label[label].shown
                for marker in markers:
                    if marker.leaf.document != key or audience not in marker.leaf.audience:
                        continue
                    looked += 1
                    if marker.text not in shown:
                        misses.append(f"{label}: {marker.where}")
    return misses, looked


def diff_misses(run: Run) -> tuple[list[str], int]:
    """Changes missing from ``diff --audience X`` although X sees the field (all
    changes without --audience): every marker of both releases changed."""
    by_label = _by_label(run)
    misses: list[str] = []
    looked = 0
    for fmt in FORMATS:
        for audience in (None, *DIFF_AUDIENCES):
            label = f"diff --format {fmt} --audience {audience or '(all)'}"
            for marker in run.all_markers.values():
                if audience is None or audience in marker.leaf.audience:
                    looked += 1
                    if marker.text not in by_label[label].found:
                        misses.append(f"{label}: {marker.where}")
    return misses, looked


def output(run: Run, label: str) -> Checked:
    return _by_label(run)[label]
