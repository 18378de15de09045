"""Load bench of ``consilience serve``: many clients on story, claim and search pages while a
run writes into the same store.

1. A store of ``--articles`` articles (default 5,000) is built in one ``analyze --into`` run
   from the ECB+ documents (../shared/data/ecbplus-dev/docs.jsonl) and the bundled sample
   corpus, the ECB+ documents repeated with distinct ids (``<id>~r<n>``) until the count is
   reached. Skipped, with the reason, when ../shared is absent. ``--store`` reuses a store
   built before (its build time is then not measured).
2. ``consilience serve`` starts on loopback (a process of its own); each target page is asked
   once (warm-up).
3. ``--clients`` clients (default 50) ask for pages for ``--seconds`` (default 30): story pages,
   claim pages and searches (entity names), in turn, over one keep-alive connection each,
   while ``consilience analyze --into`` adds ``--write`` new articles (default 50) to the same
   store (a process of its own; the load starts ``--lead`` seconds after it has grouped the
   stories, so that the end of its story stages and its one transaction fall inside the load;
   when they did is written).
4. Written to bench/results/serve.json: requests, errors (any status but 200 after redirects,
   a timeout, a failed connection; target 0), latency p50 / p95 / p99 overall and per kind of
   page (target p95 < 300 ms), the store's size, the build time, and the writer's run (start,
   end, exit status) relative to the load.

A claim page whose claim the writer's run renumbered (a story it changed) answers 404: counted
apart (``gone``), and among the errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ECB = SHARED / "data" / "ecbplus-dev" / "docs.jsonl"
OUT = ROOT / "bench" / "results" / "serve.json"
REFERENCE = "2026-11-22"


def ecb_records(n: int, start: int = 0, tag: str = "r") -> list[dict]:
    """``n`` ECB+ documents as input records, repeated with distinct ids from the
    ``start``-th record on."""
    docs = [json.loads(line) for line in ECB.read_text("utf-8").splitlines() if line.strip()]
    out = []
    for k in range(start, start + n):
        d = docs[k % len(docs)]
        out.append({"id": f"{d['id']}~{tag}{k // len(docs)}", "text": d["text"], "language": "en"})
    return out


def write_jsonl(path: Path, records: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def analyze_into(db: Path, inputs: list[str], out: Path, log: Path) -> subprocess.Popen:
    """``consilience analyze INPUTS --into DB`` in a process of its own, its phases to ``log``."""
    with log.open("w", encoding="utf-8") as stderr:
        return subprocess.Popen(
            [sys.executable, "-m", "consilience.cli", "analyze", *inputs, "--into", str(db),
             "--out", str(out), "--reference-date", REFERENCE, "--format", "json"],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )  # fmt: skip


def build(db: Path, articles: int, folder: Path) -> float:
    """Build the store; return the seconds it took."""
    from consilience.sample import corpus_files

    sample = [str(p) for p in corpus_files()]
    ecb = write_jsonl(folder / "ecb.jsonl", ecb_records(max(0, articles - 8)))
    t0 = time.perf_counter()
    log = db.with_name(db.name + ".build.log")
    run = analyze_into(db, [*sample, str(ecb)], folder / "build-out", log)
    if run.wait() != 0:
        raise SystemExit(f"building the store failed:\n{log.read_text('utf-8')}")
    return time.perf_counter() - t0


def serve(db: Path, folder: Path, workers: int) -> tuple[subprocess.Popen, str]:
    out = folder / "serve.out"
    with out.open("w") as stdout, (folder / "serve.err").open("w") as stderr:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "consilience.cli",
                "serve",
                str(db),
                "--port",
                "0",
                "--workers",
                str(workers),
            ],  # fmt: skip
            stdout=stdout,
            stderr=stderr,
        )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        line = out.read_text("utf-8").partition("\n")[0]
        if line.startswith("consilience serve: ") and line.endswith("/"):
            return process, line.rsplit(" at ", 1)[1]
        time.sleep(0.1)
    process.kill()
    raise SystemExit(f"the server did not start: {(folder / 'serve.err').read_text()}")


def targets(db: Path, per_kind: int) -> dict[str, list[str]]:
    """Paths to ask for, per kind: stories, claims, searches (entity names and words)."""
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rnd = random.Random(17)
        stories = [r[0] for r in con.execute("SELECT id FROM stories ORDER BY id")]
        claims = [r[0] for r in con.execute("SELECT id FROM claims ORDER BY id")]
        names = [r[0] for r in con.execute("SELECT DISTINCT name FROM entities ORDER BY name")]
    finally:
        con.close()

    def pick(items: list[str]) -> list[str]:
        return rnd.sample(items, min(per_kind, len(items)))

    return {
        "story": [f"/stories/{quote(s, safe='')}" for s in pick(stories)],
        "claim": [f"/claims/{quote(c, safe='')}" for c in pick(claims)],
        "search": ["/search?" + urlencode({"q": n}) for n in pick(names)],
    }


class Connection:
    """One keep-alive HTTP/1.1 connection, as light as a load client can be (asyncio streams;
    a client library would take a good part of the 2 cores the server runs on)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str, hops: int = 3) -> int:
        """The status of GET ``path`` (redirects followed, at most ``hops``)."""
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode("ascii"))
        await writer.drain()
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split(" ", 2)[1])
        fields = {k.lower(): v.strip() for k, _, v in (h.partition(":") for h in head[1:] if h)}
        if "content-length" in fields:
            await reader.readexactly(int(fields["content-length"]))
        elif fields.get("transfer-encoding") == "chunked":
            while size := int((await reader.readuntil(b"\r\n")).strip(), 16):
                await reader.readexactly(size + 2)
            await reader.readuntil(b"\r\n")
        if fields.get("connection") == "close":
            await self.close()
        if status in (301, 302) and hops > 0 and fields.get("location", "").startswith("/"):
            return await self.get(fields["location"], hops - 1)
        return status

    async def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def client(base: str, plan: list[tuple[str, str]], until: float, record: list) -> None:
    host, port = base.split("//", 1)[1].rstrip("/").rsplit(":", 1)
    http = Connection(host, int(port))
    n = 0
    while time.monotonic() < until:
        kind, path = plan[n % len(plan)]
        n += 1
        t0 = time.perf_counter()
        try:
            status: int | str = await asyncio.wait_for(http.get(path), timeout=30)
        except (
            TimeoutError,
            OSError,
            asyncio.IncompleteReadError,
            asyncio.LimitOverrunError,
            ValueError,
        ) as exc:
            status = type(exc).__name__
            await http.close()
        record.append((kind, status, time.perf_counter() - t0, time.monotonic()))
    await http.close()


async def load(base: str, pages: dict[str, list[str]], clients: int, seconds: float) -> list:
    record: list = []
    until = time.monotonic() + seconds
    tasks = []
    longest = max(len(v) for v in pages.values())
    for c in range(clients):
        # each client asks for a story, a claim and a search in turn, each from its own order
        rnd = random.Random(c)
        orders = {k: rnd.sample(v, len(v)) for k, v in pages.items() if v}
        plan = [(k, order[i % len(order)]) for i in range(longest) for k, order in orders.items()]
        tasks.append(client(base, plan, until, record))
    await asyncio.gather(*tasks)
    return record


def quantiles(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"p50_ms": None, "p95_ms": None, "p99_ms": None, "max_ms": None}
    if len(values) == 1:
        v = round(values[0] * 1000, 1)
        return {"p50_ms": v, "p95_ms": v, "p99_ms": v, "max_ms": v}
    q = statistics.quantiles(values, n=100, method="inclusive")
    return {
        "p50_ms": round(q[49] * 1000, 1),
        "p95_ms": round(q[94] * 1000, 1),
        "p99_ms": round(q[98] * 1000, 1),
        "max_ms": round(max(values) * 1000, 1),
    }


def summary(record: list, seconds: float) -> dict:
    ok = [r for r in record if r[1] == 200]
    gone = [r for r in record if r[1] == 404 and r[0] == "claim"]
    errors = [r for r in record if r[1] != 200]
    out = {
        "requests": len(record),
        "per_second": round(len(record) / seconds, 1),
        "errors": len(errors),
        "gone": len(gone),
        "error_kinds": {str(k): v for k, v in _count(str(r[1]) for r in errors).items()},
        **quantiles([r[2] for r in ok]),
        "by_page": {},
    }
    for kind in ("story", "claim", "search"):
        mine = [r for r in ok if r[0] == kind]
        out["by_page"][kind] = {"requests": len(mine), **quantiles([r[2] for r in mine])}
    return out


def _count(items) -> dict:  # noqa: ANN001
    counts: dict = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


def store_counts(db: Path) -> dict:
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
            for t in ("articles", "stories", "claims", "entities")
        } | {"size_mb": round(db.stat().st_size / 2**20, 1)}
    finally:
        con.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000, help="articles in the store")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--write", type=int, default=50, help="articles the concurrent run adds")
    ap.add_argument("--per-kind", type=int, default=200, help="distinct pages of each kind")
    ap.add_argument(
        "--lead",
        type=float,
        default=15.0,
        help="seconds between the writer's grouping and the load (its story stages take about "
        "30 s on a 5,000-article store, then it writes)",
    )
    ap.add_argument(
        "--store", type=Path, help="the store to use: built there when absent, kept after"
    )
    ap.add_argument("--workers", type=int, default=1, help="consilience serve --workers")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if not ECB.exists():
        print(f"skipped: {ECB} is absent (it lives in ../shared beside the checkout)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db, built = args.store or folder / "news.db", None
        if not db.exists():
            built = build(db, args.articles, folder)
            print(f"store of {args.articles} article(s) built in {built:.0f} s", flush=True)
        before = store_counts(db)
        pages = targets(db, args.per_kind)
        server, base = serve(db, folder, args.workers)
        try:
            warm = asyncio.run(_warm(base, pages))
            extra = write_jsonl(
                folder / "new.jsonl", ecb_records(args.write, start=before["articles"], tag="w")
            )
            log = folder / "write.log"
            started = time.monotonic()
            writer = analyze_into(db, [str(extra)], folder / "write-out", log)
            # the load starts once the writer has annotated and grouped: its story stages
            # follow, then its one transaction, so the write lands inside the load
            _wait_for(log, "consilience: grouped:", writer)
            time.sleep(args.lead)
            t0 = time.monotonic()
            args.db = db
            record, seen = asyncio.run(_load_watching(base, pages, args, log))
            load_end = time.monotonic()
            writer.wait()
            writer_end = time.monotonic()
            err = log.read_text("utf-8")
        finally:
            server.terminate()
            server.wait(timeout=30)
        result = {
            "what": "consilience serve under load on loopback while analyze --into writes",
            "machine": {"cpus": os.cpu_count()},
            "store": {
                "asked_articles": args.articles if built is not None else None,
                "build_seconds": None if built is None else round(built, 1),
                **before,
            },
            "store_after_write": store_counts(db),
            "clients": args.clients,
            "serve_workers": args.workers,
            "seconds": args.seconds,
            "warm_up_errors": warm,
            "pages": {k: len(v) for k, v in pages.items()},
            "load": summary(record, load_end - t0),
            "writer": {
                "articles": args.write,
                "exit": writer.returncode,
                "load_started_after_writer_s": round(t0 - started, 1),
                # seconds after the load started; the store's transaction lies between these
                "story_stages_done_at_s": seen.get("consilience: story stages:"),
                "committed_at_s": seen.get("committed"),
                "ended_at_s": round(writer_end - t0, 1),
                "write_within_load": (seen.get("committed") or 1e9) <= load_end - t0,
                "log_tail": err.strip().splitlines()[-3:],
            },
            "targets": {"errors": 0, "p95_ms": 300},
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    s = result["load"]
    print(
        f"{s['requests']} requests, {s['errors']} errors ({s['gone']} gone), "
        f"p95 {s['p95_ms']} ms over {result['store']['articles']} articles -> {args.out}"
    )
    return 0


def _wait_for(log: Path, prefix: str, process: subprocess.Popen) -> None:
    """Wait until a line of ``log`` starts with ``prefix`` (or the process ends)."""
    while process.poll() is None:
        if any(line.startswith(prefix) for line in log.read_text("utf-8").splitlines()):
            return
        time.sleep(0.2)


async def _load_watching(
    base: str, pages: dict[str, list[str]], args: argparse.Namespace, log: Path
) -> tuple[list, dict[str, float]]:
    """The load, and when (seconds into it) the writer's story stages ended and its
    transaction was committed (the queryable tables then hold its articles)."""
    seen: dict[str, float] = {}
    t0 = time.monotonic()
    db = sqlite3.connect(f"{args.db.resolve().as_uri()}?mode=ro", uri=True)
    count = "SELECT sum(articles) FROM stories"
    before = db.execute(count).fetchone()[0]

    async def watch() -> None:
        while time.monotonic() - t0 < args.seconds + 120:
            prefix = "consilience: story stages:"
            if prefix not in seen and any(
                line.startswith(prefix) for line in log.read_text("utf-8").splitlines()
            ):
                seen[prefix] = round(time.monotonic() - t0, 1)
            if "committed" not in seen and db.execute(count).fetchone()[0] != before:
                seen["committed"] = round(time.monotonic() - t0, 1)
            if len(seen) == 2:
                return
            await asyncio.sleep(0.2)

    watcher = asyncio.create_task(watch())
    record = await load(base, pages, args.clients, args.seconds)
    watcher.cancel()
    db.close()
    return record, seen


async def _warm(base: str, pages: dict[str, list[str]]) -> int:
    """Ask for every page once; return how many failed."""
    host, port = base.split("//", 1)[1].rstrip("/").rsplit(":", 1)
    http = Connection(host, int(port))
    failed = 0
    for paths in pages.values():
        for path in paths:
            failed += await http.get(path) != 200
    await http.close()
    return failed


if __name__ == "__main__":
    sys.exit(main())
