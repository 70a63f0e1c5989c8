"""Who reads each file gpai-docs writes, and everything such a reader can get out of it.

The reader of a release file is its audience in the release's own ``manifest.json``; of a
build output, the audience the build's documented layout (``gpai-docs build --help``)
names for its file stem. A file nobody here knows how to classify is an error: a new
artifact must not go unchecked.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from tests.canary.planting import MARKER

PROVIDER = "provider"
# How `build --help` names each audience.
_LAYOUT_NAMES = {
    "AI Office": "aio",
    "national competent authorities": "nca",
    "downstream providers": "dp",
    "the public": "public",
    "the provider": PROVIDER,
}
# Files outside any manifest whose readers the documentation names: the manifest (and its
# signature) is what anyone verifies a file against (README, "Verify"), and the crawler
# page and feed are published for rightsholders (README, "Publish the crawler
# information"). The lock and cache files are the tool's own bookkeeping.
MODEL_FOLDER = {
    "crawlers.md": ("crawler page", "public"),
    "crawlers.html": ("crawler page", "public"),
    "crawlers.atom": ("crawler feed", "public"),
    ".release.lock": ("bookkeeping", PROVIDER),
}
UNLISTED_IN_RELEASE = {
    "manifest.json": ("manifest", "public"),
    "manifest.json.sig": ("signature", "public"),
}
BUILD_BOOKKEEPING = {".gpai-docs-build.json", ".gpai-docs-build.lock"}


def may_read(audience: frozenset[str], reader: str) -> bool:
    """Whether a value of a field marked ``audience`` may reach ``reader``: the provider
    reads everything, public values go anywhere, the rest only where the field says."""
    return reader == PROVIDER or reader in audience or "public" in audience


def reader_of(audience: str) -> str:
    """A file's audience as a reader: ``internal`` files are the provider's."""
    return PROVIDER if audience in ("internal", PROVIDER) else audience


@dataclass(frozen=True)
class Checked:
    """One thing a reader gets: a file, an archive member or a command's output."""

    kind: str
    label: str
    reader: str
    found: frozenset[str]  # every marker in everything the reader can extract
    shown: frozenset[str]  # markers in the visible text (pages of a PDF, the file otherwise)


def parse_layout(help_text: str) -> dict[str, str]:
    """File stem -> reader, from the ``Files`` block of ``gpai-docs build --help``."""
    layout: dict[str, str] = {}
    block = help_text.split("Files", 1)[1].split("\n\n", 1)[0]
    for line in block.splitlines()[1:]:
        match = re.match(r"\s+(\S+)\s{2,}(.+)$", line)
        assert match, f"unreadable layout line in build --help: {line!r}"
        names = [code for name, code in _LAYOUT_NAMES.items() if match[2].startswith(name)]
        assert len(names) == 1, f"no audience named in build --help for {line!r}"
        layout[match[1]] = names[0]
    return layout


def _markers(text: str) -> frozenset[str]:
    # PDF text may wrap or hyphenate inside a marker; markers hold no spaces or hyphens.
    return frozenset(MARKER.findall(re.sub(r"[\s\u00ad-]", "", text)) + MARKER.findall(text))


_FONT_FILES = {"/FontFile", "/FontFile2", "/FontFile3"}


def _pdf(raw: bytes) -> tuple[list[str], list[str]]:
    """(every string and decoded stream in the file, the text of its pages)."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    reader = PdfReader(io.BytesIO(raw))
    pages = [page.extract_text() or "" for page in reader.pages]
    strings: list[str] = []
    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [reader.trailer]
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            if (obj.idnum, obj.generation) in seen:
                continue
            seen.add((obj.idnum, obj.generation))
            obj = obj.get_object()
        if isinstance(obj, StreamObject):
            # An image filter pypdf cannot undo holds no text.
            with contextlib.suppress(ValueError, NotImplementedError):
                strings.append(obj.get_data().decode("utf-8", "replace"))
        if isinstance(obj, DictionaryObject):
            # Font programs hold glyph outlines, not text; decoding them is most of the time.
            stack.extend(v for k, v in obj.items() if k not in _FONT_FILES)
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
        elif isinstance(obj, bytes):
            strings.append(obj.decode("utf-8", "replace"))
        elif isinstance(obj, str):
            strings.append(obj)
    for name, contents in reader.attachments.items():
        strings += [name, *(c.decode("utf-8", "replace") for c in contents)]
    return strings, pages


_PDFS: dict[str, tuple[frozenset[str], frozenset[str]]] = {}


_WORD_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
_WORD_PARAGRAPH = re.compile(r"</w:p>")


def _docx(raw: bytes) -> tuple[str, str]:
    """(every member of the Word package as text, the text its pages show: the body,
    headers and footers, paragraph by paragraph)."""
    import html

    everything: list[str] = []
    shown: list[str] = []
    with zipfile.ZipFile(io.BytesIO(raw)) as package:
        for member in package.namelist():
            text = package.read(member).decode("utf-8", "replace")
            everything.append(f"{member}\n{html.unescape(text)}")
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", member):
                for paragraph in _WORD_PARAGRAPH.split(text):
                    shown.append(html.unescape("".join(_WORD_TEXT.findall(paragraph))))
    return "\n".join(everything), "\n".join(shown)


def extract(name: str, raw: bytes) -> tuple[frozenset[str], frozenset[str]]:
    """(markers anywhere in the file, markers in its visible text)."""
    if name.endswith(".docx"):
        everything_text, shown_text = _docx(raw)
        return _markers(f"{name}\n{everything_text}"), _markers(shown_text)
    everything = _markers(f"{name}\n{raw.decode('utf-8', 'replace')}")
    if not name.endswith(".pdf"):
        return everything, everything
    # Builds are reproducible: a release and its archive hold the build's very bytes, and
    # reading a PDF's text is slow, so each distinct PDF is read once.
    digest = hashlib.sha256(raw).hexdigest()
    if digest not in _PDFS:
        strings, pages = _pdf(raw)
        _PDFS[digest] = _markers("\n".join(strings + pages)), _markers("\n".join(pages))
    inside, shown = _PDFS[digest]
    return everything | inside, shown


_KINDS = {
    ".md": "Markdown",
    ".pdf": "PDF",
    ".csv": "CSV",
    ".json": "JSON",
    ".yaml": "YAML",
    ".docx": "DOCX",
}


def _kind(name: str) -> str:
    suffix = PurePosixPath(name).suffix
    assert suffix in _KINDS, f"{name}: no idea what kind of file this is"
    return _KINDS[suffix]


def build_folder(folder: Path, layout: dict[str, str], tag: str) -> list[Checked]:
    """Every file of a build output folder, each with the reader its stem documents."""
    out: list[Checked] = []
    for path in sorted(p for p in folder.rglob("*") if not p.is_dir()):
        name = path.relative_to(folder).as_posix()
        found, shown = extract(name, path.read_bytes())
        if name in BUILD_BOOKKEEPING:
            out.append(Checked("build bookkeeping", f"{tag}/{name}", PROVIDER, found, shown))
            continue
        stem = stem_of(name)
        assert stem in layout, f"{tag}/{name}: a build output the documented layout does not name"
        assert not name.endswith(".csv") or ".domains." in name, f"{tag}/{name}: unknown CSV"
        kind = f"build {'draft ' if '.draft.' in name else ''}{_kind(name)}"
        out.append(Checked(kind, f"{tag}/{name}", layout[stem], found, shown))
    return out


def stem_of(name: str) -> str:
    """The layout stem of an artifact file name (``x.public.domains.csv`` -> ``x.public``)."""
    return re.sub(r"(\.draft)?(\.domains)?\.(md|pdf|csv)$", "", name)


def manifest_audiences(manifest: dict[str, Any]) -> dict[str, str]:
    entries = [*manifest["files"], *manifest["sources"]]
    return {str(e["path"]): str(e["audience"]) for e in entries}


def _release_file(name: str, raw: bytes, audiences: dict[str, str], where: str) -> Checked:
    found, shown = extract(name, raw)
    if name in UNLISTED_IN_RELEASE:
        kind, reader = UNLISTED_IN_RELEASE[name]
        return Checked(f"{where} {kind}", name, reader, found, shown)
    assert name in audiences, f"{name}: in a release but not in its manifest"
    kind = "changelog" if name == "CHANGELOG.md" else _kind(name)
    if name.startswith("sources/"):
        kind = "source"
    return Checked(f"{where} {kind}", name, reader_of(audiences[name]), found, shown)


def release_folder(folder: Path, tag: str) -> list[Checked]:
    """Every file of a release folder, each read by its manifest audience."""
    audiences = manifest_audiences(json.loads((folder / "manifest.json").read_bytes()))
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    listed = set(audiences) | set(UNLISTED_IN_RELEASE)
    assert set(files) <= listed, f"{tag}: files outside the manifest: {set(files) - listed}"
    assert set(audiences) <= set(files), f"{tag}: listed, not there: {set(audiences) - set(files)}"
    out = []
    for name in files:
        checked = _release_file(name, (folder / name).read_bytes(), audiences, "release")
        out.append(
            Checked(checked.kind, f"{tag}/{name}", checked.reader, checked.found, checked.shown)
        )
    return out


def archive(path: Path, tag: str) -> list[Checked]:
    """Every member of a release archive, each read by the audience the archive's own
    manifest gives it."""
    with tarfile.open(path, "r:gz") as tar:
        members = {m.name: m for m in tar.getmembers()}
        files = {name: tar.extractfile(m) for name, m in members.items() if m.isfile()}
        contents = {name: handle.read() for name, handle in files.items() if handle is not None}
    prefix = path.name.removesuffix(".tar.gz")
    assert all(n == prefix or n.startswith(f"{prefix}/") for n in members), f"{tag}: stray member"
    inner = {name.removeprefix(f"{prefix}/"): raw for name, raw in contents.items()}
    audiences = manifest_audiences(json.loads(inner["manifest.json"]))
    listed = set(audiences) | set(UNLISTED_IN_RELEASE)
    assert set(inner) <= listed, f"{tag}: members outside the manifest: {set(inner) - listed}"
    out = []
    for name, raw in sorted(inner.items()):
        checked = _release_file(name, raw, audiences, "archive")
        out.append(
            Checked(checked.kind, f"{tag}!{name}", checked.reader, checked.found, checked.shown)
        )
    return out


def output_tree(root: Path, layout: dict[str, str]) -> list[Checked]:
    """Everything under a release output folder (``release --out``): model folders with
    their releases, archives, crawler page and feed. Unknown files fail."""
    out: list[Checked] = []
    for model in sorted(root.iterdir()):
        assert model.is_dir(), f"{model}: a file beside the model folders"
        for path in sorted(model.iterdir()):
            tag = f"{model.name}/{path.name}"
            if path.is_dir():
                assert not path.name.startswith("."), f"{tag}: a leftover staging folder"
                assert (path / "manifest.json").is_file(), f"{tag}: a folder that is no release"
                out += release_folder(path, tag)
            elif path.name.endswith(".tar.gz"):
                out += archive(path, tag)
            else:
                assert path.name in MODEL_FOLDER, f"{tag}: an output nobody classifies"
                kind, reader = MODEL_FOLDER[path.name]
                found, shown = extract(path.name, path.read_bytes())
                out.append(Checked(kind, tag, reader, found, shown))
    return out
