"""Report how completely the gazetteer covers each state's top offices from 2000 to the data date.

    python scripts/coverage.py [--states AGO,BEN,...] [--max-gap 60] [--quiet]

Prints, for each state and function (head of state, head of government, foreign minister,
defence minister), the stretches with no known holder longer than --max-gap days, and the
stretches where a sole office has two holders for more than two days. Exit 1 if any.
"""

from __future__ import annotations

import argparse
import sys

from dyad.resolve.coverage import END, FUNCTIONS, START, covered_states, gaps, overlaps
from dyad.resolve.gazetteer import Gazetteer


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--states", default="", help="comma-separated ISO codes (default: all)")
    ap.add_argument("--max-gap", type=int, default=60)
    ap.add_argument("--functions", default=",".join(FUNCTIONS))
    ap.add_argument("--quiet", action="store_true", help="only the summary line")
    args = ap.parse_args()
    gazetteer = Gazetteer.load()
    states = [s for s in args.states.split(",") if s] or covered_states(gazetteer)
    problems = 0
    for state in states:
        for function in args.functions.split(","):
            for a, b in gaps(gazetteer, state, function, START, END):
                if (b - a).days + 1 > args.max_gap:
                    problems += 1
                    if not args.quiet:
                        print(f"{state} {function}: no holder {a} .. {b} ({(b - a).days + 1} days)")
            for a, b in overlaps(gazetteer, state, function, START, END):
                if (b - a).days + 1 > 2:
                    problems += 1
                    if not args.quiet:
                        print(f"{state} {function}: two holders {a} .. {b}")
    print(f"coverage: {len(states)} states, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
