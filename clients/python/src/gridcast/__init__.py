"""Python client of the Gridcast forecast-optimization server.

    from gridcast import Gridcast
    gc = Gridcast("http://127.0.0.1:8080", token)
    fc = gc.forecast(df, h=12)        # unique_id, ds, model, y_hat, lo_80, hi_80, lo_95, hi_95

Tables are pandas DataFrames when pandas is installed, lists of dicts otherwise.
"""

from .client import DEFAULT_LEVEL, Gridcast, Upload
from .errors import (
    AuthenticationError,
    BadRequestError,
    GridcastError,
    JobCancelledError,
    JobError,
    JobFailedError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    ServerUnavailableError,
    UnsupportedOptionError,
    ValidationError,
    WaitTimeoutError,
)
from .events import Event, EventStream
from .progress import Progress, ProgressSink, TextBar

__version__ = "0.1.0"

__all__ = [
    "AuthenticationError",
    "BadRequestError",
    "DEFAULT_LEVEL",
    "Event",
    "EventStream",
    "Gridcast",
    "GridcastError",
    "JobCancelledError",
    "JobError",
    "JobFailedError",
    "NotFoundError",
    "PermissionDeniedError",
    "Progress",
    "ProgressSink",
    "RateLimitedError",
    "ServerError",
    "ServerUnavailableError",
    "TextBar",
    "UnsupportedOptionError",
    "Upload",
    "ValidationError",
    "WaitTimeoutError",
]
