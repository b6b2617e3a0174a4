"""Tables in and out: pandas DataFrames when pandas is installed, lists of dicts otherwise.

Input (``df``): a DataFrame, or any iterable of mappings, with an id, a time and a value column
(``unique_id``, ``ds``, ``y`` unless named otherwise). It is sent as CSV in its row order, so a
line the server refuses (``line 17``) is row 15 of the input (line 1 is the header).

Output rows keep the server's field names. ``ds`` follows the input: datetimes stay datetimes,
integers integers, text text; without an input to follow, ISO dates become datetimes
(``datetime.date`` without pandas) and integer indexes integers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence

try:
    import pandas as pd
except ImportError:  # the client works without pandas, on lists of dicts
    pd = None

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INT = re.compile(r"^-?\d+$")
_LEVEL = re.compile(r"^lo_(\d+(?:\.\d+)?)$")

FORECAST_FIXED = ("unique_id", "ds", "model", "y_hat")


def is_frame(data: Any) -> bool:
    return pd is not None and isinstance(data, pd.DataFrame)


# -- input -----------------------------------------------------------------------------------


def csv_body(data: Any, id_col: str, time_col: str, target_col: str) -> bytes:
    """``unique_id,ds,y`` CSV of the input, values written exactly (shortest round-trip repr)."""
    if is_frame(data):
        missing = [c for c in (id_col, time_col, target_col) if c not in data.columns]
        if missing:
            raise ValueError(
                f"the DataFrame lacks column(s) {missing}; it has {list(data.columns)}"
            )
        frame = data[[id_col, time_col, target_col]]
        return frame.to_csv(index=False, header=["unique_id", "ds", "y"]).encode("utf-8")
    if isinstance(data, (str, bytes)) or not isinstance(data, Iterable):
        raise TypeError(
            "data must be a pandas DataFrame or an iterable of dicts with "
            f"{id_col!r}, {time_col!r}, {target_col!r}; got {type(data).__name__}"
        )
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["unique_id", "ds", "y"])
    for i, row in enumerate(data):
        if not isinstance(row, Mapping):
            raise TypeError(f"row {i} is a {type(row).__name__}, not a dict")
        try:
            w.writerow([row[id_col], _ds_text(row[time_col]), _y_text(row[target_col])])
        except KeyError as e:
            raise ValueError(f"row {i} lacks the column {e.args[0]!r}: {dict(row)}") from None
    return out.getvalue().encode("utf-8")


def _ds_text(v: Any) -> str:
    if isinstance(v, dt.datetime):
        if v.tzinfo is None and v.time() == dt.time(0):
            return v.date().isoformat()
        return v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def _y_text(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return repr(v) if isinstance(v, float) else str(v)


def ds_kind(data: Any, time_col: str) -> Optional[str]:
    """How the input's time column is typed: ``datetime``, ``int``, ``text`` (None: unknown)."""
    if is_frame(data) and time_col in data.columns:
        col = data[time_col]
        if pd.api.types.is_datetime64_any_dtype(col):
            return "datetime"
        if pd.api.types.is_integer_dtype(col):
            return "int"
        return "text"
    if isinstance(data, Sequence) and data and isinstance(data[0], Mapping):
        v = data[0].get(time_col)
        if isinstance(v, (dt.date, dt.datetime)):
            return "datetime"
        if isinstance(v, int):
            return "int"
        return "text"
    return None


# -- output ----------------------------------------------------------------------------------


def forecast_rows(bodies: Iterable[Mapping[str, Any]]) -> Dict[str, list]:
    """Column lists of the long forecast table from stored result bodies (one per SKU)."""
    cols: Dict[str, list] = {c: [] for c in FORECAST_FIXED}
    n = 0
    for body in bodies:
        f = body.get("forecast") or {}
        ds = f.get("ds") or []
        k = len(ds)
        cols["unique_id"].extend([body.get("sku")] * k)
        cols["ds"].extend(ds)
        cols["model"].extend([body.get("model")] * k)
        for key, values in f.items():
            if key == "ds":
                continue
            if key not in cols:
                cols[key] = [None] * n
            cols[key].extend(list(values) + [None] * (k - len(values)))
        n += k
        for key, values in cols.items():
            if len(values) < n:  # a key another SKU has and this one lacks
                values.extend([None] * (n - len(values)))
    return cols


def levels_of(columns: Iterable[str]) -> List[float]:
    return sorted(float(m.group(1)) for c in columns if (m := _LEVEL.match(c)))


def interval_columns(columns: Iterable[str], levels: Optional[Sequence[float]]) -> List[str]:
    """``lo_L, hi_L`` for each level, ascending; every level the server sent when None."""
    have = levels_of(columns)
    wanted = have if levels is None else sorted(float(x) for x in levels)
    out = []
    for lv in wanted:
        name = _level_name(lv)
        out += [f"lo_{name}", f"hi_{name}"]
    return out


def _level_name(lv: float) -> str:
    return str(int(lv)) if float(lv).is_integer() else repr(float(lv))


def forecast_table(
    cols: Dict[str, list], levels: Optional[Sequence[float]], ds: Optional[str]
) -> Any:
    names = list(FORECAST_FIXED) + interval_columns(cols.keys(), levels)
    names += [c for c in cols if c not in names and not _is_interval(c)]
    return table({c: cols[c] for c in names}, names, ds, sort=("unique_id", "ds"))


def _is_interval(c: str) -> bool:
    return c.startswith("lo_") or c.startswith("hi_")


def table(
    cols: Dict[str, list],
    names: Sequence[str],
    ds: Optional[str] = None,
    sort: Sequence[str] = (),
    datetimes: Sequence[str] = (),
) -> Any:
    """A DataFrame (or list of dicts) of the columns ``names``; ``ds`` converted as described in
    the module's doc; ``datetimes``: ISO timestamp columns converted to UTC datetimes."""
    kind = ds if ds is not None else _infer(cols.get("ds") or [])
    if pd is not None:
        frame = pd.DataFrame({c: cols.get(c, []) for c in names}, columns=list(names))
        if "ds" in frame.columns and len(frame):
            if kind == "datetime":
                frame["ds"] = pd.to_datetime(frame["ds"])
            elif kind == "int":
                frame["ds"] = frame["ds"].astype("int64")
        for c in datetimes:
            if c in frame.columns:
                frame[c] = pd.to_datetime(frame[c], utc=True)
        if sort and len(frame):
            frame = frame.sort_values(list(sort), kind="stable").reset_index(drop=True)
        return frame
    rows = [dict(zip(names, values)) for values in zip(*(cols.get(c, []) for c in names))]
    for r in rows:
        if "ds" in r and r["ds"] is not None:
            if kind == "datetime" and isinstance(r["ds"], str):
                text = r["ds"]
                r["ds"] = (
                    dt.date.fromisoformat(text) if _DATE.match(text)
                    else dt.datetime.fromisoformat(text)
                )
            elif kind == "int":
                r["ds"] = int(r["ds"])
    if sort:
        rows.sort(key=lambda r: tuple(r[c] for c in sort))
    return rows


def records(rows: Sequence[Mapping[str, Any]], names: Sequence[str], **kw: Any) -> Any:
    cols = {c: [r.get(c) for r in rows] for c in names}
    return table(cols, names, **kw)


def _infer(ds: Sequence[Any]) -> Optional[str]:
    sample = [v for v in ds[:1000] if v is not None]
    if not sample or not all(isinstance(v, str) for v in sample):
        return None
    if all(_DATE.match(v) for v in sample):
        return "datetime"
    if all(_INT.match(v) for v in sample):
        return "int"
    return "text"
