"""The models a run's worker processes share: loaded once, in the server process they are forked
from, instead of once in each worker.

``pipeline.ProcessPool`` starts its workers through multiprocessing's "forkserver": a clean
process that imports a few modules, then forks one child per worker. When the pool starts that
server, it names this module among the ones to import, puts the workers' settings in the
``CONSILIENCE_PRELOAD`` environment variable and asks for one BLAS thread per process
(``start_server``); importing this module there loads what those settings need
(``Resources.preload``: the spaCy models, the timeline's parser, the sentence encoder, the
language detector's models, the English vocabulary) before any worker is forked. Each worker
then starts from them (``shared_for``) and shares their memory with the server and the other
workers (copy on write) rather than loading its own.

Imported anywhere else it does nothing. The server outlives the run (it serves every pool of
the process, whatever their settings: a worker loads what its settings need and the server did
not load, a model of another name, say), and so do the models it holds.
"""

from __future__ import annotations

import base64
import gc
import logging
import os
import pickle

from .resources import Resources
from .settings import Settings

log = logging.getLogger(__name__)

ENV = "CONSILIENCE_PRELOAD"
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

# What the server process loaded, and for which settings (None outside such a process).
SHARED: Resources | None = None


def shared_for(settings: Settings) -> Resources | None:
    """Resources for ``settings`` that start with what the server process loaded (each slot
    whose key matches: the same model, the same languages...); None outside such a process."""
    return Resources(settings, shared=SHARED) if SHARED is not None else None


def start_server(settings: Settings) -> None:
    """Start multiprocessing's forkserver with this module preloaded for ``settings`` (the
    workers' settings), unless it runs already (it then keeps what it loaded when started)."""
    import multiprocessing.forkserver as forkserver

    modules = ["consilience.pipeline", "consilience.stages", __name__]
    forkserver.set_forkserver_preload(modules)
    # one BLAS thread per worker (unless the user set otherwise): the workers already take
    # every core, and BLAS threads left spinning between two matrix products take the other
    # workers' CPU (the sentence encoder cost about four times its one-thread CPU time in a
    # pool of two). Set before the server imports numpy; the results are the same, bit for bit
    given = {name: "1" for name in BLAS_THREADS if name not in os.environ}
    given[ENV] = base64.b64encode(pickle.dumps(settings)).decode("ascii")
    previous = {name: os.environ.get(name) for name in given}
    os.environ.update(given)
    try:
        forkserver.ensure_running()
    finally:  # only the server reads them: no other process started later sees them
        for name, value in previous.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value


def _load() -> Resources | None:
    """The resources of the settings in ``CONSILIENCE_PRELOAD``, loaded; None when the variable
    is absent or loading fails (each worker then loads its own and reports the failure)."""
    raw = os.environ.pop(ENV, None)
    if not raw:
        return None
    try:
        settings = pickle.loads(base64.b64decode(raw))
        loaded = Resources(settings).preload()
    except Exception:  # the worker loads its own models and raises there, where it is reported
        log.debug("preloading the workers' resources failed", exc_info=True)
        return None
    # what is loaded stays for the server's life: out of the collector's sight, so that no
    # collection in a worker walks the models' objects again, nor writes to the pages it
    # shares with the server (which would copy them into the worker)
    gc.freeze()
    return loaded


if os.environ.get(ENV):
    SHARED = _load()
