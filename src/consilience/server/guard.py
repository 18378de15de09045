"""The app's outer layer: what any request meets before Datasette, and any response after it.

- Only GET and HEAD are answered (405 otherwise): there is no write path through the web, and
  a request with a body is refused whatever its method.
- A request line longer than ``MAX_TARGET`` characters is refused (414); a path that is not
  ASCII once percent-decoding is left to the router is refused (400).
- Every response carries a strict Content-Security-Policy (no script but the app's own files
  and the story report's one inline script, by its hash; no other host; no frames), plus
  ``nosniff``, ``no-referrer`` and ``frame-ancestors 'none'``.
- Every error (status 400 or more) is a short JSON object ``{"ok": false, "status": 404,
  "error": "not found"}``, never a page or a traceback: the app's own short JSON errors pass
  (``{"ok", "status", "error"}``, at most ``MAX_ERROR`` bytes), anything else is replaced by
  the status's words.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from http import HTTPStatus
from typing import Any

from ..report.html import assets

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_TARGET = 4096
MAX_ERROR = 1024
_METHODS = ("GET", "HEAD")


def csp() -> str:
    """The Content-Security-Policy of every response."""
    return (
        "default-src 'none'; "
        f"script-src 'self' {assets()[2]}; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )


def _headers() -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", csp().encode("ascii")),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    ]


def error_body(status: int, given: bytes = b"") -> bytes:
    """The JSON body of an error response: ``given`` when it is a short JSON error of the
    app's shape with this status, else the status's words."""
    if 0 < len(given) <= MAX_ERROR:
        try:
            data = json.loads(given)
        except ValueError:
            data = None
        if (
            isinstance(data, dict)
            and set(data) == {"ok", "status", "error"}
            and data["ok"] is False
            and data["status"] == status
            and isinstance(data["error"], str)
        ):
            return json.dumps(data, ensure_ascii=False).encode("utf-8")
    try:
        words = HTTPStatus(status).phrase.lower()
    except ValueError:
        words = "error"
    return json.dumps({"ok": False, "status": status, "error": words}).encode("utf-8")


def refusal(scope: Scope) -> int | None:
    """The status a request gets before it reaches the app, or None when it may go on."""
    if scope.get("method") not in _METHODS:
        return 405
    raw = scope.get("raw_path") or scope.get("path", "").encode("utf-8", "surrogateescape")
    query = scope.get("query_string") or b""
    if len(raw) + len(query) > MAX_TARGET:
        return 414
    try:
        raw.decode("ascii")
        query.decode("ascii")
    except UnicodeDecodeError:
        return 400
    for name, value in scope.get("headers") or ():
        if name.lower() == b"content-length" and value.strip() not in (b"", b"0"):
            return 413
        if name.lower() == b"transfer-encoding":
            return 413
    return None


def guarded(app: App) -> App:
    """``app`` behind the rules of this module's docstring."""

    async def guard(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        refused = refusal(scope)
        if refused is not None:
            await _error(send, refused, scope.get("method") == "HEAD")
            return
        state: dict[str, Any] = {"error": None, "started": False, "body": b""}
        head = scope.get("method") == "HEAD"

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                status = int(message["status"])
                state["started"] = True
                if status >= 400:
                    state["error"] = status
                    return
                kept = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in (b"content-security-policy", b"x-frame-options")
                ]
                await send({**message, "headers": kept + _headers()})
                return
            if state["error"] is not None:
                if message["type"] != "http.response.body":
                    return
                if len(state["body"]) <= MAX_ERROR:
                    state["body"] += message.get("body", b"")
                if not message.get("more_body"):
                    await _error(
                        send, state["error"], head, error_body(state["error"], state["body"])
                    )
                return
            await send(message)

        try:
            await app(scope, receive, wrapped)
        except Exception:
            if state["started"]:
                raise
            await _error(send, 500, head)

    return guard


async def _error(send: Send, status: int, head: bool, payload: bytes | None = None) -> None:
    """Send a JSON error response (``payload``, or the status's words)."""
    payload = payload or error_body(status)
    headers = [
        (b"content-type", b"application/json; charset=utf-8"),
        (b"content-length", str(0 if head else len(payload)).encode("ascii")),
        (b"cache-control", b"no-store"),
        *_headers(),
    ]
    if status == 405:
        headers.append((b"allow", b"GET, HEAD"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if head else payload})
