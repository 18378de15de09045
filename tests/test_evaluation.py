from consilience.evaluation import bcubed, under_floors


def test_bcubed_exact_values():
    gold = {"a": 1, "b": 1, "c": 2}
    assert bcubed(gold, {"a": "x", "b": "x", "c": "y"}) == (1.0, 1.0, 1.0)
    p, r, f = bcubed(gold, {"a": "x", "b": "x", "c": "x"})
    assert (round(p, 4), r) == (round(5 / 9, 4), 1.0)
    # an item the system left out is a cluster of its own
    p, r, _ = bcubed(gold, {"a": "x"})
    assert (p, round(r, 4)) == (1.0, round(2 / 3, 4))
    assert bcubed({}, {}) == (0.0, 0.0, 0.0)


def test_under_floors_names_each_failure_and_skips_notes():
    floors = {"_note": "floors only go up", "f1": 0.9, "recall": 0.8, "precision": 0.5}
    assert under_floors({"f1": 0.95, "recall": 0.7}, floors) == [
        "recall: 0.7 < floor 0.8",
        "precision: None < floor 0.5",
    ]
