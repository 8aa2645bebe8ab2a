"""Settings are data: each has a name, a default and a help text, which drive the CLI and docs."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    env: str | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "dyad.db", "the database: a SQLite file or a postgresql:// URL", env="DYAD_DB"),
    Setting(
        "max_file_bytes",
        5_000_000,
        "files (and JSONL lines) larger than this many bytes are refused",
        env="DYAD_MAX_FILE_BYTES",
    ),
    Setting(
        "min_text_chars",
        40,
        "a document whose cleaned text is shorter than this is refused as empty",
    ),
)


@dataclass(frozen=True)
class Settings:
    """The values in force. ``Settings.from_env()`` reads the environment variables named above."""

    db: str = "dyad.db"
    max_file_bytes: int = 5_000_000
    min_text_chars: int = 40
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        values: dict[str, Any] = {}
        for s in SETTINGS:
            if s.env and s.env in os.environ:
                values[s.name] = type(s.default)(os.environ[s.env])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)
