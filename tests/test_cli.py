"""The command line end to end: ingest (twice), bad inputs, export, eval, stats."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import cli
from tests.conftest import GOLD_SEEDS, SEEDS

LATIN1_ARTICLE = (
    "Bogotá y Quito: Colombia's foreign minister met Ecuador's president in Quito on Tuesday, "
    "officials said, to discuss border security and trade along the Pacific coast.\n\n"
    "The two governments agreed to meet again next month in Bogotá.\n"
)

pytestmark = pytest.mark.model


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_ingesting_the_seeds_twice_changes_nothing(needs_shared: None, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    code, out, _ = _run("ingest", str(SEEDS), "--db", db)
    assert code == 0 and "5 added" in out
    _, first, _ = _run("stats", "--db", db, "--json")
    code, out, _ = _run("ingest", str(SEEDS), "--db", db)
    assert code == 0 and "0 added, 5 already stored" in out
    _, second, _ = _run("stats", "--db", db, "--json")
    assert json.loads(first) == json.loads(second)
    assert json.loads(first)["documents"] == 5


def test_bad_files_are_named_and_the_rest_go_in(needs_shared: None, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(200)))
    (folder / "latin1.txt").write_bytes(LATIN1_ARTICLE.encode("latin-1"))
    db = str(tmp_path / "s.db")
    code, out, err = _run("ingest", str(folder), "--db", db)
    assert code == 1
    assert "6 added" in out and "2 failed" in out
    error_lines = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(error_lines) == 2
    assert any("empty.txt" in ln for ln in error_lines)
    assert any("picture.png" in ln and "PNG" in ln for ln in error_lines)
    assert any("latin1.txt" in ln and "not UTF-8" in ln for ln in err.splitlines())
    _, stats, _ = _run("stats", "--db", db, "--json")
    assert json.loads(stats)["documents"] == 6


def test_export_formats_and_eval(seeds_db: Path, tmp_path: Path) -> None:
    code, out, _ = _run("export", "--db", str(seeds_db))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 5
    assert set(records[0]) >= {"doc_id", "published", "persons", "events", "quotes", "figures"}
    code, out, _ = _run("export", "--db", str(seeds_db), "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("doc_id,kind,published,entry_id,date")
    target = tmp_path / "all.jsonl"
    code, _, _ = _run("export", "--db", str(seeds_db), "--format", "json", "-o", str(target))
    assert code == 0 and len(target.read_text().splitlines()) == 5
    code, out, _ = _run("eval", str(GOLD_SEEDS), "--db", str(seeds_db))
    assert code == 0 and "overall:" in out and "persons: P" in out


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = _run("stats", "--db", str(tmp_path / "none.db"))
    assert code != 0 and "no such database" in err


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help"
        for param in command.params:
            if param.param_type_name == "option":
                assert getattr(param, "help", None), f"{name} {param.name} has no help"
