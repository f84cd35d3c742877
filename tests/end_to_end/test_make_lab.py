"""`make lab`, the first command a newcomer types, opens the first lesson for any user, root included."""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from kit_testing import ROOT
from lab import free_port

STAMP_OPTIONS = ["-o", f"{Path(sys.prefix)}/.kit-installed"]


def dry_run_lab(user_id: str) -> str:
    """The command `make lab` would run for a user with ``user_id``, without running it."""
    result = subprocess.run(
        ["make", "-n", "-s", *STAMP_OPTIONS, "lab", f"VENV={sys.prefix}", f"LAB_USER_ID={user_id}"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    return result.stdout


def fresh_clone(target: Path) -> Path:
    """The files a fresh clone holds, as they are in this working tree (uncommitted edits included)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def test_make_lab_allows_root_for_the_root_user():
    assert "--allow-root" in dry_run_lab("0")


def test_make_lab_does_not_allow_root_for_a_normal_user():
    assert "--allow-root" not in dry_run_lab("1000")


@pytest.mark.slow
def test_make_lab_on_a_fresh_clone_serves_the_first_lesson(tmp_path):
    clone = fresh_clone(tmp_path / "clone")
    port, token = free_port(), secrets.token_hex(16)
    lab_args = (
        f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port={port} --ServerApp.port_retries=0 "
        f"--IdentityProvider.token={token}"
    )
    log_path = tmp_path / "make-lab.log"
    with open(log_path, "w") as log:
        # The kit is already installed in this venv; -o keeps make from reinstalling it into the clone.
        process = subprocess.Popen(
            ["make", *STAMP_OPTIONS, "lab", f"VENV={sys.prefix}", f"LAB_ARGS={lab_args}"],
            cwd=clone, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "HOME": str(tmp_path / "home")},
        )
    try:
        url = f"http://127.0.0.1:{port}/api/contents/notebooks/00-start-here.ipynb?token={token}"
        deadline, body = time.time() + 90, None
        while body is None:
            try:
                body = urllib.request.urlopen(url, timeout=2).read().decode()
            except OSError:
                if process.poll() is not None or time.time() > deadline:
                    pytest.fail(f"make lab did not serve the first lesson:\n{log_path.read_text()[-3000:]}")
                time.sleep(0.5)
        assert '"name": "00-start-here.ipynb"' in body or '"name":"00-start-here.ipynb"' in body
        glossary = f"http://127.0.0.1:{port}/api/contents/lessons/glossary.md?token={token}"
        assert urllib.request.urlopen(glossary, timeout=5).status == 200, "the lessons' glossary link would be broken"
        printed = log_path.read_text()
        assert "If no browser window opens, copy the address" in printed
        assert f"http://127.0.0.1:{port}/lab?token=" in printed
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
