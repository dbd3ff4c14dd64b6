"""Issue 15, fifth round: classes of the second held-out set (moved to the development set once scored).

Each test writes a fragment in the shape of a class of Vietnamese texts (guidances of the Front, regulations on
emulation and awards, plans of the Government with labelled task items); none is copied from a corpus text.
"""

from __future__ import annotations

from datetime import date

import pytest

from danvan_app.domain.deadline_phrases import parse_deadline
from danvan_app.domain.directive_text.fields import time_of


@pytest.mark.parametrize(
	"phrase",
	[
		"năm 2025 và các năm tiếp theo.",
		"Thời gian thực hiện: năm 2026 và những năm sau",
		"Bộ Tư pháp tổ chức tập huấn từ năm 2026 trở đi.",
	],
)
def test_an_open_start_is_from_year_not_a_date_in_that_year(phrase: str) -> None:
	for deadline in (parse_deadline(phrase), time_of(phrase)):
		assert deadline.kind == "from_year"
		assert deadline.due is None
		assert deadline.start is not None and deadline.start.month == 1


def test_a_closed_year_stays_a_date() -> None:
	assert (time_of("năm 2026").kind, time_of("năm 2026").due) == ("date", date(2026, 12, 31))


@pytest.mark.parametrize(
	("phrase", "due"),
	[
		("năm 2026 - 2027.", date(2027, 12, 31)),
		("Hoàn thành các năm 2025–2026", date(2026, 12, 31)),
		("năm 2026-năm 2028", date(2028, 12, 31)),
	],
)
def test_a_span_of_years_is_due_at_its_last_year_end(phrase: str, due: date) -> None:
	for deadline in (parse_deadline(phrase), time_of(phrase)):
		assert (deadline.kind, deadline.due) == ("date", due)


def test_a_plan_period_written_with_its_years_is_no_deadline() -> None:
	assert parse_deadline("triển khai Kế hoạch 5 năm 2021 - 2025 của tỉnh").kind == "none"


@pytest.mark.parametrize(
	"phrase",
	["Báo cáo kết quả chậm nhất ngày 03/02/2026.", "gửi về Ban Thường trực chậm nhất là ngày 03/02/2026"],
)
def test_cham_nhat_ngay_is_a_limit_before_that_day(phrase: str) -> None:
	deadline = parse_deadline(phrase)
	assert (deadline.kind, deadline.due) == ("before", date(2026, 2, 3))
