"""Build the Datasette app over a store, and serve it on a socket."""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import sqlite3
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..errors import ConsilienceError, ResourceError
from ..store import FORMAT

# Datasette names a database after its file; the plugin finds it as the one database served.
_HIDDEN = ("meta", "kept_articles", "kept_stories", "story_pages", "skipped")


class ServeError(ConsilienceError):
    """The app cannot be started: no store at the path, not a store, or the address is taken."""

    code = "serve"


def missing_extra() -> ResourceError:
    return ResourceError(
        "consilience serve needs Datasette, which is not installed: install the 'serve' "
        "extra (pip install 'consilience[serve]')"
    )


def check_store(path: str | Path) -> Path:
    """Return ``path`` when it is a consilience store this version reads (opened read-only);
    raise ServeError naming what is wrong."""
    path = Path(path)
    if not path.is_file():
        raise ServeError(f"store {path}: no such file (make one: consilience analyze DIR --into)")
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise ServeError(f"store {path}: not a consilience store ({exc})") from exc
    if row is None:
        raise ServeError(f"store {path}: not a consilience store (no fingerprint)")
    have = json.loads(row[0]).get("format")
    if have != FORMAT:
        raise ServeError(
            f"store {path} has store format {have}; this version serves format {FORMAT}: "
            "analyse its inputs again into a new store"
        )
    return path


def metadata(name: str) -> dict[str, Any]:
    """Datasette's metadata: facets, search and sort order per table; the working rows hidden."""
    tables: dict[str, Any] = {t: {"hidden": True} for t in _HIDDEN}
    tables.update(
        {
            "stories": {
                "sort_desc": "last_published",
                "label_column": "title",
                "facets": [{"array": "languages"}, {"array": "outlets"}],
            },
            "claims": {
                "label_column": "text",
                "facets": [
                    "status",
                    {"array": "languages"},
                    {"array": "outlets"},
                    "published",
                    {"array": "entities"},
                ],
            },
            "articles": {
                "label_column": "title",
                "sort_desc": "published",
                "facets": ["language", "outlet", "published", {"array": "entities"}],
            },
            "entities": {"label_column": "name", "facets": ["type", "country"]},
            "evidence": {"facets": ["stance"]},
            "conflict_values": {"facets": ["kind"]},
            "flags": {"facets": ["kind"]},
        }
    )
    return {
        "title": "consilience newsroom",
        "description": "What independent news sources establish, and where they disagree.",
        "databases": {name: {"tables": tables}},
    }


def build(path: str | Path) -> Any:  # a datasette.app.Datasette
    """The Datasette app over the store at ``path``, read-only, with the consilience plugin."""
    path = check_store(path)
    try:
        from datasette.app import Datasette
        from datasette.plugins import pm
    except ImportError as exc:
        raise missing_extra() from exc
    from . import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="consilience")
    return Datasette(
        files=[str(path)],
        metadata=metadata(path.stem),
        template_dir=str(files("consilience.server").joinpath("templates")),
        settings={
            "sql_time_limit_ms": 1000,
            "facet_time_limit_ms": 500,
            "max_returned_rows": 1000,
            "allow_download": False,
            "suggest_facets": False,
            "truncate_cells_html": 300,
            "default_page_size": 50,
        },
    )


def is_loopback(host: str) -> bool:
    """True when ``host`` is a loopback address (or ``localhost``)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on (host, port); port 0 picks a free one."""
    try:
        info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(info[0], socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(info[4])
        sock.listen(256)
    except OSError as exc:
        raise ServeError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from exc
    return sock


def _quiet_tracebacks() -> None:
    """Datasette prints each refused request's exception with its locals on rich's console
    (stdout) when rich is installed: a request log nobody asked for, and a slow one. The
    errors are answered as short JSON (``guard``) and failures logged in one line (``plugin``)."""
    try:
        import rich
    except ImportError:
        return
    rich.reconfigure(file=open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives with the process


def serve(
    path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8001,
    say: Callable[[str], None] = print,
    warn: Callable[[str], None] = print,
    workers: int = 1,
) -> None:
    """Serve the store at ``path`` until interrupted: ``say`` is given the URL once the socket
    listens, ``warn`` a warning when ``host`` is not a loopback address. With ``workers`` over
    1, that many processes answer on the one socket (each its own Datasette)."""
    ds = build(path)
    try:
        import uvicorn
    except ImportError as exc:
        raise missing_extra() from exc
    from .guard import guarded

    _quiet_tracebacks()
    sock = bind(host, port)
    if not is_loopback(host):
        warn(
            f"serving on {host}, not a loopback address: anyone who can reach this machine "
            "can read the store"
        )
    shown = f"[{host}]" if ":" in host else host
    say(f"consilience serve: {Path(path)} at http://{shown}:{sock.getsockname()[1]}/")
    options: dict[str, Any] = {
        "log_level": "warning",
        "access_log": False,
        "timeout_keep_alive": 5,
        "h11_max_incomplete_event_size": 16 * 1024,
        "server_header": False,
    }
    try:
        if workers > 1:
            from uvicorn.supervisors import Multiprocess

            os.environ[_STORE_VARIABLE] = str(Path(path).resolve())
            config = uvicorn.Config(
                f"{__name__}:worker_app", factory=True, workers=workers, **options
            )
            Multiprocess(config, sockets=[sock]).run()
        else:
            uvicorn.Server(uvicorn.Config(guarded(ds.app()), **options)).run(sockets=[sock])
    finally:
        sock.close()


_STORE_VARIABLE = "CONSILIENCE_SERVE_STORE"


def worker_app() -> Any:
    """The app of one worker process (``serve(..., workers=N)``): the store is named by the
    serving process in the environment."""
    from .guard import guarded

    _quiet_tracebacks()
    return guarded(build(os.environ[_STORE_VARIABLE]).app())
