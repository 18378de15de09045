"""One event told over consecutive days: groups the linking leaves apart by day are joined
when their reports are dated within a few days, their gists (title and lead) alike and a name
most of each group's reports write is shared (``consilience.stories.continued``); reports a
week apart, about something else or naming nothing in common stay apart. Profiles and gists
are written here: each gist is a unit vector, so two reports' likeness is their dot product."""

from __future__ import annotations

from collections import Counter
from datetime import date

import numpy as np

from consilience.stories import Params, continued
from consilience.stories.features import Profile

DAY = date(2032, 3, 14).toordinal()


def profile(pid: str, names: str) -> Profile:
    return Profile(pid, Counter(names.split()), Counter(), Counter(), Counter())


def gists(*angles: float) -> np.ndarray:
    """Unit vectors in a plane: two at angles a and b are alike by cos(a - b)."""
    out = np.zeros((len(angles), 512), dtype=np.float32)
    for i, a in enumerate(angles):
        out[i, 0], out[i, 1] = np.cos(a), np.sin(a)
    return out


# two groups (labels 0 and 2), one article of each among the other's neighbours
LABELS = [0, 0, 2, 2]
NEAR = [[(1, 0.5), (2, 0.2)], [(0, 0.5)], [(3, 0.4), (0, 0.2)], [(2, 0.4)]]
PROFILES = [
    profile("a", "tolmaro sarnu malvane"),
    profile("b", "tolmaro sarnu"),
    profile("c", "tolmaro vostrik"),
    profile("d", "tolmaro misio"),
]
ALIKE = gists(0.0, 0.1, 0.5, 0.6)  # cross-group likeness cos(0.4..0.6): 0.83 to 0.92


def test_groups_of_consecutive_days_alike_and_sharing_a_name_are_one_story() -> None:
    days = [DAY, DAY + 1, DAY + 2, DAY + 2]
    assert continued(LABELS, NEAR, PROFILES, days, ALIKE, Params()) == [0, 0, 0, 0]


def test_a_week_apart_an_undated_report_or_no_join_setting_leaves_them_apart() -> None:
    week = [DAY, DAY, DAY + 7, DAY + 7]
    assert continued(LABELS, NEAR, PROFILES, week, ALIKE, Params()) == LABELS
    undated = [DAY, None, DAY + 1, DAY + 1]
    assert continued(LABELS, NEAR, PROFILES, undated, ALIKE, Params()) == LABELS
    days = [DAY, DAY, DAY + 1, DAY + 1]
    off = Params(continuation_days=None)
    assert continued(LABELS, NEAR, PROFILES, days, ALIKE, off) == LABELS


def test_reports_about_something_else_or_naming_nothing_in_common_stay_apart() -> None:
    days = [DAY, DAY, DAY + 1, DAY + 1]
    unlike = gists(0.0, 0.1, 1.5, 1.6)  # cross-group likeness cos(1.4..1.6): under 0.2
    assert continued(LABELS, NEAR, PROFILES, days, unlike, Params()) == LABELS
    other = PROFILES[:2] + [profile("c", "kalvik vostrik"), profile("d", "kalvik misio")]
    assert continued(LABELS, NEAR, other, days, ALIKE, Params()) == LABELS
    # a name half of a group's reports write is the group's
    few = PROFILES[:2] + [profile("c", "sarnu vostrik"), profile("d", "kalvik misio")]
    assert continued(LABELS, NEAR, few, days, ALIKE, Params()) == [0, 0, 0, 0]
    # ... and one no report of the other group writes joins nothing
    fewer = [profile("a", "sarnu x"), profile("b", "y z")] + other[2:]
    assert continued(LABELS, NEAR, fewer, days, ALIKE, Params()) == LABELS


def test_two_towns_stay_apart_and_no_chain_runs_past_the_days() -> None:
    days = [DAY, DAY, DAY + 2, DAY + 2]
    towns = [
        profile("a", "turkey g:298299 afad"),
        profile("b", "turkey g:298299 afad"),
        profile("c", "turkey g:323786 afad"),
        profile("d", "turkey g:323786 afad"),
    ]
    assert continued(LABELS, NEAR, towns, days, ALIKE, Params()) == LABELS
    # three groups, each two days after the one before: the first two join, the third would
    # make the story four days long
    labels = [0, 0, 2, 2, 4, 4]
    near = [[(2, 0.2)], [], [(4, 0.2)], [], [(2, 0.2)], []]
    chain = PROFILES + [profile("e", "tolmaro x"), profile("f", "tolmaro y")]
    alike = gists(0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
    joined = continued(
        labels, near, chain, [DAY, DAY, DAY + 2, DAY + 2, DAY + 4, DAY + 4], alike, Params()
    )
    assert joined == [0, 0, 0, 0, 4, 4]


def test_less_alike_days_join_when_they_share_two_names() -> None:
    # each day's reports tell another part of the event (the march, a death, the arrests
    # corrected): their gists are alike cos(1.1..1.25), 0.32 to 0.45 (0.38 on average), under
    # continuation_gist
    days = [DAY, DAY, DAY + 1, DAY + 1]
    loose = gists(0.0, 0.1, 1.2, 1.25)
    two = [
        profile("a", "tolmaro sarnu malvane"),
        profile("b", "tolmaro sarnu"),
        profile("c", "tolmaro sarnu vostrik"),
        profile("d", "tolmaro sarnu misio"),
    ]
    assert continued(LABELS, NEAR, two, days, loose, Params()) == [0, 0, 0, 0]
    # one shared name needs the likeness of continuation_gist
    assert continued(LABELS, NEAR, PROFILES, days, loose, Params()) == LABELS
    # and two shared names do not join what is less alike than continuation_named_gist
    unlike = gists(0.0, 0.1, 1.4, 1.45)  # cos(1.3..1.45): 0.12 to 0.27
    assert continued(LABELS, NEAR, two, days, unlike, Params()) == LABELS
