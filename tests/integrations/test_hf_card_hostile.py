"""`gpai-docs export hf-card` on hostile cards and documents.

The user's front matter is kept as written (YAML 1.1 readers such as the Hub's and YAML
1.2 readers such as gpai-docs read it differently, so it must not be re-emitted), odd
shapes and encodings are clear errors, and no document value breaks out into the card.
Every expected text is written out by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from click.testing import Result
from huggingface_hub import metadata_load
from markdown_it import MarkdownIt

from gpai_docs.errors import UserError
from gpai_docs.integrations.export_project import documents_for_export
from gpai_docs.integrations.hf_card import END, START, export_card
from tests.conftest import SAMPLES
from tests.integrations._projects import edited_copy

Run = Callable[..., Result]
MINIMAL = SAMPLES / "minimal"

# What the minimal sample adds to a card, in gpai-docs' order.
OURS = (
    "model_name: Lumen-Base-2\n"
    "license_link: https://lumen-ai.example/terms\n"
    "license_name: lumen-base-2-license\n"
    "pipeline_tag: text-generation\n"
    "datasets:\n"
    "- HuggingFaceFW/fineweb\n"
    "language:\n"
    "- en\n"
    "- nl\n"
)


def _export(project: Path, existing: str | None, summary_link: str | None = None) -> str:
    md, tds = documents_for_export(project)
    return export_card(md, tds, existing=existing, summary_link=summary_link, copyright_link=None)


def _front(card: str) -> str:
    assert card.startswith("---\n")
    return card[4 : card.index("\n---\n") + 1]


# --- the user's front matter is kept as written ----------------------------------------------

USER = (
    "# Our metadata, by hand\n"
    "library_name: transformers   # keep me\n"
    "enabled: no\n"
    "build: 010\n"
    "mode: off\n"
    "steps: 1_000\n"
    "perm: 0o7\n"
    "nothing: ~\n"
    "\"quoted\": 'single'\n"
    "license: mit  # was MIT\n"
    "tags:\n"
    "- llm   # search tag\n"
    "- no\n"
    "extra:\n"
    "  nested: {a: 1}\n"
)


def test_the_users_front_matter_is_kept_byte_for_byte_and_only_owned_keys_change() -> None:
    card = _export(MINIMAL, f"---\n{USER}---\n# Lumen\n")
    assert _front(card) == (
        "# Our metadata, by hand\n"
        "library_name: transformers   # keep me\n"
        "enabled: no\n"
        "build: 010\n"
        "mode: off\n"
        "steps: 1_000\n"
        "perm: 0o7\n"
        "nothing: ~\n"
        "\"quoted\": 'single'\n"
        "license: other  # was MIT\n"  # owned: the documentation's licence wins
        "tags:\n"
        "- llm   # search tag\n"
        "- no\n"
        "- eu-ai-act\n"  # appended after the user's entries, their comments kept
        "extra:\n"
        "  nested: {a: 1}\n" + OURS
    )


def test_the_hub_still_reads_the_users_keys_as_before(tmp_path: Path) -> None:
    before, after = tmp_path / "before.md", tmp_path / "after.md"
    before.write_text(f"---\n{USER}---\n# Lumen\n", encoding="utf-8")
    after.write_text(_export(MINIMAL, before.read_text(encoding="utf-8")), encoding="utf-8")
    old, new = metadata_load(before), metadata_load(after)  # PyYAML, YAML 1.1
    assert old is not None and new is not None
    for key in ("library_name", "enabled", "build", "mode", "steps", "perm", "nothing", "extra"):
        assert new[key] == old[key], key
    assert (new["enabled"], new["build"], new["steps"]) == (False, 8, 1000)  # the Hub's reading
    assert new["tags"] == ["llm", False, "eu-ai-act"]


def test_a_second_export_changes_nothing() -> None:
    once = _export(MINIMAL, f"---\n{USER}---\n# Lumen\n")
    assert _export(MINIMAL, once) == once


def test_windows_line_endings_are_kept_and_used_for_new_keys() -> None:
    card = _export(MINIMAL, "---\r\nlibrary_name: x  # c\r\nlicense: mit\r\n---\r\n# Lumen\r\n")
    front = card[: card.index("---\r\n\n")]
    assert front == (
        "---\r\nlibrary_name: x  # c\r\nlicense: other\r\n"
        + OURS.replace("\n", "\r\n")
        + "tags:\r\n- eu-ai-act\r\n"
    )


def test_a_flow_list_is_rewritten_by_the_emitter_with_quotes_for_both_yaml_versions() -> None:
    card = _export(MINIMAL, "---\nlanguage: [no, en]  # Norwegian first\nsteps: 1_000\n---\n")
    # `no` is Norwegian to YAML 1.2 and false to YAML 1.1: written quoted, it is text to both.
    # the comment on the list's one line stays on its last line
    assert _front(card).startswith(
        "language:\n- 'no'\n- en\n- nl  # Norwegian first\nsteps: 1_000\n"
    )
    assert yaml.safe_load(_front(card))["language"] == ["no", "en", "nl"]


def test_a_stale_licence_link_goes_with_its_comment() -> None:
    project = MINIMAL
    existing = "---\nlicense: other\nlicense_link: https://old.example/x  # old\nkeep: 1\n---\n"
    card = _export(project, existing)
    # the minimal sample's own licence is "other" with a link: the link is replaced in place
    assert _front(card).startswith(
        "license: other\nlicense_link: https://lumen-ai.example/terms  # old\nkeep: 1\n"
    )


def test_a_known_licence_removes_the_users_licence_link_and_name(tmp_path: Path) -> None:
    project = edited_copy(
        tmp_path / "p",
        {
            "model-documentation.yaml": [
                (
                    "license_link: https://lumen-ai.example/terms",
                    "license_link: https://www.apache.org/licenses/LICENSE-2.0",
                )
            ]
        },
    )
    existing = (
        "---\nlicense: other\nlicense_name: ours  # ours\nlicense_link: https://x.example\n"
        "keep: 1\n---\n"
    )
    assert _front(_export(project, existing)).startswith("license: apache-2.0\nkeep: 1\n")


# --- shapes gpai-docs cannot update: exit 2, the card untouched -------------------------------


@pytest.mark.parametrize(
    ("front", "says"),
    [
        ("{license: mit, tags: [a]}\n", "one flow mapping"),
        ("  license: mit\n  tags: [a]\n", "indented"),
        ("tags: [[x]]\n", "`tags` holds lists or mappings"),
        ("language: {a: b}\n", "`language` holds lists or mappings"),
        ("datasets:\n- {a: 1}\n", "`datasets` holds lists or mappings"),
        (
            "license: mit\nlicense: apache-2.0\n",
            "line 3, column 1: The key 'license' is written twice",
        ),
        ("tags: !!binary aGk=\n", "line 2, column 7: The YAML tag `!!binary`"),
        ("- a\n- list\n", "not one mapping"),
        ("a scalar\n", "not one mapping"),
        ("tags: &t [llm]\nmine: *t\n", "without changing keys gpai-docs does not own"),
        ("tags: &t\n- llm\nmine: *t\n", "without changing keys gpai-docs does not own"),
        ("base: &b [x]\ntags: *b\n", "`tags` is a YAML alias"),
        ("base: &b mit\nlicense: *b\n", "`license` is a YAML alias"),
        ("key: [unclosed\n", "YAML syntax error"),
    ],
)
def test_front_matter_it_cannot_update_is_a_clear_error(
    front: str, says: str, tmp_path: Path, run_cli: Run
) -> None:
    out = tmp_path / "README.md"
    out.write_text(f"---\n{front}---\n# Card\n", encoding="utf-8")
    result = run_cli("export", "hf-card", MINIMAL, "--out", out)
    assert result.exit_code == 2
    assert says in result.output
    assert "hint:" in result.output
    assert out.read_text(encoding="utf-8") == f"---\n{front}---\n# Card\n"


def test_anchors_and_aliases_among_the_users_own_keys_are_kept() -> None:
    card = _export(MINIMAL, "---\nbase: &b {a: 1}\nmine: *b\n---\n")
    assert _front(card).startswith("base: &b {a: 1}\nmine: *b\nmodel_name: Lumen-Base-2\n")


def test_a_licence_given_as_a_list_is_owned_and_replaced() -> None:
    card = _export(MINIMAL, "---\nlicense: [1, 2]\nkeep: yes\n---\n")
    assert _front(card).startswith("license: other\nkeep: yes\n")


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"---\nname: caf\xe9\n---\n", "not valid UTF-8 (byte 0xe9) (line 2, column 10)"),
        ("---\nlicense: mit\n---\n".encode("utf-16"), "UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"---\nlicense: mit\n# never closed\n", "never closes"),
    ],
)
def test_an_unreadable_card_is_a_clear_error(
    raw: bytes, says: str, tmp_path: Path, run_cli: Run
) -> None:
    out = tmp_path / "README.md"
    out.write_bytes(raw)
    result = run_cli("export", "hf-card", MINIMAL, "--out", out)
    assert result.exit_code == 2
    assert says in result.output
    assert out.read_bytes() == raw


# --- document values stay inside the card's text -------------------------------------------


def _rendered(card: str) -> tuple[list[str], list[str], str]:
    """The body's Markdown token types, link targets and HTML, as CommonMark renders it."""
    body = card.split("\n---\n", 1)[1]
    md = MarkdownIt("commonmark")
    types, hrefs = [], []
    for token in md.parse(body):
        for item in [token, *(token.children or [])]:
            types.append(item.type)
            if item.type == "link_open":
                hrefs.append(str(item.attrs["href"]))
    return types, hrefs, md.render(body)


def _safe(card: str) -> None:
    types, hrefs, html = _rendered(card)
    body = card.split("\n---\n", 1)[1]
    assert body.count(END) == 1 and body.count(START) == 1
    assert "image" not in types
    assert "html_inline" not in types
    assert types.count("html_block") == 2  # gpai-docs' two markers, nothing else
    assert all(urlsplit(h).scheme in ("", "http", "https") for h in hrefs), hrefs
    assert all(urlsplit(h).hostname != "evil.example" for h in hrefs), hrefs
    assert "Forged</h" not in html


@pytest.mark.parametrize(
    "link",
    [
        "https://x.example/a)\n\n# Forged heading\n\n![x](http://evil.example/p.png)",
        "https://x.example/a> ![x](http://evil.example/p.png)",
        "tds.md)](javascript:alert(1)",
        "javascript:alert(1)",
        "<!-- gpai-docs:end -->\n# Forged",
    ],
)
def test_a_summary_link_cannot_break_out(link: str) -> None:
    _safe(_export(MINIMAL, None, summary_link=link))


def test_a_forged_heading_in_a_summary_link_stays_on_the_links_line() -> None:
    card = _export(MINIMAL, None, summary_link="https://x.example/a\n\n# Forged")
    (line,) = [x for x in card.split("\n") if x.startswith("- **Public summary")]
    assert line == (
        "- **Public summary of training content:** "
        "https://x.example/a # Forged"  # with blanks it is no link: shown as text
    )


def test_a_script_link_is_shown_as_text_not_linked() -> None:
    card = _export(MINIMAL, None, summary_link="javascript:alert(1)")
    (line,) = [x for x in card.split("\n") if x.startswith("- **Public summary")]
    assert line == "- **Public summary of training content:** javascript:alert(1)"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    name: Lumen-Base-2", '    name: "Lumen ![x](http://evil.example/p.png)"'),
        ("    name: Lumen-Base-2", '    name: "Lumen\\n\\n# Forged\\n<!-- gpai-docs:end -->"'),
        (
            "  license_link: https://lumen-ai.example/terms",
            '  license_link: "https://lumen-ai.example/t)![x](http://evil.example/p.png)"',
        ),
        (
            "  license_link: https://lumen-ai.example/terms",
            '  license_link: "[click](javascript:alert(1))"',
        ),
        (
            "  intended_uses: Drafting and summarising business text in English and Dutch.",
            '  intended_uses: "**bold** `code` <b>x</b> [a](http://evil.example) | cell"',
        ),
    ],
)
def test_document_values_cannot_break_out(old: str, new: str, tmp_path: Path) -> None:
    project = edited_copy(tmp_path / "p", {"model-documentation.yaml": [(old, new)]})
    card = _export(project, None)
    _safe(card)


def test_markdown_in_an_answer_is_escaped_by_the_projects_escaper(tmp_path: Path) -> None:
    old = "  intended_uses: Drafting and summarising business text in English and Dutch."
    new = '  intended_uses: "**bold** `code` <b>x</b> [a](http://evil.example) | cell"'
    project = edited_copy(tmp_path / "p", {"model-documentation.yaml": [(old, new)]})
    card = _export(project, None)
    assert (
        "\\*\\*bold\\*\\* \\`code\\` \\<b\\>x\\</b\\> \\[a\\](http://evil.example) \\| cell" in card
    )


def test_values_gpai_docs_writes_are_text_to_both_yaml_versions(tmp_path: Path) -> None:
    project = edited_copy(
        tmp_path / "p",
        {
            "training-data-summary.yaml": [
                ("linguistic: English (81 %) and Dutch (19 %).", "linguistic: Norwegian, English.")
            ]
        },
    )
    card = _export(project, None)
    assert "\nlanguage:\n- 'no'\n- en\n" in _front(card)
    readme = tmp_path / "README.md"
    readme.write_text(card, encoding="utf-8")
    assert (metadata_load(readme) or {})["language"] == ["no", "en"]  # not [False, "en"]


# --- size: the round-trip edit stays fast ---------------------------------------------------


def _card_with_front_matter_of(size: int) -> str:
    """A card whose front matter (the text between the `---` lines) is ``size`` bytes."""
    count = size // 101 - 1
    lines = [f"note_{i:06d}: " + "x" * 87 + "\n" for i in range(count)]  # 101 bytes each
    last = size - 101 * count  # 101 to 201 bytes: one more `key: value` line
    lines.append("last_note: " + "y" * (last - len("last_note: ") - 1) + "\n")
    return "---\n" + "".join(lines) + "---\n# Card\n"


def test_front_matter_at_the_limit_is_edited() -> None:
    card = _card_with_front_matter_of(256 * 1024)
    assert len(_front(card).encode()) == 256 * 1024
    out = _export(MINIMAL, card)
    assert _front(out).startswith("note_000000: ")
    assert "model_name: Lumen-Base-2\n" in _front(out)


def test_front_matter_one_byte_past_the_limit_is_refused_with_a_clear_error() -> None:
    card = _card_with_front_matter_of(256 * 1024 + 1)
    with pytest.raises(UserError) as refused:
        _export(MINIMAL, card)
    assert refused.value.message == (
        "The card's front matter is 262,145 bytes; gpai-docs edits front matter of up to "
        "262,144 bytes."
    )
    assert refused.value.hint is not None and "body" in refused.value.hint
