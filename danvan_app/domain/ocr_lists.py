"""The list structure of a recognised text put right before it is read: item numbers, lettered points and
part numerals read as other marks, or not read at all, numbered again from the items around them. Part of the
OCR clean-up (``ocr_cleanup``). Pure standard library.
"""

from __future__ import annotations

import re
from itertools import pairwise

from danvan_app.domain.ocr_evidence import LOWER as _LOWER
from danvan_app.domain.ocr_evidence import UPPER as _UPPER

_ROMAN = re.compile(r"[IVX]+")
# Put by the line clean-up where a mark stands for an item's number ("°. Để nâng cao …" for "5."); numbered
# here from the items around it, or dropped after.
_MARK_FOR_NUMBER = "\ue001"

# A line that starts something of its own: a list item, the number line, the place-and-date line, a
# salutation or the recipients' list.
_OWN_LINE = re.compile(
	r"(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[IVX]+[.)] |[-+•*–—]\s|Điều \d{1,3}\s?[.:]|Số\b|Kính gửi|Nơi nhận"
	r"|Chương\b|Mục\b|Phần\b"
	# A duty's labelled fields, each a line of its own in a plan ("Đơn vị phối hợp: Sở Nội vụ" read onto the
	# end of "Đơn vị chủ trì thực hiện: …" loses the duty its bodies).
	r"|(?:Đơn vị|Cơ quan) (?:chủ trì|phối hợp)[^:\n]{0,20}:|Thời gian (?:thực hiện|hoàn thành)[^:\n]{0,10}:)"
)
_PLACE_DATE = re.compile(r",\s*ngày\s+\S+\s+tháng", re.IGNORECASE)


def _is_heading(line: str) -> bool:
	letters = [ch for ch in line if ch.isalpha()]
	return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


_ITEM = re.compile(r"^(\d{1,2})[.)] ")
# "o. Các cấp ủy", ".b, Các sở" (a speck before it, its stop read as a comma).
_MISREAD_ITEM = re.compile(rf"^[.,'`_~]?([^\W\d_]|\S{{2}}|{_MARK_FOR_NUMBER})([.),]) (?={_UPPER})")
# "M Cục Bản quyền tác giả: …" between "6." and "8.": the number read as a capital consonant, its stop lost.
# No Vietnamese word is one consonant, and only a line between the numbers on both sides is taken.
_MISREAD_ITEM_NO_STOP = re.compile(rf"^([BCDĐGHKLMNPQRSTVX])() (?={_UPPER})")


# The letters of lettered points in their order; "đ" is skipped by some drafters (d, e), used by others.
_POINT_LETTERS = "abcdđeghiklmn"
_POINT = re.compile(r"^([a-zđ])\) ")
# One mark, or a point's letter with a speck after it ("ms)" for "m)").
_MISREAD_POINT = re.compile(rf"^(\S|[a-zđ][^\W\d_])\) (?={_UPPER})")


def _lettered_repairs(lines: list[str]) -> list[str]:
	"""A lettered point's letter read as a look-alike ("ø)" for "g)", "C)" for "c)"), put back when the points
	before and after it in the same list leave exactly one letter between them."""
	letters = [m[1] if (m := _POINT.match(line)) else None for line in lines]
	for index, line in enumerate(lines):
		if letters[index] is not None:
			# "đ)" read for "d)" before the real "đ)": a letter repeated where the list leaves one other letter.
			before = _neighbour_point(lines, letters, range(index - 1, -1, -1))
			after = _neighbour_point(lines, letters, range(index + 1, len(lines)))
			if before and after and letters[index] in (before, after):
				between = _POINT_LETTERS[_POINT_LETTERS.index(before) + 1 : _POINT_LETTERS.index(after)]
				if len(between) == 1:
					lines[index] = f"{between}) " + line[3:]
					letters[index] = between
			continue
		misread = _MISREAD_POINT.match(line)
		if not misread:
			continue
		before = _neighbour_point(lines, letters, range(index - 1, -1, -1))
		after = _neighbour_point(lines, letters, range(index + 1, len(lines)))
		if before is None:
			# A list's first point read as another mark ("5) Xây dựng …" over "b) …"): "a)".
			if after == "b" and not misread[1].isalpha():
				lines[index] = "a) " + line[misread.end() :]
				letters[index] = "a"
			continue
		# The last point of its list ("e)" then "ø)", then the next numbered item): the letter after "e".
		end = _POINT_LETTERS.index(after) if after else _POINT_LETTERS.index(before) + 2
		between = _POINT_LETTERS[_POINT_LETTERS.index(before) + 1 : end]
		if len(between) == 2 and "đ" in between:
			between = between.replace("đ", "")
		if len(between) == 1 and (
			misread[1][0].lower() == between or (len(misread[1]) == 1 and not misread[1].isascii())
		):
			lines[index] = f"{between}) " + line[misread.end() :]
			letters[index] = between
	return lines


def _neighbour_point(lines: list[str], letters: list[str | None], indexes: range) -> str | None:
	"""The letter of the nearest lettered point in ``indexes``' direction, not past a numbered item."""
	for index in indexes:
		if letters[index] is not None:
			return letters[index]
		if _ITEM.match(lines[index]) or _DECIMAL.match(lines[index]) or _is_heading(lines[index]):
			return None
	return None


_DECIMAL = re.compile(r"^(\d{1,2})\.(\d{1,2})\.? ")


def _decimal_repairs(lines: list[str]) -> list[str]:
	"""A point "5.2." whose first number was misread ("9.2.") after "5.1." under "5.": the first number is the
	item's it follows."""
	top = previous = None
	for index, line in enumerate(lines):
		item = _ITEM.match(line)
		if item:
			top, previous = int(item[1]), None
			continue
		decimal = _DECIMAL.match(line)
		if not decimal:
			continue
		first, second = int(decimal[1]), int(decimal[2])
		if first != top and previous == (top, second - 1):
			lines[index] = f"{top}" + line[len(decimal[1]) :]
			first = top
		previous = (first, second)
	return lines


_PART = re.compile(r"^([IVX]{1,4})\. (?=\S)")
# Strokes that may be a part's numeral read wrong ("TH NỘI DUNG" for "III."), told only by the parts around it.
_LOOSE_PART = re.compile(r"^[-–_~]?([IVXHLTl1|\[]{1,4})[.),:]? ?(?=\S)")
_PART_VALUES = {numeral: value for value, numeral in enumerate("I II III IV V VI VII VIII IX X".split(), 1)}
_PART_NUMERALS = {value: numeral for numeral, value in _PART_VALUES.items()}


def _part_repairs(lines: list[str]) -> list[str]:
	"""A part's numeral read as the one before it, a stroke lost ("III." read "II." after "II."), or as
	strokes that make no numeral ("TH NỘI DUNG" between "II." and "IV."): the part after the one before, when
	the part after it (if any) leaves exactly that number between them. Upper-case headings only."""
	parts: list[tuple[int, int | None, int]] = []  # (line, value or None for strokes, length of the mark)
	for index, line in enumerate(lines):
		strict = _PART.match(line)
		if strict and strict[1] in _PART_VALUES and _is_heading(line[strict.end() :]):
			parts.append((index, _PART_VALUES[strict[1]], len(strict[1]) + 2))
			continue
		loose = _LOOSE_PART.match(line)
		if loose and _is_heading(line[loose.end() :]) and len(line[loose.end() :].split()) >= 2:
			parts.append((index, None, loose.end()))
	for position in range(1, len(parts)):
		index, value, length = parts[position]
		previous = parts[position - 1][1]
		following = next((part[1] for part in parts[position + 1 :] if part[1] is not None), None)
		if previous is None or previous + 1 not in _PART_NUMERALS or value == previous + 1:
			continue
		if (value is not None and following is None and value == previous) or following == previous + 2:
			lines[index] = f"{_PART_NUMERALS[previous + 1]}. " + lines[index][length:].lstrip()
			parts[position] = (index, previous + 1, 0)
	return lines


def _lost_item_numbers(lines: list[str]) -> list[str]:
	"""An item's number not read at all ("Giám sát việc lập, niêm yết danh sách cử tri" between "4." and
	"6."): the one short line between them that reads as an item's title (a capital, no closing mark, no list
	mark of its own) takes the missing number. Two such lines, or none, and nothing is guessed."""
	items = [(index, int(m[1])) for index, line in enumerate(lines) if (m := _ITEM.match(line))]
	for (start, number), (end, following) in pairwise(items):
		if following != number + 2:
			continue
		titles = [
			index
			for index in range(start + 1, end)
			if (line := lines[index].strip())
			and len(line) <= 90
			and line[:1].isupper()
			and not _is_heading(line)
			and not _OWN_LINE.match(line)
			and not re.search(r"[.;:,!?…)]$", line)
			and (index == 0 or not lines[index - 1].strip())
			and (index + 1 == len(lines) or not lines[index + 1].strip())  # a paragraph of one printed line
		]
		if len(titles) == 1:
			lines[titles[0]] = f"{number + 1}. " + lines[titles[0]].strip()
	return lines


def _lost_point_letters(lines: list[str]) -> list[str]:
	"""A lettered point's letter not read at all ("b) …", "Đánh giá việc …", "d) …"): the one paragraph between
	two points of a list that leave one letter between them, starting with a capital and no mark of its own,
	takes that letter. Two such paragraphs, or a numbered item between, and nothing is guessed."""
	points = [index for index, line in enumerate(lines) if _POINT.match(line)]
	for start, end in pairwise(points):
		first, last = _POINT.match(lines[start])[1], _POINT.match(lines[end])[1]
		if first not in _POINT_LETTERS or last not in _POINT_LETTERS:
			continue
		between = _POINT_LETTERS[_POINT_LETTERS.index(first) + 1 : _POINT_LETTERS.index(last)]
		if len(between) != 1 or any(_ITEM.match(line) or _DECIMAL.match(line) for line in lines[start:end]):
			continue
		openings = [
			index
			for index in range(start + 1, end)
			if (line := lines[index].strip())
			and not lines[index - 1].strip()
			and line[:1].isupper()
			and not _OWN_LINE.match(line)
			and not _is_heading(line)
		]
		if len(openings) == 1:
			lines[openings[0]] = f"{between}) " + lines[openings[0]].strip()
	return lines


def _last_item(lines: list[str], numbers: list[int | None], previous: int, index: int) -> bool:
	"""Whether the line at ``index`` stands where its list's last item would: after the item at ``previous``
	with no lettered point between them (a misread mark there may be a point's letter), and before the
	next part's heading or a new list's "1.", whichever comes first."""
	if any(_POINT.match(line) for line in lines[previous + 1 : index]):
		return False
	for line, number in zip(lines[index + 1 :], numbers[index + 1 :], strict=True):
		if number is not None:
			return number == 1
		if _PART.match(line) and _is_heading(line):
			return True
	return False


def _list_repairs(text: str) -> str:
	"""Two things that break a numbered list: an item number read as letters ("o. Các cấp ủy" between 4.
	and 6.), and a line that starts with a spaced dash but continues a clause ("tổ chức chính trị" /
	"- xã hội", after a line that does not end one), which would read as a new list item."""
	lines = _lettered_repairs(text.split("\n"))
	numbers = [int(m[1]) if (m := _ITEM.match(line)) else None for line in lines]
	previous_number = None
	previous_at = 0
	for index, line in enumerate(lines):
		if _PART.match(line) and _is_heading(line):
			previous_number = None  # a part's heading: its list starts again at 1
			continue
		if numbers[index] is not None:
			following = next((n for n in numbers[index + 1 :] if n is not None), None)
			if previous_number is None and following == 2 and numbers[index] != 1:
				# "4. Ban Thường trực …" heading a part's list, "2." next: the first item, "1." misread.
				numbers[index] = 1
				lines[index] = "1" + line[len(_ITEM.match(line)[1]) :]
			elif (
				previous_number is not None
				and following is not None
				and numbers[index] != previous_number + 1 == following - 1
			):
				# "9. Công tác tuyên truyền" between 4. and 6.: a digit read as another (5 as 9, 8 as 3).
				numbers[index] = previous_number + 1
				lines[index] = f"{numbers[index]}" + line[len(_ITEM.match(line)[1]) :]
			previous_number, previous_at = numbers[index], index
			continue
		misread = _MISREAD_ITEM.match(line) or _MISREAD_ITEM_NO_STOP.match(line)
		# A lettered point "a)" is one as read, not an item's number misread.
		if (
			misread
			and previous_number is not None
			and not _ROMAN.fullmatch(misread[1])
			and not _POINT.match(line)
		):
			following = next((n for n in numbers[index + 1 :] if n is not None), None)
			if following == previous_number + 2 or (
				len(misread[1]) == 1 and misread[2] and _last_item(lines, numbers, previous_at, index)
			):
				mark = "." if misread[2] in (",", "") else misread[2]
				lines[index] = f"{previous_number + 1}{mark} " + line[misread.end() :]
				previous_number += 1
	lines = _decimal_repairs(lines)
	lines = _lost_item_numbers(lines)
	lines = _lost_point_letters(lines)
	lines = _part_repairs(lines)
	# Names the text writes with a spaced dash inside a line ("Đài Phát thanh - Truyền hình"): a line that
	# starts with that dash before a capital continues the name the line before ended in.
	dashed_names = set(re.findall(r"(?=(?<![^\W\d_])([^\W\d_]+) - ([^\W\d_]+))", text))
	out: list[str] = []
	for line in lines:
		filled = next((kept for kept in reversed(out) if kept.strip()), "")
		name = re.match(r"^- ([^\W\d_]+)", line)
		last = re.search(r"([^\W\d_]+)$", filled)
		inside_name = bool(name and last and (last[1], name[1]) in dashed_names)
		if (
			(re.match(rf"^- (?:{_LOWER}|\()", line) or inside_name)
			and filled
			and not re.search(r"[:;,.!?]$|^- ", filled)
		):
			# "chính trị\n- xã hội", "Đài Phát thanh\n- Truyền hình": the line broke at a spaced dash; the dash
			# is the text's, the break not.
			while out and not out[-1].strip():
				out.pop()
			out[-1] = out[-1].rstrip() + " " + line
		else:
			out.append(line)
	return "\n".join(out)


# A list dash read as a mark ("` Tiêu hủy …", "~ Từ ngân sách …", ": Cấp Oresol …", "_~ Nguồn …"): the mark, a
# space and a capital, where the nearest line before or after is a "- " point (or read the same way).
_MARK_FOR_DASH = re.compile(rf"^[`'~_:;.,¬=]{{1,2}} (?={_UPPER})")


def _dashes_read_as_marks(lines: list[str]) -> list[str]:
	marked = [bool(_MARK_FOR_DASH.match(line.strip())) for line in lines]
	dashed = [line.strip().startswith(("- ", "– ")) or marked[index] for index, line in enumerate(lines)]
	# The first line of each paragraph (Tesseract ends a paragraph with a blank line); a neighbour is the
	# paragraph before or after, whatever its length.
	starts = [
		index
		for index, line in enumerate(lines)
		if line.strip() and (index == 0 or not lines[index - 1].strip())
	]
	out = list(lines)
	for position, index in enumerate(starts):
		if not marked[index]:
			continue
		neighbours = starts[position - 1 : position] + starts[position + 1 : position + 2]
		# "~" opens no Vietnamese sentence: always a dash.
		if lines[index].strip().lstrip("_").startswith("~") or any(dashed[other] for other in neighbours):
			out[index] = _MARK_FOR_DASH.sub("- ", lines[index].strip())
	return out


# A spaced dash is the text's between two words ("chính trị - xã hội", "2021 - 2025"); before an opening
# bracket or a punctuation mark it joins nothing: a speck, most often at a printed line's end or start, which
# the joined line then carries inside a name ("Khen thưởng tỉnh - (Ban Thi đua ...").
_DASH_BEFORE_BRACKET = re.compile(r"(?<=[^\W_]) [-–—]+ (?=\()")
_DASH_BEFORE_MARK = re.compile(r"(?<=[^\W_]) [-–—]+ ?(?=[,;:.)](?:\s|$))", re.MULTILINE)


def _stray_dashes(text: str) -> str:
	text = _DASH_BEFORE_BRACKET.sub(" ", text)
	return _DASH_BEFORE_MARK.sub("", text)


def _lost_dashes(text: str) -> str:
	"""A "- " lost before a body's name that heads "+ " points, between two runs of them ("- Bộ Xây dựng",
	"+ …", "+ …", "Ủy ban nhân dân các tỉnh", "+ …"): a short unmarked line, no sentence, after a "+ " point
	of a run that a "- " line opened, and before another "+ " point, is the next "- " line."""
	lines = text.split("\n")
	filled = [index for index, line in enumerate(lines) if line.strip()]
	opened = False  # the "+ " points seen since the last "- " line
	for position, index in enumerate(filled):
		line = lines[index]
		if line.startswith("- "):
			opened = True
			continue
		if line.startswith("+ ") or not opened:
			continue
		before = lines[filled[position - 1]] if position else ""
		after = lines[filled[position + 1]] if position + 1 < len(filled) else ""
		if (
			before.startswith("+ ")
			and after.startswith("+ ")
			and len(line) <= 100
			and line[:1].isupper()
			and not re.search(r"[.;:!?…]$", line)
			and not _OWN_LINE.match(line)
		):
			lines[index] = "- " + line
		else:
			opened = False
	return "\n".join(lines)


# A lettered point's marker: "a) ", "đ) ".
_LETTERED_POINT = r"[a-zđ]\)\s"
