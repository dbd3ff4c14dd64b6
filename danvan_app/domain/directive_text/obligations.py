"""From an item of the text to the obligations it states: one task per duty with its own time.

A numbered clause often gives one body several duties, separated by ";" or by new sentences, each with its own
time ("…tham mưu tổ chức hội nghị sơ kết; hướng dẫn báo cáo định kỳ 6 tháng; tham mưu tổng kết vào quý
IV/2025"). Each timed duty becomes its own task, with the clause's bodies unless it names its own; duties
without a time of their own stay with their neighbours. A sentence that opens with its time and then names its
actor ("Định kỳ 6 tháng, các sở, ngành báo cáo …") is a duty of that actor wherever it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from danvan_app.domain.actor_phrases import extract_units
from danvan_app.domain.deadline_phrases import Deadline, is_per_case_limit, parse_deadline
from danvan_app.domain.directive_text.confidence import confidence_of
from danvan_app.domain.directive_text.results import Task
from danvan_app.domain.directive_text.structure import _Item, _task_title
from danvan_app.domain.vn_text import fold_same_length

_SEGMENT_END = re.compile(r"(?<=;)\s+|(?<=[.!?…])\s+(?=[“\"(]?[A-ZĐÀ-Ỹ])")
# A sentence that opens with its time and a comma: "Định kỳ 6 tháng, …", "Hằng năm, …", "Trước ngày 15/12, …".
_TIME_OPENER = re.compile(
	r"^(?:dinh ky|hang|moi|truoc ngay|truoc thang|cham nhat|trong (?:quy|thang|nam)|vao (?:quy|thang|dip)"
	r"|tu nam|nam \d{4}|quy [ivx\d]+)[^,;]{0,60},"
)
# A standing rule: "Lấy ngày 15/10 hằng năm là …", "Chọn tháng Chín hằng năm là tháng cao điểm …".
STANDING_RULE = re.compile(r"^(?:lay|chon)\s+(?:ngay|thang|tuan|dip)\b[^.;]{0,60}\b(?:hang|moi)\s+nam\b")
# Boilerplate of a decision's last article, not a duty to follow up.
_BOILERPLATE = re.compile(
	r"\b(?:chiu trach nhiem thi hanh|co hieu luc (?:thi hanh )?(?:ke )?tu|thay the (?:quyet dinh|quy che))"
)
_HEADING_MAX_WORDS = 20


@dataclass
class _Segment:
	text: str
	folded: str
	deadline: Deadline
	presiding: list[str]
	coordinating: list[str]

	@property
	def timed(self) -> bool:
		return self.deadline.kind != "none" or self.deadline.relative is not None

	@property
	def opens_with_time(self) -> bool:
		return bool(_TIME_OPENER.match(self.folded) or STANDING_RULE.match(self.folded))


def is_heading(paragraph: str) -> bool:
	"""A section title ("Tăng cường sự lãnh đạo của các cấp ủy"): short and without a sentence's end."""
	return len(paragraph.split()) <= _HEADING_MAX_WORDS and not re.search(r"[.;:…!?]$", paragraph.strip())


def _segments(paragraphs: list[str]) -> list[_Segment]:
	segments = []
	for paragraph in paragraphs:
		for piece in _SEGMENT_END.split(paragraph):
			piece = piece.strip()
			if not piece:
				continue
			folded = fold_same_length(piece).lower()
			presiding, coordinating = extract_units(piece)
			segments.append(_Segment(piece, folded, parse_deadline(piece, folded), presiding, coordinating))
	return segments


def tasks_from_item(item: _Item, default_actor: tuple[list[str], list[str]] | None = None) -> list[Task]:
	"""The tasks one item states: one, or one per timed duty when it states several."""
	paragraphs = list(item.paragraphs)
	clause = item.text
	folded_clause = fold_same_length(clause).lower()
	if _BOILERPLATE.search(folded_clause):
		return []
	heading = len(paragraphs) > 1 and is_heading(paragraphs[0])
	segments = _segments(paragraphs[1:] if heading else paragraphs)
	if not segments:
		return []
	groups = _groups(segments)
	whole_presiding, whole_coordinating = extract_units(clause)
	if not whole_presiding and default_actor:
		whole_presiding, whole_coordinating = default_actor
	if len(groups) == 1 and not heading:
		return [_task(clause, whole_presiding, whole_coordinating, parse_deadline(clause, folded_clause))]
	if heading and not any(segment.presiding or segment.timed for segment in segments):
		# A title over narrative: nobody is given anything. Proposed once, low, for a person to judge.
		deadline = parse_deadline(clause, folded_clause)
		return [_task(clause, whole_presiding, whole_coordinating, deadline, heading_only=True)]
	tasks = []
	lead_presiding, lead_coordinating = groups[0][0].presiding, groups[0][0].coordinating
	if not lead_presiding and default_actor:
		lead_presiding, lead_coordinating = default_actor
	for group in groups:
		if heading and not any(segment.presiding or segment.timed for segment in group):
			continue  # narrative under a title
		text = " ".join(segment.text for segment in group)
		own = next((segment for segment in group if segment.presiding), None)
		presiding, coordinating = (
			(own.presiding, own.coordinating) if own else (lead_presiding, lead_coordinating)
		)
		deadline = next((segment.deadline for segment in group if segment.timed), Deadline())
		tasks.append(_task(text, presiding, coordinating, deadline))
	return [task for task in tasks if not is_per_case_limit(task.clause)]


def _groups(segments: list[_Segment]) -> list[list[_Segment]]:
	"""Cut the segments into duties: each timed segment is one; untimed ones stay with their neighbours.

	Cut only when the item states two timed duties, or a duty opening with its own time and actor ("Hằng năm,
	Ủy ban nhân dân tỉnh tổ chức …"): otherwise the item is one task, as before.
	"""
	timed = [segment for segment in segments if segment.timed]
	opener = any(
		segment.opens_with_time and (segment.presiding or STANDING_RULE.match(segment.folded))
		for segment in segments[1:]
	)
	distinct_times = {
		(s.deadline.kind, s.deadline.due, s.deadline.recurrence, s.deadline.month) for s in timed
	}
	if not opener and (len(timed) < 2 or len(distinct_times) < 2):
		return [segments]
	groups: list[list[_Segment]] = []
	pending: list[_Segment] = []
	for segment in segments:
		if not segment.timed:
			pending.append(segment)
			continue
		if pending and groups:
			groups[-1].extend(pending)  # an untimed duty stays with the timed one before it
			groups.append([segment])
		elif pending and _states_a_duty(pending):
			groups.extend([pending, [segment]])  # the lead's own untimed duty
		elif pending:
			groups.append([*pending, segment])  # "Ban Dân vận Tỉnh ủy chủ trì:" then its first duty
		else:
			groups.append([segment])
		pending = []
	if pending:
		if groups:
			groups[-1].extend(pending)
		else:
			groups.append(pending)
	return groups


def _states_a_duty(segments: list[_Segment]) -> bool:
	"""Untimed segments that say what to do, not only who acts ("Sở Nội vụ chủ trì, phối hợp với …:")."""
	text = " ".join(segment.text for segment in segments).strip()
	return len(text.split()) >= 8 and not text.endswith(":")


def _task(
	clause: str,
	presiding: list[str],
	coordinating: list[str],
	deadline: Deadline,
	heading_only: bool = False,
) -> Task:
	title = _task_title(clause)
	title = title[:1].upper() + title[1:]
	confidence = "low" if heading_only else confidence_of(clause, presiding, deadline)
	return Task(title, clause, list(presiding), list(coordinating), deadline, confidence)
