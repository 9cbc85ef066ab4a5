"""The house style: palette, fonts, layout, title and notes, wrapping, alt text, saving.

Everything here runs inside :func:`style` (a ``matplotlib.rc_context``), so no global
``rcParams`` change is ever left behind. Figures are made with ``matplotlib.figure.Figure``
and an Agg canvas, never pyplot, so charts work headless and keep no global state.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path

import matplotlib as mpl
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath
from matplotlib.ticker import FixedLocator, FuncFormatter

from ..i18n import format_percent

__all__ = [
    "PALETTE",
    "TWO_SERIES",
    "HIGHLIGHT",
    "CONTEXT_GREY",
    "STYLE",
    "style",
    "alt_text",
    "save_figure",
]

#: Analysis Function categorical palette, in order, with its orange darkened from #F46A25
#: (3.0:1 on white) to #C0501A (4.8:1) so that orange labels are readable text (WCAG AA 4.5:1);
#: every colour is at least 3:1 on white, as WCAG asks of meaningful graphics
PALETTE = ("#12436D", "#28A197", "#801650", "#C0501A", "#3D3D3D", "#A285D1")
DARK_BLUE, TURQUOISE, DARK_PINK, ORANGE, DARK_GREY, LIGHT_PURPLE = PALETTE
#: two series: the first (e.g. councillors, or the later election) and the second
TWO_SERIES = (DARK_BLUE, ORANGE)
#: one series highlighted against the rest
HIGHLIGHT, CONTEXT_GREY = DARK_BLUE, "#8A8A8A"  # grey bars at 3.4:1 on white (was 1.8:1)
GRID_GREY = "#E1E1E1"  # reference lines and grid: not a data colour
BAND_FILL = "#28A197"  # parity band, drawn very light (alpha below)
TEXT_BLACK = "#0B0C0C"

FONT_SIZE = 10
TITLE_SIZE = 12.5
NOTE_SIZE = 8.5
LABEL_SIZE = 9
FIG_WIDTH = 8.0  # inches
_TEXT_TO_PATH = TextToPath()

STYLE: dict[str, object] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # bundled with matplotlib: stable across machines
    "font.size": FONT_SIZE,
    "text.color": TEXT_BLACK,
    "axes.edgecolor": DARK_GREY,
    "axes.labelcolor": DARK_GREY,
    "axes.labelsize": FONT_SIZE,
    "axes.titlesize": TITLE_SIZE,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "axes.axisbelow": True,
    "axes.prop_cycle": cycler(color=list(PALETTE)),
    "axes.unicode_minus": False,
    "grid.color": GRID_GREY,
    "grid.linewidth": 0.8,
    "xtick.color": DARK_GREY,
    "ytick.color": DARK_GREY,
    "xtick.labelcolor": TEXT_BLACK,
    "ytick.labelcolor": TEXT_BLACK,
    "xtick.labelsize": FONT_SIZE,
    "ytick.labelsize": FONT_SIZE,
    "legend.frameon": False,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "figure.constrained_layout.h_pad": 0.08,
    "figure.constrained_layout.w_pad": 0.08,
    "svg.hashsalt": "diversity_review",  # fixed ids: byte-identical SVG
    # text kept as text (searchable, selectable, translatable), in the named font; the SVG
    # stays byte-identical run to run
    "svg.fonttype": "none",
    "path.simplify": True,
}


@contextmanager
def style():
    """The house style as a ``matplotlib.rc_context`` (restored on exit)."""
    with mpl.rc_context(STYLE):
        yield


def new_figure(ax: Axes | None, height: float) -> tuple[Figure, Axes, bool]:
    """``(figure, axes, own)``: a new constrained-layout figure unless ``ax`` is given."""
    if ax is not None:
        return ax.figure, ax, False
    fig = Figure(figsize=(FIG_WIDTH, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot(), True


def rows_height(n_rows: int, per_row: float = 0.3, extra: float = 1.9) -> float:
    """Figure height (inches) for a chart of ``n_rows`` bars: each row readable."""
    return round(max(3.2, extra + per_row * n_rows), 2)


def text_width(text: str, size: float, weight: str = "normal") -> float:
    """Width of one line of text in points (measured with the house font)."""
    prop = FontProperties(family=STYLE["font.sans-serif"], size=size, weight=weight)
    width, _h, _d = _TEXT_TO_PATH.get_text_width_height_descent(text, prop, ismath=False)
    return float(width)


def wrap(text: str, size: float, width_in: float = FIG_WIDTH, weight: str = "normal") -> str:
    """Wrap each paragraph of ``text`` at word boundaries to fit ``width_in`` inches."""
    room = width_in * 72 - 14  # leave the layout's side padding
    out = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}" if line else word
            if line and text_width(trial, size, weight) > room:
                out.append(line)
                line = word
            else:
                line = trial
        out.append(line)
    return "\n".join(out)


def wrap_label(text: str, size: float = FONT_SIZE, width_pt: float = 150) -> str:
    """A category label wrapped onto several lines when longer than ``width_pt`` points."""
    return wrap(text, size, (width_pt + 14) / 72)


def finish(
    fig: Figure, ax: Axes, own: bool, *, title: str, notes: Iterable[str], alt: str
) -> Figure:
    """Title over, notes (source first) under, alt text on the figure."""
    notes_text = "\n".join(n for n in notes if n)
    if own:
        fig.suptitle(
            wrap(title, TITLE_SIZE, weight="bold"),
            x=0.012,
            ha="left",
            fontsize=TITLE_SIZE,
            fontweight="bold",
            color=TEXT_BLACK,
        )
        fig.supxlabel(
            wrap(notes_text, NOTE_SIZE),
            x=0.012,
            ha="left",
            fontsize=NOTE_SIZE,
            color=DARK_GREY,
            linespacing=1.4,
        )
    else:
        width = ax.get_position().width * fig.get_figwidth()
        ax.set_title(wrap(title, TITLE_SIZE, width, "bold"), loc="left", fontweight="bold")
        ax.annotate(
            wrap(notes_text, NOTE_SIZE, width),
            xy=(0, 0),
            xycoords="axes fraction",
            xytext=(0, -32),
            textcoords="offset points",
            va="top",
            ha="left",
            fontsize=NOTE_SIZE,
            color=DARK_GREY,
        )
    previous = getattr(fig, "alt_text", "") if not own else ""
    fig.alt_text = f"{previous}\n\n{alt}".strip() if previous else alt
    return fig


def alt_text(fig: Figure) -> str:
    """The alt text a chart function attached to ``fig`` (``""`` if none).

    Examples
    --------
    >>> from diversity_review.charts import alt_text  # doctest: +SKIP
    >>> alt_text(fig)  # doctest: +SKIP
    'Bar chart of women as a share of councillors in each council in Wales in 2022, ...'
    """
    return str(getattr(fig, "alt_text", ""))


def percent_axis(
    ax: Axes, lang: str, top: float, *, axis: str = "x", label: str | None = None
) -> None:
    """Value axis from zero to ``top`` with whole-percent ticks and a light grid only on it."""
    top = max(float(top), 0.01)
    steps = [(0.06, 0.01), (0.12, 0.02), (0.3, 0.05), (0.6, 0.1), (float("inf"), 0.2)]
    step = next(s for limit, s in steps if top <= limit)
    ticks = [round(i * step, 4) for i in range(int(min(top, 1.0) / step + 1e-9) + 1)]
    fmt = FuncFormatter(lambda v, _pos: format_percent(v, lang, decimals=0 if step >= 0.01 else 1))
    value_axis = ax.xaxis if axis == "x" else ax.yaxis
    value_axis.set_major_locator(FixedLocator(ticks))
    value_axis.set_major_formatter(fmt)
    if axis == "x":
        ax.set_xlim(0, top)
        ax.grid(True, axis="x")
        ax.grid(False, axis="y")
        ax.tick_params(axis="y", length=0)
        ax.spines["bottom"].set_visible(False)
        ax.tick_params(axis="x", length=0)
        if label:
            ax.set_xlabel(label)
    else:
        ax.set_ylim(0, top)
        ax.grid(True, axis="y")
        ax.grid(False, axis="x")
        if label:
            ax.set_ylabel(label)


def label_rows(ax: Axes, positions: list[float], labels: list[str], bold: Iterable[int] = ()):
    """Category tick labels (horizontal), with the ``bold`` ones emphasised (e.g. Wales)."""
    ax.set_yticks(positions, labels)
    bold = set(bold)
    for i, tick in enumerate(ax.get_yticklabels()):
        if i in bold:
            tick.set_fontweight("bold")


def bar(
    ax: Axes,
    y: float,
    value: float,
    *,
    height: float,
    colour: str,
    gid: str,
    interval: tuple[float, float] = (math.nan, math.nan),
    interval_width: float = 1.0,
    capsize: float = 2.5,
) -> float:
    """A horizontal bar from zero to ``value`` at ``y``, with its interval's whiskers when
    both ends are known (gid ``ci-…`` for ``bar-…``); returns where its label goes: the bar's
    end, or the interval's top."""
    (rect,) = ax.barh([y], [value], height=height, color=colour, zorder=2)
    rect.set_gid(gid)
    lo, hi = interval
    if math.isnan(lo) or math.isnan(hi):
        return value
    ax.errorbar(
        [value],
        [y],
        xerr=[[value - lo], [hi - value]],
        fmt="none",
        ecolor=DARK_GREY,
        elinewidth=interval_width,
        capsize=capsize,
        zorder=3,
        gid="ci-" + gid.removeprefix("bar-"),
    )
    return hi


def interval_bars(
    ax: Axes,
    ys: list[float],
    rows: Iterable,
    *,
    height: float,
    colour: Callable[[object], str],
    gid: Callable[[object], str],
    label: Callable[[object], tuple[str, dict]],
    interval_width: float = 1.0,
    capsize: float = 2.5,
) -> list[float]:
    """One row per ``y``: its marker where it has one, else its bar, interval and label
    (``label(row)`` gives the text and :func:`value_label` options). Rows have ``share``,
    ``lo``, ``hi`` and ``marker``; returns where each label went."""
    ends = []
    for y, d in zip(ys, rows, strict=True):
        if d.marker is not None:
            marker_label(ax, y, d.marker)
            continue
        end = bar(
            ax,
            y,
            d.share,
            height=height,
            colour=colour(d),
            gid=gid(d),
            interval=(d.lo, d.hi),
            interval_width=interval_width,
            capsize=capsize,
        )
        text, options = label(d)
        value_label(ax, end, y, text, **options)
        ends.append(end)
    return ends


def marker_label(ax: Axes, y: float, marker: str) -> None:
    """A row's GSS marker (``[c]``, ``[x]``, ``[z]``) where its bar would start."""
    value_label(ax, 0, y, marker, color=DARK_GREY)


def value_label(ax: Axes, x: float, y: float, text: str, **kw) -> None:
    """A direct label just right of ``x`` (a bar end or a marker)."""
    kw.setdefault("fontsize", LABEL_SIZE)
    kw.setdefault("color", TEXT_BLACK)
    # a faint white box keeps the label readable where it crosses a reference line
    kw.setdefault(
        "bbox", {"boxstyle": "square,pad=0.05", "fc": "white", "ec": "none", "alpha": 0.85}
    )
    ax.annotate(
        text, xy=(x, y), xytext=(4, 0), textcoords="offset points", va="center", ha="left", **kw
    )


@contextmanager
def laid_out(fig: Figure):
    """Keep the layout ``fig`` has now: no layout engine inside, so saving draws the figure
    once, as it is laid out (the engine is restored on exit)."""
    engine = fig.get_layout_engine()
    fig.set_layout_engine(None)
    try:
        yield fig
    finally:
        fig.set_layout_engine(engine)


def save_figure(fig: Figure, path: str | Path, *, dpi: int = 150) -> list[Path]:
    """Write ``fig`` as ``path.png`` and ``path.svg`` and its alt text as ``path.txt``.

    The files are deterministic: the same figure gives byte-identical files (fixed SVG hash
    salt, no date in the SVG, a fixed ``Software`` entry in the PNG). The alt text is also
    stored in the PNG and SVG metadata (``Description``). The figure is laid out once, when
    the PNG is saved, and the SVG is saved from that same layout (so both show the same
    positions, and the layout is not worked out again).

    Parameters
    ----------
    fig : Figure
        A chart from this module (or any figure; its alt text is then empty).
    path : str or Path
        The path without a suffix; folders are created.
    dpi : int
        Resolution of the PNG.

    Returns
    -------
    list of Path
        ``[png, svg, txt]``.

    Examples
    --------
    >>> save_figure(share_by_council(shares), tmp_path / "women_by_council")  # doctest: +SKIP
    [PosixPath('.../women_by_council.png'), PosixPath('.../women_by_council.svg'),
     PosixPath('.../women_by_council.txt')]
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    png, svg, txt = (path.with_name(f"{path.name}.{ext}") for ext in ("png", "svg", "txt"))
    alt = alt_text(fig)
    title = fig.get_suptitle().replace("\n", " ")
    with style():
        fig.savefig(
            png,
            format="png",
            dpi=dpi,
            metadata={"Software": "diversity_review", "Title": title, "Description": alt},
        )
        with laid_out(fig):
            fig.savefig(
                svg,
                format="svg",
                metadata={
                    "Date": None,
                    "Creator": "diversity_review",
                    "Title": title,
                    "Description": alt,
                },
            )
    txt.write_text(alt + "\n", encoding="utf-8", newline="\n")
    return [png, svg, txt]
