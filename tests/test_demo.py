"""`newsbot demo` (what `make demo` runs): the demo site crawled into a fresh archive, served by Datasette."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_demo_crawls_and_serves(tmp_path):
    port = free_port()
    db = tmp_path / "demo.db"
    db.write_bytes(b"stale junk from an earlier run")  # the demo must start from a fresh archive
    demo = subprocess.Popen(
        [sys.executable, "-m", "newsbot", "demo", "--db", str(db), "--port", str(port)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 180
        stories = None
        while time.monotonic() < deadline and demo.poll() is None:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/news.json?sql=select+count(*)+as+n+from+articles&_shape=array",
                    timeout=5,
                ) as response:
                    stories = json.load(response)[0]["n"]
                break
            except OSError:
                time.sleep(0.5)
        assert stories is not None, "the demo never served its archive"
        assert stories >= 12
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
            front = response.read().decode()
        assert "Harbor Gazette" in front and "Valley Courier" in front
    finally:
        os.killpg(demo.pid, signal.SIGINT)
        try:
            output, _ = demo.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(demo.pid, signal.SIGKILL)
            output, _ = demo.communicate()
    assert f"http://127.0.0.1:{port}/" in output
