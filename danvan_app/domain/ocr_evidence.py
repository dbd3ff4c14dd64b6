"""Repairs of recognised words on the scan's own evidence: a word is changed only where the same text writes
the right form again and again, never from a dictionary or the original (Vietnamese has too many words that
differ by their marks or their case alone for a word list to tell). Part of the OCR clean-up
(``ocr_cleanup``), which runs these after the lines and lists are put right. Pure standard library.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Vietnamese lower- and upper-case letters as regex classes (re has no \p{Ll}); "à-ỹ" as a range would take
# in the capitals that Unicode interleaves with them (Đ, Ạ, Ả ...).
LOWER = "[" + re.escape("".join(ch for ch in map(chr, range(0x61, 0x1F00)) if ch.islower())) + "]"
UPPER = "[" + re.escape("".join(ch for ch in map(chr, range(0x41, 0x1F00)) if ch.isupper())) + "]"
_LOWER = LOWER

# Function words: they go with any word, so they never end a sentence (a paragraph break Tesseract put
# after one, "… và của" / blank / "Ban Thường trực …", is inside a paragraph), and a phrase they make tells
# nothing about the word beside them ("và đất" written ten times is no evidence that "và đạt" was misread).
FUNCTION_WORDS = (
	"của",
	"và",
	"các",
	"với",
	"cho",
	"trong",
	"theo",
	"tại",
	"để",
	"những",
	"đến",
	"từ",
	"được",
)
FUNCTION_WORDS += ("về", "là")


def repair_words(text: str) -> str:
	text = _speck_letters(text)
	text = _glued_hyphens(text)
	text = _glued_numbers(text)
	text = _run_together_words(text)
	text = _misread_codes(text)
	text = _marks_inside_phrases(text)
	text = _capitals_inside_prose(text)
	return _document_spellings(text)


# An abbreviation read with a capital Tesseract confuses with "T" in a serif face ("MITQ", "METQ", "MIỊTQ"
# for "MTTQ"): put back where the text writes the abbreviation the confusion gives at least _PHRASE_TIMES
# times and reads this form at most twice. Only those letters stand for "T", so that real abbreviations
# that differ by another letter ("BTC" and "BTT", "MTTW" and "MTTQ") and Roman numerals ("XII", "XIII")
# stay as read.
_READ_FOR_T = set("IEỊÌÍL")
_ROMAN_NUMERAL = re.compile(r"[IVXLC]+")


def _misread_codes(text: str) -> str:
	codes = Counter(word for word in _WORD.findall(text) if word.isupper() and 3 <= len(word) <= 7)
	known = {code for code, times in codes.items() if times >= _PHRASE_TIMES}
	repaired: dict[str, str] = {}
	for code, times in codes.items():
		if times > 2 or code in known or _ROMAN_NUMERAL.fullmatch(code):
			continue
		readings = {""}
		for ch in code:
			readings = {
				start + option for start in readings for option in ({ch, "T"} if ch in _READ_FOR_T else {ch})
			}
		# A letter read twice for one ("MIỊIQ"): each of the confused letters may also be a speck.
		if len(code) > 4:
			readings |= {
				r[:i] + r[i + 1 :] for r in set(readings) for i, ch in enumerate(code) if ch in _READ_FOR_T
			}
		matches = (readings - {code}) & known
		if len(matches) == 1:
			repaired[code] = matches.pop()
	if not repaired:
		return text
	return re.sub(
		r"(?<![^\W\d_])(" + "|".join(map(re.escape, repaired)) + r")(?![^\W\d_])",
		lambda m: repaired[m[1]],
		text,
	)


# A word of lower-case prose read with capitals ("cơ SỞ quy định", "các SỞ, ban", "các tỆ nạn"): Tesseract
# takes a small letter with a tall mark for a capital. Lowered after a word in lower case when the text writes
# the word in lower case at least _PHRASE_TIMES times and as read at most once (a writer's emphasis, "KHÔNG
# được", written again and again, stays). Only all capitals with Vietnamese marks, or a capital after a small
# letter: an acronym ("UBND") has no marks, and a capital first letter may be a name's ("đồng Nhân dân").
def _capitals_inside_prose(text: str) -> str:
	words = list(_WORD.finditer(text))
	written = [word[0] for word in words]
	seen = Counter(written)
	for index, word in enumerate(written):
		lower = word.lower()
		if word == lower or not ((word.isupper() and not word.isascii()) or word[:1].islower()):
			continue
		if index == 0 or text[words[index - 1].end() : words[index].start()] != " ":
			continue
		if not written[index - 1].isupper() and seen[lower] >= _PHRASE_TIMES and seen[word] <= 1:
			written[index] = lower
	out = []
	last = 0
	for match, word in zip(words, written, strict=True):
		if word != match[0]:
			out.append(text[last : match.start()] + word)
			last = match.end()
	return "".join(out) + text[last:]


# A word read with the wrong tone or vowel marks ("tống hợp" once where the text writes "tổng hợp" twenty
# times, "nhân dần", "lẫy ý kiến"): Tesseract's commonest slip in Vietnamese. Many Vietnamese words differ by
# their marks alone ("công tác" and "cộng tác", "đầu tư" and "từ"), so no dictionary could tell; the text
# itself does: a word read only this once in the whole text is respelled when the same letters with other
# marks make, with its neighbour, a phrase the text writes at least _PHRASE_TIMES times, and that word stands
# in that phrase at least PHRASE_SHARE of the times the text uses it ("tư" of "đầu tư" 88 times, 7 of them
# before "dự": "an toàn từ dự án" stays). One such spelling, or none is made.
_PHRASE_TIMES = 4
PHRASE_SHARE = 0.2
_RARE = 1
_NEIGHBOUR_SHARE = 0.9
_WORD = re.compile(r"[^\W\d_]+")


def bare(word: str) -> str:
	"""A word without its tone and vowel marks, case aside ("Tổng" → "tong"); "đ" stays a letter of its own."""
	return "".join(
		ch for ch in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(ch)
	)


def _document_spellings(text: str) -> str:
	words = list(_WORD.finditer(text))
	folded = [word[0].casefold() for word in words]
	# Word i and word i + 1 make a phrase when only a space is between them.
	joined = [text[words[i].end() : words[i + 1].start()] == " " for i in range(len(words) - 1)] + [False]
	phrases = Counter((folded[i], folded[i + 1]) for i in range(len(words)) if joined[i])
	seen = Counter(folded)
	spellings: dict[str, set[str]] = {}
	for word in seen:
		spellings.setdefault(bare(word), set()).add(word)
	out = []
	last = 0
	for index, word in enumerate(folded):
		if len(spellings[bare(word)]) < 2:
			continue
		left = folded[index - 1] if index and joined[index - 1] else None
		right = folded[index + 1] if joined[index] else None
		left, right = (None if side in FUNCTION_WORDS else side for side in (left, right))
		if seen[word] <= _RARE:
			respelled = {
				other
				for other in spellings[bare(word)] - {word}
				for times in (phrases[left, other] if left else 0, phrases[other, right] if right else 0)
				if times >= _PHRASE_TIMES and times >= PHRASE_SHARE * seen[other]
			}
		else:
			# A word the text uses elsewhere ("phân" of "phân công"), in a phrase read only this once beside a
			# neighbour that stands in the other spelling's phrase nearly every time the text uses it ("Phân
			# biện" where "biện" is "phản biện" ten times out of ten; "cộng tác" stays where "tác" is also
			# "hợp tác" and "thao tác").
			respelled = {
				other
				for other in spellings[bare(word)] - {word}
				for times, read, side in (
					(phrases[left, other], phrases[left, word], left),
					(phrases[other, right], phrases[word, right], right),
				)
				if side and read == 1 and times >= _PHRASE_TIMES and times >= _NEIGHBOUR_SHARE * seen[side]
			}
		if len(respelled) == 1:
			match = words[index]
			out.append(text[last : match.start()] + same_case(match[0], respelled.pop()))
			last = match.end()
	return "".join(out) + text[last:]


# A lone lower-case consonant between two words: no Vietnamese word is one consonant, so it is a speck read as
# a letter ("giám sát việc c tiếp nhận", "doanh h nghiệp") or a word's first letter read apart from its rest
# ("khách q uan", joined when the text uses the word). A point cited by its letter ("điểm c khoản 2", "điểm b và c") stays; so does a letter after
# a number or a mark ("100.000 đ", "a, b, c").
_SPECK_LETTER = re.compile(r"(?<=[^\W\d_]{2} )([bcdđghklmnpqrstvx]) (?=[^\W\d_])")
# After a comma only where it doubles the next word's first letter ("quốc phòng, q quân sự"); "a, b, c" stays.
# Read in capitals where it doubles the next word's first letter between lower-case words ("giám sát V việc");
# not after a word that a Roman numeral follows ("khóa X", "lần thứ V").
_CAPITAL_SPECK = re.compile(
	r"(?<=[^\W\d_]{2} )(?<!khóa )(?<!khoá )(?<!thứ )(?<!phần )(?<!chương )(?<!mục )(?<!quý )(?<!hội )"
	r"([BCDĐGHKLMNPQRSTVX]) (?=(?i:\1)[^\W\d_])"
)
# Two or three consonants with no vowel between two words ("phụ tr trách", "Ban Thường trực tc Ủy ban", "nh
# hội"): no Vietnamese syllable lacks a vowel, so specks read as letters. "đ" is left out: "đc" is how "đ/c"
# (đồng chí) is read.
_SPECK_CLUSTER = re.compile(r"(?<=([^\W\d_]{2}) )[bcdghklmnpqrstvx]{2,3} (?=[^\W\d_])")
# A lone vowel that repeats, marks and all, the last letter of the word before it or the first of the word
# after it ("lấy ý ý kiến", "Tỉnh ủ ủy", "cụ ụ thể", "của a hồ sơ", "dự á án"): a speck read as a letter of its
# neighbour. "có ý kiến", "ô nhiễm", "điểm a" stay, and so do the vowels that are words of their own
# after a word they end ("cơ sở ở các xã").
_VOWEL_WORDS = {"ở", "ô"}
_VOWELS = "aăâeêioôơuưy"
_VOWEL_LETTERS = "".join(
	sorted(
		{
			unicodedata.normalize("NFC", base + mark)
			for base in _VOWELS
			for mark in ("", *"\u0300\u0301\u0309\u0303\u0323")
		}
	)
)
_SPECK_VOWEL = re.compile(rf"(?<=([^\W\d_]{{2}}) )([{_VOWEL_LETTERS}]) (?=([^\W\d_]+))")
_SPECK_AFTER_COMMA = re.compile(r"(?<=[^\W\d_]{2}, )([bcdđghklmnpqrstvx]) (?=\1[^\W\d_])")
_CITING = {"điểm", "tiết", "mục", "khoản", "và", "hoặc", "lục", "bảng", "hình", "cột", "mẫu"}


def _speck_letters(text: str) -> str:
	seen = Counter(word.casefold() for word in _WORD.findall(text))

	def repair(match: re.Match[str]) -> str:
		before = re.search(r"[^\W\d_]+(?= $)", match.string[max(0, match.start() - 12) : match.start()])
		if before and before[0].casefold() in _CITING:
			return match[0]
		following = _WORD.match(match.string, match.end())
		rest = following[0] if following else ""
		if not rest[:1].islower():
			return match[0]
		# "q uan": the letter and the rest make a word the text uses, and the rest alone is read nowhere else.
		if seen[match[1] + rest] >= _PHRASE_TIMES and seen[rest] <= 1:
			return match[1]
		# Before a vowel the letter may be the word's own ("q uan"): left as read without that evidence.
		return match[0] if bare(rest[0]) in "aeiouy" else ""

	text = _SPECK_LETTER.sub(repair, text)
	text = _CAPITAL_SPECK.sub(
		lambda m: "" if m.string[m.end()].islower() and m.string[m.start() - 2].islower() else m[0], text
	)
	text = _SPECK_CLUSTER.sub(lambda m: m[0] if m[1] in _CITING else "", text)
	text = _SPECK_VOWEL.sub(
		lambda m: "" if m[2] in (m[1][-1], m[3][0].lower()) and m[2] not in _VOWEL_WORDS else m[0], text
	)
	return _SPECK_AFTER_COMMA.sub("", text)


# A hyphen glued between two lower-case words, or to the second one ("chỉ đạo-kiểm tra", "thực-hiện", "đại
# -biểu"): Vietnamese spaces its dashes
# ("chính trị - xã hội"), but a glued one is written too ("chính trị-xã hội", "pa-nô"); it is a speck where the
# text writes the same two words side by side elsewhere.
_GLUED_HYPHEN = re.compile(r"(?<![\w-])([^\W\d_]+)(?:-| -)([^\W\d_]+)(?![\w-])")


def _glued_hyphens(text: str) -> str:
	spaced = set(re.findall(r"(?=(?<![^\W\d_])([^\W\d_]+) ([^\W\d_]+)(?![^\W\d_]))", text.casefold()))

	def repair(match: re.Match[str]) -> str:
		pair = (match[1].casefold(), match[2].casefold())
		# The second word in lower case: a capital there is a compound name ("Bà Rịa-Vũng Tàu"); a capital on the
		# first alone is a title's or a sentence's ("Ủy-ban MTTQ" where the text writes "Ủy ban").
		lower = match[2] == match[2].lower()
		return f"{match[1]} {match[2]}" if lower and pair in spaced else match[0]

	return _GLUED_HYPHEN.sub(repair, text)


# "+ Đợt3: trong khoảng thời gian": a word glued to a number lost the space between them where the text writes
# that word before a number with the space ("Đợt 1:", "Đợt 2:"); units, codes and note marks ("m2", "QH15",
# "Trung ương2") are left as read.
_GLUED_NUMBER = re.compile(r"(?<![\w-])([^\W\d_]{2,})(\d{1,3})(?!\w)")


def _glued_numbers(text: str) -> str:
	spaced = {word.casefold() for word in re.findall(r"(?<![\w-])([^\W\d_]{2,}) \d{1,3}(?!\w)", text)}
	return _GLUED_NUMBER.sub(lambda m: f"{m[1]} {m[2]}" if m[1].casefold() in spaced else m[0], text)


# Two words read without the space between them ("Ủy ban nhân dântỉnh", "địa phươnggiải quyết"): a lower-case
# token read only once, that is two words the text writes side by side elsewhere, is split between them.
def _run_together_words(text: str) -> str:
	seen = Counter(word.casefold() for word in _WORD.findall(text))
	spaced = set(re.findall(r"(?=(?<![^\W\d_])([^\W\d_]+) ([^\W\d_]+)(?![^\W\d_]))", text.casefold()))

	def repair(match: re.Match[str]) -> str:
		word = match[0]
		if seen[word.casefold()] != 1 or len(word) < 4:
			return word
		splits = [
			(word[:cut], word[cut:])
			for cut in range(1, len(word))
			if (word[:cut].casefold(), word[cut:].casefold()) in spaced
		]
		return " ".join(splits[0]) if len(splits) == 1 else word

	return re.sub(rf"(?<![^\W\d_])[^\W\d_]*{_LOWER}[^\W\d_]*(?![^\W\d_])", repair, text)


# A speck read as a stop or a colon inside a name ("Ban Thường trực Ủy ban: MTTQ Việt Nam xã", "với Ban. Thường
# trực"): the mark is dust where the text writes the same two words, as cased, side by side and unmarked at
# least _PHRASE_TIMES times, and with the mark nowhere else ("Tỉnh ủy: Ban hành" stays: "ủy ban" is written
# often, "ủy Ban" is not).
_MARK_BETWEEN = re.compile(r"(?<![^\W\d_])([^\W\d_]+)([.:]) ([^\W\d_]+)(?![^\W\d_])")


def _marks_inside_phrases(text: str) -> str:
	spaced = Counter(re.findall(r"(?=(?<![^\W\d_])([^\W\d_]+) ([^\W\d_]+)(?![^\W\d_]))", text))
	marked = Counter(match.groups() for match in _MARK_BETWEEN.finditer(text))

	def repair(match: re.Match[str]) -> str:
		if spaced[match[1], match[3]] >= _PHRASE_TIMES and marked[match.groups()] == 1:
			return f"{match[1]} {match[3]}"
		return match[0]

	return _MARK_BETWEEN.sub(repair, text)


def same_case(written: str, word: str) -> str:
	if len(written) > 1 and written.isupper():
		return word.upper()
	return word[:1].upper() + word[1:] if written[:1].isupper() else word
