"""Copy the requirement catalogue (../shared/spec/fields.json) into the package.

The installed tool cannot reach ../shared, so it carries the subset it needs:
id, document, section, label, audience, allowed values and confidence.
Run after the catalogue changes:  python scripts/sync_catalogue.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "spec" / "fields.json"
TARGET = ROOT / "src" / "gpai_docs" / "data" / "catalogue.json"
KEPT = ("document", "section", "label", "audience", "allowed_values", "required", "confidence")


def vendored(source: dict[str, object]) -> str:
    fields = source["fields"]
    assert isinstance(fields, list)
    entries = {f["id"]: {k: f[k] for k in KEPT} for f in fields}
    payload = {"companion": "shared/spec/requirements.md", "entries": entries}
    return json.dumps(payload, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    text = vendored(json.loads(SOURCE.read_text(encoding="utf-8")))
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
