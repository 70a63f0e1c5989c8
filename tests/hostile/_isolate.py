"""Run a function in a forked child with a deadline, no network, and a report of how it ended.

A hang inside C code (libyaml, Pango) ignores SIGALRM, and a C stack overflow kills the
process; both must fail one test, not the run. The child inherits the imported modules,
so a case costs milliseconds rather than an interpreter start.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import socket
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Outcome:
    """How the child ended: its value, or the traceback / signal / timeout that ended it."""

    value: Any = None
    error: str | None = None
    fetches: list[str] = field(default_factory=list)


def _block_network(attempts: list[str]) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(repr(args[:2])[:200])
        raise OSError("network access is blocked in hostile-input tests")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse
    socket.getaddrinfo = refuse


def run_isolated(function: Callable[[], Any], timeout: float = 60.0) -> Outcome:
    """Call ``function`` in a child process; never raises for what happens in the child."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_end)
        attempts: list[str] = []
        _block_network(attempts)
        try:
            outcome = Outcome(value=function(), fetches=attempts)
        except BaseException:  # everything the child raises is the test's finding
            outcome = Outcome(error=traceback.format_exc(limit=-8), fetches=attempts)
        with os.fdopen(write_end, "wb") as pipe:
            pickle.dump(outcome, pipe)
        os._exit(0)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    with os.fdopen(read_end, "rb") as pipe:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return Outcome(error=f"timed out after {timeout:.0f} s (a hang)")
            ready, _, _ = select.select([pipe], [], [], left)
            if ready:
                chunk = os.read(pipe.fileno(), 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return Outcome(error=f"the process died of signal {os.WTERMSIG(status)} (a crash)")
    if not chunks:
        return Outcome(error=f"the process exited with status {os.waitstatus_to_exitcode(status)}")
    result = pickle.loads(b"".join(chunks))
    assert isinstance(result, Outcome)
    return result
