"""The wording of the "Báo cáo kết quả thực hiện": sections, table, recipients, in Vietnamese."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from danvan_app.domain import tasks as task_rules
from danvan_app.domain.report_draft.data import (
	Body,
	DirectiveInfo,
	ImplementingDoc,
	ProgressNote,
	TaskLine,
	UnitFigures,
	add_up,
)
from danvan_app.domain.report_draft.document import Block, Document, Header, Section
from danvan_app.domain.report_draft.layout import (
	NO_DEADLINE_COLUMN,
	NOTE_CHARS,
	NOTES_PER_UNIT,
	TABLE_COLUMNS,
	date_line,
	official_header,
	signature_of,
	vn_date,
)
from danvan_app.domain.report_draft.period import Period
from danvan_app.domain.report_draft.standing import (
	DONE_LATE,
	OPEN_NO_DEADLINE,
	OPEN_STANDINGS,
	OVERDUE,
	WITHIN,
	standing_as_of,
)


def directive_reference(directive: DirectiveInfo) -> str:
	"""'Chỉ thị số 16-CT/TU, ngày 02/8/2021 của Tỉnh ủy …': how a report names the directive it reports on."""
	parts = [directive.doc_type or "Văn bản"]
	if directive.number:
		parts.append(f"số {directive.number}")
	text = " ".join(parts)
	if directive.issue_date:
		text += f", ngày {vn_date(directive.issue_date)}"
	if directive.issuer:
		text += f" của {directive.issuer}"
	return text


def directive_about(title: str | None) -> str:
	"""The directive's subject as it follows its reference: "về …" (a title in quotes when it does not
	begin with "Về", so a proper name keeps its capital)."""
	title = " ".join((title or "").split())
	if not title:
		return ""
	if title.casefold().startswith("về "):
		return "v" + title[1:]
	return f"“{title}”"


def percent(part: int, whole: int) -> str:
	"""66,7%: one decimal, Vietnamese decimal comma; nothing of nothing is 0%."""
	if not whole:
		return "0%"
	value = round(100 * part / whole, 1)
	text = f"{value:.1f}".rstrip("0").rstrip(".")
	return text.replace(".", ",") + "%"


def _joined(parts: list[tuple[int, str]]) -> str:
	return ", ".join(f"{count} {label}" for count, label in parts if count)


def figures_sentence(f: UnitFigures) -> str:
	"""'đã hoàn thành 3 (2 đúng hạn, 1 trễ hạn); đang thực hiện 2 (1 trong hạn, 1 quá hạn)': the parts
	that are not nought."""
	done = _joined([(f.on_time, "đúng hạn"), (f.done_late, "trễ hạn"), (f.done_no_deadline, "không có hạn")])
	still = _joined(
		[(f.within_deadline, "trong hạn"), (f.overdue, "quá hạn"), (f.open_no_deadline, "không có hạn")]
	)
	parts = [f"đã hoàn thành {f.done} ({done})" if f.done else "chưa hoàn thành nhiệm vụ nào"]
	if f.open:
		parts.append(f"đang thực hiện {f.open} ({still})")
	return "; ".join(parts)


def _note_text(note: ProgressNote) -> str:
	narrative = " ".join(note.narrative.split())
	if len(narrative) > NOTE_CHARS:
		narrative = narrative[: NOTE_CHARS - 1].rstrip() + "…"
	narrative = narrative.rstrip(".;,")
	return f"{narrative} (nhiệm vụ “{note.task_title}”, báo cáo ngày {vn_date(note.day)})"


def _notes_by_unit(notes: list[ProgressNote]) -> dict[str, list[ProgressNote]]:
	"""Each unit's latest notes, newest first, at most NOTES_PER_UNIT."""
	grouped: dict[str, list[ProgressNote]] = {}
	for note in sorted(notes, key=lambda n: n.day, reverse=True):
		if not (note.narrative or "").strip():
			continue
		kept = grouped.setdefault(note.unit_name, [])
		if len(kept) < NOTES_PER_UNIT:
			kept.append(note)
	return grouped


def _table(rows: list[UnitFigures], totals: UnitFigures) -> Block:
	with_no_deadline = totals.no_deadline > 0
	columns = TABLE_COLUMNS + ([NO_DEADLINE_COLUMN] if with_no_deadline else [])

	def cells(row: UnitFigures) -> list[str]:
		values = [row.total, row.on_time, row.done_late, row.within_deadline, row.overdue]
		if with_no_deadline:
			values.append(row.no_deadline)
		return [str(v) for v in values]

	body = [[str(i), row.unit_name, *cells(row)] for i, row in enumerate(rows, 1)]
	body.append(["", totals.unit_name, *cells(totals)])
	return Block("table", columns=columns, rows=body)


def done_since(line: TaskLine, as_of: date) -> bool:
	"""Open on the figures' day, done since (a report written after its period's end)."""
	return line.status == task_rules.STATUS_DONE and bool(line.completed_on) and line.completed_on > as_of


def task_item(line: TaskLine, standing: str, as_of: date) -> str:
	where = line.unit_name
	if done_since(line, as_of):
		where += f"; hạn {vn_date(line.due)}" if line.due else ""
		return f"{line.title} ({where}; hoàn thành ngày {vn_date(line.completed_on)}, sau kỳ báo cáo)."
	if standing == OVERDUE:
		late = (as_of - line.due).days
		return f"{line.title} ({where}; hạn {vn_date(line.due)}; quá hạn {late} ngày)."
	if standing == DONE_LATE:
		finished = line.completed_on or as_of
		late = (finished - line.due).days
		return (
			f"{line.title} ({where}; hạn {vn_date(line.due)}; hoàn thành ngày {vn_date(finished)},"
			f" trễ {late} ngày)."
		)
	if standing == WITHIN:
		return f"{line.title} ({where}; hạn {vn_date(line.due)})."
	return f"{line.title} ({where}; chưa có thời hạn)."


def _file_stem(directive: DirectiveInfo, period: Period) -> str:
	number = re.sub(r"[^0-9A-Za-z]+", "-", _ascii(directive.number or "van-ban")).strip("-")
	key = re.sub(r"[^0-9A-Za-z]+", "-", _ascii(period.key)).strip("-")
	return f"Bao-cao-ket-qua-{number}-{key}-{period.year}"


def _ascii(text: str) -> str:
	import unicodedata

	text = text.replace("Đ", "D").replace("đ", "d")
	return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def result_report(
	*,
	directive: DirectiveInfo,
	body: Body,
	period: Period,
	as_of: date,
	today: date,
	figures: list[UnitFigures],
	tasks: list[TaskLine],
	notes: list[ProgressNote] = (),
	implementing: list[ImplementingDoc] = (),
	recipients_above: list[str] = (),
) -> Document:
	"""The draft report. ``figures`` are the counts per presiding unit (every reported task once);
	``tasks`` the tasks to name in sections III and IV (those not done on time; the caller may cut the list,
	the figures say how many were left out); ``notes`` the progress notes of the period."""
	rows = sorted(figures, key=lambda row: (-row.total, row.unit_name))
	totals = add_up(rows)
	reference = directive_reference(directive)
	about = directive_about(directive.title)
	standings = [
		(line, standing_as_of(status=line.status, due=line.due, completed_on=line.completed_on, as_of=as_of))
		for line in tasks
	]

	# I. Tình hình triển khai
	deployment = Section("I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN")
	deployment.blocks.append(
		Block(
			"paragraph",
			f"Thực hiện {reference}{(' ' + about) if about else ''}, {body.name} báo cáo kết quả thực hiện"
			f" {period.phrase} (từ ngày {vn_date(period.start)} đến ngày {vn_date(period.end)}; số liệu"
			f" tính đến ngày {vn_date(as_of)}) như sau:",
		)
	)
	if implementing:
		deployment.blocks.append(
			Block("paragraph", f"Các cơ quan, đơn vị đã ban hành {len(implementing)} văn bản triển khai:")
		)
		for doc in implementing:
			deployment.blocks.append(
				Block(
					"item",
					directive_reference(
						DirectiveInfo(doc.number, doc.doc_type, None, doc.issue_date, doc.issuer)
					)
					+ ";",
				)
			)
	else:
		deployment.blocks.append(
			Block("note", "[Nêu các văn bản, hình thức quán triệt, triển khai thực hiện của đơn vị.]")
		)
	deployment.blocks.append(
		Block(
			"paragraph",
			f"Trong kỳ, có {totals.total} nhiệm vụ được theo dõi, giao cho {len(rows)} đơn vị chủ trì thực hiện.",
		)
	)

	# II. Kết quả thực hiện
	results = Section("II. KẾT QUẢ THỰC HIỆN")
	results.blocks.append(Block("heading", "1. Kết quả chung"))
	results.blocks.append(
		Block(
			"paragraph",
			f"Tổng số {totals.total} nhiệm vụ: đã hoàn thành {totals.done} nhiệm vụ"
			f" (đạt {percent(totals.done, totals.total)}), trong đó đúng hạn {totals.on_time}, trễ hạn"
			f" {totals.done_late}"
			+ (f", không có hạn {totals.done_no_deadline}" if totals.done_no_deadline else "")
			+ f"; đang thực hiện {totals.open} nhiệm vụ, trong đó trong hạn {totals.within_deadline},"
			f" quá hạn {totals.overdue}"
			+ (f", chưa có thời hạn {totals.open_no_deadline}" if totals.open_no_deadline else "")
			+ ".",
		)
	)
	with_deadline_done = totals.on_time + totals.done_late
	if with_deadline_done:
		results.blocks.append(
			Block(
				"paragraph",
				f"Tỷ lệ hoàn thành đúng hạn trên số nhiệm vụ có thời hạn đã hoàn thành:"
				f" {percent(totals.on_time, with_deadline_done)}.",
			)
		)
	results.blocks.append(_table(rows, totals))
	results.blocks.append(Block("heading", "2. Kết quả của từng đơn vị"))
	notes_of = _notes_by_unit(list(notes))
	presiding = {row.unit_name for row in rows}
	for row in rows:
		text = f"{row.unit_name}: chủ trì {row.total} nhiệm vụ; {figures_sentence(row)}."
		unit_notes = notes_of.get(row.unit_name)
		if unit_notes:
			text += " Kết quả nổi bật: " + "; ".join(_note_text(n) for n in unit_notes) + "."
		results.blocks.append(Block("item", text))
	for unit_name in sorted(set(notes_of) - presiding):
		text = (
			f"{unit_name} (đơn vị phối hợp): " + "; ".join(_note_text(n) for n in notes_of[unit_name]) + "."
		)
		results.blocks.append(Block("item", text))
	if not rows:
		results.blocks.append(Block("note", "[Trong kỳ không có nhiệm vụ nào thuộc phạm vi báo cáo.]"))

	# III. Tồn tại, hạn chế
	shortfalls = Section("III. TỒN TẠI, HẠN CHẾ")
	overdue = [(line, s) for line, s in standings if s == OVERDUE]
	late = [(line, s) for line, s in standings if s == DONE_LATE]
	if totals.overdue or totals.done_late:
		shortfalls.blocks.append(
			Block(
				"paragraph",
				f"Còn {totals.overdue} nhiệm vụ quá hạn chưa hoàn thành và {totals.done_late} nhiệm vụ hoàn"
				" thành trễ hạn:",
			)
		)
		for line, standing in sorted(overdue, key=lambda p: (p[0].due, p[0].title)) + sorted(
			late, key=lambda p: (p[0].due, p[0].title)
		):
			shortfalls.blocks.append(Block("item", task_item(line, standing, as_of)))
		left_out = (totals.overdue - len(overdue)) + (totals.done_late - len(late))
		if left_out > 0:
			shortfalls.blocks.append(
				Block("paragraph", f"Và {left_out} nhiệm vụ khác (xem báo cáo tổng hợp theo đơn vị).")
			)
		shortfalls.blocks.append(Block("note", "[Nêu nguyên nhân của những tồn tại, hạn chế.]"))
	else:
		shortfalls.blocks.append(
			Block("paragraph", "Trong kỳ không có nhiệm vụ quá hạn hoặc hoàn thành trễ hạn.")
		)
		shortfalls.blocks.append(Block("note", "[Nêu những tồn tại, hạn chế khác (nếu có).]"))

	# IV. Nhiệm vụ thời gian tới
	ahead = Section("IV. NHIỆM VỤ THỜI GIAN TỚI")
	open_lines = [(line, s) for line, s in standings if s in OPEN_STANDINGS]
	if totals.open:
		ahead.blocks.append(Block("paragraph", f"Tiếp tục thực hiện {totals.open} nhiệm vụ chưa hoàn thành:"))
		order = {OVERDUE: 0, WITHIN: 1, OPEN_NO_DEADLINE: 2}
		for line, standing in sorted(
			open_lines, key=lambda p: (order[p[1]], p[0].due or date.max, p[0].title)
		):
			text = task_item(line, standing, as_of)
			if standing == OVERDUE and not done_since(line, as_of):
				text = text[:-1] + ", cần tập trung hoàn thành ngay."
			ahead.blocks.append(Block("item", text))
		left_out = totals.open - len(open_lines)
		if left_out > 0:
			ahead.blocks.append(
				Block("paragraph", f"Và {left_out} nhiệm vụ khác (xem báo cáo tổng hợp theo đơn vị).")
			)
	else:
		ahead.blocks.append(Block("paragraph", "Các nhiệm vụ trong kỳ đã hoàn thành."))
	ahead.blocks.append(Block("note", "[Nêu giải pháp, đề xuất, kiến nghị (nếu có).]"))

	recipients = recipient_lines(
		body.is_party, [(name, "để báo cáo") for name in _distinct([body.superior, *recipients_above])]
	)

	return Document(
		# The day is the signing day, written by the office; the year is the one the draft is made in.
		header=dataclasses.replace(
			official_header(body, code="BC"), place_date=date_line(None, year=today.year)
		),
		kind="BÁO CÁO",
		subject=[f"Kết quả thực hiện {reference}" + (f" {about}" if about else ""), period.heading],
		sections=[deployment, results, shortfalls, ahead],
		recipients=recipients,
		signature=signature_of(body),
		totals=totals,
		file_stem=_file_stem(directive, period),
	)


def recipient_lines(party: bool, addressees: list[tuple[str, str]]) -> list[str]:
	"""The lines under "Nơi nhận:": each addressee with its purpose, then the file copy; a Party document
	ends its lines with commas and "Lưu Văn phòng.", a State one with semicolons and "Lưu: VT."."""
	end = "," if party else ";"
	lines = [f"- {name} ({purpose}){end}" for name, purpose in addressees]
	lines.append("- Lưu Văn phòng." if party else "- Lưu: VT.")
	return lines


def unnumbered(header: Header) -> Header:
	"""A header for a list or a sheet, which has no number of its own."""
	return dataclasses.replace(header, number="")


def _distinct(names) -> list[str]:
	seen, result = set(), []
	for name in names:
		if name and name.casefold() not in seen:
			seen.add(name.casefold())
			result.append(name)
	return result


def choose_reporting_unit(
	issuing_unit: str | None, user_units: list[str], top_units: list[str], unrestricted: bool
) -> str | None:
	"""Whose report it is: the directive's issuer when the user acts for it (or for every unit); else the
	user's own highest unit (the first of ``top_units``, the units of their scope with no parent in it).
	None when neither is known (the header then leaves the body for the officer to write)."""
	if issuing_unit and (unrestricted or issuing_unit in user_units):
		return issuing_unit
	return top_units[0] if top_units else None
