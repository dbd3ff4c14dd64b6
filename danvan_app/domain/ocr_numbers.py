"""Numbers, dates and document numbers as Tesseract reads them in a serif face ("3O/9/2O16", "16-C1/TU", "quý
IH/2024"), put right: the letters it gives for digits, and the digits it gives for a code's letters. Part of
the OCR clean-up (``ocr_cleanup``). Pure standard library.
"""

from __future__ import annotations

import re

# Letters Tesseract gives for digits in a serif face: O/o for 0, l/I/| for 1.
_DIGIT_FOR = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_LOOK = "0-9Ool|I"
# A run of digits and look-alikes with at least one real digit, not part of a word: "3O", "2O16", "l5".
_NUMBER_RUN = re.compile(rf"(?<![^\W\d_])(?=[{_LOOK}]*\d)[{_LOOK}]+(?![^\W\d_])")
# A date or number with separators, whose other parts may be all look-alikes once one part has a digit:
# "lO/9/2O16" -> "10/9/2016". Letters around it mean a word.
_SEPARATED = re.compile(rf"(?<![^\W\d_])[{_LOOK}]{{1,4}}(?:[/.][{_LOOK}]{{1,4}}){{1,2}}(?![^\W\d_])")
# A number that must be one by its place: after "ngày", "tháng", "năm" ("ngày l tháng 9"), and a
# document number after "Số"/"số:" ("Số l-CT/TU"). Python's look-behind is fixed-width, hence one per word.
_PLACED_NUMBER = re.compile(
	rf"(?i)(?:(?<=ngày )|(?<=tháng )|(?<=năm ))[{_LOOK}]{{1,4}}(?=[\s,.;]|$)"
	rf"|(?:(?<=số )|(?<=số: )|(?<=số:))[{_LOOK}]{{1,5}}(?=-[^\W\d_])"
)
# A document number "16-CT/TU": its code letters are a short list, so a digit read inside one ("16-C1/TU")
# is put back by trying the letters that digit is mistaken for.
_DOCUMENT_NUMBER = re.compile(r"(?<![\w/])(\d{1,5}-)([A-ZĐa-z0-9]{1,8}(?:/[A-ZĐa-z0-9]{1,8}){1,2})(?![\w/])")
_CODES = set(
	"CT NQ KL QĐ QD HD HĐ KH TB BC CV TTr CTr TU HU TW ĐU ĐĐ UBND HĐND BDV BDVTW BDVTU BDVHU VPTU TT NĐ"
	" BCĐ QC CTHĐ ĐĐCT BTG BTC UBKT TTg BCS UB MTTQ TTHĐ".split()
)
_LETTERS_FOR = {"1": "TIl", "0": "OĐD", "8": "B", "5": "S"}
_ROMAN = re.compile(r"[IVX]+")


def repair_numbers(line: str) -> str:
	line = re.sub(r"(?<=quý )[IVHUYl1|]{1,4}(?=/\d{4})", _quarter, line, flags=re.IGNORECASE)
	line = _DOCUMENT_NUMBER.sub(_document_number, line)
	line = _SEPARATED.sub(_separated_digits, line)
	line = _NUMBER_RUN.sub(_digits, line)
	return _PLACED_NUMBER.sub(_digits, line)


_QUARTERS = {"I", "II", "III", "IV"}
# What Tesseract gives for the strokes of a quarter's numeral: II as H, I as l, 1, | or U, V as U or Y.
_STROKES = {"H": ("II",), "l": ("I",), "1": ("I",), "|": ("I",), "U": ("I", "V"), "Y": ("V",)}


def _quarter(match: re.Match[str]) -> str:
	""" "quý IH/2024", "quý IIU/2024" → "quý III/2024", when exactly one reading is a quarter (I-IV)."""
	readings = {""}
	for ch in match[0]:
		readings = {start + option for start in readings for option in _STROKES.get(ch, (ch,))}
	quarters = readings & _QUARTERS
	return quarters.pop() if len(quarters) == 1 else match[0]


def _digits(match: re.Match[str]) -> str:
	return match[0].translate(_DIGIT_FOR)


def _document_number(match: re.Match[str]) -> str:
	codes = match[2].split("/")
	return match[1] + "/".join(_undoubled(_code(code)) for code in codes)


def _code(code: str) -> str:
	if code in _CODES or not any(ch.isdigit() for ch in code):
		return code
	candidates = [""]
	for ch in code:
		options = _LETTERS_FOR.get(ch, ch) if ch.isdigit() else ch
		candidates = [start + option for start in candidates for option in options][:64]
	known = [candidate for candidate in candidates if candidate in _CODES]
	return known[0] if len(known) == 1 else code


def _undoubled(code: str) -> str:
	""" "QĐĐ" (a letter read twice) is "QĐ" when that is a known code and the doubled one is not."""
	if code in _CODES:
		return code
	single = re.sub(r"(.)\1", r"\1", code)
	return single if single in _CODES else code


def _separated_digits(match: re.Match[str]) -> str:
	parts = re.split(r"[/.]", match[0])
	# "quý II/2024" is a Roman quarter; a date needs a real digit somewhere.
	if any(_ROMAN.fullmatch(part) for part in parts) or not re.search(r"\d", match[0]):
		return match[0]
	return _digits(match)
