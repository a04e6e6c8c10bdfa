"""Charts drawn server-side as inline SVG: no JavaScript, no CDN, works offline and in feeds-only
browsers. Labels (source names, rule names) are escaped like any other archive data."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup

PALETTE = ("#1f6fb2", "#e07b24", "#2f9e44", "#c92a2a", "#7048e8", "#0c8599", "#e64980", "#5c940d", "#868e96")
OUTCOME_COLOURS = {
    "new": "#2f9e44",
    "updated": "#1f6fb2",
    "unchanged": "#adb5bd",
    "skipped": "#e07b24",
    "failed": "#c92a2a",
}


def _legend(names: list[str], colours: list[str], y: float, width: float) -> Markup:
    items = []
    x = 0.0
    row = 0
    for name, colour in zip(names, colours, strict=True):
        label_width = 18 + 7 * len(name)
        if x + label_width > width and x > 0:
            x = 0
            row += 1
        items.append(
            Markup(
                '<g class="legend-item" transform="translate({:.0f},{:.0f})">'
                '<rect width="12" height="12" fill="{}"></rect>'
                '<text x="16" y="11">{}</text></g>'
            ).format(x, y + row * 18, colour, name)
        )
        x += label_width + 12
    return Markup("").join(items)


def stacked_columns(
    categories: list[str],
    series: list[tuple[str, list[int]]],
    *,
    title: str,
    width: int = 720,
    height: int = 260,
) -> Markup:
    """Vertical stacked columns: one column per category (a day), one colour per series (a source)."""
    left, top, bottom = 36, 28, 40
    legend_rows = 1 + sum(7 * len(name) + 30 for name, _ in series) // width
    total_height = height + legend_rows * 18 + 8
    plot_w, plot_h = width - left - 8, height - top - bottom
    totals = [sum(values[i] for _, values in series) for i in range(len(categories))]
    peak = max(totals, default=0) or 1
    step = plot_w / max(len(categories), 1)
    bar_w = max(step * 0.8, 1)
    parts: list[Markup] = [
        Markup('<text class="chart-title" x="0" y="16">{}</text>').format(title),
        Markup('<line class="axis" x1="{0}" y1="{1}" x2="{2}" y2="{1}"></line>').format(
            left, top + plot_h, left + plot_w
        ),
        Markup('<text class="tick" x="{}" y="{}" text-anchor="end">{}</text>').format(
            left - 4, top + 10, peak
        ),
        Markup('<text class="tick" x="{}" y="{}" text-anchor="end">0</text>').format(left - 4, top + plot_h),
    ]
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(series))]
    for i, category in enumerate(categories):
        x = left + i * step + (step - bar_w) / 2
        y = top + plot_h
        for (name, values), colour in zip(series, colours, strict=True):
            value = values[i]
            if not value:
                continue
            h = plot_h * value / peak
            y -= h
            parts.append(
                Markup(
                    '<rect class="mark" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}">'
                    "<title>{}: {} on {}</title></rect>"
                ).format(x, y, bar_w, h, colour, name, value, category)
            )
        if len(categories) <= 12 or i % max(len(categories) // 8, 1) == 0:
            parts.append(
                Markup('<text class="tick" x="{:.1f}" y="{}" text-anchor="middle">{}</text>').format(
                    x + bar_w / 2, top + plot_h + 14, category[5:]
                )
            )
    parts.append(_legend([name for name, _ in series], colours, height, width))
    return Markup(
        '<svg class="newsbot-chart" role="img" viewBox="0 0 {w} {h}" width="100%" '
        'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        "<title>{t}</title>{body}</svg>"
    ).format(w=width, h=total_height, t=title, body=Markup("").join(parts))


def share_bars(
    rows: list[tuple[str, dict[str, int]]],
    keys: list[str],
    colours: dict[str, str],
    *,
    title: str,
    width: int = 720,
) -> Markup:
    """Horizontal 100% bars: one bar per row (a source), split by key (fetch outcome)."""
    label_w, top, bar_h, gap = 150, 28, 20, 8
    plot_w = width - label_w - 60
    height = top + len(rows) * (bar_h + gap) + 10
    parts: list[Markup] = [Markup('<text class="chart-title" x="0" y="16">{}</text>').format(title)]
    for r, (label, counts) in enumerate(rows):
        y = top + r * (bar_h + gap)
        total = sum(counts.get(k, 0) for k in keys) or 1
        parts.append(
            Markup('<text class="label" x="{}" y="{}" text-anchor="end">{}</text>').format(
                label_w - 6, y + bar_h - 5, label if len(label) <= 22 else label[:21] + "…"
            )
        )
        x = float(label_w)
        for key in keys:
            value = counts.get(key, 0)
            if not value:
                continue
            w = plot_w * value / total
            parts.append(
                Markup(
                    '<rect class="mark" x="{:.1f}" y="{}" width="{:.1f}" height="{}" fill="{}">'
                    "<title>{}: {} {} ({:.0%})</title></rect>"
                ).format(x, y, w, bar_h, colours[key], label, value, key, value / total)
            )
            x += w
        parts.append(
            Markup('<text class="tick" x="{}" y="{}">{}</text>').format(
                label_w + plot_w + 6, y + bar_h - 5, total
            )
        )
    legend_y = height
    parts.append(_legend(keys, [colours[k] for k in keys], legend_y, width))
    return Markup(
        '<svg class="newsbot-chart" role="img" viewBox="0 0 {w} {h}" width="100%" '
        'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        "<title>{t}</title>{body}</svg>"
    ).format(w=width, h=height + 26, t=title, body=Markup("").join(parts))


def _empty(title: str, message: str) -> Markup:
    return Markup('<p class="chart-empty"><strong>{}</strong>: {}</p>').format(title, message)


async def stories_per_day_svg(db: Any, days: int = 30) -> Markup:
    title = "Stories per day per source"
    rows = (
        await db.execute(
            # A range on `published` so the index is used: the front page stays fast on big archives.
            "select date(published) as day, source, count(*) as n from articles"
            " where published >= (select date(max(published), ?) from articles)"
            " and date(published) is not null"
            " group by day, source order by day",
            [f"-{days - 1} days"],
        )
    ).rows
    if not rows:
        return _empty(title, "no dated stories yet")
    first, last = date.fromisoformat(rows[0]["day"]), date.fromisoformat(rows[-1]["day"])
    categories = [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
    index = {day: i for i, day in enumerate(categories)}
    by_source: dict[str, list[int]] = {}
    for row in rows:
        values = by_source.setdefault(str(row["source"] or "(none)"), [0] * len(categories))
        values[index[row["day"]]] += row["n"]
    return stacked_columns(categories, sorted(by_source.items()), title=title)


async def fetch_health_svg(db: Any) -> Markup:
    title = "Fetch outcomes per source"
    rows = (
        await db.execute(
            "select coalesce(source, '(none)') as source, outcome, count(*) as n from fetch_log"
            " group by 1, 2 order by 1"
        )
    ).rows
    if not rows:
        return _empty(title, "no fetches logged yet")
    per_source: dict[str, dict[str, int]] = {}
    for row in rows:
        per_source.setdefault(row["source"], {})[row["outcome"]] = row["n"]
    keys = [k for k in OUTCOME_COLOURS if any(k in c for c in per_source.values())]
    extra = sorted({o for c in per_source.values() for o in c} - set(OUTCOME_COLOURS))
    colours = dict(OUTCOME_COLOURS)
    for i, key in enumerate(extra):
        colours[key] = PALETTE[(i + 4) % len(PALETTE)]
    return share_bars(list(per_source.items()), keys + extra, colours, title=title)


async def rules_fired_svg(db: Any) -> Markup:
    title = "Boilerplate rules fired per source (stories affected)"
    rows = (
        await db.execute(
            "select coalesce(a.source, '(none)') as source, r.key as rule, count(*) as n"
            " from articles a, json_each(a.extraction, '$.rules') r"
            " where json_valid(a.extraction) group by 1, 2 order by 1, 2"
        )
    ).rows
    if not rows:
        return _empty(title, "no rules have fired yet")
    per_source: dict[str, dict[str, int]] = {}
    for row in rows:
        per_source.setdefault(row["source"], {})[str(row["rule"])] = row["n"]
    rules = sorted({str(row["rule"]) for row in rows})
    colours = {rule: PALETTE[i % len(PALETTE)] for i, rule in enumerate(rules)}
    return share_bars(list(per_source.items()), rules, colours, title=title)


async def drawn(title: str, chart: Any) -> Markup:
    """A chart, or a note if its query ran past the SQL time limit (a very large archive)."""
    try:
        return await chart
    except QueryInterrupted:
        return _empty(title, "the query took too long; use the saved queries instead")


async def charts_page(datasette: Any, request: Any) -> Response:
    from archive.plugins.reading_room import DB_NAME

    if DB_NAME not in datasette.databases:
        raise NotFound("no newsbot archive here")
    db = datasette.get_database(DB_NAME)
    days = request.args.get("days", "90")
    days_n = int(days) if days.isdigit() and 0 < int(days) <= 3660 else 90
    context = {
        "days": days_n,
        "charts": [
            await drawn("Stories per day per source", stories_per_day_svg(db, days=days_n)),
            await drawn("Fetch outcomes per source", fetch_health_svg(db)),
            await drawn("Boilerplate rules fired per source", rules_fired_svg(db)),
        ],
    }
    return Response.html(await datasette.render_template("newsbot_charts.html", context, request=request))


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/-/charts$", charts_page)]
