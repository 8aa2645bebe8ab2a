"""The library end to end: metadata dates, HTML, JSONL and the --published option."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.export.formats import eval_record
from dyad.pipeline import ingest
from dyad.settings import SETTINGS, Settings
from dyad.store.sqlite import open_store

pytestmark = pytest.mark.model

BODY = (
    "Chile and Peru signed a fisheries agreement in Lima on Tuesday, the two foreign "
    "ministries said in a joint statement.\n\n"
    "\u201cThis agreement protects our fishermen,\u201d said Ana Torres, a spokeswoman for "
    "Chile's foreign ministry.\n"
)


def test_metadata_dates_win_and_every_kind_of_input_goes_in(tmp_path: Path) -> None:
    (tmp_path / "batch.jsonl").write_text(
        json.dumps({"id": "j1", "text": BODY, "published": "2019-03-05"}) + "\n", encoding="utf-8"
    )
    html = (
        "<html><head><title>Chile and Peru sign fisheries pact</title>"
        '<meta property="article:published_time" content="2018-06-12T08:00:00Z"></head>'
        "<body><article><h1>Chile and Peru sign fisheries pact</h1>"
        + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
        + "</article></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    with open_store(tmp_path / "d.db") as store:
        report = ingest([tmp_path], store)
        assert report.ok and sorted(report.added) == ["j1", "page"]
        records = {a.doc_id: eval_record(a) for a in store.analyses()}
        assert store.document("page").kind == "html"
    assert records["j1"]["published"] == {"date": "2019-03-05", "precision": "day"}
    assert records["page"]["published"] == {"date": "2018-06-12", "precision": "day"}
    assert "Ana Torres" in records["j1"]["persons"]
    assert records["j1"]["quotes"][0]["speaker"] == "Ana Torres"


def test_published_option_applies_to_plain_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    with open_store(tmp_path / "d.db") as store:
        ingest([tmp_path], store, published="2020-11")
        (analysis,) = store.analyses()
    assert analysis.published is not None
    assert (analysis.published.date, analysis.published.precision) == ("2020-11", "month")


def test_a_document_id_stored_with_other_text_is_refused_unless_replaced(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    with open_store(tmp_path / "d.db") as store:
        assert ingest([path], store).added == ["a"]
        path.write_text(BODY + "\nThe talks resume next month.\n", encoding="utf-8")
        report = ingest([path], store)
        assert not report.added and "--replace" in str(report.failed[0])
        assert ingest([path], store, replace=True).added == ["a"]
        assert store.doc_ids() == ["a"]


def test_every_setting_has_help_and_a_field() -> None:
    for setting in SETTINGS:
        assert setting.help
        assert hasattr(Settings(), setting.name)
