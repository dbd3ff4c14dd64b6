"""The parse itself: structure, header, references and tasks put together, and news told apart."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import date

from danvan_app.domain.deadline_phrases import span_in_year_of
from danvan_app.domain.directive_text.confidence import confidence_of
from danvan_app.domain.directive_text.header import (
	_parse_header,
)
from danvan_app.domain.directive_text.items import collect_items
from danvan_app.domain.directive_text.loose_lines import tasks_from_loose_lines
from danvan_app.domain.directive_text.obligations import tasks_from_item
from danvan_app.domain.directive_text.references import (
	_issuer_before,
	_Mention,
	_mentions_with_context,
	_references,
)
from danvan_app.domain.directive_text.results import (
	DirectiveParse,
	DocumentInfo,
	Task,
	_vn_date,
)
from danvan_app.domain.directive_text.structure import (
	_DATELINE,
	_FIRST_DUTY,
	_INTRO_TO_TASKS,
	_MEETING_MARKERS,
	_NEWS_MARKERS,
	_WEB_FURNITURE,
	_lines,
	_looks_vietnamese,
	_prepare_text,
)
from danvan_app.domain.directive_text.tables import table_tasks
from danvan_app.domain.vn_text import (
	fold,
	fold_same_length,
)


def parse_directive_text(text: str) -> DirectiveParse:
	"""Parse a directive's text; raises DirectiveTextError for empty, binary or oversized input."""
	prepared = _prepare_text(text)
	folded_text = fold_same_length(prepared)
	lines = _lines(prepared, folded_text)
	mentions = _mentions_with_context(prepared, folded_text)
	if not _looks_vietnamese(prepared):
		references = _references(mentions, None, [])
		reason = (
			"Văn bản không phải tiếng Việt (không thấy chữ có dấu), không phân tích được như một chỉ thị."
		)
		return DirectiveParse(DocumentInfo(), references, [], False, reason)

	header = _parse_header(prepared, lines, folded_text)
	warnings: list[str] = []
	news, furniture = _news_signals(prepared, folded_text)
	lead_folded = "\n".join(line.folded for line in lines[:6])
	# A text that assigns numbered duties ("…, Bộ trưởng giao:" over "1. …") is no meeting summary, whatever
	# meeting its preamble cites ("… kết luận Hội nghị Trung ương lần thứ 13 …", issue 15).
	meeting = (
		bool(_MEETING_MARKERS.search(lead_folded)) and header.doc_type is None and not _assigns_duties(lines)
	)
	items, loose_lines = collect_items(lines, header.end_index)
	if header.doc_type is not None and items:
		is_directive = True  # a type heading and tasks: the directive itself, even when shown on a web page
	elif header.doc_type is not None:
		is_directive = not news and not meeting
	else:
		is_directive = len(items) >= 2 and not (news or furniture or meeting)

	if not is_directive:
		references = _references(mentions, None, warnings)
		title = next((line.text for line in lines if line.text), None)
		document = DocumentInfo(title=title if title and len(title) <= 200 else None, warnings=warnings)
		return DirectiveParse(document, references, [], False, _not_directive_reason(news, meeting, mentions))

	number = header.number
	if number is None:
		# Without a heading number, an act the body announces ("… đã ban hành Chỉ thị số …") of the heading's
		# type is this one; a merely cited document of the same type is not.
		number = next(
			(m.number for m in mentions if m.announced and m.number.doc_type == header.doc_type), None
		)
	own_mentions = [m for m in mentions if number is not None and m.number.normalized == number.normalized]
	issue_date = header.issue_date
	body_dates = [m.date for m in own_mentions if m.date and m.date.value != issue_date]
	if issue_date is None and body_dates:
		issue_date = body_dates[0].value
		body_dates = [d for d in body_dates if d.value != issue_date]
	if issue_date is not None and body_dates:
		other = body_dates[0].value
		warnings.append(
			f"Ngày ban hành không thống nhất: phần tiêu đề ghi ngày {_vn_date(issue_date)}, phần nội dung ghi "
			f"ngày {_vn_date(other)} cho cùng văn bản số {number}; giữ ngày {_vn_date(issue_date)} "
			"(phần tiêu đề)."
		)
	doc_type = header.doc_type or (number.doc_type if number else None)
	if number is not None and header.doc_type and number.doc_type != header.doc_type:
		warnings.append(
			f"Loại văn bản ở tiêu đề ({header.doc_type}) khác ký hiệu trong số hiệu {number} ({number.doc_type})."
		)
	issuer = header.issuer or _body_issuer(prepared, folded_text) or (number.issuer_name if number else None)
	if header.summary_prefix:
		warnings.append(
			f"Tiêu đề cho thấy đây là bản giới thiệu nội dung (“{header.summary_prefix}”), không phải toàn văn "
			f"{(doc_type or 'văn bản').lower()}; cần đối chiếu với bản gốc."
		)
	if number is None:
		warnings.append("Không tìm thấy số hiệu văn bản.")
	if issue_date is None:
		warnings.append("Không tìm thấy ngày ban hành.")
	if issuer is None:
		warnings.append("Không tìm thấy cơ quan ban hành.")
	if not items:
		warnings.append("Không tìm thấy phần nhiệm vụ được đánh số hoặc phần tổ chức thực hiện.")
	references = _references(mentions, number, warnings)
	tasks = [task for item in items for task in tasks_from_item(item)] + tasks_from_loose_lines(loose_lines)
	table = table_tasks(lines)
	if table:  # a table's rows written "1. …" are items too: the table's reading wins
		in_table = {fold(task.title)[:30] for task in table}
		tasks = [task for task in tasks if fold(task.title)[:30] not in in_table] + table
	if issue_date is not None:
		tasks = [_dated_in_year_of_issue(task, issue_date) for task in tasks]
	# A marker with no words after it ("2." over an empty line) is no task: a task always has a title.
	tasks = [task for task in tasks if any(char.isalnum() for char in task.title)]
	document = DocumentInfo(
		number and number.normalized, doc_type, issuer, issue_date, header.title, warnings
	)
	return DirectiveParse(document, references, tasks, True, None)


def _dated_in_year_of_issue(task: Task, issued: date) -> Task:
	"""A task timed by a span of days without a year ("từ ngày 15/11 đến ngày 15/12") is due in the year the
	text was issued; a span that is only the backdrop of a dated duty leaves it as it is."""
	if task.deadline.kind != "none" or task.deadline.relative is not None:
		return task
	deadline = span_in_year_of(task.clause, issued)
	if deadline is None:
		return task
	return replace(task, deadline=deadline, confidence=confidence_of(task.clause, task.presiding, deadline))


def _assigns_duties(lines: list) -> bool:
	"""Whether a line closing a preamble ("… giao:", "… chỉ đạo như sau:") is followed by a numbered duty."""
	texts = [line for line in lines if line.text]
	return any(
		_INTRO_TO_TASKS.search(line.folded) and _FIRST_DUTY.match(following.text)
		for line, following in itertools.pairwise(texts)
	)


_BODY_ISSUER = re.compile(r"(?:\s(?:(?:da|vua)\s+)?ban hanh\s|\syeu cau\s)")


def _body_issuer(text: str, folded_text: str) -> str | None:
	"""Issuer named in the body: "Ban Thường vụ Tỉnh ủy yêu cầu …" / "… đã ban hành Chỉ thị …"."""
	for match in _BODY_ISSUER.finditer(folded_text, 0, min(len(folded_text), 20_000)):
		start = max(
			text.rfind("\n", 0, match.start()), text.rfind(".", 0, match.start()), match.start() - 80, 0
		)
		issuer = _issuer_before(text, folded_text, start, match.start())
		if issuer:
			return issuer
	return None


def _news_signals(text: str, folded_text: str) -> tuple[bool, bool]:
	"""(reads like news, has web-page furniture), judged from the lead and the foot of the page."""
	edges = folded_text[:3000] + "\n" + folded_text[-3000:]
	news = any(pattern.search(edges) for pattern in _NEWS_MARKERS) or bool(_DATELINE.search(text[:2000]))
	furniture = any(pattern.search(edges) for pattern in _WEB_FURNITURE)
	return news, furniture


def _not_directive_reason(news: bool, meeting: bool, mentions: list[_Mention]) -> str:
	cited = ", ".join(dict.fromkeys(m.number.normalized for m in mentions))
	about = f" Văn bản được nhắc tới: {cited}." if cited else ""
	if news:
		return (
			"Đây là tin bài báo chí (có dòng ngày giờ đăng, tên báo hoặc cụm “vừa ban hành”), chỉ thuật lại nội "
			f"dung; không phải toàn văn chỉ thị nên không đề xuất nhiệm vụ.{about}"
		)
	if meeting:
		return f"Đây là bản tin/tóm tắt hội nghị, không phải văn bản chỉ thị; không đề xuất nhiệm vụ.{about}"
	return (
		"Không thấy tiêu đề loại văn bản (CHỈ THỊ, NGHỊ QUYẾT, KẾ HOẠCH…) cũng như phần nhiệm vụ được đánh số."
		f"{about}"
	)
