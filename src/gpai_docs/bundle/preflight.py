"""Pre-flight checks of a release: run after validation and before anything is written.

A release is never overwritten, so whatever is wrong with it must be caught before it
exists. Each check is either an error (the release is refused, whatever the answer) or a
question the release manager answers (``confirm``): the command line asks on a terminal,
takes ``--yes`` as yes, and refuses in CI, where no one can answer.

- the version must sort after the latest release's (numbers compare as numbers: 1.10
  after 1.9) and the release date must not be before it: errors;
- a document changed since the latest release but kept its own version: a question;
- the latest release was signed and this one is not, or with another key: a question;
- nothing changed since the latest release: a question;
- every file the documents name can be archived under ``sources/``: an error.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from gpai_docs.bundle.changelog import unversioned_changes, version_warnings
from gpai_docs.bundle.diff import SemanticDiff, diff_models
from gpai_docs.bundle.sources import SOURCES_DIR, LoadedProject, load_side
from gpai_docs.bundle.store import ModelStore, Release
from gpai_docs.errors import GpaiDocsError, UserError


@dataclass(frozen=True)
class Check:
    """One pre-flight finding: an error, or a question (``question``) one may answer yes."""

    name: str  # version, date, document-version, signing, no-changes, sources
    message: str
    hint: str
    question: bool


Confirm = Callable[[Check], bool]


class ReleaseRefused(GpaiDocsError):
    """The pre-flight checks refused the release; nothing was written.

    ``unanswered`` holds the questions no one answered (no ``confirm``); ``declined`` the
    ones answered no."""

    def __init__(
        self,
        checks: tuple[Check, ...],
        *,
        unanswered: tuple[Check, ...] = (),
        declined: tuple[Check, ...] = (),
    ) -> None:
        errors = [check for check in checks if not check.question]
        parts = (
            [f"{len(errors)} pre-flight error{'s' if len(errors) != 1 else ''}"] if errors else []
        )
        if unanswered:
            parts.append(
                f"{len(unanswered)} question{'s' if len(unanswered) != 1 else ''} unanswered"
            )
        if declined:
            parts.append(f"{len(declined)} answered no")
        super().__init__(f"Release refused: {' and '.join(parts)}. Nothing was written.")
        self.checks = checks
        self.unanswered = unanswered
        self.declined = declined


@dataclass(frozen=True)
class Plan:
    """What the release will be, checked: the diff against the latest release, the
    warnings that do not stop it, and the pre-flight checks."""

    earlier: list[Release]
    diff: SemanticDiff | None
    warnings: list[str]
    checks: tuple[Check, ...]


def plan_release(
    store: ModelStore,
    version: str,
    loaded: LoadedProject,
    released_on: dt.date,
    signer: str | None,
) -> Plan:
    """Every check against the releases already in ``store``; reads, never writes."""
    refuse_existing(store, version)
    earlier = store.releases()
    checks: list[Check] = []
    warnings: list[str] = []
    diff = None
    if earlier:
        latest = earlier[-1]
        checks += _order(version, released_on, latest)
        try:
            before = load_side(latest.path).models
        except UserError as error:
            # An old release may predate a schema change; its changelog entry says so.
            warnings.append(f"Cannot compare with release {latest.version}: {error.message}")
        else:
            diff = SemanticDiff(latest.version, version, diff_models(before, loaded.models))
            for message, hint in unversioned_changes(loaded.models, before, diff):
                checks.append(Check("document-version", message, hint, question=True))
            checks += _unchanged(diff, loaded, latest)
        checks += _signing(signer, latest)
    warnings += version_warnings(loaded.models, earlier)
    checks += _sources(loaded)
    return Plan(earlier, diff, warnings, tuple(checks))


def settle(checks: tuple[Check, ...], confirm: Confirm | None) -> None:
    """Refuse on any error; ask each question (``confirm``), refusing unless every answer
    is yes. Without ``confirm`` no question can be answered, so any question refuses."""
    if any(not check.question for check in checks):
        raise ReleaseRefused(checks)
    questions = tuple(check for check in checks if check.question)
    if confirm is None:
        if questions:
            raise ReleaseRefused(checks, unanswered=questions)
        return
    declined = tuple(check for check in questions if not confirm(check))
    if declined:
        raise ReleaseRefused(checks, declined=declined)


def refuse_existing(store: ModelStore, version: str) -> None:
    for path in (store.release_dir(version), store.archive(version)):
        if path.exists() or path.is_symlink():
            raise UserError(
                f"Release {version} of {store.slug} already exists ({path}); releases are "
                "never overwritten.",
                hint="Release the changes under a new version, e.g. with a higher number.",
            )


def version_key(version: str) -> tuple[tuple[int, int, str], ...]:
    """How versions sort: runs of digits as numbers, anything else as text (1.10 > 1.9)."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in re.findall(r"\d+|\D+", version)
    )


def _order(version: str, released_on: dt.date, latest: Release) -> list[Check]:
    last = latest.manifest
    checks = []
    if version_key(version) <= version_key(last.version):
        checks.append(
            Check(
                "version",
                f"Version {version} does not come after {last.version}, the latest release "
                f"({last.released_on}).",
                f"Use a version after {last.version} (numbers compare as numbers: 1.10 comes "
                "after 1.9).",
                question=False,
            )
        )
    if released_on < last.released_on:
        checks.append(
            Check(
                "date",
                f"The release date {released_on} is before the latest release {last.version} "
                f"({last.released_on}).",
                "Releases are kept in order; use --date on or after the latest release.",
                question=False,
            )
        )
    return checks


def _signing(signer: str | None, latest: Release) -> list[Check]:
    recorded = latest.manifest.signature
    if recorded is None:
        return []
    before = recorded["key_id"]
    if signer is None:
        message = f"Release {latest.version} was signed (key {before}); this one would not be."
        hint = "Pass --sign-key with the release key, so that readers can keep verifying."
    elif signer != before:
        message = (
            f"This release would be signed with key {signer}, release {latest.version} with "
            f"key {before}."
        )
        hint = "Sign with the same key, or publish the new public key before releasing."
    else:
        return []
    return [Check("signing", message, hint, question=True)]


def _unchanged(diff: SemanticDiff, loaded: LoadedProject, latest: Release) -> list[Check]:
    """Nothing changed: no field differs and every referenced file has the same bytes."""
    if diff.changes:
        return []
    archived = {entry.path: entry.sha256 for entry in latest.manifest.sources}
    for source, referenced in loaded.referenced.items():
        name = referenced.archive_name(source)
        data = referenced.data
        if name is None or data is None:
            return []  # _sources refuses it
        if archived.get(f"{SOURCES_DIR}/{name}") != hashlib.sha256(data).hexdigest():
            return []
    message = f"Nothing changed since release {latest.version}: a release with no changes."
    hint = "Release when something changed, or answer yes to release the same documents again."
    return [Check("no-changes", message, hint, question=True)]


def _sources(loaded: LoadedProject) -> list[Check]:
    """Every file the documents name must go into the release, so that it stands alone."""
    checks = []
    documents = {path.name for path in loaded.files.values()}
    for source, referenced in loaded.referenced.items():
        name = referenced.archive_name(source)
        if name is None or name in documents or referenced.data is None:
            why = "it could not be read" if referenced.data is None else "its path cannot be kept"
            checks.append(
                Check(
                    "sources",
                    f"{referenced.at} names {source!r}, which cannot be archived with the "
                    f"documents under {SOURCES_DIR}/: {why}.",
                    "Give a path inside the project folder, relative to it, of a file other "
                    "than the three documents (e.g. domains.summary.json).",
                    question=False,
                )
            )
    return checks
