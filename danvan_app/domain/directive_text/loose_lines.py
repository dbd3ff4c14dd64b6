"""Duties written outside the numbered parts of a text (issue 15): a sentence that opens with its time and names
its actor, a standing rule, a request to a body, a dated deliverable, a passive product of named bodies."""

from __future__ import annotations

import re

from danvan_app.domain.actor_phrases import extract_units, narrates, passive_owners
from danvan_app.domain.deadline_phrases import is_per_case_limit
from danvan_app.domain.directive_text.confidence import confidence_of
from danvan_app.domain.directive_text.obligations import (
	_BOILERPLATE,
	_ITEM_LEAD,
	_RULE_OPENING,
	STANDING_RULE,
	_segments,
	_task,
	is_rule,
)
from danvan_app.domain.directive_text.results import Task
from danvan_app.domain.vn_text import fold_same_length

_REQUEST = re.compile(r"^de nghi\s")
_LOOSE_HINT = re.compile(r"hang|dinh ky|moi|de nghi|truoc")
# "… gửi toàn bộ biên bản về Ban Thường trực … chậm nhất …" sends as "gửi về" does (issue 15).
_LOOSE_DELIVERABLE = re.compile(
	r"\b(?:bao cao|tong ket|so ket|gui ve|gui [^.;:]{1,60} ve|ban hanh|xay dung ke hoach|trinh)\b"
)


def tasks_from_loose_lines(lines: list[tuple[str, bool]]) -> list[Task]:
	"""Duties written outside the numbered parts: a sentence that opens with its time and names its actor
	("Hằng năm, Ủy ban nhân dân tỉnh tổ chức …"), a standing rule ("Chọn tháng Chín hằng năm là tháng cao
	điểm …"), a request to a body ("Đề nghị Ủy ban MTTQ Việt Nam tỉnh …"); and, past the preamble (``after``),
	a deliverable with a date ("Tổng kết vào tháng 4 năm 2026", "… gửi về Sở Nội vụ trước ngày 31/3/2026") or a
	named body's deliverable ("Sở Nội vụ phối hợp … báo cáo Ủy ban bầu cử tỉnh …")."""
	tasks = []
	for line, after in lines:
		folded_line = fold_same_length(line).lower()
		if _RULE_OPENING.match(folded_line) or _BOILERPLATE.search(folded_line) or is_rule(folded_line):
			continue
		if not (after or _LOOSE_HINT.search(folded_line)):
			continue
		for segment in _segments([_ITEM_LEAD.sub("", line)]):
			if _RULE_OPENING.match(segment.folded) or narrates(segment.text):
				continue
			standing = bool(STANDING_RULE.match(segment.folded))
			request = bool(_REQUEST.match(segment.folded)) and bool(segment.presiding)
			timed_duty = segment.opens_with_time and segment.timed and bool(segment.presiding)
			deliverable = after and bool(_LOOSE_DELIVERABLE.search(segment.folded))
			dated = deliverable and segment.deadline.due is not None
			named = deliverable and confidence_of(segment.text, segment.presiding, segment.deadline) == "high"
			# "Bản tin của các tỉnh ủy … được biên soạn …, phát hành … đúng ngày mồng 3 hằng tháng": a recurring product
			# of the bodies it belongs to, their duty (issue 15).
			# The owner is named once for the sentence's later parts too ("…; phát hành kịp thời, bảo đảm …").
			owners = (
				passive_owners(_ITEM_LEAD.sub("", line))
				if after and segment.timed and not segment.presiding
				else []
			)
			if standing or request or timed_duty or dated or named or owners:
				presiding, coordinating = segment.presiding or owners, segment.coordinating
				colon = segment.text.find(":", 0, 60)
				if not presiding and colon > 0:
					# "Biên bản hội nghị (Bước 2): Các cơ quan, đơn vị … gửi …": the body after a label's colon
					presiding, coordinating = extract_units(segment.text[colon + 1 :].strip())
				tasks.append(_task(segment.text, presiding, coordinating, segment.deadline))
	return [task for task in tasks if not is_per_case_limit(task.clause)]
