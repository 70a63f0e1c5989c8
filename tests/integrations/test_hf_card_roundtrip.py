"""`gpai-docs export hf-card` edits the card's front matter through the round-trip tree.

A hand-written card with comments, an unusual key order, quoted scalars, a flow list,
YAML 1.1 traps (`no`, `010`, `1.10`), `~`, a four-space indent and a block scalar: after
the export every line gpai-docs does not own is byte for byte as written. Every expected
text below is written out by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from gpai_docs.load.documents import load_text
from tests.conftest import SAMPLES

Run = Callable[..., Result]

FRONT = (
    "# Hand-written metadata: gpai-docs owns only some of these keys.\n"
    "tags:          # owned, and listed first\n"
    "- research     # ours\n"
    'widget_title: "Try it"   # double quotes\n'
    "library_name: 'transformers'\n"
    "\n"
    "# The YAML 1.1 traps\n"
    "inference: no\n"
    "revision: 010\n"
    "version: 1.10\n"
    "base: ~\n"
    "extra_gated_fields: [name,  email, 'country']  # flow, odd spacing\n"
    "license: mit   # owned\n"
    "extra:\n"
    "    deep: {a: 1}\n"
    "description: |\n"
    "  A model card\n"
    "    over two lines.\n"
)


def _exported_front(tmp_path: Path, run_cli: Run) -> str:
    card = tmp_path / "README.md"
    card.write_text(f"---\n{FRONT}---\n# Lumen\n", encoding="utf-8")
    result = run_cli("export", "hf-card", SAMPLES / "minimal", "--out", card)
    assert result.exit_code == 0, result.output
    text = card.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return text[4 : text.index("\n---\n") + 1]


def test_every_line_gpai_docs_does_not_own_is_byte_identical(tmp_path: Path, run_cli: Run) -> None:
    front = _exported_front(tmp_path, run_cli)
    assert front == (
        "# Hand-written metadata: gpai-docs owns only some of these keys.\n"
        "tags:          # owned, and listed first\n"
        "- research     # ours\n"
        "- eu-ai-act\n"
        'widget_title: "Try it"   # double quotes\n'
        "library_name: 'transformers'\n"
        "\n"
        "# The YAML 1.1 traps\n"
        "inference: no\n"
        "revision: 010\n"
        "version: 1.10\n"
        "base: ~\n"
        "extra_gated_fields: [name,  email, 'country']  # flow, odd spacing\n"
        "license: other   # owned\n"
        "extra:\n"
        "    deep: {a: 1}\n"
        "description: |\n"
        "  A model card\n"
        "    over two lines.\n"
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


def test_comments_and_blank_lines_are_kept(tmp_path: Path, run_cli: Run) -> None:
    lines = _exported_front(tmp_path, run_cli).split("\n")
    assert lines[0] == "# Hand-written metadata: gpai-docs owns only some of these keys."
    assert "tags:          # owned, and listed first" in lines
    assert "- research     # ours" in lines
    assert "" in lines[:8]  # the blank line before the second comment
    assert "# The YAML 1.1 traps" in lines


def test_the_users_key_order_is_kept_and_new_keys_follow(tmp_path: Path, run_cli: Run) -> None:
    front = _exported_front(tmp_path, run_cli)
    keys = [line.split(":")[0] for line in front.split("\n") if line[:1].isalpha()]
    assert keys == [
        "tags",
        "widget_title",
        "library_name",
        "inference",
        "revision",
        "version",
        "base",
        "extra_gated_fields",
        "license",
        "extra",
        "description",
        "model_name",
        "license_link",
        "license_name",
        "pipeline_tag",
        "datasets",
        "language",
    ]


def test_single_and_double_quoted_scalars_keep_their_quotes(tmp_path: Path, run_cli: Run) -> None:
    lines = _exported_front(tmp_path, run_cli).split("\n")
    assert 'widget_title: "Try it"   # double quotes' in lines
    assert "library_name: 'transformers'" in lines


def test_a_flow_list_stays_a_flow_list_as_spaced(tmp_path: Path, run_cli: Run) -> None:
    lines = _exported_front(tmp_path, run_cli).split("\n")
    assert "extra_gated_fields: [name,  email, 'country']  # flow, odd spacing" in lines


def test_no_is_still_no_and_reads_as_the_word(tmp_path: Path, run_cli: Run) -> None:
    front = _exported_front(tmp_path, run_cli)
    assert "inference: no" in front.split("\n")
    assert load_text(front, "README.md").data["inference"] == "no"  # YAML 1.2: not false


def test_010_is_kept_as_written_and_is_never_8(tmp_path: Path, run_cli: Run) -> None:
    front = _exported_front(tmp_path, run_cli)
    assert "revision: 010" in front.split("\n")
    assert load_text(front, "README.md").data["revision"] == 10  # YAML 1.2: decimal


def test_1_10_is_kept_as_written(tmp_path: Path, run_cli: Run) -> None:
    front = _exported_front(tmp_path, run_cli)
    assert "version: 1.10" in front.split("\n")  # not 1.1


def test_a_tilde_and_a_four_space_indent_are_kept(tmp_path: Path, run_cli: Run) -> None:
    lines = _exported_front(tmp_path, run_cli).split("\n")
    assert "base: ~" in lines
    assert "    deep: {a: 1}" in lines


def test_a_block_scalar_is_kept_with_its_indentation(tmp_path: Path, run_cli: Run) -> None:
    front = _exported_front(tmp_path, run_cli)
    assert "description: |\n  A model card\n    over two lines.\nmodel_name:" in front
    assert load_text(front, "README.md").data["description"] == (
        "A model card\n  over two lines.\n"
    )


def test_the_owned_keys_have_the_documentations_values(tmp_path: Path, run_cli: Run) -> None:
    data = load_text(_exported_front(tmp_path, run_cli), "README.md").data
    assert data["license"] == "other"
    assert data["tags"] == ["research", "eu-ai-act"]
    assert data["model_name"] == "Lumen-Base-2"
    assert data["license_link"] == "https://lumen-ai.example/terms"
    assert data["license_name"] == "lumen-base-2-license"
    assert data["pipeline_tag"] == "text-generation"
    assert data["datasets"] == ["HuggingFaceFW/fineweb"]
    assert data["language"] == ["en", "nl"]


def test_tabs_between_a_value_and_its_comment_are_kept(tmp_path: Path, run_cli: Run) -> None:
    # libyaml reads a tab there as a blank; ruamel's scanner alone refused it.
    card = tmp_path / "README.md"
    card.write_text("---\nlibrary_name: x\t# tab\nlicense:\tmit\n---\n", encoding="utf-8")
    assert run_cli("export", "hf-card", SAMPLES / "minimal", "--out", card).exit_code == 0
    text = card.read_text(encoding="utf-8")
    assert text.startswith(
        "---\nlibrary_name: x\t# tab\nlicense: other\nmodel_name: Lumen-Base-2\n"
    )


def test_an_import_fills_the_scaffolds_lines_and_keeps_its_comments(
    tmp_path: Path, run_cli: Run
) -> None:
    card = tmp_path / "README.md"
    card.write_text(
        "---\nlicense: mit\ndatasets: [HuggingFaceFW/fineweb]\n---\n# Aurora\n", encoding="utf-8"
    )
    assert run_cli("import", "hf-card", card, "--out", tmp_path / "new").exit_code == 0
    md = (tmp_path / "new" / "model-documentation.yaml").read_text(encoding="utf-8")
    assert (
        "  # License (link) · MDF.distribution.license_link · for aio, nca, dp\n"
        "  #   e.g. https://example.com/model-licence\n"
        "  license_link: https://opensource.org/license/mit\n"
    ) in md
    tds = (tmp_path / "new" / "training-data-summary.yaml").read_text(encoding="utf-8")
    # The commented-out example of the optional list gives its place to the list.
    assert (
        "    # (required when `used` is Yes) List of large publicly available datasets ·\n"
        "    #   TDS.2.1.large_datasets · for public\n"
        "    # uncomment when `used` is Yes\n"
        "    large_datasets: [{name: HuggingFaceFW/fineweb, "
        "link: https://huggingface.co/datasets/HuggingFaceFW/fineweb}]\n"
    ) in tds
    # The lines after it are the scaffold's, as they were: the text after the list
    # (`outro`, issue 12), then the other datasets' description.
    after = tds.split("fineweb}]\n", 1)[1]
    assert after.index("TDS.2.1.large_datasets.outro") < after.index(
        "(required when `used` is Yes) General description of other publicly available"
    )
    assert after.startswith("    # ")
    assert "# large_datasets:" not in tds
