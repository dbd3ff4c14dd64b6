"""Small, dependency-free helpers for Vietnamese text as it arrives from web pages and scans.

Everything here is pure standard library so that the directive importer can be tested without frappe.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

# ``đ`` is a letter of its own in Unicode (not d + combining mark), so NFD alone never strips it.
# ``Ð`` (U+00D0, Icelandic eth) is a frequent look-alike typed instead of ``Đ`` in Vietnamese documents.
_LETTER_D_FOLDS = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})
_ETH_TO_VIETNAMESE_D = str.maketrans({"ð": "đ", "Ð": "Đ"})

# Non-breaking, thin, zero-width and other exotic spaces all come out of copy-pasted web pages.
_EXOTIC_SPACES = str.maketrans(
	{
		"\u00a0": " ",
		"\u2007": " ",
		"\u2009": " ",
		"\u200a": " ",
		"\u202f": " ",
		"\u3000": " ",
		"\u200b": "",
		"\u200c": "",
		"\u200d": "",
		"\ufeff": "",
	}
)
_EXOTIC_SPACE = re.compile("[\u00a0\u2007\u2009\u200a\u202f\u3000\u200b\u200c\u200d\ufeff]")
_ETH = re.compile("[ðÐ]")
_HORIZONTAL_WHITESPACE_RUN = re.compile(r"[ \t\f\v]+")
_ANY_WHITESPACE_RUN = re.compile(r"\s+")


def fix_lookalikes(text: str) -> str:
	"""Compose to NFC and replace the eth look-alike by ``Đ`` so later regexes see one spelling."""
	text = unicodedata.normalize("NFC", text)
	# translate() with a dict costs a lookup per character; skip it when there is nothing to replace.
	return text.translate(_ETH_TO_VIETNAMESE_D) if _ETH.search(text) else text


def strip_diacritics(text: str) -> str:
	"""``"Tỉnh ủy Đồng Nai"`` → ``"Tinh uy Dong Nai"`` (tone marks, vowel hats and ``đ`` all removed)."""
	decomposed = unicodedata.normalize("NFD", text.translate(_LETTER_D_FOLDS))
	without_marks = "".join(char for char in decomposed if not unicodedata.combining(char))
	return unicodedata.normalize("NFC", without_marks)


def normalize_whitespace(text: str, keep_newlines: bool = False) -> str:
	"""Collapse runs of spaces (including NBSP and zero-width ones) into one space and trim.

	With ``keep_newlines`` the line structure survives, which the directive parser needs to see items.
	"""
	if _EXOTIC_SPACE.search(text):
		text = text.translate(_EXOTIC_SPACES)
	if not keep_newlines:
		return _ANY_WHITESPACE_RUN.sub(" ", text).strip()
	lines = (_HORIZONTAL_WHITESPACE_RUN.sub(" ", line).strip() for line in text.splitlines())
	return "\n".join(lines).strip()


def fold(text: str) -> str:
	"""Comparison key: no diacritics, casefolded, single-spaced.

	Two spellings of a unit name that a person would call "the same" should fold to the same string,
	e.g. ``"Ủy ban nhân dân"`` and ``"UỶ BAN  NHÂN DÂN"`` (old-style tone placement on ``Uỷ``).
	"""
	# Names and codes are folded over and over while matching; only short strings are worth caching.
	return _fold_short(text) if len(text) <= 200 else _fold(text)


def _fold(text: str) -> str:
	return normalize_whitespace(strip_diacritics(fix_lookalikes(text))).casefold()


_fold_short = lru_cache(maxsize=8192)(_fold)


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
	folded = strip_diacritics(fix_lookalikes(char)).casefold()
	if len(folded) == 1:
		return folded
	lowered = char.lower()
	return lowered if len(lowered) == 1 else char


def fold_same_length(text: str) -> str:
	"""Like ``fold`` but one output character per input character and whitespace left alone.

	Regexes can then run on the folded text while match positions still slice the original, which is how
	the parser quotes phrases "as written".
	"""
	if len(_FOLD_TABLE) > _FOLD_TABLE_LIMIT:
		# Adversarial input with very many distinct characters: fall back to a table for this text only.
		return text.translate({ord(char): _fold_char(char) for char in set(text)})
	return text.translate(_FOLD_TABLE)


class _FoldTable(dict[int, str]):
	"""Code point → folded character, filled on first sight, so translate() runs in C for known characters."""

	def __missing__(self, code_point: int) -> str:
		folded = _fold_char(chr(code_point))
		self[code_point] = folded
		return folded


_FOLD_TABLE = _FoldTable()
_FOLD_TABLE_LIMIT = 20_000


# Old-style tone placement ("hoà", "uỷ") and new-style ("hòa", "ủy") are both in use, often in one document.
_OLD_TO_NEW_TONE_PLACEMENT = {
	"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
	"oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
	"uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TONE_PATTERN = re.compile("|".join(_OLD_TO_NEW_TONE_PLACEMENT))


def canonical_word(text: str) -> str:
	"""Lowercase, diacritics kept, tone placement unified: a comparison key that keeps "sở" apart from "số"."""
	lowered = fix_lookalikes(text).lower()
	return _OLD_TONE_PATTERN.sub(lambda match: _OLD_TO_NEW_TONE_PLACEMENT[match.group(0)], lowered)


# --- dates ---------------------------------------------------------------------------------------

# Numeric dates: 02/8/2021, 2-8-2021, 02.08.2021. The lookarounds stop us reading "16/CT" or "1/2/3/4".
_NUMERIC_DATE = (
	r"(?<![\d/.\-])(?P<d>\d{1,2})\s?(?P<sep>[/.\-])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?(?P<y>\d{4})(?![\d/])"
)
# Spelled-out: "ngày 02 tháng 8 năm 2021" (the word "ngày" is required, otherwise "02 tháng" is ambiguous).
_WORDED_DATE = r"ng[àa]y\s{1,3}(?P<wd>\d{1,2})\s{1,3}th[áa]ng\s{1,3}(?P<wm>\d{1,2})\s{1,3}n[ăa]m\s{1,3}(?P<wy>\d{4})(?!\d)"
DATE_PATTERN = re.compile(rf"(?:{_WORDED_DATE})|(?:(?:ng[àa]y\s{{1,3}})?{_NUMERIC_DATE})", re.IGNORECASE)

# Years before the modern Party (1930) or far in the future are more likely typos than real dates.
_PLAUSIBLE_YEARS = range(1930, 2101)


@dataclass(frozen=True)
class DateMention:
	"""A date found in running text: its value and where it was written."""

	value: date
	start: int
	end: int
	text: str


def _date_from_match(match: re.Match[str]) -> date | None:
	if match.group("wd") is not None:
		day, month, year = match.group("wd"), match.group("wm"), match.group("wy")
	else:
		day, month, year = match.group("d"), match.group("m"), match.group("y")
	if int(year) not in _PLAUSIBLE_YEARS:
		return None
	try:
		return date(int(year), int(month), int(day))
	except ValueError:
		return None  # 31/02/2021 and friends: not a date, not worth crashing over


def iter_vn_dates(text: str) -> Iterator[DateMention]:
	"""Every valid date written in ``text``, in order of appearance."""
	for match in DATE_PATTERN.finditer(text):
		value = _date_from_match(match)
		if value is not None:
			yield DateMention(value, match.start(), match.end(), match.group(0))


def date_at(text: str, position: int) -> DateMention | None:
	"""The date written exactly at ``position`` ("ngày 25/02/2010", "25/02/2010"), or None."""
	match = DATE_PATTERN.match(text, position)
	value = _date_from_match(match) if match else None
	return DateMention(value, match.start(), match.end(), match.group(0)) if match and value else None


def find_vn_dates(text: str) -> list[DateMention]:
	return list(iter_vn_dates(text))


def parse_vn_date(text: str) -> date:
	"""``"02/8/2021"``, ``"ngày 02/8/2021"``, ``"ngày 02 tháng 8 năm 2021"`` → ``date(2021, 8, 2)``.

	The whole input must be one date (surrounding spaces and punctuation aside); raises ValueError otherwise.
	"""
	cleaned = normalize_whitespace(fix_lookalikes(text)).strip(" ,.;:()")
	match = DATE_PATTERN.fullmatch(cleaned)
	value = _date_from_match(match) if match else None
	if value is None:
		raise ValueError(f"Không đọc được ngày tháng: {text!r}")
	return value
