import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan_app.domain import measures as ms


def test_tasks_on_time_share_counts_only_judged_tasks():
	record = ms.UnitRecord(on_time=6, done_late=1, overdue=1)
	assert ms.share(ms.TASKS_ON_TIME, record) == 0.75
	assert ms.fed_score(ms.TASKS_ON_TIME, record, 20) == 15
	assert ms.fed_score(ms.TASKS_ON_TIME, ms.UnitRecord(), 20) is None


def test_recurring_reports():
	assert ms.share(ms.RECURRING_REPORTS, ms.UnitRecord(recurring_judged=4, recurring_on_time=3)) == 0.75
	assert ms.share(ms.RECURRING_REPORTS, ms.UnitRecord()) is None


@pytest.mark.parametrize(
	("registered", "required", "expected"), [(0, 1, 0.0), (1, 2, 0.5), (3, 2, 1.0), (1, 0, 1.0), (0, 0, None)]
)
def test_models_against_target(registered, required, expected):
	record = ms.UnitRecord(models_registered=registered, models_required=required)
	assert ms.share(ms.MODELS_AGAINST_TARGET, record) == expected


def test_leader_and_explanations():
	assert ms.fed_score(ms.LEADER_NAMED, ms.UnitRecord(leader_named=True), 5) == 5
	assert ms.fed_score(ms.LEADER_NAMED, ms.UnitRecord(), 5) == 0
	assert ms.fed_score(ms.NO_EXPLANATION_REQUESTS, ms.UnitRecord(), 10) == 10
	assert ms.fed_score(ms.NO_EXPLANATION_REQUESTS, ms.UnitRecord(explanation_requests=2), 10) == 6
	assert ms.fed_score(ms.NO_EXPLANATION_REQUESTS, ms.UnitRecord(explanation_requests=9), 10) == 0


def test_unknown_measure_is_refused():
	with pytest.raises(ms.UnknownMeasure):
		ms.check_measure("Số cuộc họp")
	ms.check_measure(None)
	ms.check_measure("")


def test_a_reviewer_changing_a_fed_score_says_why():
	ms.check_review("1.1", 15, 15, None)
	ms.check_review("1.1", None, 12, None)
	ms.check_review("1.1", 15, None, None)
	with pytest.raises(ms.ReviewWithoutReason):
		ms.check_review("1.1", 15, 12, "  ")
	ms.check_review("1.1", 15, 12, "Có 2 nhiệm vụ gia hạn hợp lệ")


@given(
	st.sampled_from(ms.MEASURES),
	st.builds(
		ms.UnitRecord,
		on_time=st.integers(0, 50),
		done_late=st.integers(0, 50),
		overdue=st.integers(0, 50),
		recurring_judged=st.integers(0, 20),
		models_registered=st.integers(0, 5),
		models_required=st.integers(0, 3),
		leader_named=st.booleans(),
		explanation_requests=st.integers(0, 10),
	),
	st.floats(1, 100),
)
def test_a_fed_score_stays_within_the_criterion(key, record, maximum):
	if record.recurring_on_time > record.recurring_judged:
		return
	score = ms.fed_score(key, record, maximum)
	assert score is None or 0 <= score <= round(maximum, 2) + 0.01
