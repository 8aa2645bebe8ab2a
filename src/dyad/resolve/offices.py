"""Offices and the roles they stand for: the ``Office`` record (one term of one person in one
office), the normalising of role titles to the function they name in a state
(``role_function("Secretary of State", "USA")`` -> ``"foreign minister"``), and
``likeliest_office``, which ranks the offices namesakes hold in several states at once.

``resolve.gazetteer`` indexes ``Office`` records; these helpers need no gazetteer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar

from dyad.resolve.text import fold

__all__ = ["Office", "likeliest_office", "normal_role", "role_function"]

# Titles that name the same function in different states (keyed by normalised role).
_ROLE_FUNCTIONS: Mapping[str, str] = {
    "foreign minister": "foreign minister",
    "minister of foreign affairs": "foreign minister",
    "external affairs minister": "foreign minister",
    "minister of external affairs": "foreign minister",
    "secretary of state": "foreign minister",
    "foreign secretary": "foreign minister",
    "defence minister": "defence minister",
    "minister of defence": "defence minister",
    "secretary of defence": "defence minister",
    "defence secretary": "defence minister",
    "secretary of war": "defence minister",
    "armed forces minister": "defence minister",
    "minister of the armed forces": "defence minister",
    "prime minister": "head of government",
    "premier": "head of government",
    "chancellor": "head of government",
    "chief adviser": "head of government",
    "minister of state": "head of government",
    "cardinal secretary of state": "head of government",
}
# Titles that name that function only in one state (India's foreign secretary is a diplomat).
_ROLE_FUNCTION_STATES: Mapping[str, frozenset[str]] = {
    "secretary of state": frozenset({"USA"}),
    "foreign secretary": frozenset({"GBR"}),
    "defence secretary": frozenset({"GBR"}),
    "secretary of war": frozenset({"USA"}),
    "chancellor": frozenset({"DEU", "AUT"}),
    # heads of Bangladesh's caretaker and interim governments, Bhutan's interim government
    "chief adviser": frozenset({"BGD", "BTN"}),
    # Monaco's minister of state heads its government; elsewhere the title is a junior one.
    "minister of state": frozenset({"MCO"}),
    "cardinal secretary of state": frozenset({"VAT"}),
}
_ROLE_PREFIXES = ("acting ", "interim ", "caretaker ")


@dataclass(frozen=True)
class Office:
    """One term of one person in one office; ``valid_to`` None means still in office."""

    name: str
    role: str
    state: str
    valid_from: date | None = None
    valid_to: date | None = None
    term: int | None = None
    source: str = ""

    def valid_on(self, day: date) -> bool:
        """Whether the office was held on ``day`` (both ends inclusive)."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


def normal_role(role: str) -> str:
    """A role in lower case with British spelling and single spaces ("Defense Secretary" ->
    "defence secretary")."""
    text = " ".join(fold(role).lower().replace("-", " ").split())
    return text.replace("defense", "defence")


def role_function(role: str, state: str = "") -> str:
    """The function a role stands for in a state: foreign minister, defence minister, head of
    government, or the role itself; acting/interim/caretaker holders count."""
    text = normal_role(role)
    for prefix in _ROLE_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
    function = _ROLE_FUNCTIONS.get(text)
    states = _ROLE_FUNCTION_STATES.get(text)
    if function is None or (state and states is not None and state not in states):
        return text
    return function


_LEADING = frozenset({"head of state", "head of government", "president", "supreme leader"})
_LEADING |= {"king", "queen", "emperor", "emir", "sultan", "prime minister", "premier"}


class _Held(Protocol):
    """What the namesake ranking reads of an office: its role and state."""

    @property
    def role(self) -> str | None: ...
    @property
    def state(self) -> str | None: ...


_O = TypeVar("_O", bound=_Held)


def _leads(office: _Held) -> bool:
    """Whether an office is a head of state's or government's."""
    return role_function(office.role or "", office.state or "") in _LEADING


def likeliest_office(offices: Sequence[_O], named: Mapping[str, int] | None = None) -> _O:
    """The office a name stands for when namesakes (or one person) hold offices of several
    states at once ("Pedro Sanchez": one state's prime minister, another's minister): that
    of the state the article names most (``named``: state code -> mentions), then a
    leader's before a minister's, then the first listed ("Charles III": the first realm's).
    With one state among them, the last office."""
    if len({o.state for o in offices}) < 2:
        return offices[-1]
    counts = named or {}

    def key(i: int) -> tuple[int, bool, int]:
        o = offices[i]
        return (counts.get(o.state or "", 0), _leads(o), -i)

    return offices[max(range(len(offices)), key=key)]
