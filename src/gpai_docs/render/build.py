"""Build every artifact of a project: validate, render Markdown, lay out PDFs, write.

Public API (other commands code against it): :func:`build_project`, :class:`BuildResult`,
:class:`Artifact`, :class:`BuildRefused`, :func:`default_as_of`. Everything is rendered
in memory first and then written file by file atomically, so a failed build leaves no
half-written artifact and earlier outputs stay intact. PDFs are laid out in parallel
worker processes, and an artifact whose inputs, templates and tool are unchanged is not
laid out again.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from gpai_docs.errors import GpaiDocsError, OutputError, UserError
from gpai_docs.fileio import OutputFolder, check_names
from gpai_docs.load.project import SUFFIXES
from gpai_docs.models.kinds import KINDS
from gpai_docs.render import cache, pdf
from gpai_docs.render.artifacts import SPECS, Audience, Document
from gpai_docs.render.markdown import render_artifact
from gpai_docs.render.outputs import Output, artifact_outputs
from gpai_docs.render.pdf import PdfJob
from gpai_docs.render.publication import ChangesSince
from gpai_docs.render.reference_date import default_as_of
from gpai_docs.validate.pipeline import ValidationResult, typed_documents, validate_loaded
from gpai_docs.validate.project import Project, load_project

FORMATS = ("md", "pdf", "html")
MEDIA_TYPES = {
    "md": "text/markdown",
    "pdf": "application/pdf",
    "csv": "text/csv",
    "html": "text/html",
    "json": "application/json",
}


@dataclass(frozen=True, slots=True)
class Artifact:
    """One written file: where, which document, for whom, what type, and its hash."""

    path: Path
    document: Document
    audience: Audience
    media_type: str
    sha256: str


@dataclass(frozen=True)
class BuildResult:
    artifacts: list[Artifact]
    validation: ValidationResult | None  # None when nothing changed and the build was skipped
    draft: bool
    rendered: int  # files written by this build (the others were reused unchanged)

    @property
    def documents_built(self) -> bool:
        """Whether any document artifact was built, not only the validation report."""
        return any(a.document != "validation_report" for a in self.artifacts)

    def why_no_document(self) -> str:
        """Why no document artifact was built: what became of each document."""
        if self.validation is None:
            return "no document validated in the last build, and nothing changed since"
        reasons = []
        for doc in self.validation.project.documents.values():
            title = doc.kind.title
            if doc.absent:
                reasons.append(f"the {title.lower()} is not in this project")
            elif doc.loaded is None:
                reasons.append(f"the {title.lower()} is missing or could not be read")
            elif doc.model is None:
                reasons.append(f"the {title.lower()} did not validate (see its errors)")
        return "; ".join(reasons) or "no document had anything to build"


class BuildRefused(GpaiDocsError):
    """Validation found errors or answers still to be provided; ``result`` holds them."""

    def __init__(self, result: ValidationResult) -> None:
        errors, pending = len(result.report.errors), result.pending
        parts = [f"{errors} error{'s' if errors != 1 else ''}"] if errors else []
        if pending:
            parts.append(f"{pending} answer{'s' if pending != 1 else ''} to be provided")
        super().__init__(
            f"Build refused: {' and '.join(parts)}.",
            hint="Fix the findings above, or build anyway with --draft (every page and file "
            "is then marked DRAFT).",
        )
        self.result = result


def _input_names(project: Project) -> list[str]:
    """The project files a build reads, relative to the project: never to be written over."""
    names = [f"{kind.stem}{suffix}" for kind in KINDS for suffix in SUFFIXES]
    _, tds, _ = typed_documents(project)
    top_domains = tds.section_2.crawled_data.top_domains if tds else None
    source = top_domains.source if top_domains else None
    return [*names, source] if source is not None else names


def _inputs(project: Project) -> dict[str, str]:
    """Each input's hash as this build read it ("absent": not there), for the next build
    to tell whether anything changed. The files were read once, when loading."""
    read = {
        doc.path.name: doc.loaded.sha256
        for doc in project.documents.values()
        if doc.path is not None and doc.loaded is not None
    }
    if project.domains is not None and project.domains.data is not None:
        read[project.domains.source] = cache.sha256(project.domains.data)
    return {
        rel: read.get(rel) or cache.file_sha256(project.root / rel) or "absent"
        for rel in _input_names(project)
    }


def _render_pdfs(jobs: list[tuple[str, PdfJob]], workers: int) -> dict[str, bytes]:
    pdf.check_available()
    if workers <= 1 or len(jobs) <= 1:
        return {name: pdf.write_pdf(job) for name, job in jobs}
    # Forked workers inherit the imported WeasyPrint instead of importing it again.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if "fork" in methods else None
    ordered = sorted(jobs, key=lambda item: -len(item[1].html))
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context) as pool:
        futures = {name: pool.submit(pdf.write_pdf, job) for name, job in ordered}
        return {name: future.result() for name, future in futures.items()}


@dataclass(frozen=True)
class BuildOptions:
    """How to build: the formats, draft marks, cover pages, and the reference date."""

    draft: bool = False
    formats: frozenset[str] = frozenset(FORMATS)
    jobs: int | None = None
    as_of: dt.date | None = None
    cover: bool = False
    changes: ChangesSince | None = None
    complete: bool = True  # False: a folder may hold one or two of the documents

    def __post_init__(self) -> None:
        unknown = sorted(set(self.formats) - set(FORMATS))
        if unknown or not self.formats:
            raise UserError(
                f"Unknown output format(s) {unknown}.", hint="Use md, pdf, html or several of them."
            )

    @property
    def workers(self) -> int:
        return self.jobs if self.jobs and self.jobs > 0 else len(os.sched_getaffinity(0))

    def key(self, as_of: dt.date | None) -> str:
        """What decides the artifacts besides the inputs: a changed option rebuilds."""
        settings: dict[str, object] = {
            "draft": self.draft,
            "formats": sorted(self.formats),
            "as_of": as_of,
            "cover": self.cover,
            "changes": repr(self.changes),
        }
        if not self.complete:  # else a build with --complete would reuse a partial one's
            settings["partial"] = True
        return cache.build_key(settings)


def build_project(
    project_dir: Path,
    out_dir: Path,
    *,
    draft: bool = False,
    formats: Sequence[str] = FORMATS,
    jobs: int | None = None,
    as_of: dt.date | None = None,
    cover: bool = False,
    changes: ChangesSince | None = None,
    complete: bool = True,
) -> BuildResult:
    """Validate ``project_dir`` and write every artifact into ``out_dir``.

    ``complete=False`` builds a folder holding one or two of the documents (a partial
    project): each document there gets its artifacts, plus the validation report.

    ``html`` writes the public summary's and the copyright-policy summary's web page with
    its JSON sidecar; ``cover`` puts a cover and a contents page before each PDF;
    ``changes`` (a release's diff with the previous release) adds "Changes since version
    X" to the public summary. Raises :class:`BuildRefused` when validation finds errors or
    answers still to be provided (unless ``draft``), and :class:`GpaiDocsError`
    subclasses for tool problems.
    """
    options = BuildOptions(draft, frozenset(formats), jobs, as_of, cover, changes, complete)
    key = options.key(as_of)
    with cache.locked(out_dir):
        manifest = cache.Manifest.read(out_dir)
        if manifest.build_key == key and manifest.inputs_unchanged(project_dir):
            reused = _reuse_all(manifest, out_dir)
            if reused is not None:
                return BuildResult(reused, None, draft, 0)
        project = load_project(project_dir, complete=complete)
        result = validate_loaded(project, as_of=as_of or default_as_of(project))
        refuse_unless_buildable(result, draft=draft)
        return _build(result, out_dir, manifest, key, options)


def build_validated(result: ValidationResult, out_dir: Path, options: BuildOptions) -> BuildResult:
    """Write every artifact of an already validated project into ``out_dir``."""
    refuse_unless_buildable(result, draft=options.draft)
    with cache.locked(out_dir):
        manifest = cache.Manifest.read(out_dir)
        return _build(result, out_dir, manifest, options.key(result.as_of), options)


def refuse_unless_buildable(result: ValidationResult, *, draft: bool) -> None:
    """Raise :class:`BuildRefused` unless the validated project may be built."""
    # An internal error (a bug) leaves the validation incomplete: not even a draft.
    if result.internal_errors or (not draft and (result.report.errors or result.pending)):
        raise BuildRefused(result)


def _reuse_all(manifest: cache.Manifest, out_dir: Path) -> list[Artifact] | None:
    artifacts = []
    for name, entry in sorted(manifest.files.items()):
        if cache.output_sha256(out_dir, name) != entry.get("sha256"):
            return None
        artifacts.append(
            Artifact(
                out_dir / name,
                entry["document"],
                entry["audience"],
                entry["media_type"],
                entry["sha256"],
            )
        )
    return artifacts


def _build(
    result: ValidationResult,
    out_dir: Path,
    manifest: cache.Manifest,
    key: str,
    options: BuildOptions,
) -> BuildResult:
    tool = cache.tool_fingerprint()
    generator = f"gpai-docs {cache.version('gpai-docs')}"
    outputs: dict[str, Output] = {}
    pdf_jobs: list[tuple[str, PdfJob]] = []
    for spec in SPECS:
        rendered = render_artifact(
            result, spec, draft=options.draft, cover=options.cover, changes=options.changes
        )
        if rendered is None:
            continue
        files, jobs = artifact_outputs(
            rendered, options.formats, draft=options.draft, generator=generator, tool=tool
        )
        outputs.update(files)
        pdf_jobs += [
            (name, job)
            for name, job in jobs.items()
            if manifest.reusable(out_dir, name, files[name].key) is None
        ]
    pdfs = _render_pdfs(pdf_jobs, options.workers) if pdf_jobs else {}
    return _write(result, out_dir, manifest, key, options.draft, outputs, pdfs)


def _write(
    result: ValidationResult,
    out_dir: Path,
    manifest: cache.Manifest,
    key: str,
    draft: bool,
    outputs: dict[str, Output],
    pdfs: dict[str, bytes],
) -> BuildResult:
    artifacts: list[Artifact] = []
    files: dict[str, dict[str, object]] = {}
    written = 0
    root = result.project.root
    # `--out` may be the project folder itself: an artifact never replaces a document.
    folder = OutputFolder(out_dir, inputs=[root / name for name in _input_names(result.project)])
    check_names({f"the artifact {name}": out_dir / name for name in outputs})
    try:
        for name, (rendered, kind, item_key, data) in outputs.items():
            payload = pdfs.get(name, data)
            digest = manifest.reusable(out_dir, name, item_key)
            if digest is None:
                if payload is None:
                    raise OutputError(f"{name} was not rendered.", hint="Run the build again.")
                folder.write(name, payload)
                digest = cache.sha256(payload)
                written += 1
            spec = rendered.spec
            media_type = MEDIA_TYPES[kind]
            artifacts.append(
                Artifact(out_dir / name, spec.document, spec.audience, media_type, digest)
            )
            files[name] = {
                "key": item_key,
                "sha256": digest,
                "document": spec.document,
                "audience": spec.audience,
                "media_type": media_type,
            }
        for stale in set(manifest.files) - set(files):
            folder.unlink(stale)
        inputs = _inputs(result.project)
        cache.Manifest(key, inputs, files).write(out_dir)
    except OSError as error:
        raise OutputError(
            f"Cannot write to {out_dir}: {error.strerror or error}.",
            hint="Check that the output folder is writable and the disk is not full.",
        ) from None
    return BuildResult(artifacts, result, draft, written)
