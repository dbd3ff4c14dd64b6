"""The tree on a date and the roll-up over it, hand-counted: a commune moved from district A to district B
on 1/7/2025, two communes merged into a new one that day."""

from datetime import date

from danvan_app.domain import unit_history as h

DISTRICT, COMMUNE = "huyện", "xã"
MOVED_ON = date(2025, 7, 1)
UNITS = [
	h.UnitRow("P", None, admin_level="tỉnh"),
	h.UnitRow("A", "P", admin_level=DISTRICT),
	h.UnitRow("B", "P", admin_level=DISTRICT),
	# a1 and b1 merged into N on 1/7/2025: closed the day before, still in the tree where they were.
	h.UnitRow("a1", "A", valid_to=date(2025, 6, 30), enabled=False, admin_level=COMMUNE),
	h.UnitRow("b1", "B", valid_to=date(2025, 6, 30), enabled=False, admin_level=COMMUNE),
	# a2 was moved from A to B on 1/7/2025: today's parent is B, the period says A before.
	h.UnitRow("a2", "B", admin_level=COMMUNE),
	h.UnitRow("N", "B", valid_from=MOVED_ON, admin_level=COMMUNE),
]
PERIODS = [h.ParentPeriod("a2", "A", to_date=date(2025, 6, 30))]
COUNTS = {
	"a1": {"total": 2, "overdue": 0},
	"a2": {"total": 4, "overdue": 1},
	"b1": {"total": 1, "overdue": 0},
	"N": {"total": 3, "overdue": 2},
}
LEVELS = {u.name: u.admin_level for u in UNITS}
IN_2024, TODAY = date(2024, 6, 30), date(2026, 11, 29)


def test_a_units_parent_on_a_day_is_that_of_the_period_holding_it_else_todays():
	periods = [
		h.ParentPeriod("x", "A", to_date=date(2020, 12, 31)),
		h.ParentPeriod("x", None, to_date=date(2023, 3, 31), from_date=date(2021, 1, 1)),
	]
	assert h.parent_on(date(2019, 5, 1), "C", periods) == "A"
	assert h.parent_on(date(2020, 12, 31), "C", periods) == "A"
	assert h.parent_on(date(2021, 1, 1), "C", periods) is None
	assert h.parent_on(date(2023, 4, 1), "C", periods) == "C"
	assert h.parent_on(date(2023, 4, 1), "C", []) == "C"


def test_existence_on_a_day():
	closed = h.UnitRow("a1", valid_to=date(2025, 6, 30), enabled=False)
	assert h.existed_on(closed, date(2025, 6, 30))
	assert not h.existed_on(closed, MOVED_ON)
	opened = h.UnitRow("N", valid_from=MOVED_ON)
	assert not h.existed_on(opened, date(2025, 6, 30)) and h.existed_on(opened, MOVED_ON)
	assert not h.existed_on(h.UnitRow("off", enabled=False), TODAY)


def test_the_tree_in_2024_has_the_old_districts_and_today_the_new_structure():
	old = h.tree_on(IN_2024, UNITS, PERIODS)
	assert old.parent_of["a2"] == "A"
	assert old.existing == {"P", "A", "B", "a1", "b1", "a2"}
	assert old.children("A") == ["a1", "a2"]
	now = h.tree_on(TODAY, UNITS, PERIODS)
	assert now.parent_of["a2"] == "B"
	assert now.existing == {"P", "A", "B", "a2", "N"}
	assert now.children("B") == ["N", "a2", "b1"]


def test_2024_figures_roll_up_to_the_districts_of_2024_and_todays_to_todays():
	old = h.tree_on(IN_2024, UNITS, PERIODS)
	rows = h.outermost_of_level(old, DISTRICT, LEVELS)
	assert rows == ["A", "B"]
	# A: a1 2 + a2 4; B: b1 1 + N 3 (N opened later: placed under the parent it opened under).
	assert h.roll_up(old, COUNTS, rows) == {"A": {"total": 6, "overdue": 1}, "B": {"total": 4, "overdue": 2}}
	now = h.tree_on(TODAY, UNITS, PERIODS)
	# A keeps its closed commune a1's history; B has a2, b1 and N.
	assert h.roll_up(now, COUNTS, ["A", "B"]) == {
		"A": {"total": 2, "overdue": 0},
		"B": {"total": 8, "overdue": 3},
	}
	# The rows are disjoint subtrees: they add up to every count (all units are under P).
	assert sum(v["total"] for v in h.roll_up(now, COUNTS, ["A", "B"]).values()) == 10
	assert h.roll_up(now, COUNTS, ["P"])["P"]["total"] == 10


def test_a_row_of_own_work_only_takes_its_units_counts_and_an_empty_row_has_zeros():
	tree = h.tree_on(TODAY, UNITS, PERIODS)
	counts = {**COUNTS, "B": {"total": 5, "overdue": 0}}
	totals = h.roll_up(tree, counts, ["B", "a2", "N"], own_only=["B"])
	assert totals == {
		"B": {"total": 5, "overdue": 0},
		"a2": {"total": 4, "overdue": 1},
		"N": {"total": 3, "overdue": 2},
	}
	assert h.roll_up(tree, {}, ["A"]) == {"A": {}}
	assert h.roll_up(tree, COUNTS, ["A", "P"])["A"] == {"total": 2, "overdue": 0}


def test_each_unit_goes_to_its_nearest_district_of_the_day():
	old, now = h.tree_on(IN_2024, UNITS, PERIODS), h.tree_on(TODAY, UNITS, PERIODS)
	assert h.nearest_of_level(old, "a2", DISTRICT, LEVELS) == "A"
	assert h.nearest_of_level(now, "a2", DISTRICT, LEVELS) == "B"
	assert h.nearest_of_level(now, "P", DISTRICT, LEVELS) is None


def test_a_loop_in_bad_data_does_not_hang():
	tree = h.tree_on(TODAY, [h.UnitRow("x", "y"), h.UnitRow("y", "x")], [])
	assert tree.chain("x") == ["x", "y"]
	assert h.roll_up(tree, {"x": {"n": 1}}, ["y"]) == {"y": {"n": 1}}


def test_the_next_period_starts_after_the_last_and_is_never_empty_or_backwards():
	assert h.next_period("x", "A", date(2025, 6, 30), [], opened=date(2020, 1, 1)) == h.ParentPeriod(
		"x", "A", to_date=date(2025, 6, 30), from_date=date(2020, 1, 1)
	)
	first = h.ParentPeriod("x", "A", to_date=date(2025, 6, 30))
	assert h.next_period("x", "B", date(2026, 1, 31), [first]) == h.ParentPeriod(
		"x", "B", to_date=date(2026, 1, 31), from_date=date(2025, 7, 1)
	)
	# moved twice on 1/7/2025: the parent it had for part of that day is not a period
	assert h.next_period("x", "B", date(2025, 6, 30), [first]) is None
	# a change dated before the last recorded one does not rewrite history
	assert h.next_period("x", "B", date(2024, 1, 1), [first]) is None
	# a unit opened today and moved today
	assert h.next_period("x", "A", date(2026, 11, 28), [], opened=date(2026, 11, 29)) is None
	assert h.next_period("x", "", date(2026, 11, 28), []).parent is None
