"""Legal thresholds compared exactly, at and just beyond each boundary, in every written form.

Each case writes a sample project with the value spelled exactly as a provider would (the
YAML literal is substituted into the file), validates it through ``gpai_docs.validate.pipeline``
and reads the determinations. Expected outcomes come from the law: the GPAI indication
(Commission guidelines) and the systemic-risk presumption (AI Act Art 51(2)) need compute
*greater than* 10^23 and 10^25 FLOP, a modifier becomes provider with compute *greater than*
one third of the original's. The comparison words are read from the requirement catalogue.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from gpai_docs.law.package_data import read_data
from gpai_docs.validate.determinations import Determination
from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE, ROOT
from tests.rules.patching import merge, sample_data, write_project

REQUIREMENTS = ROOT.parent / "shared" / "spec" / "requirements.md"
CATALOGUE = ROOT / "src" / "gpai_docs" / "data" / "catalogue.json"
PHRASES = ("greater than", "more than", "less than", "before")
SYMBOLS = {">": "greater than", "<": "less than"}
VALUE = "__BOUNDARY_VALUE__"
BASE = "__BOUNDARY_BASE__"


def catalogue_phrase(catalogue_id: str) -> str:
    """The comparison the catalogue states for an entry, in its own words.

    The shared requirements table bolds the criterion ("**greater than 10^25 FLOP**"); the
    vendored catalogue, used when the shared folder is absent, writes ``>``.
    """
    if REQUIREMENTS.exists():
        return requirements_phrase(catalogue_id)
    return vendored_phrase(catalogue_id)


def requirements_phrase(catalogue_id: str) -> str:
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"| {catalogue_id} |"):
            bold = " ".join(re.findall(r"\*\*(.+?)\*\*", line)).lower()
            found = [p for p in PHRASES if p in bold]
            assert len(found) == 1, (catalogue_id, bold)
            return found[0]
    raise AssertionError(f"{catalogue_id} is not in {REQUIREMENTS}")


def vendored_phrase(catalogue_id: str) -> str:
    label = json.loads(CATALOGUE.read_text(encoding="utf-8"))["entries"][catalogue_id]["label"]
    found = [p for p in PHRASES if p in label.lower()]
    found += [words for symbol, words in SYMBOLS.items() if f" {symbol} " in label]
    assert len(found) == 1, (catalogue_id, label)
    return found[0]


def determinations(
    tmp_path: Path, sample: str, patch: dict[str, Any], literals: dict[str, str] | None = None
) -> dict[str, Determination]:
    """Validate ``sample`` patched with ``patch``; markers in it become raw YAML ``literals``."""
    documents = sample_data(sample)
    documents["model_documentation"] = merge(documents["model_documentation"], patch)
    root = write_project(tmp_path / "project", documents)
    path = root / "model-documentation.yaml"
    text = path.read_text(encoding="utf-8")
    for marker, literal in (literals or {}).items():
        assert marker in text
        text = text.replace(marker, literal)
    path.write_text(text, encoding="utf-8")
    result = validate_project(root, as_of=FIXED_DATE)
    problems = [d for d in result.report.diagnostics if d.code[:2] in ("DL", "SC")]
    assert not problems, problems
    return {d.key: d for d in result.determinations}


def forms_at(n: int) -> list[str]:
    """10^n exactly, as YAML literals: quoted text, unquoted floats and plain integers."""
    return [
        f'"10^{n}"',
        f'"1.0*10^{n}"',
        f'"1*10^{n}"',
        f'"1.0 × 10^{n}"',
        f'"1e{n}"',
        f'"1.0e{n}"',
        f'"1.0E+{n}"',
        f"1e{n}",  # an unquoted YAML float
        f"1.0e+{n}",
        str(10**n),  # an unquoted YAML integer
        f'"{10**n}"',
        f'"{10**n:_}"',  # underscores group digits; commas are refused (_number_text)
        f'"{"0" * 3}{10**n}.000"',
    ]


def forms_above(n: int) -> list[str]:
    """The smallest steps above 10^n a provider writes, and steps no float can hold."""
    return [
        f'"1.000001*10^{n}"',
        f'"1.000001e{n}"',
        f'"1.1*10^{n}"',
        f'"1.1e{n}"',
        f'"1.{"0" * 24}1*10^{n}"',  # 10^n + 10^(n-25): the same float as 10^n
        str(10**n + 1),
        f'"{10**n + 1}"',
    ]


def forms_below(n: int) -> list[str]:
    return [f'"9.99999*10^{n - 1}"', str(10**n - 1), f'"{10**n - 1}"']


def compute(literal: str) -> tuple[dict[str, Any], dict[str, str]]:
    return {"compute": {"training_flop_aio": VALUE}}, {VALUE: literal}


# --- GPAI indication, 10^23 FLOP (Commission guidelines, GL.gpai_indicative) ----------------


@pytest.mark.parametrize("literal", forms_at(23) + forms_below(23))
def test_gpai_indication_is_not_met_at_or_below_ten_to_the_23(literal: str, tmp_path: Path) -> None:
    found = determinations(tmp_path, "minimal", *compute(literal))["gpai_scope"]
    assert found.outcome == "May be out of scope"
    phrase = catalogue_phrase("GL.gpai_indicative")
    assert f"FLOP is not {phrase} 1×10^23 FLOP" in found.statement


@pytest.mark.parametrize("literal", forms_above(23))
def test_gpai_indication_is_met_just_above_ten_to_the_23(literal: str, tmp_path: Path) -> None:
    found = determinations(tmp_path, "minimal", *compute(literal))["gpai_scope"]
    assert found.outcome == "Likely a GPAI model"
    phrase = catalogue_phrase("GL.gpai_indicative")
    assert f"FLOP is {phrase} 1×10^23 FLOP" in found.statement


def test_a_written_figure_is_stated_with_its_own_precision(tmp_path: Path) -> None:
    found = determinations(tmp_path, "minimal", *compute('"1.000001*10^23"'))["gpai_scope"]
    assert found.statement.startswith("Training compute of 1.000001×10^23 FLOP is ")


# --- systemic risk, 10^25 FLOP (AI Act Art 51(2), AIA.51.2) ---------------------------------


@pytest.mark.parametrize("literal", forms_at(25) + forms_below(25))
def test_systemic_risk_is_not_presumed_at_or_below_ten_to_the_25(
    literal: str, tmp_path: Path
) -> None:
    found = determinations(tmp_path, "minimal", *compute(literal))["systemic_risk"]
    assert found.outcome == "Not presumed"
    phrase = catalogue_phrase("AIA.51.2")
    assert f"FLOP is not {phrase} 1×10^25 FLOP and the model is not designated" in found.statement


@pytest.mark.parametrize("literal", forms_above(25))
def test_systemic_risk_is_presumed_just_above_ten_to_the_25(literal: str, tmp_path: Path) -> None:
    found = determinations(tmp_path, "minimal", *compute(literal))["systemic_risk"]
    assert found.outcome == "Presumed"
    phrase = catalogue_phrase("AIA.51.2")
    assert f"FLOP is {phrase} 1×10^25 FLOP, so systemic risk is presumed" in found.statement


def test_a_designated_model_has_systemic_risk_below_the_threshold(tmp_path: Path) -> None:
    found = determinations(
        tmp_path, "minimal", {"systemic_risk": {"designated": True}}
    )  # the minimal sample trains with 2.3*10^23 FLOP
    assert found["systemic_risk"].outcome == "Presumed"
    assert found["systemic_risk"].statement.startswith("The model is designated")


# --- modification, one third of the original (GL.modifier_one_third, GL.modifier_fallback) ---

THIRD_EXACTLY = [  # modification, base: 3 x modification == base
    ('"2.1*10^24"', '"6.3*10^24"'),
    ('"3.0*10^24"', '"9.0*10^24"'),
    ('"1*10^24"', '"3*10^24"'),
    ('"1e24"', '"3e24"'),
    ('"2.1e24"', '"6.3e24"'),
    (str(10**24), str(3 * 10**24)),
    ('"7*10^23"', '"2.1*10^24"'),
]
THIRD_ABOVE = [
    ('"2.1000001*10^24"', '"6.3*10^24"'),
    ('"2.2*10^24"', '"6.3*10^24"'),
    ('"3.1*10^24"', '"9.0*10^24"'),
    (f'"1.{"0" * 22}1*10^24"', '"3*10^24"'),  # a step no float can hold
    (str(10**24 + 1), str(3 * 10**24)),
    ('"3333333333333333333333334"', '"10^25"'),  # 10^25 / 3 = 3333…333.33…
    (f'"3.{"3" * 23}4*10^24"', '"1.0*10^25"'),
]
THIRD_BELOW = [
    ('"2.0999999*10^24"', '"6.3*10^24"'),
    (str(10**24 - 1), str(3 * 10**24)),
    ('"3333333333333333333333333"', '"10^25"'),
    (f'"3.{"3" * 24}*10^24"', '"1.0*10^25"'),
]


def modifier(
    tmp_path: Path, modification: str, base: str | None, systemic: bool = False
) -> Determination:
    patch = {
        "modification": {
            "modification_flop": VALUE,
            "base_model_flop": BASE if base else {"not_applicable": "Not published."},
            "base_model_systemic_risk": systemic,
        }
    }
    literals = {VALUE: modification, **({BASE: base} if base else {})}
    return determinations(tmp_path, "fine-tune", patch, literals)["modifier"]


@pytest.mark.parametrize(("modification", "base"), THIRD_EXACTLY + THIRD_BELOW)
def test_a_modification_of_at_most_one_third_keeps_the_original_provider(
    modification: str, base: str, tmp_path: Path
) -> None:
    found = modifier(tmp_path, modification, base)
    assert found.outcome == "No"
    assert f"is not {catalogue_phrase('GL.modifier_one_third')} 1/3 of" in found.statement


@pytest.mark.parametrize(("modification", "base"), THIRD_ABOVE)
def test_a_modification_of_more_than_one_third_makes_a_provider(
    modification: str, base: str, tmp_path: Path
) -> None:
    found = modifier(tmp_path, modification, base)
    assert found.outcome == "Yes"
    assert f"is {catalogue_phrase('GL.modifier_one_third')} 1/3 of" in found.statement


# With the original's compute unknown, the guidelines assume 10^25 FLOP (systemic-risk
# original) or 10^23 FLOP (other GPAI model). A third of either has no finite decimal, so the
# boundary is pinned by the nearest written values on each side.
FALLBACK = [
    (True, f'"3.{"3" * 24}*10^24"', "No"),
    (True, f'"3.{"3" * 23}4*10^24"', "Yes"),
    (True, '"3333333333333333333333333"', "No"),
    (True, '"3333333333333333333333334"', "Yes"),
    (True, '"4.0*10^22"', "No"),  # above a third of 10^23, far below a third of 10^25
    (False, f'"3.{"3" * 22}*10^22"', "No"),
    (False, f'"3.{"3" * 21}4*10^22"', "Yes"),
    (False, '"33333333333333333333333"', "No"),
    (False, '"33333333333333333333334"', "Yes"),
    (False, '"4.0*10^22"', "Yes"),
]


@pytest.mark.parametrize(("systemic", "modification", "expected"), FALLBACK)
def test_the_fallback_when_the_original_compute_is_unknown(
    systemic: bool, modification: str, expected: str, tmp_path: Path
) -> None:
    found = modifier(tmp_path, modification, None, systemic)
    assert found.outcome == expected
    assumed = "1×10^25" if systemic else "1×10^23"
    assert f"1/3 of the {assumed} FLOP the guidelines assume" in found.statement


# --- the wording and the rule pack ----------------------------------------------------------

THRESHOLDS = {  # rule pack key: the catalogue id whose wording it must carry
    "gpai_indicative_flop": "GL.gpai_indicative",
    "systemic_risk_flop": "AIA.51.2",
    "modifier_compute_share": "GL.modifier_one_third",
    "legacy_placement_cutoff": "AIA.111.3",
}
NAMES = {"greater than": "greater_than", "more than": "more_than", "before": "before"}


@pytest.mark.parametrize(("key", "catalogue_id"), sorted(THRESHOLDS.items()))
def test_each_threshold_carries_its_catalogue_comparison(key: str, catalogue_id: str) -> None:
    from gpai_docs.law import rulepack

    pack = rulepack.load()
    assert pack.ref(key) == catalogue_id
    phrase = catalogue_phrase(catalogue_id)
    assert pack.comparison(key).name == NAMES[phrase]
    assert pack.comparison(key).words == phrase


@pytest.mark.skipif(not REQUIREMENTS.exists(), reason="../shared is not beside the checkout")
@pytest.mark.parametrize("catalogue_id", sorted(THRESHOLDS.values()))
def test_the_vendored_catalogue_words_each_threshold_alike(catalogue_id: str) -> None:
    assert vendored_phrase(catalogue_id) == requirements_phrase(catalogue_id)


def test_the_pack_holds_its_thresholds_exactly() -> None:
    from fractions import Fraction

    from gpai_docs.law import rulepack

    pack = rulepack.load()
    assert pack.exact("gpai_indicative_flop") == 10**23
    assert pack.exact("systemic_risk_flop") == 10**25
    assert pack.exact("modifier_compute_share") == Fraction(1, 3)
    assert pack.exact("modifier_fallback_flop_systemic") == 10**25
    assert pack.exact("modifier_fallback_flop_gpai") == 10**23


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"value": 1.0e23}, "write it exactly"),  # a float cannot hold every threshold
        ({"comparison": "roughly"}, "unknown comparison 'roughly'"),
        ({"value": "1/0"}, "'1/0' is not a number"),  # was a ZeroDivisionError traceback
        ({"value": "ten to the 23"}, "'ten to the 23' is not a number"),
        ({"value": "inf"}, "'inf' is not a number"),
    ],
)
def test_the_pack_refuses_inexact_or_unknown_thresholds(
    change: dict[str, Any], message: str
) -> None:

    from gpai_docs.law import rulepack

    raw = read_data("rulepack.yaml")
    raw["values"]["gpai_indicative_flop"].update(change)
    with pytest.raises(ValueError, match=message):
        rulepack.parse(raw)
