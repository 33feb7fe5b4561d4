"""``ebp.cluster.reaper``: once the driver that started a local Ray is gone, the processes still holding that
session's files are ended, and nothing else is. Plain processes stand in for Ray's (no Ray needed)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ebp.cluster import reaper

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="the reaper reads /proc (Linux)")

HOLD = "import sys, time; f = open(sys.argv[1], 'a'); time.sleep(120)"


def _gone(process: subprocess.Popen[bytes], seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    return process.poll() is not None


def test_the_session_s_processes_end_with_the_driver_and_no_other(tmp_path: Path) -> None:
    session = tmp_path / "session_x"
    (session / "logs").mkdir(parents=True)
    agent = subprocess.Popen([sys.executable, "-c", HOLD, str(session / "logs" / "agent.log")])
    bystander = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path / "other.log")])
    driver = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    env = {**os.environ, reaper.SESSION_ENV: str(session)}
    watcher = subprocess.Popen([sys.executable, "-m", "ebp.cluster.reaper", str(driver.pid)], env=env)
    try:
        time.sleep(1.0)
        assert agent.poll() is None and watcher.poll() is None  # nothing ends while the driver lives
        driver.kill()
        driver.wait()
        assert _gone(agent), "the session's process outlived its driver"
        assert _gone(watcher)
        assert bystander.poll() is None  # a process holding no file of the session is left alone
    finally:
        for process in (agent, bystander, driver, watcher):
            process.kill()
            process.wait()
