from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan_app.domain import kheo_models as km

COMPLETE = {
	"address": "Thôn Bản Mới, xã Thử",
	"people": "Chi hội Nông dân thôn Bản Mới",
	"work": "Vận động hiến đất làm đường liên thôn",
	"objectives": "1,2 km đường bê tông",
	"measurement": "Số mét đường hoàn thành",
	"method": "Họp dân, vận động từng hộ",
	"scale": "Cấp xã",
	"forces": "Chi hội Nông dân, Đoàn Thanh niên",
	"resources": "Nhân dân đóng góp ngày công",
	"plan_start": date(2026, 2, 1),
	"plan_end": date(2026, 11, 30),
	"expected_output": "Đường liên thôn hoàn thành",
	"sustainability": "Tổ tự quản bảo dưỡng đường",
}


# --- year ---


@pytest.mark.parametrize("year", [1998, 2028, 0, 20260])
def test_year_out_of_range(year):
	with pytest.raises(km.YearOutOfRange):
		km.check_year(year, current_year=2026)


@pytest.mark.parametrize("year", [1999, 2026, 2027])
def test_year_in_range(year):
	km.check_year(year, current_year=2026)


# --- required particulars by stage ---


@pytest.mark.parametrize("state", [*sorted(km.DRAFT_STATES), km.REJECTED])
def test_a_draft_may_be_saved_with_nothing_concrete(state):
	assert km.missing_before_approval(state, {}) == []
	km.check_required_before_approval(state, {})


@pytest.mark.parametrize("state", [km.APPROVED, km.IMPLEMENTING, km.RECOGNISED, "Chờ thẩm định cấp tỉnh"])
def test_past_the_draft_every_particular_is_required(state):
	assert km.missing_before_approval(state, {}) == list(km.REQUIRED_BEFORE_APPROVAL)
	km.check_required_before_approval(state, COMPLETE)
	with pytest.raises(km.MissingBeforeApproval) as caught:
		km.check_required_before_approval(state, {**COMPLETE, "method": "   ", "plan_end": None})
	assert caught.value.fields == ["method", "plan_end"]


# --- registration window ---

WINDOW = km.RegistrationWindow()


@pytest.mark.parametrize("on", [date(2026, 1, 1), date(2026, 3, 31), date(2025, 12, 20)])
def test_registering_inside_the_window_or_ahead_is_allowed(on):
	km.check_registration_window(on, 2026, WINDOW, km.OUTSIDE_WINDOW_REFUSED, is_manager=False)


def test_registering_late_is_refused_or_left_to_a_manager():
	late = date(2026, 4, 1)
	with pytest.raises(km.OutsideRegistrationWindow) as caught:
		km.check_registration_window(late, 2026, WINDOW, km.OUTSIDE_WINDOW_REFUSED, is_manager=True)
	assert (caught.value.start, caught.value.end, caught.value.manager_may) == (
		date(2026, 1, 1),
		date(2026, 3, 31),
		False,
	)
	with pytest.raises(km.OutsideRegistrationWindow) as caught:
		km.check_registration_window(late, 2026, WINDOW, km.OUTSIDE_WINDOW_MANAGER, is_manager=False)
	assert caught.value.manager_may is True
	km.check_registration_window(late, 2026, WINDOW, km.OUTSIDE_WINDOW_MANAGER, is_manager=True)


def test_registering_for_a_past_year_is_late():
	with pytest.raises(km.OutsideRegistrationWindow):
		km.check_registration_window(date(2026, 2, 1), 2025, WINDOW, km.OUTSIDE_WINDOW_REFUSED, False)


def test_window_is_read_as_officials_write_it():
	assert km.registration_window(None, "") == km.RegistrationWindow()
	assert km.registration_window(" 1/1", "31/03") == km.RegistrationWindow(1, 1, 31, 3)
	leap = km.registration_window("1/1", "29/2")
	assert leap.of_year(2028) == (date(2028, 1, 1), date(2028, 2, 29))
	assert leap.of_year(2026) == (date(2026, 1, 1), date(2026, 2, 28))


@pytest.mark.parametrize(
	("start", "end"),
	[("31/4", "30/6"), ("1/6", "31/3"), ("1-1", "31/3"), ("1/1/2026", "31/3"), ("a/b", "1/2")],
)
def test_window_dates_must_exist_and_be_in_order(start, end):
	with pytest.raises(km.InvalidWindow):
		km.registration_window(start, end)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_window_decision_is_one_comparison_with_its_end(on):
	inside = on <= date(on.year, 3, 31)
	try:
		km.check_registration_window(on, on.year, WINDOW, km.OUTSIDE_WINDOW_REFUSED, False)
		allowed = True
	except km.OutsideRegistrationWindow:
		allowed = False
	assert allowed == inside


# --- evaluation, recognition, supervision ---


def test_evaluated_states_need_an_evaluation():
	km.check_evaluation(km.IMPLEMENTING, None)
	for state in (km.EVALUATED, km.RECOGNISED, km.NOT_RECOGNISED):
		with pytest.raises(km.EvaluationMissing):
			km.check_evaluation(state, None)
		km.check_evaluation(state, "Đạt")


@pytest.mark.parametrize("failing", sorted(km.FAILING_CLASSIFICATIONS))
def test_a_failed_evaluation_cannot_be_recognised(failing):
	with pytest.raises(km.EvaluationNotPassed):
		km.check_evaluation(km.RECOGNISED, failing)
	km.check_evaluation(km.NOT_RECOGNISED, failing)
	km.check_evaluation(km.EVALUATED, failing)


def test_an_evaluation_is_withdrawn_only_before_the_model_rests_on_it():
	for state in (km.REGISTERED, km.APPROVED, km.IMPLEMENTING):
		km.check_evaluation_may_be_withdrawn(state)
	for state in km.AFTER_EVALUATION:
		with pytest.raises(km.EvaluationInUse):
			km.check_evaluation_may_be_withdrawn(state)


def test_recognition_needs_decision_number_and_date():
	km.check_recognition_decision(km.EVALUATED, None, None)
	for number, on in ((None, date(2026, 10, 15)), (" ", date(2026, 10, 15)), ("125/QĐ-UBND", None)):
		with pytest.raises(km.RecognitionDecisionMissing):
			km.check_recognition_decision(km.RECOGNISED, number, on)
	km.check_recognition_decision(km.RECOGNISED, "125/QĐ-UBND", date(2026, 10, 15))


def test_the_registering_unit_does_not_approve_its_own_model():
	km.check_supervisor(km.REGISTERED, km.IMPLEMENTING, acts_above=False)
	km.check_supervisor(km.APPROVED, km.APPROVED, acts_above=False)  # no step taken
	for state in km.SUPERVISED_STATES:
		with pytest.raises(km.StateNeedsSupervisor):
			km.check_supervisor(km.REGISTERED, state, acts_above=False)
		km.check_supervisor(km.REGISTERED, state, acts_above=True)


# --- replication ---


def chain(origins):
	return origins.get


def test_a_model_cannot_replicate_itself():
	with pytest.raises(km.SelfReplication):
		km.check_replication("MH-1", "MH-1", chain({}))
	km.check_replication("MH-2", "MH-1", chain({}))
	km.check_replication(None, "MH-1", chain({}))


def test_a_replication_cycle_is_refused():
	# B replicates A; now A is edited to replicate B.
	with pytest.raises(km.ReplicationCycle) as caught:
		km.check_replication("A", "B", chain({"B": "A"}))
	assert caught.value.chain == ["A", "B", "A"]
	with pytest.raises(km.ReplicationCycle):
		km.check_replication("A", "C", chain({"C": "B", "B": "A"}))


def test_a_long_chain_or_a_loop_elsewhere_is_not_a_cycle_of_this_model():
	km.check_replication("A", "B", chain({"B": "C", "C": "D"}))
	km.check_replication("A", "B", chain({"B": "C", "C": "B"}))


@given(st.lists(st.integers(min_value=0, max_value=6), min_size=1, max_size=7))
def test_replication_refused_exactly_when_the_chain_returns(origins_list):
	# Model i replicates origins_list[i]; check adding model 7 -> 0 where some chain may lead back to 7.
	origins = {f"M{i}": f"M{o}" for i, o in enumerate(origins_list) if o != i}
	origins["M6"] = "M7"
	walk, current, seen = [], "M0", set()
	while current and current not in seen:
		seen.add(current)
		walk.append(current)
		current = origins.get(current)
	returns = "M7" in walk
	try:
		km.check_replication("M7", "M0", chain(origins))
		refused = False
	except km.ReplicationCycle:
		refused = True
	assert refused == returns


# --- targets ---

STATE = "Cơ quan nhà nước, sở, ban, ngành"
TARGETS = [
	km.Target(STATE, 1, 0),
	km.Target(STATE, 2, 1, admin_level="Tỉnh, thành phố"),
	km.Target(STATE, 3, 1, year=2026),
	km.Target(STATE, 4, 2, admin_level="Tỉnh, thành phố", year=2026),
]


@pytest.mark.parametrize(
	("level", "year", "expected"),
	[
		("Xã, phường, đặc khu", 2025, 1),
		("Tỉnh, thành phố", 2025, 2),
		("Xã, phường, đặc khu", 2026, 3),
		("Tỉnh, thành phố", 2026, 4),
	],
)
def test_the_most_specific_target_applies(level, year, expected):
	assert km.target_for(STATE, level, year, TARGETS).min_registered == expected


def test_a_kind_without_target_has_none_and_is_never_below():
	assert km.target_for("Doanh nghiệp", None, 2026, TARGETS) is None
	assert km.standing(0, 0, None).below_target is False


@given(st.integers(0, 5), st.integers(0, 5), st.integers(0, 5), st.integers(0, 5))
def test_shortfall_arithmetic(registered, recognised, min_registered, min_recognised):
	result = km.standing(registered, recognised, km.Target(STATE, min_registered, min_recognised))
	assert result.registered_short == max(0, min_registered - registered)
	assert result.recognised_short == max(0, min_recognised - recognised)
	assert result.below_target == (registered < min_registered or recognised < min_recognised)
