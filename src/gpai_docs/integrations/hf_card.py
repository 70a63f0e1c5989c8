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
    if codes := languages(tds):
        out["language"] = codes
    out["tags"] = [TAG]
    return out


# "40 languages", "the 24 official EU languages": the text counts more than it names.
_COUNTED = re.compile(r"\b(\d+)\s+(?:[^\W\d]+\s+){0,3}?languages\b", re.IGNORECASE)


def languages(tds: Record | None) -> list[str]:
    """The summary's languages as ISO 639-1 codes: its ``languages`` list; without one,
    the languages its free text names, unless the text counts more languages than it
    names (a card listing 5 of 40 languages would misinform)."""
    codes = get(tds, "section_1", "languages")
    if isinstance(codes, list):
        return list(dict.fromkeys(str(c) for c in codes))
    text = get(tds, "section_1", "linguistic")
    if not isinstance(text, str):
        return []
    named = hub.language_codes(text)
    counted = max((int(m.group(1)) for m in _COUNTED.finditer(text)), default=0)
    return named if counted <= len(named) else []


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


SUMMARY_LABEL = "Public summary of training content"
COPYRIGHT_LABEL = "Copyright policy summary"


def dp_section(md: Record, *, links: dict[str, str]) -> str:
    """gpai-docs' section of the card, markers included.

    ``links`` maps a label to its line; a summary that is not published gets no line
    (a public card never says "not published yet").
    """
    name = get(md, "general", "model_name", "name") or "this model"
    lines = [
        START,
        "## EU AI Act: information for downstream providers",
        "",
        f"The items of the model documentation of {card_text(name)} meant for downstream "
        "providers (AI Act Art 53(1)(b) and Annex XII; GPAI Code of Practice, Transparency "
        "chapter). Generated by gpai-docs; edit the documentation, not this section.",
        "",
        *(links[label] for label in (SUMMARY_LABEL, COPYRIGHT_LABEL) if label in links),
        *([""] if links else []),
        *(row_label(line) for line in record_markdown(md, level=3)),
        END,
    ]
    return "\n".join(lines).rstrip() + "\n"


def link_line(label: str, target: str) -> str:
    """The section's line linking one published summary."""
    return f"- **{label}:** {_link(target)}"


def card_links(body: str) -> dict[str, str]:
    """The link lines of the section the card already has, by label, as written."""
    start, end = body.find(START), body.find(END)
    if start == -1 or end < start:
        return {}
    out: dict[str, str] = {}
    for line in body[start:end].splitlines():
        for label in (SUMMARY_LABEL, COPYRIGHT_LABEL):
            prefix = f"- **{label}:** "
            if line.startswith(prefix) and line != prefix + "not published yet":
                out[label] = line
    return out


def _link(target: str) -> str:
    """A link to a published summary: a web address or a relative path, never a script.

    The target is the user's (an option or the summary's link field): its text is
    Markdown-escaped and the target percent-encoded, so neither can end the link.
    """
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
    section = dp_section(dp, links=_links(card, public, summary_link, copyright_link))
    title = card_text(get(dp, "general", "model_name", "name") or "Model card")
    body = replace_section(card.body, section, title)
    return render_card(Card(card.metadata, body, card.front), metadata)


def _links(
    card: Card, public: Record | None, summary_link: str | None, copyright_link: str | None
) -> dict[str, str]:
    """Each summary's line: the option's link, else the summary document's own (its
    canonical address; section 3's copyright policy link), else the card's line as it
    stands. A summary none of them links gets no line."""
    given = {
        SUMMARY_LABEL: summary_link or get(public, "header", "canonical_url"),
        COPYRIGHT_LABEL: copyright_link
        or get(public, "section_3", "rights_reservation", "copyright_policy_link"),
    }
    links = card_links(card.body)
    for label, target in given.items():
        if isinstance(target, str) and target.strip():
            links[label] = link_line(label, target)
    return links


def unlinked(text: str) -> list[str]:
    """The labels of the summaries the card's section does not link."""
    links = card_links(parse_card(text).body)
    return [label for label in (SUMMARY_LABEL, COPYRIGHT_LABEL) if label not in links]
