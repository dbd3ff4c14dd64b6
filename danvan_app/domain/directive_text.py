"""Read the text of a directive (Chỉ thị, Nghị quyết, Kế hoạch …) into a document, its references and tasks.

Pure standard library: the importer's UI calls ``parse_directive_text``; people call the CLI::

	python -m danvan_app.domain.directive_text FILE [--json]

``--json`` prints exactly one JSON object (``DirectiveParse.to_json_dict``) with the keys

* ``document``: ``number``, ``doc_type``, ``issuer``, ``issue_date``, ``title``, ``warnings`` (list of str);
* ``references``: list of ``{number, date, issuer}``;
* ``tasks``: list of ``{title, clause, presiding, coordinating, deadline}`` where ``deadline`` is
  ``{kind, due, start, recurrence, month, text}``;
* ``is_directive`` (bool) and ``not_directive_reason`` (str or null).

``is_directive``/``not_directive_reason`` are the one documented extension of the agreed shape: news reports and
meeting summaries are recognised, keep their references, and get no tasks. Dates are ISO strings, null when the
text does not say. Errors (empty, binary, oversized input) raise ``DirectiveTextError`` with a Vietnamese
message; the CLI prints it on stderr and exits with status 1.

Choices worth knowing:

* ``clause`` is the item's text verbatim (whitespace normalised, list marker such as ``1.``/``-``/``a)``
  removed); follow-on paragraphs are joined with a newline.
* Unit names are kept as written, minus a leading plural determiner ("các", "những", "mỗi", "từng"):
  "Các huyện ủy, thị ủy" → ["huyện ủy", "thị ủy"]. A parenthesised second name becomes its own entry.
* "ngay từ đầu năm" (no year) → deadline kind "none" with the phrase kept in ``text``: there is no date to compute
  and none is invented. Likewise a month or day without a year keeps ``due`` null.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from danvan_app.domain.directive_number import DirectiveNumber, find_number_mentions
from danvan_app.domain.periods import month_end, parse_quarter, quarter_end, quarter_start
from danvan_app.domain.vn_text import (
	DateMention,
	canonical_word,
	date_at,
	find_vn_dates,
	fix_lookalikes,
	fold,
	fold_same_length,
	normalize_whitespace,
)

# A long directive with annexes is ~100 KB; a megabyte of characters is certainly not one directive, and
# refusing early keeps the worst case (10 MB pasted by mistake) instant.
MAX_TEXT_CHARS = 1_000_000
TITLE_MAX_CHARS = 120
HEADER_LINES = 15  # the heading block (issuer, number, date, type, title) sits in the first lines

DEADLINE_KINDS = ("date", "before", "within_month", "quarter", "from_year", "recurring", "none")
RECURRENCES = ("monthly", "quarterly", "half_yearly", "yearly")


class DirectiveTextError(ValueError):
	"""The input cannot be parsed at all; the message is Vietnamese and fit to show to the user."""


# --- result types --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Deadline:
	kind: str = "none"
	due: date | None = None
	start: date | None = None
	recurrence: str | None = None
	month: int | None = None
	text: str | None = None  # the phrase as written, so a person can check what we read

	def to_json_dict(self) -> dict[str, object]:
		return {
			"kind": self.kind,
			"due": _iso(self.due),
			"start": _iso(self.start),
			"recurrence": self.recurrence,
			"month": self.month,
			"text": self.text,
		}


@dataclass(frozen=True)
class Task:
	title: str
	clause: str
	presiding: list[str]
	coordinating: list[str]
	deadline: Deadline

	def to_json_dict(self) -> dict[str, object]:
		return {
			"title": self.title,
			"clause": self.clause,
			"presiding": list(self.presiding),
			"coordinating": list(self.coordinating),
			"deadline": self.deadline.to_json_dict(),
		}


@dataclass
class Reference:
	number: str
	date: date | None = None
	issuer: str | None = None

	def to_json_dict(self) -> dict[str, object]:
		return {"number": self.number, "date": _iso(self.date), "issuer": self.issuer}


@dataclass
class DocumentInfo:
	number: str | None = None
	doc_type: str | None = None
	issuer: str | None = None
	issue_date: date | None = None
	title: str | None = None
	warnings: list[str] = field(default_factory=list)

	def to_json_dict(self) -> dict[str, object]:
		return {
			"number": self.number,
			"doc_type": self.doc_type,
			"issuer": self.issuer,
			"issue_date": _iso(self.issue_date),
			"title": self.title,
			"warnings": list(self.warnings),
		}


@dataclass
class DirectiveParse:
	document: DocumentInfo
	references: list[Reference]
	tasks: list[Task]
	is_directive: bool
	not_directive_reason: str | None = None

	def to_json_dict(self) -> dict[str, object]:
		return {
			"document": self.document.to_json_dict(),
			"references": [reference.to_json_dict() for reference in self.references],
			"tasks": [task.to_json_dict() for task in self.tasks],
			"is_directive": self.is_directive,
			"not_directive_reason": self.not_directive_reason,
		}


def _iso(value: date | None) -> str | None:
	return value.isoformat() if value else None


def _vn_date(value: date) -> str:
	return value.strftime("%d/%m/%Y")


# --- vocabulary ----------------------------------------------------------------------------------------

# Heading words (folded) → document type as Vietnamese writes it.
DOC_TYPE_BY_HEADING_WORD: dict[str, str] = {
	"chi thi": "Chỉ thị",
	"nghi quyet": "Nghị quyết",
	"quyet dinh": "Quyết định",
	"quy che": "Quy chế",
	"quy dinh": "Quy định",
	"ke hoach": "Kế hoạch",
	"chuong trinh": "Chương trình",
	"ket luan": "Kết luận",
	"huong dan": "Hướng dẫn",
	"cong van": "Công văn",
	"thong bao": "Thông báo",
	"bao cao": "Báo cáo",
	"de an": "Đề án",
	"to trinh": "Tờ trình",
	"nghi dinh": "Nghị định",
	"thong tu": "Thông tư",
}
_HEADING_WORD = re.compile(r"\b(" + "|".join(DOC_TYPE_BY_HEADING_WORD) + r")\b")

# Words that open the name of a body (canonical_word spelling, i.e. lowercase with diacritics).
# "*" marks heads that only count when Capitalised and followed by another Capitalised word, because the bare
# lowercase word means something else ("ban hành", "bộ máy", "hội viên").
_BODY_HEADS_TEXT = """
ban thường vụ|ban chấp hành|ban cán sự đảng|ban dân vận|ban tuyên giáo|ban tổ chức|ban nội chính|ban kinh tế
ban đảng|ban chỉ đạo|ban thi đua|ban quản lý|ban chỉ huy|ban bí thư|ban, ngành|ban ngành|*ban|bộ chính trị|*bộ
đảng đoàn|đảng ủy|đảng bộ|cấp ủy|chi bộ|chi ủy|tỉnh ủy|huyện ủy|thị ủy|thành ủy|quận ủy|thường trực|thường vụ
chính quyền|ủy ban|ubnd|ubmttq|mttq|hđnd|hội đồng|mặt trận|đoàn thể|hội quần chúng|*hội
tổ chức chính trị|tổ chức hội|tổ chức đoàn thể|tổ chức thành viên|tổ chức cơ sở đảng|tổ chức đảng
sở, ban, ngành|sở, ban ngành|sở ban ngành|sở, ngành|sở|*phòng|văn phòng|cơ quan|đơn vị|địa phương|ngành|các cấp
công an|bộ chỉ huy|quân đội|lực lượng vũ trang|liên đoàn|tỉnh đoàn|đoàn thanh niên|*trường|*trung tâm|*báo|*đài
chủ tịch|thủ trưởng|người đứng đầu|giám đốc|bí thư|viện kiểm sát|tòa án|thanh tra|kho bạc
"""
# Phrases that contain commas but name one tier of bodies; a comma inside them does not separate two names.
_COMMA_PHRASES_TEXT = """
sở, ban, ngành|sở, ban ngành|sở, ngành|ban, ngành|huyện, thị xã, thành phố|huyện, thành phố|huyện, thị, thành
xã, phường, thị trấn|phường, xã, thị trấn|thị xã, thành phố
"""
# Words that follow a body's name when the sentence is "<body> <does something>".
_ACTION_WORDS_TEXT = """
chủ trì|phối hợp|tham mưu|tăng cường|lãnh đạo|chỉ đạo|xây dựng|tiếp tục|thường xuyên|phải|căn cứ|có trách nhiệm
chịu trách nhiệm|thực hiện|triển khai|tổ chức|theo dõi|hướng dẫn|kiểm tra|đôn đốc|giám sát|quán triệt|nâng cao
đẩy mạnh|rà soát|bố trí|đảm bảo|bảo đảm|định kỳ|hằng năm|hàng năm|hằng quý|hàng quý|hằng tháng|hàng tháng|cần
nghiên cứu|ban hành|tuyên truyền|vận động|phát động|trực tiếp|chủ động|tích cực|khẩn trương|sớm|kịp thời|quan tâm
được|đăng ký|báo cáo|tập trung|cụ thể hóa|phát huy|đổi mới|yêu cầu|đề nghị|giao|phân công|sơ kết|tổng kết
đánh giá|cử|ưu tiên|tạo điều kiện|giải quyết|nắm|gắn|làm tốt|có|là|sẽ|đã|đang|cùng|phấn đấu|duy trì|thống nhất
dự trù|lựa chọn|chuẩn bị|tiến hành|hỗ trợ|trình|tham gia|thẩm định|cung cấp|tập huấn|biểu dương|khen thưởng
xem xét|xử lý|kiện toàn|củng cố|chấp hành|thành lập|lồng ghép|rèn luyện|nhân rộng|khắc phục|quản lý|điều chỉnh
"""
# "tổ chức" is a verb ("tổ chức sơ kết") unless it begins a body's name ("tổ chức chính trị - xã hội").
_TO_CHUC_BODY_NEXT_WORDS = {"chính", "hội", "đoàn", "đảng", "thành", "cơ"}
_DETERMINERS = {
	"các",
	"những",
	"mỗi",
	"từng",
	"toàn",
	"tất",
}  # "toàn thể", "tất cả" handled with their 2nd word
_DETERMINER_SECOND_WORDS = {"toàn": "thể", "tất": "cả"}
# Sentence openers that put the actor later: "Giao Ban Dân vận …", "Hằng năm, …, cấp ủy tổ chức …".
_LEAD_INS = (("giao", "cho"), ("giao",), ("đề", "nghị"), ("yêu", "cầu"))
_ADVERBIAL_OPENERS = (
	("hằng",),
	("hàng",),
	("định", "kỳ"),
	("đồng", "thời"),
	("trước",),
	("trong",),
	("tùy",),
	("tuỳ",),
	("căn", "cứ"),
	("theo",),
	("trên", "cơ", "sở"),
	("để",),
	("khi",),
	("sau", "khi"),
	("từ",),
	("ngoài", "ra"),
	("bên", "cạnh", "đó"),
	("mặt", "khác"),
)


def _phrase_table(text: str) -> dict[str, list[tuple[tuple[str, ...], bool]]]:
	"""First word → [(all words, needs capitals)], longest first, from the ``|``-separated lists above."""
	table: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
	for entry in re.split(r"[|\n]", text):
		entry = entry.strip()
		if not entry:
			continue
		needs_capitals = entry.startswith("*")
		words = tuple(_TOKEN.findall(canonical_word(entry.lstrip("*"))))
		table.setdefault(words[0], []).append((words, needs_capitals))
	for entries in table.values():
		entries.sort(key=lambda item: -len(item[0]))
	return table


# Words, or single punctuation marks. Hyphen/slash-joined codes ("16-CT/TU", "Đ/c") stay one token.
_TOKEN = re.compile(r"\w+(?:[-/.]\w+)*|[^\w\s]")
_BODY_HEADS = _phrase_table(_BODY_HEADS_TEXT)
_COMMA_PHRASES = _phrase_table(_COMMA_PHRASES_TEXT)
_ACTION_WORDS = _phrase_table(_ACTION_WORDS_TEXT)

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
		for match in _TOKEN.finditer(text)
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
			tokens[index].is_capitalised and end < len(tokens) and tokens[end].is_capitalised
		):
			continue
		return len(words)
	return 0


def _action_length(tokens: Sequence[_Token], index: int) -> int:
	"""Length of an action word at ``index``; names are Capitalised, so only lowercase words count."""
	if index >= len(tokens) or tokens[index].is_capitalised:
		return 0
	length = _match_phrase(tokens, index, _ACTION_WORDS)
	if length and tokens[index].key == "tổ" and length == 2:
		following = tokens[index + 2].key if index + 2 < len(tokens) else ""
		if following in _TO_CHUC_BODY_NEXT_WORDS:
			return 0
	return length


def _skip_determiners(tokens: Sequence[_Token], index: int) -> int:
	while index < len(tokens) and tokens[index].key in _DETERMINERS:
		second = _DETERMINER_SECOND_WORDS.get(tokens[index].key)
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
		following = tokens[index + 2].key if index + 2 < len(tokens) else ""
		if following not in _TO_CHUC_BODY_NEXT_WORDS:
			return 0
	return _match_phrase(tokens, index, _BODY_HEADS)


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
		comma_phrase = _match_phrase(tokens, cursor, _COMMA_PHRASES)
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
		if token.text in _NAME_BREAKERS or _action_length(tokens, cursor):
			break
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
			break
		cursor += 1
	return [_name_text(text, tokens, name_start, cursor)], cursor


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
	if position < len(tokens) and tokens[position].text == "," and _action_length(tokens, position + 1):
		position += 1  # "chính quyền các cấp, căn cứ …"
	action_length = _action_length(tokens, position)
	action = (
		tuple(token.key for token in tokens[position : position + action_length]) if action_length else None
	)
	return _BodyList(names, position, action)


def _name_text(text: str, tokens: Sequence[_Token], start: int, end: int) -> str:
	return " ".join(text[tokens[start].start : tokens[end - 1].end].split())


def _match_opener(tokens: Sequence[_Token], index: int, openers: Iterable[tuple[str, ...]]) -> int:
	for words in openers:
		end = index + len(words)
		if end <= len(tokens) and tuple(token.key for token in tokens[index:end]) == words:
			return len(words)
	return 0


def _sentence_actor_list(sentence: str, tokens: Sequence[_Token]) -> _BodyList | None:
	"""The bodies a sentence makes its subject, or None.

	"Ban Dân vận Tỉnh ủy chủ trì …" → [Ban Dân vận Tỉnh ủy]; "Giao Sở Nội vụ …" → [Sở Nội vụ]; and after a time
	phrase: "Hằng năm, tùy điều kiện …, đơn vị, cấp ủy tổ chức …" → [cấp ủy]. The list must be followed by an
	action word, otherwise the sentence merely mentions the bodies.
	"""
	index = 0
	lead_in = _match_opener(tokens, index, _LEAD_INS)
	if lead_in and _starts_name(tokens, lead_in):
		index = lead_in
	body_list = _parse_body_list(sentence, tokens, index)
	if body_list and body_list.action:
		return body_list
	if body_list or not _match_opener(tokens, 0, _ADVERBIAL_OPENERS):
		return None
	# Walk comma-separated segments of an adverbial opening; anything else than more adverbial or bare names
	# (e.g. "Đồng thời, phối hợp với …") means the subject is implicit.
	commas = [i for i, token in enumerate(tokens) if token.text == ","]
	boundaries = [*commas, len(tokens)]
	# True when the previous segment ended with a name ("tùy điều kiện của mỗi địa phương"): then bare names
	# that follow ("…, đơn vị,") continue that phrase rather than being subjects.
	previous_ends_with_name = _ends_with_name(sentence, tokens, 0, boundaries[0])
	for start, end in zip(commas, boundaries[1:], strict=True):
		start += 1
		if start >= end:
			return None
		if _match_opener(tokens, start, _ADVERBIAL_OPENERS):
			previous_ends_with_name = _ends_with_name(sentence, tokens, start, end)
			continue
		alone = _parse_body_list(sentence, tokens[:end], start)
		if alone is None:
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
	set(_BODY_HEADS)
	| _DETERMINERS
	| {words[0] for words in _LEAD_INS}
	| {words[0] for words in _ADVERBIAL_OPENERS}
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
		first_word = _TOKEN.match(opening)
		could_open = first_word is not None and _word_key(first_word.group(0)) in _SUBJECT_OPENING_WORDS
		actors = _sentence_actor_list(opening, _tokenize(opening)) if could_open else None
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


# --- deadlines -----------------------------------------------------------------------------------------

_MONTH_YEAR = r"(\d{1,2})\s?(?:/|-|\s+nam\s+)\s?(\d{4})(?!\d)"
_QUARTER = r"quy\s+(iv|i{1,3}|[1-4])\s?(?:/|-|\s+nam\s+)\s?(\d{4})(?!\d)"
_WITHIN_MONTH = re.compile(rf"\b(?:(?:hoan thanh|xong)\s+)?trong\s+thang\s+{_MONTH_YEAR}")
_BEFORE_MONTH = re.compile(rf"\btruoc\s+thang\s+{_MONTH_YEAR}")
_IN_QUARTER = re.compile(rf"\b(?:(?:trong|vao|het|cuoi|xong trong|hoan thanh trong)\s+)?{_QUARTER}")
_BEFORE_QUARTER = re.compile(rf"\btruoc\s+{_QUARTER}")
_REGULAR_MEETING = re.compile(
	r"\btai\s+(?:cac\s+)?(?:phien|ky)\s+hop\s+thuong\s+ky\s+(?:cua\s+[^,.;\n]{1,40}?\s+)?thang\s+(\d{1,2})"
	r"(?:\s?(?:/|-|\s+nam\s+)\s?(\d{4}))?(?!\d)"
)
# Cue words that turn a written date into a deadline ("trước ngày 30/6/2024", "hoàn thành xong ngày …").
_DATE_CUE = re.compile(
	r"(?:\btruoc|\bcham nhat(?:\s+(?:la|vao))?|\bhan chot(?:\s+la)?|\bhoan thanh(?:\s+xong)?"
	r"(?:\s+(?:truoc|trong|vao))?|\bxong(?:\s+(?:truoc|trong|vao))?|\bden het|\btrong\s+ngay)\s*(?:ngay\s*)?$"
)
_DATE_CUE_WORDS = ("truoc", "cham nhat", "han chot", "hoan thanh", "xong", "den het", "trong ngay")
_DAY_MONTH_NO_YEAR = re.compile(
	r"\btruoc\s+ngay\s+(\d{1,2})\s?/\s?(\d{1,2})(?![\d/])(?P<yearly>\s+(?:hang|moi)\s+nam)?"
)
_MONTH_YEARLY = re.compile(r"\bthang\s+(\d{1,2})\s+(?:hang|moi)\s+nam\b")
# One pass for every recurrence word: "định kỳ 6 tháng", "6 tháng một lần", "hằng nửa năm", "hằng quý/tháng/năm".
_RECURRING = re.compile(
	r"\b(?:(?P<half>(?:dinh ky\s+)?(?:6|sau)\s+thang\s+(?:mot|1)\s+lan|dinh ky\s+(?:6|sau)\s+thang"
	r"|(?:dinh ky\s+)?hang\s+nua\s+nam)|(?:dinh ky\s+)?(?:hang|moi)\s+(?P<unit>quy|thang|nam))\b"
)
_RECURRENCE_BY_UNIT = {"quy": "quarterly", "thang": "monthly", "nam": "yearly"}
_DIGIT = re.compile(r"\d")
_FROM_YEAR = re.compile(r"\btu\s+(?:dau\s+)?nam\s+(\d{4})(?!\d)")
_YEAR_START_NO_YEAR = re.compile(r"\b(?:ngay\s+)?tu\s+dau\s+nam\b(?!\s+\d)")


@dataclass(frozen=True)
class _DeadlineCandidate:
	position: int
	end: int
	deadline: Deadline


def parse_deadline(clause: str, folded: str | None = None) -> Deadline:
	"""The deadline a clause sets, read from its Vietnamese time phrases; kind "none" when it sets none.

	Precedence: a concrete due date (exact date, "trước …", month, quarter, regular meeting) — the first one
	written — over a recurrence ("hằng năm", "tháng 12 hằng năm", …) over "từ năm 2025". A recurrence that also
	says "từ năm N" keeps N as its start. ``folded`` (``fold_same_length(clause)``) may be passed when known.
	"""
	folded = fold_same_length(clause) if folded is None else folded
	# Every concrete form carries a number (day, month, quarter or year): skip them all for digit-free clauses.
	concrete = _concrete_deadlines(clause, folded) if _DIGIT.search(clause) else []
	if concrete:
		return min(concrete, key=lambda candidate: candidate.position).deadline
	from_year = _FROM_YEAR.search(folded)
	start = date(int(from_year.group(1)), 1, 1) if from_year else None
	recurring = _recurring_deadlines(clause, folded, start)
	if recurring:
		return min(recurring, key=lambda candidate: (candidate.position, -candidate.end)).deadline
	if from_year:
		return Deadline("from_year", start=start, text=_as_written(clause, from_year))
	year_start = _YEAR_START_NO_YEAR.search(folded)
	if year_start:
		return Deadline("none", text=_as_written(clause, year_start))
	return Deadline()


def _as_written(clause: str, match: re.Match[str]) -> str:
	return " ".join(clause[match.start() : match.end()].split())


def _concrete_deadlines(clause: str, folded: str) -> list[_DeadlineCandidate]:
	candidates: list[_DeadlineCandidate] = []

	def add(match: re.Match[str], deadline: Deadline) -> None:
		candidates.append(_DeadlineCandidate(match.start(), match.end(), deadline))

	has_cue = any(word in folded for word in _DATE_CUE_WORDS)
	for mention in find_vn_dates(clause) if has_cue else ():
		cue = _DATE_CUE.search(folded, max(0, mention.start - 30), mention.start)
		if cue is None:
			continue  # a date without a deadline word is a reference or an anniversary, not a due date
		kind = "before" if re.search(r"\btruoc\b", cue.group(0)) else "date"
		text = " ".join(clause[cue.start() : mention.end].split())
		candidates.append(
			_DeadlineCandidate(cue.start(), mention.end, Deadline(kind, due=mention.value, text=text))
		)
	# Each form below has a fixed word in it; str "in" is far cheaper than scanning with the full pattern.
	has_month, has_quarter = "thang" in folded, "quy" in folded
	for match in _WITHIN_MONTH.finditer(folded) if has_month else ():
		month, year = int(match.group(1)), int(match.group(2))
		if 1 <= month <= 12:
			due = month_end(year, month)
			add(match, Deadline("within_month", due=due, month=month, text=_as_written(clause, match)))
	for match in _BEFORE_MONTH.finditer(folded) if has_month else ():
		month, year = int(match.group(1)), int(match.group(2))
		if 1 <= month <= 12:
			due = date(year, month, 1) - timedelta(days=1)
			add(match, Deadline("before", due=due, text=_as_written(clause, match)))
	for pattern, kind in ((_BEFORE_QUARTER, "before"), (_IN_QUARTER, "quarter")):
		for match in pattern.finditer(folded) if has_quarter else ():
			quarter, year = parse_quarter(match.group(1)), int(match.group(2))
			if kind == "before" and folded[match.start() : match.start() + 5] == "truoc":
				due = quarter_start(year, quarter) - timedelta(days=1)
			elif kind == "quarter":
				due = quarter_end(year, quarter)
			else:
				continue
			add(match, Deadline(kind, due=due, text=_as_written(clause, match)))
	for match in _REGULAR_MEETING.finditer(folded) if "thuong ky" in folded else ():
		month = int(match.group(1))
		if 1 <= month <= 12:
			due = month_end(int(match.group(2)), month) if match.group(2) else None
			add(match, Deadline("within_month", due=due, month=month, text=_as_written(clause, match)))
	for match in _DAY_MONTH_NO_YEAR.finditer(folded) if "truoc ngay" in folded else ():
		day, month = int(match.group(1)), int(match.group(2))
		if not (1 <= month <= 12 and 1 <= day <= 31) or match.group("yearly"):
			continue  # the yearly form is a recurrence, handled below
		add(match, Deadline("before", month=month, text=_as_written(clause, match)))
	# "trước quý II/2024" also matches the plain quarter pattern one word later; keep the earliest reading.
	return candidates


def _recurring_deadlines(clause: str, folded: str, start: date | None) -> list[_DeadlineCandidate]:
	candidates: list[_DeadlineCandidate] = []
	for match in _DAY_MONTH_NO_YEAR.finditer(folded):
		if match.group("yearly") and 1 <= int(match.group(2)) <= 12:
			deadline = Deadline("recurring", start=start, recurrence="yearly", month=int(match.group(2)))
			candidates.append(
				_DeadlineCandidate(match.start(), match.end(), _with_text(deadline, clause, match))
			)
	for match in _MONTH_YEARLY.finditer(folded):
		if 1 <= int(match.group(1)) <= 12:
			deadline = Deadline("recurring", start=start, recurrence="yearly", month=int(match.group(1)))
			candidates.append(
				_DeadlineCandidate(match.start(), match.end(), _with_text(deadline, clause, match))
			)
	padded = " " + folded.replace("\n", " ")
	if not any(hint in padded for hint in (" hang ", " moi ", "dinh ky", " lan")):
		return candidates  # str.find is much cheaper than running the alternation at every position
	for match in _RECURRING.finditer(folded):
		recurrence = "half_yearly" if match.group("half") else _RECURRENCE_BY_UNIT[match.group("unit")]
		deadline = Deadline("recurring", start=start, recurrence=recurrence)
		candidates.append(_DeadlineCandidate(match.start(), match.end(), _with_text(deadline, clause, match)))
	return candidates


def _with_text(deadline: Deadline, clause: str, match: re.Match[str]) -> Deadline:
	return Deadline(
		deadline.kind,
		deadline.due,
		deadline.start,
		deadline.recurrence,
		deadline.month,
		_as_written(clause, match),
	)


# --- document structure --------------------------------------------------------------------------------

_ITEM_MARKER = re.compile(
	r"^(?:(?P<number>\d{1,2})\s?[.)](?!\d)|(?P<number_dash>\d{1,2})\s?[-–](?!\d)|(?P<letter>[a-zđ])\)"
	r"|(?P<bullet>[-–—+•*·▪●◦]))\s*"
)
_ROMAN_HEADING = re.compile(r"^[IVX]{1,5}\s?[.)/-]\s*")
_HEADING_MARKER = re.compile(r"^(?:[*\-–•]\s*|[IVX]{1,5}\s?[.)/-]\s*|\d{1,2}\s?[.)]\s*|[A-ZĐ]\s?[.)]\s*)")
_TASKS_HEADING = re.compile(
	r"^(?:ve\s+)?(?:cac\s+|nhung\s+)?(?:nhiem vu|giai phap)(?:\s*(?:,|va)\s*(?:nhiem vu|giai phap))?"
	r"(?:\s+(?:trong tam|chu yeu|cu the))?\s*[:.]?$"
)
_IMPLEMENTATION_HEADING = re.compile(
	r"^(?:ve\s+)?(?:to chuc thuc hien|trach nhiem thuc hien|phan cong (?:trach nhiem|thuc hien)"
	r"|to chuc trien khai thuc hien)\s*[:.]?$"
)
_INTRO_TO_TASKS = re.compile(r"(?:nhiem vu|giai phap|yeu cau|noi dung)[^:]{0,80}:$")
_CLOSING_LINE = re.compile(
	r"^(?:noi nhan|t/m\b|tm\.|k/t\b|kt\.|thong tin moi nhat|tin (?:lien quan|moi)|bai viet lien quan"
	r"|chia se|binh luan|(?:chi thi|nghi quyet|quy che|quy dinh|ke hoach|chuong trinh|ket luan|huong dan) nay"
	r" (?:duoc|co hieu luc))"
)
_SUMMARY_PREFIX = re.compile(r"\b(?:cot loi|tom tat|gioi thieu|trich|noi dung chinh)\b")
_PLACE_DATE_LINE = re.compile(r"^[^,\d]{2,40},\s*ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}")
_NUMBER_LINE = re.compile(r"^so\s*[:.]?\s*\d")
# Reporting: only a newspaper writes these ("vừa ban hành", a posting timestamp "30/09/2021 - 22:26", a byline).
_NEWS_MARKERS = (
	re.compile(r"\bvua ban hanh\b"),
	re.compile(r"^\d{1,2}/\d{1,2}/\d{4}\s*-\s*\d{1,2}:\d{2}\s*$", re.MULTILINE),
	re.compile(r"\bphong vien\b"),
	re.compile(r"^(?:tin|anh|tin va anh|bai va anh)\s*:", re.MULTILINE),
)
# Web page furniture: any site has it, including ones that publish a directive's full text.
_WEB_FURNITURE = (
	re.compile(r"^chia se(?: bai viet)?\s*$", re.MULTILINE),
	re.compile(r"^binh luan\s*$", re.MULTILINE),
	re.compile(r"\b(?:tin|bai viet) lien quan\b"),
)
_DATELINE = re.compile(r"^(?![IVX]+\s?[-–])[A-ZĐ]{2,8}\s?[-–]\s", re.MULTILINE)  # "BDK - Ban Thường vụ …"
_MEETING_MARKERS = re.compile(
	r"\b(?:hoi nghi|buoi lam viec|toa dam|giao ban|phat bieu (?:chi dao|ket luan|tai))\b"
)
_VIETNAMESE_LETTERS = set(
	"àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
	"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
)


_DELETE_VIETNAMESE_LETTERS = str.maketrans("", "", "".join(_VIETNAMESE_LETTERS))


@dataclass
class _Line:
	text: str  # normalised, as written
	folded: str
	start: int  # offset in the prepared text


@dataclass
class _Item:
	paragraphs: list[str]
	marker_kind: str | None
	section: str  # "tasks" | "implementation"

	@property
	def text(self) -> str:
		return "\n".join(self.paragraphs)


def _prepare_text(text: str) -> str:
	if not isinstance(text, str):
		raise DirectiveTextError("Đầu vào phải là văn bản (chuỗi ký tự).")
	if len(text) > MAX_TEXT_CHARS:
		raise DirectiveTextError(
			f"Văn bản quá dài ({len(text):,} ký tự); giới hạn là {MAX_TEXT_CHARS:,} ký tự cho một văn bản."
		)
	if "\x00" in text:
		raise DirectiveTextError("Tệp có vẻ là tệp nhị phân, không phải văn bản.")
	prepared = normalize_whitespace(fix_lookalikes(text), keep_newlines=True)
	if not prepared:
		raise DirectiveTextError("Văn bản trống, không có nội dung để phân tích.")
	return prepared


def _lines(text: str, folded: str) -> list[_Line]:
	lines = []
	offset = 0
	for raw in text.split("\n"):
		lines.append(_Line(raw, folded[offset : offset + len(raw)], offset))
		offset += len(raw) + 1
	return lines


def _looks_vietnamese(text: str) -> bool:
	"""Vietnamese prose has a marked letter in most words; English or other text has (almost) none."""
	sample = text[:8_000]
	words = len(sample.split())
	vietnamese_letters = len(sample) - len(sample.translate(_DELETE_VIETNAMESE_LETTERS))
	return words > 0 and vietnamese_letters >= 3 and vietnamese_letters / words >= 0.1


def looks_vietnamese(text: str) -> bool:
	"""Whether ``text`` reads as Vietnamese, as the parser judges it (the importer refuses other languages)."""
	return _looks_vietnamese(fix_lookalikes(text))


def _marker_kind(match: re.Match[str]) -> str:
	if match.group("number") or match.group("number_dash"):
		return "number"
	return "letter" if match.group("letter") else "bullet"


def _is_mostly_uppercase(text: str) -> bool:
	letters = [char for char in text if char.isalpha()]
	return bool(letters) and sum(char.isupper() for char in letters) >= 0.8 * len(letters)


def _heading_text(line: _Line) -> str:
	"""Folded heading without its marker ("* Về nhiệm vụ:" → "ve nhiem vu:")."""
	marker = _HEADING_MARKER.match(line.text)  # on the original: roman numerals are capitals
	return line.folded[marker.end() if marker else 0 :].strip()


def _is_junk_line(line: _Line) -> bool:
	"""Short, unpunctuated lines after the last item are page furniture ("Thông tin mới nhất")."""
	words = line.text.split()
	return len(words) < 8 and not re.search(r"[.;:,…!?]$", line.text) and not line.text[:1].islower()


def _collect_items(lines: list[_Line], body_start: int) -> list[_Item]:
	"""Walk the lines once: find the tasks and implementation sections and cut them into items."""
	section: str | None = None
	top_kind: str | None = None
	items: list[_Item] = []
	expected_number = 1
	nonempty = [(i, line) for i, line in enumerate(lines) if line.text and i >= body_start]
	for position, (_, line) in enumerate(nonempty):
		heading = _heading_text(line)
		if len(line.text) <= 90 and _IMPLEMENTATION_HEADING.match(heading):
			section, top_kind, expected_number = "implementation", None, 1
			continue
		if len(line.text) <= 90 and _TASKS_HEADING.match(heading):
			section, top_kind, expected_number = "tasks", None, 1
			continue
		if _CLOSING_LINE.match(line.folded):
			section = None
			continue
		marker = _ITEM_MARKER.match(line.text)
		next_line = nonempty[position + 1][1] if position + 1 < len(nonempty) else None
		if section is None:
			# "… thực hiện tốt một số nhiệm vụ trọng tâm sau:" followed by "1." opens the tasks part too.
			if (
				_INTRO_TO_TASKS.search(line.folded)
				and next_line
				and re.match(r"^1\s?[.)-]\s", next_line.text)
			):
				section, top_kind, expected_number = "tasks", None, 1
			continue
		if _ROMAN_HEADING.match(line.text) and _is_mostly_uppercase(line.text):
			section = None  # another part of the document ("IV. KINH PHÍ …")
			continue
		if marker:
			kind = _marker_kind(marker)
			number = marker.group("number") or marker.group("number_dash")
			if kind == "number" and int(number) != expected_number and top_kind == "number":
				kind = "sub"  # numbering out of sequence: a sub-list, keep with the current item
			if top_kind is None and kind != "sub":
				top_kind = kind
			if kind == top_kind:
				if kind == "number":
					expected_number = int(number) + 1
				items.append(_Item([line.text[marker.end() :].strip()], kind, section))
				continue
			if items and items[-1].section == section:
				items[-1].paragraphs.append(line.text)
			continue
		if items and items[-1].section == section:
			if _is_junk_line(line):
				section = None
				continue
			items[-1].paragraphs.append(line.text)
		elif section == "implementation" and not _is_junk_line(line):
			items.append(_Item([line.text], None, section))
	return _split_group_headers(items)


def _split_group_headers(items: list[_Item]) -> list[_Item]:
	"""In the tasks part, "1. Về công tác tuyên truyền:" followed by "a) …" lines is a header: each line is a task.

	Unmarked paragraphs after a sub-item continue that sub-item, as everywhere else.
	"""
	result: list[_Item] = []
	for item in items:
		lead, rest = item.paragraphs[0], item.paragraphs[1:]
		is_header = lead.endswith(":") or (len(lead.split()) <= 8 and not re.search(r"[.;…]$", lead))
		first_marker = _ITEM_MARKER.match(rest[0]) if rest else None
		if item.section != "tasks" or not is_header or first_marker is None:
			result.append(item)
			continue
		for paragraph in rest:
			marker = _ITEM_MARKER.match(paragraph)
			if marker:
				result.append(_Item([paragraph[marker.end() :].strip()], _marker_kind(marker), item.section))
			else:
				result[-1].paragraphs.append(paragraph)
	return result


def _task_title(clause: str) -> str:
	first_paragraph = clause.split("\n", 1)[0]
	sentence = re.split(r"(?<=[.!?…:])\s", first_paragraph, maxsplit=1)[0].rstrip(".:;")
	if len(sentence) <= TITLE_MAX_CHARS:
		return sentence
	cut = sentence[: TITLE_MAX_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:-–")
	return cut + "…"


# --- header: number, type, issuer, date, title ---------------------------------------------------------


@dataclass
class _Header:
	line_index: int | None = None
	doc_type: str | None = None
	summary_prefix: str | None = None
	number: DirectiveNumber | None = None
	issue_date: date | None = None
	issuer: str | None = None
	title: str | None = None
	end_index: int = 0  # first line after the heading block


def _restore_case(uppercase: str, text: str, folded_text: str, search_from: int) -> str:
	"""An ALL-CAPS heading phrase in the body's own spelling when the body repeats it, else sentence case."""
	key = " ".join(fold_same_length(uppercase).split())
	position = folded_text.find(key, search_from) if key else -1
	if position >= 0:
		found = text[position : position + len(key)]
		if not _is_mostly_uppercase(found):
			return found
	lowered = uppercase.lower()
	return lowered[:1].upper() + lowered[1:]


def _find_heading(lines: list[_Line]) -> _Header:
	header = _Header()
	nonempty = [i for i, line in enumerate(lines) if line.text][:HEADER_LINES]
	for i in nonempty:
		line = lines[i]
		match = _HEADING_WORD.search(line.folded)
		if (
			not match
			or len(line.text) > 400
			or not _is_mostly_uppercase(line.text[match.start() : match.end()])
		):
			continue
		if not _is_mostly_uppercase(line.text):
			continue
		header.line_index = i
		header.doc_type = DOC_TYPE_BY_HEADING_WORD[match.group(1)]
		prefix = line.text[: match.start()].strip()
		if prefix and _SUMMARY_PREFIX.search(line.folded[: match.start()]):
			header.summary_prefix = prefix
		header.end_index = i + 1
		break
	return header


def _parse_header(text: str, lines: list[_Line], folded_text: str) -> _Header:
	header = _find_heading(lines)
	top = [i for i, line in enumerate(lines) if line.text][:HEADER_LINES]
	# Formal layout: "Số 16-CT/TU" and "Lào Cai, ngày 02 tháng 8 năm 2021" lines above the type heading.
	for i in top:
		line = lines[i]
		if header.number is None and _NUMBER_LINE.match(line.folded):
			mentions = find_number_mentions(line.text)
			if mentions:
				header.number = mentions[0].number
		if header.issue_date is None and _PLACE_DATE_LINE.match(line.folded):
			dates = find_vn_dates(line.text)
			if dates:
				header.issue_date = dates[0].value
	if header.line_index is None:
		return header
	line = lines[header.line_index]
	body_start = line.start + len(line.text)
	# One-line heading: "… CHỈ THỊ SỐ 16-CT/TU NGÀY 02/8/2021 CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ …".
	cursor = 0
	mentions = find_number_mentions(line.text)
	if mentions and header.number is None:
		header.number = mentions[0].number
		cursor = mentions[0].end
	if mentions:
		cursor = max(cursor, mentions[0].end)
		dates = [mention for mention in find_vn_dates(line.text) if mention.start >= cursor]
		if dates and dates[0].start - cursor <= 12:
			header.issue_date = header.issue_date or dates[0].value
			cursor = dates[0].end
	of_match = re.compile(r"\bcua\s+").search(line.folded, cursor)
	about_match = re.compile(r"\bve\s+").search(line.folded, of_match.end() if of_match else cursor)
	if of_match:
		issuer_end = about_match.start() if about_match else len(line.text)
		issuer = line.text[of_match.end() : issuer_end].strip(" ,.")
		if issuer:
			header.issuer = _restore_case(issuer, text, folded_text, body_start)
	if about_match:
		title = line.text[about_match.start() :].strip()
		header.title = _title_from_uppercase(title, text, folded_text, body_start)
		return header
	# Multi-line heading: "CHỈ THỊ" / "Về việc …" / "…" until a blank line.
	# A "của Ban Thường vụ Tỉnh ủy" line may sit between the type and the title.
	title_lines: list[str] = []
	for index in range(header.line_index + 1, min(len(lines), header.line_index + 7)):
		following = lines[index]
		if not following.text:
			if title_lines:
				break
			continue
		if not title_lines and following.folded.startswith("cua ") and len(following.text) <= 120:
			issuer = following.text[4:].strip(" ,.")
			header.issuer = header.issuer or _restore_case(issuer, text, folded_text, body_start)
			header.end_index = index + 1
			continue
		if not title_lines and not re.match(r"^(?:ve|v/v)\b", following.folded):
			break
		title_lines.append(following.text)
		header.end_index = index + 1
	if title_lines:
		header.title = _title_from_uppercase(" ".join(title_lines), text, folded_text, body_start)
	return header


def _title_from_uppercase(title: str, text: str, folded_text: str, search_from: int) -> str:
	if not _is_mostly_uppercase(title):
		return title
	words = title.split(maxsplit=1)
	lead, rest = words[0], words[1] if len(words) > 1 else ""
	restored = _restore_case(rest, text, folded_text, search_from) if rest else ""
	# The body often writes "về Nâng cao …"; mid-title, only proper names keep their capital.
	second_word = restored.split()[1] if len(restored.split()) > 1 else ""
	if restored and second_word[:1].islower():
		restored = restored[:1].lower() + restored[1:]
	return f"{lead[:1].upper()}{lead[1:].lower()} {restored}".strip()


# --- references and the document's own dates ----------------------------------------------------------

_ISSUER_STOP = re.compile(
	r"[,;.:()\n\"“”]|\s(?:ve|thuc hien|khoa|ngay|trong|theo|doi voi|va|tai|so|nham|de|quy dinh|huong dan"
	r"|tu nam|tu ngay|tu thang|nam \d{4})\s"
)
_COMMA_GAP = re.compile(r"\s{0,3},?\s{0,3}")
_OF = re.compile(r"\s{0,3},?\s{0,3}cua\s+")
_ISSUED_BY_BEFORE = re.compile(r"(?:(?:da|vua)\s+)?ban hanh\s+\S+(?:\s+\S+)?\s+(?:so\s+)?$")
_ISSUER_HEADS = re.compile(
	r"\b(?:ban|bo chinh tri|thu tuong|chinh phu|uy ban|ubnd|hoi dong|tinh uy|huyen uy|thanh uy|thi uy|dang uy"
	r"|dang doan|thuong truc|quoc hoi)\b"
)


@dataclass(frozen=True)
class _Mention:
	number: DirectiveNumber
	start: int
	end: int
	date: DateMention | None
	issuer: str | None
	announced: bool  # written as "<issuer> (đã|vừa) ban hành <type> số <number>"


def _mentions_with_context(text: str, folded_text: str) -> list[_Mention]:
	mentions = []
	for mention in find_number_mentions(text):
		# Date right after: "số 290-QĐ/TW, ngày 25/02/2010" / "số 17-QC/TU ngày 04/12/2019".
		gap = _COMMA_GAP.match(text, mention.end)
		written_date = date_at(text, gap.end() if gap else mention.end)
		cursor = written_date.end if written_date else mention.end
		# Issuer right after the number or its date: "… của Bộ chính trị (khóa XI) về …".
		issuer = None
		of_match = _OF.match(folded_text, cursor)
		if of_match:
			stop = _ISSUER_STOP.search(folded_text, of_match.end(), of_match.end() + 90)
			end = stop.start() if stop else min(len(text), of_match.end() + 60)
			issuer = " ".join(text[of_match.end() : end].split()) or None
		# Written before: "ngày 02/8/2022 Ban Thường vụ Tỉnh ủy đã ban hành Chỉ thị số 16-CT/TU".
		sentence_start = max(text.rfind(".", 0, mention.start), text.rfind("\n", 0, mention.start), 0)
		window_start = max(sentence_start, mention.start - 160)
		issued = _ISSUED_BY_BEFORE.search(folded_text, window_start, mention.start)
		if issued:
			before_dates = find_vn_dates(text[window_start : issued.start()])
			if written_date is None and before_dates:
				last = before_dates[-1]
				written_date = DateMention(
					last.value, window_start + last.start, window_start + last.end, last.text
				)
			if issuer is None:
				issuer = _issuer_before(text, folded_text, window_start, issued.start())
		mentions.append(
			_Mention(mention.number, mention.start, mention.end, written_date, issuer, issued is not None)
		)
	return mentions


def _issuer_before(text: str, folded_text: str, start: int, end: int) -> str | None:
	"""The body named just before "(đã|vừa) ban hành", e.g. "BDK - Ban Thường vụ Tỉnh ủy vừa ban hành"."""
	segment_start = start
	for separator in (" - ", " – ", ",", ";", ":"):
		position = text.rfind(separator, start, end)
		if position >= 0:
			segment_start = max(segment_start, position + len(separator))
	head = _ISSUER_HEADS.search(folded_text, segment_start, end)
	if head is None or not text[head.start()].isupper():
		return None
	return " ".join(text[head.start() : end].split()) or None


def _references(
	mentions: list[_Mention], own: DirectiveNumber | None, warnings: list[str]
) -> list[Reference]:
	by_number: dict[str, Reference] = {}
	for mention in mentions:
		key = mention.number.normalized
		if own is not None and key == own.normalized:
			continue
		mentioned_date = mention.date.value if mention.date else None
		reference = by_number.get(key)
		if reference is None:
			by_number[key] = Reference(key, mentioned_date, mention.issuer)
			continue
		if reference.date and mentioned_date and mentioned_date != reference.date:
			warnings.append(
				f"Văn bản số {key} được dẫn với hai ngày khác nhau: {_vn_date(reference.date)} và "
				f"{_vn_date(mentioned_date)}; giữ ngày {_vn_date(reference.date)} (lần dẫn đầu tiên)."
			)
		reference.date = reference.date or mentioned_date
		reference.issuer = reference.issuer or mention.issuer
	return list(by_number.values())


# --- the parse -----------------------------------------------------------------------------------------


def parse_directive_text(text: str) -> DirectiveParse:
	"""Parse a directive's text; raises DirectiveTextError for empty, binary or oversized input."""
	prepared = _prepare_text(text)
	folded_text = fold_same_length(prepared)
	lines = _lines(prepared, folded_text)
	mentions = _mentions_with_context(prepared, folded_text)
	if not _looks_vietnamese(prepared):
		references = _references(mentions, None, [])
		reason = (
			"Văn bản không phải tiếng Việt (không thấy chữ có dấu), không phân tích được như một chỉ thị."
		)
		return DirectiveParse(DocumentInfo(), references, [], False, reason)

	header = _parse_header(prepared, lines, folded_text)
	warnings: list[str] = []
	news, furniture = _news_signals(prepared, folded_text)
	lead_folded = "\n".join(line.folded for line in lines[:6])
	meeting = bool(_MEETING_MARKERS.search(lead_folded)) and header.doc_type is None
	items = _collect_items(lines, header.end_index)
	if header.doc_type is not None and items:
		is_directive = True  # a type heading and tasks: the directive itself, even when shown on a web page
	elif header.doc_type is not None:
		is_directive = not news and not meeting
	else:
		is_directive = len(items) >= 2 and not (news or furniture or meeting)

	if not is_directive:
		references = _references(mentions, None, warnings)
		title = next((line.text for line in lines if line.text), None)
		document = DocumentInfo(title=title if title and len(title) <= 200 else None, warnings=warnings)
		return DirectiveParse(document, references, [], False, _not_directive_reason(news, meeting, mentions))

	number = header.number
	if number is None:
		# Without a heading number, an act the body announces ("… đã ban hành Chỉ thị số …") of the heading's
		# type is this one; a merely cited document of the same type is not.
		number = next(
			(m.number for m in mentions if m.announced and m.number.doc_type == header.doc_type), None
		)
	own_mentions = [m for m in mentions if number is not None and m.number.normalized == number.normalized]
	issue_date = header.issue_date
	body_dates = [m.date for m in own_mentions if m.date and m.date.value != issue_date]
	if issue_date is None and body_dates:
		issue_date = body_dates[0].value
		body_dates = [d for d in body_dates if d.value != issue_date]
	if issue_date is not None and body_dates:
		other = body_dates[0].value
		warnings.append(
			f"Ngày ban hành không thống nhất: phần tiêu đề ghi ngày {_vn_date(issue_date)}, phần nội dung ghi "
			f"ngày {_vn_date(other)} cho cùng văn bản số {number}; giữ ngày {_vn_date(issue_date)} "
			"(phần tiêu đề)."
		)
	doc_type = header.doc_type or (number.doc_type if number else None)
	if number is not None and header.doc_type and number.doc_type != header.doc_type:
		warnings.append(
			f"Loại văn bản ở tiêu đề ({header.doc_type}) khác ký hiệu trong số hiệu {number} ({number.doc_type})."
		)
	issuer = header.issuer or _body_issuer(prepared, folded_text) or (number.issuer_name if number else None)
	if header.summary_prefix:
		warnings.append(
			f"Tiêu đề cho thấy đây là bản giới thiệu nội dung (“{header.summary_prefix}”), không phải toàn văn "
			f"{(doc_type or 'văn bản').lower()}; cần đối chiếu với bản gốc."
		)
	if number is None:
		warnings.append("Không tìm thấy số hiệu văn bản.")
	if issue_date is None:
		warnings.append("Không tìm thấy ngày ban hành.")
	if issuer is None:
		warnings.append("Không tìm thấy cơ quan ban hành.")
	if not items:
		warnings.append("Không tìm thấy phần nhiệm vụ được đánh số hoặc phần tổ chức thực hiện.")
	references = _references(mentions, number, warnings)
	tasks = [_task_from_item(item) for item in items]
	document = DocumentInfo(
		number and number.normalized, doc_type, issuer, issue_date, header.title, warnings
	)
	return DirectiveParse(document, references, tasks, True, None)


def _task_from_item(item: _Item) -> Task:
	clause = item.text
	presiding, coordinating = extract_units(clause)
	return Task(_task_title(clause), clause, presiding, coordinating, parse_deadline(clause))


_BODY_ISSUER = re.compile(r"(?:\s(?:(?:da|vua)\s+)?ban hanh\s|\syeu cau\s)")


def _body_issuer(text: str, folded_text: str) -> str | None:
	"""Issuer named in the body: "Ban Thường vụ Tỉnh ủy yêu cầu …" / "… đã ban hành Chỉ thị …"."""
	for match in _BODY_ISSUER.finditer(folded_text, 0, min(len(folded_text), 20_000)):
		start = max(
			text.rfind("\n", 0, match.start()), text.rfind(".", 0, match.start()), match.start() - 80, 0
		)
		issuer = _issuer_before(text, folded_text, start, match.start())
		if issuer:
			return issuer
	return None


def _news_signals(text: str, folded_text: str) -> tuple[bool, bool]:
	"""(reads like news, has web-page furniture), judged from the lead and the foot of the page."""
	edges = folded_text[:3000] + "\n" + folded_text[-3000:]
	news = any(pattern.search(edges) for pattern in _NEWS_MARKERS) or bool(_DATELINE.search(text[:2000]))
	furniture = any(pattern.search(edges) for pattern in _WEB_FURNITURE)
	return news, furniture


def _not_directive_reason(news: bool, meeting: bool, mentions: list[_Mention]) -> str:
	cited = ", ".join(dict.fromkeys(m.number.normalized for m in mentions))
	about = f" Văn bản được nhắc tới: {cited}." if cited else ""
	if news:
		return (
			"Đây là tin bài báo chí (có dòng ngày giờ đăng, tên báo hoặc cụm “vừa ban hành”), chỉ thuật lại nội "
			f"dung; không phải toàn văn chỉ thị nên không đề xuất nhiệm vụ.{about}"
		)
	if meeting:
		return f"Đây là bản tin/tóm tắt hội nghị, không phải văn bản chỉ thị; không đề xuất nhiệm vụ.{about}"
	return (
		"Không thấy tiêu đề loại văn bản (CHỈ THỊ, NGHỊ QUYẾT, KẾ HOẠCH…) cũng như phần nhiệm vụ được đánh số."
		f"{about}"
	)


# --- CLI -----------------------------------------------------------------------------------------------

_KIND_LABELS = {
	"date": "ngày",
	"before": "trước",
	"within_month": "trong tháng",
	"quarter": "trong quý",
	"from_year": "từ năm",
	"recurring": "định kỳ",
	"none": "không có",
}


def format_human(result: DirectiveParse) -> str:
	document = result.document
	out = []
	if not result.is_directive:
		out.append(f"KHÔNG PHẢI CHỈ THỊ: {result.not_directive_reason}")
	out.append(f"Văn bản: {document.doc_type or '?'} số {document.number or '?'}")
	out.append(f"Cơ quan ban hành: {document.issuer or '?'}")
	out.append(f"Ngày ban hành: {_vn_date(document.issue_date) if document.issue_date else '?'}")
	out.append(f"Trích yếu: {document.title or '?'}")
	for warning in document.warnings:
		out.append(f"Cảnh báo: {warning}")
	out.append(f"Văn bản được dẫn ({len(result.references)}):")
	for reference in result.references:
		when = _vn_date(reference.date) if reference.date else "?"
		out.append(f"  - {reference.number}, ngày {when}, của {reference.issuer or '?'}")
	out.append(f"Nhiệm vụ ({len(result.tasks)}):")
	for number, task in enumerate(result.tasks, 1):
		out.append(f"  {number}. {task.title}")
		if task.presiding:
			out.append(f"     Chủ trì: {'; '.join(task.presiding)}")
		if task.coordinating:
			out.append(f"     Phối hợp: {'; '.join(task.coordinating)}")
		deadline = task.deadline
		if deadline.kind != "none" or deadline.text:
			due = f" → {_vn_date(deadline.due)}" if deadline.due else ""
			out.append(f"     Thời hạn: {_KIND_LABELS[deadline.kind]} ({deadline.text}){due}")
	return "\n".join(out)


def read_text_file(path: Path) -> str:
	try:
		data = path.read_bytes()
	except OSError as error:
		raise DirectiveTextError(f"Không đọc được tệp {path}: {error.strerror or error}") from error
	if len(data) > 4 * MAX_TEXT_CHARS:
		raise DirectiveTextError(f"Tệp quá lớn ({len(data):,} byte) để là một văn bản chỉ thị.")
	try:
		return data.decode("utf-8-sig")
	except UnicodeDecodeError as error:
		raise DirectiveTextError("Tệp không phải văn bản mã hóa UTF-8.") from error


def main(argv: Sequence[str] | None = None) -> int:
	parser = argparse.ArgumentParser(
		description="Phân tích văn bản chỉ thị (số hiệu, văn bản dẫn, nhiệm vụ)."
	)
	parser.add_argument("file", type=Path, help="tệp văn bản UTF-8")
	parser.add_argument("--json", action="store_true", help="in đúng một đối tượng JSON")
	args = parser.parse_args(argv)
	try:
		result = parse_directive_text(read_text_file(args.file))
	except DirectiveTextError as error:
		print(f"Lỗi: {error}", file=sys.stderr)
		return 1
	if args.json:
		print(json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2))
	else:
		print(format_human(result))
	return 0


if __name__ == "__main__":
	sys.exit(main())
