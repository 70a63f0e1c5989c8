"""The codes that are not registered rules: loading (DL), schema (SC) and internal (GD).

They come from the loader, the schema step and the engine rather than from ``@rule``
functions, so their documentation lives here: the rule reference (docs/rules.md) and the
SARIF rule descriptors both read it, and each code gets its own anchor there.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BuiltinCode:
    code: str
    name: str
    summary: str
    help: str  # what it means and how to fix it, in plain words


FAMILIES = {
    "DL": "Loading the documents",
    "SC": "Document format (schema)",
    "GD": "gpai-docs itself",
}

CODES: dict[str, BuiltinCode] = {
    c.code: c
    for c in (
        BuiltinCode(
            "DL001",
            "document-missing-or-unreadable",
            "A document is missing from the project, or its file cannot be read.",
            "Each project folder holds model-documentation, training-data-summary and "
            "copyright-policy (.yaml, .yml or .json). Create the missing file (`gpai-docs "
            "init` writes all three) or check that the file exists, is a regular file and "
            "is readable.",
        ),
        BuiltinCode(
            "DL002",
            "not-valid-yaml-or-json",
            "The file is not valid YAML or JSON.",
            "The line and column point at the first place the text stops being YAML or "
            "JSON: often an unclosed quote or bracket, a tab used for indentation, or a "
            "colon followed by text without a space. Correct the text there.",
        ),
        BuiltinCode(
            "DL003",
            "not-one-document",
            "The file is empty or holds more than one YAML document.",
            "A document file holds exactly one mapping. Remove the extra `---` line that "
            "starts a second document, or fill the empty file (`gpai-docs init`).",
        ),
        BuiltinCode(
            "DL004",
            "duplicate-key",
            "A key is written twice in the same mapping.",
            "YAML readers disagree on which of two equal keys counts: gpai-docs reads the "
            "first, many other tools the last. Keep one of the two entries.",
        ),
        BuiltinCode(
            "DL005",
            "yaml-tag-or-unusual-value",
            "The document uses a YAML tag or a value form gpai-docs does not accept.",
            "Tags such as `!!python/object` or `!include` are refused, so that a document "
            "is plain data that every reader reads alike. Write the value as plain text, "
            "a number, a list or a mapping.",
        ),
        BuiltinCode(
            "DL006",
            "document-too-large-or-deep",
            "The document nests too deep, expands to too many values, or reuses anchors.",
            "Limits protect the tool from documents built to exhaust it. Flatten the "
            "structure and write values out instead of repeating them through anchors "
            "and aliases (`&name` / `*name`).",
        ),
        BuiltinCode(
            "DL007",
            "not-utf8-text",
            "The file is not UTF-8 text (UTF-16, binary, or invalid bytes).",
            "Save the document as UTF-8 in your editor, or point gpai-docs at the YAML or "
            "JSON document rather than another file.",
        ),
        BuiltinCode(
            "DL008",
            "document-in-two-files",
            "A document exists in more than one file (for example .yaml and .json).",
            "gpai-docs cannot tell which of the two files is the document. Keep one file "
            "per document and delete or rename the other.",
        ),
        BuiltinCode(
            "DL009",
            "document-not-in-project",
            "A document is not in this partial project: what is there is checked on its own.",
            "A folder may hold only one or two of the three documents (a legal team may own "
            "only the copyright policy). The documents that are there are checked; the "
            "checks that need the missing one are skipped, and the report lists them. Add "
            "the file to run them, or pass `--complete` to make a missing document an "
            "error (DL001); a release always needs all three.",
        ),
        BuiltinCode(
            "SC001",
            "required-field-missing",
            "A field the document's format requires is missing.",
            "Add the field. Where the answer is not known yet, write "
            '`{to_be_provided: "who, by when"}`; where it does not apply, '
            "`{not_applicable: why}`. `gpai-docs schema` shows every field.",
        ),
        BuiltinCode(
            "SC002",
            "unknown-field",
            "The document holds a field its format does not have.",
            "The field is not part of the document's format, often a misspelling or a "
            "field of another document. Remove it or correct its name.",
        ),
        BuiltinCode(
            "SC003",
            "wrong-kind-of-value",
            "A value is of the wrong kind (text, number, date, list or mapping).",
            "Write the value in the form the field takes, for example dates as "
            "YYYY-MM-DD; `gpai-docs schema` shows what each field accepts.",
        ),
        BuiltinCode(
            "SC004",
            "value-not-among-choices",
            "A value is not one of the answers the field allows.",
            "The field takes one of a fixed list of answers, as the template or Form "
            "words them. Use one of the listed values.",
        ),
        BuiltinCode(
            "SC005",
            "value-out-of-range",
            "A value is out of range: too small, too large, too short or too long.",
            "Bring the value within the allowed range or length; the message says which "
            "limit applies.",
        ),
        BuiltinCode(
            "SC006",
            "value-not-accepted",
            "A value breaks a rule of the document's format (for example a malformed "
            "number or web address).",
            "Correct the value as the message says; `gpai-docs schema` shows each field.",
        ),
        BuiltinCode(
            "SC007",
            "required-answer-blank",
            "A required answer is blank.",
            "A blank is never accepted in silence. Write the answer, or "
            '`{to_be_provided: "who, by when"}` while it is being written, or '
            "`{not_applicable: why}` where it does not apply.",
        ),
        BuiltinCode(
            "SC099",
            "value-not-valid",
            "A value does not match the document's format.",
            "Correct the value; `gpai-docs schema` shows what each field accepts.",
        ),
        BuiltinCode(
            "GD001",
            "internal-error",
            "gpai-docs itself failed: a bug in the tool, not a problem in the documents.",
            "The other checks still ran, but the result is incomplete: `validate` exits 2 "
            "and `build` refuses. Run again with `GPAI_DOCS_DEBUG=1` to see the traceback "
            "and report it to the gpai-docs maintainers.",
        ),
    )
}


def builtin_code(code: str) -> BuiltinCode:
    """The documentation of ``code``; a code this table lacks gets its family's wording."""
    known = CODES.get(code)
    if known is not None:
        return known
    family = FAMILIES.get(code[:2], "gpai-docs")
    return BuiltinCode(
        code,
        f"gpai-docs-{code.lower()}",
        f"A finding of gpai-docs ({family.lower()}).",
        "The message says what is wrong and how to fix it.",
    )
