"""Children that die with their parent: a watchdog thread on the parent's process id.

When the supervisor of ``triage serve`` is killed with SIGKILL it cannot stop anything,
and its children - the uvicorn servers, which keep the listening port, and the parse,
extraction and render workers - would live on as orphans. Each child therefore calls
``die_with_parent`` as it starts: a daemon thread checks every ``poll_s`` whether the
process that started it is still its parent, and ends the child (``os._exit``) as soon
as it is not (an orphan is re-parented to init or a subreaper).

Why not ``PR_SET_PDEATHSIG``: the kernel sends that signal when the *thread* that forked
the child ends, not the process, and the pools replace a lost worker from whichever thread
noticed (the relay thread of one server connection, say), so a healthy replacement would
be killed when that connection closed.
"""

from __future__ import annotations

import os
import threading
import time

__all__ = ["ORPHAN_EXIT_CODE", "die_with_parent"]

ORPHAN_EXIT_CODE = 70


def _watch(parent: int, poll_s: float) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(ORPHAN_EXIT_CODE)
        time.sleep(poll_s)


def die_with_parent(parent: int | None = None, *, poll_s: float = 0.25) -> None:
    """End this process once ``parent`` (default: the current parent) is no longer its
    parent; return at once (the watch runs in a daemon thread)."""
    expected = parent if parent is not None else os.getppid()
    if os.getppid() != expected:
        os._exit(ORPHAN_EXIT_CODE)  # the parent died before the watch began
    threading.Thread(
        target=_watch, args=(expected, poll_s), name="triage-lifeline", daemon=True
    ).start()
