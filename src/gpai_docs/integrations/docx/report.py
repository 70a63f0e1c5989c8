"""The text an import reports: the changes as `gpai-docs diff` lists them, then what Word
held that was not imported (tracked changes, comments, rows no question matches), the
findings on imported fields, and the errors that stopped the import."""

from __future__ import annotations

from gpai_docs.bundle.diff import render_text
from gpai_docs.escaping import text_line
from gpai_docs.integrations.docx.importing import DocxImport


def report_text(result: DocxImport, *, dry_run: bool = False) -> str:
    """The whole report, one line per item (no line is left to a value's line breaks)."""
    lines: list[str] = []
    if result.errors:
        lines.append(f"{text_line(result.source)}: nothing was imported:")
        lines += [f"  error: {text_line(e)}" for e in result.errors]
    else:
        lines.append(render_text(result.diff))
    lines += [f"note: {text_line(n)}" for n in result.notes]
    lines += [f"not imported: {text_line(u)}" for u in result.unmapped]
    lines += [f"finding: {text_line(f)}" for f in result.findings]
    if dry_run and not result.errors and result.diff.changes:
        lines.append(f"dry run: {text_line(str(result.target))} was not written")
    lines += [f"wrote {text_line(str(p))}" for p in result.written]
    return "\n".join(lines)
