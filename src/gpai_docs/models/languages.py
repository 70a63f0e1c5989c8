"""ISO 639-1 language codes, as the summary lists its languages beside the free text."""

from typing import Annotated, Any

from pydantic import AfterValidator


def _language_code(value: str) -> str:
    if not (len(value) == 2 and value.isascii() and value.isalpha() and value.islower()):
        raise ValueError(
            f"{value!r} is not an ISO 639-1 language code; write two lower-case letters, "
            "such as en for English or de for German"
        )
    return value


LanguageCode = Annotated[str, AfterValidator(_language_code)]

# The summary's `section_1.languages` field, beside the free-text `linguistic` answer.
LANGUAGES_FIELD: dict[str, Any] = {
    "default": None,
    "title": "Languages (ISO 639-1 codes)",
    "description": "Every natural language of the training data as a two-letter ISO 639-1 "
    "code, beside the free-text answer above; model cards and catalogues read these.",
    "example": ["en", "de", "fr"],
}
