"""The package around the body: relationships, core properties, comments, what is ignored.

Relationships are only read, never followed outside the ZIP: a ``TargetMode="External"``
target (a linked image, an attached template on a server, a linked subdocument or OLE
object, a hyperlink) is counted for the report and otherwise left alone.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from gpai_docs.integrations.docx.package import Package
from gpai_docs.integrations.docx.safexml import parse_part

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CORE = {
    "title": "{http://purl.org/dc/elements/1.1/}title",
    "author": "{http://purl.org/dc/elements/1.1/}creator",
    "subject": "{http://purl.org/dc/elements/1.1/}subject",
    "version": "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}version",
}
# External relationship types, by the last segment of their Type, as the report names them.
EXTERNAL = {
    "image": "linked image{s} not fetched",
    "attachedTemplate": "link{s} to an attached template not followed",
    "subDocument": "linked subdocument{s} not opened",
    "aFChunk": "linked imported document{s} (altChunk) not opened",
    "oleObject": "linked OLE object{s} not opened",
}


@dataclass(frozen=True, slots=True)
class Rel:
    type: str
    """The last segment of the relationship type ("styles", "image", "officeDocument")."""
    target: str
    """The part name inside the package, or the target as written when external."""
    external: bool


def rels_part(source: str) -> str:
    folder, name = posixpath.split(source)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def relationships(package: Package, source: str) -> list[Rel]:
    """The relationships of part ``source`` ("" for the package itself)."""
    part = rels_part(source) if source else "_rels/.rels"
    data = package.read(part)
    if data is None:
        return []
    root = parse_part(data, part=part, file=package.file, limits=package.limits)
    found: list[Rel] = []
    for element in root.iter(f"{{{REL_NS}}}Relationship"):
        kind = element.get("Type", "").rpartition("/")[2]
        target = element.get("Target", "")
        external = element.get("TargetMode", "").lower() == "external"
        if not external:
            base = "" if target.startswith("/") else posixpath.dirname(source)
            target = posixpath.normpath(posixpath.join(base, target.lstrip("/")))
            if target.startswith("../") or target in ("..", "."):
                continue  # points out of the package: nothing is ever read there
        found.append(Rel(kind, target, external))
    return found


def read_xml(package: Package, part: str | None) -> Element | None:
    if part is None:
        return None
    data = package.read(part)
    if data is None:
        return None
    return parse_part(data, part=part, file=package.file, limits=package.limits)


def core_properties(root: Element | None) -> dict[str, str | None]:
    found: dict[str, str | None] = dict.fromkeys(CORE)
    if root is None:
        return found
    for key, tag in CORE.items():
        element = root.find(tag)
        text = (element.text or "").strip() if element is not None else ""
        found[key] = text or None
    return found


def counted(count: int, sentence: str) -> str:
    """ "2 embedded objects ignored" from (2, "embedded object{s} ignored")."""
    one = count == 1
    return f"{count} " + sentence.replace("{s}", "" if one else "s").replace(
        "{es}", "" if one else "es"
    )


def package_ignored(package: Package, rels: list[Rel], objects: int) -> list[str]:
    """Sentences for macros, embedded files, ActiveX controls and external links."""
    found: list[str] = []
    names = [name.lower() for name in package.names()]
    if any(name.endswith("vbaproject.bin") for name in names):
        found.append("a macro project (vbaProject.bin) ignored")
    embedded = sum(1 for name in names if "/embeddings/" in name and not name.endswith("/"))
    if embedded and not objects:
        found.append(counted(embedded, "embedded file{s} (word/embeddings) ignored"))
    activex = sum(1 for name in names if "/activex/" in name and name.endswith(".xml"))
    if activex:
        found.append(counted(activex, "ActiveX control{s} ignored"))
    chunks = sum(1 for rel in rels if not rel.external and rel.type == "aFChunk")
    if chunks:
        found.append(counted(chunks, "imported document{s} (altChunk) ignored"))
    for kind, sentence in EXTERNAL.items():
        count = sum(1 for rel in rels if rel.external and rel.type == kind)
        if count:
            found.append(counted(count, sentence))
    other = sum(1 for rel in rels if rel.external and rel.type not in {*EXTERNAL, "hyperlink"})
    if other:
        found.append(counted(other, "other external link{s} not followed"))
    return found
