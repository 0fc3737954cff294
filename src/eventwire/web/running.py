"""Serve an app with uvicorn in a background thread, on a free loopback port, for a while.

Used by the browser test and `bench/page_screenshot.py`; `eventwire serve` runs uvicorn in
the foreground instead (`eventwire.web.serve`).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI

__all__ = ["free_port", "running"]


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on now (the OS's pick)."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@contextmanager
def running(app: FastAPI, host: str = "127.0.0.1", timeout: float = 20.0) -> Iterator[str]:
    """Serve `app` until the block ends; yields its base URL (`http://127.0.0.1:PORT`)."""
    import uvicorn

    port = free_port(host)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    try:
        wait_started(server, thread, timeout)
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)


def wait_started(server: object, thread: threading.Thread, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not getattr(server, "started", False):
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the web server did not start")
        time.sleep(0.05)
