"""Score dyad's PLOVER events alone, with the gold publication dates (or inferred ones).

    python scripts/eval_events.py seeds [--inferred] [--out pred.jsonl] [--per-event]
    python scripts/eval_events.py --corpus DIR --gold GOLD.jsonl [--per-event] [--text]

Reads ../shared/corpus/<set>/*.txt (or DIR/*.txt, scored against GOLD.jsonl), cleans and
parses each article as the pipeline does, codes its events with
``dyad.events.coder.extract_events`` and writes dyad-eval/1 records with events only; then
runs ../shared/eval/score.py on them and prints its report (persons, quotes and figures score
zero here: only the event lines matter). ``--per-event`` lists each predicted event as matched
to a required gold event (ok), to an optional one (opt) or to none (FP), and each required
gold event missed; ``--text`` adds each event's sentence.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from dyad.clean.text import clean_text
from dyad.dating import infer_published
from dyad.events.coder import extract_events
from dyad.export.formats import eval_event
from dyad.models import DateRef
from dyad.nlp.model import parse
from dyad.nlp.persons import extract_persons
from dyad.resolve.gazetteer import Gazetteer

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _day(ref: DateRef | None) -> date | None:
    if ref is None:
        return None
    parts = [int(x) for x in ref.date.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def predict(corpus: Path, gold_path: Path, inferred: bool) -> list[dict[str, Any]]:
    gold = {}
    for line in gold_path.read_text().splitlines():
        if line.strip():
            doc = json.loads(line)
            gold[doc["doc_id"]] = doc
    gazetteer = Gazetteer.load()
    out = []
    for path in sorted(corpus.glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8")).text
        parsed = parse(text)
        persons = extract_persons(parsed, gazetteer, doc_id=path.stem)
        if inferred or path.stem not in gold:
            published = infer_published(text, gazetteer=gazetteer, persons=persons.persons)
        else:
            g = gold[path.stem]["published"]
            published = DateRef(g["date"], g["precision"])
        persons = extract_persons(parsed, gazetteer, doc_id=path.stem, on=_day(published))
        events = extract_events(
            parsed, doc_id=path.stem, published=published, persons=persons, gazetteer=gazetteer
        )
        out.append({"doc_id": path.stem, "events": [eval_event(e) for e in events if e.date]})
    return out


def per_event(gold_path: Path, pred_path: Path, text: bool) -> None:
    sys.path.insert(0, str(SHARED / "eval"))
    from score import date_of, event_matches, match_events  # type: ignore[import-not-found]

    gold = {json.loads(x)["doc_id"]: json.loads(x) for x in gold_path.read_text().splitlines()}
    pred = {json.loads(x)["doc_id"]: json.loads(x) for x in pred_path.read_text().splitlines()}
    for doc_id, g in gold.items():
        golds = [e for e in g.get("events") or [] if date_of(e)[0]]
        preds = pred.get(doc_id, {}).get("events", [])
        _, _, _, pairs = match_events(golds, preds, event_matches(True))
        by_pred = {pi: gi for gi, pi in pairs}
        print(f"== {doc_id}")
        for pi, p in enumerate(preds):
            gi = by_pred.get(pi)
            tag = "FP " if gi is None else ("ok " if golds[gi].get("required", True) else "opt")
            print(f"  {tag} {p['date']} {p['type']} {p['source']}-{p['target']} {p['status']}")
            if text:
                print(f"        | {p['text']}")
        for gi, ge in enumerate(golds):
            if gi not in {g for g, _ in pairs} and ge.get("required", True):
                print(
                    f"  MISS {ge['date']} {ge['type']} {ge['source']}-{ge['target']}"
                    f" {ge.get('status', 'occurred')}"
                )
                if text:
                    print(f"        | {ge.get('text', '')}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", nargs="?", choices=["seeds", "dev"])
    ap.add_argument("--corpus", type=Path, help="a folder of articles (*.txt) instead of a set")
    ap.add_argument("--gold", type=Path, help="the gold file for --corpus")
    ap.add_argument("--text", action="store_true", help="with --per-event: print sentences")
    ap.add_argument("--inferred", action="store_true", help="infer publication dates")
    ap.add_argument("--out", type=Path, help="where to write the predictions")
    ap.add_argument("--per-event", action="store_true", help="list matches and misses")
    args = ap.parse_args()
    if args.corpus is not None:
        if args.gold is None:
            ap.error("--corpus needs --gold")
        corpus, gold, name = args.corpus, args.gold, args.corpus.name
    elif args.set is not None:
        corpus = SHARED / "corpus" / args.set
        gold, name = SHARED / "corpus" / "gold" / f"{args.set}.jsonl", args.set
    else:
        ap.error("name a set (seeds, dev) or --corpus and --gold")
    records = predict(corpus, gold, args.inferred)
    out = args.out or Path(tempfile.mkdtemp()) / f"events_{name}.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(out)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    print("\n".join(line for line in report.splitlines() if line.startswith("events")))
    if args.per_event:
        per_event(gold, out, args.text)


if __name__ == "__main__":
    main()
