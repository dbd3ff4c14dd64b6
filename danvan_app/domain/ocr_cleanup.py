"""Repairs for what OCR typically breaks in a Vietnamese administrative text, before the directive parser
reads it.

Each repair is narrow on purpose: a wrong "repair" of a correct word is worse than a misread the reviewer
sees next to the page. Pure standard library.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from danvan_app.domain.ocr_doubtful import DOUBTFUL, Recognised, respell_doubtful
from danvan_app.domain.ocr_evidence import FUNCTION_WORDS, LOWER, UPPER, repair_words
from danvan_app.domain.ocr_lists import (
	_LETTERED_POINT,
	_MARK_FOR_NUMBER,
	_OWN_LINE,
	_PLACE_DATE,
	_dashes_read_as_marks,
	_is_heading,
	_list_repairs,
	_lost_dashes,
	_stray_dashes,
)
from danvan_app.domain.ocr_numbers import repair_numbers

_LOWER, _UPPER = LOWER, UPPER  # Vietnamese lower- and upper-case letters as regex classes
# A line end that splits a word at a hyphen: "chính quy-\nền"; joined only when lower case follows.
_HYPHEN_BREAK = re.compile(r"([^\W\d_])-\n\ue000?([^\W\d_])")
# "15-\nCT/TU" is a document number split after its hyphen: the line break goes, the hyphen stays.
_NUMBER_HYPHEN_BREAK = re.compile(r"(\d)-\n(?=[A-ZĐ]{2,}/)")
# "Thông tri số 05/TT-" / "MTTW-BTT" and "13/HD- MTTW-BTT": a document number's code wrapped after a hyphen.
# A speck read as a second hyphen at the next page's or line's start ("03/CT-" / "-UBND") goes with the break.
_CODE_HYPHEN_BREAK = re.compile(r"(\d{1,5}/[A-ZĐ][A-ZĐa-z]{0,7})- ?\n{0,2}\ue000?-?(?=[A-ZĐ]{2,})")
# Words that never end a sentence: a paragraph break Tesseract put after one ("… và của" / blank / "Ban
# Thường trực …") is inside a paragraph.
_RUNS_ON_WORD = re.compile(r"(?<!\S)(?:" + "|".join(FUNCTION_WORDS) + r")$")
# Marks from stamps, signatures and dirt that Tesseract reads as punctuation on their own.
# ("*" stays: offices head a section with it, "* Về nhiệm vụ:".)
_STRAY_TOKEN = re.compile(r"(?<!\S)[|¦~_^ˆ`'\"«»‹›©®°¬•#<>{}\[\]\\=;:,.¡¿]{1,3}(?!\S)")
# A short line mixing letters and digits, alone between paragraphs ("3k."): dirt read as text.
_JUNK_LINE = re.compile(r"^(?=\S*\d)(?=\S*[^\W\d_])\S{1,3}$")
_PAGE_NUMBER = re.compile(r"^\W{0,3}(?:trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?\W{0,3}$", re.IGNORECASE)
# Edge lines looked at for running headers and footers.
_EDGE = 3


def clean_ocr_pages(
	pages: list[str], words: list[Recognised] | None = None, trusted: float = DOUBTFUL
) -> str:
	"""The recognised pages as one text, repaired: running headers/footers and page numbers removed, stamp
	marks dropped, hyphenated line breaks joined, look-alike letters in numbers and dates made digits, NFC.
	With Tesseract's ``words`` (in reading order, with their confidence), the doubtful ones are respelled
	where a phrase shows their marks (``ocr_doubtful``; ``trusted`` is the confidence of the words whose
	phrases count as evidence)."""
	pages = [unicodedata.normalize("NFC", page) for page in pages]
	pages = [page.strip("\n") for page in _without_running_lines(pages)]
	text = pages[0] if pages else ""
	for page in pages[1:]:
		# A page break is the printer's, not the writer's: a paragraph that runs on to the next page is one
		# paragraph, even when the page's first word is a capital ("… thủ tục hành chính" / "TTHC cấp xã …").
		text += ("\n" + _CONTINUED) if _runs_on(text, page) else "\n\n"
		text += page
	text = clean_ocr_text(text)
	if words:
		text = respell_doubtful(text, words, trusted=trusted)
	return text


# Put before a page's first line that continues the paragraph the page before ended in; the line joining
# (``_join_wrapped_lines``) joins it whatever it looks like, and removes the mark.
_CONTINUED = "\ue000"
# A printed line this long that ends without a mark is a paragraph's line cut by the page's end, not a
# title's or a heading's last line (a full line of 13 pt text holds 75-90 characters).
_FULL_LINE = 50


# A printed line shorter than this part of the text's full line ends its paragraph (a justified paragraph's
# lines fill the measure; its last line most often does not).
_SHORT = 0.75


def _capitals_ending(printed: str, line: str, full: int | None) -> bool:
	"""A paragraph's last words read in capitals ("… Quy chế dân chủ ở" / "CƠ SỞ."): a few words closing a
	sentence, after a full printed line of prose that does not end one. A heading ends without a stop."""
	printed = printed.strip()
	return bool(
		full
		and len(printed) >= _SHORT * full
		and not _is_heading(printed)
		and not re.search(r"[.;:!?…]$", printed)
		and len(line.split()) <= 4
		and re.search(r"[^\W\d_][.;]$", line.strip())
		and not _OWN_LINE.match(line)
	)


def _full_width(lines: list[str]) -> int | None:
	"""The length of a full printed line in this text (the longest lines but a few outliers), or None for a
	text too short to tell."""
	lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) >= 20)
	if len(lengths) < 10:
		return None
	return lengths[int(len(lengths) * 0.8)]


def _runs_on(before: str, page: str) -> bool:
	"""Whether ``page`` starts in the middle of the paragraph ``before`` ended in."""
	full = _full_width(before.split("\n") + page.split("\n"))
	last = next((line.strip() for line in reversed(before.split("\n")) if _has_content(line)), "")
	first = next((line.strip() for line in page.split("\n") if _has_content(line)), "")
	if not last or not first or re.search(r"[.;:!?…]$", last) or _is_heading(last):
		return False
	if _OWN_LINE.match(first) or _PLACE_DATE.search(first) or _PAGE_NUMBER.match(first):
		return False
	return first[:1].islower() or len(last) >= (_SHORT * full if full else _FULL_LINE)


def clean_ocr_text(text: str) -> str:
	"""The line-level and word-level repairs of one text (see clean_ocr_pages)."""
	text = unicodedata.normalize("NFC", text)
	# Eth (Ð, Icelandic) for Đ: the same glyph, and Vietnamese has only Đ.
	text = text.replace("Ð", "Đ").replace("ð", "đ")
	text = text.replace("\u00ad", "").replace("ﬁ", "fi").replace("ﬂ", "fl")
	text = re.sub(r"[‘’`´]", "'", text)
	lines = [_clean_line(line) for line in _dashes_read_as_marks(text.split("\n"))]
	text = "\n".join(line for line in lines if line is not None)
	text = _NUMBER_HYPHEN_BREAK.sub(r"\1-", text)
	text = _CODE_HYPHEN_BREAK.sub(r"\1-", text)
	text = _HYPHEN_BREAK.sub(lambda m: m[1] + m[2] if m[2].islower() else m[0], text)
	text = _list_repairs(text)
	# A paragraph never starts in lower case: Tesseract split one (a centred title's second line, often).
	# A lettered point "c) Rà soát …" does, and is a paragraph of its own.
	text = re.sub(rf"([^\n])\n\n(?={_LOWER})(?!{_LETTERED_POINT})", lambda m: m[1] + "\n", text)
	text = _breaks_after_running_words(text)
	text = _join_wrapped_lines(text)
	text = _lost_dashes(text)
	text = _stray_dashes(text)
	text = _dust_stops(text)
	text = repair_words(text)
	text = re.sub(rf"{_MARK_FOR_NUMBER}[.)] ?", "", text)
	text = re.sub(r"\n{3,}", "\n\n", text.replace(_CONTINUED, ""))
	return text.strip("\n") + "\n"


# A Vietnamese syllable never ends in "L": an upper-case heading's last word read with a trailing stroke
# ("NỘI DUNG HOẠT ĐỘNG TRIỂN KHAIL", the rule under a heading read as a letter). Only after two vowels, so
# that an English word ("ALCOHOL", "GLOBAL") keeps its "L".
_UPPER_VOWEL = "".join(
	ch
	for ch in map(chr, range(0x41, 0x1F00))
	if ch.isupper() and unicodedata.normalize("NFD", ch)[0] in "AEIOUY"
)
_HEADING_TAIL = re.compile(rf"(?<=\s)([^\W\d_]*[{_UPPER_VOWEL}]{{2}})L$")


def _heading_tail(line: str) -> str:
	if not _is_heading(line) or len(line.split()) < 3:
		return line
	return _HEADING_TAIL.sub(lambda m: m[1] if m[1].isupper() else m[0], line)


def _breaks_after_running_words(text: str) -> str:
	"""A paragraph break Tesseract put inside a sentence: after a word that never ends one, or after a full
	printed line that ends without a mark ("… với Thường trực Ủy ban" / blank / "MTTQ Việt Nam cùng cấp …"):
	inside a paragraph every line but the last runs to the margin, and the last closes its sentence."""
	lines = text.split("\n")
	full = _full_width(lines)
	# Two words side by side, in a line or across a printed line's end.
	phrases = Counter(re.findall(r"(?=(?<![^\W\d_])([^\W\d_]+)[ \n]([^\W\d_]+))", text))
	out: list[str] = []
	for line in lines:
		if (
			line.strip()
			and len(out) >= 2
			and not out[-1].strip()
			and (
				_RUNS_ON_WORD.search(out[-2].rstrip())
				or (
					full
					and len(out[-2].strip()) >= _SHORT * full
					and not re.search(r"[.;:!?…)]$", out[-2].rstrip())
					# A point's or an article's one-line title ("Điều 17. Trách nhiệm của …", "4. Sở Văn hóa, …
					# Truyền hình Cần Thơ") heads the paragraph after it, unless the break cuts a phrase the text
					# keeps writing ("2. UBND cấp xã … với Thường trực Ủy ban" / "MTTQ Việt Nam …").
					and (not _OWN_LINE.match(out[-2].strip()) or _phrase_across(out[-2], line, phrases))
					and not _PLACE_DATE.search(line)
				)
			)
			and not _is_heading(out[-2])
			and not _OWN_LINE.match(line)
			and not _is_heading(line)
		):
			out.pop()
		out.append(line)
	return "\n".join(out)


def _phrase_across(before: str, after: str, phrases: Counter) -> bool:
	"""Whether the last word of ``before`` and the first of ``after`` make a phrase the text writes at least
	three times more inside its paragraphs."""
	last = re.search(r"([^\W\d_]+)$", before.rstrip())
	first = re.match(r"([^\W\d_]+)", after.lstrip())
	return bool(last and first and phrases[last[1], first[1]] >= 3)


def _clean_line(line: str) -> str | None:
	# A mark standing for an item's number ("°. Để nâng cao …" for "5."): kept apart from the stray marks, for
	# the list repairs to number from the items around it, and dropped after them if they cannot.
	line = re.sub(rf"^[^\w\s\-–+*•\ue000]([.)]) (?={_UPPER})", _MARK_FOR_NUMBER + r"\1 ", line)
	line = _STRAY_TOKEN.sub("", line)
	line = re.sub(r"[ \t]{2,}", " ", line).strip()
	if line and not _has_content(line):
		return None  # nothing a reader would read: a line of stamp marks
	if _JUNK_LINE.match(line):
		return None
	# Dust before a list dash ("_- Đơn vị chủ trì"), or read as a dash before an item's number ("_- 1, Chánh"),
	# a point's numbers included ("'2.2. Báo cáo kết quả": the heading, read as prose, lost its duties).
	line = re.sub(r"^[_~'`.,:;=ˆ]+ ?(?=[-–+•*] |\d{1,2}(?:\.\d{1,2})*[.,)] \S)", "", line)
	# And before a lettered point, its letter read or misread ("_a) Bám sát", ".đ) Tiếp tục", "_€) Tiếp tục").
	line = re.sub(rf"^[-–_~'`.,:;=ˆ]+ ?(?=[^\W\d_]\) {_UPPER}|[^\w\s]\) {_UPPER})", "", line)
	# A dash glued before a bracket or a word in lower case ("-(PPP),", "-dụng, tiêu thụ"): no list's mark (a
	# list's dash is spaced, its point starts with a capital), a speck before a wrapped line.
	line = re.sub(rf"^[-–—][_~'`]*(?=\(|{_LOWER})", "", line)
	# A dash with dust stuck to it before a word in lower case ("—_ bầu cử …"): a wrapped line's speck.
	line = re.sub(rf"^[-–—][_~'`]+ (?={_LOWER})", "", line)
	line = re.sub(r"^[_~'`]*[-–][_~'`]* ?(?=\d{1,2}(?:\.\d{1,2})*[.,)] \S)", "", line)  # "_-2.2. Trách"
	# "5." read as "5S.", "5," or "5_" at the head of a list item.
	line = re.sub(r"^(\d{1,2})(?:[Ss]([.)])|,|_)\s", lambda m: f"{m[1]}{m[2] or '.'} ", line)
	line = re.sub(rf"^(\d{{1,2}}): (?={_UPPER})", r"\1. ", line)  # "2: Đối với …": the stop read as a colon
	# "1..Ủy ban nhân dân các xã": the stop read twice, or a stop or comma glued to the item's first word.
	line = re.sub(rf"^(\d{{1,2}})(?:\.\.|[.,])(?={_UPPER})", r"\1. ", line)
	# "1. 2, Xây dựng": a point "1.2." read with a space and a comma.
	line = re.sub(rf"^(\d{{1,2}})\. (\d{{1,2}})[.,] (?={_UPPER})", r"\1.\2. ", line)
	# "1,1. Xây dựng": a point's first stop read as a comma.
	line = re.sub(rf"^(\d{{1,2}}),(\d{{1,2}})\. (?={_UPPER})", r"\1.\2. ", line)
	# "3.1: Tham gia": a point's closing stop read as a colon or a comma.
	line = re.sub(rf"^(\d{{1,2}}\.\d{{1,2}})[:,] (?={_UPPER})", r"\1. ", line)
	line = _roman_heading(line)
	line = _heading_tail(line)
	line = _lone_letters(line)
	# Dust read as a full stop or quote stuck to a word: a full stop followed by a lower-case word is not
	# one in Vietnamese prose, and no word starts with "." or "'".
	line = _dust_stops(line)
	line = re.sub(r"(?<![^\s*])[.'`_|~]+(?=[^\W\d_])", "", line)
	# No Vietnamese word holds an apostrophe: one glued to a word is dust, and a run of marks holding one
	# between two words ("báo cáo.'UBND tỉnh") is dust where a space was.
	line = re.sub(r"(?<=[^\W\d_])[.,:;]?'(?=[^\W\d_])", " ", line)
	line = re.sub(r"(?<=[^\W\d_])([.,:;]?)'(?=\s|$)", r"\1", line)
	# A stroke glued to a word's end ("Mặt trận Tổ quốc xã_", "MTTQ›", "truyền] hình" with no "[" before it).
	line = re.sub(r"(?<=[^\W\d_])[_~^|¦›‹]+(?=\s|$)", "", line)
	if "[" not in line:
		line = re.sub(r"(?<=[^\W\d_])\](?=\s|$)", "", line)
	line = re.sub(r"^\*(?=[^\W\d_])", "* ", line)
	line = re.sub(r"^([-+]) (?:[-+] )+", r"\1 ", line)  # "- - Ban cán sự": a speck before the dash
	line = re.sub(r"^[-–] ?(?=\+ )", "", line)  # "-+ Rà soát": a speck before a "+" point
	line = re.sub(rf"^S([.)]) (?={_UPPER})", r"5\1 ", line)  # "S." for "5." heading a list item
	# "… cơ quan Ủy ban MTTQ Việt Nam xã.:": a speck read after the paragraph's full stop.
	line = re.sub(r"(?<=[^\W\d_])\.[:;,]$", ".", line)
	line = re.sub(r"(?<=[^\W\d_]):[.;,]$", ":", line)  # "3. Sở Tài chính:." over its duties
	# A lone dash or mark closing a line is a signature's or a ruling's trace, not text.
	line = re.sub(r"\s+[-–—ˆ]+$", "", line)
	line = _word_pairs(line)
	# "các: tổ chức": words that always need a noun after them never end a clause; the mark is dust.
	line = re.sub(r"(?i)(?<!\w)(các|những|của|mỗi|từng)[:;.,](?= \w)", r"\1", line)
	# "chặt chẽ với.UBND xã": a stop glued between a word that never ends a sentence and the next word is a
	# speck where the space was (issue 17, sixth round).
	line = re.sub(r"(?i)(?<![\w.])(" + "|".join(FUNCTION_WORDS) + r")\.(?=[^\W\d_])", r"\1 ", line)
	return repair_numbers(line)


def _join_wrapped_lines(text: str) -> str:
	"""One line per paragraph, as typed: the page's line ends inside a paragraph are the printer's, and the
	directive parser reads a list item's clause, or a title, as one line.

	A break stays before a list item or a line that starts something of its own, after a colon, and around
	upper-case heading lines (issuer, "CHỈ THỊ", section titles).
	"""
	lines = text.split("\n")
	full = _full_width(lines)
	out: list[str] = []
	printed = ""  # the previous printed line as read, before joining
	for line in lines:
		last_printed, printed = printed, line
		if line.startswith(_CONTINUED):
			# The first line of a page that continues the paragraph the page before ended in.
			line = line[len(_CONTINUED) :]
			while len(out) > 1 and not out[-1].strip():
				out.pop()
			if out and line.strip():
				out[-1] = out[-1].rstrip() + " " + line.lstrip()
				continue
		previous = out[-1] if out else ""
		if (
			full
			and previous.rstrip().endswith(":")
			and len(last_printed.strip()) >= _SHORT * full
			and line.lstrip()[:1].islower()
			and not _OWN_LINE.match(line)
		):
			# "… nâng cao ý thức, trách nhiệm:" / "của cán bộ, công chức …": a colon closing a full printed line
			# before a line in lower case is dust at the margin; the sentence runs on.
			out[-1] = previous.rstrip()[:-1] + " " + line.lstrip()
			continue
		# A cited article's number wrapped: "… tại Điều 3, Điều 35, Điều" / "41. Điều 42 …".
		if re.search(r"(?i)\b(?:điều|khoản|điểm|chương|mục|số)$", previous) and re.match(r"\d{1,3}\b", line):
			out[-1] = previous.rstrip() + " " + line.lstrip()
			continue
		# The place-and-date line wrapped in its narrow column: "..., ngày 15 tháng 3 năm" / "2024".
		if re.search(r"\b(?:ngày|tháng|năm)$", previous) and re.match(r"\d{1,4}\b", line):
			out[-1] = previous.rstrip() + " " + line.lstrip()
			continue
		if (
			not line.strip()
			or not previous.strip()
			or _OWN_LINE.match(line)
			or _PLACE_DATE.search(line)
			or _PLACE_DATE.search(previous)
			or previous.rstrip().endswith(":")
			or (_is_heading(line) and not _capitals_ending(last_printed, line, full))
			or _is_heading(previous)
			# A short printed line ended its paragraph ("2. Sở, ban, ngành thành phố" / "Căn cứ chức năng …"):
			# inside a paragraph every line but the last runs to the margin.
			or (full and len(last_printed.strip()) < _SHORT * full and line.lstrip()[:1].isupper())
		):
			out.append(line)
		else:
			out[-1] = previous.rstrip() + " " + line.lstrip()
	return "\n".join(out)


def _dust_stops(text: str) -> str:
	# Not the full stop that ends the paragraph before a lettered point ("… hồ sơ của TTHC.\nc) Rà soát …").
	return re.sub(
		rf"(?<=[^\W\d_]{{2}})\.(?=[ \n]{_LOWER})(?!\n{_LETTERED_POINT})", _unless_upper_follows, text
	)


# A part's Roman numeral at the head of an upper-case heading, as Tesseract reads its strokes ("H." for "II.",
# "IH." for "III.", "1V." for "IV."), or with its full stop lost ("II NỘI DUNG THỰC HIỆN").
_ROMAN_LIKE = re.compile(r"^[-–_~]?([IVXHlL|1\[]{1,4})(?:([.)]) ?|( ))(?=\S)")
_PARTS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}
# Without a mark only numerals that are no word ("VI PHẠM HÀNH CHÍNH" is one).
_BARE_PARTS = {"I", "II", "III", "IV", "VII", "VIII", "IX"}
# Not "1": "1. MỤC ĐÍCH, YÊU CẦU" and "11. NỘI DUNG" are Arabic headings as written.
_HEADING_STROKES = {"H": ("II",), "l": ("I",), "|": ("I",), "L": ("I",), "[": ("",)}


def _roman_heading(line: str) -> str:
	match = _ROMAN_LIKE.match(line)
	rest = line[match.end() :] if match else ""
	if not match or not _is_heading(rest) or len(rest.split()) < 2:
		return line
	numeral, mark = match[1], match[2]
	if "1" in numeral:
		# "1I.NỘI DUNG": a "1" beside a Roman stroke is one too; "1." and "11." alone are Arabic as written.
		if not re.search(r"[IVXHlL|]", numeral):
			return line
		numeral = numeral.replace("1", "I")
	if numeral not in _PARTS:
		# "IL NỘI DUNG": the last stroke and the stop read as one "L"; no Vietnamese word is "IL".
		if not mark and not (numeral.startswith("I") and numeral.endswith("L")):
			return line
		readings = {""}
		for ch in numeral:
			readings = {start + option for start in readings for option in _HEADING_STROKES.get(ch, (ch,))}
		parts = readings & _PARTS
		if len(parts) != 1:
			return line
		numeral = parts.pop()
	elif not mark and numeral not in _BARE_PARTS:
		return line
	return f"{numeral}{mark or '.'} {rest}"


# A lone consonant is no Vietnamese word: a speck read as a letter, doubling the next word's first letter
# ("giám s sát", "trách nhiệm c của") or standing between commas ("Thường trực, c, phụ trách"). A point cited
# by its letter ("điểm c khoản 2", "tiết b") stays.
_LONE_LETTER = re.compile(
	r"(?<![^\W\d_])(?<!điểm )(?<!tiết )(?<!mục )(?<!và )(?<!, )([bcdghklmnpqrstvx]) (?=\1)"
	r"|(?<=[^\W\d_]{2}), [bcdghklmnpqrstvx](?=, )"
)


def _lone_letters(line: str) -> str:
	return _LONE_LETTER.sub("", line)


def _unless_upper_follows(match: re.Match[str]) -> str:
	following = match.string[match.end() + 1 : match.end() + 2]
	return "." if following.isupper() else ""


# Tone marks Tesseract confuses, in word pairs that exist only one way in administrative text (measured on
# our scans, scripts/ocr_accuracy.py): the wrong pair breaks the unit and deadline phrases the parser needs.
_WORD_PAIRS = {
	"tố chức": "tổ chức",
	"hãng năm": "hằng năm",
	"hãng quý": "hằng quý",
	"hãng tháng": "hằng tháng",
	"dần vận": "dân vận",
	"mồ hình": "mô hình",
	"cấp uỷ": "cấp ủy",
	"chính quyển": "chính quyền",
	"căn bộ": "cán bộ",
	"tố quốc": "tổ quốc",
	"trung ường": "trung ương",
	"chỉ hội": "chi hội",
	"chỉ đoàn": "chi đoàn",
	"chỉ tiết": "chi tiết",
	"mồi trường": "môi trường",
}
_PAIR = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, _WORD_PAIRS)) + r")(?!\w)", re.IGNORECASE)


def _word_pairs(line: str) -> str:
	def fix(match: re.Match[str]) -> str:
		right = _WORD_PAIRS[match[0].lower()]
		return right[0].upper() + right[1:] if match[0][0].isupper() else right

	return _PAIR.sub(fix, line)


def _has_content(line: str) -> bool:
	"""A digit or two letters together; a line of lone marks is what a stamp or signature leaves."""
	return bool(re.search(r"\d|[^\W\d_]{2}", line))


def _key(line: str) -> str:
	"""A line compared across pages: digits (the page number in a header) and spacing do not count."""
	return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line)).strip().casefold()


def _without_running_lines(pages: list[str]) -> list[str]:
	"""Drop page numbers at a page's top or bottom, and lines repeated at the edge of most pages."""
	split = [page.split("\n") for page in pages]
	counts: Counter[str] = Counter()
	for lines in split:
		edge = _edge_indexes(lines)
		counts.update({_key(lines[index]) for index in edge if lines[index].strip()})
	repeated = {
		key for key, count in counts.items() if len(pages) >= 2 and count >= max(2, len(pages) // 2 + 1)
	}
	cleaned = []
	for number, lines in enumerate(split):
		edge = _edge_indexes(lines)
		# The first page's head is the issuer and number, never a running header, even if it repeats.
		head = set(sorted(edge)[: len(edge) // 2 or 1]) if number == 0 else set()
		keep = [
			line
			for index, line in enumerate(lines)
			if not (
				index in edge
				and (_PAGE_NUMBER.match(line.strip()) or (_key(line) in repeated and index not in head))
			)
		]
		cleaned.append("\n".join(keep))
	return cleaned


def _edge_indexes(lines: list[str]) -> set[int]:
	filled = [index for index, line in enumerate(lines) if line.strip()]
	return (
		set(filled[:_EDGE]) | set(filled[-_EDGE:])
		if len(filled) > 2 * _EDGE
		else set(filled[:1] + filled[-1:])
	)
