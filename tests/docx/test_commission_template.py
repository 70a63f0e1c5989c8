"""Summaries written in the Commission's own template layout, imported into a project.

The DOCX files come from tests/docx/commission_template.py (the template's layout, not
gpai-docs' export); the answers each holds are written out below as the YAML values the
import must produce.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import Result

from docx import Document
from gpai_docs.integrations.docx.wording import TEMPLATE_WORDING
from gpai_docs.law.catalogue import all_entries
from gpai_docs.load.documents import load_file, load_text
from tests.conftest import ROOT, SAMPLES
from tests.docx.commission_template import build, write
from tests.docx.template_fixtures import aurore, fjord, kuva
from tests.docx.test_libreoffice import answer_cell, set_text

Run = Callable[..., Result]

COMMITTED = ROOT / "tests" / "data" / "docx" / "commission-template-aurore.docx"


def test_committed_fixture_is_a_fresh_generation() -> None:
    assert COMMITTED.read_bytes() == build(aurore.blocks()), (
        "tests/data/docx/commission-template-aurore.docx is stale: regenerate it with "
        "tests.docx.commission_template.write(aurore.blocks(), path)"
    )


def test_fixture_uses_the_templates_layout_not_word_headings() -> None:
    doc = Document(str(COMMITTED))
    styles = {p.style.name for p in doc.paragraphs}
    assert not any(name.startswith("Heading") for name in styles)
    assert doc.paragraphs[0].text == "Public Summary of Training Content for Aurore-2"
    assert "1.1. Provider identification" in [p.text for p in doc.paragraphs]
    bar = doc.tables[1].rows[0].cells[0]
    assert bar.text == "1. General information"
    assert 'w:fill="D9E2F3"' in bar._tc.xml
    with zipfile.ZipFile(COMMITTED) as package:
        assert "word/footnotes.xml" in package.namelist()
        assert "Excluding audio that is part of video" in package.read("word/footnotes.xml").decode(
            "utf-8"
        )


# --- The answers each fixture holds, as the YAML the import must write -------------------

AURORE = """
header:
  version: "2.0"
  last_update: 2026-07-08
section_1:
  provider:
    name: Aurore Labs SAS
    contact: 12 rue de la Paix, 75002 Paris, France; ai-act@aurore.example
  authorised_representative:
    not_applicable: Aurore Labs SAS is established in the Union (France).
  versioned_model_names: [aurore-2-2026-06, aurore-2-instruct-2026-06]
  model_dependencies: N/A
  union_market_date: 2026-07-14
  modalities:
    text:
      size: More than 10 trillion tokens
      content_types: >-
        Non-fiction and fiction web text, news, encyclopaedic and scientific articles,
        public-sector documents and source code.
  latest_collection_date: 05/2026
  continuous_training: No
  linguistic: French 41 %, English 38 %, German, Spanish and Italian 15 %, source code 6 %.
  other_characteristics: Public-sector and legal text from France and Belgium is over-represented.
section_2:
  public_datasets:
    used: Yes
    modalities: [Text]
    large_datasets:
      - {name: Common Crawl, link: https://commoncrawl.org}
      - {name: FineWeb-2, link: https://huggingface.co/datasets/HuggingFaceFW/fineweb-2}
    other_description: >-
      Wikipedia dumps in five languages (2025) and the French open legal data of Légifrance.
  licensed_data:
    used: Yes
    modalities: [Text]
  private_third_party_data:
    used: No
  crawled_data:
    used: Yes
    crawler_names: [AuroreBot]
    purposes: Collecting publicly accessible web pages in European languages to train Aurore models.
    behaviour: >-
      AuroreBot follows robots.txt (RFC 9309) and TDMRep, does not log in or pass paywalls
      or CAPTCHAs, and limits its request rate per host.
    period: {start: 01/2025, end: 05/2026}
    content_description: News, public administrations, universities, encyclopaedias and forums.
    modalities: [Text]
    top_domains:
      domains: [lemonde.fr, wikipedia.org, service-public.fr, hal.science, legifrance.gouv.fr,
        lefigaro.fr, europa.eu, francetvinfo.fr, larousse.fr, cnrs.fr, liberation.fr,
        ouest-france.fr]
  user_data:
    model_interaction: No
    other_services: No
  synthetic_data:
    used: No
  other_sources:
    used: No
section_3:
  rights_reservation:
    signatory: Yes
    measures: >-
      AuroreBot follows robots.txt and TDMRep; for Common Crawl we removed pages whose
      robots.txt disallows CCBot or AuroreBot.
  illegal_content: Domain blocklists, CSAM hash matching and classifiers for terrorist content.
"""

KUVA = """
header:
  version: "1.1"
  last_update: 2025-05-20
section_1:
  provider:
    name: Bildwerk Vision AG
    contact: Hardturmstrasse 161, 8005 Zürich, Switzerland; eu-ai@bildwerk.example
  authorised_representative:
    name: EU-Rep Services GmbH
    contact: Friedrichstraße 68, 10117 Berlin, Germany; bildwerk@eu-rep.example
  versioned_model_names: [kuva-video-1.0]
  model_dependencies: N/A
  union_market_date: 12/05/2025  # 12 May or 5 December: kept as written, DT001 asks
  modalities:
    image:
      size: 1 million to 1 billion images
      content_types: Photography, stock photography and illustrations, each with a caption.
    video:
      size: 10,000 to 1 million hours
      content_types: Stock footage, nature documentaries and short social-media videos.
  latest_collection_date:
    not_applicable: >-
      Cannot be provided: the collection logs of the 2024 training run were not retained;
      collection ended before the model was placed on the market.
  continuous_training: No
  linguistic: Captions are in English (90 %) and German (10 %).
section_2:
  public_datasets:
    used: Yes
    modalities: [Image, Video]
    large_datasets:
      - {name: DataComp-1B, link: https://huggingface.co/datasets/mlfoundations/datacomp_1b}
      - {name: Panda-70M, link: https://snap-research.github.io/Panda-70M}
  licensed_data:
    used: Yes
    modalities: [Image, Video]
    comments: A licence with a stock-footage agency, concluded in 2024.
  private_third_party_data:
    used: No
  crawled_data:
    used: No
  user_data:
    model_interaction: No
    other_services: No
  synthetic_data:
    used: Yes
    modalities: [Text]
    other_models: Our own captioning model, not on the market, rewrote short image captions.
  other_sources:
    used: No
section_3:
  rights_reservation:
    signatory: No
    measures: >-
      Images and videos whose IPTC data-mining property or C2PA assertions reserve training
      were removed from the public datasets.
  illegal_content: CSAM hash matching on every image and video frame, and NSFW classifiers.
"""

FJORD = """
header:
  version: "1.0"
  last_update: 2026-07-20
section_1:
  provider:
    name: Fjord Health ApS
    contact: Njalsgade 76, 2300 København S, Denmark; ai@fjord.example
  authorised_representative:
    not_applicable: Fjord Health ApS is established in the Union (Denmark).
  versioned_model_names: [fjord-med-8b-2026-07]
  model_dependencies:
    - name: Atlas-8B
      version: atlas-8b-2025-11
      summary_url: https://northwind-ai.example/atlas-8b/training-content-summary
  union_market_date: 2026-07-20
  modalities:
    text:
      size: Less than 1 billion tokens
      content_types: Medical guidelines, package leaflets and synthetic clinical dialogues.
  latest_collection_date: 04/2026
  continuous_training: No
  linguistic: Danish 55 %, English 30 %, Swedish and Norwegian 15 %.
  comments: Only the content used to fine-tune Atlas-8B is summarised here.
section_2:
  public_datasets:
    used: Yes
    modalities: [Text]
    large_datasets:
      - {name: EMA product information, link: https://www.ema.europa.eu/en/medicines}
  licensed_data:
    used: No
  private_third_party_data:
    used: No
  crawled_data:
    used: No
  user_data:
    model_interaction: No
    other_services: No
  synthetic_data:
    used: Yes
    modalities: [Text]
    market_models:
      - name: Atlas-70B-Instruct
        summary_url: https://northwind-ai.example/atlas-70b/training-content-summary
  other_sources:
    used: No
section_3:
  rights_reservation:
    signatory: Yes
    measures: We did not crawl; EMA product information is published for re-use.
  illegal_content: >-
    Sources are official publications; synthetic dialogues were reviewed by clinicians.
"""


# What `gpai-docs validate` finds in the summary after the import into a fresh `init`
# project (whose model documentation is still a scaffold), by code: found from the
# fixture's answers and the rules' texts (docs/rules.md), not from a run.
FINDINGS = {
    # 2.0 is not a first version and links none (TS017); the template has no place for
    # where the summary is published, where its versions are listed and where updates
    # are announced (TS019, one each); twelve domains, but not out of how many (TS009);
    # the model documentation does not list these versions yet (XD002, one each); a large
    # dataset is named without the snapshot or release used (TS033: aurore's Common Crawl,
    # fjord's EMA product information); aurore ticks the open top text band, "More than
    # 10 trillion tokens", with no approximate size beside it (TS035).
    "aurore": {"TS017": 1, "TS019": 3, "TS009": 1, "XD002": 2, "TS033": 1, "TS035": 1},
    "kuva": {"DT001": 1, "TS017": 1, "TS019": 3, "XD002": 1},
    "fjord": {"TS019": 3, "XD002": 1, "TS033": 1},
}
CASES = [
    # fixture, its answers, init's --provider and --model-name
    (aurore, AURORE, "Aurore Labs SAS", "aurore-2"),
    (kuva, KUVA, "Bildwerk Vision AG", "kuva-video-1"),
    (fjord, FJORD, "Fjord Health ApS", "fjord-med-8b"),
]


def _imported(tmp_path: Path, run_cli: Run, case: tuple[ModuleType, str, str, str]) -> Path:
    fixture, _, provider, model = case
    project = tmp_path / model
    result = run_cli("init", project, "--provider", provider, "--model-name", model)
    assert result.exit_code == 0, result.output
    filing = write(fixture.blocks(), tmp_path / "filing.docx")
    result = run_cli("import", "docx", filing, "--into", project)
    assert result.exit_code == 0, result.output
    return project


def differences(expected: Any, got: Any, path: str = "") -> list[str]:
    if isinstance(expected, dict) and isinstance(got, dict):
        out = []
        for key in sorted(set(expected) | set(got)):
            where = f"{path}.{key}" if path else key
            if key not in got:
                out.append(f"{where}: missing, expected {expected[key]!r}")
            elif key not in expected:
                out.append(f"{where}: not in the filing, got {got[key]!r}")
            else:
                out.extend(differences(expected[key], got[key], where))
        return out
    return [] if expected == got else [f"{path}: expected {expected!r}, got {got!r}"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0].__name__.rsplit(".", 1)[-1])
def test_every_answer_of_a_template_filing_is_imported(
    tmp_path: Path, run_cli: Run, case: tuple[ModuleType, str, str, str]
) -> None:
    project = _imported(tmp_path, run_cli, case)
    got = load_file(project / "training-data-summary.yaml")
    assert got.ok, got.diagnostics
    expected = load_text(case[1], "expected.yaml").data
    assert differences(expected, got.data) == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0].__name__.rsplit(".", 1)[-1])
def test_validate_finds_what_the_filing_lacks(
    tmp_path: Path, run_cli: Run, case: tuple[ModuleType, str, str, str]
) -> None:
    project = _imported(tmp_path, run_cli, case)
    result = run_cli("validate", project, "--format", "json")
    found = Counter(
        d["code"]
        for d in json.loads(result.output)["diagnostics"]
        if d["file"].endswith("training-data-summary.yaml")
    )
    assert dict(found) == FINDINGS[case[0].__name__.rsplit(".", 1)[-1]]


def test_template_wordings_name_catalogue_entries() -> None:
    known = all_entries()
    assert set(TEMPLATE_WORDING) <= set(known)
    for cid, wordings in TEMPLATE_WORDING.items():
        assert wordings, cid
        assert known[cid].label not in wordings  # an alias, not the label again


def test_the_exported_header_edited_in_word_imports(tmp_path: Path, run_cli: Run) -> None:
    """The README's example: version and last update are answers, edited in Word too."""
    project = tmp_path / "lumen"
    shutil.copytree(SAMPLES / "minimal", project)
    exported = tmp_path / "summary.docx"
    result = run_cli(
        "export", "docx", project, "--document", "training-data-summary", "--out", exported
    )
    assert result.exit_code == 0, result.output
    doc = Document(str(exported))
    for question, answer in (("Version of the Summary", "1.1"), ("Last update", "30/11/2026")):
        cell = answer_cell(doc, question)
        set_text(next(p for p in cell if p.text.strip()), answer)
    doc.save(str(exported))
    result = run_cli("import", "docx", exported, "--into", project)
    assert result.exit_code == 0, result.output
    header = load_file(project / "training-data-summary.yaml").data["header"]
    assert (header["version"], header["last_update"]) == ("1.1", "2026-11-30")

    # A date typed so that day and month could swap is written as typed, never guessed:
    # DT001 asks which is meant, and the document's declared date order settles it.
    set_text(next(p for p in answer_cell(doc, "Last update") if p.text.strip()), "01/12/2026")
    doc.save(str(exported))
    result = run_cli("import", "docx", exported, "--into", project)
    assert result.exit_code == 0, result.output
    assert "DT001" in result.output and "row 2 'Last update'" in result.output
    summary = project / "training-data-summary.yaml"
    assert load_file(summary).data["header"]["last_update"] == "01/12/2026"
    text = summary.read_text(encoding="utf-8")
    summary.write_text(text.replace("header:\n", "header:\n  date_order: day-first\n", 1))
    checked = run_cli("validate", project)
    assert "DT001" not in checked.output, checked.output


def test_two_size_bands_ticked_are_refused_at_their_row(tmp_path: Path, run_cli: Run) -> None:
    project = tmp_path / "aurore-2"
    assert run_cli("init", project, "--provider", "Aurore Labs SAS").exit_code == 0
    before = (project / "training-data-summary.yaml").read_bytes()
    doc = Document(str(write(aurore.blocks(), tmp_path / "filing.docx")))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Modality")
    bands = table.rows[1].cells[1].paragraphs  # the Text row's size bands
    first = next(r for r in bands[0].runs if r.text == "☐")
    first.text = "☒"  # now "Less than 1 billion" and "More than 10 trillions" are ticked
    doc.save(str(tmp_path / "filing.docx"))
    result = run_cli("import", "docx", tmp_path / "filing.docx", "--into", project)
    assert result.exit_code == 1, result.output
    assert "section 1.3" in result.output and "tick one size band" in result.output
    assert (project / "training-data-summary.yaml").read_bytes() == before


def test_a_folder_without_a_summary_gets_one_from_the_filing(tmp_path: Path, run_cli: Run) -> None:
    """No `init` first: the summary starts as init's scaffold and the filing fills it."""
    project = tmp_path / "aurore-2"
    project.mkdir()
    filing = write(aurore.blocks(), tmp_path / "filing.docx")
    result = run_cli("import", "docx", filing, "--into", project, "--dry-run")
    assert result.exit_code == 0, result.output
    assert list(project.iterdir()) == []  # a dry run writes nothing
    result = run_cli("import", "docx", filing, "--into", project)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in project.iterdir()) == ["training-data-summary.yaml"]
    got = load_file(project / "training-data-summary.yaml")
    assert differences(load_text(AURORE, "expected.yaml").data, got.data) == []
    assert got.raw is not None and b"Scaffold written by `gpai-docs init`" in got.raw
