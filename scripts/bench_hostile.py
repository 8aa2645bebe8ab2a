"""Time and memory of dyad on hostile inputs, beside the bare parse of the same text.

    python scripts/bench_hostile.py [--mb 2] [--only NAME ...] [--timeout S] [--out FILE.md]

Three inputs are generated (nothing read from the corpus; every sentence is built here from
invented people and events):

- ``long-line``: news-like sentences about made-up meetings, loans, quotes and figures,
  ``--mb`` megabytes on one line (no newline at all);
- ``quotes``: 100,000 quotation marks (straight and curly): quoted remarks with speakers,
  unclosed and stray marks, and blocks of marks standing alone between spaces;
- ``nested-html``: 20,000 nested elements, each holding a sentence.

Each input is written to a file and ingested in a process of its own, as ``dyad ingest`` does
it (read, clean, parse, extract, store and merge into the timeline of a fresh database), with
the phases timed apart; in another process the cleaned text is only parsed
(``dyad.nlp.model.parse``: spaCy, every component, on the same pieces dyad gives it). Model
loading is outside every timing. Peak RSS is the process's own high-water mark (model
included); ``model RSS`` is its resident size once the model is loaded. Results go to
``--out`` (markdown) with the machine described.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

QUOTE_MARKS = 100_000
NESTED_ELEMENTS = 20_000

_STATES = (
    ("Norway", "Oslo", "Norwegian"),
    ("Chile", "Santiago", "Chilean"),
    ("Kenya", "Nairobi", "Kenyan"),
    ("Vietnam", "Hanoi", "Vietnamese"),
    ("Ghana", "Accra", "Ghanaian"),
    ("Peru", "Lima", "Peruvian"),
    ("Finland", "Helsinki", "Finnish"),
    ("Morocco", "Rabat", "Moroccan"),
    ("Indonesia", "Jakarta", "Indonesian"),
    ("Portugal", "Lisbon", "Portuguese"),
    ("Uruguay", "Montevideo", "Uruguayan"),
    ("Senegal", "Dakar", "Senegalese"),
    ("Malaysia", "Kuala Lumpur", "Malaysian"),
    ("Poland", "Warsaw", "Polish"),
    ("Mongolia", "Ulaanbaatar", "Mongolian"),
    ("Tunisia", "Tunis", "Tunisian"),
)
_ROLES = (
    "Foreign Minister",
    "Defence Minister",
    "Trade Minister",
    "Prime Minister",
    "President",
    "Finance Minister",
)
_FIRST = (
    "Anders", "Lucia", "Kwame", "Mai", "Tomas", "Ines", "Rashid", "Elena", "Joao", "Aylin",
    "Pavel", "Nadia", "Omar", "Sofia", "Kenji", "Amara",
)  # fmt: skip
_LAST = (
    "Velo", "Quintero", "Asante", "Thanh", "Lindqvist", "Moreau", "Benali", "Kask", "Ferraz",
    "Demir", "Novak", "Okafor", "Halvorsen", "Ruiz", "Takeda", "Diallo",
)  # fmt: skip
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "March", "May", "June", "August", "October", "November", "December")
_TOPICS = ("fisheries", "energy", "customs", "rail", "water-sharing", "visa", "port", "grain")
_ACTS = (
    "met", "held talks with", "criticised", "hosted", "telephoned", "rebuked", "praised",
    "thanked",
)  # fmt: skip
_REMARKS = (
    "We will not accept any change to the border by force",
    "Our doors remain open to dialogue",
    "This agreement protects jobs on both sides",
    "The sanctions are a mistake and they will hurt ordinary people",
    "We expect our partners to keep their word",
    "Nothing has been decided yet",
)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _sentence(rng: random.Random) -> str:
    """One news-like sentence about invented people (some with a quote, a figure or a date)."""
    (a, city, adj), (b, _, _) = rng.sample(_STATES, 2)
    role, role2 = rng.choice(_ROLES), rng.choice(_ROLES)
    p, q = _person(rng), _person(rng)
    day = rng.choice(_DAYS)
    date = f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}"
    money = f"${rng.randint(1, 90)}.{rng.randint(1, 9)} billion"
    remark = rng.choice(_REMARKS)
    templates = (
        f"{role} {p} of {a} {rng.choice(_ACTS)} {role2} {q} of {b} in {city} on {day}, "
        f"{rng.choice(('his', 'her'))} office said.",
        f'"{remark}," {p} told reporters in {city} after the talks.',
        f"{a} agreed to lend {b} {money} over {rng.randint(2, 15)} years, the {adj} finance "
        f"ministry said on {day}.",
        f"{p} said {a} would impose sanctions on {b} if the talks on {rng.choice(_TOPICS)} "
        f"failed by {date}.",
        f"The two governments signed a {rng.choice(_TOPICS)} accord worth {money} on {date}, "
        f"according to a statement from {city}.",
        f"{a} condemned the arrest of {rng.randint(3, 40)} {adj} fishermen by {b}, calling "
        f"it \u201c{remark.lower()}\u201d in a note to the ambassador.",
        f"Trade between {a} and {b} rose {rng.randint(2, 30)}.{rng.randint(0, 9)} percent "
        f"last year to {money}, {role} {q} said on {day}.",
        f"{role2} {q} of {b} will visit {city} next week to discuss {rng.choice(_TOPICS)} "
        "cooperation, officials said.",
    )
    return rng.choice(templates)


def long_line(size: int, seed: int = 7) -> str:
    """About ``size`` characters of news-like sentences on one line (no newline)."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        s = _sentence(rng)
        parts.append(s)
        total += len(s) + 1
    return " ".join(parts)


def quotation_marks(count: int = QUOTE_MARKS, seed: int = 11) -> str:
    """Text with exactly ``count`` quotation marks: quoted remarks, unclosed and stray marks
    and blocks of lone marks, in lines of a few sentences and no blank line (one paragraph)."""
    rng = random.Random(seed)
    parts: list[str] = []
    marks = 0
    while marks < count:
        kind = rng.random()
        if kind < 0.02:  # a block of lone marks between spaces
            block = " ".join(rng.choice('"\u201c\u201d') for _ in range(rng.randint(20, 200)))
            piece = f"{block}."
        elif kind < 0.25:  # an unclosed quotation
            piece = f"\u201c{rng.choice(_REMARKS)}, {_person(rng)} said on {rng.choice(_DAYS)}."
        elif kind < 0.4:  # stray marks around words
            piece = f'The so-called "{rng.choice(_TOPICS)}" deal was "{rng.choice(_TOPICS)}".'
        else:
            piece = _sentence(rng)
            if '"' not in piece and "\u201c" not in piece:
                piece = f'"{rng.choice(_REMARKS)}," {_person(rng)} said. {piece}'
        n = sum(piece.count(m) for m in '"\u201c\u201d')
        if marks + n > count:  # top up to the exact count with lone marks
            piece = " ".join('"' for _ in range(count - marks)) + "."
            n = count - marks
        parts.append(piece)
        marks += n
    lines = [" ".join(parts[i : i + 8]) for i in range(0, len(parts), 8)]
    return "\n".join(lines)


def nested_html(depth: int = NESTED_ELEMENTS, seed: int = 13) -> str:
    """A page of ``depth`` nested elements (div, section, span in turn), each with a sentence."""
    rng = random.Random(seed)
    tags = ("div", "section", "span")
    opened = [
        f"<{tags[i % 3]} class=\"c{i % 7}\">{_sentence(rng)} " for i in range(depth)
    ]  # fmt: skip
    closed = [f"</{tags[i % 3]}>" for i in reversed(range(depth))]
    return (
        "<!DOCTYPE html><html><head><title>Talks</title></head><body><article>"
        + "".join(opened)
        + "".join(closed)
        + "</article></body></html>"
    )


def inputs(mb: float) -> dict[str, tuple[str, Callable[[], str]]]:
    """name -> (file name, generator)."""
    return {
        "long-line": ("long-line.txt", lambda: long_line(int(mb * 1_000_000))),
        "quotes": ("quotes.txt", quotation_marks),
        "nested-html": ("nested.html", nested_html),
    }


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(start: tuple[float, float]) -> tuple[float, float]:
    wall, cpu = _clock()
    return wall - start[0], cpu - start[1]


def run_child(mode: str, path: Path, db: Path) -> dict[str, Any]:
    """One measured run in this process: ``ingest`` (phases timed apart) or ``bare`` parse."""
    from dyad.ingest.reader import read_files
    from dyad.nlp.model import load, parse
    from dyad.pipeline import Analysed as AnalysedDoc
    from dyad.pipeline import IngestReport, analyse, store_analysed, to_document
    from dyad.resolve.gazetteer import Gazetteer
    from dyad.settings import Settings
    from dyad.store.sqlite import open_store

    nlp = load()
    Gazetteer.load()
    model_rss = _rss_mb()
    settings = Settings()
    out: dict[str, Any] = {"model_rss_mb": model_rss}
    start = _clock()
    raw = next(iter(read_files([path], settings.max_file_bytes)))
    if not hasattr(raw, "content"):
        raise SystemExit(f"{path}: {raw}")
    document = to_document(raw, settings)  # type: ignore[arg-type]
    out["read_clean"] = _since(start)
    out["chars"] = len(document.text)
    if mode == "bare":
        start = _clock()
        parsed = parse(document.text, nlp)
        out["parse"] = _since(start)
        out["tokens"] = len(parsed)
    else:
        start = _clock()
        extraction, sentences, mentions = analyse(document)
        out["analyse"] = _since(start)
        a = extraction.analysis
        out["found"] = {
            "persons": len(a.persons),
            "quotes": len(a.quotes),
            "figures": len(a.figures),
            "events": len(a.events),
            "sentences": len(sentences),
        }
        start = _clock()
        report = IngestReport()
        with open_store(db) as store:
            analysed = AnalysedDoc(document, a, sentences, mentions)
            store_analysed(analysed, raw, store, report, None, False)  # type: ignore[arg-type]
        out["store"] = _since(start)
        out["stored"] = bool(report.added)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def measure(mode: str, path: Path, db: Path, timeout: float) -> dict[str, Any] | None:
    """Run one mode in a subprocess; None when it ran past ``timeout`` seconds (then killed)."""
    cmd = [sys.executable, __file__, "--child", mode, str(path), "--db", str(db)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(f"{mode} on {path} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def machine() -> str:
    model = platform.processor() or "unknown"
    memory = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f", {int(line.split()[1]) / 2**20:.0f} GB RAM"
    except OSError:
        pass
    import spacy

    return (
        f"{os.cpu_count()} cores, {model}{memory}; Python {platform.python_version()}, "
        f"spaCy {spacy.__version__}"
    )


def _row(name: str, size: int, ing: dict[str, Any] | None, bare: dict[str, Any] | None,
         timeout: float, bare_run: bool = True) -> str:  # fmt: skip
    mb = size / 1_000_000
    if bare is None:
        bare_cells = f"> {timeout:.0f} | |" if bare_run else "not run | |"
        parse_wall = None
    else:
        parse_wall = bare["parse"][0]
        bare_cells = f"{parse_wall:.1f} | {bare['peak_rss_mb']:,.0f} |"
    if ing is None:
        return f"| {name} | {mb:.2f} | > {timeout:.0f} | | | | | {bare_cells} |"
    wall = ing["read_clean"][0] + ing["analyse"][0] + ing["store"][0]
    cpu = ing["read_clean"][1] + ing["analyse"][1] + ing["store"][1]
    ratio = f"{wall / parse_wall:.2f}" if parse_wall else ""
    return (
        f"| {name} | {mb:.2f} | {wall:.1f} | {cpu:.1f} | {wall / mb:.1f} "
        f"| {ing['peak_rss_mb']:,.0f} | {ing['model_rss_mb']:,.0f} | {bare_cells} {ratio} |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0, help="size of the long line (MB)")
    ap.add_argument("--only", nargs="*", choices=("long-line", "quotes", "nested-html"))
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds per run")
    ap.add_argument("--out", type=Path, default=Path("bench/hostile.md"))
    ap.add_argument("--no-bare", action="store_true", help="skip the bare parse (ingest only)")
    ap.add_argument("--child", choices=("ingest", "bare"), help=argparse.SUPPRESS)
    ap.add_argument("path", nargs="?", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_child(args.child, args.path, args.db)))
        return
    described = machine()
    load_start = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    chosen = inputs(args.mb)
    rows, details = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or list(chosen):
            file_name, make = chosen[name]
            path = Path(tmp) / file_name
            path.write_text(make(), encoding="utf-8")
            size = path.stat().st_size
            ing = measure("ingest", path, Path(tmp) / f"{name}.db", args.timeout)
            bare = (
                None if args.no_bare else measure("bare", path, Path(tmp) / "bare.db", args.timeout)
            )
            print(f"{name} ({size:,} bytes): ingest {ing}\n  bare {bare}", file=sys.stderr)
            rows.append(_row(name, size, ing, bare, args.timeout, not args.no_bare))
            if ing is not None:
                details.append(
                    f"- {name}: {ing['chars']:,} characters after cleaning; read+clean "
                    f"{ing['read_clean'][0]:.1f} s, parse+extract {ing['analyse'][0]:.1f} s, "
                    f"store+merge {ing['store'][0]:.1f} s (wall); found {ing['found']}; "
                    f"stored: {'yes' if ing['stored'] else 'NO'}."
                )
    lines = [
        "# dyad on hostile inputs",
        "",
        f"Machine: {described}; load average at start {load_start}, at the end "
        f"{os.getloadavg()[0]:.2f} (1 min). The machine is shared with other jobs, so wall",
        "times vary from run to run; CPU seconds vary less.",
        "",
        "Generated by `scripts/bench_hostile.py` (`make bench`): every input is built there",
        "from invented sentences. Times exclude loading the model; *ingest* is read, clean,",
        "parse, extract, store and merge; *bare parse* is `dyad.nlp.model.parse` alone (spaCy",
        "with every component, on the same pieces) of the same cleaned text, in its own process.",
        "",
        "| input | MB | ingest wall s | ingest CPU s | wall s/MB | peak RSS MB | model RSS MB "
        "| bare parse wall s | bare peak RSS MB | ingest / bare |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *rows,
        "",
        *details,
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
