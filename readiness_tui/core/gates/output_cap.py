"""A command's output as the runner keeps it: the first and last halves up to a byte cap, cut at
line ends and never through a private key, with a note of what was cut; and the non-blocking reads
that fill it."""

from __future__ import annotations

import os
import re

#: Bytes of output kept per run: the first and last halves, with a note of what was cut.
OUTPUT_CAP = 64 * 1024


class CappedOutput:
    """Keeps the first and the last ``cap // 2`` bytes of a stream and counts the rest."""

    def __init__(self, cap: int):
        self.half = max(cap // 2, 1)
        self.head = bytearray()
        self.tail = bytearray()
        self.total = 0

    def add(self, chunk: bytes) -> None:
        self.total += len(chunk)
        room = self.half - len(self.head)
        if room > 0:
            self.head += chunk[:room]
            chunk = chunk[room:]
        if chunk:
            self.tail += chunk
            if len(self.tail) > self.half:
                del self.tail[: len(self.tail) - self.half]

    @property
    def truncated(self) -> bool:
        return self.total > len(self.head) + len(self.tail)

    def text(self) -> str:
        head = self.head.decode("utf-8", "replace")
        if not self.truncated:
            return head + self.tail.decode("utf-8", "replace")
        tail = self.tail.decode("utf-8", "replace")
        # Cut at line ends so that no secret is split in two halves the redactor cannot see whole.
        nl = head.rfind("\n")
        if nl > len(head) // 2:
            head = head[: nl + 1]
        nl = tail.find("\n")
        if 0 <= nl < len(tail) // 2:
            tail = tail[nl + 1 :]
        head, tail = _drop_cut_keys(head, tail)
        cut = self.total - len(head.encode()) - len(tail.encode())
        return f"{head}\n[... {cut} bytes of output cut: {self.total} in all ...]\n{tail}"


_KEY_BEGIN = re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")
_KEY_END = re.compile(r"-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")


def _drop_cut_keys(head: str, tail: str) -> tuple[str, str]:
    """Drop whole a private key block the cap cut: a BEGIN left open at the end of the head, an END
    whose BEGIN was cut from the tail (the cap never keeps part of a secret)."""
    begins = list(_KEY_BEGIN.finditer(head))
    if begins and not _KEY_END.search(head, begins[-1].end()):
        head = head[: head.rfind("\n", 0, begins[-1].start()) + 1]
    end = _KEY_END.search(tail)
    if end and not _KEY_BEGIN.search(tail, 0, end.start()):
        nl = tail.find("\n", end.end())
        tail = "" if nl < 0 else tail[nl + 1 :]
    return head, tail


def read_some(fd: int, out: CappedOutput) -> bool:
    """Read what is available; True at end of file."""
    try:
        chunk = os.read(fd, 65536)
    except BlockingIOError:
        return False
    except OSError:
        return True
    if not chunk:
        return True
    out.add(chunk)
    return False


def drain(fd: int, out: CappedOutput) -> None:
    """Read what is left once the command is done (bounded: a child may still be writing)."""
    for _ in range(64):
        try:
            chunk = os.read(fd, 65536)
        except (BlockingIOError, OSError):
            return
        if not chunk:
            return
        out.add(chunk)
