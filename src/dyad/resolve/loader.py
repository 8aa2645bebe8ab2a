"""Reading the gazetteer's data files from the package (``dyad/data``).

Three CSV files, each opening with ``#`` comment lines that name the source and licence:

- ``states.csv`` (``code,kind,text``): names, capitals, seats of power, demonyms, people,
  institutions, armed forces, state firms and media of states, one alias a row; rows with
  an empty code are phrases that contain a state word but name no state actor.
- ``organisations.csv`` (``code,kind,text``): multilateral bodies by acronym and name.
- ``officeholders.csv`` and ``officeholders/*.csv`` (one file a region): people with their
  date-ranged offices; ``officeholders/systems*.csv``: where the president heads the government.
- ``nonstate.csv``: armed groups, militias, de facto authorities and peacekeeping forces, which
  are not states (``load_nonstate_groups``).
- ``vacancies.csv``: states founded after 2000 and stretches in which a top office had no
  holder in fact (``load_vacancies``), which the coverage check does not count as gaps.

The functions here only parse; ``Gazetteer.load`` puts the pieces together and caches them.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from dyad.errors import DyadError

log = logging.getLogger(__name__)

DATA_PACKAGE = "dyad.data"
OFFICE_FOLDER = "officeholders"
SYSTEMS_PREFIX = "systems"

STATE_KINDS = frozenset(
    {
        "name",
        "official",
        "capital",
        "seat",
        "demonym",
        "people",
        "institution",
        "military",
        "firm",
        "media",
        "pair",
        "former",
        "place",
        "other",
    }
)
ORGANISATION_KINDS = frozenset({"name", "acronym", "generic"})
NONSTATE_KINDS = frozenset(
    {"armed group", "militia", "paramilitary", "police", "private military company",
     "criminal group", "de facto authority", "de facto government", "peacekeeping force"}
)  # fmt: skip


class GazetteerDataError(DyadError):
    """A gazetteer data file is missing or malformed."""


@dataclass(frozen=True)
class Alias:
    """One way of naming an actor: the text as written in the data, the code it stands for
    (ISO 3166-1 alpha-3, an organisation's acronym, or "" for a phrase that names no actor),
    the kind of name, and whether the code is a state or an organisation."""

    text: str
    code: str
    kind: str
    organisation: bool = False


@dataclass(frozen=True)
class OfficeRow:
    """One row of ``officeholders.csv``, parsed."""

    name: str
    aliases: tuple[str, ...]
    role: str
    state: str
    valid_from: date | None
    valid_to: date | None
    term: int | None
    source: str
    note: str


@dataclass(frozen=True)
class NonStateGroup:
    """One row of ``nonstate.csv``: an actor that is not a state (an armed group, militia, de
    facto authority or peacekeeping force), where it is based, the state or body it is tied
    to (backer, sponsor, mandating body; "" if none) and when the row applies."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    based_in: str
    tied_to: str
    valid_from: date | None
    valid_to: date | None
    source: str
    note: str = ""

    def valid_on(self, day: date) -> bool:
        """Whether the row applies on ``day`` (both ends inclusive)."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


def data_lines(filename: str) -> Iterator[str]:
    """The lines of a packaged data file without its ``#`` comment lines."""
    try:
        text = resources.files(DATA_PACKAGE).joinpath(filename).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise GazetteerDataError(
            f"gazetteer data file {filename!r} is missing from the dyad package; reinstall dyad"
        ) from exc
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield line


def read_rows(filename: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of a packaged CSV file as dicts, after checking its header."""
    reader = csv.DictReader(data_lines(filename))
    header = tuple(reader.fieldnames or ())
    if header[: len(columns)] != columns:
        raise GazetteerDataError(f"{filename}: expected columns {columns}, found {header}")
    return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]


def _date(value: str, filename: str, line: int) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise GazetteerDataError(f"{filename} row {line}: bad date {value!r}") from exc


def load_state_aliases(filename: str = "states.csv") -> tuple[list[Alias], dict[str, str]]:
    """All state aliases, and each state's display name (its first ``name`` row)."""
    aliases: list[Alias] = []
    names: dict[str, str] = {}
    for i, row in enumerate(read_rows(filename, ("code", "kind", "text")), start=2):
        code, kind, text = row["code"], row["kind"], row["text"]
        if kind not in STATE_KINDS or not text:
            raise GazetteerDataError(f"{filename} row {i}: bad kind {kind!r} or empty text")
        if code and kind == "name":
            names.setdefault(code, text)
        aliases.append(Alias(text=text, code=code, kind=kind))
    return aliases, names


def load_organisation_aliases(
    filename: str = "organisations.csv",
) -> tuple[list[Alias], dict[str, str]]:
    """All aliases of multilateral bodies, and each body's display name."""
    aliases: list[Alias] = []
    names: dict[str, str] = {}
    for i, row in enumerate(read_rows(filename, ("code", "kind", "text")), start=2):
        code, kind, text = row["code"], row["kind"], row["text"]
        if kind not in ORGANISATION_KINDS or not code or not text:
            raise GazetteerDataError(f"{filename} row {i}: bad row {row}")
        if kind == "name":
            names.setdefault(code, text)
        aliases.append(Alias(text=text, code=code, kind=kind, organisation=True))
    return aliases, names


def office_files() -> list[str]:
    """``officeholders.csv`` and every ``officeholders/*.csv`` (one file a region), in order."""
    folder = resources.files(DATA_PACKAGE).joinpath(OFFICE_FOLDER)
    regional = sorted(
        f"{OFFICE_FOLDER}/{entry.name}"
        for entry in (folder.iterdir() if folder.is_dir() else ())
        if entry.name.endswith(".csv") and not entry.name.startswith(SYSTEMS_PREFIX)
    )
    return ["officeholders.csv", *regional]


def load_office_rows(filename: str | None = None) -> list[OfficeRow]:
    """Every office in ``filename``, or in all office files; a row repeated in two files (same
    name, role, state and dates) is kept once."""
    rows: list[OfficeRow] = []
    seen: set[tuple[object, ...]] = set()
    for name in [filename] if filename else office_files():
        for row in _office_rows(name):
            key = (row.name, row.role, row.state, row.valid_from, row.valid_to)
            if key not in seen:
                seen.add(key)
                rows.append(row)
    return rows


def _office_rows(filename: str) -> list[OfficeRow]:
    columns = ("name", "aliases", "role", "state", "valid_from", "valid_to", "term", "source")
    rows: list[OfficeRow] = []
    for i, row in enumerate(read_rows(filename, columns), start=2):
        if not row["name"] or not row["role"] or not row["state"]:
            raise GazetteerDataError(f"{filename} row {i}: name, role and state are required")
        valid_from = _date(row["valid_from"], filename, i)
        valid_to = _date(row["valid_to"], filename, i)
        if valid_from and valid_to and valid_to < valid_from:
            raise GazetteerDataError(f"{filename} row {i}: office ends before it starts")
        term = row["term"]
        if term and not term.isdigit():
            raise GazetteerDataError(f"{filename} row {i}: bad term {term!r}")
        rows.append(
            OfficeRow(
                name=row["name"],
                aliases=tuple(a.strip() for a in row["aliases"].split(";") if a.strip()),
                role=row["role"].lower(),
                state=row["state"],
                valid_from=valid_from,
                valid_to=valid_to,
                term=int(term) if term else None,
                source=row["source"],
                note=row.get("note", ""),
            )
        )
    log.debug("read %d offices from %s", len(rows), filename)
    return rows


@lru_cache(maxsize=1)
def load_government_systems() -> tuple[tuple[str, date | None, date | None], ...]:
    """``officeholders/systems*.csv``: the states (and periods) whose president heads the
    government, so that no prime minister is looked for there."""
    folder = resources.files(DATA_PACKAGE).joinpath(OFFICE_FOLDER)
    names = sorted(
        f"{OFFICE_FOLDER}/{entry.name}"
        for entry in (folder.iterdir() if folder.is_dir() else ())
        if entry.name.startswith(SYSTEMS_PREFIX) and entry.name.endswith(".csv")
    )
    columns = ("state", "head_of_government", "valid_from", "valid_to", "source")
    out = []
    for name in names:
        for i, row in enumerate(read_rows(name, columns), start=2):
            if row["head_of_government"] != "president":
                raise GazetteerDataError(f"{name} row {i}: head_of_government must be 'president'")
            start, end = _date(row["valid_from"], name, i), _date(row["valid_to"], name, i)
            out.append((row["state"], start, end))
    return tuple(out)


def load_nonstate_groups(filename: str = "nonstate.csv") -> list[NonStateGroup]:
    """Every row of ``nonstate.csv``: actors that are not states."""
    columns = ("name", "aliases", "kind", "based_in", "tied_to", "valid_from", "valid_to")
    out = []
    for i, row in enumerate(read_rows(filename, columns), start=2):
        if not row["name"] or row["kind"] not in NONSTATE_KINDS:
            raise GazetteerDataError(f"{filename} row {i}: bad name or kind {row['kind']!r}")
        valid_from = _date(row["valid_from"], filename, i)
        valid_to = _date(row["valid_to"], filename, i)
        if valid_from and valid_to and valid_to < valid_from:
            raise GazetteerDataError(f"{filename} row {i}: ends before it starts")
        out.append(
            NonStateGroup(
                name=row["name"],
                aliases=tuple(a.strip() for a in row["aliases"].split(";") if a.strip()),
                kind=row["kind"],
                based_in=row["based_in"],
                tied_to=row["tied_to"],
                valid_from=valid_from,
                valid_to=valid_to,
                source=row.get("source", ""),
                note=row.get("note", ""),
            )
        )
    return out


VACANCY_KINDS = frozenset({"founded", "vacant"})


@dataclass(frozen=True)
class Vacancy:
    """One row of ``vacancies.csv``: a state founded after 2000 (kind "founded", from its first
    day, every function) or a stretch in which a function had no holder in fact (kind
    "vacant"), with the reason; the coverage check does not count these days as gaps."""

    state: str
    kind: str
    function: str
    valid_from: date
    valid_to: date | None
    reason: str
    source: str


@lru_cache(maxsize=1)
def load_vacancies(filename: str = "vacancies.csv") -> tuple[Vacancy, ...]:
    """Every row of ``vacancies.csv``: founding days and known vacancies of top offices."""
    columns = ("state", "kind", "function", "valid_from", "valid_to", "reason", "source")
    out = []
    for i, row in enumerate(read_rows(filename, columns), start=2):
        kind, function = row["kind"], row["function"]
        valid_from = _date(row["valid_from"], filename, i)
        valid_to = _date(row["valid_to"], filename, i)
        if not row["state"] or kind not in VACANCY_KINDS or valid_from is None:
            raise GazetteerDataError(f"{filename} row {i}: bad state, kind or first day")
        if kind == "vacant" and (not function or valid_to is None or valid_to < valid_from):
            raise GazetteerDataError(f"{filename} row {i}: a vacancy needs a function and span")
        if kind == "founded" and (function or valid_to):
            raise GazetteerDataError(f"{filename} row {i}: a founding has only a first day")
        if not row["reason"] or not row["source"]:
            raise GazetteerDataError(f"{filename} row {i}: reason and source are required")
        out.append(
            Vacancy(
                state=row["state"],
                kind=kind,
                function=function,
                valid_from=valid_from,
                valid_to=valid_to,
                reason=row["reason"],
                source=row["source"],
            )
        )
    return tuple(out)
