"""The text's structure: lines, numbered items and the headings that group them into tasks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from danvan_app.domain.directive_text.layout import unwrap
from danvan_app.domain.directive_text.results import (
	MAX_TEXT_CHARS,
	TITLE_MAX_CHARS,
	DirectiveTextError,
)
from danvan_app.domain.vn_text import (
	fix_lookalikes,
	normalize_whitespace,
)

_ITEM_MARKER = re.compile(
	r"^(?:(?P<decimal>\d{1,2}(?:\.\d{1,2})+)\.?(?=\s)|(?P<number>\d{1,2})\s?[.)](?!\d)"
	r"|(?P<number_dash>\d{1,2})\s?[-–](?!\d)|\((?P<paren>\d{1,2})\)(?=\s+[A-ZĐÀ-Ỹ])"
	r"|(?P<letter>[a-zđ])(?:\)|\.(?=\s+[A-ZĐÀ-Ỹ]))"
	r"|(?P<bullet>[-–—+•*·▪●◦]))\s*"
)
_ROMAN_HEADING = re.compile(r"^[IVX]{1,5}\s?[.)/-]\s*")
_HEADING_MARKER = re.compile(r"^(?:[*\-–•]\s*|[IVX]{1,5}\s?[.)/-]\s*|\d{1,2}\s?[.)]\s*|[A-ZĐ]\s?[.)]\s*)")
_TASK_HEADING_WORD = (
	r"(?:(?:nhiem vu|giai phap|noi dung|hoat dong|tien do|lo trinh|phan cong(?: trach nhiem| nhiem vu)?)"
	r"(?:\s+(?:trong tam|chu yeu|cu the|can thuc hien|thuc hien|trien khai(?: thuc hien)?))*"
	# An inspection plan's contents are the inspections it carries out: "NỘI DUNG KIỂM TRA, GIÁM SÁT".
	r"(?:(?<=noi dung)\s+(?:kiem tra|giam sat)(?:\s*(?:,|va)\s*(?:kiem tra|giam sat))?)?"
	# A guidance's contents are the work of its bodies (issue 15): "NỘI DUNG CÔNG TÁC MẶT TRẬN TRONG BẦU CỬ".
	r"(?:(?<=noi dung)\s+(?:cong tac|huong dan)\b[^:.,]{0,60})?"
	# A plan's activities: "NỘI DUNG HOẠT ĐỘNG TRIỂN KHAI".
	r"(?:(?<=noi dung)\s+hoat dong(?:\s+(?:trien khai|thuc hien|trong tam))?)?"
	# A plan's own contents, like "II. NỘI DUNG": "II. NỘI DUNG KẾ HOẠCH" (issue 15).
	r"(?:(?<=noi dung)\s+ke hoach)?"
	# A conclusion notice's answers to the requests it heard, each given to a body (issue 15): "II. MỘT SỐ KIẾN
	# NGHỊ CỦA TỈNH", "III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH".
	r"|kien nghi(?:\s+cua\s+(?:tinh|thanh pho|dia phuong|cac dia phuong|bo|cac bo)\b)?)"
)
# "NHIỆM VỤ, GIẢI PHÁP", "NỘI DUNG THỰC HIỆN", "NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN".
_TASKS_HEADING = re.compile(
	rf"^(?:ve\s+)?(?:cac\s+|nhung\s+|mot so\s+)?{_TASK_HEADING_WORD}(?:\s*(?:,|va)\s*{_TASK_HEADING_WORD}){{0,3}}"
	r"(?:\s+trong thoi gian toi)?\s*[:.]?$"
)
_IMPLEMENTATION_HEADING = re.compile(
	r"^(?:ve\s+)?(?:to chuc thuc hien|trach nhiem thuc hien|phan cong (?:trach nhiem|thuc hien|nhiem vu)"
	r"|to chuc trien khai thuc hien|trach nhiem cua cac (?:co quan|don vi|so|cap)[^:.]{0,60}"
	r"|(?:phan cong )?trach nhiem (?:trien khai|to chuc) thuc hien)\s*[:.]?$"
)
# The closing sentence of a preamble before numbered directions: "… thực hiện các nhiệm vụ trọng tâm sau:",
# "Ban Thường vụ Tỉnh ủy yêu cầu:", "Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:" (not "… Chỉ thị số 05/CT-TU:"); a
# Công văn's "Chủ tịch Ủy ban nhân dân Thành phố có ý kiến chỉ đạo như sau:" (issue 15).
# A minister's or a leader's assignment and a conclusion notice's opener close the preamble the same way: "…, Bộ
# trưởng giao:", "…, Phó Thủ tướng Chính phủ kết luận như sau:" (issue 15).
_INTRO_TO_TASKS = re.compile(
	r"(?:nhiem vu|giai phap|yeu cau|noi dung|\bchi thi(?!\s+(?:so\b|\d|nay\b))|\bchi dao\b)[^:]{0,80}:$"
	r"|\b(?:giao|ket luan(?: nhu sau)?)\s*:$"
)
# The first numbered duty after such a sentence: "1. …", "1) …", or a Kết luận's "(1) …" (issue 15).
_FIRST_DUTY = re.compile(r"^(?:1\s?[.)-]|\(1\))\s")
# The end of a text: recipients, signatures, a web page's trailer, "… này có hiệu lực", and a notice's closing
# formula ("Văn phòng Trung ương Đảng xin thông báo để …", "Văn phòng Chính phủ xin trân trọng thông báo"): the
# office passing the notice on, not a body given a duty (issue 15).
_CLOSING_LINE = re.compile(
	r"^(?:noi nhan|t/m\b|tm\.|k/t\b|kt\.|tren day la\b|thong tin moi nhat|tin (?:lien quan|moi)|bai viet lien quan"
	r"|chia se|binh luan|(?:chi thi|nghi quyet|quy che|quy dinh|ke hoach|chuong trinh|ket luan|huong dan) nay"
	r" (?:duoc|co hieu luc)|[^.;:]{0,80}\bxin (?:tran trong )?thong bao\b)"
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
	section: str  # "tasks" | "implementation" | "articles" (an article of a decision or regulation)
	actor: str | None = None  # the header that names the body for every sub-item ("1. Sở Nội vụ:")
	# the time of a lead duty over its points ("… gửi … trước ngày 10/12 hàng năm" over "a) Công an tỉnh: …"):
	# each point is that body's share of the duty, due when the duty is (issue 15)
	lead_time: str | None = None

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
	prepared = unwrap(normalize_whitespace(fix_lookalikes(text), keep_newlines=True))
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
	if match.group("decimal"):
		return "decimal"  # "1.1.", "2.3": a point under a numbered one
	if match.group("number") or match.group("number_dash"):
		return "number"
	if match.group("paren"):
		return "paren"  # "(1) Tích cực, chủ động …": a Kết luận's numbered directions, a list of its own
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


def _task_title(clause: str) -> str:
	first_paragraph = clause.split("\n", 1)[0]
	sentence = re.split(r"(?<=[.!?…:])\s", first_paragraph, maxsplit=1)[0].rstrip(".:;")
	if len(sentence) <= TITLE_MAX_CHARS:
		return sentence
	cut = sentence[: TITLE_MAX_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:-–")
	return cut + "…"
