import itertools

import pytest

from danvan_app.domain import kheo_models as km


def test_the_happy_path_is_allowed():
	path = [km.REGISTERED, km.APPROVED, km.IMPLEMENTING, km.EVALUATED, km.RECOGNISED]
	km.check_transition(None, path[0])
	for current, wanted in itertools.pairwise(path):
		km.check_transition(current, wanted)


def test_staying_in_a_status_is_allowed():
	for status in km.STATUSES:
		km.check_transition(status, status)


@pytest.mark.parametrize(
	("current", "wanted"),
	[
		(None, km.APPROVED),
		(km.REGISTERED, km.RECOGNISED),
		(km.APPROVED, km.REGISTERED),
		(km.IMPLEMENTING, km.RECOGNISED),
		(km.RECOGNISED, km.IMPLEMENTING),
		(km.NOT_RECOGNISED, km.RECOGNISED),
		(km.REGISTERED, "Bất kỳ"),
	],
)
def test_skipping_or_going_back_is_refused(current, wanted):
	with pytest.raises(km.TransitionNotAllowed):
		km.check_transition(current, wanted)


def test_every_transition_target_is_a_status():
	for targets in km.ALLOWED_TRANSITIONS.values():
		assert targets <= set(km.STATUSES)
	assert set(km.ALLOWED_TRANSITIONS) == set(km.STATUSES)


def test_allowed_next_lists_targets_in_lifecycle_order():
	assert km.allowed_next(km.EVALUATED) == [km.RECOGNISED, km.NOT_RECOGNISED]
	assert km.allowed_next(km.RECOGNISED) == []


@pytest.mark.parametrize("year", [1998, 2028, 0, 20260])
def test_year_out_of_range(year):
	with pytest.raises(km.YearOutOfRange):
		km.check_year(year, current_year=2026)


@pytest.mark.parametrize("year", [1999, 2026, 2027])
def test_year_in_range(year):
	km.check_year(year, current_year=2026)


def test_a_model_cannot_replicate_itself():
	with pytest.raises(km.SelfReplication):
		km.check_replication("MH-1", "MH-1")
	km.check_replication("MH-2", "MH-1")
	km.check_replication(None, "MH-1")
