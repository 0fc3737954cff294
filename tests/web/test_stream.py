"""Downloads stream from a worker thread that stops when the reader stops."""

from __future__ import annotations

import threading
from typing import IO, TextIO, cast

import pytest

from eventwire.web.stream import CHUNK, ExportStream


def test_stream_yields_everything_written() -> None:
    def export(out: TextIO | IO[bytes]) -> None:
        for n in range(3000):
            cast(TextIO, out).write(f"row {n}\n")

    text = "".join(str(chunk) for chunk in ExportStream(export))
    assert text.splitlines() == [f"row {n}" for n in range(3000)]


def test_stream_binary_chunks() -> None:
    def export(out: TextIO | IO[bytes]) -> None:
        cast(IO[bytes], out).write(b"\x00" * (CHUNK + 10))
        cast(IO[bytes], out).write(b"end")

    chunks = list(ExportStream(export, binary=True))
    assert b"".join(chunks) == b"\x00" * (CHUNK + 10) + b"end"  # type: ignore[arg-type]
    assert len(chunks) == 2


def test_stream_raises_an_early_error_before_any_output() -> None:
    def export(_out: TextIO | IO[bytes]) -> None:
        raise ValueError("no such table")

    with pytest.raises(ValueError, match="no such table"):
        ExportStream(export)


def test_stream_stops_the_worker_when_the_reader_stops() -> None:
    stopped = threading.Event()

    def export(out: TextIO | IO[bytes]) -> None:
        try:
            while True:
                cast(TextIO, out).write("x" * 1000)
        finally:
            stopped.set()

    stream = ExportStream(export)
    chunks = iter(stream)
    assert next(chunks)
    chunks.close()  # type: ignore[attr-defined]
    assert stopped.wait(5)
    assert not stream.worker.is_alive()
