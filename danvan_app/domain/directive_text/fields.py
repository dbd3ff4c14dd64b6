"""A task described by labelled fields, as plans written from a table are: "- Thời gian hoàn thành: Tháng
11/2025", "- Đơn vị chủ trì: Sở Nội vụ", "- Đơn vị phối hợp: …", "- Kết quả: …".

The fields are not duties of their own; they give the task its time and bodies.
"""

from __future__ import annotations

import re

from danvan_app.domain.actor_phrases import extract_units
from danvan_app.domain.deadline_phrases import Deadline, last_deadline, parse_deadline
from danvan_app.domain.vn_text import fold_same_length

_FIELD = re.compile(
	r"^[-+•*]?\s*(?P<label>thoi gian(?: hoan thanh| thuc hien)?|thoi han(?: hoan thanh)?|tien do(?: thuc hien)?"
	r"|(?:don vi|co quan|bo phan|nguoi) (?:chu tri|thuc hien|phu trach)|(?:don vi|co quan|bo phan) phoi hop"
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
	for paragraph in paragraphs:
		match = _FIELD.match(fold_same_length(paragraph[:60]).lower())
		if match is None:
			kept.append(paragraph)
			continue
		label, value = match.group("label"), paragraph[match.end() :].strip(" .;")
		if label.startswith(("thoi", "tien")) and deadline is None:
			deadline = _time(value)
		elif "chu tri" in label or "thuc hien" in label or "phu trach" in label:
			presiding = presiding or _bodies(value)
		elif "phoi hop" in label:
			coordinating = coordinating or _bodies(value)
	return kept, deadline, presiding, coordinating


def time_of(value: str) -> Deadline:
	"""The deadline a time field's value sets ("Dự kiến tháng 11/2025", "Quý IV/2025 và Quý I/2026")."""
	return _time(value)


def _time(value: str) -> Deadline:
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


def _bodies(value: str) -> list[str]:
	value = _PERSON.sub("", value).strip()
	if not value:
		return []
	presiding, _ = extract_units(value + " thực hiện.")
	return presiding or [value]
