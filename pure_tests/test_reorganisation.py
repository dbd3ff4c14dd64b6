"""The plan of a reorganisation: who hands which work to whom, what closes, what moves, and what is refused."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan_app.domain import reorganisation as r

D1 = date(2025, 7, 1)
D2 = date(2026, 1, 1)

# TINH → H1 (X11, X12), H2 (X21, X22); H1's X11 has a village branch T111.
TREE = r.Tree(
	parent_of={
		"TINH": None,
		"H1": "TINH",
		"H2": "TINH",
		"X11": "H1",
		"X12": "H1",
		"X21": "H2",
		"X22": "H2",
		"T111": "X11",
	}
)


def reorg(kind, old, new, effective=D1, **kw):
	return r.Reorganisation(kind=kind, old_units=tuple(old), new_units=tuple(new), effective=effective, **kw)


def test_merge_into_a_new_unit_closes_every_old_unit_the_day_before():
	the_plan = r.plan(reorg(r.MERGE, ["X11", "X12"], ["XM"], new_parents={"XM": "H1"}), TREE)
	assert the_plan.transfers == (("X11", "XM"), ("X12", "XM"))
	assert the_plan.closes == ("X11", "X12")
	assert the_plan.closed_on == date(2025, 6, 30)
	assert the_plan.successors == {"X11": ("XM",), "X12": ("XM",)}
	assert the_plan.reparent == (("T111", "XM"),)


def test_merge_into_a_surviving_unit_keeps_it_open():
	the_plan = r.plan(reorg(r.MERGE, ["X11", "X12"], ["X12"]), TREE)
	assert the_plan.closes == ("X11",)
	assert the_plan.transfers == (("X11", "X12"),)
	assert the_plan.reparent == (("T111", "X12"),)


def test_merging_districts_moves_their_communes_under_the_province_level_unit():
	the_plan = r.plan(reorg(r.MERGE, ["H1", "H2"], ["TINH"]), TREE)
	assert set(the_plan.reparent) == {("X11", "TINH"), ("X12", "TINH"), ("X21", "TINH"), ("X22", "TINH")}


def test_rename_makes_a_new_unit_that_takes_everything():
	the_plan = r.plan(reorg(r.RENAME, ["X11"], ["X11-NEW"], new_parents={"X11-NEW": "H1"}), TREE)
	assert the_plan.transfers == (("X11", "X11-NEW"),)
	assert the_plan.successors == {"X11": ("X11-NEW",)}
	assert the_plan.reparent == (("T111", "X11-NEW"),)


def test_abolish_hands_work_to_its_successor():
	the_plan = r.plan(reorg(r.ABOLISH, ["X22"], ["X21"]), TREE)
	assert the_plan.transfers == (("X22", "X21"),) and the_plan.closes == ("X22",)


def test_move_under_a_new_parent_closes_nothing():
	the_plan = r.plan(reorg(r.MOVE, ["X11", "X12"], ["H2"]), TREE)
	assert the_plan.closes == () and the_plan.transfers == ()
	assert the_plan.reparent == (("X11", "H2"), ("X12", "H2"))


def test_split_by_sub_units_needs_every_sub_unit_placed():
	rows = (("X11", "HA"), ("X12", "HB"))
	split = reorg(r.SPLIT, ["H1"], ["HA", "HB"], split_rows=rows, new_parents={"HA": "TINH", "HB": "TINH"})
	the_plan = r.plan(split, TREE)
	assert the_plan.transfers == (("H1", "HA"),)  # the old unit's own work: its first successor
	assert the_plan.successors == {"H1": ("HA", "HB")}
	assert set(the_plan.reparent) == {("X11", "HA"), ("X12", "HB")}
	incomplete = reorg(r.SPLIT, ["H1"], ["HA", "HB"], split_rows=rows[:1], new_parents=split.new_parents)
	with pytest.raises(r.SplitRuleIncomplete) as refused:
		r.plan(incomplete, TREE)
	assert refused.value.missing == ("X12",)


def test_split_by_table_sends_what_it_does_not_name_to_the_first_new_unit():
	split = reorg(
		r.SPLIT,
		["H1"],
		["HA", "HB"],
		split_rule=r.BY_TABLE,
		split_rows=(("T111", "HB"),),
		new_parents={"HA": "TINH", "HB": "TINH"},
	)
	the_plan = r.plan(split, TREE)
	assert set(the_plan.reparent) == {("X11", "HA"), ("X12", "HA"), ("T111", "HB")}


def test_split_rows_must_stay_inside_the_split():
	base = {"new_parents": {"HA": "TINH", "HB": "TINH"}}
	with pytest.raises(r.SplitRowOutside):  # X21 is not under H1
		r.plan(reorg(r.SPLIT, ["H1"], ["HA", "HB"], split_rows=(("X21", "HA"),), **base), TREE)
	with pytest.raises(r.SplitRowOutside):  # HC is not a new unit of this split
		r.plan(reorg(r.SPLIT, ["H1"], ["HA", "HB"], split_rows=(("X11", "HC"),), **base), TREE)
	with pytest.raises(r.ListedTwice):
		rows = (("X11", "HA"), ("X11", "HB"), ("X12", "HB"))
		r.plan(reorg(r.SPLIT, ["H1"], ["HA", "HB"], split_rows=rows, **base), TREE)
	with pytest.raises(r.WrongNumberOfUnits):
		r.plan(reorg(r.SPLIT, ["H1"], ["HA"], **base), TREE)


@pytest.mark.parametrize(
	("kind", "old", "new"),
	[
		(r.MERGE, ["X11"], ["X11"]),  # into itself
		(r.MERGE, ["H1", "X21"], ["X11"]),  # into a descendant of one of them
		(r.MERGE, ["TINH"], ["T111"]),
		(r.ABOLISH, ["H1"], ["X12"]),
		(r.MOVE, ["H1"], ["X11"]),  # under its own commune
		(r.MOVE, ["H1"], ["H1"]),
		(r.RENAME, ["X11"], ["X11"]),
	],
)
def test_cycles_are_refused(kind, old, new):
	with pytest.raises(r.IntoOwnDescendant):
		r.plan(reorg(kind, old, new), TREE)


def test_a_new_unit_cannot_sit_under_a_unit_that_closes():
	with pytest.raises(r.UnderClosingUnit):
		r.plan(reorg(r.MERGE, ["H1", "H2"], ["HN"], new_parents={"HN": "H1"}), TREE)


@pytest.mark.parametrize(
	("kind", "old", "new", "error"),
	[
		(r.MERGE, ["X11", "X12"], [], r.MissingTarget),
		(r.ABOLISH, ["X11"], [], r.MissingTarget),
		(r.MERGE, [], ["X12"], r.NoOldUnits),
		(r.MERGE, ["X11", "X11"], ["X12"], r.ListedTwice),
		(r.MERGE, ["X11", "X12"], ["X21", "X22"], r.WrongNumberOfUnits),
		(r.RENAME, ["X11", "X12"], ["XN"], r.WrongNumberOfUnits),
		("dissolve", ["X11"], ["X12"], r.UnknownKind),
	],
)
def test_malformed_reorganisations_are_refused(kind, old, new, error):
	with pytest.raises(error):
		r.plan(reorg(kind, old, new), TREE)


def test_the_same_unit_in_two_reorganisations_pending_the_same_day_is_refused():
	first = reorg(r.MERGE, ["X11", "X12"], ["X12"], name="TC-1")
	second = reorg(r.ABOLISH, ["X11"], ["X21"], name="TC-2")
	with pytest.raises(r.PendingOverlap) as refused:
		r.plan(second, TREE, pending=[first])
	assert (refused.value.unit, refused.value.other) == ("X11", "TC-1")
	r.plan(second, TREE, pending=[reorg(r.MERGE, ["X11"], ["X12"], effective=D2, name="TC-3")])
	r.plan(first, TREE, pending=[first])  # itself is no overlap


def test_chains_follow_each_step():
	a_to_b = reorg(r.RENAME, ["X11"], ["B"], effective=D1, new_parents={"B": "H1"})
	b_c_to_d = reorg(r.MERGE, ["B", "X12"], ["D"], effective=D2, new_parents={"D": "H1"})
	plans = r.plan_in_order([b_c_to_d, a_to_b], TREE)
	assert [p.effective for p in plans] == [D1, D2]
	assert r.current_successors(plans) == {"X11": {"D"}, "B": {"D"}, "X12": {"D"}}
	# The village branch followed X11 to B, then B to D.
	assert plans[1].reparent == (("T111", "D"),)


def test_a_closed_unit_cannot_be_reorganised_again():
	a_to_b = reorg(r.RENAME, ["X11"], ["B"], effective=D1, new_parents={"B": "H1"})
	again = reorg(r.MERGE, ["X11", "X12"], ["D"], effective=D2, new_parents={"D": "H1"})
	with pytest.raises(r.AlreadyClosed) as refused:
		r.plan_in_order([a_to_b, again], TREE)
	assert refused.value.closed_on == date(2025, 6, 30)


def test_a_unit_opening_on_or_after_the_effective_date_is_refused():
	tree = r.Tree(parent_of=TREE.parent_of, valid_from={"X11": D2})
	with pytest.raises(r.NotYetOpen):
		r.plan(reorg(r.MERGE, ["X11", "X12"], ["X12"]), tree)


def test_labels_round_trip():
	assert {r.KIND_KEYS[label] for label in r.KIND_LABELS.values()} == set(r.KINDS)
	assert r.SPLIT_RULE_KEYS[r.SPLIT_RULE_LABELS[r.BY_TABLE]] == r.BY_TABLE


# --- properties on random trees ------------------------------------------------------------------


@st.composite
def trees(draw):
	size = draw(st.integers(min_value=2, max_value=25))
	parent_of = {"U0": None}
	for index in range(1, size):
		parent_of[f"U{index}"] = f"U{draw(st.integers(min_value=0, max_value=index - 1))}"
	return r.Tree(parent_of=parent_of)


@settings(max_examples=200, deadline=None)
@given(tree=trees(), data=st.data())
def test_a_merge_either_is_refused_as_a_cycle_or_leaves_a_tree_without_loops(tree, data):
	units = sorted(tree.parent_of)
	old = data.draw(st.lists(st.sampled_from(units), min_size=1, max_size=5, unique=True))
	target = data.draw(st.sampled_from(units))
	into_own_subtree = any(tree.is_within(target, unit) for unit in old if unit != target) or old == [target]
	under_closing = tree.parent_of.get(target) in set(old) - {target}
	try:
		the_plan = r.plan(reorg(r.MERGE, old, [target]), tree)
	except r.IntoOwnDescendant:
		assert into_own_subtree
		return
	except r.UnderClosingUnit:
		assert under_closing
		return
	assert not into_own_subtree and not under_closing
	after = r.apply_to_tree(tree, the_plan)
	for unit in units:
		assert unit not in after.ancestors(unit)
	# No open unit is left under a closed one, and every closed unit's work has one open successor.
	closed = set(the_plan.closes)
	for unit in units:
		if unit not in closed:
			assert after.parent_of.get(unit) not in closed
	assert {old_unit for old_unit, _new in the_plan.transfers} == closed
	assert all(new == target for _old, new in the_plan.transfers)


@settings(max_examples=200, deadline=None)
@given(tree=trees(), data=st.data())
def test_a_split_by_sub_units_places_every_sub_unit_exactly_once(tree, data):
	parents = [unit for unit in tree.parent_of if tree.children(unit)]
	old = data.draw(st.sampled_from(sorted(parents)))
	children = tree.children(old)
	new_units = ["NA", "NB", "NC"][: data.draw(st.integers(min_value=2, max_value=3))]
	rows = tuple((child, data.draw(st.sampled_from(new_units))) for child in children)
	the_plan = r.plan(
		reorg(r.SPLIT, [old], new_units, split_rows=rows, new_parents=dict.fromkeys(new_units)), tree
	)
	assert sorted(unit for unit, _parent in the_plan.reparent) == children
	assert dict(the_plan.reparent) == dict(rows)
	assert the_plan.closes == (old,) and the_plan.successors == {old: tuple(new_units)}
