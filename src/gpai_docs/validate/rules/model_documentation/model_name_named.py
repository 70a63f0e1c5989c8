"""Model documentation rule on the Form's model name: one model's identifier, not the name of
a family of models (MD022). The test is the summary's (TS021, section 1.2), shared: the
family words of data/reviewer_lists.yaml and the summary rules' test for a pointer, a
link or a sentence where a name belongs."""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import JsonPath, Severity
from gpai_docs.law import reviewer_lists
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.model_documentation._form_values import MD, NEEDS


@rule(
    "MD022",
    "model-name-not-a-family",
    severity=Severity.WARNING,
    reference="Model Documentation Form, General information (model name)",
    catalogue=("MDF.general.model_name",),
    needs=NEEDS,
)
def model_name_not_a_family(context: RuleContext) -> Iterator[Finding]:
    """The model's name and the versions covered each name one model, not a family of models.

    Why: the Form asks for the model's unique identifier, such as "Llama 3.1-405B", with the
    family identifier where relevant and the names of the publicly available versions
    covered (MDF.general.model_name). Published documentation has given "The X 3 family of
    models" as the model's name: the AI Office and downstream providers cannot tell which
    model is documented, and the summary and the copyright policy are matched to it by that
    name (XD002, XD015). A link or a sentence in its place names no model either. The
    family has its own field, `family:`, which is not checked. The test is the one TS021
    applies to the summary's versioned model names (family words in
    data/reviewer_lists.yaml). A warning, as there: the Form does not define how a name is
    written. Fix: give the model's own identifier as `name`, each version's under
    `versions`, and the family's name under `family`.

    Passes:
        general: {model_name: {name: Lumen-Base-2, family: The Lumen 2 family of models, versions: [lumen-base-2-2025-10]}}

    Fails:
        general: {model_name: {name: The Lumen 2 family of models, versions: [lumen-base-2-2025-10]}}
    """
    # Imported here: importing the summary rules' package at the top would register its
    # rules before this package's, and reorder the rule reference and SARIF's rule list.
    from gpai_docs.validate.rules.training_data_summary.names import brief, not_a_model_name

    lists = reviewer_lists.load()
    model = context.md.general.model_name
    path: JsonPath = ("general", "model_name")
    named: list[tuple[JsonPath, str, str]] = [((*path, "name"), "The model name", model.name)]
    named += [
        ((*path, "versions", i), f"Version {i + 1} covered", v)
        for i, v in enumerate(model.versions)
    ]
    for where, what, name in named:
        if not_a_model_name(name):
            instead = "is a pointer, a link or a sentence, not the name of a model"
        elif lists.names_a_family(name):
            instead = "names a family or group of models, not one model"
        else:
            continue
        yield Finding(
            MD,
            where,
            f"{what}, {brief(name)!r}, {instead}",
            hint="Give the model's own identifier (such as `Lumen-Base-2.1`) here, and "
            "the family's name under `general.model_name.family`.",
        )
