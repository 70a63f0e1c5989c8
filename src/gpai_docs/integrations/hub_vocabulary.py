"""The Hugging Face Hub's metadata vocabulary and its mapping to the documents' values.

Licence identifiers follow the Hub's licence list (hf.co/docs/hub/repositories-licenses),
languages ISO 639-1, pipeline tags the Hub's task list. Only mappings that are exact in
both directions are listed, so an export followed by an import returns the same value.
"""

from __future__ import annotations

import re

from gpai_docs.models.language_names import LANGUAGE_NAMES

# Hub licence id -> canonical licence URL, for licences a link in the Form can name exactly.
LICENSE_URLS: dict[str, str] = {
    "apache-2.0": "https://www.apache.org/licenses/LICENSE-2.0",
    "mit": "https://opensource.org/license/mit",
    "bsd-2-clause": "https://opensource.org/license/bsd-2-clause",
    "bsd-3-clause": "https://opensource.org/license/bsd-3-clause",
    "mpl-2.0": "https://www.mozilla.org/en-US/MPL/2.0/",
    "gpl-3.0": "https://www.gnu.org/licenses/gpl-3.0.html",
    "lgpl-3.0": "https://www.gnu.org/licenses/lgpl-3.0.html",
    "agpl-3.0": "https://www.gnu.org/licenses/agpl-3.0.html",
    "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc-by-nc-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "cc-by-nc-sa-4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "unlicense": "https://unlicense.org/",
}
_URL_LICENSES = {url.rstrip("/").lower(): key for key, url in LICENSE_URLS.items()}


def hub_license(link: str) -> str | None:
    """The Hub licence id a licence link or name stands for, if it is an exact match."""
    text = link.strip()
    if text.lower() in LICENSE_URLS:
        return text.lower()
    return _URL_LICENSES.get(text.rstrip("/").lower())


# ISO 639-1 code -> English name, the one table the summary prints its codes with. Names
# are matched as whole words in the summary's free text.
LANGUAGES: dict[str, str] = LANGUAGE_NAMES
_BY_NAME = {name.lower(): code for code, name in LANGUAGES.items()}
_WORD = re.compile(r"[A-Za-z]+")


def language_codes(text: str) -> list[str]:
    """ISO 639-1 codes of the languages named in ``text``, in order of mention."""
    found: dict[str, None] = {}
    for word in _WORD.findall(text):
        code = _BY_NAME.get(word.lower())
        if code is not None:
            found.setdefault(code, None)
    return list(found)


def language_text(codes: list[str]) -> str | None:
    """The languages of ``codes`` as the summary writes them, e.g. "English, Dutch"."""
    names = [LANGUAGES[c.lower()] for c in codes if c.lower() in LANGUAGES]
    return ", ".join(names) if names else None


# (input modalities, output modalities) -> Hub pipeline tag, modalities as the Form names them.
_PIPELINES: dict[tuple[frozenset[str], frozenset[str]], str] = {
    (frozenset({"Text"}), frozenset({"Text"})): "text-generation",
    (frozenset({"Images", "Text"}), frozenset({"Text"})): "image-text-to-text",
    (frozenset({"Images"}), frozenset({"Text"})): "image-to-text",
    (frozenset({"Text"}), frozenset({"Images"})): "text-to-image",
    (frozenset({"Images", "Text"}), frozenset({"Images"})): "image-to-image",
    (frozenset({"Audio"}), frozenset({"Text"})): "automatic-speech-recognition",
    (frozenset({"Text"}), frozenset({"Audio"})): "text-to-speech",
    (frozenset({"Text"}), frozenset({"Video"})): "text-to-video",
    (frozenset({"Video", "Text"}), frozenset({"Text"})): "video-text-to-text",
}
_MODALITIES_BY_PIPELINE = {tag: pair for pair, tag in _PIPELINES.items()}


def pipeline_tag(inputs: set[str], outputs: set[str]) -> str | None:
    """The Hub task for these modalities; ``any-to-any`` for other multimodal models."""
    if not inputs or not outputs:
        return None
    tag = _PIPELINES.get((frozenset(inputs), frozenset(outputs)))
    if tag is not None:
        return tag
    return "any-to-any" if len(inputs | outputs) > 1 else None


def pipeline_modalities(tag: str) -> tuple[list[str], list[str]] | None:
    """Input and output modalities (sorted, Form names) that a Hub task implies."""
    pair = _MODALITIES_BY_PIPELINE.get(tag)
    return (sorted(pair[0]), sorted(pair[1])) if pair else None


# Hub ids are ASCII (re.ASCII: `\w` would take any letter); `\Z`, not `$`, which also
# matches before a final line break. Used with .match, each is anchored at the start and
# its runs cannot overlap (none takes `/`), so matching is linear in the text.
_REPO_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+\Z", re.ASCII)
_DATASET_URL = re.compile(r"https://huggingface\.co/datasets/([\w.-]+/[\w.-]+)/?\Z", re.ASCII)
_MODEL_URL = re.compile(r"https://huggingface\.co/([\w.-]+/[\w.-]+)/?\Z", re.ASCII)


def repo_id(name: str) -> str | None:
    """``name`` (without surrounding blanks) if it is a Hub repository id, else None."""
    name = name.strip()
    return name if _REPO_ID.match(name) else None


def dataset_id(link: str) -> str | None:
    """The dataset id in a ``huggingface.co/datasets/...`` link."""
    match = _DATASET_URL.match(link.strip())
    return match[1] if match else None


def dataset_url(identifier: str) -> str:
    return f"https://huggingface.co/datasets/{identifier}"


def model_id(link: str) -> str | None:
    match = _MODEL_URL.match(link.strip())
    return match[1] if match and match[1].split("/")[0] not in ("datasets", "spaces") else None
