"""An inline SVG chart of a unit's place over the years (1 at the top); text is escaped here."""

from __future__ import annotations

from markupsafe import Markup

from thidua.output.site.html import html_text

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 600, 260, 44, 16, 34, 36


def place_chart(points: list[tuple[int, str, str, int, int]], label: str, axis_year: str, axis_place: str) -> Markup:
    """``points``: (year, cluster, member name, rank, members); one line per cluster and name. An empty Markup when nothing was ranked."""
    if not points:
        return Markup("")
    years = sorted({p[0] for p in points})
    worst = max(max(p[3], p[4]) for p in points)
    span_x = WIDTH - LEFT - RIGHT
    span_y = HEIGHT - TOP - BOTTOM

    position = {year: i for i, year in enumerate(years)}

    def x(year: int) -> float:
        return LEFT + (span_x / 2 if len(years) == 1 else span_x * position[year] / (len(years) - 1))

    def y(rank: int) -> float:
        return TOP + (0 if worst <= 1 else span_y * (rank - 1) / (worst - 1))

    out = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{html_text(label)}" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">',
        f"<title>{html_text(label)}</title>",
    ]
    ticks = sorted({1, worst, *(p[3] for p in points)})
    xs = {year: f"{x(year):.1f}" for year in years}  # each position written once: a long history repeats them
    ys = {rank: f"{y(rank):.1f}" for rank in ticks}
    for rank in ticks:
        out.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ys[rank]}" y2="{ys[rank]}"/>')
        out.append(f'<text class="tick" x="{LEFT - 8}" y="{y(rank) + 4:.1f}" text-anchor="end">{rank}</text>')
    for year in years:
        out.append(f'<text class="tick" x="{xs[year]}" y="{HEIGHT - 12}" text-anchor="middle">{year}</text>')
    out.append(f'<text class="axis" x="4" y="{TOP - 18}">{html_text(axis_place)}</text>')
    out.append(f'<text class="axis" x="{WIDTH - RIGHT}" y="{HEIGHT - 1}" text-anchor="end">{html_text(axis_year)}</text>')
    ordered = sorted(points)
    by_cluster: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for year, cluster, name, rank, _ in ordered:
        by_cluster.setdefault((cluster, name), []).append((year, rank))
    for series in by_cluster.values():
        if len(series) > 1:
            coords = " ".join([f"{xs[yr]},{ys[rk]}" for yr, rk in series])
            out.append(f'<polyline class="line" points="{coords}"/>')
    for year, cluster, name, rank, members in ordered:
        tip = html_text(f"{year} · {name}: {rank}/{members} ({cluster})")
        out.append(f'<circle class="dot" cx="{xs[year]}" cy="{ys[rank]}" r="6"><title>{tip}</title></circle>')
    out.append("</svg>")
    return Markup("".join(out))
