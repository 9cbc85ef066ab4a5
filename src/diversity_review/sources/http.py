"""A small, polite HTTP client on the standard library, for councils' public web services.

- a timeout on connecting and on every read;
- retries after a timeout, a dropped connection, a 429 or a 5xx answer, waiting ``backoff``
  seconds, then twice that, and so on (a 4xx other than 429 is final);
- a User-Agent naming the package and its version, so a council's web team can see who
  is asking;
- at least ``delay`` seconds between two requests to the same host;
- replies larger than ``max_bytes`` refused, whatever the server says their length is;
- only ``http`` and ``https`` addresses (``urllib`` would otherwise open ``file:`` ones).

Every failure is an :class:`HttpError` (a :class:`~diversity_review.errors.DataError`) of one
line naming the address, with a problem code.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import DataError, Problem
from ..version import package_version

__all__ = ["USER_AGENT", "Policy", "Client", "HttpError"]

USER_AGENT = (
    f"diversity_review/{package_version()} (Welsh councils' diversity review tool; Python urllib)"
)
_CHUNK = 64 * 1024


class HttpError(DataError):
    """A request that failed: ``url``, ``status`` (None without an answer) and ``body`` (the
    first bytes of an error answer) say how."""

    def __init__(
        self, message: str, url: str, *, code: str, status: int | None = None, body: bytes = b""
    ):
        self.url, self.status, self.body = url, status, body
        super().__init__(Problem(f"{url}: {message}", code=code))


@dataclass(frozen=True)
class Policy:
    """How the client behaves (seconds and bytes)."""

    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0
    delay: float = 1.0
    max_bytes: int = 20_000_000


class _Retry(Exception):
    """A failure worth another attempt."""

    def __init__(self, message: str, code: str, status: int | None = None, body: bytes = b""):
        super().__init__(message)
        self.message, self.code, self.status, self.body = message, code, status, body


def _host(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise HttpError("only http and https addresses can be fetched", url, code="http-bad-url")
    return parts.netloc.lower()


def _error_body(exc: urllib.error.HTTPError) -> bytes:
    try:
        return exc.read(_CHUNK)
    except (OSError, http.client.HTTPException):
        return b""


class Client:
    """Fetches addresses under a :class:`Policy`.

    ``sleep`` and ``clock`` are the waiting and timing functions (``time.sleep`` and
    ``time.monotonic``); tests pass their own to see the waits without waiting.

    Examples
    --------
    >>> client = Client(Policy(timeout=5, retries=1, delay=0))
    >>> client.get("https://cardiff.moderngov.co.uk/mgWebService.asmx/GetCouncillorsByWard")
    ... # doctest: +SKIP
    b'<?xml version="1.0" encoding="utf-8"?>...'
    """

    def __init__(
        self,
        policy: Policy | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.policy = policy or Policy()
        self._sleep, self._clock = sleep, clock
        self._last: dict[str, float] = {}
        #: requests sent (every attempt counts)
        self.requests = 0

    def get(self, url: str, *, final: Callable[[int, bytes], bool] | None = None) -> bytes:
        """The body of ``url``.

        ``final(status, body)`` may say that an error answer is not worth retrying (a 5xx
        that is not transient, such as a web service saying it has no such method).
        """
        host = _host(url)
        attempts = self.policy.retries + 1
        for attempt in range(attempts):
            if attempt:
                self._sleep(self.policy.backoff * 2 ** (attempt - 1))
            self._wait_turn(host)
            try:
                return self._fetch(url)
            except _Retry as exc:
                failure = exc
                if exc.status is not None and final is not None and final(exc.status, exc.body):
                    attempts = attempt + 1
                    break
        tried = f" (gave up after {attempts} attempts)" if attempts > 1 else ""
        raise HttpError(
            failure.message + tried,
            url,
            code=failure.code,
            status=failure.status,
            body=failure.body,
        )

    def _wait_turn(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = self.policy.delay - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()

    def _fetch(self, url: str) -> bytes:
        self.requests += 1
        request = urllib.request.Request(
            url, headers={"User-Agent": USER_AGENT, "Accept": "text/xml, application/xml"}
        )
        timeout = self.policy.timeout
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                return self._read(reply, url)
        except urllib.error.HTTPError as exc:
            said = f"the server answered {exc.code} {exc.reason}"
            if exc.code >= 500 or exc.code == 429:
                raise _Retry(said, "http-status", exc.code, _error_body(exc)) from None
            code = "http-not-found" if exc.code == 404 else "http-status"
            raise HttpError(said, url, code=code, status=exc.code, body=_error_body(exc)) from None
        except TimeoutError:
            raise _Retry(f"no answer within {timeout:g} s", "http-timeout") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise _Retry(f"no answer within {timeout:g} s", "http-timeout") from None
            raise _Retry(f"cannot connect ({exc.reason})", "http-unreachable") from None
        except (http.client.HTTPException, ConnectionError) as exc:
            raise _Retry(
                f"the connection failed ({type(exc).__name__})", "http-connection"
            ) from None

    def _read(self, reply, url: str) -> bytes:
        limit = self.policy.max_bytes
        too_big = f"the reply is larger than the {limit:,} bytes allowed; refused"
        length = reply.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > limit:
            raise HttpError(too_big, url, code="http-too-large")
        chunks, size = [], 0
        while chunk := reply.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise HttpError(too_big, url, code="http-too-large")
            chunks.append(chunk)
        return b"".join(chunks)
