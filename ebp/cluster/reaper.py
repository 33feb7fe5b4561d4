"""Ends a local Ray instance's processes once the ``ebp index --cluster local`` that started it is gone.

``ray.shutdown()`` ends them when the run ends, but a driver killed outright (SIGKILL, out of memory) runs no
clean-up, and Ray 2.60 then leaves two agents (``ray::DashboardAgent``, ``ray::RuntimeEnvAgent``) running for
good. So a local run starts this small watcher in its own session: it waits for the driver's process to end, then
ends every process that still holds a file in that Ray session's folder (Ray's processes rename themselves, but
their logs stay open there), politely first. Linux only (it reads ``/proc``); elsewhere it does nothing.

    EBP_RAY_SESSION=SESSION_DIR python -m ebp.cluster.reaper DRIVER_PID

(The folder goes by the environment, not the command line, so the watcher is not itself taken for a Ray process.)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

SESSION_ENV = "EBP_RAY_SESSION"
POLL_S = 0.5
GRACE_S = 3.0


def start(session_dir: str) -> subprocess.Popen[bytes] | None:
    """Watch this process and the Ray session in ``session_dir`` (None where there is no ``/proc``)."""
    if not Path("/proc/self/fd").is_dir():
        return None
    command = [sys.executable, "-m", "ebp.cluster.reaper", str(os.getpid())]
    env = {**os.environ, SESSION_ENV: session_dir}
    return subprocess.Popen(
        command, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def holding(session_dir: str) -> set[int]:
    """Processes (other than this one) with a file open under ``session_dir``."""
    found = set()
    for fd_dir in Path("/proc").glob("[0-9]*/fd"):
        pid = int(fd_dir.parent.name)
        if pid == os.getpid():
            continue
        try:
            if any(os.readlink(fd).startswith(session_dir) for fd in fd_dir.iterdir()):
                found.add(pid)
        except OSError:  # gone, or not ours to read
            continue
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    state = Path(f"/proc/{pid}/stat")
    try:  # a zombie (ended, not yet reaped by its parent) counts as gone
        return state.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def reap(driver: int, session_dir: str) -> int:
    """Wait for ``driver`` to end, then end the session's processes; how many had to be ended."""
    while alive(driver):
        time.sleep(POLL_S)
    time.sleep(POLL_S)  # Ray's own shutdown, when the driver ran it, has ended them already
    left = holding(session_dir)
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in left:
            try:
                os.kill(pid, sig)
            except OSError:
                continue
        deadline = time.monotonic() + GRACE_S
        while (left := {p for p in left if alive(p)}) and time.monotonic() < deadline:
            time.sleep(0.1)
        if not left:
            break
    return len(left)


if __name__ == "__main__":
    reap(int(sys.argv[1]), os.environ[SESSION_ENV])
