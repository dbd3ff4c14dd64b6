"""Undo the layout a text picks up when converted from a web page or a PDF: hard line breaks inside paragraphs
and table cells drawn as lines of "|".

Scraped legal texts wrap every ~80 characters ("1. Thủ\\ntrưởng các sở, ban, ngành tỉnh"), and a table's cells
come one after another between lines holding only "|". A text written one line a paragraph (as typed, or as
most web pages give it) is left as it is: joining only happens when the text is seen to be wrapped.
"""

from __future__ import annotations

import itertools
import re

from danvan_app.domain.actor_vocabulary import ACTION_WORDS, TOKEN
from danvan_app.domain.vn_text import canonical_word

_CELL_SEPARATOR = re.compile(r"^\s*\|?\s*$|^\s*[-–—_=]{3,}\s*$")  # "|" or a rule "--------" drawn as a line
# A line that starts something of its own: a list marker (a lettered point "a)" or "a. Chủ trì …" too, issue 15),
# an article, a chapter, a roman heading, a bullet.
_STARTS_ITEM = re.compile(
	r"^(?:\d{1,2}\s?[.)](?!\d)|\d{1,2}\s?[-–]\s|[a-zđ]\)|[a-zđ]\.\s+[A-ZĐÀ-Ỹ]|[-–—+•*·▪●◦]\s|[IVX]{1,5}\s?[.)/-]|(?:Điều|ĐIỀU)\s+\d"
	r"|(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+[IVXLC\d]|Nơi nhận|NƠI NHẬN|\d{1,3}$)"
)
_ENDS_SENTENCE = re.compile(r"[.;:!?…]$|\./\.$")
_DOCUMENT_NUMBER_REST = re.compile(r"^\d{1,5}[-/][A-ZĐ]{1,8}(?:[-/][A-ZĐ0-9]{1,10})*/")
# A lettered point "a) Thực hiện …" starts in lower case but is no wrapped line's rest, unless the line
# before ends in the word that cites one ("… quy định tại điểm" / "a) khoản 2 Điều 5").
_LETTERED_POINT = re.compile(r"^[a-zđ](?:\)\s|\.\s+[A-ZĐÀ-Ỹ])")
_CITES_POINT = re.compile(r"(?:^|\s)(?:điểm|tiết|các điểm|và|,)$", re.IGNORECASE)
_MIN_WRAPPED_LINES = 5


# A list marker alone on its line ("1.", "IV.", "a)"), the item's words on the next: a converted document's
# numbering kept apart from its paragraph (issue 15).
_BARE_MARKER = re.compile(r"^\s*(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s?[.)]\s*$")


def join_bare_markers(text: str) -> str:
	"""``text`` with each marker alone on its line joined to the paragraph that follows it (at most one blank
	line between): "1." / "Các cơ quan quản lý …" → "1. Các cơ quan quản lý …". A marker before a table cell
	("|") or before nothing is left as it is. A roman heading wrapped inside its words is joined too ("V. TỔ" /
	"CHỨC THỰC HIỆN")."""
	lines = text.split("\n")
	out: list[str] = []
	position = 0
	while position < len(lines):
		line = lines[position]
		following_line = lines[position + 1].strip() if position + 1 < len(lines) else ""
		if _splits_a_heading(line.strip(), following_line):
			# "IV. NỘI" / "DUNG HOẠT ĐỘNG TRIỂN KHAI": a part's heading wrapped inside its words.
			out.append(f"{line.strip()} {following_line}")
			position += 2
			continue
		if _BARE_MARKER.match(line):
			following = position + 1
			if following < len(lines) and not lines[following].strip():
				following += 1
			if following < len(lines) and lines[following].strip()[:1].isalnum():
				out.append(f"{line.strip()} {lines[following].strip()}")
				position = following + 1
				continue
		out.append(line)
		position += 1
	return "\n".join(out)


_ROMAN_START = re.compile(r"^[IVX]{1,5}\s?[.)]\s+\S")


def _splits_a_heading(line: str, following: str) -> bool:
	"""A short capitalised roman heading continued by a capitalised line that is no item of its own."""
	return (
		bool(_ROMAN_START.match(line))
		and len(line) <= 40
		and not _ENDS_SENTENCE.search(line)
		and bool(following)
		and len(line) + len(following) <= 100
		and not _STARTS_ITEM.match(following)
		and _is_uppercase(line)
		and _is_uppercase(following)
	)


def unwrap(text: str) -> str:
	"""``text`` with wrapped lines joined into their paragraphs and "|" cell lines turned into blank lines."""
	text = join_bare_markers(text)
	lines = text.split("\n")
	if not _looks_wrapped(lines):
		return text
	out: list[str] = []
	current: str | None = None
	flat = " ".join(text.split(" "))  # lines kept: a dash compound is looked up within one line
	for position, raw in enumerate(lines):
		line = raw.strip()
		if not line and _cut_request_heading(current, lines[position + 1 : position + 2]):
			continue  # "3. Đề nghị Ủy ban MTTQ …, Hội Liên hiệp" / "" / "Phụ nữ Thành phố …": one heading
		if _CELL_SEPARATOR.match(line):
			if current is not None:
				out.append(current)
				current = None
			out.append("")
			continue
		if current is None:
			current = line
			continue
		if _joins(current, line) or _continues_a_dash_name(current, line, flat):
			current = f"{current} {line}"
		else:
			out.append(current)
			current = line
	if current is not None:
		out.append(current)
	return "\n".join(out)


_REQUEST_HEADING = re.compile(r"^\d{1,2}\s?[.)]\s*Đề nghị\s", re.IGNORECASE)


def _cut_request_heading(current: str | None, following: list[str]) -> bool:
	"""A numbered request's heading whose list of bodies a blank line cuts in the middle of a name (issue 15):
	the heading ends without a stop, and the next line goes on with a capitalised name that is no item."""
	if not current or not following or not _REQUEST_HEADING.match(current) or _ENDS_SENTENCE.search(current):
		return False
	rest = following[0].strip()
	return (
		bool(rest)
		and rest[:1].isupper()
		and not _opens_with_a_duty(rest)  # "Chỉ đạo các đơn vị …" under the heading is its first duty
		and not _STARTS_ITEM.match(rest)
		and not _is_uppercase(rest)
	)


def _opens_with_a_duty(line: str) -> bool:
	words = tuple(TOKEN.findall(canonical_word(" ".join(line.split()[:4]))))
	return (
		any(words[: len(phrase)] == phrase for phrase, _ in ACTION_WORDS.get(words[0], ()))
		if words
		else False
	)


_DASH_HEAD = re.compile(r"^[-–]\s+(\S+\s+\S+)")


def _continues_a_dash_name(current: str, line: str, text: str) -> bool:
	"""A name written with a dash and wrapped before it ("Hội đồng Thi đua" / "- Khen thưởng tỉnh quyết định …"):
	the line is no bullet when the text writes the same compound on one line elsewhere ("Thi đua - Khen thưởng")."""
	head = _DASH_HEAD.match(line)
	if head is None or _ENDS_SENTENCE.search(current) or not head.group(1)[:1].isupper():
		return False
	tail = current.split()[-2:]
	if len(tail) < 2 or not tail[0][:1].isupper():
		return False
	compound = f"{' '.join(tail)} {line[0]} {head.group(1)}"
	return text.count(compound) >= 1


def _looks_wrapped(lines: list[str]) -> bool:
	"""Many lines run on into a next line that starts in lowercase: the text was hard-wrapped."""
	wrapped = 0
	for line, following in itertools.pairwise(lines):
		if _continues(line.strip(), following) and not _ENDS_SENTENCE.search(line.strip()):
			wrapped += 1
	# Counted against lines of prose: a table's cells ("|", "30") would hide a wrapped text around them.
	prose = sum(1 for line in lines if len(line.strip()) >= 25)
	return wrapped >= _MIN_WRAPPED_LINES and wrapped * 10 >= prose


def _joins(current: str, line: str) -> bool:
	if not current or not line:
		return False
	if current in ("Điều", "ĐIỀU", "Chương", "CHƯƠNG", "Mục", "MỤC"):
		return True  # "Điều" / "13. Bảo đảm an toàn …"
	if _continues(current, line):
		return True
	if _STARTS_ITEM.match(line):
		return False
	if _DOCUMENT_NUMBER_REST.match(line):
		# "… theo Kế hoạch số" / "13-KH/TU).": a document's number wrapped, no heading (issue 15)
		return not _ENDS_SENTENCE.search(current)
	if _is_uppercase(current) != _is_uppercase(line):
		return False  # "NGHỊ QUYẾT" / "Về phong trào …": a heading, then its title
	return not _ENDS_SENTENCE.search(current)


def _continues(line: str, following: str) -> bool:
	"""``following`` starts in lower case as a wrapped line's rest does, and is not a lettered point: a text
	typed one paragraph a line whose points "a)", "b)" end without a mark is not wrapped, and its points are
	not one another's continuation."""
	if not line or not following[:1].islower():
		return False
	return not _LETTERED_POINT.match(following) or bool(_CITES_POINT.search(line))


def _is_uppercase(text: str) -> bool:
	letters = [char for char in text if char.isalpha()]
	return bool(letters) and sum(char.isupper() for char in letters) >= 0.8 * len(letters)
