"""Lint's worker processes, forked: chunks of files out, results back, as each is done.

``concurrent.futures``' process pool costs about 30 ms to import (multiprocessing
brings sockets, tempfile and subprocess with it) and 10 ms more before a worker
runs, on a 500-file lint that takes about a second; lint needs only fork and two
pipes a worker. Each worker is forked with the parsed configs and rules in memory
and gets chunk numbers on its own pipe, two at a time so that it never waits; it
sends each chunk's results back on a pipe of its own as a msgpack frame, and this
process hands it the next chunk when a frame arrives, so a worker that the machine
slows down simply takes fewer chunks. A worker that raises sends the exception,
which is raised here; one that dies without a word is reported as such.

Used where fork is (Linux, macOS); elsewhere :mod:`.files` uses concurrent.futures.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import struct
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import msgspec

from ..errors import PressReleaseError

_INDEX = struct.Struct("<I")  #: a chunk number, worker-bound
_HEAD = struct.Struct("<IQ")  #: a result frame's chunk number and length
_FAILED = 0xFFFFFFFF  #: the chunk number of a frame that holds a pickled exception
_AHEAD = 2  #: chunks a worker holds at once: one in hand, one queued


class WorkerDied(PressReleaseError):
    """A worker process ended without finishing its chunks (killed, or out of memory)."""


def run_forked(
    chunks: Sequence[Sequence[Path]],
    workers: int,
    work: Callable[[Sequence[Path]], list[Any]],
    result_type: type,
) -> list[list[Any]]:
    """``[work(chunk) for chunk in chunks]``, worked out by ``workers`` forked processes."""
    decoder = msgspec.msgpack.Decoder(list[result_type])  # type: ignore[valid-type]
    children: list[_Child] = []
    try:
        for _ in range(min(workers, len(chunks))):
            children.append(_Child.fork(chunks, work, [fd for c in children for fd in c.fds()]))
        return _collect(children, chunks, decoder)
    finally:
        for child in children:
            child.close()


class _Child:
    def __init__(self, pid: int, tasks: int, results: int) -> None:
        self.pid = pid
        self.tasks: int | None = tasks  #: write end of its chunk-number pipe; None once closed
        self.results = results  #: read end of its result pipe
        self.buffer = bytearray()
        self.given = 0  #: chunks handed to it and not yet answered

    @classmethod
    def fork(
        cls, chunks: Sequence[Sequence[Path]], work: Callable[[Sequence[Path]], list[Any]], siblings: list[int]
    ) -> _Child:
        """Fork a worker; ``siblings`` are the earlier workers' pipe ends, which it closes (held
        open, another worker's chunk pipe would not end for that worker until this one exits)."""
        task_read, task_write = os.pipe()
        result_read, result_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: never returns
            for fd in (task_write, result_read, *siblings):
                os.close(fd)
            _serve(task_read, result_write, chunks, work)
        os.close(task_read)
        os.close(result_write)
        return cls(pid, task_write, result_read)

    def fds(self) -> list[int]:
        return [fd for fd in (self.tasks, self.results) if fd is not None]

    def give(self, index: int) -> None:
        assert self.tasks is not None
        os.write(self.tasks, _INDEX.pack(index))  # 4 bytes into a pipe holding at most 8: never blocks
        self.given += 1

    def finish(self) -> None:
        if self.tasks is not None:
            os.close(self.tasks)  # end of input: the worker exits
            self.tasks = None

    def close(self) -> None:
        """Close the pipes and reap the process, stopping it first if it is still at work."""
        self.finish()
        os.close(self.results)
        try:
            if os.waitpid(self.pid, os.WNOHANG) == (0, 0):
                import signal

                os.kill(self.pid, signal.SIGTERM)
                os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def _collect(children: list[_Child], chunks: Sequence[Sequence[Path]], decoder: Any) -> list[list[Any]]:
    results: list[list[Any] | None] = [None] * len(chunks)
    next_index = 0

    def feed(child: _Child) -> None:
        """The next chunk to ``child``, or the end of its input when none is left."""
        nonlocal next_index
        if next_index < len(chunks):
            child.give(next_index)
            next_index += 1
        else:
            child.finish()

    for _ in range(_AHEAD):
        for child in children:
            feed(child)
    selector = selectors.DefaultSelector()
    for child in children:
        selector.register(child.results, selectors.EVENT_READ, child)
    with selector:
        while selector.get_map():
            for key, _events in selector.select():
                child = key.data
                data = os.read(child.results, 1 << 16)
                if not data:
                    selector.unregister(child.results)
                    if child.given:
                        raise WorkerDied(
                            f"a lint worker (process {child.pid}) stopped before finishing its files; "
                            "rerun, or lint fewer files at once if memory is short"
                        )
                    continue
                child.buffer += data
                for index, payload in _frames(child.buffer):
                    if index == _FAILED:
                        import pickle

                        raise pickle.loads(payload)
                    results[index] = decoder.decode(payload)
                    child.given -= 1
                    feed(child)
    return [r if r is not None else [] for r in results]


def _frames(buffer: bytearray) -> list[tuple[int, bytes]]:
    """The complete frames at the start of ``buffer``, removed from it."""
    frames = []
    while len(buffer) >= _HEAD.size:
        index, size = _HEAD.unpack_from(buffer)
        end = _HEAD.size + size
        if len(buffer) < end:
            break
        frames.append((index, bytes(buffer[_HEAD.size : end])))
        del buffer[:end]
    return frames


def _serve(
    tasks: int, results: int, chunks: Sequence[Sequence[Path]], work: Callable[[Sequence[Path]], list[Any]]
) -> None:
    """The worker's loop: a chunk number in, its results out, until the input ends."""
    code = 0
    try:
        encoder = msgspec.msgpack.Encoder()
        while True:
            raw = _read_exactly(tasks, _INDEX.size)
            if not raw:
                break
            (index,) = _INDEX.unpack(raw)
            _send(results, index, encoder.encode(work(chunks[index])))
    except BaseException as error:  # every failure goes back to the parent
        import pickle
        import traceback

        code = 1
        try:
            payload = pickle.dumps(error)
        except Exception:  # an exception that cannot be pickled: its traceback as text
            payload = pickle.dumps(RuntimeError("".join(traceback.format_exception(error)).strip()))
        with contextlib.suppress(OSError):  # the parent may be gone
            _send(results, _FAILED, payload)
    finally:
        os._exit(code)  # no atexit handlers and no flushing of the parent's buffers here


def _send(fd: int, index: int, payload: bytes) -> None:
    view = memoryview(_HEAD.pack(index, len(payload)) + payload)
    while view:
        view = view[os.write(fd, view) :]


def _read_exactly(fd: int, size: int) -> bytes:
    data = b""
    while len(data) < size:
        part = os.read(fd, size - len(data))
        if not part:
            return b""
        data += part
    return data
