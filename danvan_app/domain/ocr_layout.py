"""What the word boxes of a recognised page tell that its text does not: a list mark that was lost.

A "- " or "+ " at the head of a list point is a short, thin stroke; on a scan Tesseract sometimes drops it (or
reads it as dust, "__~", that the clean-up then removes), and the point joins the paragraph before it or
stops heading its list. Its place still shows: the point's first word starts where the words after the page's
other dashes start, a dash and a space to the right of where its lines begin, which no other line does (a
wrapped line starts at the margin, a paragraph at its indent). Pure standard library.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

# The marks whose lines are measured. Each has its own width, so the column its text starts at tells which.
LIST_MARKS = ("-", "+")
# At 300 dpi: how far a word may stand from a mark's text column (the fit of a tilted margin and a glyph's side
# bearing move it 1-2 px; "Nơi nhận:" at the margin of a signing block was read 5 px short of the column, so
# no more than 4) and how far right of the margin that column must be (a dash and a space are 30-35 px in
# 13 pt type, a "+ " 42-46).
_TOLERANCE = 4
_MIN_COLUMN = 15
_DPI = 300


@dataclass
class Box:
	line: tuple  # (page, block, paragraph, line) as Tesseract numbers them
	word: int
	left: int
	top: int
	text: str


def lost_marks(boxes: list[Box], dpi: int = _DPI) -> dict[tuple, tuple[str, int]]:
	"""Line → (the mark it lost, the number of its first word): lines whose first word stands at the text
	column of one mark's lines on the same page, with nothing but dust before it. A page with no line that
	kept that mark, or too few lines to find its margin, tells nothing."""
	scale = dpi / _DPI
	lines: dict[tuple, list[Box]] = {}
	for box in boxes:
		lines.setdefault(box.line, []).append(box)
	found: dict[tuple, tuple[str, int]] = {}
	for page in {key[0] for key in lines}:
		page_lines = {key: words for key, words in lines.items() if key[0] == page}
		margin = _margin([(words[0].top, words[0].left) for words in page_lines.values()])
		if margin is None:
			continue
		columns = _mark_columns(page_lines.values(), margin, scale)
		for key, words in page_lines.items():
			first = next((word for word in words if any(ch.isalnum() for ch in word.text)), None)
			if first is None or words[0].text in LIST_MARKS:
				continue
			offset = first.left - margin(first.top)
			matching = [
				mark for mark, column in columns.items() if abs(offset - column) <= _TOLERANCE * scale
			]
			if len(matching) == 1:
				found[key] = (matching[0], first.word)
	return found


def _mark_columns(lines, margin, scale: float) -> dict[str, float]:
	"""Each mark → where the text after it starts, right of the margin (the median over the page's lines that
	start with it). A speck read as a dash left of a line that starts at the margin is no list's mark."""
	offsets: dict[str, list[float]] = {}
	for words in lines:
		if len(words) >= 2 and words[0].text in LIST_MARKS:
			offset = words[1].left - margin(words[1].top)
			if offset >= _MIN_COLUMN * scale:
				offsets.setdefault(words[0].text, []).append(offset)
	return {mark: statistics.median(values) for mark, values in offsets.items()}


def _margin(starts: list[tuple[int, int]]):
	"""The page's left margin as a function of the height (a scan is tilted): a straight line fitted to where
	the lines start, leaving out those that start elsewhere (indents, centred lines, dust), or None when fewer
	than eight lines start there."""
	points = starts
	for width in (40, 20, 8, 8):  # wide first: the first fit is pulled by the lines that start elsewhere
		if len(points) < 8:
			return None
		mean_y = sum(y for y, _ in points) / len(points)
		mean_x = sum(x for _, x in points) / len(points)
		spread = sum((y - mean_y) ** 2 for y, _ in points) or 1
		slope = sum((y - mean_y) * (x - mean_x) for y, x in points) / spread
		base = mean_x - slope * mean_y
		residuals = [x - (base + slope * y) for y, x in points]
		middle = statistics.median(residuals)
		points = [
			point for point, residual in zip(points, residuals, strict=True) if abs(residual - middle) < width
		]
	if len(points) < 8:
		return None
	return lambda y: base + slope * y
