"""English names of ISO 639-1 language codes, for printing the summary's language codes.

The EU's 24 official languages and other widely documented ones (ISO 639-1, English names
as the ISO 639 registration authority lists them, shortened where the register gives
several). A code that is not here is printed without a name.
"""

from __future__ import annotations

from collections.abc import Sequence

LANGUAGE_NAMES: dict[str, str] = {
    "bg": "Bulgarian", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "et": "Estonian", "fi": "Finnish", "fr": "French",
    "ga": "Irish", "hr": "Croatian", "hu": "Hungarian", "it": "Italian", "lt": "Lithuanian",
    "lv": "Latvian", "mt": "Maltese", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "sk": "Slovak", "sl": "Slovenian", "sv": "Swedish",
    "ar": "Arabic", "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "cy": "Welsh",
    "eu": "Basque", "fa": "Persian", "gl": "Galician", "he": "Hebrew", "hi": "Hindi",
    "id": "Indonesian", "is": "Icelandic", "ja": "Japanese", "ka": "Georgian",
    "ko": "Korean", "lb": "Luxembourgish", "mk": "Macedonian", "ms": "Malay",
    "nb": "Norwegian Bokmål", "nn": "Norwegian Nynorsk", "no": "Norwegian", "ru": "Russian",
    "sq": "Albanian", "sr": "Serbian", "sw": "Swahili", "ta": "Tamil", "th": "Thai",
    "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
    "zh": "Chinese",
}  # fmt: skip

LANGUAGES_LABEL = "Languages (ISO 639-1 codes)"


def named_codes(codes: Sequence[str]) -> str:
    """The codes as written, in their order, each with its English name where known:
    "es (Spanish), ca (Catalan), xx"."""
    return ", ".join(
        f"{code} ({LANGUAGE_NAMES[code]})" if code in LANGUAGE_NAMES else code for code in codes
    )
