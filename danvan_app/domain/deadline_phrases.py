"""Deadlines as Vietnamese directives write them ("trước 31/10/2023", "trong quý II/2024", "hằng năm").

Part of the directive importer (``directive_text``); pure standard library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from danvan_app.domain.deadline_periods import (
	months_as_digits,
	period_candidates,
	relative_phrase,
	span_candidate,
)
from danvan_app.domain.periods import month_end, parse_quarter, quarter_end, quarter_start
from danvan_app.domain.vn_text import (
	find_vn_dates,
	fold_same_length,
)

DEADLINE_KINDS = ("date", "before", "within_month", "quarter", "from_year", "recurring", "none")
RECURRENCES = ("weekly", "monthly", "quarterly", "half_yearly", "yearly")


def iso_or_none(value: date | None) -> str | None:
	return value.isoformat() if value else None


@dataclass(frozen=True)
class Deadline:
	kind: str = "none"
	due: date | None = None
	start: date | None = None
	recurrence: str | None = None
	month: int | None = None
	text: str | None = None  # the phrase as written, so a person can check what we read
	end: date | None = None  # last day of a stated period ("giai đoạn 2021–2025", "6 tháng đầu năm 2025")
	relative: str | None = None  # a limit timed against an event ("chậm nhất 30 ngày trước ngày khai mạc …")

	def to_json_dict(self) -> dict[str, object]:
		return {
			"kind": self.kind,
			"due": iso_or_none(self.due),
			"start": iso_or_none(self.start),
			"recurrence": self.recurrence,
			"month": self.month,
			"text": self.text,
			"end": iso_or_none(self.end),
			"relative": self.relative,
		}


# --- deadlines -----------------------------------------------------------------------------------------

_MONTH_YEAR = r"(\d{1,2})\s?(?:/|-|\s+nam\s+)\s?(\d{4})(?!\d)"
_QUARTER = r"quy\s+(iv|i{1,3}|[1-4])\s?(?:/|-|\s+nam\s+)\s?(\d{4})(?!\d)"
_WITHIN_MONTH = re.compile(
	rf"\b(?:(?:hoan thanh|xong)\s+(?:trong\s+|vao\s+)?|trong\s+|vao\s+|den het\s+)thang\s+{_MONTH_YEAR}"
)
_BEFORE_MONTH = re.compile(rf"\btruoc\s+thang\s+{_MONTH_YEAR}")
_IN_QUARTER = re.compile(rf"\b(?:(?:trong|vao|het|cuoi|xong trong|hoan thanh trong)\s+)?{_QUARTER}")
_BEFORE_QUARTER = re.compile(rf"\btruoc\s+{_QUARTER}")
_REGULAR_MEETING = re.compile(
	r"\btai\s+(?:cac\s+)?(?:phien|ky)\s+hop\s+thuong\s+ky\s+(?:cua\s+[^,.;\n]{1,40}?\s+)?thang\s+(\d{1,2})"
	r"(?:\s?(?:/|-|\s+nam\s+)\s?(\d{4}))?(?!\d)(?!\s+(?:hang|moi)\s+nam)"
)
# A sentence opened by its year, then a comma: "… khả thi. Năm 2026, cắt giảm 100% điều kiện …" is done in 2026
# (issue 15); "Năm 2025 là năm …" (no comma) is narrative.
_OPENING_YEAR = re.compile(r"(?:^|(?<=[.;:]\s))nam\s+(?P<year>20\d\d)\s*,")
# An opening basis up to its comma: "Căn cứ vào nhu cầu bồi dưỡng hằng năm trên địa bàn …, ".
_BASIS = re.compile(r"^\W*can cu\b[^,;.]*,")
# Cue words that turn a written date into a deadline ("trước ngày 30/6/2024", "hoàn thành xong ngày …").
_DATE_CUE = re.compile(
	r"(?:\btruoc|\bcham nhat(?:\s+(?:la|vao))?|\bhan chot(?:\s+la)?|\bhoan thanh(?:\s+xong)?"
	r"(?:\s+(?:truoc|trong|vao))?|\bxong(?:\s+(?:truoc|trong|vao))?|\bden het|\bden|\btrong(?:\s+ngay)?)\s*"
	# an hour before the day: "đến 17 giờ 00, ngày 01/02/2026", "trước 05 giờ 00 ngày 14/3/2026"
	r"(?:\d{1,2}\s*(?:gio|h)(?:\s*\d{1,2})?(?:\s*phut)?\s*,?\s*)?(?:ngay\s*)?$"
	# the event's own date: "đến ngày bầu cử 15/3/2026", "trước ngày khai mạc 20/4/2026"
	r"|(?:\bden|\btruoc)\s+ngay\s+(?:bau cu|khai mac|be mac|ket thuc|hoi nghi|dai hoi|ky niem)\s*(?:ngay\s*)?$"
)
# A step of a schedule labelled by the day it starts: "- Từ ngày 04/02/2026: Ban Thường trực … họp với …" — the
# step is that day's (issue 15); a span "Từ ngày 05/02/2026 - 08/02/2026:" is read as a span.
_FROM_DAY_LABEL = re.compile(r"^\s*(?:[-+•]\s*)?tu\s+(?:ngay\s*)?$")
# "từ ngày 01/12/2025 đến ngày 14/12/2025": a span is due its last day.
_QUARTER_ANY = re.compile(rf"\b{_QUARTER}")
_MONTH_ANY = re.compile(rf"\bthang\s+{_MONTH_YEAR}")
_DATE_CUE_WORDS = ("truoc", "cham nhat", "han chot", "hoan thanh", "xong", "den", "trong", "tu ngay")
# "trước ngày 01/6 và 15/11 hằng năm": every day listed before "hằng năm" is yearly; the first one is the month.
_DAY_MONTH_NO_YEAR = re.compile(
	r"\btruoc\s+ngay\s+(\d{1,2})\s?/\s?(\d{1,2})(?![\d/])"
	r"(?P<yearly>(?:\s*(?:,|va)\s+(?:ngay\s+)?\d{1,2}\s?/\s?\d{1,2}(?![\d/]))*\s+(?:hang|moi)\s+nam)?"
)
_MONTH_YEARLY = re.compile(r"\bthang\s+(\d{1,2})\s+(?:hang|moi)\s+nam\b")
# "vào dịp 15/10 hằng năm", "ngày 15/10 hằng năm": a day of the year, every year.
_DAY_MONTH_YEARLY = re.compile(r"\b(?:ngay\s+)?(\d{1,2})\s?/\s?(\d{1,2})(?![\d/])\s+(?:hang|moi)\s+nam\b")
# One pass for every recurrence word: "định kỳ 6 tháng", "6 tháng một lần", "hằng nửa năm", "hằng quý/tháng/năm".
_RECURRING = re.compile(
	r"\b(?:(?P<half>(?:dinh ky\s+)?(?:0?6|sau)\s+thang\s+(?:mot|1)\s+lan|dinh ky\s+(?:0?6|sau)(?:\s*\(sau\))?\s+thang"
	r"|(?:dinh ky\s+)?hang\s+nua\s+nam)|(?:dinh ky\s+)?(?:hang|moi)\s+(?P<unit>quy|thang|nam|tuan))\b"
)
_RECURRENCE_BY_UNIT = {"quy": "quarterly", "thang": "monthly", "nam": "yearly", "tuan": "weekly"}
_DIGIT = re.compile(r"\d")
# "Hằng năm … vào dịp kỷ niệm ngày truyền thống … (15/10/1930 - …)": the occasion's date gives the month of a
# yearly duty (issue 15, class 3); the year written with it is the anniversary's origin, not a deadline.
_OCCASION_DATE = re.compile(r"\bdip\b[^.;]{0,120}?\b(\d{1,2})\s?/\s?(\d{1,2})(?!\d)")
_FROM_YEAR = re.compile(
	r"\btu\s+(?:dau\s+)?nam\s+(\d{4})(?!\d)"
	# an open start (issue 15): "năm 2025 và các năm tiếp theo", "năm 2026 và những năm sau", "năm 2026 trở đi"
	r"|\bnam\s+(\d{4})(?:\s+(?:va|cung)\s+(?:cac|nhung)\s+nam\s+(?:tiep theo|sau|ke tiep)|\s+tro\s+di)\b"
)
_YEAR_START_NO_YEAR = re.compile(r"\b(?:ngay\s+)?tu\s+dau\s+nam\b(?!\s+\d)")


@dataclass(frozen=True)
class _DeadlineCandidate:
	position: int
	end: int
	deadline: Deadline


def parse_deadline(clause: str, folded: str | None = None) -> Deadline:
	"""The deadline a clause sets, read from its Vietnamese time phrases; kind "none" when it sets none.

	Precedence: a concrete due date (exact date, "trước …", month, quarter, half-year, year, regular meeting) —
	the first one written — over a recurrence ("hằng năm", "tháng 12 hằng năm", …) over "từ năm 2025" over a
	span ("giai đoạn 2021–2025"). A recurrence that also says "từ năm N" keeps N as its start. Months may be
	written in words ("tháng Mười", "tháng Chạp"). A limit timed against an event ("chậm nhất 30 ngày trước ngày
	khai mạc kỳ họp") is kept in ``relative``, never turned into a date. ``folded``
	(``fold_same_length(clause)``) may be passed when known.
	"""
	folded = fold_same_length(clause) if folded is None else folded
	folded = months_as_digits(clause, folded)
	deadline = _deadline(clause, folded)
	relative = relative_phrase(clause, folded) if _DIGIT.search(clause) else None
	if relative is None:
		return deadline
	if deadline.kind == "none" and deadline.text is None:
		return Deadline("none", text=relative[0], relative=relative[0])
	return replace(deadline, relative=relative[0])


# "(từ ngày 15/11 đến ngày 15/12)": a span of days written without its year.
_DAY_SPAN_NO_YEAR = re.compile(
	r"\btu\s+ngay\s+(\d{1,2})\s?/\s?(\d{1,2})(?![\d/])\s*(?:den|-|–)\s*(?:ngay\s+)?(\d{1,2})\s?/\s?(\d{1,2})"
	r"(?![\d/])(?!\s+(?:hang|moi)\s+nam)"
)


def span_in_year_of(clause: str, issued: date) -> Deadline | None:
	"""A span of days without a year ("từ ngày 15/11 đến ngày 15/12"), due its last day in the year the text
	was issued (the next year when that day is already past): a plan writes the coming weeks so (issue 15)."""
	match = _DAY_SPAN_NO_YEAR.search(fold_same_length(clause)) if "/" in clause else None
	if match is None:
		return None
	first_day, first_month, day, month = (int(group) for group in match.groups())
	try:
		start, due = date(issued.year, first_month, first_day), date(issued.year, month, day)
	except ValueError:
		return None
	if due < issued:
		due = date(issued.year + 1, month, day)
	if start > due:
		start = date(due.year - 1, first_month, first_day)
	return Deadline("date", due=due, start=start, text=_as_written(clause, match))


def last_deadline(phrase: str) -> Deadline | None:
	"""A time cell naming several periods ("Quý IV/2025 và Quý I/2026", "Từ tháng 11/2025 đến tháng 4/2026"):
	the work is done by the last one's end, kind "date"; None when it names fewer than two."""
	folded = months_as_digits(phrase, fold_same_length(phrase))
	due = [c.deadline.due for c in _concrete_deadlines(phrase, folded) if c.deadline.due is not None]
	quarters = [
		quarter_end(int(m.group(2)), parse_quarter(m.group(1))) for m in _QUARTER_ANY.finditer(folded)
	]
	months = [
		month_end(int(m.group(2)), int(m.group(1)))
		for m in _MONTH_ANY.finditer(folded)
		if 0 < int(m.group(1)) < 13
	]
	ends = sorted(set(due + quarters + months))
	if len(ends) < 2:
		return None
	return Deadline("date", due=ends[-1], text=" ".join(phrase.split()))


def is_per_case_limit(clause: str, folded: str | None = None) -> bool:
	"""Whether the clause's time limit runs from each case's own event ("trong 03 ngày làm việc kể từ ngày
	nhận được đơn"): a legal rule for every case, not a duty with a date."""
	folded = fold_same_length(clause) if folded is None else folded
	relative = relative_phrase(clause, folded) if _DIGIT.search(clause) else None
	return relative is not None and relative[1]


def _deadline(clause: str, folded: str) -> Deadline:
	# Every concrete form carries a number (day, month, quarter or year): skip them all for digit-free clauses.
	has_digit = bool(_DIGIT.search(folded))
	concrete = _concrete_deadlines(clause, folded) if has_digit else []
	if concrete:
		# "Giải ngân … tính đến hết ngày 31/10/2025 đạt 72,4%": the day a figure is counted to, no deadline (issue 15)
		# (the clause, not its folded form: "tỉnh" folds to "tinh" too)
		concrete = [
			c for c in concrete if not clause[max(0, c.position - 6) : c.position].lower().endswith("tính ")
		]
	span = span_candidate(folded) if has_digit else None
	if span:  # "… đến năm 2025" closing a span is the span's end, not a deadline of its own
		concrete = [c for c in concrete if not (c.position < span[1] and span[0] < c.end)]
	from_year = _FROM_YEAR.search(folded) if "nam" in folded else None
	if from_year and span and span[0] <= from_year.start() < span[1]:
		from_year = None  # "từ năm 2021 đến năm 2025" is a span, not an open start
	if from_year and from_year.group(2):  # "năm 2025 và các năm tiếp theo" is no deadline in 2025
		concrete = [c for c in concrete if not (from_year.start() <= c.end and c.position < from_year.end())]
	if concrete:
		return min(concrete, key=lambda candidate: candidate.position).deadline
	start = date(int(from_year.group(1) or from_year.group(2)), 1, 1) if from_year else None
	recurring = _recurring_deadlines(clause, folded, start)
	basis = _BASIS.match(folded)
	if basis and not re.search(r"\b(?:ngan sach|du toan)\b", basis.group(0)):
		# "Căn cứ vào nhu cầu bồi dưỡng hằng năm …, Trung tâm phối hợp … xây dựng kế hoạch …": the recurrence
		# qualifies the basis the duty starts from, not the duty (issue 15). A yearly budget ("Căn cứ khả năng
		# cân đối ngân sách hàng năm, … bố trí kinh phí") makes the allocation yearly all the same.
		recurring = [candidate for candidate in recurring if candidate.position >= basis.end()]
	if recurring:
		deadline = min(recurring, key=lambda candidate: (candidate.position, -candidate.end)).deadline
		if deadline.recurrence == "yearly" and deadline.month is None and "dip" in folded:
			occasion = _OCCASION_DATE.search(folded)
			if occasion and 1 <= int(occasion.group(1)) <= 31 and 1 <= int(occasion.group(2)) <= 12:
				deadline = replace(deadline, month=int(occasion.group(2)))
		if deadline.recurrence == "yearly" and deadline.month is None:
			deadline = replace(deadline, month=_month_of_yearly_duty(folded))
		return deadline
	following = _OF_THE_FOLLOWING_YEAR.search(folded) if "nam" in folded else None
	if following:
		# "Trong quý I của năm liền kề đánh giá, Sở Nội vụ … rà soát …": each year's work, due in that period of
		# the year after (issue 15): yearly, in the quarter's last month or the month named.
		period = following.group("quarter")
		month = _QUARTER_LAST_MONTH[period] if period else int(following.group("month"))
		if 1 <= month <= 12:
			return Deadline(
				"recurring", recurrence="yearly", month=month, text=_as_written(clause, following)
			)
	if from_year:
		return Deadline("from_year", start=start, text=_as_written(clause, from_year))
	if span:
		kind, due, span_start, recurrence, month, end = span[2]
		text = " ".join(clause[span[0] : span[1]].split())
		return Deadline(kind, due, span_start, recurrence, month, text, end)
	year_start = _YEAR_START_NO_YEAR.search(folded)
	if year_start:
		return Deadline("none", text=_as_written(clause, year_start))
	return Deadline()


# A month or quarter written without a year in a yearly duty: "Hằng năm, … gửi báo cáo về Sở Nội vụ từ ngày 10
# đến ngày 15 tháng 12", "Hằng năm, trong quý I, …". Not "6 tháng", not "tháng 12/2025" (a year follows).
_MONTH_NO_YEAR = re.compile(
	r"\b(?:ngay \d{1,2}|trong|vao|truoc|den|cuoi|dau) thang (\d{1,2})\b(?!\s*(?:/|-|nam)\s*\d)"
)
_QUARTER_NO_YEAR = re.compile(r"\b(?:trong|vao|cuoi|dau) quy (i{1,3}|iv|[1-4])\b(?!\s*(?:/|-|nam)\s*\d)")
_QUARTER_LAST_MONTH = {"i": 3, "ii": 6, "iii": 9, "iv": 12, "1": 3, "2": 6, "3": 9, "4": 12}
_OF_THE_FOLLOWING_YEAR = re.compile(
	r"\b(?:trong|vao) (?:quy (?P<quarter>i{1,3}|iv|[1-4])|thang (?P<month>\d{1,2})) (?:cua )?nam (?:lien ke|tiep theo|sau)\b"
)


def _month_of_yearly_duty(folded: str) -> int | None:
	"""The month a yearly duty is due, when the clause writes it apart from "hằng năm" (README conventions: the
	month of "tháng 12", the last month of "quý I")."""
	month = _MONTH_NO_YEAR.search(folded)
	if month and 1 <= int(month.group(1)) <= 12:
		return int(month.group(1))
	quarter = _QUARTER_NO_YEAR.search(folded)
	return _QUARTER_LAST_MONTH[quarter.group(1)] if quarter else None


def _as_written(clause: str, match: re.Match[str]) -> str:
	return " ".join(clause[match.start() : match.end()].split())


def _concrete_deadlines(clause: str, folded: str) -> list[_DeadlineCandidate]:
	candidates: list[_DeadlineCandidate] = []

	def add(match: re.Match[str], deadline: Deadline) -> None:
		candidates.append(_DeadlineCandidate(match.start(), match.end(), deadline))

	has_cue = any(word in folded for word in _DATE_CUE_WORDS)
	for mention in find_vn_dates(clause) if has_cue else ():
		cue = _DATE_CUE.search(folded, max(0, mention.start - 30), mention.start)
		if cue is None:
			cue = _FROM_DAY_LABEL.match(folded, 0, mention.start)
			if cue is None or not folded[mention.end : mention.end + 3].lstrip().startswith(":"):
				continue  # a date without a deadline word is a reference or an anniversary, not a due date
		# "chậm nhất ngày 03/02/2026" is a limit like "trước ngày …" (issue 15): done by then, kind "before"
		kind = "before" if re.search(r"\b(?:truoc|cham nhat|han chot)\b", cue.group(0)) else "date"
		text = " ".join(clause[cue.start() : mention.end].split())
		candidates.append(
			_DeadlineCandidate(cue.start(), mention.end, Deadline(kind, due=mention.value, text=text))
		)
	# Each form below has a fixed word in it; str "in" is far cheaper than scanning with the full pattern.
	has_month, has_quarter = "thang" in folded, "quy" in folded
	for match in _WITHIN_MONTH.finditer(folded) if has_month else ():
		month, year = int(match.group(1)), int(match.group(2))
		if 1 <= month <= 12:
			due = month_end(year, month)
			add(match, Deadline("within_month", due=due, month=month, text=_as_written(clause, match)))
	for match in _BEFORE_MONTH.finditer(folded) if has_month else ():
		month, year = int(match.group(1)), int(match.group(2))
		if 1 <= month <= 12:
			due = date(year, month, 1) - timedelta(days=1)
			add(match, Deadline("before", due=due, text=_as_written(clause, match)))
	for pattern, kind in ((_BEFORE_QUARTER, "before"), (_IN_QUARTER, "quarter")):
		for match in pattern.finditer(folded) if has_quarter else ():
			quarter, year = parse_quarter(match.group(1)), int(match.group(2))
			if kind == "before" and folded[match.start() : match.start() + 5] == "truoc":
				due = quarter_start(year, quarter) - timedelta(days=1)
			elif kind == "quarter":
				due = quarter_end(year, quarter)
			else:
				continue
			add(match, Deadline(kind, due=due, text=_as_written(clause, match)))
	for match in _REGULAR_MEETING.finditer(folded) if "thuong ky" in folded else ():
		month = int(match.group(1))
		if 1 <= month <= 12:
			due = month_end(int(match.group(2)), month) if match.group(2) else None
			add(match, Deadline("within_month", due=due, month=month, text=_as_written(clause, match)))
	for match in _DAY_MONTH_NO_YEAR.finditer(folded) if "truoc ngay" in folded else ():
		day, month = int(match.group(1)), int(match.group(2))
		if not (1 <= month <= 12 and 1 <= day <= 31) or match.group("yearly"):
			continue  # the yearly form is a recurrence, handled below
		add(match, Deadline("before", month=month, text=_as_written(clause, match)))
	for match in _OPENING_YEAR.finditer(folded) if "nam" in folded else ():
		year = int(match.group("year"))
		add(
			match,
			Deadline(
				"date",
				due=date(year, 12, 31),
				start=date(year, 1, 1),
				end=date(year, 12, 31),
				text=_as_written(clause, match),
			),
		)
	for start, end, fields in period_candidates(clause, folded):
		kind, due, period_start, recurrence, month, period_end = fields
		text = " ".join(clause[start:end].split())
		deadline = Deadline(kind, due, period_start, recurrence, month, text, period_end)
		candidates.append(_DeadlineCandidate(start, end, deadline))
	# "trước quý II/2024" also matches the plain quarter pattern one word later; keep the earliest reading.
	return candidates


# "… theo Nghị quyết hằng năm của Hội đồng nhân dân thành phố": the period of another body's act the duty follows,
# not the duty's own (issue 15).
_DOCUMENT_BEFORE = re.compile(
	r"\b(?P<theo>theo\s+(?:cac\s+)?)?(?:nghi quyet|quyet dinh|ke hoach|chuong trinh|thong bao|huong dan)\s+$"
)


# "… nguồn ngân sách nhà nước hằng năm của các bộ", "… tiêu chí đánh giá thi đua, khen thưởng hằng năm của các
# sở": a yearly thing someone owns, not the duty's period. A yearly report ("báo cáo hằng năm của …") stays
# one, and so does a duty written into a yearly programme ("Đưa nội dung … vào chương trình, kế hoạch kiểm tra,
# giám sát hằng năm của cấp ủy": done again with each year's programme).
_REPORT_BEFORE = re.compile(r"\b(?:bao cao\b[^,.;:]{0,40}|vao (?:chuong trinh|ke hoach)\b[^.;:]{0,50})$")


def _qualifies_a_document(folded: str, match: re.Match[str]) -> bool:
	window = max(0, match.start() - 60)
	owned = re.match(r"\s+cua\b", folded[match.end() :]) is not None
	if owned and match.group("unit") == "nam" and not _REPORT_BEFORE.search(folded, window, match.start()):
		return True
	document = _DOCUMENT_BEFORE.search(folded, window, match.start())
	return document is not None and (bool(document.group("theo")) or owned)


# "vào ngày 15 của tháng trước (đó)": each month's issue is out by a day of the month before it.
_DAY_OF_THE_MONTH_BEFORE = re.compile(r"\bngay\s+(?:mong\s+)?\d{1,2}\s+cua\s+thang\s+(?:truoc|lien truoc)\b")


def _recurring_deadlines(clause: str, folded: str, start: date | None) -> list[_DeadlineCandidate]:
	candidates: list[_DeadlineCandidate] = []
	# The day and month forms carry digits (months in words are digits by now): skip them for the rest.
	has_yearly_digits = _DIGIT.search(folded) is not None and "nam" in folded
	for match in _DAY_MONTH_NO_YEAR.finditer(folded) if has_yearly_digits and "truoc ngay" in folded else ():
		if match.group("yearly") and 1 <= int(match.group(2)) <= 12:
			deadline = Deadline("recurring", start=start, recurrence="yearly", month=int(match.group(2)))
			candidates.append(
				_DeadlineCandidate(match.start(), match.end(), _with_text(deadline, clause, match))
			)
	for match in _MONTH_YEARLY.finditer(folded) if has_yearly_digits else ():
		if 1 <= int(match.group(1)) <= 12:
			deadline = Deadline("recurring", start=start, recurrence="yearly", month=int(match.group(1)))
			candidates.append(
				_DeadlineCandidate(match.start(), match.end(), _with_text(deadline, clause, match))
			)
	for match in _DAY_MONTH_YEARLY.finditer(folded) if has_yearly_digits else ():
		day, month = int(match.group(1)), int(match.group(2))
		if 1 <= day <= 31 and 1 <= month <= 12:
			deadline = Deadline("recurring", start=start, recurrence="yearly", month=month)
			candidates.append(
				_DeadlineCandidate(match.start(), match.end(), _with_text(deadline, clause, match))
			)
	for match in _DAY_OF_THE_MONTH_BEFORE.finditer(folded) if "cua thang" in folded else ():
		deadline = Deadline("recurring", start=start, recurrence="monthly")
		candidates.append(_DeadlineCandidate(match.start(), match.end(), _with_text(deadline, clause, match)))
	padded = " " + folded.replace("\n", " ")
	if not any(hint in padded for hint in (" hang ", " moi ", "dinh ky", " lan", "nua nam")):
		return candidates  # str.find is much cheaper than running the alternation at every position
	for match in _RECURRING.finditer(folded):
		if _qualifies_a_document(folded, match):
			continue
		recurrence = "half_yearly" if match.group("half") else _RECURRENCE_BY_UNIT[match.group("unit")]
		deadline = Deadline("recurring", start=start, recurrence=recurrence)
		candidates.append(_DeadlineCandidate(match.start(), match.end(), _with_text(deadline, clause, match)))
	return candidates


def _with_text(deadline: Deadline, clause: str, match: re.Match[str]) -> Deadline:
	return replace(deadline, text=_as_written(clause, match))
