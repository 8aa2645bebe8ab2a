"""Sidecar metadata for plain-text articles: ``--meta FILE.csv|.tsv|.jsonl``.

Each row names a document by ``file`` (its file name, with or without the extension) or ``id``
(its document id) and gives any of ``url``, ``outlet``, ``published`` (ISO day, month or year)
and ``title``. A row's values fill what the input itself does not say; metadata inside the
input (a JSONL field, an HTML meta tag) wins.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from dyad.errors import IngestError
from dyad.ingest.dates import parse_iso_date

FIELDS = ("url", "outlet", "published", "title")


@dataclass(frozen=True)
class Meta:
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None


def load_meta(path: Path) -> dict[str, Meta]:
    """Rows of a metadata file keyed by file name, stem and id. Raises ``IngestError`` naming
    the file and line for a file that cannot be read or a row with a bad date."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(str(path), f"cannot read the metadata file ({exc})") from exc
    rows: list[tuple[int, dict[str, object]]]
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        rows = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise IngestError(str(path), f"not valid JSON ({exc.msg})", n) from exc
            if not isinstance(record, dict):
                raise IngestError(str(path), "a line must be a JSON object", n)
            rows.append((n, record))
    elif path.suffix.lower() in (".csv", ".tsv"):
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
        if not reader.fieldnames or not {"file", "id"} & set(reader.fieldnames):
            raise IngestError(str(path), "the header must name a 'file' or 'id' column", 1)
        rows = [(n, dict(row)) for n, row in enumerate(reader, 2)]
    else:
        raise IngestError(str(path), "metadata must be a .csv, .tsv or .jsonl file")
    out: dict[str, Meta] = {}
    for n, row in rows:
        values = {k: _text(row.get(k)) for k in FIELDS}
        if values["published"]:
            try:
                parse_iso_date(values["published"])
            except ValueError as exc:
                raise IngestError(str(path), str(exc), n) from exc
        meta = Meta(**values)
        for key in ("file", "id"):
            name = _text(row.get(key))
            if name:
                out[name] = meta
                out.setdefault(Path(name).stem, meta)
    return out


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
