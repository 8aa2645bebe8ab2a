"""``dyad.analyse_text``: one article as a string in, an ``Analysis`` out, no store."""

from __future__ import annotations

from pathlib import Path

import pytest

import dyad

TEXT = (
    "Lima, 14 June 2023\n\n"
    "Peru and Ecuador signed a trade agreement on Wednesday, Peru's foreign ministry said. "
    '"We open a new chapter," said Ana Cecilia Gervasi, the foreign minister of Peru.\n\n'
    "Trade between the two states reached 2.5 billion dollars last year.\n"
)


@pytest.mark.model
def test_analyse_text_reads_what_ingest_stores(tmp_path: Path) -> None:
    analysis = dyad.analyse_text(TEXT, published="2023-06-14")
    assert isinstance(analysis, dyad.Analysis)
    assert analysis.published is not None and analysis.published.date == "2023-06-14"
    assert analysis.events and analysis.persons and analysis.figures
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "text.txt").write_text(TEXT, encoding="utf-8")
    with dyad.open_store(tmp_path / "a.db") as store:
        report = dyad.ingest([tmp_path / "in"], store, published="2023-06-14")
        assert report.added == ["text"]
        (stored,) = list(store.analyses())
    # The store keeps the scored fields (not yet every detail: see issue 11).
    assert _events(stored) == _events(analysis)
    assert [(q.text, q.speaker) for q in stored.quotes] == [
        (q.text, q.speaker) for q in analysis.quotes
    ]
    assert len(stored.figures) == len(analysis.figures)


def _events(a: dyad.Analysis) -> list[tuple[object, ...]]:
    return [
        (e.type, e.source, e.target, e.status, e.date and e.date.date, e.provenance[0].start)
        for e in a.events
    ]


def test_analyse_text_refuses_a_malformed_date_and_an_empty_text() -> None:
    with pytest.raises(ValueError):
        dyad.analyse_text(TEXT, published="14 June 2023")
    with pytest.raises(dyad.IngestError):
        dyad.analyse_text("   \n")


def test_dyad_ingest_stays_the_function_once_the_package_is_imported() -> None:
    import dyad.ingest.reader  # sets the attribute the import system way
    from dyad.pipeline import ingest

    assert dyad.ingest is ingest
