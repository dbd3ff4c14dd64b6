import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan_app.domain import classification as cl
from danvan_app.domain import evaluation as ev

THRESHOLDS = [ev.Threshold(ev.EXCELLENT, 90), ev.Threshold(ev.GOOD, 70), ev.Threshold(ev.COMPLETED, 50)]
DEFAULT_CONDITIONS = [
	cl.Condition(ev.EXCELLENT, cl.ALL_TASKS_ON_TIME),
	cl.Condition(ev.EXCELLENT, cl.NO_CRITERION_BELOW_HALF),
	cl.Condition(ev.GOOD, cl.LATE_SHARE_AT_MOST, 20),
]
CLEAN = cl.UnitFacts(on_time=10, weakest_share=0.8)


def test_a_clean_record_keeps_the_class_of_its_total():
	assert cl.classify(95, THRESHOLDS, DEFAULT_CONDITIONS, CLEAN) == cl.Result(ev.EXCELLENT)
	assert cl.classify(75, THRESHOLDS, DEFAULT_CONDITIONS, CLEAN).classification == ev.GOOD


def test_one_late_task_costs_the_excellent_class():
	facts = cl.UnitFacts(on_time=9, done_late=1, weakest_share=0.8)
	result = cl.classify(95, THRESHOLDS, DEFAULT_CONDITIONS, facts)
	assert result.classification == ev.GOOD
	assert result.reasons == (f"{ev.EXCELLENT}: {cl.ALL_TASKS_ON_TIME}",)


def test_a_reason_quotes_a_percentage_only_where_the_condition_has_one():
	# A saved template stores an unset value as 0: it must not show up after a condition without a value.
	assert (
		cl.reason(cl.Condition(ev.EXCELLENT, cl.ALL_TASKS_ON_TIME, 0))
		== f"{ev.EXCELLENT}: {cl.ALL_TASKS_ON_TIME}"
	)
	assert (
		cl.reason(cl.Condition(ev.GOOD, cl.LATE_SHARE_AT_MOST, 20))
		== f"{ev.GOOD}: {cl.LATE_SHARE_AT_MOST} 20"
	)


def test_many_late_tasks_fall_through_two_classes():
	facts = cl.UnitFacts(on_time=7, done_late=2, overdue=1, weakest_share=0.8)  # 30 % late
	result = cl.classify(95, THRESHOLDS, DEFAULT_CONDITIONS, facts)
	assert result.classification == ev.COMPLETED
	assert len(result.reasons) == 2


def test_a_weak_criterion_blocks_excellent_only():
	facts = cl.UnitFacts(on_time=10, weakest_share=0.4)
	assert cl.classify(95, THRESHOLDS, DEFAULT_CONDITIONS, facts).classification == ev.GOOD
	assert cl.classify(80, THRESHOLDS, DEFAULT_CONDITIONS, facts).classification == ev.GOOD


def test_tasks_still_within_their_deadline_are_not_judged():
	facts = cl.UnitFacts(on_time=1, within_deadline=20)
	assert facts.judged == 1 and facts.late_share == 0
	assert cl.UnitFacts().late_share == 0


def test_the_lowest_class_has_nowhere_to_fall():
	conditions = [cl.Condition(ev.NOT_COMPLETED, cl.ALL_TASKS_ON_TIME)]
	result = cl.classify(10, THRESHOLDS, conditions, cl.UnitFacts(overdue=3))
	assert result.classification == ev.NOT_COMPLETED


@pytest.mark.parametrize(
	"condition",
	[
		cl.Condition("Xuất sắc lắm", cl.ALL_TASKS_ON_TIME),
		cl.Condition(ev.GOOD, "Điều kiện lạ"),
		cl.Condition(ev.GOOD, cl.LATE_SHARE_AT_MOST),
		cl.Condition(ev.GOOD, cl.LATE_SHARE_AT_MOST, 120),
	],
)
def test_bad_conditions_are_refused(condition):
	with pytest.raises(cl.InvalidCondition):
		cl.check_conditions([condition])


def test_the_rules_in_force_are_valid_data():
	ev.check_thresholds(list(cl.DEFAULT_THRESHOLDS), 100)
	cl.check_conditions(cl.DEFAULT_CONDITIONS)
	assert cl.classify(92, cl.DEFAULT_THRESHOLDS, cl.DEFAULT_CONDITIONS, CLEAN).classification == ev.EXCELLENT


@pytest.mark.parametrize("percent", [-1, 100.5])
def test_bad_quota_is_refused(percent):
	with pytest.raises(cl.InvalidQuota):
		cl.check_quota(percent)
	cl.check_quota(20)
	cl.check_quota(None)


# --- quota ---


def group(*rows):
	return [cl.Ranked(f"U{i}", total, klass) for i, (total, klass) in enumerate(rows)]


def test_quota_keeps_the_highest_totals():
	rows = group(*[(99 - i, ev.EXCELLENT) for i in range(3)], *[(80, ev.GOOD)] * 7)  # 10 good or better
	result = cl.apply_quota(rows)
	assert [result[r.unit] for r in rows[:3]] == [
		(ev.EXCELLENT, False),
		(ev.EXCELLENT, False),
		(ev.GOOD, True),
	]


def test_everybody_excellent():
	rows = group(*[(100 - i, ev.EXCELLENT) for i in range(10)])
	kept = [u for u, (klass, _pushed) in cl.apply_quota(rows).items() if klass == ev.EXCELLENT]
	assert kept == ["U0", "U1"]


def test_a_small_group_has_no_excellent_place():
	rows = group((95, ev.EXCELLENT), (80, ev.GOOD), (60, ev.COMPLETED))
	assert cl.apply_quota(rows)["U0"] == (ev.GOOD, True)


def test_ties_at_the_cut_fall_together():
	rows = group((99, ev.EXCELLENT), (95, ev.EXCELLENT), (95, ev.EXCELLENT), *[(80, ev.GOOD)] * 7)
	result = cl.apply_quota(rows)
	assert result["U0"] == (ev.EXCELLENT, False)
	assert result["U1"] == result["U2"] == (ev.GOOD, True)


@given(
	st.lists(st.tuples(st.integers(0, 100), st.sampled_from(ev.UNIT_SCALE)), min_size=0, max_size=40),
	st.integers(0, 100),
)
def test_quota_never_exceeded_and_never_raises_anyone(rows, percent):
	ranked = group(*rows)
	result = cl.apply_quota(ranked, percent)
	good_or_better = sum(1 for _t, k in rows if k in (ev.EXCELLENT, ev.GOOD))
	excellent = [u for u, (k, _p) in result.items() if k == ev.EXCELLENT]
	assert len(excellent) <= math.floor(good_or_better * percent / 100 + 1e-9)
	for r in ranked:
		klass, pushed = result[r.unit]
		assert pushed == (klass != r.classification)
		if pushed:
			assert (r.classification, klass) == (ev.EXCELLENT, ev.GOOD)
			# Everybody kept scored more than anybody pushed down.
			kept_totals = [x.total for x in ranked if x.unit in excellent]
			assert not kept_totals or min(kept_totals) > r.total
