"""Issue 12: a folder (or file) holding one document validates and builds on its own.

A legal team may own only the summary or only the copyright policy. Each document of the
open-weights-sme sample, alone in a folder (as YAML and as JSON), is checked through the
CLI: no DL001, the cross-document checks it skips listed by code, the determinations
that need a missing document unknown, and `build` writing that document's artifacts
dated with the document's own date. The expected codes are written here from the rule
list and the consistency map of the requirements (§8), not computed by the code.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from tests.conftest import SAMPLES

Run = Callable[..., Result]
SAMPLE = SAMPLES / "open-weights-sme"
AS_OF = "2026-11-21"
MD, TS, CP = "model_documentation", "training_data_summary", "copyright_policy"
STEMS = {MD: "model-documentation", TS: "training-data-summary", CP: "copyright-policy"}

# §8 pairs the model documentation with the summary (XD001-XD011, XD013, XD014), the
# summary with the policy (XD012 and XD018, crawler identity; XD016 and XD017, what the
# policy says of licensed and crawled content) and the model documentation with the
# policy (XD015). MD002 needs the model documentation (the due date) and looks at the
# open answers of all three; PJ001 and CP006 read the model documentation when it is
# there, TS008-TS010 read its SME status.
MD_TS = {f"XD{n:03d}" for n in (*range(1, 12), 13, 14)}
TS_CP = {"XD012", "XD016", "XD017", "XD018"}
SKIPPED: dict[str, dict[tuple[str, ...], set[str]]] = {
    TS: {(MD,): MD_TS | {"MD002"}, (CP,): TS_CP},
    CP: {(MD,): {"XD015", "MD002"}, (TS,): TS_CP},
    MD: {(TS,): MD_TS | {"TS008", "TS009", "TS010"}, (CP,): {"XD015", "CP006"}},
}
PARTLY: dict[str, dict[tuple[str, ...], set[str]]] = {
    TS: {(MD,): {"PJ001", "TS008", "TS009", "TS010"}},
    CP: {(MD,): {"PJ001", "CP006"}},
    MD: {(TS, CP): {"MD002"}},
}
# The build layout's file names for each document, and its own date in the sample.
ARTIFACTS = {
    TS: {"training-data-summary.public.md", "training-data-summary.public.domains.csv"},
    CP: {"copyright-policy.internal.md", "copyright-policy-summary.public.md"},
    MD: {
        "model-documentation.ai-office.md",
        "model-documentation.national-authorities.md",
        "model-documentation.downstream.md",
    },
}
OWN_DATE = {TS: "12/05/2026", CP: "30/06/2026", MD: "30/06/2026"}
MODEL_DETERMINATIONS = {
    "gpai_scope",
    "systemic_risk",
    "open_source_exemption",
    "authorised_representative",
    "documentation_due",
    "retention_end",
}
CASES = [(key, suffix) for key in (TS, CP, MD) for suffix in (".yaml", ".json")]


def _alone(tmp_path: Path, key: str, suffix: str) -> Path:
    """A folder holding only the sample's ``key`` document, as YAML or as JSON."""
    folder = tmp_path / "project"
    folder.mkdir()
    source = SAMPLE / f"{STEMS[key]}.yaml"
    target = folder / f"{STEMS[key]}{suffix}"
    if suffix == ".yaml":
        shutil.copy(source, target)
    else:
        from ruamel.yaml import YAML

        data = YAML(typ="safe").load(source.read_text(encoding="utf-8"))
        target.write_text(json.dumps(data, default=_iso, indent=2), encoding="utf-8")
    return target


def _iso(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value))


def _groups(payload: dict[str, Any], partly: bool) -> dict[tuple[str, ...], set[str]]:
    return {
        tuple(g["missing"]): set(g["codes"]) for g in payload["skipped"] if g["partly"] is partly
    }


@pytest.mark.parametrize(("key", "suffix"), CASES)
def test_one_document_validates_alone_as_file_and_folder(
    run_cli: Run, tmp_path: Path, key: str, suffix: str
) -> None:
    document = _alone(tmp_path, key, suffix)
    for given in (document, document.parent):
        result = run_cli("validate", given, "--as-of", AS_OF, "--format", "json")
        assert result.exit_code == 0, result.output
        payload = json.loads(result.output)
        codes = [d["code"] for d in payload["diagnostics"]]
        assert "DL001" not in codes
        missing = {k for k in (MD, TS, CP) if k != key}
        noted = [d for d in payload["diagnostics"] if d["code"] == "DL009"]
        assert len(noted) == 2 and all(d["severity"] == "info" for d in noted)
        assert {Path(d["file"]).stem for d in noted} == {STEMS[k] for k in missing}
        assert _groups(payload, partly=False) == SKIPPED[key]
        assert _groups(payload, partly=True) == PARTLY[key]
        assert [f["document"] for f in payload["files"]] == [key]


@pytest.mark.parametrize("key", [TS, CP, MD])
def test_the_text_report_says_what_was_skipped_and_why(
    run_cli: Run, tmp_path: Path, key: str
) -> None:
    document = _alone(tmp_path, key, ".yaml")
    result = run_cli("validate", document, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert "Not checked (a partial project):" in result.output
    if key == TS:
        assert (
            "Skipped because the copyright policy is not in this project: "
            "XD012 crawlers-published, XD016 policy-statements-match-summary, "
            "XD017 policy-mentions-licensed-data, XD018 crawler-user-agents-agree." in result.output
        )
    if key == CP:
        assert (
            "Skipped because the public summary of training content is not in this "
            "project: XD012 crawlers-published, XD016 policy-statements-match-summary, "
            "XD017 policy-mentions-licensed-data, XD018 crawler-user-agents-agree." in result.output
        )
    if key == MD:
        assert (
            "Skipped because the copyright policy is not in this project: "
            "XD015 policy-covers-model, CP006 aup-prohibits-infringement." in result.output
        )
    assert "0 errors" in result.output


@pytest.mark.parametrize("key", [TS, CP])
def test_determinations_that_need_the_model_documentation_are_unknown(
    run_cli: Run, tmp_path: Path, key: str
) -> None:
    document = _alone(tmp_path, key, ".yaml")
    result = run_cli("validate", document, "--as-of", AS_OF, "--format", "json")
    determinations = {d["key"]: d for d in json.loads(result.output)["determinations"]}
    assert set(determinations) >= MODEL_DETERMINATIONS
    for name in MODEL_DETERMINATIONS:
        assert determinations[name]["outcome"] == "Unknown: needs the model documentation"
        assert determinations[name]["date"] is None


def test_the_model_documentation_alone_still_determines_the_model(
    run_cli: Run, tmp_path: Path
) -> None:
    document = _alone(tmp_path, MD, ".yaml")
    result = run_cli("validate", document, "--as-of", AS_OF, "--format", "json")
    determinations = {d["key"]: d for d in json.loads(result.output)["determinations"]}
    # The sample places the model on the Union market on 2026-05-12 (open-source: Applies).
    assert determinations["documentation_due"]["outcome"] == "2026-05-12"
    assert determinations["open_source_exemption"]["outcome"] == "Applies"
    assert determinations["next_summary_update"]["outcome"] == (
        "Unknown: needs the public summary of training content"
    )


@pytest.mark.parametrize(("key", "suffix"), CASES)
def test_build_writes_the_documents_artifacts_with_its_own_date(
    run_cli: Run, tmp_path: Path, key: str, suffix: str
) -> None:
    document = _alone(tmp_path, key, suffix)
    out = tmp_path / "out"
    # No SOURCE_DATE_EPOCH: the date is then the document's own.
    result = run_cli("build", document, "--out", out, "--no-pdf", env={"SOURCE_DATE_EPOCH": None})
    assert result.exit_code == 0, result.output
    written = {p.name for p in out.iterdir() if not p.name.startswith(".")}
    assert written - {"manifest.json"} >= ARTIFACTS[key] | {"validation-report.provider.md"}
    for other in set(ARTIFACTS) - {key}:
        assert not written & ARTIFACTS[other]
    report = (out / "validation-report.provider.md").read_text(encoding="utf-8")
    assert f"deadlines checked as of {OWN_DATE[key]}" in report
    assert "## Not checked (a partial project)" in report
    for name in ARTIFACTS[key] | {"validation-report.provider.md"}:
        text = (out / name).read_text(encoding="utf-8")
        assert "1970" not in text, name


def test_a_build_with_no_document_artifact_says_why(run_cli: Run, tmp_path: Path) -> None:
    document = _alone(tmp_path, TS, ".yaml")
    text = document.read_text(encoding="utf-8")
    document.write_text(text.replace("header:", "heading:", 1), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", document.parent, "--out", out, "--no-pdf", "--draft")
    assert result.exit_code == 1
    assert "No document artifact was built, only the validation report" in result.output
    assert "the public summary of training content did not validate" in result.output
    assert "the copyright policy is not in this project" in result.output


def test_complete_makes_a_missing_document_an_error(run_cli: Run, tmp_path: Path) -> None:
    document = _alone(tmp_path, CP, ".yaml")
    result = run_cli("validate", document, "--as-of", AS_OF, "--format", "json", "--complete")
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert [d["code"] for d in payload["diagnostics"]] == ["DL001", "DL001"]
    assert payload["skipped"] == []
    built = run_cli("build", document, "--out", tmp_path / "out", "--no-pdf", "--complete")
    assert built.exit_code == 1


def test_complete_is_not_skipped_by_an_earlier_partial_build(run_cli: Run, tmp_path: Path) -> None:
    document = _alone(tmp_path, CP, ".yaml")
    out = tmp_path / "out"
    assert run_cli("build", document, "--out", out, "--no-pdf").exit_code == 0
    again = run_cli("build", document, "--out", out, "--no-pdf", "--complete")
    assert again.exit_code == 1
    assert "DL001" in again.output


def test_the_library_default_and_so_a_release_still_need_all_three(tmp_path: Path) -> None:
    from gpai_docs.validate.pipeline import validate_project

    document = _alone(tmp_path, TS, ".yaml")
    result = validate_project(document.parent, as_of=dt.date(2026, 11, 21))
    assert [d.code for d in result.report.errors] == ["DL001", "DL001"]
    assert result.skipped == ()


def test_a_full_project_skips_nothing(run_cli: Run) -> None:
    result = run_cli("validate", SAMPLE, "--as-of", AS_OF, "--format", "json")
    payload = json.loads(result.output)
    assert payload["skipped"] == []
    assert not {d["code"] for d in payload["diagnostics"]} & {"DL001", "DL009"}
    assert "Not checked" not in run_cli("validate", SAMPLE, "--as-of", AS_OF).output


def test_an_empty_folder_is_still_three_missing_documents(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("validate", tmp_path, "--format", "json")
    assert [d["code"] for d in json.loads(result.output)["diagnostics"]] == ["DL001"] * 3


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.iterdir() if p.is_dir()))
def test_every_rule_reads_only_the_documents_it_registers(sample: str) -> None:
    """`needs` and `reads` are what the rules read: run each rule on a context that
    records which documents it touches."""
    from gpai_docs.law import rulepack
    from gpai_docs.validate.pipeline import typed_documents
    from gpai_docs.validate.project import load_project
    from gpai_docs.validate.rules import RULES, RuleContext
    from gpai_docs.validate.rules._registry import DOCUMENTS

    class Tracing(RuleContext):
        def __getattribute__(self, name: str) -> Any:
            if name in DOCUMENTS:
                object.__getattribute__(self, "seen").add(name)
            return object.__getattribute__(self, name)

    project = load_project(SAMPLES / sample)
    md, tds, cp = typed_documents(project)
    pack = rulepack.load()
    for rule in RULES.values():
        if not rule.needs:
            continue  # a rule over every document (PJ) reads each one there is
        context = Tracing(md, tds, cp, pack, dt.date(2026, 11, 21), project.domains)
        object.__setattr__(context, "seen", set())
        list(rule.check(context))
        seen: set[str] = object.__getattribute__(context, "seen")
        assert seen <= set(rule.needs) | set(rule.reads), (rule.code, seen)
