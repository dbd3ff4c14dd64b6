"""Match unit names as a directive writes them ("Ban Dân vận Tỉnh ủy", "UBND tỉnh") to the app's known units.

Matching ignores case, diacritics, punctuation and a leading plural determiner ("các"), and expands the usual
abbreviations (UBND, HĐND, MTTQ, BDV, TU, BTV, …) on both sides, so "UBND tỉnh" finds a unit named
"Ủy ban nhân dân tỉnh". Nothing is guessed beyond that: a name that matches no unit, or several, comes back with
``unit_id=None`` so the person importing sees it and decides.

Units close (the 2025 reorganisation merged communes and abolished districts): an older directive still names
"Huyện ủy Bảo Thắng". The name matches the closed unit, as it existed; for work given today,
:func:`successor_today` proposes the open unit that took its work over, following its successors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from danvan_app.domain.vn_text import fix_lookalikes, fold

# Abbreviation (folded) → words it stands for (folded). Only tokens WRITTEN IN CAPITALS are expanded, so the
# ordinary words "tu" (từ) or "vp" in running text are never mistaken for codes.
ABBREVIATIONS: dict[str, str] = {
	"ubnd": "uy ban nhan dan",
	"hdnd": "hoi dong nhan dan",
	"mttq": "mat tran to quoc",
	"ubmttq": "uy ban mat tran to quoc",
	"mttqvn": "mat tran to quoc viet nam",
	"ubmttqvn": "uy ban mat tran to quoc viet nam",
	"bdv": "ban dan van",
	"btv": "ban thuong vu",
	"bch": "ban chap hanh",
	"btg": "ban tuyen giao",
	"btc": "ban to chuc",
	"bcsd": "ban can su dang",
	"ubkt": "uy ban kiem tra",
	"vp": "van phong",
	"tu": "tinh uy",
	"hu": "huyen uy",
	"thu": "thanh uy",
	"txu": "thi xa uy",
	"du": "dang uy",
	"tw": "trung uong",
	"ldld": "lien doan lao dong",
	"hlhpn": "hoi lien hiep phu nu",
	"hnd": "hoi nong dan",
	"hccb": "hoi cuu chien binh",
	"dtn": "doan thanh nien",
	"tncs": "thanh nien cong san",
	"bchqs": "bo chi huy quan su",
	"ca": "cong an",
	"tp": "thanh pho",
	"tx": "thi xa",
	"ctxh": "chinh tri xa hoi",
}
# Mixed-case codes written as such in documents ("ThU" = Thành ủy).
_MIXED_CASE_CODES = {"ThU": "thu"}
_LONGEST_CODE = max(len(code) for code in ABBREVIATIONS)
_WORD = re.compile(r"[^\W_]+")
_CODE_WORD = re.compile(r"[A-ZĐ]+")
_LEADING_DETERMINERS = {"cac", "nhung", "moi", "tung"}

MATCHED_BY_NAME = "name"
MATCHED_BY_ALIAS = "alias"
MATCHED_BY_ABBREVIATION = "abbreviation"
MATCHED_BY_SUCCESSOR = "successor"
AMBIGUOUS = "ambiguous"
UNMATCHED = "none"


@dataclass(frozen=True)
class UnitRecord:
	id: str
	name: str
	aliases: tuple[str, ...] = ()
	is_open: bool = True  # False once the unit is closed (valid_to past)
	successors: tuple[str, ...] = ()  # unit ids that took its work over


@dataclass(frozen=True)
class UnitMatch:
	written: str  # the name as the directive wrote it
	unit_id: str | None  # None when unmatched or ambiguous: the name stays visible for a person to resolve
	unit_name: str | None
	method: str  # "name" | "alias" | "abbreviation" | "ambiguous" | "none"
	candidates: tuple[str, ...] = ()  # unit ids when several units fit equally well
	predecessor: str | None = None  # the closed unit the name matched, when a successor is proposed
	predecessor_name: str | None = None


def _split_code(code: str) -> list[str] | None:
	"""Greedy longest-first split of a run-together code: "bdvtu" → ["bdv", "tu"]; None if it does not split."""
	parts: list[str] = []
	position = 0
	while position < len(code):
		for length in range(min(_LONGEST_CODE, len(code) - position), 0, -1):
			piece = code[position : position + length]
			if piece in ABBREVIATIONS:
				parts.append(piece)
				position += length
				break
		else:
			return None
	return parts


def _expand_word(word: str) -> str:
	if word in _MIXED_CASE_CODES:
		return ABBREVIATIONS[_MIXED_CASE_CODES[word]]
	folded = fold(word)
	# Codes are plain capitals (Đ aside): "TU" may be Tỉnh ủy, but "TỪ" in an all-caps heading is a word.
	if len(word) < 2 or not _CODE_WORD.fullmatch(word):
		return folded
	if folded in ABBREVIATIONS:
		return ABBREVIATIONS[folded]
	parts = _split_code(folded)
	return " ".join(ABBREVIATIONS[part] for part in parts) if parts else folded


def name_key(name: str, expand_abbreviations: bool = False) -> str:
	"""Comparison key: folded words without punctuation or a leading "các"; optionally codes expanded."""
	words = _WORD.findall(fix_lookalikes(name))
	folded_words = " ".join(
		_expand_word(word) if expand_abbreviations else fold(word) for word in words
	).split()
	while folded_words and folded_words[0] in _LEADING_DETERMINERS:
		folded_words.pop(0)
	key = " ".join(folded_words)
	if expand_abbreviations:
		# "Mặt trận Tổ quốc Việt Nam tỉnh" and "Mặt trận Tổ quốc tỉnh" are the same body.
		key = key.replace("to quoc viet nam", "to quoc")
	return key


def _index(units: Iterable[UnitRecord]) -> tuple[dict[str, list[UnitRecord]], ...]:
	by_name: dict[str, list[UnitRecord]] = {}
	by_alias: dict[str, list[UnitRecord]] = {}
	by_expanded: dict[str, list[UnitRecord]] = {}
	for unit in units:
		by_name.setdefault(name_key(unit.name), []).append(unit)
		for alias in unit.aliases:
			by_alias.setdefault(name_key(alias), []).append(unit)
		for spelling in (unit.name, *unit.aliases):
			by_expanded.setdefault(name_key(spelling, expand_abbreviations=True), []).append(unit)
	return by_name, by_alias, by_expanded


def _distinct(units: list[UnitRecord]) -> list[UnitRecord]:
	return list({unit.id: unit for unit in units}.values())


def match_unit_names(names: list[str], units: list[UnitRecord]) -> list[UnitMatch]:
	"""One UnitMatch per written name, in order. Exact name beats alias beats abbreviation-expanded match."""
	by_name, by_alias, by_expanded = _index(units)
	results = []
	for written in names:
		levels = (
			(MATCHED_BY_NAME, by_name.get(name_key(written), [])),
			(MATCHED_BY_ALIAS, by_alias.get(name_key(written), [])),
			(MATCHED_BY_ABBREVIATION, by_expanded.get(name_key(written, expand_abbreviations=True), [])),
		)
		match = UnitMatch(written, None, None, UNMATCHED)
		for method, found in levels:
			found = _distinct(found)
			if len(found) > 1:
				# An old commune and the new one that took its name: the open one is today's unit.
				found = [unit for unit in found if unit.is_open] or found
			if len(found) == 1:
				match = UnitMatch(written, found[0].id, found[0].name, method)
				break
			if len(found) > 1:
				match = UnitMatch(written, None, None, AMBIGUOUS, tuple(unit.id for unit in found))
				break
		results.append(match)
	return results


def successor_today(match: UnitMatch, units: list[UnitRecord]) -> UnitMatch:
	"""The unit to give work to today: a match on a closed unit becomes its open successor (followed
	through chains, A → B → C, and never round a loop); several open successors are left to the reviewer as
	candidates, none at all leaves the name unmatched. Either way the closed unit is named."""
	by_id = {unit.id: unit for unit in units}
	closed = by_id.get(match.unit_id) if match.unit_id else None
	if closed is None or closed.is_open:
		return match
	open_successors: list[UnitRecord] = []
	seen, queue = {closed.id}, list(closed.successors)
	while queue:
		unit = by_id.get(queue.pop(0))
		if unit is None or unit.id in seen:
			continue
		seen.add(unit.id)
		if unit.is_open:
			open_successors.append(unit)
		else:
			queue.extend(unit.successors)
	history = {"predecessor": closed.id, "predecessor_name": closed.name}
	if len(open_successors) == 1:
		successor = open_successors[0]
		return UnitMatch(match.written, successor.id, successor.name, MATCHED_BY_SUCCESSOR, **history)
	if open_successors:
		candidates = tuple(unit.id for unit in open_successors)
		return UnitMatch(match.written, None, None, AMBIGUOUS, candidates, **history)
	return UnitMatch(match.written, None, None, UNMATCHED, **history)
