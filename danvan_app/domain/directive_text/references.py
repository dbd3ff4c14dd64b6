"""Other documents the text refers to, with their issuers and dates."""

from __future__ import annotations

import re
from dataclasses import dataclass

from danvan_app.domain.directive_number import DirectiveNumber, find_number_mentions
from danvan_app.domain.directive_text.results import (
	Reference,
	_vn_date,
)
from danvan_app.domain.vn_text import (
	DateMention,
	date_at,
	find_vn_dates,
)

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
