"""The layout's tables with a header row: the 2.3 list of top domains, the 1.3 modalities.

The domain list is read as ranked domains (the two rank columns merged, by rank): the
YAML's inline ``top_domains.domains`` takes the edited list; a list that comes from a
statistics file is not edited in Word but regenerated (``gpai-docs domains``), so nothing
is imported from it. Other layout tables import nothing and say so when they changed.
"""

from __future__ import annotations

from typing import Any

from gpai_docs.integrations.docx.apply import get_in
from gpai_docs.integrations.docx.located import LocatedTable
from gpai_docs.integrations.docx.mapping import Mapped
from gpai_docs.integrations.docx.questions import LayoutTable
from gpai_docs.integrations.docx.text import cell_paragraphs, fold, fold_cell

DOMAINS = ("section_2", "crawled_data", "top_domains")
DOMAIN_COLUMNS = ("Rank", "Domain", "Rank", "Domain")


def _rows_of(layout: LayoutTable) -> set[tuple[str, ...]]:
    return {
        tuple(fold_cell(cell_paragraphs(cell)) for cell in cells)
        for block in layout.blocks
        for cells in block.cells
    }


def _ranked(table: LocatedTable) -> list[str]:
    pairs: list[tuple[float, int, str]] = []
    for located in table.rows[1:]:
        cells = [fold_cell(c) for c in located.cells]
        for at in range(0, len(cells) - 1, 2):
            rank, domain = cells[at], cells[at + 1]
            if domain and domain != "—":
                order = float(rank) if rank.replace(".", "", 1).isdigit() else float("inf")
                pairs.append((order, len(pairs), domain))
    return [domain for _, _, domain in sorted(pairs)]


def _shown(layout: LayoutTable) -> list[str]:
    block = layout.blocks[0]
    pairs = []
    for cells in block.cells:
        texts = [fold_cell(cell_paragraphs(c)) for c in cells]
        for at in range(0, len(texts) - 1, 2):
            if texts[at]:
                pairs.append((int(texts[at]), texts[at + 1]))
    return [domain for _, domain in sorted(pairs)]


def read_table(table: LocatedTable, layout: LayoutTable, data: dict[str, Any], out: Mapped) -> None:
    """A layout table's edits into ``out`` (or the reason none is imported)."""
    body = [tuple(fold_cell(c) for c in located.cells) for located in table.rows[1:]]
    if all(row in _rows_of(layout) for row in body):
        out.unchanged += len(body)
        return
    place = f"Table {table.number}" + (f" (section {table.section})" if table.section else "")
    if layout.columns != DOMAIN_COLUMNS:
        out.unmapped.append(
            f"{place}: changes to the {layout.columns[0].lower()} table are not imported; "
            "edit the project's YAML for them"
        )
        return
    new = _ranked(table)
    if new == _shown(layout):
        out.unchanged += len(body)
        return
    top = get_in(data, DOMAINS)
    held = top.get("domains") if isinstance(top, dict) else None
    if isinstance(top, dict) and top.get("source"):
        out.unmapped.append(
            f"{place}: the domains come from the statistics file {fold(str(top['source']))}; "
            "regenerate it with `gpai-docs domains` instead; nothing was imported from "
            "this table"
        )
        return
    rest = held[len(_shown(layout)) :] if isinstance(held, list) else []
    out.edits.append(((*DOMAINS, "domains"), [*new, *rest]))
    out.places[(*DOMAINS, "domains")] = f"{place}, the list of domains"
