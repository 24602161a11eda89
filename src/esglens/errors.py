"""Errors that name the file and the problem, so a batch can report them and go on."""

from __future__ import annotations


class EsglensError(Exception):
    """Base class: every error esglens raises on purpose."""


class InputError(EsglensError):
    """A file that cannot be read as a report: missing, empty, binary, corrupt, encrypted, scanned."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem
