"""The reviewer lists (data/reviewer_lists.yaml): the template's own sentences are
recognised from their sources, and the language list is the Union's 24."""

from __future__ import annotations

import pytest

from gpai_docs.law import reviewer_lists
from gpai_docs.law.catalogue import entry
from gpai_docs.render.template_rows import QUESTIONS

# The official languages of the EU (Regulation No 1, as amended): 24.
EU_CODES = {
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
}  # fmt: skip


@pytest.mark.parametrize("catalogue_id", sorted(QUESTIONS))
def test_the_templates_full_wording_is_template_text(catalogue_id: str) -> None:
    lists = reviewer_lists.load()
    assert lists.template_sentence(QUESTIONS[catalogue_id]) is not None
    assert lists.template_sentence(entry(catalogue_id).label) is not None


@pytest.mark.parametrize(
    "label",
    [
        "General description of measures taken",
        "Additional comments (optional)",
        "Crawler name(s)/identifier(s)",
        "Narrative description of these data sources and the data",
    ],
)
def test_catalogue_labels_pasted_as_answers_are_template_text(label: str) -> None:
    assert label in reviewer_lists.template_labels()
    assert reviewer_lists.load().template_sentence(label) == label


@pytest.mark.parametrize(
    "answer",
    [
        "Keyword blocklists and classifiers remove illegal content.",
        "We describe the measures taken in our transparency report.",
        "LumenBot",
    ],
)
def test_answers_are_not_template_text(answer: str) -> None:
    assert reviewer_lists.load().template_sentence(answer) is None


def test_the_official_languages_are_the_unions_24() -> None:
    assert set(reviewer_lists.load().eu_languages) == EU_CODES


def test_languages_are_read_by_their_names_in_several_languages() -> None:
    lists = reviewer_lists.load()
    assert lists.named_languages("Deutsch, français and suomi") == ("de", "fi", "fr")
    assert lists.named_languages("Dutchess county records") == ()
    assert lists.counts_languages("Text in over 100 languages.") == "over 100 languages"
    assert lists.counts_languages("English and German.") is None
