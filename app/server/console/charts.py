"""Charts drawn on the server as inline SVG (nothing fetched, no script): the colour distribution
as bars, and the monthly visit trend as columns. Each function returns SVG markup with every
text escaped; sizes follow the container (viewBox, width 100%)."""

from __future__ import annotations

from html import escape

FILL = {"红": "#c62828", "黄": "#e0a400", "蓝": "#1e6fd9", "绿": "#2e7d32", "": "#9aa5b1"}
LABEL = {"红": "红", "黄": "黄", "蓝": "蓝", "绿": "绿", "": "未评估"}
ORDER = ["红", "黄", "蓝", "绿", ""]


def _svg(width: int, height: int, body: list[str], title: str) -> str:
    return (f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{escape(title)}" '
            f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="13">'
            f'<title>{escape(title)}</title>' + "".join(body) + "</svg>")


def colour_bars(counts: dict[str, int], title: str = "四色分布") -> str:
    """Horizontal bars, one per colour (红 黄 蓝 绿 未评估), with the count and share."""
    total = sum(counts.get(c, 0) for c in ORDER) or 0
    width, row, left, right = 520, 34, 64, 120
    body = []
    peak = max([counts.get(c, 0) for c in ORDER] + [1])
    for i, c in enumerate(ORDER):
        n = counts.get(c, 0)
        y = 8 + i * row
        w = round((width - left - right) * n / peak) if n else 0
        share = f"{n * 100 / total:.1f}%" if total else "—"
        body.append(f'<text x="{left - 10}" y="{y + 19}" text-anchor="end" fill="#3e4c59">{escape(LABEL[c])}</text>')
        body.append(f'<rect x="{left}" y="{y + 4}" width="{width - left - right}" height="22" fill="#eef2f7" rx="2"/>')
        if w:
            body.append(f'<rect x="{left}" y="{y + 4}" width="{w}" height="22" fill="{FILL[c]}" rx="2"/>')
        body.append(f'<text x="{width - right + 10}" y="{y + 19}" fill="#1f2933">{n:,}　{share}</text>')
    return _svg(width, 8 + row * len(ORDER) + 4, body, title)


def month_columns(points: list[tuple[str, int]], title: str = "每月走访次数") -> str:
    """Columns for (YYYY-MM, count) pairs, labelled by month and value."""
    width, height, left, bottom, top = 620, 230, 16, 34, 22
    body = []
    n = max(1, len(points))
    slot = (width - 2 * left) / n
    peak = max([v for _, v in points] + [1])
    body.append(f'<line x1="{left}" y1="{height - bottom}" x2="{width - left}" y2="{height - bottom}" stroke="#b8c2cc"/>')
    for i, (month, value) in enumerate(points):
        h = round((height - bottom - top) * value / peak) if value else 0
        x = left + i * slot + slot * 0.18
        w = slot * 0.64
        y = height - bottom - h
        body.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{h}" fill="#1d4e89" rx="2"/>')
        body.append(f'<text x="{x + w / 2:.1f}" y="{y - 5}" text-anchor="middle" font-size="11" fill="#1f2933">{value:,}</text>')
        label = month[5:].lstrip("0") + "月" if len(month) >= 7 else month
        body.append(f'<text x="{x + w / 2:.1f}" y="{height - bottom + 18}" text-anchor="middle" fill="#616e7c">'
                    f'{escape(label)}</text>')
    return _svg(width, height, body, title)
