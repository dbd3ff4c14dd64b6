"""Read the text of a directive (Chỉ thị, Nghị quyết, Kế hoạch …) into a document, its references and tasks.

Pure standard library: the importer's UI calls ``parse_directive_text``; people call the CLI::

	python -m danvan_app.domain.directive_text FILE [--json]

``--json`` prints exactly one JSON object (``DirectiveParse.to_json_dict``) with the keys

* ``document``: ``number``, ``doc_type``, ``issuer``, ``issue_date``, ``title``, ``warnings`` (list of str);
* ``references``: list of ``{number, date, issuer}``;
* ``tasks``: list of ``{title, clause, presiding, coordinating, deadline}`` where ``deadline`` is
  ``{kind, due, start, recurrence, month, text}``;
* ``is_directive`` (bool) and ``not_directive_reason`` (str or null).

``is_directive``/``not_directive_reason`` are the one documented extension of the agreed shape: news reports and
meeting summaries are recognised, keep their references, and get no tasks. Dates are ISO strings, null when the
text does not say. Errors (empty, binary, oversized input) raise ``DirectiveTextError`` with a Vietnamese
message; the CLI prints it on stderr and exits with status 1.

Choices worth knowing:

* ``clause`` is the item's text verbatim (whitespace normalised, list marker such as ``1.``/``-``/``a)``
  removed); follow-on paragraphs are joined with a newline.
* Unit names are kept as written, minus a leading plural determiner ("các", "những", "mỗi", "từng"):
  "Các huyện ủy, thị ủy" → ["huyện ủy", "thị ủy"]. A parenthesised second name becomes its own entry.
* "ngay từ đầu năm" (no year) → deadline kind "none" with the phrase kept in ``text``: there is no date to compute
  and none is invented. Likewise a month or day without a year keeps ``due`` null.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from danvan_app.domain.actor_phrases import extract_units
from danvan_app.domain.deadline_phrases import (
	DEADLINE_KINDS,
	RECURRENCES,
	Deadline,
	iso_or_none,
	parse_deadline,
)
from danvan_app.domain.directive_number import DirectiveNumber, find_number_mentions
from danvan_app.domain.vn_text import (
	DateMention,
	date_at,
	find_vn_dates,
	fix_lookalikes,
	fold_same_length,
	normalize_whitespace,
)

__all__ = [
	"DEADLINE_KINDS",
	"RECURRENCES",
	"Deadline",
	"DirectiveParse",
	"DirectiveTextError",
	"extract_units",
	"looks_vietnamese",
	"parse_deadline",
	"parse_directive_text",
]

# A long directive with annexes is ~100 KB; a megabyte of characters is certainly not one directive, and
# refusing early keeps the worst case (10 MB pasted by mistake) instant.
MAX_TEXT_CHARS = 1_000_000
TITLE_MAX_CHARS = 120
HEADER_LINES = 15  # the heading block (issuer, number, date, type, title) sits in the first lines


class DirectiveTextError(ValueError):
	"""The input cannot be parsed at all; the message is Vietnamese and fit to show to the user."""


# --- result types --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
	title: str
	clause: str
	presiding: list[str]
	coordinating: list[str]
	deadline: Deadline

	def to_json_dict(self) -> dict[str, object]:
		return {
			"title": self.title,
			"clause": self.clause,
			"presiding": list(self.presiding),
			"coordinating": list(self.coordinating),
			"deadline": self.deadline.to_json_dict(),
		}


@dataclass
class Reference:
	number: str
	date: date | None = None
	issuer: str | None = None

	def to_json_dict(self) -> dict[str, object]:
		return {"number": self.number, "date": iso_or_none(self.date), "issuer": self.issuer}


@dataclass
class DocumentInfo:
	number: str | None = None
	doc_type: str | None = None
	issuer: str | None = None
	issue_date: date | None = None
	title: str | None = None
	warnings: list[str] = field(default_factory=list)

	def to_json_dict(self) -> dict[str, object]:
		return {
			"number": self.number,
			"doc_type": self.doc_type,
			"issuer": self.issuer,
			"issue_date": iso_or_none(self.issue_date),
			"title": self.title,
			"warnings": list(self.warnings),
		}


@dataclass
class DirectiveParse:
	document: DocumentInfo
	references: list[Reference]
	tasks: list[Task]
	is_directive: bool
	not_directive_reason: str | None = None

	def to_json_dict(self) -> dict[str, object]:
		return {
			"document": self.document.to_json_dict(),
			"references": [reference.to_json_dict() for reference in self.references],
			"tasks": [task.to_json_dict() for task in self.tasks],
			"is_directive": self.is_directive,
			"not_directive_reason": self.not_directive_reason,
		}


def _vn_date(value: date) -> str:
	return value.strftime("%d/%m/%Y")


# --- vocabulary ----------------------------------------------------------------------------------------

# Heading words (folded) → document type as Vietnamese writes it.
DOC_TYPE_BY_HEADING_WORD: dict[str, str] = {
	"chi thi": "Chỉ thị",
	"nghi quyet": "Nghị quyết",
	"quyet dinh": "Quyết định",
	"quy che": "Quy chế",
	"quy dinh": "Quy định",
	"ke hoach": "Kế hoạch",
	"chuong trinh": "Chương trình",
	"ket luan": "Kết luận",
	"huong dan": "Hướng dẫn",
	"cong van": "Công văn",
	"thong bao": "Thông báo",
	"bao cao": "Báo cáo",
	"de an": "Đề án",
	"to trinh": "Tờ trình",
	"nghi dinh": "Nghị định",
	"thong tu": "Thông tư",
}
_HEADING_WORD = re.compile(r"\b(" + "|".join(DOC_TYPE_BY_HEADING_WORD) + r")\b")

# --- document structure --------------------------------------------------------------------------------

_ITEM_MARKER = re.compile(
	r"^(?:(?P<number>\d{1,2})\s?[.)](?!\d)|(?P<number_dash>\d{1,2})\s?[-–](?!\d)|(?P<letter>[a-zđ])\)"
	r"|(?P<bullet>[-–—+•*·▪●◦]))\s*"
)
_ROMAN_HEADING = re.compile(r"^[IVX]{1,5}\s?[.)/-]\s*")
_HEADING_MARKER = re.compile(r"^(?:[*\-–•]\s*|[IVX]{1,5}\s?[.)/-]\s*|\d{1,2}\s?[.)]\s*|[A-ZĐ]\s?[.)]\s*)")
_TASKS_HEADING = re.compile(
	r"^(?:ve\s+)?(?:cac\s+|nhung\s+)?(?:nhiem vu|giai phap)(?:\s*(?:,|va)\s*(?:nhiem vu|giai phap))?"
	r"(?:\s+(?:trong tam|chu yeu|cu the))?\s*[:.]?$"
)
_IMPLEMENTATION_HEADING = re.compile(
	r"^(?:ve\s+)?(?:to chuc thuc hien|trach nhiem thuc hien|phan cong (?:trach nhiem|thuc hien)"
	r"|to chuc trien khai thuc hien)\s*[:.]?$"
)
_INTRO_TO_TASKS = re.compile(r"(?:nhiem vu|giai phap|yeu cau|noi dung)[^:]{0,80}:$")
_CLOSING_LINE = re.compile(
	r"^(?:noi nhan|t/m\b|tm\.|k/t\b|kt\.|thong tin moi nhat|tin (?:lien quan|moi)|bai viet lien quan"
	r"|chia se|binh luan|(?:chi thi|nghi quyet|quy che|quy dinh|ke hoach|chuong trinh|ket luan|huong dan) nay"
	r" (?:duoc|co hieu luc))"
)
_SUMMARY_PREFIX = re.compile(r"\b(?:cot loi|tom tat|gioi thieu|trich|noi dung chinh)\b")
_PLACE_DATE_LINE = re.compile(r"^[^,\d]{2,40},\s*ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}")
_NUMBER_LINE = re.compile(r"^so\s*[:.]?\s*\d")
# Reporting: only a newspaper writes these ("vừa ban hành", a posting timestamp "30/09/2021 - 22:26", a byline).
_NEWS_MARKERS = (
	re.compile(r"\bvua ban hanh\b"),
	re.compile(r"^\d{1,2}/\d{1,2}/\d{4}\s*-\s*\d{1,2}:\d{2}\s*$", re.MULTILINE),
	re.compile(r"\bphong vien\b"),
	re.compile(r"^(?:tin|anh|tin va anh|bai va anh)\s*:", re.MULTILINE),
)
# Web page furniture: any site has it, including ones that publish a directive's full text.
_WEB_FURNITURE = (
	re.compile(r"^chia se(?: bai viet)?\s*$", re.MULTILINE),
	re.compile(r"^binh luan\s*$", re.MULTILINE),
	re.compile(r"\b(?:tin|bai viet) lien quan\b"),
)
_DATELINE = re.compile(r"^(?![IVX]+\s?[-–])[A-ZĐ]{2,8}\s?[-–]\s", re.MULTILINE)  # "BDK - Ban Thường vụ …"
_MEETING_MARKERS = re.compile(
	r"\b(?:hoi nghi|buoi lam viec|toa dam|giao ban|phat bieu (?:chi dao|ket luan|tai))\b"
)
_VIETNAMESE_LETTERS = set(
	"àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
	"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
)


_DELETE_VIETNAMESE_LETTERS = str.maketrans("", "", "".join(_VIETNAMESE_LETTERS))


@dataclass
class _Line:
	text: str  # normalised, as written
	folded: str
	start: int  # offset in the prepared text


@dataclass
class _Item:
	paragraphs: list[str]
	marker_kind: str | None
	section: str  # "tasks" | "implementation"

	@property
	def text(self) -> str:
		return "\n".join(self.paragraphs)


def _prepare_text(text: str) -> str:
	if not isinstance(text, str):
		raise DirectiveTextError("Đầu vào phải là văn bản (chuỗi ký tự).")
	if len(text) > MAX_TEXT_CHARS:
		raise DirectiveTextError(
			f"Văn bản quá dài ({len(text):,} ký tự); giới hạn là {MAX_TEXT_CHARS:,} ký tự cho một văn bản."
		)
	if "\x00" in text:
		raise DirectiveTextError("Tệp có vẻ là tệp nhị phân, không phải văn bản.")
	prepared = normalize_whitespace(fix_lookalikes(text), keep_newlines=True)
	if not prepared:
		raise DirectiveTextError("Văn bản trống, không có nội dung để phân tích.")
	return prepared


def _lines(text: str, folded: str) -> list[_Line]:
	lines = []
	offset = 0
	for raw in text.split("\n"):
		lines.append(_Line(raw, folded[offset : offset + len(raw)], offset))
		offset += len(raw) + 1
	return lines


def _looks_vietnamese(text: str) -> bool:
	"""Vietnamese prose has a marked letter in most words; English or other text has (almost) none."""
	sample = text[:8_000]
	words = len(sample.split())
	vietnamese_letters = len(sample) - len(sample.translate(_DELETE_VIETNAMESE_LETTERS))
	return words > 0 and vietnamese_letters >= 3 and vietnamese_letters / words >= 0.1


def looks_vietnamese(text: str) -> bool:
	"""Whether ``text`` reads as Vietnamese, as the parser judges it (the importer refuses other languages)."""
	return _looks_vietnamese(fix_lookalikes(text))


def _marker_kind(match: re.Match[str]) -> str:
	if match.group("number") or match.group("number_dash"):
		return "number"
	return "letter" if match.group("letter") else "bullet"


def _is_mostly_uppercase(text: str) -> bool:
	letters = [char for char in text if char.isalpha()]
	return bool(letters) and sum(char.isupper() for char in letters) >= 0.8 * len(letters)


def _heading_text(line: _Line) -> str:
	"""Folded heading without its marker ("* Về nhiệm vụ:" → "ve nhiem vu:")."""
	marker = _HEADING_MARKER.match(line.text)  # on the original: roman numerals are capitals
	return line.folded[marker.end() if marker else 0 :].strip()


def _is_junk_line(line: _Line) -> bool:
	"""Short, unpunctuated lines after the last item are page furniture ("Thông tin mới nhất")."""
	words = line.text.split()
	return len(words) < 8 and not re.search(r"[.;:,…!?]$", line.text) and not line.text[:1].islower()


def _collect_items(lines: list[_Line], body_start: int) -> list[_Item]:
	"""Walk the lines once: find the tasks and implementation sections and cut them into items."""
	section: str | None = None
	top_kind: str | None = None
	items: list[_Item] = []
	expected_number = 1
	nonempty = [(i, line) for i, line in enumerate(lines) if line.text and i >= body_start]
	for position, (_, line) in enumerate(nonempty):
		heading = _heading_text(line)
		if len(line.text) <= 90 and _IMPLEMENTATION_HEADING.match(heading):
			section, top_kind, expected_number = "implementation", None, 1
			continue
		if len(line.text) <= 90 and _TASKS_HEADING.match(heading):
			section, top_kind, expected_number = "tasks", None, 1
			continue
		if _CLOSING_LINE.match(line.folded):
			section = None
			continue
		marker = _ITEM_MARKER.match(line.text)
		next_line = nonempty[position + 1][1] if position + 1 < len(nonempty) else None
		if section is None:
			# "… thực hiện tốt một số nhiệm vụ trọng tâm sau:" followed by "1." opens the tasks part too.
			if (
				_INTRO_TO_TASKS.search(line.folded)
				and next_line
				and re.match(r"^1\s?[.)-]\s", next_line.text)
			):
				section, top_kind, expected_number = "tasks", None, 1
			continue
		if _ROMAN_HEADING.match(line.text) and _is_mostly_uppercase(line.text):
			section = None  # another part of the document ("IV. KINH PHÍ …")
			continue
		if marker:
			kind = _marker_kind(marker)
			number = marker.group("number") or marker.group("number_dash")
			if kind == "number" and int(number) != expected_number and top_kind == "number":
				kind = "sub"  # numbering out of sequence: a sub-list, keep with the current item
			if top_kind is None and kind != "sub":
				top_kind = kind
			if kind == top_kind:
				if kind == "number":
					expected_number = int(number) + 1
				items.append(_Item([line.text[marker.end() :].strip()], kind, section))
				continue
			if items and items[-1].section == section:
				items[-1].paragraphs.append(line.text)
			continue
		if items and items[-1].section == section:
			if _is_junk_line(line):
				section = None
				continue
			items[-1].paragraphs.append(line.text)
		elif section == "implementation" and not _is_junk_line(line):
			items.append(_Item([line.text], None, section))
	return _split_group_headers(items)


def _split_group_headers(items: list[_Item]) -> list[_Item]:
	"""In the tasks part, "1. Về công tác tuyên truyền:" followed by "a) …" lines is a header: each line is a task.

	Unmarked paragraphs after a sub-item continue that sub-item, as everywhere else.
	"""
	result: list[_Item] = []
	for item in items:
		lead, rest = item.paragraphs[0], item.paragraphs[1:]
		is_header = lead.endswith(":") or (len(lead.split()) <= 8 and not re.search(r"[.;…]$", lead))
		first_marker = _ITEM_MARKER.match(rest[0]) if rest else None
		if item.section != "tasks" or not is_header or first_marker is None:
			result.append(item)
			continue
		for paragraph in rest:
			marker = _ITEM_MARKER.match(paragraph)
			if marker:
				result.append(_Item([paragraph[marker.end() :].strip()], _marker_kind(marker), item.section))
			else:
				result[-1].paragraphs.append(paragraph)
	return result


def _task_title(clause: str) -> str:
	first_paragraph = clause.split("\n", 1)[0]
	sentence = re.split(r"(?<=[.!?…:])\s", first_paragraph, maxsplit=1)[0].rstrip(".:;")
	if len(sentence) <= TITLE_MAX_CHARS:
		return sentence
	cut = sentence[: TITLE_MAX_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:-–")
	return cut + "…"


# --- header: number, type, issuer, date, title ---------------------------------------------------------


@dataclass
class _Header:
	line_index: int | None = None
	doc_type: str | None = None
	summary_prefix: str | None = None
	number: DirectiveNumber | None = None
	issue_date: date | None = None
	issuer: str | None = None
	title: str | None = None
	end_index: int = 0  # first line after the heading block


def _restore_case(uppercase: str, text: str, folded_text: str, search_from: int) -> str:
	"""An ALL-CAPS heading phrase in the body's own spelling when the body repeats it, else sentence case."""
	key = " ".join(fold_same_length(uppercase).split())
	position = folded_text.find(key, search_from) if key else -1
	if position >= 0:
		found = text[position : position + len(key)]
		if not _is_mostly_uppercase(found):
			return found
	lowered = uppercase.lower()
	return lowered[:1].upper() + lowered[1:]


def _find_heading(lines: list[_Line]) -> _Header:
	header = _Header()
	nonempty = [i for i, line in enumerate(lines) if line.text][:HEADER_LINES]
	for i in nonempty:
		line = lines[i]
		match = _HEADING_WORD.search(line.folded)
		if (
			not match
			or len(line.text) > 400
			or not _is_mostly_uppercase(line.text[match.start() : match.end()])
		):
			continue
		if not _is_mostly_uppercase(line.text):
			continue
		header.line_index = i
		header.doc_type = DOC_TYPE_BY_HEADING_WORD[match.group(1)]
		prefix = line.text[: match.start()].strip()
		if prefix and _SUMMARY_PREFIX.search(line.folded[: match.start()]):
			header.summary_prefix = prefix
		header.end_index = i + 1
		break
	return header


def _parse_header(text: str, lines: list[_Line], folded_text: str) -> _Header:
	header = _find_heading(lines)
	top = [i for i, line in enumerate(lines) if line.text][:HEADER_LINES]
	# Formal layout: "Số 16-CT/TU" and "Lào Cai, ngày 02 tháng 8 năm 2021" lines above the type heading.
	for i in top:
		line = lines[i]
		if header.number is None and _NUMBER_LINE.match(line.folded):
			mentions = find_number_mentions(line.text)
			if mentions:
				header.number = mentions[0].number
		if header.issue_date is None and _PLACE_DATE_LINE.match(line.folded):
			dates = find_vn_dates(line.text)
			if dates:
				header.issue_date = dates[0].value
	if header.line_index is None:
		return header
	line = lines[header.line_index]
	body_start = line.start + len(line.text)
	# One-line heading: "… CHỈ THỊ SỐ 16-CT/TU NGÀY 02/8/2021 CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ …".
	cursor = 0
	mentions = find_number_mentions(line.text)
	if mentions and header.number is None:
		header.number = mentions[0].number
		cursor = mentions[0].end
	if mentions:
		cursor = max(cursor, mentions[0].end)
		dates = [mention for mention in find_vn_dates(line.text) if mention.start >= cursor]
		if dates and dates[0].start - cursor <= 12:
			header.issue_date = header.issue_date or dates[0].value
			cursor = dates[0].end
	of_match = re.compile(r"\bcua\s+").search(line.folded, cursor)
	about_match = re.compile(r"\bve\s+").search(line.folded, of_match.end() if of_match else cursor)
	if of_match:
		issuer_end = about_match.start() if about_match else len(line.text)
		issuer = line.text[of_match.end() : issuer_end].strip(" ,.")
		if issuer:
			header.issuer = _restore_case(issuer, text, folded_text, body_start)
	if about_match:
		title = line.text[about_match.start() :].strip()
		header.title = _title_from_uppercase(title, text, folded_text, body_start)
		return header
	# Multi-line heading: "CHỈ THỊ" / "Về việc …" / "…" until a blank line.
	# A "của Ban Thường vụ Tỉnh ủy" line may sit between the type and the title.
	title_lines: list[str] = []
	for index in range(header.line_index + 1, min(len(lines), header.line_index + 7)):
		following = lines[index]
		if not following.text:
			if title_lines:
				break
			continue
		if not title_lines and following.folded.startswith("cua ") and len(following.text) <= 120:
			issuer = following.text[4:].strip(" ,.")
			header.issuer = header.issuer or _restore_case(issuer, text, folded_text, body_start)
			header.end_index = index + 1
			continue
		if not title_lines and not re.match(r"^(?:ve|v/v)\b", following.folded):
			break
		title_lines.append(following.text)
		header.end_index = index + 1
	if title_lines:
		header.title = _title_from_uppercase(" ".join(title_lines), text, folded_text, body_start)
	return header


def _title_from_uppercase(title: str, text: str, folded_text: str, search_from: int) -> str:
	if not _is_mostly_uppercase(title):
		return title
	words = title.split(maxsplit=1)
	lead, rest = words[0], words[1] if len(words) > 1 else ""
	restored = _restore_case(rest, text, folded_text, search_from) if rest else ""
	# The body often writes "về Nâng cao …"; mid-title, only proper names keep their capital.
	second_word = restored.split()[1] if len(restored.split()) > 1 else ""
	if restored and second_word[:1].islower():
		restored = restored[:1].lower() + restored[1:]
	return f"{lead[:1].upper()}{lead[1:].lower()} {restored}".strip()


# --- references and the document's own dates ----------------------------------------------------------

_ISSUER_STOP = re.compile(
	r"[,;.:()\n\"“”]|\s(?:ve|thuc hien|khoa|ngay|trong|theo|doi voi|va|tai|so|nham|de|quy dinh|huong dan"
	r"|tu nam|tu ngay|tu thang|nam \d{4})\s"
)
_COMMA_GAP = re.compile(r"\s{0,3},?\s{0,3}")
_OF = re.compile(r"\s{0,3},?\s{0,3}cua\s+")
_ISSUED_BY_BEFORE = re.compile(r"(?:(?:da|vua)\s+)?ban hanh\s+\S+(?:\s+\S+)?\s+(?:so\s+)?$")
_ISSUER_HEADS = re.compile(
	r"\b(?:ban|bo chinh tri|thu tuong|chinh phu|uy ban|ubnd|hoi dong|tinh uy|huyen uy|thanh uy|thi uy|dang uy"
	r"|dang doan|thuong truc|quoc hoi)\b"
)


@dataclass(frozen=True)
class _Mention:
	number: DirectiveNumber
	start: int
	end: int
	date: DateMention | None
	issuer: str | None
	announced: bool  # written as "<issuer> (đã|vừa) ban hành <type> số <number>"


def _mentions_with_context(text: str, folded_text: str) -> list[_Mention]:
	mentions = []
	for mention in find_number_mentions(text):
		# Date right after: "số 290-QĐ/TW, ngày 25/02/2010" / "số 17-QC/TU ngày 04/12/2019".
		gap = _COMMA_GAP.match(text, mention.end)
		written_date = date_at(text, gap.end() if gap else mention.end)
		cursor = written_date.end if written_date else mention.end
		# Issuer right after the number or its date: "… của Bộ chính trị (khóa XI) về …".
		issuer = None
		of_match = _OF.match(folded_text, cursor)
		if of_match:
			stop = _ISSUER_STOP.search(folded_text, of_match.end(), of_match.end() + 90)
			end = stop.start() if stop else min(len(text), of_match.end() + 60)
			issuer = " ".join(text[of_match.end() : end].split()) or None
		# Written before: "ngày 02/8/2022 Ban Thường vụ Tỉnh ủy đã ban hành Chỉ thị số 16-CT/TU".
		sentence_start = max(text.rfind(".", 0, mention.start), text.rfind("\n", 0, mention.start), 0)
		window_start = max(sentence_start, mention.start - 160)
		issued = _ISSUED_BY_BEFORE.search(folded_text, window_start, mention.start)
		if issued:
			before_dates = find_vn_dates(text[window_start : issued.start()])
			if written_date is None and before_dates:
				last = before_dates[-1]
				written_date = DateMention(
					last.value, window_start + last.start, window_start + last.end, last.text
				)
			if issuer is None:
				issuer = _issuer_before(text, folded_text, window_start, issued.start())
		mentions.append(
			_Mention(mention.number, mention.start, mention.end, written_date, issuer, issued is not None)
		)
	return mentions


def _issuer_before(text: str, folded_text: str, start: int, end: int) -> str | None:
	"""The body named just before "(đã|vừa) ban hành", e.g. "BDK - Ban Thường vụ Tỉnh ủy vừa ban hành"."""
	segment_start = start
	for separator in (" - ", " – ", ",", ";", ":"):
		position = text.rfind(separator, start, end)
		if position >= 0:
			segment_start = max(segment_start, position + len(separator))
	head = _ISSUER_HEADS.search(folded_text, segment_start, end)
	if head is None or not text[head.start()].isupper():
		return None
	return " ".join(text[head.start() : end].split()) or None


def _references(
	mentions: list[_Mention], own: DirectiveNumber | None, warnings: list[str]
) -> list[Reference]:
	by_number: dict[str, Reference] = {}
	for mention in mentions:
		key = mention.number.normalized
		if own is not None and key == own.normalized:
			continue
		mentioned_date = mention.date.value if mention.date else None
		reference = by_number.get(key)
		if reference is None:
			by_number[key] = Reference(key, mentioned_date, mention.issuer)
			continue
		if reference.date and mentioned_date and mentioned_date != reference.date:
			warnings.append(
				f"Văn bản số {key} được dẫn với hai ngày khác nhau: {_vn_date(reference.date)} và "
				f"{_vn_date(mentioned_date)}; giữ ngày {_vn_date(reference.date)} (lần dẫn đầu tiên)."
			)
		reference.date = reference.date or mentioned_date
		reference.issuer = reference.issuer or mention.issuer
	return list(by_number.values())


# --- the parse -----------------------------------------------------------------------------------------


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
	meeting = bool(_MEETING_MARKERS.search(lead_folded)) and header.doc_type is None
	items = _collect_items(lines, header.end_index)
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
	tasks = [_task_from_item(item) for item in items]
	document = DocumentInfo(
		number and number.normalized, doc_type, issuer, issue_date, header.title, warnings
	)
	return DirectiveParse(document, references, tasks, True, None)


def _task_from_item(item: _Item) -> Task:
	clause = item.text
	presiding, coordinating = extract_units(clause)
	return Task(_task_title(clause), clause, presiding, coordinating, parse_deadline(clause))


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


# --- CLI -----------------------------------------------------------------------------------------------

_KIND_LABELS = {
	"date": "ngày",
	"before": "trước",
	"within_month": "trong tháng",
	"quarter": "trong quý",
	"from_year": "từ năm",
	"recurring": "định kỳ",
	"none": "không có",
}


def format_human(result: DirectiveParse) -> str:
	document = result.document
	out = []
	if not result.is_directive:
		out.append(f"KHÔNG PHẢI CHỈ THỊ: {result.not_directive_reason}")
	out.append(f"Văn bản: {document.doc_type or '?'} số {document.number or '?'}")
	out.append(f"Cơ quan ban hành: {document.issuer or '?'}")
	out.append(f"Ngày ban hành: {_vn_date(document.issue_date) if document.issue_date else '?'}")
	out.append(f"Trích yếu: {document.title or '?'}")
	for warning in document.warnings:
		out.append(f"Cảnh báo: {warning}")
	out.append(f"Văn bản được dẫn ({len(result.references)}):")
	for reference in result.references:
		when = _vn_date(reference.date) if reference.date else "?"
		out.append(f"  - {reference.number}, ngày {when}, của {reference.issuer or '?'}")
	out.append(f"Nhiệm vụ ({len(result.tasks)}):")
	for number, task in enumerate(result.tasks, 1):
		out.append(f"  {number}. {task.title}")
		if task.presiding:
			out.append(f"     Chủ trì: {'; '.join(task.presiding)}")
		if task.coordinating:
			out.append(f"     Phối hợp: {'; '.join(task.coordinating)}")
		deadline = task.deadline
		if deadline.kind != "none" or deadline.text:
			due = f" → {_vn_date(deadline.due)}" if deadline.due else ""
			out.append(f"     Thời hạn: {_KIND_LABELS[deadline.kind]} ({deadline.text}){due}")
	return "\n".join(out)


def read_text_file(path: Path) -> str:
	try:
		data = path.read_bytes()
	except OSError as error:
		raise DirectiveTextError(f"Không đọc được tệp {path}: {error.strerror or error}") from error
	if len(data) > 4 * MAX_TEXT_CHARS:
		raise DirectiveTextError(f"Tệp quá lớn ({len(data):,} byte) để là một văn bản chỉ thị.")
	try:
		return data.decode("utf-8-sig")
	except UnicodeDecodeError as error:
		raise DirectiveTextError("Tệp không phải văn bản mã hóa UTF-8.") from error


def main(argv: Sequence[str] | None = None) -> int:
	parser = argparse.ArgumentParser(
		description="Phân tích văn bản chỉ thị (số hiệu, văn bản dẫn, nhiệm vụ)."
	)
	parser.add_argument("file", type=Path, help="tệp văn bản UTF-8")
	parser.add_argument("--json", action="store_true", help="in đúng một đối tượng JSON")
	args = parser.parse_args(argv)
	try:
		result = parse_directive_text(read_text_file(args.file))
	except DirectiveTextError as error:
		print(f"Lỗi: {error}", file=sys.stderr)
		return 1
	if args.json:
		print(json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2))
	else:
		print(format_human(result))
	return 0


if __name__ == "__main__":
	sys.exit(main())
