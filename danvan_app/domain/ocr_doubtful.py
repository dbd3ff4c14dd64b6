"""Words Tesseract doubted, respelled where the text or a short list of set phrases shows their marks.

Tesseract's commonest slip in Vietnamese is a tone or vowel mark ("tống hợp", "chỉ thường xuyên", "thấm
định", "đầy mạnh", "ngần sách"), and it is often the same slip every time the word is printed, so the text
alone cannot tell (``ocr_evidence`` respells only a word read once against a phrase written four times).
What tells is Tesseract's own confidence: on the development scans (the issue-17 corpus, 300 dpi) such a
misread mostly scores 60-94 where the words around it score 95-97. A word scored below ``DOUBTFUL`` is
respelled with other marks on the same letters only when that spelling, with the word's neighbour, makes one
of ``SET_PHRASES`` or a phrase the text writes, read surely, where the phrase as read is written nowhere
else; never by a dictionary. Pure standard library.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from typing import Protocol

from danvan_app.domain.ocr_evidence import FUNCTION_WORDS, PHRASE_SHARE, bare, same_case

# Below this confidence a word is doubtful. On 37 development scans 407 of the 496 words read with wrong
# marks scored below 95 (309 below 90; the others, "chỉ" for "chi" at 96 often, stay as read unless a set
# phrase makes them) and so did 10,493 of the 112,115 words read right (one in eleven; 2,249 below 90), which
# the rules below leave as read. Tried on the development scans: 90 put 28 fewer misreads right (514 against
# 519 of 603 obligations the same); 97 respelled correct words ("cộng tác" → "công tác", "Việt Nam vững").
DOUBTFUL = 95

# Two-word terms of Vietnamese administrative writing that Tesseract misreads by a mark, each of whose other
# markings makes no phrase in such a text ("tổng hợp" / "tống hợp", "thẩm định" / "thấm định"). Kept short on
# purpose: a term is here because directives write it constantly and its misread forms are not words, not
# because a development text has it; a pair whose other marking is also a phrase ("hàng năm" / "hằng năm",
# "cơ số" / "cơ sở", "chi tiết" / "chỉ tiết"…) is not here.
SET_PHRASES = frozenset(
	tuple(phrase.split())
	for phrase in (
		"tổng hợp",
		"tổng kết",
		"tổng liên",  # Tổng Liên đoàn Lao động
		"tham mưu",
		"thẩm định",
		"thẩm quyền",
		"thẩm tra",
		"ngân sách",
		"đẩy mạnh",
		"bình đẳng",
		"nắm bắt",
		"nắm chắc",
		"nắm vững",
		"chi thường",  # chi thường xuyên, a budget line
		"chi trả",
		"chi phí",
		"chi bộ",
		"tinh thần",
		"cá nhân",
		"nhân dân",
		"giám sát",
		"theo dõi",
		"kiểm tra",
		"tuyên truyền",
		"đại biểu",
		"đổi mới",
		"thay đổi",
		"chỉ đạo",
		"chỉ thị",
		"tiêu chí",
		"thi đua",
		"thi hành",
		"người dân",
		"chuyển đổi",
	)
)


# Evidence in the text itself: the other spelling's phrase with the same neighbour written, trusted, at least
# ATTESTED times (and at least PHRASE_SHARE of that spelling's uses), the phrase as read written nowhere
# else, and the word as read written, trusted, at most READ_ELSEWHERE times elsewhere (a misread makes a word
# the text hardly uses, "tống", "thấm", "nhần"; a correct word such as "thực" of "tình hình thực tế" is
# used elsewhere). Chosen on the development scans and on the clean texts with every word doubted: with 1
# and 1 instead (measured before the exclusions below), 10 more misreads were put right on the scans and 21
# more correct words changed on the clean texts.
ATTESTED = 2
READ_ELSEWHERE = 0
# Two spellings of one word, both correct ("hằng năm" and "hàng năm"): never one for the other. A function
# word ("cho", "và") is never the respelling either: a phrase it makes is no evidence (``ocr_evidence``).
_VARIANT = {"hằng", "hàng"}


class Recognised(Protocol):
	text: str
	confidence: float


_WORD = re.compile(r"[^\W\d_]+")


_PUNCTUATION = ".,;:!?()[]\"'“”‘’«»"


def locate_words(text: str, words: list[Recognised]) -> list[tuple[int, int, str, float]]:
	"""Where each of Tesseract's words (in reading order) is in the cleaned text: the two sequences of words
	aligned (difflib), so that a word the clean-up removed, changed or moved (a running header, a heading
	column) is skipped without losing its neighbours, and a short word is never found inside a longer one
	("chi" in "chính")."""
	read = [
		(core, word.confidence)
		for word in words
		for part in unicodedata.normalize("NFC", word.text).split()
		if (core := part.strip(_PUNCTUATION))
	]
	spans = []
	for token in re.finditer(r"\S+", text):
		core = token[0].strip(_PUNCTUATION)
		if core:
			start = token.start() + token[0].index(core)
			spans.append((start, start + len(core), core))
	matcher = difflib.SequenceMatcher(None, [core for core, _ in read], [core for *_, core in spans], False)
	return [
		(*spans[j + offset], read[i + offset][1])
		for i, j, size in matcher.get_matching_blocks()
		for offset in range(size)
	]


def respell_doubtful(
	text: str, words: list[Recognised], doubtful: float = DOUBTFUL, trusted: float = DOUBTFUL
) -> str:
	"""``text`` (the cleaned recognised text) with its doubtful words respelled where a phrase shows their
	marks; ``words`` are Tesseract's words in reading order with their confidence.

	A doubtful word (scored below ``doubtful``) is left as read when it makes a set phrase with a neighbour.
	Otherwise it takes the one other marking of its letters that makes a set phrase with a neighbour, or
	failing that the one the text writes with that neighbour more often than as read, counting only the
	words read with a confidence of at least ``trusted`` (Tesseract misreads some words the same way nearly
	every time and sure of itself: "chỉ phí" for "chi phí" at 96, so the majority is no evidence), and only
	when the word as read is not written, trusted, with its other neighbour ("tình hình thực tế" stays
	although "hình thức" is written often: "thực tế" is too)."""
	tokens = list(_WORD.finditer(text))
	folded = [token[0].casefold() for token in tokens]
	# Word i and word i + 1 are neighbours when only a space or a line's end is between them (a title wraps
	# inside a term: "PHỐI HỢP THẨM" / "ĐỊNH").
	joined = [
		text[tokens[i].end() : tokens[i + 1].start()] in (" ", "\n") for i in range(len(tokens) - 1)
	] + [False]
	index_at = {token.start(): index for index, token in enumerate(tokens)}
	confidence_at: dict[int, float] = {}
	for start, end, _, confidence in locate_words(text, words):
		index = index_at.get(start)
		if index is not None and tokens[index].end() == end:
			confidence_at[index] = confidence
	# A word the clean-up changed (so not located) counts as trusted: most words are read surely.
	sure = [confidence_at.get(index, 100.0) >= trusted for index in range(len(tokens))]
	phrases = Counter(
		(folded[i], folded[i + 1]) for i in range(len(tokens)) if joined[i] and sure[i] and sure[i + 1]
	)
	written = Counter(word for word, trusted_word in zip(folded, sure, strict=True) if trusted_word)
	spellings: dict[str, set[str]] = {}
	for word in folded:
		spellings.setdefault(bare(word), set()).add(word)

	def elsewhere(pair: tuple, at: int) -> int:
		"""How often the text writes ``pair``, trusted, besides at word ``at`` and the next one."""
		counted = 0 <= at < len(tokens) - 1 and joined[at] and sure[at] and sure[at + 1]
		return phrases[pair] - (1 if counted and (folded[at], folded[at + 1]) == pair else 0)

	respelled: dict[int, str] = {}
	for index, confidence in confidence_at.items():
		if confidence >= doubtful:
			continue
		word = folded[index]
		left = folded[index - 1] if index and joined[index - 1] else None
		right = folded[index + 1] if joined[index] else None
		left, right = (None if side in FUNCTION_WORDS else side for side in (left, right))
		if (left, word) in SET_PHRASES or (word, right) in SET_PHRASES:
			continue
		others = {
			other
			for other in _markings(word, spellings)
			if not _same_marks(word, other) and other not in FUNCTION_WORDS and {word, other} != _VARIANT
		}
		# (another spelling, its phrase with a neighbour, the phrase as read there, the phrase as read on the
		# other side), each phrase as read with the word's index where it starts
		sides = [
			(other, (left, other), ((left, word), index - 1), ((word, right), index))
			for other in others
			if left is not None
		] + [
			(other, (other, right), ((word, right), index), ((left, word), index - 1))
			for other in others
			if right is not None
		]
		# The word as read, written with its other neighbour elsewhere, is a phrase of its own ("Việt Nam
		# vững mạnh" is not "nắm vững"): it stays.
		sides = [side for side in sides if not elsewhere(*side[3])]
		found = {other for other, pair, *_ in sides if pair in SET_PHRASES}
		if not found:
			found = {
				other
				for other, pair, read, _ in sides
				if phrases[pair] >= max(ATTESTED, PHRASE_SHARE * written[other])
				and not elsewhere(*read)
				and _other_side_written(other, pair, left, right, phrases)
				and written[word] - sure[index] <= READ_ELSEWHERE
			}
		if len(found) == 1:
			respelled[index] = found.pop()
	out = []
	last = 0
	for index, word in sorted(respelled.items()):
		token = tokens[index]
		out.append(text[last : token.start()] + same_case(token[0], word))
		last = token.end()
	return "".join(out) + text[last:]


def _other_side_written(other: str, pair: tuple, left, right, phrases: Counter) -> bool:
	"""Whether the other spelling also makes a phrase the text writes with the word's other neighbour, when
	there is one ("Luật Đấu thầu" is not "Luật Đầu": "Đầu thầu" is written nowhere)."""
	beyond = (other, right) if pair == (left, other) else (left, other)
	return None in beyond or phrases[beyond] > 0


def _same_marks(word: str, other: str) -> bool:
	"""The same word with its tone mark placed by the old or the new rule ("Uỷ" and "Ủy", "hoá" and "hóa"):
	not a misread, and both are correct."""
	marks = [
		sorted(ch for ch in unicodedata.normalize("NFD", w) if unicodedata.combining(ch))
		for w in (word, other)
	]
	return marks[0] == marks[1]


def _markings(word: str, spellings: dict[str, set[str]]) -> set[str]:
	"""The other spellings of ``word``'s letters: those the text writes, and those of the set phrases."""
	letters = bare(word)
	listed = {part for phrase in SET_PHRASES for part in phrase if bare(part) == letters}
	return (spellings.get(letters, set()) | listed) - {word}
