"""How completely the gazetteer knows who held a state's top offices, day by day.

``gaps(gazetteer, state, function, start, end)`` lists the stretches of days on which no
holder of a function (head of state, head of government, foreign minister, defence minister)
is known; ``overlaps`` lists the days a sole office has two holders. ``problems`` keeps the
gaps that no known vacancy or later founding (``vacancies.csv``) explains and that are longer
than the allowed stretch, and the overlaps. The coverage tests and ``scripts/coverage.py`` run
it over every UN member for 2000 to the data date.

Head of government: a prime minister (premier, chancellor...) or, where
``officeholders/systems*.csv`` says the president heads the government, the president.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Protocol

from dyad.resolve.gazetteer import Gazetteer
from dyad.resolve.loader import load_government_systems, load_vacancies
from dyad.resolve.offices import Office, normal_role, role_function

FUNCTIONS = ("head of state", "head of government", "foreign minister", "defence minister")
# The span the gazetteer must cover: 2000 to the data date.
START = date(2000, 1, 1)
END = date(2026, 12, 1)
# Not UN members, and not among the four non-members the gazetteer must cover.
NOT_COVERED = frozenset({"HKG", "MAC"})

# Titles of heads of state (after "acting", "interim", "caretaker" are dropped).
HEAD_OF_STATE_ROLES = frozenset(
    {"president", "king", "queen", "emir", "sultan", "monarch", "emperor", "grand duke",
     "prince", "pope", "co-prince", "captain regent", "supreme leader",
     "chairman of the state affairs commission",
     "president of the presidency", "chairman of the presidency", "member of the presidency",
     "yang di-pertuan agong", "chairman of the national defence commission",
     "chairman of the sovereignty council", "chairman of the presidential council",
     "head of state", "chairman of the transitional military council", "transitional president"}
)  # fmt: skip
# Compared with normal_role() forms ("co-prince" -> "co prince").
HEAD_OF_STATE_ROLES = frozenset(normal_role(r) for r in HEAD_OF_STATE_ROLES)
# Offices that several people hold at once by design: co-princes, captains regent, a collective
# presidency, a Federal Council. Overlaps are not errors there.
SHARED_ROLES = frozenset(
    {"co-prince", "captain regent", "member of the presidency", "chairman of the presidency",
     "president of the presidency", "chairman of the presidential council",
     "bosniak co-chairman of the council of ministers",
     "serb co-chairman of the council of ministers"}
)  # fmt: skip
SHARED_ROLES = frozenset(normal_role(r) for r in SHARED_ROLES)
# Heads of government that share the office by design (Bosnia and Herzegovina's co-chairmen of
# the Council of Ministers before June 2000, one per people).
SHARED_HEAD_OF_GOVERNMENT_ROLES = frozenset(
    normal_role(f"{people} co-chairman of the council of ministers")
    for people in ("bosniak", "serb")
)
_PREFIXES = ("acting ", "interim ", "caretaker ", "transitional ")
# States whose president is not the head of state: Iran's supreme leader is; the president
# heads the government there (officeholders/systems-asia.csv).
PRESIDENT_NOT_HEAD_OF_STATE = frozenset({"IRN"})
# States without a prime minister whose foreign minister is counted as the head of government:
# San Marino's Secretary of State for Foreign and Political Affairs (the captains regent are
# the heads of state).
FOREIGN_MINISTER_HEADS_GOVERNMENT = frozenset({"SMR"})


class OfficeSource(Protocol):
    @property
    def offices(self) -> tuple[Office, ...]: ...


def covered_states(gazetteer: Gazetteer) -> list[str]:
    """The states whose top offices must be known: the 193 UN members and Kosovo, Taiwan,
    Palestine and the Holy See."""
    return sorted(c for c in gazetteer.codes() if gazetteer.is_state(c) and c not in NOT_COVERED)


def function_of(
    office: Office, presidential: Iterable[tuple[str, date | None, date | None]]
) -> set[str]:
    """The functions an office serves (a president may be head of state and of government)."""
    role = normal_role(office.role)
    bare = role
    for prefix in _PREFIXES:
        if bare.startswith(prefix):
            bare = bare[len(prefix) :]
    out: set[str] = set()
    function = role_function(role, office.state)
    if function in FUNCTIONS:
        out.add(function)
    if bare in SHARED_HEAD_OF_GOVERNMENT_ROLES:
        out.add("head of government")
    if function == "foreign minister" and office.state in FOREIGN_MINISTER_HEADS_GOVERNMENT:
        out.add("head of government")
    if bare in HEAD_OF_STATE_ROLES:
        if not (bare == "president" and office.state in PRESIDENT_NOT_HEAD_OF_STATE):
            out.add("head of state")
        if bare == "president" and _presidential_any(office, presidential):
            out.add("head of government")
    return out


def _presidential_any(
    office: Office, systems: Iterable[tuple[str, date | None, date | None]]
) -> bool:
    return any(s == office.state for s, _, _ in systems)


def _presidential_on(
    state: str, day: date, systems: Sequence[tuple[str, date | None, date | None]]
) -> bool:
    return any(
        s == state and (f is None or f <= day) and (t is None or day <= t) for s, f, t in systems
    )


def holders(gazetteer: OfficeSource, state: str, function: str) -> list[Office]:
    """The offices of a state that serve a function."""
    systems = load_government_systems()
    out = []
    for office in gazetteer.offices:
        if office.state != state:
            continue
        functions = function_of(office, systems)
        if function in functions:
            out.append(office)
    return out


def _covered_days(
    offices: Sequence[Office], state: str, function: str, start: date, end: date
) -> list[int]:
    """How many holders each day from start to end has (index 0 = start)."""
    systems = load_government_systems()
    days = (end - start).days + 1
    count = [0] * days
    for office in offices:
        first = max(office.valid_from or start, start)
        last = min(office.valid_to or end, end)
        for i in range((first - start).days, (last - start).days + 1):
            day = start + timedelta(days=i)
            if (
                function == "head of government"
                and normal_role(office.role).endswith("president")
                and not _presidential_on(state, day, systems)
            ):
                continue
            count[i] += 1
    return count


def gaps(
    gazetteer: OfficeSource, state: str, function: str, start: date, end: date
) -> list[tuple[date, date]]:
    """Every stretch of days from start to end with no known holder of the function."""
    count = _covered_days(holders(gazetteer, state, function), state, function, start, end)
    return _runs(count, start, lambda n: n == 0)


def _runs(
    count: Sequence[int], start: date, inside: Callable[[int], bool]
) -> list[tuple[date, date]]:
    """The stretches of consecutive days (index 0 = start) whose count is ``inside``."""
    out: list[tuple[date, date]] = []
    run_start: int | None = None
    for i, n in enumerate([*count, None]):
        if n is not None and inside(n):
            run_start = i if run_start is None else run_start
        elif run_start is not None:
            out.append((start + timedelta(days=run_start), start + timedelta(days=i - 1)))
            run_start = None
    return out


def overlaps(
    gazetteer: OfficeSource, state: str, function: str, start: date, end: date
) -> list[tuple[date, date]]:
    """Stretches of days on which a sole office has two or more holders (shared offices,
    such as co-princes or a collective presidency, are left out)."""
    offices = [
        o
        for o in holders(gazetteer, state, function)
        if normal_role(o.role) not in SHARED_ROLES
        and not any(normal_role(o.role).startswith(p + r) for p in _PREFIXES for r in SHARED_ROLES)
    ]
    count = _covered_days(offices, state, function, start, end)
    return _runs(count, start, lambda n: n > 1)


MAX_GAP = 60  # days without a known holder that are tolerated
MAX_OVERLAP = 2  # days with two holders of a sole office that are tolerated


def founded(state: str) -> date | None:
    """The first day of a state founded after 2000 (``vacancies.csv``), else None."""
    days = [v.valid_from for v in load_vacancies() if v.state == state and v.kind == "founded"]
    return min(days) if days else None


def vacancies(state: str, function: str) -> list[tuple[date, date, str]]:
    """The known stretches in which a state's function had no holder, with the reason; a state
    founded after ``START`` had none of its offices before its first day."""
    out = [
        (v.valid_from, v.valid_to, v.reason)
        for v in load_vacancies()
        if v.state == state and v.kind == "vacant" and v.function == function and v.valid_to
    ]
    first = founded(state)
    if first and first > START:
        out.append((START, first - timedelta(days=1), "not yet founded"))
    return sorted(out)


def unexplained(state: str, function: str, first: date, last: date) -> list[tuple[date, date]]:
    """The parts of a stretch with no holder (first .. last) that no known vacancy explains."""
    out = []
    day = first
    for a, b, _ in vacancies(state, function):
        if b < day or a > last:
            continue
        if a > day:
            out.append((day, a - timedelta(days=1)))
        day = max(day, b + timedelta(days=1))
    if day <= last:
        out.append((day, last))
    return out


def problems(
    gazetteer: OfficeSource,
    state: str,
    function: str,
    start: date = START,
    end: date = END,
    max_gap: int = MAX_GAP,
) -> list[str]:
    """Every unexplained stretch longer than ``max_gap`` days with no known holder, and every
    stretch longer than ``MAX_OVERLAP`` days with two holders of a sole office."""
    out = []
    start = max(start, founded(state) or start)
    for first, last in gaps(gazetteer, state, function, start, end):
        for a, b in unexplained(state, function, first, last):
            if (b - a).days + 1 > max_gap:
                out.append(f"no holder {a} .. {b} ({(b - a).days + 1} days)")
    for a, b in overlaps(gazetteer, state, function, start, end):
        if (b - a).days + 1 > MAX_OVERLAP:
            out.append(f"two holders {a} .. {b}")
    return out
