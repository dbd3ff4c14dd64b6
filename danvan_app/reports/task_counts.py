"""The counts every task report shows, written once: the five deadline outcomes (they partition a unit's
tasks and add up to the total) and "not started", a status counted apart as a part of them."""

import frappe
from frappe import _
from frappe.query_builder.functions import Count
from pypika.terms import Case

from danvan_app.domain import periods
from danvan_app.domain import tasks as task_rules
from danvan_app.reports import totals

# (column, label, the (field, value) it counts); labels are translated when a report runs.
COUNTS = (
	("total", "Tổng số", None),
	("on_time", "Đúng hạn", ("deadline_outcome", task_rules.OUTCOME_ON_TIME)),
	("done_late", "Hoàn thành trễ hạn", ("deadline_outcome", task_rules.OUTCOME_DONE_LATE)),
	("within_deadline", "Đang trong hạn", ("deadline_outcome", task_rules.OUTCOME_WITHIN_DEADLINE)),
	("overdue", "Quá hạn", ("deadline_outcome", task_rules.OUTCOME_OVERDUE)),
	("no_deadline", "Không có hạn", ("deadline_outcome", task_rules.OUTCOME_NO_DEADLINE)),
	("not_started", "Trong đó: chưa bắt đầu", ("status", task_rules.STATUS_NOT_STARTED)),
)
COUNT_KEYS = tuple(key for key, _label, _rule in COUNTS)


def count_terms(Task) -> list:
	"""The select terms of COUNTS over ``Task`` (a left-joined Task counts nothing where it is NULL).

	COUNT of a CASE without ELSE, not SUM of one with ELSE 0: the same numbers, but MariaDB returns a
	COUNT as an integer and a SUM as a DECIMAL, which the driver turns into a Python Decimal per cell
	(3,000 rows × 6 counts for the summary report)."""
	terms = [Count(Task.name).as_("total")]
	terms += [
		Count(Case().when(Task[field] == value, 1)).as_(key) for key, _label, (field, value) in COUNTS[1:]
	]
	return terms


def column_width(label: str) -> int:
	"""Wide enough for the header to be read whole (about 8 px a character, between 90 and 200)."""
	return max(90, min(200, 8 * len(label) + 30))


def count_columns() -> list[dict]:
	labels = {key: _(label) for key, label, _rule in COUNTS}  # each translated once
	columns = [
		{"fieldname": key, "label": labels[key], "fieldtype": "Int", "width": column_width(labels[key])}
		for key, _label, _rule in COUNTS
	]
	columns.append(
		{
			"fieldname": "on_time_rate",
			"label": _("Tỷ lệ đúng hạn (%)"),
			"fieldtype": "Float",
			"precision": 1,
			"disable_total": 1,
			"width": 130,
		}
	)
	return columns


def finish_counts(rows: list[dict]) -> None:
	"""Whole numbers where SQL gave NULL or Decimal (sums over a left join), and the on-time rate."""
	for row in rows:
		for key in COUNT_KEYS:
			row[key] = int(row.get(key) or 0)
	add_on_time_rate(rows)


def add_on_time_rate(rows: list[dict]) -> None:
	"""The on-time rate of the finished tasks; rows whose counts are already integers (``count_terms``
	straight from SQL) need nothing else."""
	for row in rows:
		finished = row["on_time"] + row["done_late"]
		row["on_time_rate"] = round(100 * row["on_time"] / finished, 1) if finished else None


def totals_row(rows: list[dict], label_column: str) -> dict:
	"""The counts added up as a totals row (reports/totals.py), with the on-time rate of the totals (not a
	sum of the units' rates)."""
	total = totals.totals_row(rows, label_column, COUNT_KEYS)
	add_on_time_rate([total])
	return total


def year_and_period(filters) -> tuple | None:
	"""The report's year and period as (first day, last day), or None when no year is chosen; a year or
	period that makes no sense is refused in Vietnamese."""
	if not filters.get("year"):
		if filters.get("period"):
			frappe.throw(_("Chọn năm của kỳ báo cáo."), title=_("Thiếu năm"))
		return None
	try:
		year = int(filters.year)
		if not task_rules.plausible_year(year):
			raise ValueError(year)
		return periods.report_period_bounds(year, filters.get("period") or None)
	except (TypeError, ValueError):
		frappe.throw(
			_("Năm hoặc kỳ báo cáo không hợp lệ: {0} {1}.").format(filters.get("period") or "", filters.year),
			title=_("Kỳ báo cáo không hợp lệ"),
		)


def in_period(Task, bounds: tuple | None):
	"""Tasks due in the period; a task without a deadline is a standing duty and counts in every period."""
	if bounds is None:
		return None
	first, last = bounds
	return Task.due_date.isnull() | ((Task.due_date >= first) & (Task.due_date <= last))
