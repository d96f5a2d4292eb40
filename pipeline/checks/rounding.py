"""Rounding-aware comparison of stated figures (in the spirit of statcheck).

A figure written with ``d`` decimals stands for every value that rounds to it:
``15,8`` is the interval [15,75; 15,85).  Writers also truncate (``94,11`` for
94,1176), so a *stated* value is given the interval [v - u/2, v + u) where
``u = 10^-d``.  Inputs of a computation carry their own intervals, and the
result of dividing two intervals is the interval of every quotient.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

_NUM = re.compile(r"\d[\d.,]*")


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float

    def overlaps(self, other: "Interval", slack: float = 0.0) -> bool:
        return self.lo - slack <= other.hi and other.lo - slack <= self.hi

    def distance(self, other: "Interval") -> float:
        if self.overlaps(other):
            return 0.0
        return max(other.lo - self.hi, self.lo - other.hi)

    def contains(self, x: float, slack: float = 0.0) -> bool:
        return self.lo - slack <= x <= self.hi + slack

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2


def decimals_of(raw: Optional[str], value: Optional[float] = None) -> int:
    """Decimals shown in a figure as written (``15,8`` -> 1, ``4.235,04`` -> 2,
    ``17.889`` -> 0 when it was read as 17 889, ``7,40`` -> 2)."""
    if raw:
        m = _NUM.search(raw)
        s = m.group(0).rstrip(".,") if m else ""
        if "," in s:
            return len(s.rsplit(",", 1)[1])
        if "." in s and value is not None:
            tail = s.rsplit(".", 1)[1]
            whole = float(s.replace(".", "")) if s.replace(".", "").isdigit() else None
            if whole is not None and abs(whole - value) < 1e-6:
                return 0              # dots group thousands: 17.889 = 17 889
            return len(tail)
        if s:
            return 0
    if value is None:
        return 0
    return decimals_from_value(value)


def scale_of(raw: Optional[str], value: Optional[float]) -> float:
    """How much the figure as written was scaled (``41,288 tỷ`` -> 1e9)."""
    if not raw or not value:
        return 1.0
    m = _NUM.search(raw)
    if not m:
        return 1.0
    s = m.group(0).rstrip(".,")
    try:
        n = float(s.replace(".", "").replace(",", ".")) if "," in s else float(s.replace(".", ""))
    except ValueError:
        return 1.0
    if not n:
        return 1.0
    for k in (1.0, 1e3, 1e6, 1e9, 1e12):
        if abs(value / n - k) / k < 1e-6:
            return k
    return 1.0


def half_unit(raw: Optional[str], value: float) -> float:
    """Half a unit of the last digit shown, in the value's own unit."""
    return 0.5 * 10 ** -decimals_of(raw, value) * scale_of(raw, value)


def stated_as_written(raw: Optional[str], value: float) -> Interval:
    """The values a figure written as ``raw`` may stand for (rounded or truncated)."""
    u = 10 ** -decimals_of(raw, value) * scale_of(raw, value)
    return Interval(value - u / 2, value + u)


def decimals_from_value(value: float) -> int:
    for d in range(0, 5):
        if abs(value * 10 ** d - round(value * 10 ** d)) < 1e-6:
            return d
    return 4


def decimals_in_text(text: Optional[str], value: float, suffix: str = r"\s*%") -> Optional[int]:
    """Decimals of ``value`` as written in ``text`` followed by ``suffix`` (``15,8%``)."""
    if not text:
        return None
    for m in re.finditer(r"(\d+(?:[.,]\d+)?)" + suffix, text):
        s = m.group(1)
        try:
            v = float(s.replace(",", "."))
        except ValueError:
            continue
        if abs(v - value) < 1e-6:
            return len(re.split(r"[.,]", s)[1]) if re.search(r"[.,]", s) else 0
    return None


def shown(value: float, decimals: int) -> Interval:
    """The values a figure shown with ``decimals`` decimals stands for (rounded)."""
    h = 0.5 * 10 ** -decimals
    return Interval(value - h, value + h)


def stated(value: float, decimals: int) -> Interval:
    """A stated result: rounded or truncated to ``decimals``."""
    u = 10 ** -decimals
    return Interval(value - u / 2, value + u)


def exact(value: float) -> Interval:
    return Interval(value, value)


def ratio_percent(num: Interval, den: Interval) -> Optional[Interval]:
    """100 * num / den over the intervals (den must stay positive)."""
    if den.lo <= 0:
        if den.hi <= 0:
            return None
        den = Interval(max(den.lo, den.hi * 1e-9), den.hi)
    vals = [100 * a / b for a in (num.lo, num.hi) for b in (den.lo, den.hi)]
    return Interval(min(vals), max(vals))


def hull(intervals: Iterable[Interval]) -> Optional[Interval]:
    xs = list(intervals)
    if not xs:
        return None
    return Interval(min(i.lo for i in xs), max(i.hi for i in xs))
