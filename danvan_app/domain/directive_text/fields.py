"""A task described by labelled fields, as plans written from a table are: "- Thời gian hoàn thành: Tháng
11/2025", "- Đơn vị chủ trì: Sở Nội vụ", "- Đơn vị phối hợp: …", "- Kết quả: …".

The fields are not duties of their own; they give the task its time and bodies.
"""

from __future__ import annotations

import re
from datetime import date

from danvan_app.domain.actor_phrases import extract_units
from danvan_app.domain.deadline_phrases import Deadline, last_deadline, parse_deadline
from danvan_app.domain.vn_text import fold_same_length

_FIELD = re.compile(
	r"^[-+•*]?\s*(?P<label>thoi gian(?: hoan thanh| thuc hien)?|thoi han(?: hoan thanh| ban hanh)?|tien do(?: thuc hien)?"
	r"|(?:don vi|co quan|bo phan|nguoi) (?:chu tri|thuc hien|phu trach)(?: (?:tham muu )?thuc hien)?"
	r"|(?:don vi|co quan|bo phan) phoi hop(?: thuc hien)?"
	r"|ket qua(?: dau ra)?|san pham)\s*:\s*"
)
_PERSON = re.compile(r"^(?:các\s+)?(?:đồng chí|đ/c)\s+", re.IGNORECASE)
_VALUE_LEAD = re.compile(r"^(?:dự kiến|ngày|trong)\s+", re.IGNORECASE)


def is_field(paragraph: str) -> bool:
	return _FIELD.match(fold_same_length(paragraph[:60]).lower()) is not None


def has_fields(paragraphs: list[str]) -> bool:
	return any(is_field(paragraph) for paragraph in paragraphs)


def read_fields(paragraphs: list[str]) -> tuple[list[str], Deadline | None, list[str], list[str]]:
	"""(the paragraphs that are not fields, the time field's deadline, presiding, coordinating)."""
	kept: list[str] = []
	deadline: Deadline | None = None
	presiding: list[str] = []
	coordinating: list[str] = []
	for index, paragraph in enumerate(paragraphs):
		match = _FIELD.match(fold_same_length(paragraph[:60]).lower())
		if match is None:
			kept.append(paragraph)
			continue
		label, value = match.group("label"), paragraph[match.end() :].strip(" .;")
		if not value and index + 1 < len(paragraphs) and _SUB_BULLET.match(paragraphs[index + 1]):
			# "- Cơ quan thực hiện:" over "+ Sở Văn hóa và Thể thao chủ trì, …" (issue 15): the first bullet is
			# the field's value; the bullets stay the task's text.
			value = _SUB_BULLET.sub("", paragraphs[index + 1]).strip(" .;")
			if "phoi hop" not in label and (
				"chu tri" in label or "thuc hien" in label or "phu trach" in label
			):
				value = _names_before_their_action(value)
		if label.startswith(("thoi", "tien")) and deadline is None:
			deadline = _time(value)
		elif "phoi hop" in label:  # "Đơn vị phối hợp thực hiện" coordinates
			coordinating = coordinating or _bodies(value)
		elif "chu tri" in label or "thuc hien" in label or "phu trach" in label:
			presiding = presiding or _bodies(value)
	return kept, deadline, presiding, coordinating


_NEW_POINT = re.compile(r"^(?:[-–—+•*·▪●◦]|\d{1,2}(?:\.\d{1,2})*\s?[.)]|[a-zđ]\))\s*")


_LABELLED_LINE = re.compile(r"^[-+•*]?\s*[^\s:]+(?:\s+[^\s:]+){0,4}\s*:\s*\S")


def field_groups(paragraphs: list[str]) -> list[list[str]]:
	"""An item's paragraphs cut after each run of fields: "4. Nâng cao …" over "- Tăng cường …" and its fields,
	then "- Tổ chức tập huấn …" and fields of its own, is two duties, each with its bodies and time (issue 15)."""
	groups: list[list[str]] = [[]]
	after_fields = False
	for paragraph in paragraphs:
		# any labelled line ("- Thành phần: …", "+ Thời hạn ban hành: …") belongs to the run of fields
		field = is_field(paragraph) or _LABELLED_LINE.match(paragraph) is not None
		if after_fields and not field and _NEW_POINT.match(paragraph):
			groups.append([])
		groups[-1].append(paragraph)
		# a line carried over from a labelled line ("+ Nội dung: quy định chi tiết" over "một số điều …") is more of it
		after_fields = field or (after_fields and not _NEW_POINT.match(paragraph))
	# a run of paragraphs without a body field of its own is more of the duty before it ("- Kết quả: …" over notes)
	kept: list[list[str]] = []
	for group in groups:
		if kept and not any(_names_a_body(paragraph) for paragraph in group):
			kept[-1].extend(group)
		else:
			kept.append(group)
	return kept


def _names_a_body(paragraph: str) -> bool:
	match = _FIELD.match(fold_same_length(paragraph[:60]).lower())
	label = match.group("label") if match else ""
	return "phoi hop" not in label and any(word in label for word in ("chu tri", "thuc hien", "phu trach"))


def time_of(value: str) -> Deadline:
	"""The deadline a time field's value sets ("Dự kiến tháng 11/2025", "Quý IV/2025 và Quý I/2026")."""
	return _time(value)


# "Dự kiến ngày 05/12/2025 (Chậm nhất ngày 10/12/2025 - 95 ngày trước bầu cử)": a planned day and the latest
# day allowed; the latest is the deadline to keep (issue 15).
_LATEST = re.compile(r"\b(?:chậm nhất|muộn nhất)\b", re.IGNORECASE)


# A time field that hands the timing to another plan ("Theo kế hoạch công tác tư pháp hàng năm": the "hàng năm"
# is the plan's) sets none; one that only opens the duty ("Từ 01/7/2025", "Giai đoạn 2026-2030 và những năm tiếp
# theo") is an open start (issue 15).
_ANOTHER_PLANS_TIME = re.compile(r"^theo\s+(?:ke hoach|chuong trinh|tien do|lo trinh)\b")
_OPEN_START = re.compile(
	r"^tu\s+(?:ngay\s+)?(?P<day>\d{1,2})\s?/\s?(?P<month>\d{1,2})\s?/\s?(?P<year>\d{4})\s*$"
	r"|^giai doan\s+(?P<first>\d{4})\s*[-–]\s*\d{4}\s+(?:va|cung)\s+(?:cac|nhung)\s+nam\s+(?:tiep theo|sau)\b"
)


def _time(value: str) -> Deadline:
	folded = fold_same_length(value).lower().strip(" .;")
	if _ANOTHER_PLANS_TIME.match(folded):
		return Deadline()
	start = _OPEN_START.match(folded)
	if start:
		if start.group("year"):
			day, month, year = (int(start.group(name)) for name in ("day", "month", "year"))
			try:
				return Deadline(kind="from_year", start=date(year, month, day), text=value)
			except ValueError:  # no such day ("Từ 31/02/2025"): read as any other value
				pass
		else:
			return Deadline(kind="from_year", start=date(int(start.group("first")), 1, 1), text=value)
	latest = _LATEST.search(value)
	if latest and latest.start() > 0:
		deadline = parse_deadline(value[latest.start() :])
		if deadline.due is not None:
			return deadline
	several = last_deadline(value)
	if several is not None:
		return several
	phrase = value
	while _VALUE_LEAD.match(phrase):
		phrase = _VALUE_LEAD.sub("", phrase, count=1)
	for candidate in (f"hoàn thành {phrase}", f"trong {phrase}"):
		deadline = parse_deadline(candidate)
		if deadline.kind != "none" or deadline.relative:
			return deadline
	return parse_deadline(value)


# "… trong phạm vi chức năng, nhiệm vụ của mình", "theo chức năng, nhiệm vụ được giao": how, not who.
_SCOPE = re.compile(
	r"\s*,?\s*(?:trong phạm vi|theo)\s+(?:chức năng|phạm vi|thẩm quyền|lĩnh vực)[^;]{0,80}?"
	r"(?:của mình|(?:quản lý |phụ trách )?được giao|quản lý|phụ trách)\b",
	re.IGNORECASE,
)
# What may follow a generic name in a list of bodies: "các cơ quan, tổ chức khác có liên quan".
_GENERIC_TAIL = re.compile(r"^,?\s*[a-zà-ỹđ ,]{0,60}\b(?:khác|liên quan)$")


_SUB_BULLET = re.compile(r"^[+•]\s*")


def _names_before_their_action(value: str) -> str:
	"""The bodies a bullet's sentence opens with ("Sở Văn hóa và Thể thao chủ trì, phối hợp với …")."""
	presiding, _ = extract_units(value)
	return "; ".join(presiding) if presiding else value


def _bodies(value: str) -> list[str]:
	"""The bodies a field names, all of them: "Sở Nội vụ chủ trì tham mưu …; Sở Tư pháp và các sở, ban, ngành …
	chủ động tổ chức …" → Sở Nội vụ, Sở Tư pháp, the sở, ban, ngành … (issue 15: not only the first)."""
	value = _PERSON.sub("", value).strip()
	if not value:
		return []
	bodies: list[str] = []
	for clause in re.split(r"\s*;\s*", value):
		clause = _SCOPE.sub("", clause).strip(" ,.")
		if not clause:
			continue
		names = _names(clause)
		if not names and len(clause.split()) <= 15 and clause[:1].isupper():
			# a name the grammar does not know, as written; "X và các Y" is two
			names = [
				name for part in re.split(r"\s+và\s+(?=các\s)", clause) for name in (_names(part) or [part])
			]
		bodies.extend(name for name in names if name not in bodies)
	return bodies or [value]


def _names(clause: str) -> list[str]:
	presiding, _ = extract_units(clause + " thực hiện.")
	if presiding:
		last = presiding[-1]
		end = clause.rfind(last)
		tail = clause[end + len(last) :] if end >= 0 else ""
		if tail and _GENERIC_TAIL.match(tail):
			presiding = [*presiding[:-1], last + tail]  # "cơ quan" + ", tổ chức khác có liên quan"
	return presiding


_ANY_BULLET = re.compile(r"^[-–—+•*·▪●◦]\s*")
# "a) Nhiệm vụ: …", "b) Cơ quan thực hiện:", "c) Thời gian thực hiện: …": a task's fields written as lettered points.
_LETTERED = re.compile(r"^[a-zđ]\)\s*")
_DUTY_LABEL = re.compile(r"^(?:nhiem vu|noi dung(?: nhiem vu)?)\s*:\s*")


def unletter_fields(paragraphs: list[str]) -> list[str] | None:
	"""The paragraphs of a task whose fields are lettered points, as one task with its fields (issue 15): "1.1.
	Xây dựng …:" over "a) Nhiệm vụ: Tham mưu …", "b) Cơ quan thực hiện:" over "- Đơn vị chủ trì: Sở …", "c) Thời
	gian thực hiện: Hoàn thành trong năm 2025" is the duty "Tham mưu …" of the Sở, due when the time field says;
	the title over it is the topic, not the duty. None when the points are not written so."""
	lettered = [
		(index, fold_same_length(_LETTERED.sub("", paragraph)[:60]).lower())
		for index, paragraph in enumerate(paragraphs)
		if _LETTERED.match(paragraph)
	]
	if len(lettered) < 2 or not _DUTY_LABEL.match(lettered[0][1]):
		return None
	if not all(_DUTY_LABEL.match(folded) or _FIELD.match(folded) for _, folded in lettered[1:]):
		return None  # the second "Nhiệm vụ:" is another task's: these are numbered points' groups, not one
	duty: list[str] = []
	fields: list[str] = []
	into = duty
	for paragraph in paragraphs[lettered[0][0] :]:
		if not _LETTERED.match(paragraph):
			into.append(paragraph)
			continue
		text = _LETTERED.sub("", paragraph)
		label = _DUTY_LABEL.match(fold_same_length(text[:40]).lower())
		if label:
			into = duty
			value = text[label.end() :].strip()
		else:
			into = fields
			value = f"- {text}" if text.split(":", 1)[1].strip() else ""
		if value:
			into.append(value)
	if not duty or not fields:
		return None
	return [_ANY_BULLET.sub("", duty[0]), *duty[1:], *fields]


ACTIVITY_LABEL = re.compile(r"^(?:Hoạt động|HOẠT ĐỘNG|Nhiệm vụ|NHIỆM VỤ)\s+\d{1,2}\s*[:.]?$")
_CONTENT_FIELD = re.compile(r"^[-–+•]\s*(?:Nội dung|NỘI DUNG)\s*:\s*")


def activity_content(paragraphs: list[str]) -> list[str]:
	"""An activity's own words: "Hoạt động 1" over "- Nội dung: Triển khai …" is the content's task, so the content
	is its title (a bare "- Nội dung:" over "+ …" bullets: the bullets)."""
	if len(paragraphs) < 2 or not ACTIVITY_LABEL.match(paragraphs[0].strip()):
		return paragraphs
	content = _CONTENT_FIELD.match(paragraphs[1])
	if content is None:
		return paragraphs
	value = paragraphs[1][content.end() :].strip()
	rest = paragraphs[2:]
	if value:
		return [value, *rest]
	if rest:
		return [_ANY_BULLET.sub("", rest[0]), *rest[1:]]
	return paragraphs
