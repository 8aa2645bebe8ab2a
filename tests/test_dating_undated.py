"""A document no date can be inferred for keeps its events, is listed as undated, and ingest
warns once naming it. The article is written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import cli

pytestmark = pytest.mark.model

UNDATED = (
    "Ferry row\n\n"
    "Chile and Peru signed a ferry agreement in 2031, officials said.\n\n"
    "The two governments met again on Tuesday to discuss fishing quotas.\n"
)


def test_an_undated_document_keeps_its_events_and_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ferry_row.txt").write_text(UNDATED, encoding="utf-8")
    db = str(tmp_path / "u.db")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 0
    warnings = [ln for ln in result.stderr.splitlines() if "undated" in ln]
    assert len(warnings) == 1 and "ferry_row" in warnings[0]
    listed = CliRunner().invoke(cli, ["list", "--db", db]).stdout
    row = next(ln for ln in listed.splitlines() if ln.startswith("ferry_row"))
    assert "undated" in row
    exported = CliRunner().invoke(cli, ["export", "--db", db]).stdout
    (record,) = [json.loads(line) for line in exported.splitlines()]
    assert record["published"] is None
    assert any(e["date"] == "2031" for e in record["events"])  # the year the text gives


def test_a_dated_document_gives_no_warning(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = "NORDHAVEN, June 2, 2031 (Wire) -- Ostria and Velkland signed a ferry agreement.\n"
    (folder / "dated.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "d.db")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 0 and "undated" not in result.stderr
