"""Hugging Face model cards: front matter, gpai-docs' own marked section, and the export.

A card is a README.md whose YAML front matter (between ``---`` lines) holds the Hub's
metadata. gpai-docs owns only the text between its two HTML comment markers and the
metadata keys it can derive; everything else in the card is the user's and is kept.
Everything written comes from the downstream-provider projection of the model
documentation and the public projection of the training-content summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from gpai_docs.errors import UserError
from gpai_docs.escaping import link_target, md_inline, safe_href
from gpai_docs.integrations import hub_vocabulary as hub
from gpai_docs.integrations.front_matter import (
    FrontMatter,
    read_front_matter,
    split_card,
    updated_text,
)
from gpai_docs.integrations.markdown_items import card_text, record_markdown
from gpai_docs.models import ModelDocumentation, TrainingDataSummary
from gpai_docs.render.audience import Record, project
from gpai_docs.render.environment import row_label  # no "(DP row)" in a published card

START = "<!-- gpai-docs:start -->"
END = "<!-- gpai-docs:end -->"
TAG = "eu-ai-act"


@dataclass(frozen=True)
class Card:
    """A model card split into its metadata and its Markdown body."""

    metadata: dict[str, Any]
    body: str
    front: FrontMatter | None = None  # as written, to be updated key by key


def parse_card(text: str) -> Card:
    """Split a README.md into front matter (read with YAML 1.2) and body.

    A card without front matter is all body. Front matter that is not a mapping, does
    not close, repeats a key or uses YAML tags is a UserError.
    """
    front, body = split_card(text)
    if front is None:
        return Card({}, text)
    return Card(read_front_matter(front), body, front)


def render_card(card: Card, metadata: dict[str, Any]) -> str:
    """The card with its front matter holding ``metadata``: the user's text is kept and
    only keys whose value changes are rewritten, through the round-trip tree."""
    front = card.front or FrontMatter("---", "", "---", 2)
    head = updated_text(front, card.metadata, metadata)
    body = card.body if card.body.startswith("\n") else "\n" + card.body
    return f"{front.opening}\n{head}{front.closing}\n{body}"


def get(record: Record | None, *path: str) -> Any:
    """The value at ``path`` in a projection, or None where the audience may not see it."""
    value: Any = record
    for key in path:
        if not isinstance(value, Record) or key not in value:
            return None
        value = value[key]
    return value


def card_metadata(md: Record, tds: Record | None) -> dict[str, Any]:
    """The Hub metadata the projections support; keys without a value are left out."""
    out: dict[str, Any] = {}
    name = get(md, "general", "model_name", "name")
    if isinstance(name, str):
        out["model_name"] = name
    link = get(md, "distribution", "license_link")
    if isinstance(link, str):
        known = hub.hub_license(link)
        out.update({"license": known} if known else {"license": "other", "license_link": link})
        if not known:
            out["license_name"] = re.sub(r"[^a-z0-9]+", "-", f"{name or 'model'} license".lower())
    dependencies = get(md, "general", "model_dependencies")
    if isinstance(dependencies, list):
        ids = [i for d in dependencies if (i := _base_model_id(d))]
        if ids:
            out["base_model"] = ids[0] if len(ids) == 1 else ids
    inputs, outputs = (
        modalities(get(md, "properties", key)) for key in ("input_modalities", "output_modalities")
    )
    if (tag := hub.pipeline_tag(inputs, outputs)) is not None:
        out["pipeline_tag"] = tag
    datasets = get(tds, "section_2", "public_datasets", "large_datasets")
    if isinstance(datasets, list):
        ids = [i for d in datasets if (i := hub.dataset_id(str(get(d, "link") or "")))]
        if ids:
            out["datasets"] = ids
    languages = get(tds, "section_1", "linguistic")
    if isinstance(languages, str) and (codes := hub.language_codes(languages)):
        out["language"] = codes
    out["tags"] = [TAG]
    return out


def _base_model_id(dependency: Any) -> str | None:
    """A dependency's Hub id: its name when it is one, else its documentation link's."""
    return hub.repo_id(str(get(dependency, "name") or "")) or hub.model_id(
        str(get(dependency, "documentation_url") or "")
    )


def modalities(value: Any) -> set[str]:
    """The modality names of a projected modality list (empty when not given)."""
    return {str(get(m, "modality")) for m in value} if isinstance(value, list) else set()


_LISTS = ("datasets", "language", "tags")
_LICENSE_KEYS = ("license", "license_name", "license_link")


def _entries(key: str, value: Any) -> list[Any]:
    """A list key's entries as the user wrote them: a lone value is a list of one."""
    entries = value if isinstance(value, list) else [] if value is None else [value]
    if not all(isinstance(v, str | int | float | bool) for v in entries):
        raise UserError(
            f"The card's `{key}` holds lists or mappings; the Hub expects text entries, "
            "and gpai-docs adds its own to them.",
            hint=f"Write `{key}` as a list of text entries (`- entry` lines).",
        )
    return entries


def merge_metadata(user: dict[str, Any], ours: dict[str, Any]) -> dict[str, Any]:
    """The user's keys, with ours replacing theirs; lists are merged, order kept.

    The licence keys move together: a stale ``license_link`` beside a new licence id
    would contradict it.
    """
    merged = dict(user)
    if "license" in ours:
        for key in _LICENSE_KEYS:
            if key not in ours:
                merged.pop(key, None)
    for key, value in ours.items():
        if key in _LISTS:
            # typed keys: `1` and `true` are equal in Python, not in the card
            entries = {(type(v), v): v for v in [*_entries(key, merged.get(key)), *value]}
            merged[key] = list(entries.values())
        else:
            merged[key] = value
    return merged


def dp_section(md: Record, *, summary_link: str | None, copyright_link: str | None) -> str:
    """gpai-docs' section of the card, markers included."""
    name = get(md, "general", "model_name", "name") or "this model"
    lines = [
        START,
        "## EU AI Act: information for downstream providers",
        "",
        f"The items of the model documentation of {card_text(name)} meant for downstream "
        "providers (AI Act Art 53(1)(b) and Annex XII; GPAI Code of Practice, Transparency "
        "chapter). Generated by gpai-docs; edit the documentation, not this section.",
        "",
        f"- **Public summary of training content:** {_link(summary_link)}",
        f"- **Copyright policy summary:** {_link(copyright_link)}",
        "",
        *(row_label(line) for line in record_markdown(md, level=3)),
        END,
    ]
    return "\n".join(lines).rstrip() + "\n"


def _link(target: str | None) -> str:
    """A link to a published summary: a web address or a relative path, never a script.

    The target is the user's (an option or the summary's link field): its text is
    Markdown-escaped and the target percent-encoded, so neither can end the link.
    """
    if target is None:
        return "not published yet"
    text = " ".join(target.split())
    if urlsplit(text).scheme and safe_href(text) is None:  # javascript:, data:, file:
        return md_inline(text)
    return f"[{md_inline(text)}](<{link_target(text)}>)"


def replace_section(body: str, section: str, title: str) -> str:
    """The body with gpai-docs' section replaced, or appended when it has none yet."""
    start, end = body.find(START), body.find(END)
    if start != -1 and end > start:
        return body[:start] + section.rstrip("\n") + body[end + len(END) :]
    if start != -1 or end != -1:
        raise UserError(
            "The card has only one of the gpai-docs markers.",
            hint=f"Restore both `{START}` and `{END}`, or remove the one left.",
        )
    if not body.strip():
        return f"\n# {title}\n\n{section}"
    return body.rstrip("\n") + "\n\n" + section


def export_card(
    md: ModelDocumentation,
    tds: TrainingDataSummary | None,
    *,
    existing: str | None,
    summary_link: str | None,
    copyright_link: str | None,
) -> str:
    """The README.md text: ``existing`` (if any) with metadata and section brought up to date."""
    dp = project(md, "dp")
    public = project(tds, "public") if tds is not None else None
    card = parse_card(existing or "")
    metadata = merge_metadata(card.metadata, card_metadata(dp, public))
    section = dp_section(dp, summary_link=summary_link, copyright_link=copyright_link)
    title = card_text(get(dp, "general", "model_name", "name") or "Model card")
    body = replace_section(card.body, section, title)
    return render_card(Card(card.metadata, body, card.front), metadata)
