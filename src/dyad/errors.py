"""dyad's errors: one small hierarchy, each message something a user can act on."""

from __future__ import annotations


class DyadError(Exception):
    """The base of every error dyad raises on purpose."""


class IngestError(DyadError):
    """An input could not be read as an article (empty, binary, too large, malformed)."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[type[IngestError], tuple[str, str, int | None]]:
        # Picklable with its fields (a worker process hands errors back to the parent).
        return (type(self), (self.path, self.problem, self.line))


class StoreError(DyadError):
    """The database could not be opened, migrated or written."""


class EvalError(DyadError):
    """A gold or prediction file could not be read."""
