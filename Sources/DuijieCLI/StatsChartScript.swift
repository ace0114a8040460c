// Written by scripts/embed-chart-script from scripts/stats-chart: edit that file, then run the script.

/// The chart script `duijie stats --format png|svg` gives to Python (scripts/stats-chart).
enum StatsChartScript {
    /// The script's text, as scripts/stats-chart holds it.
    static let text = #"""
#!/usr/bin/env python3
"""Draws the charts of a `duijie stats` report with matplotlib, as PNG or SVG.

    duijie stats demo.sqlite --period 2026H1 --format csv -o 2026H1.csv
    scripts/stats-chart 2026H1.csv 2026H1.png --title "2026年上半年"

Reads the CSV that `duijie stats --format csv` writes (Chinese or English: the labels follow
the file) and draws four panels: the value of contracts by contract type and by the seller's
region, each beside the same days a year earlier; the value by technical field; and the funnel
from shortlisted to signed with each stage's share of the stage before and median days.
Chinese labels need a CJK font (Debian: fonts-noto-cjk); without one the script stops rather
than draw empty boxes. In SVG, text stays text and every bar carries an id naming its row
(`bar:SECTION:KEY:current|earlier`), so the figures can be checked against the CSV.
"""
import argparse
import csv
import os
import sys
import tempfile

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

# Simplified Chinese faces first; matplotlib reads only the first face of a .ttc, which for
# Debian's Noto CJK is the Japanese one: it holds every Chinese character too.
CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Noto Sans CJK JP", "Noto Serif CJK JP"]

WORDS = {
    "zh": {
        "contract-type": "按合同类型的成交额（万元）",
        "seller-region": "按卖方地区的成交额（万元，前 8）",
        "field": "按技术领域的成交额（万元，前 8）",
        "funnel": "转化漏斗（结果数）",
        "current": "本期",
        "earlier": "上年同期",
        "share": "占上一阶段 {share:.0%}",
        "days": "中位 {days} 天",
        "total": "合计 {deals} 项，{value} 万元；上年同期 {earlier_deals} 项，{earlier_value} 万元",
    },
    "en": {
        "contract-type": "Value by contract type (10k CNY)",
        "seller-region": "Value by seller's region (10k CNY, top 8)",
        "field": "Value by technical field (10k CNY, top 8)",
        "funnel": "Funnel (results)",
        "current": "this period",
        "earlier": "a year earlier",
        "share": "{share:.0%} of the stage before",
        "days": "median {days} days",
        "total": "Total {deals} deals, {value}; a year earlier {earlier_deals} deals, {earlier_value}",
    },
}


def read_report(path):
    """The CSV's rows by section, and the language its header is in."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows or len(rows[0]) != 14:
        sys.exit(f"{path}:1: not a `duijie stats --format csv` report (expected its 14-column header)")
    language = "en" if rows[0][0] == "section" else "zh"
    sections = {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != 14:
            sys.exit(f"{path}:{number}: expected 14 columns, found {len(row)}")
        sections.setdefault(row[0], []).append(row)
    for needed in ("total", "contract-type", "funnel"):
        if needed not in sections:
            sys.exit(f"{path}: no {needed} rows: not a `duijie stats --format csv` report")
    return sections, language


def number(text):
    return float(text) if text else 0.0


def choose_font(language):
    available = {font.name for font in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in available:
            return name
    if language == "zh":
        sys.exit("no CJK font for the Chinese labels (Debian: apt-get install fonts-noto-cjk)")
    return None


def grouped_bars(axis, rows, section, words, limit=None):
    """Bars of this period's value beside a year earlier's, one pair per row."""
    rows = sorted(rows, key=lambda row: (-number(row[3]), -number(row[5]), row[1]))[:limit]
    positions = range(len(rows))
    current = axis.barh([p - 0.2 for p in positions], [number(r[3]) for r in rows], height=0.4, label=words["current"], color="#2f6f9f")
    earlier = axis.barh([p + 0.2 for p in positions], [number(r[5]) for r in rows], height=0.4, label=words["earlier"], color="#b8c7d6")
    for bar, row in zip(current, rows):
        bar.set_gid(f"bar:{section}:{row[1]}:current:{row[3]}")
    for bar, row in zip(earlier, rows):
        bar.set_gid(f"bar:{section}:{row[1]}:earlier:{row[5]}")
    axis.set_yticks(list(positions), [row[1] for row in rows])
    axis.invert_yaxis()
    axis.set_title(words[section])
    axis.legend(loc="best", fontsize=8)
    axis.grid(axis="x", alpha=0.3)


def funnel(axis, rows, words):
    counts = [number(row[2]) for row in rows]
    bars = axis.barh(range(len(rows)), counts, color="#3f8f5f")
    for index, (bar, row) in enumerate(zip(bars, rows)):
        bar.set_gid(f"bar:funnel:{row[1]}:current:{row[2]}")
        notes = [row[2]]
        if index > 0 and counts[index - 1] > 0:
            notes.append(words["share"].format(share=counts[index] / counts[index - 1]))
        if row[7]:
            notes.append(words["days"].format(days=f"{float(row[7]):g}"))
        axis.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, "  " + " · ".join(notes), va="center", fontsize=8)
    axis.set_yticks(list(range(len(rows))), [row[1] for row in rows])
    axis.invert_yaxis()
    axis.set_xlim(0, max(counts + [1]) * 1.9)
    axis.set_title(words["funnel"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", help="the CSV of `duijie stats --format csv`")
    parser.add_argument("output", help="the chart to write: .png or .svg")
    parser.add_argument("--title", default="", help="the figure's title (the period, say)")
    parser.add_argument("--format", choices=["png", "svg"], help="png or svg (by default the output's extension)")
    arguments = parser.parse_args()
    kind = arguments.format or arguments.output.rsplit(".", 1)[-1].lower()
    if kind not in ("png", "svg"):
        sys.exit(f"{arguments.output}: write .png or .svg")
    sections, language = read_report(arguments.report)
    words = WORDS[language]
    font = choose_font(language)
    if font:
        plt.rcParams["font.family"] = [font, "DejaVu Sans"]
    plt.rcParams["svg.fonttype"] = "none"
    plt.rcParams["svg.hashsalt"] = "duijie"  # the same SVG on every run
    figure, axes = plt.subplots(2, 2, figsize=(13, 8.5))
    grouped_bars(axes[0][0], sections["contract-type"], "contract-type", words)
    grouped_bars(axes[0][1], sections.get("seller-region", []), "seller-region", words, limit=8)
    grouped_bars(axes[1][0], sections.get("field", []), "field", words, limit=8)
    funnel(axes[1][1], sections["funnel"], words)
    total = sections["total"][0]
    subtitle = words["total"].format(deals=total[2], value=total[3], earlier_deals=total[4], earlier_value=total[5])
    figure.suptitle(f"{arguments.title}\n{subtitle}" if arguments.title else subtitle)
    figure.tight_layout()
    # Written beside the output under Duijie's name for temporary files (.NAME.duijie-tmp-PID-…,
    # which its next write of NAME removes if this one was killed), then renamed into place.
    folder, name = os.path.split(os.path.abspath(arguments.output))
    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}.duijie-tmp-{os.getpid()}-", delete=False)
    try:
        with handle:
            figure.savefig(handle, format=kind, dpi=100, metadata={"Date": None} if kind == "svg" else {"Software": None})
        os.replace(handle.name, arguments.output)
    except BaseException:
        os.unlink(handle.name)
        raise


if __name__ == "__main__":
    main()
"""#
}
