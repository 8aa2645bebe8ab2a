"""Drawing the cooperation-conflict index with matplotlib (offline, no display needed)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from dyad.errors import DyadError
from dyad.timeline.model import IndexPoint

FORMATS = (".svg", ".png")


def plot_index(series: Sequence[IndexPoint], path: str | Path, title: str = "") -> Path:
    """Bars of cooperation (up) and conflict (down) per period, the mean score as a line and
    the entries per period on a second axis; written to ``path`` (.svg or .png)."""
    out = Path(path)
    if out.suffix.lower() not in FORMATS:
        raise DyadError(f"{out}: the plot is written as .svg or .png")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    periods = [p.period for p in series]
    x = list(range(len(periods)))
    fig, ax = plt.subplots(figsize=(max(6.0, 0.45 * len(periods) + 2), 4.0))
    try:
        ax.bar(x, [p.cooperation for p in series], color="#2b8cbe", label="cooperation (sum)")
        ax.bar(x, [p.conflict for p in series], color="#e34a33", label="conflict (sum)")
        ax.plot(x, [p.score for p in series], color="black", marker="o", label="mean score")
        ax.axhline(0, color="grey", linewidth=0.8)
        ax.set_xticks(x, periods, rotation=60, ha="right", fontsize=8)
        ax.set_ylabel("PLOVER score")
        counts = ax.twinx()
        counts.plot(x, [p.entries for p in series], color="#636363", linestyle=":", marker=".")
        counts.set_ylabel("entries", color="#636363")
        counts.set_ylim(bottom=0)
        ax.legend(loc="upper left", fontsize=8)
        if title:
            ax.set_title(title)
        if not series:
            ax.text(0.5, 0.5, "no dated entries", ha="center", transform=ax.transAxes)
        fig.tight_layout()
        out.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(out, metadata={"Date": None} if out.suffix.lower() == ".svg" else None)
    finally:
        plt.close(fig)
    return out
