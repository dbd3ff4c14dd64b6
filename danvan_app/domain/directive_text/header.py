"""The heading block: number, type, issuer, date and title."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from danvan_app.domain.directive_number import DirectiveNumber, find_number_mentions
from danvan_app.domain.directive_text.results import (
	HEADER_LINES,
)
from danvan_app.domain.directive_text.structure import (
	_NUMBER_LINE,
	_PLACE_DATE_LINE,
	_SUMMARY_PREFIX,
	_is_mostly_uppercase,
	_Line,
)
from danvan_app.domain.directive_text.vocabulary import (
	_HEADING_WORD,
	DOC_TYPE_BY_HEADING_WORD,
)
from danvan_app.domain.vn_text import (
	find_vn_dates,
	fold_same_length,
)


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
