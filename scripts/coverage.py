"""Report how completely the gazetteer covers each state's top offices from 2000 to the data date.

    python scripts/coverage.py [--states AGO,BEN,...] [--max-gap 60] [--quiet]
    python scripts/coverage.py --summary

Prints, for each state and function (head of state, head of government, foreign minister,
defence minister), the stretches with no known holder longer than --max-gap days that no known
vacancy or later founding (dyad/data/vacancies.csv) explains, and the stretches where a sole
office has two holders for more than two days. Exit 1 if any. --summary prints instead the
officeholder rows counted by function, by role, by file and by source.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from dyad.resolve.coverage import END, FUNCTIONS, START, covered_states, function_of, problems
from dyad.resolve.gazetteer import Gazetteer, Office
from dyad.resolve.loader import (
    load_government_systems,
    load_office_rows,
    load_vacancies,
    office_files,
)


def _source_kind(source: str) -> str:
    if "checked" in source:
        return "general knowledge; checked against a named public reference"
    return source.split(";")[0].strip() or "(none)"


def summary(top: int = 40) -> None:
    """Officeholder rows by function, role, file and source (each file's rows; a row repeated
    in two files is counted in both)."""
    systems = load_government_systems()
    by_function: Counter[str] = Counter()
    by_role: Counter[str] = Counter()
    by_file: Counter[str] = Counter()
    by_source: Counter[str] = Counter()
    total = 0
    for name in office_files():
        for row in load_office_rows(name):
            total += 1
            office = Office(
                name=row.name, role=row.role, state=row.state,
                valid_from=row.valid_from, valid_to=row.valid_to,
            )  # fmt: skip
            functions = function_of(office, systems) or {"other office"}
            by_function.update(functions)
            by_role[row.role] += 1
            by_file[name] += 1
            by_source[_source_kind(row.source)] += 1
    print(f"officeholder rows: {total}")
    for title, counter, limit in (
        ("by function (a president heading the government counts twice)", by_function, 0),
        (f"by role (top {top})", by_role, top),
        ("by file", by_file, 0),
        ("by source", by_source, 0),
    ):
        print(f"\n{title}:")
        for key, n in counter.most_common(limit or None):
            print(f"  {n:6d}  {key}")
    kinds = Counter(v.kind for v in load_vacancies())
    print(f"\nvacancies.csv: {kinds['founded']} foundings, {kinds['vacant']} vacancies")


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--states", default="", help="comma-separated ISO codes (default: all)")
    ap.add_argument("--max-gap", type=int, default=60)
    ap.add_argument("--functions", default=",".join(FUNCTIONS))
    ap.add_argument("--quiet", action="store_true", help="only the summary line")
    ap.add_argument("--summary", action="store_true", help="row counts by role and source")
    args = ap.parse_args()
    if args.summary:
        summary()
        return 0
    gazetteer = Gazetteer.load()
    states = [s for s in args.states.split(",") if s] or covered_states(gazetteer)
    count = 0
    for state in states:
        for function in args.functions.split(","):
            for problem in problems(gazetteer, state, function, START, END, args.max_gap):
                count += 1
                if not args.quiet:
                    print(f"{state} {function}: {problem}")
    print(f"coverage: {len(states)} states, {count} problems")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
