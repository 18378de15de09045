"""Shared fixtures. Data from ../shared (beside the checkout) is read at test time, never copied;
tests that need it skip with a reason when it is absent (a user's clone won't have it)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests check invariants, not speed: no per-example deadline on a shared, busy machine.
# In CI (CI=true) the examples are derandomized so a landing never hangs on a new random draw;
# local runs keep exploring and report what they find.
hypothesis_settings.register_profile("consilience", deadline=None)
hypothesis_settings.register_profile("ci", deadline=None, derandomize=True)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "consilience")

# fixtures of the browser tests (a module, not a second conftest: see its docstring)
pytest_plugins = ["browser_support"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
REFERENCE = date(2026, 11, 22)


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: it lives in ../shared beside the checkout (CI has it)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return need(SEEDS)


@pytest.fixture(scope="session")
def seeds_report(seeds_dir: Path):
    """The whole pipeline over the five seed reports, once per session."""
    import consilience

    return consilience.analyze([seeds_dir], reference_date=REFERENCE, progress=False)


@pytest.fixture(scope="session")
def seed_articles(seeds_report) -> dict:
    """Seed articles keyed by file name (000_..., 001_...)."""
    return {Path(a.source.path).name[:3]: a for a in seeds_report.articles}
