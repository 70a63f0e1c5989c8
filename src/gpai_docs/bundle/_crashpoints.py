"""Named points of a release where tests stop the process, to prove a crash leaves no trace.

``GPAI_DOCS_TEST_CRASH_AT=<step>`` ends the process at once (``os._exit(137)``, as a
SIGKILL would); ``GPAI_DOCS_TEST_HOLD_AT=<step>`` writes ``GPAI_DOCS_TEST_HOLD_FILE`` and
waits there for the test to send a real SIGKILL. Unset, they cost one lookup.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

STEPS = ("built", "staged", "archived", "committed", "published")


def checkpoint(step: str) -> None:
    """Stop here if a test asked to."""
    if os.environ.get("GPAI_DOCS_TEST_CRASH_AT") == step:
        os._exit(137)
    if os.environ.get("GPAI_DOCS_TEST_HOLD_AT") == step:
        Path(os.environ["GPAI_DOCS_TEST_HOLD_FILE"]).write_text(step, encoding="utf-8")
        while True:
            time.sleep(0.05)
