"""Inline SVG for the HTML report: a map of a story's places and a timeline chart.

Both are drawn in Python (no script, no external tile or font) and every text node goes through
``html.escape``. Country outlines come from ``assets/world-110m.json``: Natural Earth 1:110m
countries (public domain), simplified by ``tools/make_world.py``.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from html import escape
from importlib.resources import files

from .view import StoryView, date_words, iso_date, mention_numbers, text_of

MAP_WIDTH = 720
TIMELINE_WIDTH = 720
_MIN_SPAN = 0.6  # degrees: a story in one town still shows the country around it
_LOCATOR_BELOW = 20.0  # a view narrower than this (degrees of latitude) gets a locator inset
_CORE_DEGREES = 15.0  # places this near the most-named one decide the map's frame
_KM_PER_DEGREE = 111.32


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    name: str
    bbox: tuple[float, float, float, float]  # west, south, east, north
    rings: tuple[tuple[tuple[float, float], ...], ...]  # (lon, lat) points


@lru_cache(maxsize=1)
def world() -> tuple[Country, ...]:
    """Return the country outlines shipped with the package (decoded once per process)."""
    raw = json.loads(
        files("consilience.report").joinpath("assets/world-110m.json").read_text("utf-8")
    )
    scale = raw["scale"]
    out = []
    for c in raw["countries"]:
        rings = []
        for enc in c["rings"]:
            x, y = enc[0], enc[1]
            pts = [(x / scale, y / scale)]
            for i in range(2, len(enc), 2):
                x, y = x + enc[i], y + enc[i + 1]
                pts.append((x / scale, y / scale))
            rings.append(tuple(pts))
        out.append(Country(c["iso2"], c["name"], tuple(c["bbox"]), tuple(rings)))
    return tuple(out)


def country_name(iso2: object) -> str:
    """Return a country's name from its ISO alpha-2 code, or the code itself."""
    for c in world():
        if c.iso2 and c.iso2 == iso2:
            return c.name
    return text_of(iso2)


@dataclass(frozen=True, slots=True)
class Frame:
    """An equirectangular view: longitudes shrink by cos(latitude) at the view's centre."""

    west: float
    south: float
    east: float
    north: float
    kx: float
    scale: float  # pixels per degree of latitude
    width: float
    height: float

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale

    def km_per_px(self) -> float:
        return _KM_PER_DEGREE / self.scale


def fit(
    points: list[tuple[float, float]],
    width: float,
    min_span: float = _MIN_SPAN,
    ratio: tuple[float, float] = (1.25, 2.0),
) -> Frame:
    """Return a frame around ``points`` (lon, lat), padded, at least ``min_span`` degrees high,
    with a width/height ratio inside ``ratio``."""
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    clon, clat = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    kx = max(math.cos(math.radians(clat)), 0.2)
    span_x = max((max(lons) - min(lons)) * kx, min_span) * 1.35  # projected degrees
    span_y = max(max(lats) - min(lats), min_span) * 1.35
    r = span_x / span_y
    if r < ratio[0]:
        span_x = span_y * ratio[0]
    elif r > ratio[1]:
        span_y = span_x / ratio[1]
    span_y = min(span_y, 170.0)
    span_x = min(span_x, 360.0 * kx)
    north = min(clat + span_y / 2, 85.0)
    south = north - span_y
    if south < -85.0:
        south = -85.0
        north = south + span_y
    west = clon - span_x / kx / 2
    scale = width / span_x
    return Frame(west, south, west + span_x / kx, north, kx, scale, width, span_y * scale)


def _f(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".") if abs(v) < 1e6 else "0"


def _countries(frame: Frame, home: set[str], css: str = "land") -> list[str]:
    out = []
    for c in world():
        w, s, e, n = c.bbox
        if e < frame.west or w > frame.east or n < frame.south or s > frame.north:
            continue
        d = []
        for ring in c.rings:
            pts = [frame.xy(lon, lat) for lon, lat in ring]
            d.append("M" + "L".join(f"{_f(x)} {_f(y)}" for x, y in pts) + "Z")
        cls = f"{css} home" if c.iso2 in home else css
        out.append(f'<path class="{cls}" d="{"".join(d)}"><title>{escape(c.name)}</title></path>')
    return out


def _nice(value: float) -> float:
    """Return the largest 1, 2 or 5 times a power of ten not above ``value``."""
    if value <= 0:
        return 0.0
    p = 10 ** math.floor(math.log10(value))
    for m in (5, 2, 1):
        if m * p <= value:
            return m * p
    return p


def _scale_bar(frame: Frame) -> str:
    km = _nice(frame.km_per_px() * frame.width / 5)
    if km <= 0:
        return ""
    px = km / frame.km_per_px()
    x, y = 12, frame.height - 14
    label = f"{km:g} km"
    return (
        f'<g class="scale-bar"><path d="M{_f(x)} {_f(y - 5)}V{_f(y)}H{_f(x + px)}'
        f'V{_f(y - 5)}"/><text x="{_f(x + px + 6)}" y="{_f(y)}">{label}</text></g>'
    )


def _label_box(
    x: float,
    y: float,
    text: str,
    where: str,
    r: float,
) -> tuple[float, float, float, float]:
    w, h, gap = 6.6 * len(text) + 4, 14.0, r + 3
    if where == "right":
        return x + gap, y - h / 2, x + gap + w, y + h / 2
    if where == "left":
        return x - gap - w, y - h / 2, x - gap, y + h / 2
    if where == "above":
        return x - w / 2, y - gap - h, x + w / 2, y - gap
    return x - w / 2, y + gap, x + w / 2, y + gap + h


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])


def core_places(view: StoryView, places: list[dict]) -> list[bool]:
    """Say, per place, whether the map's frame is fitted to it: the most-named place, those
    near it (within ``_CORE_DEGREES``) and any named in at least half as many reports. A stray
    far-away place (a mislabelled word, a passing mention) must not zoom the map out to the
    world; it is drawn at the edge, pointing the way."""
    weights = [len(mention_numbers(view, p)) for p in places]
    top = max(range(len(places)), key=lambda i: (weights[i], -i))
    lat0, lon0 = float(places[top]["geo"]["lat"]), float(places[top]["geo"]["lon"])
    k = math.cos(math.radians(lat0))
    out = []
    for p, w in zip(places, weights, strict=True):
        dlat = float(p["geo"]["lat"]) - lat0
        dlon = (float(p["geo"]["lon"]) - lon0) * k
        out.append(math.hypot(dlat, dlon) <= _CORE_DEGREES or 2 * w >= weights[top])
    return out


def _dodge(
    x: float,
    y: float,
    r: float,
    taken: list[tuple[float, float, float]],
) -> tuple[float, float]:
    """Return where to draw a marker of radius ``r`` meant for (x, y) so that it does not cover
    one already drawn: the point itself, or the nearest free spot on rings around it."""

    def free(px: float, py: float) -> bool:
        return all(math.hypot(px - tx, py - ty) >= r + tr + 1 for tx, ty, tr in taken)

    if free(x, y):
        return x, y
    for ring in range(1, 6):
        dist = ring * 2.2 * r
        for step in range(12):
            a = math.radians(step * 30 - 90)
            px, py = x + dist * math.cos(a), y + dist * math.sin(a)
            if free(px, py):
                return px, py
    return x, y


def _at_edge(frame: Frame, x: float, y: float, pad: float = 14) -> tuple[float, float]:
    """Return the point where the line from the frame's centre to (x, y) leaves the frame."""
    cx, cy = frame.width / 2, frame.height / 2
    dx, dy = x - cx, y - cy
    t = min((cx - pad) / abs(dx) if dx else math.inf, (cy - pad) / abs(dy) if dy else math.inf)
    return cx + dx * t, cy + dy * t


def _arrow(frame: Frame, x: float, y: float) -> str:
    """Return the arrow that points from the frame's centre towards (x, y)."""
    angle = math.degrees(math.atan2(frame.height / 2 - y, x - frame.width / 2)) % 360
    return "→↗↑↖←↙↓↘"[round(angle / 45) % 8]


def map_svg(view: StoryView, places: list[dict], title: str) -> str:
    """Return an SVG map of ``places`` (entities with geo), numbered 1.. in the given order:
    one marker each (moved aside with a leader line where markers would cover each other;
    a place far from the others is drawn at the edge of the map), labels where they fit,
    outlines of the countries in view, a scale bar, and a locator inset when the view is
    small."""
    pts = [(float(p["geo"]["lon"]), float(p["geo"]["lat"])) for p in places]
    core = core_places(view, places)
    frame = fit([pt for pt, c in zip(pts, core, strict=True) if c], MAP_WIDTH)
    home = {text_of(p["geo"].get("country")) for p, c in zip(places, core, strict=True) if c}
    parts = [
        f'<svg class="map" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {_f(frame.width)} {_f(frame.height)}" '
        f'aria-label="{escape(title)}">',
        f'<rect class="sea" width="{_f(frame.width)}" height="{_f(frame.height)}"/>',
        *_countries(frame, home),
    ]
    markers, labels, leaders = [], [], []
    circles: list[tuple[float, float, float]] = []
    boxes: list[tuple[float, float, float, float]] = []
    for n, (place, (lon, lat)) in enumerate(zip(places, pts, strict=True), 1):
        name = text_of(place.get("name"))
        count = len(mention_numbers(view, place))
        r = 7 + min(5, 1.5 * math.sqrt(count))
        x, y = frame.xy(lon, lat)
        inside = 0 <= x <= frame.width and 0 <= y <= frame.height
        if not inside:
            x, y = _at_edge(frame, x, y)
        mx, my = _dodge(x, y, r, circles)
        if (mx, my) != (x, y):
            leaders.append(
                f'<g class="leader"><line x1="{_f(x)}" y1="{_f(y)}" x2="{_f(mx)}" '
                f'y2="{_f(my)}"/><circle cx="{_f(x)}" cy="{_f(y)}" r="2"/></g>'
            )
        circles.append((mx, my, r))
        boxes.append((mx - r, my - r, mx + r, my + r))
        where = "" if inside else f" (outside the map: {text_of(place['geo'].get('country'))})"
        cls = "place" if inside else "place outside"
        markers.append(
            f'<a href="#s{view.index}-pl{n}"><g class="{cls}" data-n="{n}" '
            f'transform="translate({_f(mx)} {_f(my)})"><title>{escape(name + where)}: named in '
            f'{count} report(s)</title><circle r="{_f(r)}"/>'
            f'<text dy="0.35em">{n}</text></g></a>'
        )
        labels.append((mx, my, r, name if inside else f"{name} {_arrow(frame, mx, my)}"))
    parts += leaders + _labels(labels, boxes, frame) + markers
    parts.append(_scale_bar(frame))
    if frame.north - frame.south < _LOCATOR_BELOW:
        parts.append(_locator(frame, home))
    parts.append("</svg>")
    return "".join(parts)


def _labels(
    wanted: list[tuple[float, float, float, str]],
    taken: list[tuple[float, float, float, float]],
    frame: Frame,
) -> list[str]:
    """Return a text label per marker where one fits without covering a marker or a label."""
    out = []
    for x, y, r, name in wanted:
        short = name if len(name) <= 28 else name[:27] + "…"
        for where in ("right", "left", "above", "below"):
            box = _label_box(x, y, short, where, r)
            fits = box[0] >= 0 and box[1] >= 0 and box[2] <= frame.width and box[3] <= frame.height
            if fits and not any(_overlaps(box, t) for t in taken):
                taken.append(box)
                out.append(
                    f'<text class="place-label" x="{_f(box[0] + 2)}" '
                    f'y="{_f(box[3] - 3)}">{escape(short)}</text>'
                )
                break
    return out


def _locator(detail: Frame, home: set[str]) -> str:
    """Return a small inset showing where the detail view lies in a wider region."""
    clon = (detail.west + detail.east) / 2
    clat = (detail.south + detail.north) / 2
    width = 170.0
    wide = fit([(clon - 18, clat - 12), (clon + 18, clat + 12)], width, ratio=(1.3, 1.3))
    x0, y0 = detail.width - width - 8, 8
    w, n = wide.xy(detail.west, detail.north)
    e, s = wide.xy(detail.east, detail.south)
    box_w, box_h = max(e - w, 3), max(s - n, 3)
    return (
        f'<svg class="locator" x="{_f(x0)}" y="{_f(y0)}" width="{_f(width)}" '
        f'height="{_f(wide.height)}" viewBox="0 0 {_f(wide.width)} {_f(wide.height)}">'
        f'<rect class="sea" width="{_f(wide.width)}" height="{_f(wide.height)}"/>'
        + "".join(_countries(wide, home))
        + f'<rect class="view" x="{_f(w)}" y="{_f(n)}" width="{_f(box_w)}" '
        f'height="{_f(box_h)}"/><rect class="frame" width="{_f(wide.width)}" '
        f'height="{_f(wide.height)}"/></svg>'
    )


# ---------------------------------------------------------------- timeline


def day_range(value: object) -> tuple[int, int] | None:
    """Return the days an ISO date covers as ordinals [first, last + 1), or None."""
    parsed = iso_date(value)
    if parsed is None:
        return None
    year, month, day = parsed
    if month is None:
        return date(year, 1, 1).toordinal(), date(year + 1, 1, 1).toordinal()
    if day is None:
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        return date(year, month, 1).toordinal(), nxt.toordinal()
    d = date(year, month, day).toordinal()
    return d, d + 1


def _ticks(lo: int, hi: int) -> list[tuple[float, str]]:
    """Return (day ordinal, label) ticks for the days [lo, hi)."""
    span = hi - lo
    out = []
    if span <= 120:
        step = next(s for s in (1, 2, 7, 14, 28) if span / s <= 10)
        for d in range(lo, hi, step):
            day = date.fromordinal(d)
            out.append((d + 0.5, f"{day.day} {day.strftime('%b')}"))  # a day's tick: its middle
        return out
    first = date.fromordinal(lo)
    if span <= 365 * 4:
        y, m = first.year, first.month
        months = span / 30.4
        step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 10)
        while (d := date(y, m, 1).toordinal()) <= hi:
            if d >= lo:
                out.append((d, date(y, m, 1).strftime("%b %Y")))
            m += step
            y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
        return out
    years = span / 365.25
    step = 1
    while years / step > 10:  # 1, 2, 5, 10, 20, 50, 100, 200 ... years
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2
    y = first.year + 1
    while y <= date.max.year and (d := date(y, 1, 1).toordinal()) <= hi:
        out.append((d, str(y)))
        y += step
    return out


def timeline_svg(view: StoryView, events: list[dict]) -> str:
    """Return an SVG timeline of ``events`` (numbered 1.. in the given order), with the days
    reports were published along the bottom; an event whose sources disagree on the date is
    drawn with its other dates linked to it."""
    spans = [day_range(e.get("date")) for e in events]
    alts = [_alt_days(e) for e in events]
    pubs = Counter(r[0] for c in view.cited if (r := day_range(c.published)))
    days = [d for s in spans if s for d in s] + [d for a in alts for d in a] + list(pubs)
    if not days:
        return ""
    lo, hi = min(days), max(days) + 1
    pad = max(1, round((hi - lo) * 0.04))
    lo, hi = max(1, lo - pad), min(date.max.toordinal(), hi + pad)
    margin, width = 24.0, float(TIMELINE_WIDTH)

    def x(day: float) -> float:
        return margin + (day - lo) / (hi - lo) * (width - 2 * margin)

    lanes: list[float] = []
    placed = []
    for n, (span, alt) in enumerate(zip(spans, alts, strict=True), 1):
        if span is None:
            continue
        xs = [x(span[0]), x(span[1]) if span[1] - span[0] > 1 else x(span[0] + 0.5)]
        xs += [x(d + 0.5) for d in alt]
        left, right = min(xs) - 12, max(xs) + 12
        lane = next((i for i, end in enumerate(lanes) if end < left), len(lanes))
        if lane == len(lanes):
            lanes.append(right)
        else:
            lanes[lane] = right
        placed.append((n, span, alt, lane))
    top = 16.0
    axis_y = top + 26 * max(len(lanes), 1) + 8
    height = axis_y + 72
    out = [
        f'<svg class="timeline-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {_f(width)} {_f(height)}" aria-label="Timeline of the story">',
        f'<line class="axis" x1="{_f(margin)}" x2="{_f(width - margin)}" '
        f'y1="{_f(axis_y)}" y2="{_f(axis_y)}"/>',
    ]
    for d, label in _ticks(lo, hi):
        out.append(
            f'<g class="tick"><line x1="{_f(x(d))}" x2="{_f(x(d))}" y1="{_f(axis_y)}" '
            f'y2="{_f(axis_y + 5)}"/><text x="{_f(x(d))}" y="{_f(axis_y + 18)}">'
            f"{escape(label)}</text></g>"
        )
    out += _publications(pubs, x, axis_y + 44)
    for n, span, alt, lane in placed:
        out.append(_event(view, events[n - 1], n, span, alt, x, top + 10 + 26 * lane, axis_y))
    out.append("</svg>")
    return "".join(out)


def _alt_days(event: dict) -> list[int]:
    """Return the days of an event's conflicting dates other than its own."""
    conflict = event.get("conflict")
    if not isinstance(conflict, dict):
        return []
    own = day_range(event.get("date"))
    out = []
    for v in conflict.get("values") or []:
        r = day_range(v.get("value")) if isinstance(v, dict) else None
        if r and r != own and r[0] not in out:
            out.append(r[0])
    return out


def _publications(pubs: Counter, x, y: float) -> list[str]:  # noqa: ANN001
    if not pubs:
        return []
    most = max(pubs.values())
    out = [f'<text class="pubs-label" x="4" y="{_f(y + 12)}">reports published per day</text>']
    for d, count in sorted(pubs.items()):
        h = 4 + 14 * count / most
        words = date_words(date.fromordinal(d).isoformat())
        out.append(
            f'<rect class="tl-pub" x="{_f(x(d + 0.5) - 4)}" y="{_f(y - h)}" width="8" '
            f'height="{_f(h)}"><title>{count} report(s) published on {words}</title>'
            f"</rect>"
        )
    return out


def _event(
    view: StoryView,
    event: dict,
    n: int,
    span: tuple[int, int],
    alt: list[int],
    x,
    y: float,
    axis_y: float,
) -> str:  # noqa: ANN001
    conflict = isinstance(event.get("conflict"), dict)
    cls = "tl-event conflict" if conflict else "tl-event"
    cx = x(span[0] + 0.5) if span[1] - span[0] == 1 else (x(span[0]) + x(span[1])) / 2
    label = f"{date_words(event.get('date'))}: {text_of(event.get('text'))}"
    inner = [
        f"<title>{escape(label)}</title>",
        f'<line class="stem" x1="{_f(cx)}" x2="{_f(cx)}" y1="{_f(y)}" y2="{_f(axis_y)}"/>',
    ]
    if span[1] - span[0] > 1:
        inner.append(
            f'<rect class="tl-range" x="{_f(x(span[0]))}" y="{_f(y - 5)}" '
            f'width="{_f(max(x(span[1]) - x(span[0]), 2))}" height="10" rx="5"/>'
        )
    for d in alt:
        ax = x(d + 0.5)
        inner.append(
            f'<line class="tl-alt-link" x1="{_f(cx)}" x2="{_f(ax)}" y1="{_f(y)}" '
            f'y2="{_f(y)}"/><circle class="tl-alt" cx="{_f(ax)}" cy="{_f(y)}" r="6">'
            f"<title>also dated {escape(date_words(date.fromordinal(d).isoformat()))}"
            f"</title></circle>"
        )
    inner.append(
        f'<circle cx="{_f(cx)}" cy="{_f(y)}" r="10"/>'
        f'<text x="{_f(cx)}" y="{_f(y)}" dy="0.35em">{n}</text>'
    )
    return (
        f'<a href="#s{view.index}-ev{n}"><g class="{cls}" data-n="{n}">'
        + "".join(inner)
        + "</g></a>"
    )
