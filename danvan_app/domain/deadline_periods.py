"""The looser time phrases of directives: months written in words, halves, years, spans and event-relative limits.

Part of the directive importer (``deadline_phrases``); pure standard library. Each reader returns candidates
``(start, end, Deadline)`` that ``parse_deadline`` ranks with the stricter forms.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from danvan_app.domain.periods import half_end, month_end

# "tháng Mười", "tháng Chạp", "tháng mười hai": the month's word as spelled (lowercase, NFC) → its number.
# One, two, three and five are ordinary words too ("mỗi tháng hai lần", "tháng năm"): only Capitalised.
_MONTH_WORDS = {
	"giêng": 1,
	"một": 1,
	"hai": 2,
	"ba": 3,
	"tư": 4,
	"năm": 5,
	"sáu": 6,
	"bảy": 7,
	"tám": 8,
	"chín": 9,
	"mười": 10,
	"mười một": 11,
	"mười hai": 12,
	"chạp": 12,
}
_CAPITAL_ONLY = {"một", "hai", "ba", "năm"}
_MONTH_WORD = re.compile(
	r"\bthang\s+(?P<word>muoi\s+mot|muoi\s+hai|muoi|gieng|chap|mot|hai|ba|tu|nam|sau|bay|tam|chin)\b"
)


_OLD_QUARTER_SPELLING = re.compile(r"\bqui(?= (?:iv|i{1,3}|[1-4])\b)")


def months_as_digits(clause: str, folded: str) -> str:
	"""``folded`` with each month written in words replaced by its number, right-aligned in the same span.

	"tháng Mười/2024" → "thang   10/2024": the stricter patterns then read it, and positions still point into
	``clause`` so the phrase can be quoted as written. The older spelling "Quí" of "Quý" ("Quí IV-2025" in an
	appendix's time column) is read as "quy" the same way.
	"""
	if "qui " in folded:
		folded = _OLD_QUARTER_SPELLING.sub("quy", folded)
	if "thang" not in folded:
		return folded
	pieces: list[str] = []
	cursor = 0
	for match in _MONTH_WORD.finditer(folded):
		word_start, word_end = match.span("word")
		written = " ".join(clause[word_start:word_end].split())
		number = _MONTH_WORDS.get(written.lower())
		if number is None or (written.lower() in _CAPITAL_ONLY and not written[:1].isupper()):
			continue
		digits = str(number)
		pieces.append(folded[cursor:word_start])
		pieces.append(digits.rjust(word_end - word_start))
		cursor = word_end
	if not pieces:
		return folded
	pieces.append(folded[cursor:])
	return "".join(pieces)


_YEAR = r"(\d{4})(?!\d)"
_YEAR_WRITTEN = re.compile(r"\bnam\s+\d{4}")
# "6 tháng đầu năm 2025", "sáu tháng cuối năm 2024".
_HALF_YEAR = re.compile(rf"\b(?:6|sau)\s+thang\s+(?P<which>dau|cuoi)\s+nam\s+{_YEAR}")
# "cuối năm 2026", "trước cuối năm 2026".
_YEAR_END = re.compile(rf"\b(?:truoc\s+)?cuoi\s+nam\s+{_YEAR}")
# "trong năm 2024", "hoàn thành năm 2024", "đến hết năm 2025", "trước năm 2025", "đến năm 2030".
_WHOLE_YEAR = re.compile(
	rf"\b(?P<cue>trong|vao|hoan thanh(?:\s+(?:trong|vao))?|xong(?:\s+trong)?|den het|het|den|truoc)\s+nam\s+{_YEAR}"
)
# "giai đoạn 2021–2025", "giai đoạn 2021 - 2025", "từ năm 2021 đến năm 2025".
# "năm 2026 - 2027" (a time field's value, issue 15): the years joined by a dash are a span too.
_SPAN = re.compile(
	rf"\b(?:giai doan\s+(?:tu\s+(?:nam\s+)?)?|tu\s+nam\s+){_YEAR}\s*(?:[-–—]|den(?:\s+nam)?)\s*{_YEAR}"
	rf"|\b(?:cac\s+)?nam\s+{_YEAR}\s*[-–—]\s*(?:nam\s+)?{_YEAR}"
)
# A span right after a programme's name is the programme's period, not a deadline.
_PROGRAMME_BEFORE = re.compile(
	r"\b(?:ke hoach|chuong trinh|de an|chien luoc|trung han|nghi quyet|quy hoach|muc tieu quoc gia|du an"
	r"|giai doan|tam nhin)\b"
	r"[^.;:,\n]{0,40}$"
)
# Timed against an event: "chậm nhất 30 ngày trước ngày khai mạc kỳ họp", "trong thời hạn 03 ngày làm việc
# kể từ ngày nhận được …", "sau 15 ngày kể từ khi kết thúc …".
_RELATIVE = re.compile(
	r"\b(?:cham nhat(?:\s+(?:la|trong))?|it nhat|truoc|sau|trong(?:\s+(?:thoi\s+han|vong))?|khong\s+qua)\s+"
	r"(?:la\s+)?(\d{1,3})\s+"
	r"(?:ngay|thang|tuan)(?:\s+lam\s+viec)?(?:\s+[^.;,\n]{1,25}?)?(?:\s*,)?\s+(?P<relation>truoc|sau|ke\s+tu)\s+"
	r"(?P<event>[^.;\n]{1,80})"
)
# A limit that runs from each case's own event (a request received, a result known) is a legal rule for
# every case, not a one-off duty.
_PER_CASE_EVENT = re.compile(
	r"(?:ngay|khi|thoi diem)?\s*(?:co\s+)?(?:nhan|tiep nhan|duoc|co ket qua|phat hien|het han|ket thuc"
	r"\s+(?:viec|thoi han)|thu ly|giai quyet)"
)


def period_candidates(clause: str, folded: str) -> list[tuple[int, int, tuple]]:
	"""``(start, end, fields)`` for halves, year ends and whole years; fields are Deadline's arguments.

	A period alone as a deadline is due its last day, kind "date" ("6 tháng đầu năm 2025" → 30/06/2025, "cuối
	năm 2026"/"trong năm 2026"/"vào năm 2030" → 31/12); ``start``/``end`` keep the period when the text gives
	both ends. "trước năm 2025" is before 01/01/2025.
	"""
	found: list[tuple[int, int, tuple]] = []
	if _YEAR_WRITTEN.search(folded) is None:
		return found
	for match in _HALF_YEAR.finditer(folded):
		year = int(match.group(2))
		first = match.group("which") == "dau"
		start, end = (date(year, 1, 1), half_end(year, 1)) if first else (date(year, 7, 1), half_end(year, 2))
		found.append((match.start(), match.end(), ("date", end, start, None, None, end)))
	for match in _YEAR_END.finditer(folded):
		year = int(match.group(1))
		found.append((match.start(), match.end(), ("date", month_end(year, 12), None, None, None, None)))
	for match in _WHOLE_YEAR.finditer(folded):
		year = int(match.group(2))
		if folded[max(0, match.start() - 6) : match.start()].endswith(("thang ", "quy ")):
			continue
		if match.group("cue") == "truoc":
			due = date(year, 1, 1) - timedelta(days=1)
			found.append((match.start(), match.end(), ("before", due, None, None, None, None)))
			continue
		if match.group("cue") in ("den", "den het") and _PROGRAMME_BEFORE.search(
			folded, max(0, match.start() - 50), match.start()
		):
			continue  # "chương trình … giai đoạn đến năm 2030": the programme's horizon
		whole = match.group("cue") in ("trong", "hoan thanh trong", "xong trong")
		start, end = (date(year, 1, 1), date(year, 12, 31)) if whole else (None, None)
		found.append((match.start(), match.end(), ("date", date(year, 12, 31), start, None, None, end)))
	return found


def span_candidate(folded: str) -> tuple[int, int, tuple] | None:
	"""The first "giai đoạn 2021–2025": before its last day, starting its first, ``end`` its last day."""
	match = _SPAN.search(folded) if ("giai doan" in folded or "nam" in folded) else None
	if match is None:
		return None
	first, last = (int(year) for year in match.groups() if year)
	if not first <= last <= first + 30:
		return None
	if _PROGRAMME_BEFORE.search(folded, max(0, match.start() - 50), match.start()):
		return None  # "kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030" names a programme's period
	end = date(last, 12, 31)
	return match.start(), match.end(), ("date", end, date(first, 1, 1), None, None, end)


_COUNTED_DAYS = re.compile(r"\d\s+(?:ngay|thang|tuan)\b")
# "Trong thời hạn 02 ngày làm việc, gửi …": a limit with no event of its own runs from each case.
_BARE_LIMIT = re.compile(
	r"\btrong\s+(?:thoi\s+han|vong)\s+(\d{1,3})\s+(?:ngay|thang|tuan)(?:\s+lam\s+viec)?\b"
)


def relative_phrase(clause: str, folded: str) -> tuple[str, bool] | None:
	"""(the phrase as written, whether the limit runs per case) for the first event-relative time limit."""
	if _COUNTED_DAYS.search(folded) is None:
		return None  # every such limit counts days, months or weeks: "30 ngày", "03 ngày làm việc"
	match = _RELATIVE.search(folded)
	if match is None:
		bare = _BARE_LIMIT.search(folded)
		return (" ".join(clause[bare.start() : bare.end()].split()), True) if bare else None
	event_start = match.start("event")
	# "kể từ ngày nhận được …", and "sau khi phát hiện …" (issue 15): counted from each case's own event
	per_case = (
		"ke" in match.group("relation")
		or (match.group("relation") == "sau" and folded.startswith("khi", event_start))
	) and bool(_PER_CASE_EVENT.match(folded, event_start))
	if match.group("relation") in ("truoc", "sau") and folded.startswith("thoi han", event_start):
		per_case = True  # "ít nhất 03 ngày làm việc trước thời hạn …": a procedure for each case
	end = match.end()
	comma = folded.find(",", event_start, end)
	if comma >= 0:
		end = comma
	return " ".join(clause[match.start() : end].split()), per_case
