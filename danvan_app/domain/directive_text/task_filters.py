"""Which tasks of an item stand (issue 15): the kinds of time that make a duty of a rule or a role, a clause opening
with its body, and one report duty due on two days of the year made two tasks."""

from __future__ import annotations

import re
from dataclasses import replace

from danvan_app.domain.actor_phrases import extract_units
from danvan_app.domain.deadline_phrases import Deadline
from danvan_app.domain.directive_text.confidence import confidence_of, is_generic_body
from danvan_app.domain.directive_text.results import Task
from danvan_app.domain.vn_text import fold_same_length

# The times that give a point of a rule or of a standing role a duty of its own.
TIMED_KINDS = ("date", "before", "within_month", "quarter", "recurring")

_BULLET_LEAD = re.compile(r"^[-–—+•*·▪●◦]\s*")


def subject_first(task: Task) -> bool:
	"""The task's clause opens with the name of its presiding body, one that is no one in general."""
	if not task.presiding or is_generic_body(task.presiding[0]):
		return False
	opening = fold_same_length(_BULLET_LEAD.sub("", task.clause.lstrip())).lower()[:300]
	position = opening.find(fold_same_length(task.presiding[0]).lower())
	# at the start, after an office title ("Trưởng Ban Công tác Mặt trận thôn …") or after an opening phrase and
	# its comma ("Sau hội nghị hiệp thương lần thứ hai, …, Ban Thường trực UBMTTQ xã ban hành …")
	if position < 0:
		return False
	return (
		position == 0
		or (position <= 25 and _OFFICE_TITLE.match(opening) is not None)
		or opening[:position].endswith(", ")
	)


_OFFICE_TITLE = re.compile(r"^(?:truong|pho truong|chu tich|pho chu tich|giam doc|thu truong|bi thu)\s")


# "định kỳ 06 tháng (trước ngày 20 tháng 6 hằng năm) và 01 năm (trước ngày 15 tháng 11 hằng năm) báo cáo …": each
# day of the year is a report of its own, due once a year in its month.
_YEARLY_DAY = re.compile(
	r"\b(?:truoc|cham nhat|vao)\s+ngay\s+(\d{1,2})(?:\s+thang\s+|\s?/\s?)(\d{1,2})\s+(?:hang|moi)\s+nam\b"
)


def split_yearly_days(task: Task) -> list[Task]:
	"""The task once per day of the year it names with its own "hằng năm", when it names two or more months;
	otherwise the task itself."""
	folded = fold_same_length(task.clause).lower()
	days = [match for match in _YEARLY_DAY.finditer(folded) if 1 <= int(match.group(2)) <= 12]
	if len({int(match.group(2)) for match in days}) < 2:
		return [task]
	tasks = []
	for match in days:
		deadline = Deadline(
			kind="recurring",
			recurrence="yearly",
			month=int(match.group(2)),
			text=task.clause[match.start() : match.end()],
		)
		tasks.append(
			replace(task, deadline=deadline, confidence=confidence_of(task.clause, task.presiding, deadline))
		)
	return tasks


# "+ Kiên quyết cắt giảm … Năm 2026, cắt giảm 100% … . Giao Văn phòng Bộ tổng hợp chung …, báo cáo Lãnh đạo Bộ.":
# the closing "Giao …" gives another body a duty of its own; the point before it stays its heading's (issue 15).
_CLOSING_GIAO = re.compile(r"(?<=[.;])\s+(?=Giao\s+\S)")


def closing_assignment(text: str) -> tuple[str, str] | None:
	"""(the point before, the assignment) when a point of several sentences closes by assigning a named body;
	otherwise None."""
	cuts = list(_CLOSING_GIAO.finditer(text))
	if not cuts:
		return None
	head, tail = text[: cuts[-1].start()].strip(), text[cuts[-1].end() :].strip()
	if len(head.split()) < 8 or not extract_units(tail)[0]:
		return None
	return head, tail
