"""The draft of a "Báo cáo kết quả thực hiện" a directive, and the official layout it shares with the prints.

Plain data in (the directive, the reporting body, the period, each presiding unit's figures, the tasks still
to mention, the progress notes), a structured document out: header, title, sections of paragraphs and one
table, recipients, signature. Every Vietnamese word of the draft is decided here; the writers (.docx, HTML,
PDF) only lay the structure out. No ``frappe`` import: the pure tier tests it.

Which tasks a period reports, and how each stands, is stated here once (:func:`reported_in`,
:func:`standing_as_of`); the SQL that counts them on the bench (``danvan_app.report_drafts``) mirrors these
two functions, and the bench test checks both give the same figures.

The layout follows Hướng dẫn 36-HD/VPTW (Party documents) and Nghị định 30/2020/NĐ-CP (State documents):
header in two columns, the number and symbol, place and date in italics, the kind of document and its
subject, "Nơi nhận:" bottom-left and the signature bottom-right.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date

from danvan_app.domain import periods
from danvan_app.domain import tasks as task_rules

# --- the period -------------------------------------------------------------------------------------------

# The periods officials report on, by the words they use ("Quý II", "6 tháng đầu năm", "Cả năm"…): the
# app's one list (domain.periods.REPORT_PERIODS), which the desk also gets at login.
PERIOD_KEYS = periods.REPORT_PERIODS


class ReportDraftError(ValueError):
	"""The draft cannot be made; the API turns it into a Vietnamese refusal."""


class UnknownPeriod(ReportDraftError):
	def __init__(self, key):
		super().__init__(f"unknown period {key!r}")
		self.key = key


class ImplausibleYear(ReportDraftError):
	def __init__(self, year):
		super().__init__(f"implausible year {year!r}")
		self.year = year


class PeriodNotBegun(ReportDraftError):
	def __init__(self, period: Period):
		super().__init__(f"period {period.key}/{period.year} has not begun")
		self.period = period


@dataclass(frozen=True)
class Period:
	key: str
	year: int
	start: date
	end: date

	@property
	def phrase(self) -> str:
		"""How the period reads inside a sentence: "quý I năm 2025", "6 tháng đầu năm 2025", "năm 2025"."""
		if self.key == "Cả năm":
			return f"năm {self.year}"
		if self.key.startswith("Quý"):
			return f"quý{self.key[3:]} năm {self.year}"
		return f"{self.key} {self.year}"

	@property
	def heading(self) -> str:
		"""The phrase as a line of its own, capitalised: "Quý I năm 2025"."""
		return self.phrase[0].upper() + self.phrase[1:]


def report_period(key: str, year: int) -> Period:
	"""The dates a period covers (``periods.report_period_bounds``); a key or a year out of range is
	refused."""
	if key not in PERIOD_KEYS:
		raise UnknownPeriod(key)
	if not isinstance(year, int) or isinstance(year, bool) or not task_rules.plausible_year(year):
		raise ImplausibleYear(year)
	start, end = periods.report_period_bounds(year, key)
	return Period(key, year, start, end)


def figures_date(period: Period, today: date) -> date:
	"""The day the figures stand on: the period's last day, or today while the period runs. A period not
	yet begun has nothing to report."""
	if period.start > today:
		raise PeriodNotBegun(period)
	return min(period.end, today)


# --- which tasks, and how each stands ---------------------------------------------------------------------

# A partition: every reported task is in exactly one, so the six add up to the total.
ON_TIME = "on_time"
DONE_LATE = "done_late"
DONE_NO_DEADLINE = "done_no_deadline"
WITHIN = "within_deadline"
OVERDUE = "overdue"
OPEN_NO_DEADLINE = "open_no_deadline"
STANDINGS = (ON_TIME, DONE_LATE, DONE_NO_DEADLINE, WITHIN, OVERDUE, OPEN_NO_DEADLINE)
DONE_STANDINGS = (ON_TIME, DONE_LATE, DONE_NO_DEADLINE)
OPEN_STANDINGS = (WITHIN, OVERDUE, OPEN_NO_DEADLINE)


def reported_in(
	period_start: date,
	as_of: date,
	*,
	status: str,
	start_date: date | None,
	completed_on: date | None,
	recurring_duty: bool = False,
) -> bool:
	"""Whether a task belongs in the period's report: not cancelled, not finished before the period began,
	not begun after the figures' day. A recurring duty is left out: its dated instances carry the work and
	the deadlines, each counted once. Tasks due later but open are in (the work ahead)."""
	if status == task_rules.STATUS_CANCELLED or recurring_duty:
		return False
	if status == task_rules.STATUS_DONE and completed_on and completed_on < period_start:
		return False
	return not (start_date and start_date > as_of)


def standing_as_of(*, status: str, due: date | None, completed_on: date | None, as_of: date) -> str | None:
	"""How a task stood on ``as_of``: done (on time, late, without a deadline) or open (within the deadline,
	overdue, without a deadline). A task done after ``as_of`` was open then. Cancelled: None.

	On today's date this is the stored deadline outcome (:func:`danvan_app.domain.tasks.deadline_outcome`),
	with "no deadline" split into done and open."""
	if status == task_rules.STATUS_CANCELLED:
		return None
	finished = completed_on or as_of
	if status == task_rules.STATUS_DONE and finished <= as_of:
		if due is None:
			return DONE_NO_DEADLINE
		return ON_TIME if finished <= due else DONE_LATE
	if due is None:
		return OPEN_NO_DEADLINE
	return WITHIN if as_of <= due else OVERDUE


# --- the data in ------------------------------------------------------------------------------------------

PARTY_KINDS = ("Cấp ủy Đảng", "Cơ quan tham mưu, giúp việc của cấp ủy")
# Names that say a Party body when the unit's kind is not set.
PARTY_NAME_WORDS = ("tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy", "đảng ủy", "đảng bộ", "chi bộ")


@dataclass(frozen=True)
class Body:
	"""The body a document is issued in the name of."""

	name: str
	kind: str | None = None
	superior: str | None = None
	abbreviation: str | None = None
	head_name: str | None = None

	@property
	def is_party(self) -> bool:
		if self.kind:
			return self.kind in PARTY_KINDS
		folded = self.name.casefold()
		return any(word in folded for word in PARTY_NAME_WORDS)


@dataclass(frozen=True)
class DirectiveInfo:
	number: str | None
	doc_type: str | None
	title: str | None
	issue_date: date | None = None
	issuer: str | None = None


@dataclass(frozen=True)
class ImplementingDoc:
	"""A document issued to carry the directive out (a plan, a programme), recorded with it as parent."""

	doc_type: str | None
	number: str | None
	issue_date: date | None
	issuer: str | None


@dataclass(frozen=True)
class UnitFigures:
	unit_name: str
	on_time: int = 0
	done_late: int = 0
	done_no_deadline: int = 0
	within_deadline: int = 0
	overdue: int = 0
	open_no_deadline: int = 0

	@property
	def total(self) -> int:
		return sum(getattr(self, key) for key in STANDINGS)

	@property
	def done(self) -> int:
		return sum(getattr(self, key) for key in DONE_STANDINGS)

	@property
	def open(self) -> int:
		return sum(getattr(self, key) for key in OPEN_STANDINGS)

	@property
	def no_deadline(self) -> int:
		return self.done_no_deadline + self.open_no_deadline


def add_up(rows: list[UnitFigures], name: str = "Tổng cộng") -> UnitFigures:
	return UnitFigures(name, **{key: sum(getattr(row, key) for row in rows) for key in STANDINGS})


@dataclass(frozen=True)
class TaskLine:
	title: str
	unit_name: str
	status: str
	due: date | None
	completed_on: date | None = None


@dataclass(frozen=True)
class ProgressNote:
	unit_name: str
	task_title: str
	day: date
	narrative: str


# --- the document out -------------------------------------------------------------------------------------


@dataclass
class Header:
	party: bool
	superior: str | None
	issuer: str
	issuer_mark: str  # "*" under a Party body's name; a State body's name is underlined instead
	number: str
	national: list[str]  # "ĐẢNG CỘNG SẢN VIỆT NAM", or the State's name and motto
	place_date: str


@dataclass
class Block:
	"""``heading`` (bold), ``paragraph``, ``item`` (a dash line), ``note`` (italic: for the officer to
	complete) or ``table`` (``columns`` and ``rows``, the last row being the total)."""

	kind: str
	text: str = ""
	columns: list[str] = field(default_factory=list)
	rows: list[list[str]] = field(default_factory=list)


@dataclass
class Section:
	heading: str
	blocks: list[Block] = field(default_factory=list)


@dataclass
class Signature:
	authority: str  # "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", or "" when the head signs in their own name
	position: str
	name: str


@dataclass
class Document:
	header: Header
	kind: str
	subject: list[str]
	sections: list[Section]
	recipients: list[str]
	signature: Signature
	totals: UnitFigures
	file_stem: str

	def as_dict(self) -> dict:
		data = dataclasses.asdict(self)
		data["totals"] = {key: getattr(self.totals, key) for key in (*STANDINGS, "total", "done", "open")}
		return data


# --- wording ----------------------------------------------------------------------------------------------

PARTY_NATIONAL = ["ĐẢNG CỘNG SẢN VIỆT NAM"]
STATE_NATIONAL = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]

# A unit's usual symbol in a document number, from the opening of its name (the unit's own abbreviation
# wins). Party symbols follow 36-HD/VPTW ("TU", "HU", "ĐU"); State ones Nghị định 30 ("UBND").
SYMBOLS = (
	("Ban Thường vụ Tỉnh ủy", "TU"),
	("Ban Thường vụ Thành ủy", "TU"),
	("Ban Thường vụ Huyện ủy", "HU"),
	("Tỉnh ủy", "TU"),
	("Thành ủy", "TU"),
	("Huyện ủy", "HU"),
	("Quận ủy", "QU"),
	("Thị ủy", "TU"),
	("Đảng ủy", "ĐU"),
	("Ủy ban nhân dân", "UBND"),
	("Hội đồng nhân dân", "HĐND"),
	("Ủy ban Mặt trận Tổ quốc", "MTTQ"),
	("Mặt trận Tổ quốc", "MTTQ"),
)

# (authority, position) above the signature, by the issuing body's kind.
SIGNATURES = {
	"Cấp ủy Đảng": ("T/M BAN THƯỜNG VỤ", "BÍ THƯ"),
	"Ủy ban nhân dân": ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
	"Hội đồng nhân dân": ("TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"),
	"Mặt trận Tổ quốc": ("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"),
	"Tổ chức chính trị - xã hội, hội quần chúng": ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"),
}

TABLE_COLUMNS = [
	"TT",
	"Đơn vị chủ trì",
	"Tổng số nhiệm vụ",
	"Hoàn thành đúng hạn",
	"Hoàn thành trễ hạn",
	"Đang thực hiện trong hạn",
	"Quá hạn",
]
NO_DEADLINE_COLUMN = "Không có thời hạn"
NOTES_PER_UNIT = 3
NOTE_CHARS = 300


def vn_date(day: date) -> str:
	"""02/8/2021: the day in two digits, the month with a leading zero only for January and February (the
	rule Nghị định 30 gives for dates in a document)."""
	month = f"{day.month:02d}" if day.month < 3 else str(day.month)
	return f"{day.day:02d}/{month}/{day.year}"


def date_line(day: date | None, place: str | None = None, year: int | None = None) -> str:
	"""The place-and-date line: "Hà Nội, ngày 03 tháng 4 năm 2018", dots where a part is to be filled."""
	place = place or "……"
	if day is None:
		return f"{place}, ngày …… tháng …… năm {year or '……'}"
	month = f"{day.month:02d}" if day.month < 3 else str(day.month)
	return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def symbol_of(body: Body) -> str:
	if body.abbreviation and body.abbreviation.strip():
		return body.abbreviation.strip()
	folded = body.name.casefold()
	for opening, symbol in SYMBOLS:
		if folded.startswith(opening.casefold()):
			return symbol
	return "……"


def number_line(body: Body, code: str, number: str | None = None) -> str:
	"""The number and symbol: "Số 12-BC/TU" for a Party body (36-HD/VPTW), "Số: 12/BC-UBND" for a State
	one (Nghị định 30); a draft leaves the number blank for the clerk to give."""
	if number:
		return f"Số {number}" if body.is_party else f"Số: {number}"
	blank = "     "
	if body.is_party:
		return f"Số{blank}-{code}/{symbol_of(body)}"
	return f"Số:{blank}/{code}-{symbol_of(body)}"


def official_header(body: Body, *, code: str, number: str | None = None, day: date | None = None) -> Header:
	"""The two-column header of a document of ``body`` (the superior body, the body itself, the number;
	the Party's or the State's name opposite, then the place and date)."""
	return Header(
		party=body.is_party,
		superior=body.superior.upper() if body.superior else None,
		issuer=body.name.upper(),
		issuer_mark="*" if body.is_party else "",
		number=number_line(body, code, number),
		national=list(PARTY_NATIONAL if body.is_party else STATE_NATIONAL),
		place_date=date_line(day),
	)


def signature_of(body: Body) -> Signature:
	authority, position = SIGNATURES.get(body.kind or "", ("", ""))
	if not position:
		if body.is_party:
			authority, position = (
				("T/M BAN THƯỜNG VỤ", "BÍ THƯ") if _is_committee(body) else ("", "TRƯỞNG BAN")
			)
		else:
			position = "THỦ TRƯỞNG CƠ QUAN"
	if body.kind == "Cơ quan tham mưu, giúp việc của cấp ủy" and not body.name.casefold().startswith("ban"):
		position = "THỦ TRƯỞNG CƠ QUAN"
	return Signature(authority=authority, position=position, name=head_person(body.head_name))


def _is_committee(body: Body) -> bool:
	folded = body.name.casefold()
	return not folded.startswith(("ban ", "văn phòng", "ủy ban kiểm tra"))


def head_person(head_name: str | None) -> str:
	"""The name to print under the signature: the head's name without the title written after a comma
	("Nguyễn Văn A, Bí thư Tỉnh ủy" → "Nguyễn Văn A")."""
	return (head_name or "").split(",", 1)[0].strip()


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


def _task_item(line: TaskLine, standing: str, as_of: date) -> str:
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
			shortfalls.blocks.append(Block("item", _task_item(line, standing, as_of)))
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
			text = _task_item(line, standing, as_of)
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
