"""Scoring dyad-eval/1 predictions against a gold file, as SPEC.md's matching rules say.

An implementation of its own (the reference scorer lives in ../shared/eval/score.py); a test
checks that both print the same figures on the seeds.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from dyad.errors import EvalError
from dyad.models import PRECISION_LEN

Record = Mapping[str, Any]
PRF = tuple[float, float, float]
NAME_PARTICLES = frozenset({"al", "el", "ad", "bin", "ibn", "de", "da", "del", "van", "von", "der"})


def load_records(path: str | Path) -> dict[str, Record]:
    docs: dict[str, Record] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"{path}: cannot read: {exc.strerror}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{path}:{n}: not JSON: {exc.msg}") from exc
        if not isinstance(doc, dict) or "doc_id" not in doc:
            raise EvalError(f"{path}:{n}: a document needs a doc_id")
        docs[str(doc["doc_id"])] = doc
    return docs


def _prf(tp: int, n_pred: int, n_gold: int) -> PRF:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# -- dates -------------------------------------------------------------------


def _date_of(obj: Any) -> tuple[str, str] | None:
    if not isinstance(obj, dict):
        return None
    date = str(obj.get("date") or "")
    prec = obj.get("precision") or {4: "year", 7: "month", 10: "day"}.get(len(date))
    if prec is None or prec not in PRECISION_LEN or len(date) < PRECISION_LEN[prec]:
        return None
    return date[: PRECISION_LEN[prec]], prec


def _dates_agree(a: Any, b: Any) -> bool:
    da, db = _date_of(a), _date_of(b)
    if da is None or db is None:
        return False
    n = min(PRECISION_LEN[da[1]], PRECISION_LEN[db[1]])
    return da[0][:n] == db[0][:n]


def score_published(gold: Mapping[str, Record], pred: Mapping[str, Record]) -> dict[str, float]:
    right = {"at gold precision": 0, "month": 0, "year": 0}
    n = 0
    for doc_id, g in gold.items():
        gdate = _date_of(g.get("published"))
        if gdate is None:
            continue
        n += 1
        pdate = _date_of((pred.get(doc_id) or {}).get("published"))
        if pdate is None:
            continue
        (gd, gp), (pd, pp) = gdate, pdate
        accept = set((g.get("published") or {}).get("accept") or [])
        if gp == "day":
            accept.add(gd)
        if accept:
            exact = pp == "day" and pd in accept
        else:
            exact = PRECISION_LEN[pp] >= PRECISION_LEN[gp] and pd[: len(gd)] == gd
        right["at gold precision"] += exact
        right["month"] += len(gd) >= 7 and len(pd) >= 7 and pd[:7] == gd[:7]
        right["year"] += pd[:4] == gd[:4]
    return {k: (v / n if n else 1.0) for k, v in right.items()}


# -- names -------------------------------------------------------------------


def _name_variants(name: str) -> list[list[str]]:
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    out: list[list[str]] = []
    for text in (s.replace("-", ""), s.replace("-", " ")):
        tokens = re.findall(r"[a-z0-9]+", text)
        tokens = [t for t in tokens if t not in NAME_PARTICLES] or tokens
        if tokens and tokens not in out:
            out.append(tokens)
    return out


def _same_tokens(ta: list[str], tb: list[str]) -> bool:
    if set(ta) == set(tb):
        return True
    if len(ta) == 1 or len(tb) == 1 or ta[-1] != tb[-1]:
        return False
    fa, fb = ta[0], tb[0]
    return fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb))


def same_person(a: str, b: str) -> bool:
    """SPEC.md's person match: same words in any order, or same last word and first initial."""
    return any(_same_tokens(x, y) for x in _name_variants(a) for y in _name_variants(b))


def _same_speaker(a: Any, b: Any) -> bool:
    if str(a).strip().lower() == str(b).strip().lower():
        return True
    return same_person(str(a), str(b))


def _match_once(
    golds: Sequence[Any], preds: Sequence[Any], matches: Callable[[Any, Any], bool]
) -> list[tuple[int, int]]:
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for pi, p in enumerate(preds):
        for gi, g in enumerate(golds):
            if gi not in used and matches(g, p):
                used.add(gi)
                pairs.append((gi, pi))
                break
    return pairs


def score_persons(gold: Mapping[str, Record], pred: Mapping[str, Record]) -> PRF:
    tp = n_pred = n_gold = 0
    for doc_id, g in gold.items():
        gp = list(dict.fromkeys(g.get("persons") or []))
        pp = list(dict.fromkeys((pred.get(doc_id) or {}).get("persons") or []))
        tp += len(_match_once(gp, pp, same_person))
        n_pred += len(pp)
        n_gold += len(gp)
    return _prf(tp, n_pred, n_gold)


# -- events ------------------------------------------------------------------


def _dated_as_precisely(g: Any, p: Any) -> bool:
    """The prediction's date is at least as precise as gold's and agrees at gold's precision
    (a bare year does not place a gold day)."""
    dg, dp = _date_of(g), _date_of(p)
    if dg is None or dp is None:
        return False
    n = PRECISION_LEN[dg[1]]
    return PRECISION_LEN[dp[1]] >= n and dp[0][:n] == dg[0]


def _event_matcher(strict: bool, dated: bool = False) -> Callable[[Any, Any], bool]:
    def matches(g: Any, p: Any) -> bool:
        pair_g = {str(g.get("source", "")).upper(), str(g.get("target", "")).upper()}
        pair_p = {str(p.get("source", "")).upper(), str(p.get("target", "")).upper()}
        if pair_g != pair_p or not _dates_agree(g, p):
            return False
        if dated and not _dated_as_precisely(g, p):
            return False
        return not strict or str(g.get("type", "")).upper() == str(p.get("type", "")).upper()

    return matches


@dataclass(frozen=True)
class _EventMatch:
    tp: int
    fp: int
    n_required: int
    pairs: list[tuple[int, int]]


def _match_events(
    golds: list[Any], preds: list[Any], matches: Callable[[Any, Any], bool]
) -> _EventMatch:
    order = sorted(range(len(golds)), key=lambda i: not golds[i].get("required", True))
    used: set[int] = set()
    tp = fp = 0
    pairs: list[tuple[int, int]] = []
    for pi, p in enumerate(preds):
        hit = next((gi for gi in order if gi not in used and matches(golds[gi], p)), None)
        if hit is None:
            fp += 1
            continue
        used.add(hit)
        pairs.append((hit, pi))
        tp += bool(golds[hit].get("required", True))
    n_required = sum(bool(g.get("required", True)) for g in golds)
    return _EventMatch(tp, fp, n_required, pairs)


def score_events(gold: Mapping[str, Record], pred: Mapping[str, Record]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    merged: list[tuple[str, str, str]] = []
    status_right = status_n = 0
    for name, strict, dated in (
        ("strict", True, False),
        ("loose", False, False),
        ("dated", True, True),
    ):
        tp = fp = n_req = 0
        for doc_id, g in gold.items():
            golds = [e for e in g.get("events") or [] if _date_of(e) is not None]
            preds = [e for e in (pred.get(doc_id) or {}).get("events") or [] if isinstance(e, dict)]
            m = _match_events(golds, preds, _event_matcher(strict, dated))
            tp, fp, n_req = tp + m.tp, fp + m.fp, n_req + m.n_required
            if name != "strict":
                continue
            for gi, pi in m.pairs:
                ge, pe = golds[gi], preds[pi]
                if ge.get("required", True):
                    status_n += 1
                    status_right += str(ge.get("status", "occurred")) == str(
                        pe.get("status", "occurred")
                    )
                if ge.get("event_id") and pe.get("event_id"):
                    merged.append((doc_id, ge["event_id"], pe["event_id"]))
        precision = tp / (tp + fp) if tp + fp else (1.0 if not n_req else 0.0)
        recall = tp / n_req if n_req else 1.0
        f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[name] = (precision, recall, f)
    out["status accuracy"] = status_right / status_n if status_n else 1.0
    both = gold_same = pred_same = 0
    for (da, ga, pa), (db, gb, pb) in combinations(merged, 2):
        if da == db:
            continue
        gold_same += ga == gb
        pred_same += pa == pb
        both += ga == gb and pa == pb
    out["merge"] = (
        both / pred_same if pred_same else None,
        both / gold_same if gold_same else None,
    )
    return out


# -- quotes and figures ------------------------------------------------------


def _words(text: Any) -> list[str]:
    return re.findall(r"\w+", str(text).lower())


def _lcs(a: list[str], b: list[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def _quote_matches(g: Any, p: Any) -> bool:
    gw, pw = _words(g.get("text", "")), _words(p.get("text", ""))
    return bool(gw) and len(pw) <= 2 * len(gw) and _lcs(gw, pw) >= 0.6 * len(gw)


def score_quotes(gold: Mapping[str, Record], pred: Mapping[str, Record]) -> dict[str, Any]:
    tp = right = n_pred = n_gold = 0
    for doc_id, g in gold.items():
        golds = g.get("quotes") or []
        preds = [
            q
            for q in (pred.get(doc_id) or {}).get("quotes") or []
            if isinstance(q, dict) and len(str(q.get("text", "")).split()) >= 3
        ]
        pairs = _match_once(golds, preds, _quote_matches)
        tp += len(pairs)
        right += sum(
            _same_speaker(golds[gi].get("speaker", ""), preds[pi].get("speaker", ""))
            for gi, pi in pairs
        )
        n_pred += len(preds)
        n_gold += len(golds)
    return {
        "text": _prf(tp, n_pred, n_gold),
        "with speaker": _prf(right, n_pred, n_gold),
        "attribution accuracy": right / tp if tp else 0.0,
    }


def _figure_matches(g: Any, p: Any) -> bool:
    try:
        gv, pv = float(g.get("value")), float(p.get("value"))
    except (TypeError, ValueError):
        return False
    if str(g.get("unit", "")).lower() != str(p.get("unit", "")).lower():
        return False
    return gv == pv or abs(gv - pv) <= 0.005 * max(abs(gv), abs(pv))


def score_figures(gold: Mapping[str, Record], pred: Mapping[str, Record]) -> PRF:
    tp = n_pred = n_gold = 0
    for doc_id, g in gold.items():
        golds = g.get("figures") or []
        preds = [x for x in (pred.get(doc_id) or {}).get("figures") or [] if isinstance(x, dict)]
        tp += len(_match_once(golds, preds, _figure_matches))
        n_pred += len(preds)
        n_gold += len(golds)
    return _prf(tp, n_pred, n_gold)


# -- the whole report ----------------------------------------------------------


def score(gold: Mapping[str, Record], pred: Mapping[str, Record]) -> dict[str, Any]:
    published = score_published(gold, pred)
    events = score_events(gold, pred)
    quotes = score_quotes(gold, pred)
    result: dict[str, Any] = {
        "documents": len(gold),
        "documents predicted": sum(d in pred for d in gold),
        "published": published,
        "persons": score_persons(gold, pred),
        "events": events,
        "quotes": quotes,
        "figures": score_figures(gold, pred),
    }
    parts = [
        published["at gold precision"],
        result["persons"][2],
        events["strict"][2],
        quotes["with speaker"][2],
        result["figures"][2],
    ]
    result["overall"] = sum(parts) / len(parts)
    return result


def _fmt(prf: Sequence[float]) -> str:
    return "P %.3f R %.3f F1 %.3f" % tuple(prf)


def report_lines(r: Mapping[str, Any]) -> list[str]:
    """The scores as the reference scorer prints them, one measure per line."""
    pub, ev, qu = r["published"], r["events"], r["quotes"]
    merge = tuple("n/a" if x is None else "%.3f" % x for x in ev["merge"])
    return [
        f"documents: {r['documents predicted']}/{r['documents']} predicted",
        "published: at gold precision %.3f, month %.3f, year %.3f"
        % (pub["at gold precision"], pub["month"], pub["year"]),
        "persons: " + _fmt(r["persons"]),
        "events strict: " + _fmt(ev["strict"]),
        "events loose: " + _fmt(ev["loose"]),
        "events dated (strict, and as precise as gold): " + _fmt(ev["dated"]),
        "events status accuracy: %.3f" % ev["status accuracy"],
        "events merged across documents: precision %s, recall %s" % merge,
        "quotes text: " + _fmt(qu["text"]),
        "quotes with speaker: " + _fmt(qu["with speaker"]),
        "quotes attribution accuracy: %.3f" % qu["attribution accuracy"],
        "figures: " + _fmt(r["figures"]),
        "overall: %.3f" % r["overall"],
    ]


def flat_measures(r: Mapping[str, Any]) -> dict[str, float]:
    """The measures the evaluation gate pins, by name."""
    pub, ev, qu = r["published"], r["events"], r["quotes"]
    return {
        "published_exact": pub["at gold precision"],
        "published_month": pub["month"],
        "published_year": pub["year"],
        "persons_f1": r["persons"][2],
        "events_strict_f1": ev["strict"][2],
        "events_loose_f1": ev["loose"][2],
        "events_dated_f1": ev["dated"][2],
        "events_status_accuracy": ev["status accuracy"],
        "quotes_text_f1": qu["text"][2],
        "quotes_speaker_f1": qu["with speaker"][2],
        "figures_f1": r["figures"][2],
        "overall": r["overall"],
    }
