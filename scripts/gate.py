"""The evaluation gate: ingest each pinned corpus, export, score against its gold, check floors.

    python scripts/gate.py eval/floors.json [--write-floors]

Prints every measure. Fails (exit 1) when a measure falls below its floor, or when a gold
file's hash differs from the one pinned beside its floors (the floors were set on other gold).
Floors only go up, on purpose: --write-floors raises each floor to the measured value rounded
down to two decimals, and never lowers one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import tempfile
from pathlib import Path

from dyad.evaluate import flat_measures, load_records, report_lines, score
from dyad.export.formats import eval_record
from dyad.pipeline import ingest
from dyad.store.sqlite import open_store


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_set(name: str, spec: dict, root: Path) -> tuple[dict[str, float], list[str]]:
    corpus, gold = root / spec["corpus"], root / spec["gold"]
    problems = []
    if sha256(gold) != spec["gold_sha256"]:
        problems.append(f"{name}: {gold} is not the gold the floors were set on (sha256 differs)")
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "gate.db") as store:
        report = ingest([corpus], store)
        problems += [f"{name}: ingest failed: {error}" for error in report.failed]
        pred = {a.doc_id: eval_record(a) for a in store.analyses()}
    result = score(load_records(gold), pred)
    print(f"== {name}: {corpus} against {gold}")
    for line in report_lines(result):
        print("  " + line)
    return flat_measures(result), problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("floors", type=Path)
    ap.add_argument("--write-floors", action="store_true", help="raise floors to the scores")
    args = ap.parse_args()
    pinned = json.loads(args.floors.read_text())
    root = args.floors.resolve().parent.parent
    failures: list[str] = []
    for name, spec in pinned["sets"].items():
        measures, problems = run_set(name, spec, root)
        failures += problems
        for key, floor in spec["floors"].items():
            got = measures[key]
            mark = "ok " if got + 1e-9 >= floor else "LOW"
            print(f"  [{mark}] {key} {got:.3f} (floor {floor:.2f})")
            if got + 1e-9 < floor:
                failures.append(f"{name}: {key} {got:.3f} is below its floor {floor:.2f}")
            if args.write_floors:
                spec["floors"][key] = max(floor, math.floor(got * 100) / 100)
    if args.write_floors:
        args.floors.write_text(json.dumps(pinned, indent=2) + "\n")
    for failure in failures:
        print("gate: " + failure, file=sys.stderr)
    print("gate: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
