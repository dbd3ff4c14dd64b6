import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan_app.domain import evaluation as ev

STANDARD = [
	ev.Threshold(ev.EXCELLENT, 90),
	ev.Threshold(ev.GOOD, 70),
	ev.Threshold(ev.COMPLETED, 50),
]


class TestScores:
	def test_totals_add_up_and_unscored_lines_count_zero(self):
		lines = [ev.ScoreLine("1", 10, 8, 7), ev.ScoreLine("2", 20, 20, None), ev.ScoreLine("3", 5)]
		assert ev.totals(lines) == (35, 28, 7)

	@pytest.mark.parametrize("score", [-0.5, 10.01, 11])
	def test_score_outside_zero_and_maximum_is_refused(self, score):
		with pytest.raises(ev.ScoreOutOfRange) as caught:
			ev.totals([ev.ScoreLine("1.2", 10, score)])
		assert caught.value.criterion == "1.2"
		with pytest.raises(ev.ScoreOutOfRange):
			ev.check_score_line(ev.ScoreLine("1.2", 10, 5, score))

	def test_bonus_adds_and_penalty_subtracts_within_the_scale(self):
		lines = [
			ev.ScoreLine("1", 60, 50, 45),
			ev.ScoreLine("2", 40, 35, 30),
			ev.ScoreLine("T", 5, 5, 3, kind=ev.ITEM_BONUS),
			ev.ScoreLine("P", 10, 2, 4, kind=ev.ITEM_PENALTY),
		]
		assert ev.totals(lines) == (100, 88, 74)
		assert ev.totals([ev.ScoreLine("1", 10, 10), ev.ScoreLine("T", 5, 5, kind=ev.ITEM_BONUS)])[1] == 10
		assert ev.totals([ev.ScoreLine("1", 10, 1), ev.ScoreLine("P", 5, 5, kind=ev.ITEM_PENALTY)])[1] == 0

	@given(
		st.lists(
			st.tuples(st.integers(1, 30), st.floats(0, 1), st.sampled_from(ev.ITEM_KINDS)),
			min_size=1,
			max_size=20,
		)
	)
	def test_a_total_never_leaves_the_scale(self, rows):
		lines = [ev.ScoreLine(str(i), m, round(m * a, 2), kind=k) for i, (m, a, k) in enumerate(rows)]
		maximum, self_total, _reviewed = ev.totals(lines)
		assert 0 <= self_total <= maximum

	def test_boundaries_are_allowed(self):
		ev.check_score_line(ev.ScoreLine("1", 10, 0, 10))

	def test_maximum_must_be_positive(self):
		with pytest.raises(ev.InvalidMaximum):
			ev.check_score_line(ev.ScoreLine("1", 0, 0))

	@given(st.lists(st.tuples(st.integers(1, 50), st.floats(0, 1), st.floats(0, 1)), min_size=1, max_size=30))
	def test_totals_never_exceed_the_maximum(self, rows):
		lines = [
			ev.ScoreLine(str(i), m, round(m * a, 2), round(m * b, 2)) for i, (m, a, b) in enumerate(rows)
		]
		maximum, self_total, reviewed_total = ev.totals(lines)
		assert 0 <= self_total <= maximum + 1e-9
		assert 0 <= reviewed_total <= maximum + 1e-9


class TestClassification:
	@pytest.mark.parametrize(
		("total", "expected"),
		[
			(100, ev.EXCELLENT),
			(90, ev.EXCELLENT),
			(89.99, ev.GOOD),
			(70, ev.GOOD),
			(50, ev.COMPLETED),
			(49.5, ev.NOT_COMPLETED),
			(0, ev.NOT_COMPLETED),
		],
	)
	def test_thresholds(self, total, expected):
		assert ev.classify(total, STANDARD) == expected

	@given(st.floats(0, 100), st.floats(0, 100))
	def test_more_points_never_classify_lower(self, a, b):
		low, high = sorted((a, b))
		order = list(ev.CLASSIFICATIONS)
		assert order.index(ev.classify(high, STANDARD)) <= order.index(ev.classify(low, STANDARD))

	def test_valid_thresholds_pass(self):
		ev.check_thresholds(STANDARD, 100)

	@pytest.mark.parametrize(
		"thresholds",
		[
			[],
			[ev.Threshold(ev.EXCELLENT, 90), ev.Threshold(ev.EXCELLENT, 80)],
			[ev.Threshold(ev.EXCELLENT, 60), ev.Threshold(ev.GOOD, 70)],
			[ev.Threshold(ev.EXCELLENT, 70), ev.Threshold(ev.GOOD, 70)],
			[ev.Threshold(ev.EXCELLENT, 120)],
			[ev.Threshold(ev.GOOD, -1)],
			[ev.Threshold("Xuất sắc lắm", 95)],
			[ev.Threshold(ev.EXCELLENT, 90), ev.Threshold(ev.PASSED, 50)],
			[ev.Threshold(ev.PASSED, 40), ev.Threshold(ev.FAILED, 50)],
		],
	)
	def test_bad_thresholds_are_refused(self, thresholds):
		with pytest.raises(ev.InvalidThresholds):
			ev.check_thresholds(thresholds, 100)


def test_a_model_template_grades_pass_or_fail():
	model_scale = [ev.Threshold(ev.PASSED, 70), ev.Threshold(ev.FAILED, 0)]
	ev.check_thresholds(model_scale, 100)
	assert ev.classify(70, model_scale) == ev.PASSED
	assert ev.classify(69.5, model_scale) == ev.FAILED
	# Below every minimum is the lowest of the template's own scale.
	assert ev.classify(10, [ev.Threshold(ev.PASSED, 70)]) == ev.FAILED
	assert ev.classify(10, [ev.Threshold(ev.GOOD, 70)]) == ev.NOT_COMPLETED


def test_rank_shares_places_for_equal_totals():
	assert ev.rank({"A": 90, "B": 95, "C": 90, "D": 10}) == {"B": 1, "A": 2, "C": 2, "D": 4}
	assert ev.rank({}) == {}


def test_score_changes_tell_self_scores_from_review_scores():
	before = {"1": (5.0, None, 10.0), "2": (7.0, 6.0, 10.0)}
	assert ev.score_changes(before, dict(before)) == ev.ScoreChange(False, False, False)
	assert ev.score_changes(before, {**before, "1": (5.0, 4.0, 10.0)}) == ev.ScoreChange(False, True, False)
	assert ev.score_changes(before, {**before, "2": (8.0, 6.0, 10.0)}) == ev.ScoreChange(True, False, False)
	assert ev.score_changes(before, {**before, "2": (7.0, 6.0, 20.0)}).other_changed
	assert ev.score_changes(before, {"1": before["1"]}).other_changed


def test_a_review_is_the_reviewers_with_reviewed_scores():
	ev.check_review_step(False, False, False)  # not entering the reviewed state
	with pytest.raises(ev.StepNotFromAbove):
		ev.check_review_step(True, True, False)
	with pytest.raises(ev.NotReviewed):
		ev.check_review_step(True, False, True)
	ev.check_review_step(True, True, True)


def test_an_approval_is_from_above_and_of_a_reviewed_evaluation():
	with pytest.raises(ev.StepNotFromAbove):
		ev.check_approval(True, False, "Phê duyệt")
	with pytest.raises(ev.NotReviewed):
		ev.check_approval(False, True, "Phê duyệt")
	ev.check_approval(True, True, "Phê duyệt")
