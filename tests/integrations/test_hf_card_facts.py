"""What a public card says about languages and links comes from the documents.

The summary's ``section_1.languages`` (ISO 639-1 codes, beside the free-text
``linguistic`` answer) gives the card's ``language``; the summary's canonical address and
copyright policy link give the section's links; a link the card already has is kept when
none is given; and a public card never says a summary is "not published yet".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from click.testing import Result

from gpai_docs.integrations.export_project import documents_for_export
from gpai_docs.integrations.hf_card import export_card
from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE
from tests.integrations._projects import edited_copy

Run = Callable[..., Result]
TDS = "training-data-summary.yaml"
LINGUISTIC = "  linguistic: English (81 %) and Dutch (19 %).\n"
CANONICAL = (
    "  canonical_url: https://lumen-ai.example/ai-act/lumen-base-2/training-content-summary\n"
)
COPYRIGHT = "    copyright_policy_link: https://lumen-ai.example/copyright-policy\n"
# The 24 official languages of the EU and Norwegian, as ISO 639-1 codes.
TWENTY_FIVE = [
    "bg",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "fi",
    "fr",
    "ga",
    "hr",
    "hu",
    "it",
    "lt",
    "lv",
    "mt",
    "nl",
    "pl",
    "pt",
    "ro",
    "sk",
    "sl",
    "sv",
    "no",
]


def _card(project: Path, existing: str | None = None, **links: str | None) -> str:
    md, tds = documents_for_export(project)
    return export_card(
        md,
        tds,
        existing=existing,
        summary_link=links.get("summary_link"),
        copyright_link=links.get("copyright_link"),
    )


def _front(card: str) -> dict[str, object]:
    data = yaml.safe_load(card.split("---\n")[1])
    assert isinstance(data, dict)
    return data


def test_a_25_language_model_lists_its_25_languages(tmp_path: Path) -> None:
    project = edited_copy(
        tmp_path / "p",
        {
            TDS: [
                (
                    LINGUISTIC,
                    "  linguistic: English (60 %), the other 23 official EU languages and "
                    "Norwegian.\n  languages: [" + ", ".join(TWENTY_FIVE) + "]\n",
                )
            ]
        },
    )
    assert validate_project(project, as_of=FIXED_DATE).report.errors == []
    assert _front(_card(project))["language"] == TWENTY_FIVE


def test_without_codes_a_counted_list_is_not_guessed_from_the_names(tmp_path: Path) -> None:
    project = edited_copy(
        tmp_path / "p",
        {TDS: [(LINGUISTIC, "  linguistic: English and the 24 other official EU languages.\n")]},
    )
    # Today's card said `language: [en]` here: one language of 25.
    assert "language" not in _front(_card(project))


def test_a_language_code_must_be_iso_639_1(tmp_path: Path) -> None:
    project = edited_copy(
        tmp_path / "p", {TDS: [(LINGUISTIC, LINGUISTIC + "  languages: [en, English]\n")]}
    )
    (error,) = validate_project(project, as_of=FIXED_DATE).report.errors
    lines = (project / "training-data-summary.yaml").read_text(encoding="utf-8").splitlines()
    assert error.location.line == lines.index("  languages: [en, English]") + 1  # 1-based
    assert "'English' is not an ISO 639-1 language code" in error.message
    assert "two lower-case letters, such as en for English" in error.message


def test_a_public_card_never_says_not_published_yet(tmp_path: Path, run_cli: Run) -> None:
    project = edited_copy(tmp_path / "p", {TDS: [(CANONICAL, ""), (COPYRIGHT, "")]})
    out = tmp_path / "README.md"
    done = run_cli("export", "hf-card", project, "--out", out)
    assert done.exit_code == 0, done.output
    card = out.read_text(encoding="utf-8")
    assert "not published yet" not in card
    assert "Public summary of training content:" not in card
    assert "Copyright policy summary:" not in card
    assert "note: the card does not link the public summary of training content" in done.output
    assert "note: the card does not link the copyright policy summary" in done.output


def test_links_come_from_the_summary_when_no_option_is_given(tmp_path: Path) -> None:
    project = edited_copy(tmp_path / "p", {})
    card = _card(project)
    assert (
        "- **Public summary of training content:** [https://lumen-ai.example/ai-act/"
        "lumen-base-2/training-content-summary](<https://lumen-ai.example/ai-act/"
        "lumen-base-2/training-content-summary>)\n"
    ) in card
    assert (
        "- **Copyright policy summary:** [https://lumen-ai.example/copyright-policy]"
        "(<https://lumen-ai.example/copyright-policy>)\n"
    ) in card


def test_a_second_run_without_the_flag_keeps_the_cards_links(tmp_path: Path, run_cli: Run) -> None:
    project = edited_copy(tmp_path / "p", {TDS: [(CANONICAL, ""), (COPYRIGHT, "")]})
    out = tmp_path / "README.md"
    first = run_cli(
        "export",
        "hf-card",
        project,
        "--out",
        out,
        "--summary-link",
        "https://lumen-ai.example/tds",
        "--copyright-link",
        "https://lumen-ai.example/cp",
    )
    assert first.exit_code == 0, first.output
    again = run_cli("export", "hf-card", project, "--out", out)
    assert again.exit_code == 0, again.output
    card = out.read_text(encoding="utf-8")
    assert (
        "- **Public summary of training content:** [https://lumen-ai.example/tds]"
        "(<https://lumen-ai.example/tds>)\n"
        "- **Copyright policy summary:** [https://lumen-ai.example/cp]"
        "(<https://lumen-ai.example/cp>)\n"
    ) in card
    assert "note:" not in again.output
    # A new flag replaces the kept link.
    third = run_cli("export", "hf-card", project, "--out", out, "--summary-link", "tds.md")
    assert third.exit_code == 0
    assert "- **Public summary of training content:** [tds.md](<tds.md>)\n" in out.read_text(
        encoding="utf-8"
    )


def test_an_import_keeps_the_cards_codes_beside_the_text(tmp_path: Path, run_cli: Run) -> None:
    card = tmp_path / "README.md"
    card.write_text("---\nlanguage: [fr, de, xx]\n---\n# Aurora\n", encoding="utf-8")
    assert run_cli("import", "hf-card", card, "--out", tmp_path / "new").exit_code == 0
    tds = (tmp_path / "new" / TDS).read_text(encoding="utf-8")
    assert "\n  linguistic: French, German\n" in tds
    assert "\n  languages: [fr, de]\n" in tds
