"""Where the cleaned text of a scan stands on its pages: each page's start, the page a clause starts on, and
the doubtful words inside a clause, for the review that shows a task next to its page. Pure standard library."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
	from danvan_app.domain.ocr import Word


def locate_pages(text: str, words: list[Word], pages: int) -> list[int | None]:
	"""Where each page starts in the cleaned text: the place of the first of its words found there, searched
	forward from the previous page's start; None for a page none of whose words is found (blank, or only a
	page number the clean-up removed). Tesseract numbers pages from 1; the list has one entry per page."""
	starts: list[int | None] = [0]
	numbers = sorted({word.page for word in words})
	by_page = {number: [word for word in words if word.page == number] for number in numbers}
	cursor = 0
	for number in numbers[1:pages]:
		# A page's first words as a phrase: one word ("hiện", "các") is found much earlier on the page
		# before. A phrase the clean-up changed (a page number dropped, a word repaired) is skipped for the
		# next one, shorter phrases last.
		cores = [
			core for word in by_page[number][:12] if len(core := word.text.strip(".,;:!?()[]\"'“”‘’«»")) >= 1
		]
		found = None
		for size in (4, 3, 2):
			for first in range(0, max(0, len(cores) - size) + 1):
				position = text.find(" ".join(cores[first : first + size]), cursor)
				if position >= 0:
					found = position
					break
			if found is not None:
				break
		cursor = found if found is not None else cursor
		starts.append(found)
	return starts + [None] * (pages - len(starts))


def page_of(text: str, clause: str, page_starts: list, cursor: int = 0) -> tuple[int | None, int]:
	"""The page (from 1) on which ``clause`` starts in ``text``, searched from ``cursor``, and where it was
	found (for the next clause's search); None when the clause is not in the text as it is. The clause is
	found by its leading words as a phrase, whatever spaces or line breaks stand between them in the text
	(the parser re-joins a clause's lines with single spaces)."""
	found = None
	# Its first 60 characters, then (a sub-item's marker in the text between its words) its first 25.
	for head in filter(None, (_leading_words(clause, 60), _leading_words(clause, 25))):
		found = head.search(text, cursor) or head.search(text)
		if found:
			break
	if found is None:
		return None, cursor
	position = found.start()
	page = max(
		(number for number, start in enumerate(page_starts, 1) if start is not None and start <= position),
		default=1,
	)
	return page, position


def _leading_words(clause: str, chars: int = 60) -> re.Pattern | None:
	words: list[str] = []
	for word in clause.split():
		words.append(re.escape(word))
		chars -= len(word) + 1
		if chars <= 0:
			break
	return re.compile(r"\s+".join(words)) if words else None


def doubtful_in_clause(text: str, start: int, clause: str, doubtful: list[dict]) -> list[dict]:
	"""The doubtful words (``{"start", "end", "word", "confidence"}`` in ``text``) that are inside ``clause``,
	which begins at ``start`` in ``text``, with ``start``/``end`` moved to their place in the clause.

	The clause's words are walked along the text's words from ``start``: equal words are paired (a line
	break in the text is a space in the clause; a list marker or a word the parser left out is stepped over,
	a few at most). A doubtful word is kept only where its own occurrence is paired, so one doubtful "các"
	marks that "các" and not every other one."""
	window = text[start : start + 2 * len(clause) + 200]
	source = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", window)]
	pairs: list[tuple[int, int, int]] = []  # (start in text, end in text, start in clause)
	at = 0
	for word in re.finditer(r"\S+", clause):
		for ahead in range(at, min(at + 6, len(source))):
			if _same_word(source[ahead][2], word.group()):
				pairs.append((start + source[ahead][0], start + source[ahead][1], word.start()))
				at = ahead + 1
				break
	marks = []
	for entry in doubtful:
		for word_start, word_end, clause_start in pairs:
			if word_start <= entry["start"] and entry["end"] <= word_end:
				offset = clause_start + entry["start"] - word_start
				if clause[offset : offset + entry["end"] - entry["start"]] == entry["word"]:
					marks.append({**entry, "start": offset, "end": offset + entry["end"] - entry["start"]})
				break
	return sorted(marks, key=lambda mark: mark["start"])


def _same_word(in_text: str, in_clause: str) -> bool:
	"""Equal, or equal but for the punctuation around them ("thực hiện;" in the text, "thực hiện." in a
	clause the parser closed with a full stop)."""
	punctuation = ".,;:!?()[]\"'“”‘’«»"
	return in_text == in_clause or in_text.strip(punctuation) == in_clause.strip(punctuation) != ""
