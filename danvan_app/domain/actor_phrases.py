"""Who must act: the bodies a clause names as actors, split into presiding and coordinating units.

Part of the directive importer (``directive_text``); pure standard library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from danvan_app.domain import actor_vocabulary as vocab
from danvan_app.domain.vn_text import (
	canonical_word,
	fold,
)

# --- tokens and body lists -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Token:
	text: str
	key: str  # canonical_word(text)
	start: int
	end: int

	@property
	def is_capitalised(self) -> bool:
		return self.text[:1].isupper()


# Directives reuse a small vocabulary, so caching the per-word key is most of the tokenizer's speed.
_word_key = lru_cache(maxsize=16_384)(canonical_word)


def _tokenize(text: str) -> list[_Token]:
	return [
		_Token(match.group(0), _word_key(match.group(0)), match.start(), match.end())
		for match in vocab.TOKEN.finditer(text)
	]


def _match_phrase(
	tokens: Sequence[_Token], index: int, table: dict[str, list[tuple[tuple[str, ...], bool]]]
) -> int:
	"""Number of tokens of the longest table phrase starting at ``index`` (0 when none)."""
	if index >= len(tokens):
		return 0
	for words, needs_capitals in table.get(tokens[index].key, ()):
		end = index + len(words)
		if end > len(tokens) or tuple(token.key for token in tokens[index:end]) != words:
			continue
		if needs_capitals and not (
			tokens[index].is_capitalised
			and end < len(tokens)
			and (tokens[end].is_capitalised or _names_itself_short(tokens, index, end))
		):
			continue
		return len(words)
	return 0


def _names_itself_short(tokens: Sequence[_Token], index: int, end: int) -> bool:
	"""A body called by the short name its text defines ("Trung tâm chính trị … (sau đây gọi tắt là Trung tâm)"),
	then written alone before its verb: "Trung tâm phối hợp với …", "Hằng năm, Trung tâm tổ chức …" (issue 15).
	The capitalised head alone, in mid-sentence or after a comma, with a duty's verb next."""
	return (
		tokens[index].key in _SHORT_NAME_HEADS
		and (index == 0 or tokens[index - 1].text in (",", ":", ";") or not tokens[index - 1].is_capitalised)
		and _match_phrase(tokens, end, vocab.ACTION_WORDS) > 0
	)


_SHORT_NAME_HEADS = {"trung", "trường", "viện", "học"}
_MANNER_AFTER_THEO = {"chức", "thẩm", "phạm", "nhiệm", "lĩnh"}
_PLACE_TIERS = {"xã", "phường", "tỉnh", "huyện", "quận", "khu", "trấn"}


def _action_length(tokens: Sequence[_Token], index: int) -> int:
	"""Length of an action word at ``index``."""
	if index >= len(tokens):
		return 0
	if tokens[index].is_capitalised and not (index > 0 and tokens[index - 1].key in _PLACE_TIERS):
		# Names are Capitalised ("Sở Xây dựng"); but after a place a capitalised verb opens the duty: "4. Ủy ban
		# nhân dân các phường, xã" over "Tăng cường kiểm tra …", joined into one paragraph (issue 15).
		return 0
	length = _match_phrase(tokens, index, vocab.ACTION_WORDS)
	if length and tokens[index].key == "tổ" and length == 2 and _to_chuc_is_body(tokens, index):
		return 0
	if length == 1 and tokens[index].key == "lập" and index > 0 and tokens[index - 1].key == "công":
		return 0  # "đơn vị sự nghiệp công lập", "trường công lập": part of the name, not the verb "lập" (issue 15)
	return length


# "tổ chức hội nghị", "tổ chức hội thi", "tổ chức hội thảo" are events organised, not "tổ chức hội" (bodies).
_HOI_EVENTS = {"nghị", "thi", "thảo", "diễn", "chợ", "trại"}


def _to_chuc_is_body(tokens: Sequence[_Token], index: int) -> bool:
	"""Whether "tổ chức" at ``index`` opens a body's name ("tổ chức chính trị - xã hội", "tổ chức hội …")."""
	following = tokens[index + 2].key if index + 2 < len(tokens) else ""
	if following == "hội" and index + 3 < len(tokens) and tokens[index + 3].key in _HOI_EVENTS:
		return False
	if following == "," and index + 3 < len(tokens) and tokens[index + 3].key == "đơn":
		# "Cơ quan, tổ chức, đơn vị cấp trên …": one of a list of bodies, not the verb (issue 15).
		return index + 4 < len(tokens) and tokens[index + 4].key == "vị"
	if following == "có":
		# "các cơ quan, tổ chức có liên quan": bodies (issue 15), not "tổ chức" the verb
		return tuple(token.key for token in tokens[index + 3 : index + 5]) == ("liên", "quan")
	return following in vocab.TO_CHUC_BODY_NEXT_WORDS


def _skip_determiners(tokens: Sequence[_Token], index: int) -> int:
	while index < len(tokens) and tokens[index].key in vocab.DETERMINERS:
		second = vocab.DETERMINER_SECOND_WORDS.get(tokens[index].key)
		if second:
			if index + 1 < len(tokens) and tokens[index + 1].key == second:
				index += 2
				continue
			break
		index += 1
	return index


def _head_length(tokens: Sequence[_Token], index: int) -> int:
	if index < len(tokens) and tokens[index].key == "tổ":
		# "tổ chức" only opens a name when what follows makes it a body.
		if not _to_chuc_is_body(tokens, index):
			return 0
		if (
			index + 2 < len(tokens)
			and tokens[index + 1].key == "chức"
			and tokens[index + 2].key in (",", "có")
		):
			return 2  # "tổ chức, đơn vị", "tổ chức có liên quan": a body of its own in the list
	return _match_phrase(tokens, index, vocab.BODY_HEADS)


def _starts_name(tokens: Sequence[_Token], index: int) -> bool:
	return _head_length(tokens, _skip_determiners(tokens, index)) > 0


_NAME_MAX_TOKENS = 16
_LIST_SEPARATORS = {",", ";"}
_NAME_BREAKERS = {",", ";", ":", ".", "!", "?", "(", ")", "“", "”", '"', "…"}


@dataclass
class _BodyList:
	names: list[str]
	end: int  # index of the token after the list
	action: tuple[str, ...] | None  # the action words that follow the list, if any


def _read_name(text: str, tokens: Sequence[_Token], name_start: int, head: int) -> tuple[list[str], int]:
	"""One name starting with a head word → (the name plus any parenthesised second name, index after it)."""
	cursor = name_start + head
	while cursor < len(tokens) and cursor - name_start < _NAME_MAX_TOKENS:
		token = tokens[cursor]
		comma_phrase = _match_phrase(tokens, cursor, vocab.COMMA_PHRASES)
		if comma_phrase:
			cursor += comma_phrase
			continue
		if token.text == "(":
			# "Hội đồng Thi đua Khen thưởng tỉnh (Ban Thi đua Khen thưởng tỉnh)": the second body is its own entry;
			# other parentheses ("(khóa XI)") are dropped.
			closing = next(
				(j for j in range(cursor + 1, min(cursor + 20, len(tokens))) if tokens[j].text == ")"), None
			)
			if closing is None:
				break
			inner = _parse_body_list(text, tokens[:closing], cursor + 1)
			return [
				_name_text(text, tokens, name_start, cursor),
				*(inner.names if inner else []),
			], closing + 1
		if token.text == "," and cursor + 1 < len(tokens):
			following = tokens[cursor + 1]
			if (
				following.is_capitalised
				and not _starts_name(tokens, cursor + 1)
				and not _action_length(tokens, cursor + 1)
			):
				cursor += 1  # a comma inside a proper name: "Sở Văn hóa, Thể thao và Du lịch"
				continue
		if token.key == "có" and tuple(t.key for t in tokens[cursor + 1 : cursor + 3]) == ("liên", "quan"):
			cursor += 3  # "các cơ quan, tổ chức có liên quan": which bodies, not the verb "có" (issue 15)
			continue
		if token.text in _NAME_BREAKERS or _action_length(tokens, cursor):
			break
		if token.key == "nơi" and cursor + 1 < len(tokens) and tokens[cursor + 1].key in ("có", "đặt"):
			cursor += (
				2  # "Cấp ủy cấp xã nơi có trụ sở Trung tâm": where the body is is part of its name (issue 15)
			)
			continue
		if token.key == "theo" and cursor + 1 < len(tokens) and tokens[cursor + 1].key in _MANNER_AFTER_THEO:
			break  # "UBND cấp xã theo chức năng quản lý của mình, có trách nhiệm …": how it acts, not its name
		if token.key == "và":
			if _starts_name(tokens, cursor + 1):
				break  # "Mặt trận Tổ quốc và các tổ chức …": the next name
			if (
				cursor + 2 < len(tokens)
				and tokens[cursor + 1].key == "tương"
				and tokens[cursor + 2].key == "đương"
			):
				cursor += 3  # "sở, ban, ngành và tương đương"
				continue
			if cursor + 1 < len(tokens) and tokens[cursor + 1].is_capitalised:
				cursor += 1  # "Sở Tài nguyên và Môi trường"
				continue
			joined = _lowercase_run_to_a_place(tokens, cursor + 1)
			if joined:
				cursor += 1 + joined  # "Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ"
				continue
			break
		cursor += 1
	return [_name_text(text, tokens, name_start, cursor)], cursor


def _lowercase_run_to_a_place(tokens: Sequence[_Token], index: int) -> int:
	"""Length of a run of one to three plain lowercase words ending before a Capitalised place word that is no
	body's head ("công nghiệp" before "Cần Thơ"): the second half of a name's "X và Y <place>"; 0 otherwise."""
	run = 0
	while index + run < len(tokens) and run < 3:
		token = tokens[index + run]
		if token.is_capitalised:
			return run if run and not _starts_name(tokens, index + run) else 0
		if (
			not token.text.isalpha()
			or token.key in vocab.DETERMINERS
			or _action_length(tokens, index + run)
			or _starts_name(tokens, index + run)
		):
			return 0
		run += 1
	return 0


def _parse_body_list(text: str, tokens: Sequence[_Token], index: int) -> _BodyList | None:
	"""Read "A, các B và C; D" starting at ``index``; None when no body name starts there.

	Each name runs from its head word until a separator or an action word; a separator followed by another head
	word starts the next name. ``action`` is the action word after the list ("chủ trì", "xây dựng", …), if any.
	"""
	names: list[str] = []
	position = index
	while True:
		name_start = _skip_determiners(tokens, position)
		head = _head_length(tokens, name_start)
		if not head:
			break
		read, position = _read_name(text, tokens, name_start, head)
		names.extend(read)
		at_separator = position < len(tokens) and (
			tokens[position].text in _LIST_SEPARATORS or tokens[position].key == "và"
		)
		if not (at_separator and _starts_name(tokens, position + 1)):
			break
		position += 1
	if not names:
		return None
	position = _past_a_manner(tokens, position)
	if position < len(tokens) and tokens[position].text == "," and _action_length(tokens, position + 1):
		position += 1  # "chính quyền các cấp, căn cứ …"
	action_length = _action_length(tokens, position)
	action = (
		tuple(token.key for token in tokens[position : position + action_length]) if action_length else None
	)
	return _BodyList(names, position, action)


def _past_a_manner(tokens: Sequence[_Token], position: int) -> int:
	"""After a manner phrase right behind the names ("… theo chức năng quản lý của mình, có trách nhiệm …"), the
	position of the comma that closes it; ``position`` itself otherwise."""
	if not (
		position + 1 < len(tokens)
		and tokens[position].key == "theo"
		and tokens[position + 1].key in _MANNER_AFTER_THEO
	):
		return position
	index = position + 2
	while index < min(position + 16, len(tokens)):
		token = tokens[index]
		if token.key == "được" and index + 1 < len(tokens) and tokens[index + 1].key == "giao":
			return index + 2  # "… theo chức năng, nhiệm vụ được giao chủ trì …"
		if token.text == ",":
			if index + 1 < len(tokens) and tokens[index + 1].key in _MANNER_AFTER_THEO:
				index += 2  # "theo chức năng, nhiệm vụ …": the phrase goes on
				continue
			return index
		if token.text in _NAME_BREAKERS:
			break
		index += 1
	return position


def _name_text(text: str, tokens: Sequence[_Token], start: int, end: int) -> str:
	return " ".join(text[tokens[start].start : tokens[end - 1].end].split())


def _match_opener(tokens: Sequence[_Token], index: int, openers: Iterable[tuple[str, ...]]) -> int:
	for words in openers:
		end = index + len(words)
		if end <= len(tokens) and tuple(token.key for token in tokens[index:end]) == words:
			return len(words)
	return 0


def _past_a_persons_name(tokens: Sequence[_Token], index: int) -> int:
	"""Past "đồng chí Nguyễn Văn An –" to the office the person holds: "Giao đồng chí Nguyễn Văn An – Phó Chủ tịch
	Ủy ban MTTQ xã thực hiện …" gives the office the duty (issue 15); otherwise ``index`` itself."""
	if index + 1 >= len(tokens) or (tokens[index].key, tokens[index + 1].key) != ("đồng", "chí"):
		return index
	position = index + 2
	while position < len(tokens) and tokens[position].is_capitalised and position - index <= 7:
		position += 1
	if position < len(tokens) - 1 and tokens[position].text in ("–", "-", ",") and position > index + 2:
		return position + 1
	return index


def _sentence_actor_list(sentence: str, tokens: Sequence[_Token]) -> _BodyList | None:
	"""The bodies a sentence makes its subject, or None.

	"Ban Dân vận Tỉnh ủy chủ trì …" → [Ban Dân vận Tỉnh ủy]; "Giao Sở Nội vụ …" → [Sở Nội vụ]; and after a time
	phrase: "Hằng năm, tùy điều kiện …, đơn vị, cấp ủy tổ chức …" → [cấp ủy]. The list must be followed by an
	action word, otherwise the sentence merely mentions the bodies.
	"""
	index = 0
	lead_in = _match_opener(tokens, index, vocab.LEAD_INS)
	if lead_in:
		lead_in = _past_a_persons_name(tokens, lead_in)
	if lead_in and _starts_name(tokens, lead_in):
		index = lead_in
	body_list = _parse_body_list(sentence, tokens, index)
	if body_list and body_list.action:
		return body_list
	if body_list or not _match_opener(tokens, 0, vocab.ADVERBIAL_OPENERS):
		return None
	# Walk comma-separated segments of an adverbial opening; anything else than more adverbial or bare names
	# (e.g. "Đồng thời, phối hợp với …") means the subject is implicit.
	commas = [i for i, token in enumerate(tokens) if token.text == ","]
	boundaries = [*commas, len(tokens)]
	# True when the previous segment ended with a name ("tùy điều kiện của mỗi địa phương"): then bare names
	# that follow ("…, đơn vị,") continue that phrase rather than being subjects.
	previous_ends_with_name = _ends_with_name(sentence, tokens, 0, boundaries[0])
	opener_ended = True  # the segment before the first comma is the opening adverbial
	for start, end in zip(commas, boundaries[1:], strict=True):
		start += 1
		if start >= end:
			return None
		previous_was_opener = opener_ended
		opener_ended = False
		if _match_opener(tokens, start, vocab.ADVERBIAL_OPENERS):
			previous_ends_with_name = _ends_with_name(sentence, tokens, start, end)
			opener_ended = True
			continue
		alone = _parse_body_list(sentence, tokens[:end], start)
		if alone is None:
			# a name with a comma of its own ("Căn cứ …, các bộ, cơ quan ngang bộ xây dựng …", issue 15)
			whole = _parse_body_list(sentence, tokens, start)
			if whole is not None and whole.action and "," in whole.names[0] and previous_was_opener:
				return whole
			return None
		if previous_ends_with_name and alone.end == end and not alone.action:
			continue
		candidate = _parse_body_list(sentence, tokens, start)
		if candidate is None or candidate.action:
			return candidate
		if candidate.end < len(tokens) and tokens[candidate.end].text != ",":
			return None
		previous_ends_with_name = True
	return None


_ADDRESSING = {("yêu", "cầu"), ("đề", "nghị")}


def actors_end(sentence: str, actors: _BodyList) -> int:
	"""Offset in ``sentence`` just after the action words that follow ``actors``."""
	tokens = _tokenize(sentence)
	last = actors.end + len(actors.action or ()) - 1
	return tokens[last].end if 0 <= last < len(tokens) else len(sentence)


def _ends_with_name(sentence: str, tokens: Sequence[_Token], start: int, end: int) -> bool:
	segment = tokens[:end]
	for index in range(start, end):
		if _head_length(segment, index):
			found = _parse_body_list(sentence, segment, index)
			if found and found.end == end:
				return True
	return False


_ACTOR_WINDOW_CHARS = 320  # longest subject list in the sample texts: ~170 characters
# Cheap pre-check: only sentences opening with one of these words can name their subject up front.
_SUBJECT_OPENING_WORDS = (
	set(vocab.BODY_HEADS)
	| vocab.DETERMINERS
	| {words[0] for words in vocab.LEAD_INS}
	| {words[0] for words in vocab.ADVERBIAL_OPENERS}
)
_COORDINATION = re.compile(r"\bphối hợp(?:\s+(?:với|cùng))?\s+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[0-9A-ZĐÀ-Ỹ])")


def _split_sentences(text: str) -> list[str]:
	return [sentence for sentence in _SENTENCE_END.split(text) if sentence.strip()]


def _dedupe(names: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
	seen = {fold(name) for name in exclude}
	result = []
	for name in names:
		key = fold(name)
		if key and key not in seen:
			seen.add(key)
			result.append(name)
	return result


_NARRATING = {("đã",), ("vừa",), ("đang",)}
_OWNED_PASSIVE = re.compile(r"\bcủa\s+", re.IGNORECASE)


def passive_owners(sentence: str) -> list[str]:
	"""The bodies whose product a passive sentence says is made: "Bản tin của các tỉnh ủy, thành ủy được biên
	soạn …, phát hành …" → [tỉnh ủy, thành ủy] (issue 15). Empty when the sentence is not so written."""
	opening = sentence[:_ACTOR_WINDOW_CHARS]
	for match in _OWNED_PASSIVE.finditer(opening, 0, 160):
		rest = opening[match.end() :]
		tokens = _tokenize(rest)
		owners = _parse_body_list(rest, tokens, 0)
		if owners is None:
			continue
		following = [token.key for token in tokens[owners.end : owners.end + 2]]
		if following[:1] == ["được"] or following == ["sẽ", "được"]:
			return owners.names
		return []
	return []


def narrates(sentence: str) -> bool:
	"""Whether ``sentence`` tells what its subject did ("Tỉnh đã hoàn thành nhà ở …"): an assessment, no duty."""
	opening = sentence[:_ACTOR_WINDOW_CHARS]
	actors = _sentence_actor_list(opening, _tokenize(opening))
	return actors is not None and actors.action in _NARRATING


def extract_units(clause: str) -> tuple[list[str], list[str]]:
	"""(presiding, coordinating) bodies named in a task clause, as written.

	Presiding: the subjects of sentences ("X chủ trì", "X tham mưu", "X xây dựng kế hoạch"). Coordinating:
	bodies after "phối hợp (với)" once someone presides, and subjects whose own action is "phối hợp".
	"""
	presiding: list[str] = []
	coordinating: list[str] = []
	for sentence in _split_sentences(clause):
		# A subject list sits at the start of its sentence; looking further only costs time.
		opening = sentence[:_ACTOR_WINDOW_CHARS]
		first_word = vocab.TOKEN.match(opening)
		could_open = first_word is not None and _word_key(first_word.group(0)) in _SUBJECT_OPENING_WORDS
		actors = _sentence_actor_list(opening, _tokenize(opening)) if could_open else None
		if actors and actors.action in _ADDRESSING:
			# "Ủy ban nhân dân Thành phố yêu cầu các Sở, ngành … nghiêm túc thực hiện …": the issuer addresses the
			# bodies that act (issue 15).
			rest = opening[actors_end(opening, actors) :]
			addressed = _parse_body_list(rest, _tokenize(rest), 0)
			if addressed:
				actors = addressed
		if actors:
			if actors.action and actors.action[0] == "phối" and presiding:
				coordinating.extend(actors.names)
			else:
				presiding.extend(actors.names)
		if not presiding:
			continue
		for match in _COORDINATION.finditer(sentence):
			following = sentence[match.end() : match.end() + _ACTOR_WINDOW_CHARS]
			partners = _parse_body_list(following, _tokenize(following), 0)
			if partners:
				coordinating.extend(partners.names)
	presiding = _dedupe(presiding)
	return presiding, _dedupe(coordinating, exclude=presiding)
