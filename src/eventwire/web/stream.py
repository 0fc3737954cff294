"""Stream a push-style export (`api.export_table` writes to a file) as response chunks.

The export runs in a worker thread that writes into a bounded queue; the response reads
chunks from it, so memory stays flat and a slow client slows the export down. When the
client goes away, the next write raises and the worker stops. Text formats get a text
sink, Parquet a binary one.
"""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import Callable, Iterator
from typing import IO, TextIO

__all__ = ["ExportStream"]

CHUNK = 64 * 1024
DONE = object()
Chunks = queue.Queue[object]


class Cancelled(Exception):
    """The reader stopped reading (the client went away)."""


class Sink:
    """Collects writes into chunks of about `CHUNK` items and queues them."""

    def __init__(self, chunks: Chunks, cancelled: threading.Event, empty: str | bytes) -> None:
        self.chunks, self.cancelled, self.empty = chunks, cancelled, empty
        self.parts: list[str | bytes] = []
        self.size = self.position = 0

    def add(self, data: str | bytes) -> int:
        if self.cancelled.is_set():
            raise Cancelled
        self.parts.append(data)
        self.size += len(data)
        self.position += len(data)
        if self.size >= CHUNK:
            self.push()
        return len(data)

    def push(self) -> None:
        if self.parts:
            self.chunks.put(self.empty.join(self.parts))  # type: ignore[arg-type]
            self.parts, self.size = [], 0


class TextSink(io.TextIOBase):
    def __init__(self, sink: Sink) -> None:
        self.sink = sink

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return self.sink.add(text)


class BinarySink(io.RawIOBase):
    def __init__(self, sink: Sink) -> None:
        self.sink = sink

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        return self.sink.add(bytes(data))  # type: ignore[call-overload]

    def tell(self) -> int:
        return self.sink.position


Export = Callable[[TextIO | IO[bytes]], object]


class ExportStream:
    """Chunks of an export. The constructor waits for the first chunk (or the end), so an
    error raised before any output (a bad table or format) raises there, not mid-response."""

    def __init__(self, export: Export, binary: bool = False) -> None:
        self.chunks: Chunks = queue.Queue(maxsize=8)
        self.cancelled = threading.Event()
        sink = Sink(self.chunks, self.cancelled, b"" if binary else "")
        out = BinarySink(sink) if binary else TextSink(sink)
        self.worker = threading.Thread(target=self._run, args=(export, out, sink), daemon=True)
        self.worker.start()
        self.head = self._next()

    def _run(self, export: Export, out: io.IOBase, sink: Sink) -> None:
        try:
            export(out)  # type: ignore[arg-type]  # an IOBase is a file
            sink.push()
            self.chunks.put(DONE)
        except Cancelled:
            return
        except Exception as exc:  # handed over to the reader, raised there
            self.chunks.put(exc)

    def _next(self) -> str | bytes | None:
        item = self.chunks.get()
        if isinstance(item, Exception):
            raise item
        return None if item is DONE else item  # type: ignore[return-value]

    def __iter__(self) -> Iterator[str | bytes]:
        try:
            chunk = self.head
            while chunk is not None:
                yield chunk
                chunk = self._next()
        finally:
            self.cancel()

    def cancel(self) -> None:
        self.cancelled.set()
        while self.worker.is_alive():  # unblock a writer waiting on a full queue
            try:
                self.chunks.get(timeout=0.05)
            except queue.Empty:
                continue
