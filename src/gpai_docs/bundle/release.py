"""``release``: build every artifact into an immutable, verifiable release folder and archive.

Steps: check names, validate, take the model's lock, finish or discard what an interrupted
release left, run the pre-flight checks (``preflight.py``: an existing version, the version
and date order, documents changed without a new version, signing, no changes, files that
cannot be archived), build into a hidden staging folder, add the sources, the changelog and
the manifest (signed if asked), sync everything, write the archive, rename the folder into
place (the commit), rename the archive into place, then republish the crawler page and
feed. Nothing outside the hidden staging names is written before the commit, so a crash
leaves earlier releases and the output folder as they were.

A dry run runs every check and stages the release in a temporary folder outside the
output folder, then removes it: it takes no lock and writes nothing under ``out``.
"""

from __future__ import annotations

import datetime as dt
import secrets
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from gpai_docs.bundle._crashpoints import checkpoint
from gpai_docs.bundle.archive import archive_mtime, release_files, write_archive
from gpai_docs.bundle.changelog import change_summary, changelog_markdown, previous_versions
from gpai_docs.bundle.diff import SemanticDiff
from gpai_docs.bundle.manifest import FileEntry, Manifest, file_entry
from gpai_docs.bundle.naming import check_slug, check_version, slug_for
from gpai_docs.bundle.preflight import Check, Confirm, Plan, plan_release, settle
from gpai_docs.bundle.sources import MANIFEST, SIGNATURE, SOURCES_DIR, LoadedProject, side_of
from gpai_docs.bundle.store import STAGING, ModelStore, Release, fsync_dir, fsync_tree
from gpai_docs.errors import GpaiDocsError, InternalError, UserError
from gpai_docs.fileio import OutputFolder
from gpai_docs.law import rulepack
from gpai_docs.render.build import BuildOptions, BuildRefused, build_validated
from gpai_docs.validate.determinations.deadlines import retention_end, union_placement
from gpai_docs.validate.pipeline import ValidationResult, validate_project

CHANGELOG = "CHANGELOG.md"
_RESERVED = (MANIFEST, SIGNATURE, CHANGELOG, SOURCES_DIR)


@dataclass(frozen=True)
class ReleaseResult:
    """What a release wrote (after a dry run: would write), and what to look at.

    ``questions`` are the pre-flight questions: answered yes by a release, still to be
    answered after a dry run."""

    path: Path
    archive: Path
    manifest: Manifest
    changelog: SemanticDiff | None
    warnings: tuple[str, ...]
    notes: tuple[str, ...]
    published: tuple[Path, ...]
    questions: tuple[Check, ...] = ()
    dry_run: bool = False


def release_project(
    project: Path,
    *,
    version: str,
    out: Path,
    released_on: dt.date,
    formats: Sequence[str] = ("md", "pdf"),
    sign_key: Path | None = None,
    slug: str | None = None,
    jobs: int | None = None,
    confirm: Confirm | None = None,
    dry_run: bool = False,
) -> ReleaseResult:
    """Release ``project`` as ``version`` under ``out/<slug>/``; see the module docstring.

    ``confirm`` answers the pre-flight questions; without it a question refuses the
    release (``ReleaseRefused``), as any pre-flight error does."""
    check_version(version)
    result, loaded = _load(project, released_on)
    store = ModelStore(out, check_slug(slug) if slug else slug_for(loaded.model_name))
    key, signer = _signing_key(sign_key)
    if dry_run:
        return _dry_run(result, loaded, store, version, formats, jobs, key, signer)
    with store.locked():
        notes = store.recover()
        plan = plan_release(store, version, loaded, released_on, signer)
        settle(plan.checks, confirm)
        staging = store.root / f".{version}{STAGING}{secrets.token_hex(6)}"
        staged_archive = store.root / f".{version}.tar.gz{STAGING}{secrets.token_hex(6)}"
        try:
            # Under the lock, and checked again from --out down, so that the staging folder
            # is where the lock is; its name is new (random), so it cannot be a planted link.
            OutputFolder(store.out).mkdir(staging.relative_to(store.out))
            manifest = _stage(staging, result, loaded, store, version, plan, formats, jobs, key)
            checkpoint("staged")
            write_archive(
                staging, staged_archive, prefix=version, mtime=archive_mtime(loaded.models)
            )
            checkpoint("archived")
            staging.rename(store.release_dir(version))
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            staged_archive.unlink(missing_ok=True)
            raise
        fsync_dir(store.root)
        checkpoint("committed")
        staged_archive.replace(store.archive(version))
        fsync_dir(store.root)
        published = _publish(store, plan.warnings)
        checkpoint("published")
    return _result(store, version, manifest, plan, tuple(notes), tuple(published))


def _result(
    store: ModelStore,
    version: str,
    manifest: Manifest,
    plan: Plan,
    notes: tuple[str, ...],
    published: tuple[Path, ...],
    *,
    dry_run: bool = False,
) -> ReleaseResult:
    questions = tuple(check for check in plan.checks if check.question)
    return ReleaseResult(
        store.release_dir(version),
        store.archive(version),
        manifest,
        plan.diff,
        tuple(plan.warnings),
        notes,
        published,
        questions,
        dry_run,
    )


def _signing_key(sign_key: Path | None) -> tuple[object | None, str | None]:
    """The private key and its id; a bad key fails before anything is built."""
    if sign_key is None:
        return None, None
    from gpai_docs.bundle.signing import key_id, load_private_key, public_of

    key = load_private_key(sign_key)
    return key, key_id(public_of(key))


def _dry_run(
    result: ValidationResult,
    loaded: LoadedProject,
    store: ModelStore,
    version: str,
    formats: Sequence[str],
    jobs: int | None,
    key: object | None,
    signer: str | None,
) -> ReleaseResult:
    """Every check, then the release staged in a temporary folder outside ``out``: no
    lock, no recovery, nothing written under ``out``. An error refuses as in a release;
    the questions are returned, not asked."""
    plan = plan_release(store, version, loaded, result.as_of, signer)
    if any(not check.question for check in plan.checks):
        settle(plan.checks, None)
    with tempfile.TemporaryDirectory(prefix="gpai-docs-dry-run-") as scratch:
        staging = Path(scratch) / f".{version}{STAGING}dry-run"
        staging.mkdir()
        manifest = _stage(staging, result, loaded, store, version, plan, formats, jobs, key)
    return _result(store, version, manifest, plan, (), (), dry_run=True)


def _load(project: Path, released_on: dt.date) -> tuple[ValidationResult, LoadedProject]:
    """The project validated once, as of the release date, and its documents as one side.

    A project whose documents do not even parse is refused like any project with errors,
    with the full validation report attached."""
    result = validate_project(project, as_of=released_on)
    try:
        return result, side_of(result.project, project)
    except UserError:
        if result.report.errors:
            raise BuildRefused(result) from None
        raise


def _publish(store: ModelStore, warnings: list[str]) -> list[Path]:
    """Republish the crawler page and feed; the release itself is already complete."""
    from gpai_docs.bundle.crawler_page import publish_crawler_info

    try:
        return publish_crawler_info(store)
    except GpaiDocsError as error:
        warnings.append(f"The crawler page and feed were not updated: {error.message}")
        return []


def _stage(
    staging: Path,
    result: ValidationResult,
    loaded: LoadedProject,
    store: ModelStore,
    version: str,
    plan: Plan,
    formats: Sequence[str],
    jobs: int | None,
    key: object | None,
) -> Manifest:
    out = OutputFolder(staging, inputs=loaded.files.values())
    earlier, diff, released_on = plan.earlier, plan.diff, result.as_of
    artifacts = _build_into(staging, result, formats, jobs, diff)
    checkpoint("built")

    sources = _write_sources(staging, out, loaded)
    text = changelog_markdown(loaded.model_name, version, released_on, earlier, diff)
    out.write(CHANGELOG, text.encode("utf-8"))

    files = []
    for relative in release_files(staging):
        if relative == MANIFEST or relative.startswith(f"{SOURCES_DIR}/"):
            continue
        audience, document, kind = artifacts.get(relative, ("internal", "", ""))
        files.append(file_entry(staging, staging / relative, audience, document or None, kind))
    files.extend(sources)
    manifest = _manifest(loaded, store, version, earlier, released_on, files, sources, diff, key)
    raw = manifest.to_json()
    out.write(MANIFEST, raw)
    if key is not None:
        from gpai_docs.bundle.signing import sign

        out.write(SIGNATURE, sign(key, raw))
    fsync_tree(staging)
    return manifest


def _write_sources(staging: Path, out: OutputFolder, loaded: LoadedProject) -> list[FileEntry]:
    """The documents and every file they name, as validated (read once: a file changed
    since is not archived), under ``sources/`` at the path the documents give."""
    sources: list[FileEntry] = []
    for document, source in loaded.files.items():
        target = out.write(f"{SOURCES_DIR}/{source.name}", loaded.sources[document])
        sources.append(file_entry(staging, target, "internal", document, None))
    for name, referenced in loaded.referenced.items():
        relative = referenced.archive_name(name)
        if relative is None or referenced.data is None:
            raise InternalError(f"{name!r} passed the pre-flight checks but cannot be archived.")
        target = out.write(PurePosixPath(SOURCES_DIR, relative).as_posix(), referenced.data)
        sources.append(file_entry(staging, target, "internal", referenced.document, None))
    return sources


def _build_into(
    staging: Path,
    validated: ValidationResult,
    formats: Sequence[str],
    jobs: int | None,
    diff: SemanticDiff | None = None,
) -> dict[str, tuple[str, str, str]]:
    """Build in a scratch folder and move in only the artifacts: the build's own cache and
    lock files are not part of a release. Returns path -> (audience, document, media type)."""
    from gpai_docs.render.publication import changes_since

    scratch = staging.with_name(staging.name.replace(STAGING, f".build{STAGING}", 1))
    try:
        # "Changes since version X" in the public summary.
        options = BuildOptions(formats=frozenset(formats), jobs=jobs, changes=changes_since(diff))
        result = build_validated(validated, scratch, options)
        out: dict[str, tuple[str, str, str]] = {}
        for artifact in result.artifacts:
            relative = Path(artifact.path).resolve().relative_to(scratch.resolve())
            name = relative.as_posix()
            if name.split("/")[0] in _RESERVED:
                raise InternalError(f"The build wrote {name}, a name the release reserves.")
            target = OutputFolder(staging).mkdir(relative.parent) / relative.name
            (scratch / relative).rename(target)
            out[name] = (str(artifact.audience), str(artifact.document), artifact.media_type)
        return out
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _manifest(
    loaded: LoadedProject,
    store: ModelStore,
    version: str,
    earlier: list[Release],
    released_on: dt.date,
    files: list[FileEntry],
    sources: list[FileEntry],
    diff: SemanticDiff | None,
    key: object | None,
) -> Manifest:
    from gpai_docs import __version__

    md = loaded.model_documentation
    pack = rulepack.load()
    signature = None
    if key is not None:
        from gpai_docs.bundle.signing import key_id, public_of

        signature = {"algorithm": "Ed25519", "key_id": key_id(public_of(key)), "file": SIGNATURE}
    return Manifest(
        model_slug=store.slug,
        model_name=loaded.model_name,
        version=version,
        sequence=(earlier[-1].manifest.sequence + 1) if earlier else 1,
        released_on=released_on,
        placed_on_market=union_placement(md),
        retention_end=retention_end(md, pack),
        tool_version=__version__,
        rule_pack={"version": pack.version, "as_of": pack.as_of.isoformat()},
        files=tuple(sorted(files, key=lambda f: f.path)),
        sources=tuple(sources),
        documents=loaded.document_versions(),
        previous_versions=tuple(previous_versions(version, earlier)),
        changes=change_summary(diff, earlier[-1].version if earlier else None),
        signature=signature,
    )
