"""dyad's own scorer agrees with the reference scorer, and the name rules hold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyad.evaluate import load_records, report_lines, same_person, score
from tests.conftest import GOLD_DEV, GOLD_SEEDS, SCORER


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Marta Kowal", "Kowal Marta", True),
        ("Ines R. Duarte", "Ines Duarte", True),
        ("I. Duarte", "Ines Duarte", True),
        ("Mei-lin Tsai", "Meilin Tsai", True),
        ("Karim al-Rashid", "Karim Rashid", True),
        ("Kowal", "Marta Kowal", False),
        ("John Smith", "Jane Smith", False),
    ],
)
def test_person_matching(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same


def _reference(gold: Path, pred: Path) -> list[str]:
    out = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(pred)],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip().splitlines()


@pytest.mark.model
def test_dyad_eval_prints_what_score_py_prints_on_the_seeds(seeds_db: Path, tmp_path: Path) -> None:
    from dyad.export.formats import write
    from dyad.store.sqlite import open_store

    pred = tmp_path / "pred.jsonl"
    with open_store(seeds_db) as store, pred.open("w") as fh:
        write(store.analyses(), "eval", fh)
    ours = report_lines(score(load_records(GOLD_SEEDS), load_records(pred)))
    assert ours == _reference(GOLD_SEEDS, pred)


@pytest.mark.parametrize("gold", [GOLD_SEEDS, GOLD_DEV])
def test_gold_scored_against_itself_and_a_perturbation(gold: Path, tmp_path: Path) -> None:
    if not gold.exists():
        pytest.skip("no gold beside the repository")
    perturbed = tmp_path / "pred.jsonl"
    with perturbed.open("w") as fh:
        for n, line in enumerate(gold.read_text().splitlines()):
            doc = json.loads(line)
            doc["persons"] = doc["persons"][n % 2 :]
            doc["events"] = [
                dict(e, type="AID") if i % 3 == 0 else e for i, e in enumerate(doc["events"])
            ]
            doc["quotes"] = doc["quotes"][::2]
            doc["figures"] = [dict(f, value=f["value"] * 1.01) for f in doc["figures"]]
            fh.write(json.dumps(doc) + "\n")
    ours = report_lines(score(load_records(gold), load_records(perturbed)))
    assert ours == _reference(gold, perturbed)
    assert score(load_records(gold), load_records(gold))["overall"] == pytest.approx(1.0)
