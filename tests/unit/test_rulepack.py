"""Rule pack 2026.12: every fact with its catalogue id, confidence and `verified_on`, and the
citations of requirements §12 (the law as amended, enforcement, document identifiers).

Expected values are the catalogue's, read from ../shared/spec/requirements.md §12 where it
is beside the checkout, and written out below otherwise.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

import pytest

from gpai_docs.errors import InternalError
from gpai_docs.law import rulepack
from gpai_docs.law.catalogue import all_entries
from gpai_docs.law.package_data import read_data
from tests.conftest import ROOT

PACK = rulepack.load()
TODAY = dt.date(2026, 12, 1)  # the "as of" date of requirements §12
REQUIREMENTS = ROOT.parent / "shared" / "spec" / "requirements.md"
TAGS = {"C": "confirmed", "S": "secondary", "U": "unconfirmed"}

# Each §12 entry, its tag there, and the facts of the pack it changed or re-checked.
UPDATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "UPD.omnibus": ("S", ("legal_basis", "chapter_v_applies", "legacy_placement_cutoff")),
    "UPD.enforcement": ("C", ("enforcement", "fines_apply", "fine_turnover_share")),
    "UPD.template_id": ("S", ("summary_template", "summary_update_months", "size_bands")),
    "UPD.guidelines_id": ("S", ("guidelines", "gpai_indicative_flop", "modifier_compute_share")),
    "UPD.sme_domains": ("U", ("sme_top_domains", "top_domains_share_sme", "top_domains_cap_sme")),
    "UPD.nl_reservation": ("S", ("natural_language_reservations",)),
    "UPD.registry": ("S", ("summary_publication",)),
}


def _raw() -> dict[str, Any]:
    return dict(read_data("rulepack.yaml"))


def test_version_and_as_of_date() -> None:
    assert PACK.version.startswith("2026.12.")
    assert PACK.as_of == TODAY


def test_every_fact_carries_its_catalogue_id_confidence_and_verified_on() -> None:
    known = all_entries()
    sources = PACK.sources
    # Values, citations, the four bucket sets and licence categories: nothing is left out.
    assert set(sources) == {
        *PACK.values,
        *PACK.facts,
        "parameter_ranges",
        "training_time_buckets",
        "size_bands",
        "license_categories",
    }
    for key, source in sources.items():
        assert source.catalogue_id in known, key
        assert source.confidence in ("confirmed", "secondary", "unconfirmed"), key
        assert dt.date(2026, 11, 21) <= source.verified_on <= PACK.as_of, key


@pytest.mark.parametrize("update", sorted(UPDATES))
def test_each_changed_fact_names_its_update_and_was_verified_today(update: str) -> None:
    tag, keys = UPDATES[update]
    for key in keys:
        source = PACK.sources[key]
        assert source.update_id == update, key
        assert source.verified_on == TODAY, key
    # The citation that is the §12 entry itself carries the entry's own tag.
    assert PACK.sources[keys[0]].confidence == TAGS[tag]


@pytest.mark.skipif(not REQUIREMENTS.exists(), reason="../shared is not beside the checkout")
@pytest.mark.parametrize("update", sorted(UPDATES))
def test_the_update_ids_and_tags_are_those_of_requirements_section_12(update: str) -> None:
    section = REQUIREMENTS.read_text(encoding="utf-8").split("## 12.", 1)[1]
    row = next(line for line in section.splitlines() if line.startswith(f"| {update} |"))
    assert re.search(rf"\[{UPDATES[update][0]}\]", row.rsplit("|", 2)[1]), row


def test_the_law_is_cited_as_amended_and_no_chapter_v_date_moved() -> None:
    law = PACK.facts["legal_basis"]
    assert law.text == "Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744"
    assert law.date == dt.date(2026, 7, 27)  # in force since (UPD.omnibus)
    assert law.note == "No Chapter V (GPAI) date or obligation moved."
    assert PACK.date("chapter_v_applies") == dt.date(2025, 8, 2)
    assert PACK.date("legacy_placement_cutoff") == dt.date(2025, 8, 2)
    assert PACK.date("legacy_deadline") == dt.date(2027, 8, 2)


def test_enforcement_in_force_since_2_august_2026_with_the_art_101_figures() -> None:
    enforcement = PACK.facts["enforcement"]
    assert enforcement.date == dt.date(2026, 8, 2) == PACK.date("fines_apply")
    for article in ("Art 91", "Art 92", "Art 93", "Art 101"):
        assert article in enforcement.text
    assert PACK.exact("fine_turnover_share") * 100 == 3
    assert PACK.exact("fine_minimum_eur") == 15_000_000


def test_document_identifiers() -> None:
    template, guidelines = PACK.facts["summary_template"], PACK.facts["guidelines"]
    assert (template.text, template.date) == ("C(2025) 8311 final", dt.date(2025, 12, 5))
    [old] = template.superseded
    assert (old.identifier, old.date) == ("C(2025) 5235 final", dt.date(2025, 7, 24))
    assert (guidelines.text, guidelines.date) == ("C(2025) 7719 final", dt.date(2025, 11, 19))
    # The guidelines kept their thresholds: 10^23, 10^25 and one third (UPD.guidelines_id).
    assert PACK.exact("gpai_indicative_flop") == 10**23
    assert PACK.exact("systemic_risk_flop") == 10**25
    assert str(PACK.exact("modifier_compute_share")) == "1/3"


def test_the_sme_reading_is_unconfirmed_and_for_smes_only() -> None:
    fact = PACK.facts["sme_top_domains"]
    assert fact.source.confidence == "unconfirmed" and fact.source.tag == "[U]"
    assert '"top 5 %, or the top 1000 domains"' in fact.text
    assert "small mid-caps" in (fact.note or "")
    assert PACK.values["top_domains_cap_sme"].confidence == "unconfirmed"
    assert PACK["top_domains_cap_sme"] == 1000 and PACK["top_domains_share_sme"] == 0.05


def test_oldest_verified_is_the_earliest_date_first_key_on_a_tie() -> None:
    with pytest.raises(InternalError, match="no rule-pack facts"):
        PACK.oldest_verified([])
    key, source = PACK.oldest_verified(["legal_basis", "retention_years", "days_per_month"])
    assert (key, source.verified_on) == ("retention_years", dt.date(2026, 11, 21))
    key, source = PACK.oldest_verified(["guidelines", "legal_basis"])
    assert (key, source.verified_on) == ("guidelines", TODAY)


@pytest.mark.parametrize(
    ("section", "key", "change", "message"),
    [
        ("values", "retention_years", {"verified_on": None}, "`verified_on` must be the date"),
        ("values", "retention_years", {"verified_on": "soon"}, "`verified_on` must be the date"),
        ("facts", "legal_basis", {"verified_on": None}, "fact 'legal_basis': `verified_on`"),
        ("facts", "guidelines", {"confidence": "likely"}, "`confidence` must be one of"),
        ("values", "fines_apply", {"update": "§12"}, "names an entry of requirements §12"),
    ],
)
def test_the_pack_refuses_a_fact_without_its_provenance(
    section: str, key: str, change: dict[str, Any], message: str
) -> None:
    raw = copy.deepcopy(_raw())
    raw[section][key].update(change)
    with pytest.raises(ValueError, match=re.escape(message)):
        rulepack.parse(raw)
