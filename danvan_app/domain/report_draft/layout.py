"""The official layout: header, number and symbol, date line and signature of a Party or State body
(Hướng dẫn 36-HD/VPTW, Nghị định 30/2020/NĐ-CP)."""

from __future__ import annotations

from datetime import date

from danvan_app.domain.report_draft.data import Body
from danvan_app.domain.report_draft.document import Header, Signature

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
