"""Document numbers ("số ký hiệu") of Party and State documents.

Two conventions coexist:

* Party documents (Đảng): ``<serial>-<type>/<issuer>`` — ``16-CT/TU``, ``290-QĐ/TW``, ``232-CV/BDVTW``.
* State documents (Nhà nước): ``<serial>[/<year>]/<type>-<issuer>`` — ``16/CT-TTg``, ``01/2021/NQ-HĐND``.

Numbers are typed by hand and copied from web pages, so parsing tolerates what is clearly meant
(``16 CT/TU``, ``16–CT/TU``, ``16-ct/tu``, ``QD`` for ``QĐ``, non-breaking spaces) but refuses anything
whose type code it does not know: a wrong type code usually means the text is not a document number at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from danvan_app.domain.vn_text import fix_lookalikes, fold, normalize_whitespace

DOC_TYPE_BY_CODE: dict[str, str] = {
	"CT": "Chỉ thị",
	"NQ": "Nghị quyết",
	"QĐ": "Quyết định",
	"QC": "Quy chế",
	"QĐi": "Quy định",
	"KH": "Kế hoạch",
	"CTr": "Chương trình",
	"KL": "Kết luận",
	"HD": "Hướng dẫn",
	"CV": "Công văn",
	"TB": "Thông báo",
	"BC": "Báo cáo",
	"TTr": "Tờ trình",
	"ĐA": "Đề án",
	"NĐ": "Nghị định",
	"TT": "Thông tư",
	"TTLT": "Thông tư liên tịch",
	"NQLT": "Nghị quyết liên tịch",
	"CTLT": "Chương trình liên tịch",
	"QyĐ": "Quy định",  # the State spelling of "Quy định" (QĐi is the Party one)
	"BB": "Biên bản",
	"PA": "Phương án",
	"CĐ": "Công điện",
	"GM": "Giấy mời",
}

ISSUER_BY_CODE: dict[str, str] = {
	"TW": "Trung ương",
	"BCT": "Bộ Chính trị",
	"BBT": "Ban Bí thư",
	"TU": "Tỉnh ủy",
	"ThU": "Thành ủy",
	"HU": "Huyện ủy",
	"QU": "Quận ủy",
	"TXU": "Thị xã ủy",
	"ĐU": "Đảng ủy",
	"ĐUK": "Đảng ủy Khối",
	"BCSĐ": "Ban cán sự đảng",
	"ĐĐ": "Đảng đoàn",
	"BDV": "Ban Dân vận",
	"BDVTW": "Ban Dân vận Trung ương",
	"BDVTU": "Ban Dân vận Tỉnh ủy",
	"BDVHU": "Ban Dân vận Huyện ủy",
	"BTGTW": "Ban Tuyên giáo Trung ương",
	"BTGTU": "Ban Tuyên giáo Tỉnh ủy",
	"BTCTW": "Ban Tổ chức Trung ương",
	"BTCTU": "Ban Tổ chức Tỉnh ủy",
	"UBKTTW": "Ủy ban Kiểm tra Trung ương",
	"UBKTTU": "Ủy ban Kiểm tra Tỉnh ủy",
	"VPTW": "Văn phòng Trung ương Đảng",
	"VPTU": "Văn phòng Tỉnh ủy",
	"TTg": "Thủ tướng Chính phủ",
	"CP": "Chính phủ",
	"QH": "Quốc hội",
	"UBTVQH": "Ủy ban Thường vụ Quốc hội",
	"UBND": "Ủy ban nhân dân",
	"HĐND": "Hội đồng nhân dân",
	"MTTQ": "Mặt trận Tổ quốc",
	"UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
	"MTTW": "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
}

PARTY_STYLE = "party"
STATE_STYLE = "state"

# Codes are compared folded (no diacritics, casefolded) so "qd", "QD" and "QĐ" are the same code.
# Folding keeps the tables unambiguous: no two codes above fold to the same key (asserted below).
_DOC_TYPE_CODE_BY_FOLDED = {fold(code): code for code in DOC_TYPE_BY_CODE}
_ISSUER_CODE_BY_FOLDED = {fold(code): code for code in ISSUER_BY_CODE}
assert len(_DOC_TYPE_CODE_BY_FOLDED) == len(DOC_TYPE_BY_CODE), "two type codes fold alike"
assert len(_ISSUER_CODE_BY_FOLDED) == len(ISSUER_BY_CODE), "two issuer codes fold alike"

# Character classes kept narrow and quantifiers bounded so a 10 MB input cannot make the regex backtrack badly.
_LETTER = r"A-Za-zĐđÐð"  # Ð/ð: look-alikes of Đ/đ that fold() maps back
_CODE = rf"[{_LETTER}]{{1,8}}"
# Issuer codes of State documents may be hyphenated chains: 123/QĐ-BNN-TCCB.
_ISSUER = rf"[{_LETTER}][{_LETTER}0-9]{{0,11}}"
_STATE_ISSUER = rf"{_ISSUER}(?:-{_ISSUER}){{0,3}}"
_DASH = r"[-\u2010\u2011\u2012\u2013\u2014\u2212]"
_GAP = r"[ \t\u00a0\u202f]{0,3}"  # stray spaces around separators, never line breaks
_BEFORE = r"(?<![0-9A-Za-z/\-\u2013])"
_AFTER = rf"(?![{_LETTER}0-9])"

_PARTY_NUMBER = re.compile(
	rf"{_BEFORE}(?P<serial>\d{{1,5}})(?:{_GAP}{_DASH}{_GAP}|[ \t\u00a0]{{1,3}})(?P<type>{_CODE}){_GAP}/{_GAP}"
	rf"(?P<issuer>{_ISSUER}){_AFTER}"
)
_STATE_NUMBER = re.compile(
	rf"{_BEFORE}(?P<serial>\d{{1,5}})(?:{_GAP}/{_GAP}(?P<year>(?:19|20)\d\d))?{_GAP}/{_GAP}(?P<type>{_CODE})"
	rf"{_GAP}{_DASH}{_GAP}(?P<issuer>{_STATE_ISSUER}){_AFTER}"
)

# What may surround a number given to parse_directive_number: "số", "Số:", quotes and punctuation.
_ALLOWED_WRAPPING = re.compile(r"[\s\"'“”‘’()\[\],.;:]*(?:so|no\.?)?[\s\"'“”‘’()\[\],.;:]*")


class InvalidDirectiveNumber(ValueError):
	"""The text is not a document number we can read. ``text`` keeps the input for error messages."""

	def __init__(self, text: str, reason: str = "") -> None:
		self.text = text
		message = f"Số hiệu văn bản không hợp lệ: {text!r}"
		super().__init__(f"{message} ({reason})" if reason else message)


@dataclass(frozen=True)
class DirectiveNumber:
	raw: str  # as written in the source (after whitespace normalisation)
	serial: int
	type_code: str  # canonical spelling: "QĐ" even when written "qd"
	issuer_code: str
	doc_type: str | None  # "Chỉ thị"
	issuer_name: str | None  # None for issuer codes we do not know; they are still accepted
	normalized: str  # "16-CT/TU", "08-CT/TU", "16/CT-TTg" — leading zeros kept, they are part of the number
	style: str  # PARTY_STYLE or STATE_STYLE

	def __str__(self) -> str:
		return self.normalized


def _canonical_issuer_code(written: str) -> str:
	known = _ISSUER_CODE_BY_FOLDED.get(fold(written))
	if known:
		return known
	# Unknown issuers keep their own spelling, except all-lowercase typing which is clearly just sloppy.
	return written.upper() if written.islower() else written


def _number_from_match(match: re.Match[str], style: str) -> DirectiveNumber | None:
	"""Build a DirectiveNumber, or None when the match is not a number (unknown type code, serial 0)."""
	serial_text = match.group("serial")
	type_code = _DOC_TYPE_CODE_BY_FOLDED.get(fold(match.group("type")))
	if type_code is None or int(serial_text) == 0:
		return None
	if style == PARTY_STYLE:
		issuer_code = _canonical_issuer_code(match.group("issuer"))
		normalized = f"{serial_text}-{type_code}/{issuer_code}"
	else:
		issuer_code = "-".join(_canonical_issuer_code(part) for part in match.group("issuer").split("-"))
		year = match.group("year")
		normalized = (
			f"{serial_text}/{year}/{type_code}-{issuer_code}"
			if year
			else f"{serial_text}/{type_code}-{issuer_code}"
		)
	return DirectiveNumber(
		raw=match.group(0),
		serial=int(serial_text),
		type_code=type_code,
		issuer_code=issuer_code,
		doc_type=DOC_TYPE_BY_CODE[type_code],
		issuer_name=ISSUER_BY_CODE.get(issuer_code),
		normalized=normalized,
		style=style,
	)


def _iter_candidates(text: str) -> Iterator[tuple[int, int, DirectiveNumber | None]]:
	"""(start, end, number-or-None) for every party- or state-style shape, left to right, non-overlapping."""
	found: list[tuple[int, int, re.Match[str], str]] = []
	for pattern, style in ((_PARTY_NUMBER, PARTY_STYLE), (_STATE_NUMBER, STATE_STYLE)):
		found.extend((m.start(), m.end(), m, style) for m in pattern.finditer(text))
	found.sort(key=lambda item: (item[0], -item[1]))
	last_end = -1
	for start, end, match, style in found:
		if start < last_end:
			continue
		last_end = end
		yield start, end, _number_from_match(match, style)


@dataclass(frozen=True)
class NumberMention:
	"""A number found in running text, with its span in the text exactly as given."""

	number: DirectiveNumber
	start: int
	end: int


def find_number_mentions(text: str) -> list[NumberMention]:
	"""Like find_directive_numbers, but positions refer to ``text`` unchanged (it is not normalised first)."""
	return [NumberMention(number, start, end) for start, end, number in _iter_candidates(text) if number]


def _prepare(text: str) -> str:
	return normalize_whitespace(fix_lookalikes(text), keep_newlines=True)


def find_directive_numbers(text: str) -> list[DirectiveNumber]:
	"""Every document number written in running text, in order; shapes with unknown type codes are skipped."""
	return [number for _, _, number in _iter_candidates(_prepare(text)) if number is not None]


def parse_directive_number(text: str) -> DirectiveNumber:
	"""Parse one document number, e.g. ``"số 16-CT/TU,"`` → ``DirectiveNumber(serial=16, …)``.

	Raises InvalidDirectiveNumber for empty text, garbage, unknown type codes, serial 0, or text that
	holds more than a number (apart from a leading "số" and punctuation).
	"""
	if not isinstance(text, str) or not text.strip():
		raise InvalidDirectiveNumber(str(text), "trống")
	prepared = _prepare(text)
	candidates = list(_iter_candidates(prepared))
	if len(candidates) != 1:
		reason = "không thấy số hiệu" if not candidates else "có nhiều hơn một số hiệu"
		raise InvalidDirectiveNumber(text, reason)
	start, end, number = candidates[0]
	if number is None:
		raise InvalidDirectiveNumber(text, "loại văn bản hoặc số thứ tự không hợp lệ")
	leftover = fold(prepared[:start]) + " " + fold(prepared[end:])
	if not _ALLOWED_WRAPPING.fullmatch(leftover):
		raise InvalidDirectiveNumber(text, "có chữ thừa ngoài số hiệu")
	return number
