"""Cut the body into items: the numbered clauses of the tasks and implementation parts, and the articles.

Party texts put duties under "NHIỆM VỤ, GIẢI PHÁP" and "TỔ CHỨC THỰC HIỆN"; State texts (a Quyết định with its
Quy chế/Quy định) put them in articles ("Điều 10. Trách nhiệm thi hành", "Chương IV. TỔ CHỨC THỰC HIỆN") with
points "1.", "a)", "đ)". Lines outside any of these parts are handed back too: recurring duties are written
there as well ("Định kỳ 6 tháng, các sở, ngành báo cáo …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from danvan_app.domain.actor_phrases import extract_units
from danvan_app.domain.deadline_phrases import parse_deadline
from danvan_app.domain.directive_text.fields import has_fields, is_field, read_fields
from danvan_app.domain.directive_text.heading_bodies import (
	body_of_responsibility,
	heads_the_public,
	names_the_public,
	units_in_header,
)
from danvan_app.domain.directive_text.obligations import ACTIVITY_LABEL
from danvan_app.domain.directive_text.structure import (
	_CLOSING_LINE,
	_IMPLEMENTATION_HEADING,
	_INTRO_TO_TASKS,
	_ITEM_MARKER,
	_ROMAN_HEADING,
	_TASKS_HEADING,
	_heading_text,
	_is_junk_line,
	_is_mostly_uppercase,
	_Item,
	_Line,
	_marker_kind,
)
from danvan_app.domain.vn_text import fold_same_length

_ARTICLE = re.compile(r"^(?:Điều|ĐIỀU)\s+\d{1,3}\s*[.:]\s*(?P<title>.*)$")
_CHAPTER = re.compile(r"^(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+[IVXLC\d]{1,5}\s*[.:\-–]?\s*(?P<title>.*)$")
# An article whose points are duties: "Trách nhiệm của Sở Nội vụ", "Tổ chức thực hiện", "Trách nhiệm thi hành".
_DUTY_ARTICLE = re.compile(
	r"^(?:trach nhiem|nhiem vu(?:,| va) (?:quyen han|trach nhiem)|phan cong|to chuc thuc hien|thi hanh"
	r"|dieu khoan thi hanh|hieu luc va trach nhiem|che do bao cao|kinh phi va to chuc)"
)
_NAMING_ARTICLE = re.compile(
	r"^(?:noi dung|trach nhiem(?: phoi hop)?|nhiem vu(?:,? (?:va )?quyen han)?|phan cong)\s+(?:cua\s+)?"
)
_ACTOR_OF_ARTICLE = re.compile(
	r"^(?:trach nhiem|nhiem vu(?:,| va) (?:quyen han|trach nhiem))(?:\s+(?:phoi hop|thuc hien))?(?:\s+cua)?\s+"
)

# Articles that say what the text covers, not who does what: their points are never tasks.
_RULES_ARTICLE = re.compile(
	r"^(?:pham vi(?: dieu chinh)?|doi tuong (?:ap dung|dieu chinh)|giai thich tu ngu|nguyen tac"
	r"|muc dich(?:,? yeu cau)?|tieu chuan|dieu kien"
	# a procedure for each case (issue 15): "Quy trình xét khen thưởng", "Trình tự, thủ tục …" (not a procedure
	# with standing duties in it, "Quy trình xử lý phản ánh kiến nghị" and its supervision)
	r"|quy trinh (?:xet|tham dinh|de nghi)|trinh tu|thu tuc|thanh phan ho so)\b"
)
# A body's standing mandate or its composition, over points (issue 15): "… là cơ quan tham mưu …, có nhiệm vụ,
# quyền hạn sau:", "Thành phần Hội đồng … gồm:". The points say what the body is, not what it must do by when.
_MANDATE_LEAD = re.compile(
	r"(?:\bco (?:cac )?(?:chuc nang,? )?nhiem vu,? (?:va )?quyen han(?: nhu)?(?: sau(?: day)?)?\s*:$"
	r"|^thanh phan\b[^:]{0,120}\bgom\s*:$)"
)


# A roman part of responsibilities: "I. Trách nhiệm phối hợp trong công tác thẩm định chủ trương đầu tư dự án",
# "II. TRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ".
_DUTY_PART = re.compile(r"^trach nhiem(?:\s+(?:phoi hop|thuc hien|cua)\b|\s*$)")


@dataclass
class _Walk:
	section: str | None = None
	top_kind: str | None = None
	expected_number: int = 1
	fresh: bool = False  # just after a heading: an unmarked paragraph opens an item of its own
	opened: bool = False  # a part has been opened: the preamble is over
	actor: str | None = None  # the article's body ("Điều 5. Trách nhiệm của Sở Nội vụ")
	part: str = ""  # the folded roman heading the walk is under ("iii. noi dung, hinh thuc")
	items: list[_Item] = field(default_factory=list)
	loose: list[tuple[str, bool]] = field(default_factory=list)  # (line, past the preamble)

	def open(self, section: str | None, actor: str | None = None) -> None:
		self.section, self.top_kind, self.expected_number, self.fresh = section, None, 1, True
		self.actor, self.opened = actor, True

	def add(self, paragraph: str, kind: str | None) -> None:
		self.items.append(_Item([paragraph], kind, self.section or "tasks", self.actor))
		self.fresh = False


def collect_items(lines: list[_Line], body_start: int) -> tuple[list[_Item], list[tuple[str, bool]]]:
	"""(the items, the body's lines that lie outside every part), walking the lines once."""
	walk = _Walk()
	nonempty = _join_article_titles([line for i, line in enumerate(lines) if line.text and i >= body_start])
	for position, line in enumerate(nonempty):
		if _ROMAN_HEADING.match(line.text):
			walk.part = _heading_text(line)
			if _PROCEDURE_PART.match(walk.part) and len(line.text) <= 120:
				# A Front plan's "II. NỘI DUNG, PHƯƠNG THỨC TỔ CHỨC", "III. TỔ CHỨC HỘI NGHỊ LẤY Ý KIẾN …": the running
				# of a conference, with the duties of the bodies named in it (issue 15); tasks_from_item keeps only
				# a point whose subject is a named body or that has a date.
				walk.open("procedure")
				continue
			if _FUNDING_PART.match(walk.part) and len(line.text) <= 90:
				# "III. KINH PHÍ THỰC HIỆN": funding rules, and a named body's duty among them ("2. Sở Tài chính
				# chủ trì, phối hợp … bố trí kinh phí …", issue 15); tasks_from_item keeps only the latter.
				walk.open("funding")
				continue
		if _heading(walk, line):
			continue
		if _CLOSING_LINE.match(line.folded):
			walk.section = None
			continue
		next_line = nonempty[position + 1] if position + 1 < len(nonempty) else None
		wave = _WAVE.match(line.folded)
		if wave and (walk.section is None or walk.section == "waves"):
			# "2.1. Đợt 1: Trong tháng 12/2025" over bullets: one duty a wave, due the wave's time.
			walk.open("waves")
			walk.top_kind = "wave"
			walk.add(line.text[wave.start("wave") : wave.end("wave")].strip(), "wave")
			continue
		if walk.section is None:
			# "… thực hiện tốt một số nhiệm vụ trọng tâm sau:" followed by "1." opens the tasks part too.
			if (
				_INTRO_TO_TASKS.search(line.folded)
				and not _CONTENT_AND_FORM_PART.search(walk.part)
				and next_line
				and re.match(r"^1\s?[.)-]\s", next_line.text)
			):
				walk.open("tasks")
			else:
				walk.opened = walk.opened or _ROMAN_HEADING.match(line.text) is not None
				walk.loose.append((line.text, walk.opened))
			continue
		if (_ROMAN_HEADING.match(line.text) or len(line.text.split()) >= 2) and _closes_part(line):
			walk.section = None  # another part of the document ("IV. KINH PHÍ …")
			continue
		_item_line(walk, line)
	return _split_group_headers(walk.items), walk.loose


def _join_article_titles(lines: list[_Line]) -> list[_Line]:
	"""An article number alone on its line takes the next line as its title ("Điều 10." over "Trách nhiệm thực
	hiện"), as a reader does: the title says whether the article's points are duties and of which body."""
	joined: list[_Line] = []
	skip = False
	for position, line in enumerate(lines):
		if skip:
			skip = False
			continue
		article = _ARTICLE.match(line.text)
		following = lines[position + 1] if position + 1 < len(lines) else None
		if (
			article
			and not article.group("title").strip()
			and following is not None
			and len(following.text.split()) <= 25
			and not re.search(r"[.;:]$", following.text.strip())
			and not _ITEM_MARKER.match(following.text)
			and not _ARTICLE.match(following.text)
			and not _CHAPTER.match(following.text)
		):
			text = f"{line.text.rstrip()} {following.text.strip()}"
			joined.append(_Line(text, fold_same_length(text), line.start))
			skip = True
			continue
		joined.append(line)
	return joined


# A wave of a plan on a line of its own: "2.1. Đợt 1: Trong tháng 12/2025", "- Đợt 2: Từ tháng 01 đến …".
# "1. Đợt 1: Từ ngày 05/12/2025 đến ngày 20/02/2026:", "2. Đợt 2: … gồm các nội dung trọng tâm:" too.
_WAVE = re.compile(
	r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s*|[-+*•]\s*)?(?P<wave>dot\s+\d{1,2}\s*:\s*[^.;:]{3,80}?)"
	r"(?P<tail>\s+(?:gom|bao gom|voi)\s+(?:cac\s+)?noi dung[^.;:]{0,40})?\s*:?\s*$"
)


# A part listing contents: what a communication is about and its forms ("NỘI DUNG, HÌNH THỨC"), what an emulation
# drive is about ("NỘI DUNG ĐỢT THI ĐUA"), what a programme's monitoring and evaluation looks at ("NỘI DUNG GIÁM
# SÁT, ĐÁNH GIÁ": the subjects checked, not duties, issue 15); the duties are the bodies' in the implementation part.
_CONTENT_AND_FORM_PART = re.compile(
	r"^(?:noi dung\s*(?:,|va)\s*hinh thuc|hinh thuc\s*(?:,|va)\s*noi dung|noi dung (?:(?:dot|phong trao) )?thi dua\b"
	r"|noi dung (?:giam sat\s*(?:,|va)\s*)?danh gia\b)"
)


def _closes_part(line: _Line) -> bool:
	return len(line.text) <= 90 and _is_mostly_uppercase(line.text) and not _ITEM_MARKER.match(line.text)


def _heading(walk: _Walk, line: _Line) -> bool:
	"""Whether ``line`` is a heading; opens the part it announces."""
	article = _ARTICLE.match(line.text)
	if article:
		_open_article(walk, article.group("title").strip())
		return True
	chapter = _CHAPTER.match(line.text)
	title = fold_same_length(chapter.group("title")).strip(" .:") if chapter else None
	heading = title if chapter else _heading_text(line)
	if len(line.text) <= 90 and _IMPLEMENTATION_HEADING.match(heading):
		walk.open("implementation")
		return True
	if len(line.text) <= 120 and _ROMAN_HEADING.match(line.text) and _DUTY_PART.match(heading):
		# "I. Trách nhiệm phối hợp trong công tác thẩm định …" (a Chỉ thị's part in sentence case, issue 15):
		# the bodies named below it carry its points.
		walk.open("implementation")
		return True
	if len(line.text) <= 90 and _TASKS_HEADING.match(heading):
		if _BULLETED_LABEL.match(line.text) and _CONTENT_LABEL.match(heading):
			# "- Nội dung:" among a step's "- Thành phần: …", "- Biểu mẫu: …" (issue 15, a guidance's appendix) or an
			# activity's "- Cơ quan thực hiện: …": a field's label, not the opening of a tasks part. Outside a part
			# it opens nothing; inside one it is the current item's field.
			return walk.section is None
		if _CONTENT_AND_FORM_PART.search(walk.part) and not _ROMAN_HEADING.match(line.text):
			# "III. NỘI DUNG, HÌNH THỨC" / "1. Nội dung": what a communication is about and its forms, a content
			# list; the duties are the bodies' in the implementation part.
			walk.section = None
			return True
		walk.open("tasks")
		return True
	if chapter:
		walk.section = None  # "Chương II. QUY ĐỊNH CỤ THỂ": its articles say what they are
		return True
	return False


def _open_article(walk: _Walk, title: str) -> None:
	folded = fold_same_length(title).strip()
	inline = len(title) > 90 or (title.endswith(".") and len(title.split()) > 8)
	if inline:
		# "Điều 3. Chánh Văn phòng …, Giám đốc các sở … chịu trách nhiệm thi hành Quyết định này."
		walk.open("articles")
		walk.add(title, None)
		return
	if _RULES_ARTICLE.match(folded):
		walk.open("rules")  # "Phạm vi điều chỉnh và đối tượng áp dụng", "Giải thích từ ngữ": no duty
		return
	if names_the_public(title):
		walk.open(
			"articles"
		)  # "Trách nhiệm của cá nhân, tổ chức có phản ánh kiến nghị": rules for the public
		return
	if body_of_responsibility(title) is not None:
		# "Điều 17. Trách nhiệm của Báo và Phát thanh, truyền hình Bắc Ninh": the body as the article writes it.
		walk.open("implementation", title.strip(" .:"))
		return
	if _DUTY_ARTICLE.match(folded):
		of = _ACTOR_OF_ARTICLE.match(folded)
		body = title[of.end() :].strip(" .:") if of else None
		walk.open("implementation", body if body and units_in_header(body) else None)
		return
	# "Nội dung Sở Dân tộc và Tôn giáo có trách nhiệm chủ trì", "Trách nhiệm phối hợp của Công an tỉnh": the body
	# the article names carries its points.
	# "Điều 12. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh": a request article.
	named = _NAMING_ARTICLE.match(folded)
	body = title[named.end() :].strip(" .:") if named else title.strip(" .:")
	if (named or folded.startswith("de nghi ")) and units_in_header(body) is not None:
		walk.open("implementation", body)
		return
	walk.open("articles")


_REQUEST_PARAGRAPH = re.compile(r"^de nghi\s+")
# What an emulation drive rewards and the awards it gives, over criteria and award levels (issue 15): "8.1. Về nội
# dung thi đua", "8.2. Công tác khen thưởng" — rules of the drive, not tasks.
_AWARDS_LEAD = re.compile(
	r"^(?:ve )?(?:noi dung (?:(?:dot|phong trao) )?thi dua|cong tac khen thuong)\s*[:.]?$"
)
_PROCEDURE_PART = re.compile(
	r"^(?:noi dung,? (?:va )?phuong thuc to chuc|to chuc hoi nghi\b|thoi gian,? (?:va )?dia diem(?: to chuc)?\b)"
)
_FUNDING_PART = re.compile(r"^kinh phi(?:\s+(?:thuc hien|bao dam|dam bao|hoat dong|trien khai))?\s*[:.]?$")


def _item_line(walk: _Walk, line: _Line) -> None:
	marker = _ITEM_MARKER.match(line.text)
	items = walk.items
	if marker:
		kind = _marker_kind(marker)
		number = marker.group("number") or marker.group("number_dash")
		if kind == "number" and int(number) != walk.expected_number and walk.top_kind == "number":
			rest = line.text[marker.end() :].strip()
			# One number skipped by the drafter ("3. …" then "5. Các Phó chủ tịch phụ trách …:") before a line
			# naming only a body still opens the next item; otherwise the numbering is a sub-list.
			skipped = int(number) == walk.expected_number + 1 and len(rest) <= 120 and not rest.endswith(".")
			if not (skipped and units_in_header(rest) is not None):
				kind = "sub"  # numbering out of sequence: a sub-list, keep with the current item
		if walk.top_kind is None and kind != "sub":
			walk.top_kind = kind
		if kind == walk.top_kind:
			if kind == "number":
				walk.expected_number = int(number) + 1
			walk.add(line.text[marker.end() :].strip(), kind)
			return
		if items and items[-1].section == walk.section and not walk.fresh:
			items[-1].paragraphs.append(line.text)
		return
	# Without numbering, each paragraph of an article or an implementation part is a duty of its own.
	unnumbered = walk.section in ("implementation", "articles") and walk.top_kind is None
	if (
		walk.section == "implementation"
		and items
		and items[-1].paragraphs[-1].rstrip().endswith(".")
		and _REQUEST_PARAGRAPH.match(line.folded)
		and extract_units(line.text)[0]
	):
		# "Đề nghị Văn phòng Đảng ủy, Văn phòng HĐND&UBND xã phối hợp …" after the last body's points: a request
		# to other bodies, a duty of its own, not more of the last point (issue 15).
		walk.add(line.text, None)
		return
	if items and items[-1].paragraphs[-1].rstrip().endswith(".") and _DOCUMENT_END.search(line.text):
		# The closing paragraph ("Ủy ban nhân dân Thành phố yêu cầu các Sở … thực hiện những nội dung trên. Giao
		# Bảo hiểm xã hội Thành phố chủ trì … ./.") is not more of the last point: its bodies are not that point's
		# (issue 15). A duty it gives ("Giao …", "… yêu cầu …") is a task of its own; a notice's "… thông báo
		# để … biết, thực hiện./." is none.
		for sentence in re.split(r"(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])", line.text):
			if _CLOSING_DUTY.search(fold_same_length(sentence).lower()):
				walk.add(sentence, None)
		walk.section = None
		return
	if items and items[-1].section == walk.section and not walk.fresh and not unnumbered:
		if _is_junk_line(line):
			walk.section = None
			return
		items[-1].paragraphs.append(line.text)
	elif walk.section in ("implementation", "articles") and not _is_junk_line(line):
		walk.add(line.text, None)


_DOCUMENT_END = re.compile(r"\./\.\s*$")
_CLOSING_DUTY = re.compile(r"^giao\s|\b(?:yeu cau|de nghi)\s+(?:cac|toan the)\s")


def _split_group_headers(items: list[_Item]) -> list[_Item]:
	"""A header over marked sub-items is not a task: each sub-item is, with the header's body, at any depth.

	"1. Về công tác tuyên truyền:" over "a) …"; "2. Sở Khoa học và Công nghệ" over "a) …"; "a) Tiếp tục hoàn
	thiện thể chế" over "- Bộ Nông nghiệp và Môi trường" over "+ Nghiên cứu, rà soát …": the body a header names
	carries the points below it. A clause that is a sentence keeps its sub-items ("…; báo cáo … ." over
	"- Đôn đốc các địa phương thực hiện."). Unmarked paragraphs after a sub-item continue that sub-item.
	"""
	result: list[_Item] = []
	for item in items:
		# A wave's bullets are what is done in it, one duty with the wave's time (``obligations._wave_task``).
		result.extend([item] if item.section == "waves" else _split(item, item.actor, depth=0))
	return result


_MAX_DEPTH = 4


def _split(item: _Item, actor: str | None, depth: int) -> list[_Item]:
	lead, rest = item.paragraphs[0], item.paragraphs[1:]
	if len(rest) >= 2 and not _ITEM_MARKER.match(rest[0]) and _ITEM_MARKER.match(rest[1]):
		# "b) Hoàn thiện hạ tầng …" / "Ủy ban nhân dân các tỉnh, …:" / "- Rà soát …": the unmarked line names the body.
		if rest[0].endswith(":") and units_in_header(rest[0]) is not None:
			actor, rest = rest[0].rstrip(": "), rest[1:]
			lead = lead.rstrip(" :") + ":"
	first_marker = _ITEM_MARKER.match(rest[0]) if rest else None
	if (
		first_marker
		and first_marker.group("decimal")
		and re.search(r"[^.]\.$", lead)
		and len(lead.split()) <= 20
		and not re.search(r"[.;:]", lead[:-1])
	):
		# "1. Xây dựng, ban hành các văn bản chỉ đạo … công tác bầu cử." over "1.1. …": a short title over its
		# numbered points; the stop is a scan's speck (or a typist's).
		lead = lead[:-1]
	if first_marker and re.search(r"[^.]\.$", lead) and _names_only_a_body(lead[:-1]):
		# "- Bộ Nông nghiệp và Môi trường." over "+ …": a body's name is no sentence; the stop is a scan's
		# speck (or a typist's), and the name still heads the points below it.
		lead = lead[:-1]
	if has_fields(rest) and not any(_ITEM_MARKER.match(p) and not is_field(p) for p in rest if _deeper(p)):
		# "- Thời gian hoàn thành: …", "- Đơn vị chủ trì: …": the item is one task described by its fields.
		return [_Item(item.paragraphs, item.marker_kind, item.section, actor)]
	if first_marker is None and rest and _names_only_a_body(lead):
		# "3. Sở Giáo dục và Đào tạo" over unmarked paragraphs: each is a duty of that body.
		return [_Item([paragraph], None, item.section, lead.rstrip(": ")) for paragraph in rest]
	shares = _shares_of_a_timed_duty(lead, rest, item.section, actor)
	if shares is not None:
		return shares
	if (
		first_marker is None
		and rest
		and _TIME_OF_THE_PLAN.match(fold_same_length(lead).lower())
		and not any(_ITEM_MARKER.match(paragraph) for paragraph in rest)
	):
		# "5. Thời gian thực hiện: Từ ngày … đến ngày …." over "Biên bản … phải gửi về … chậm nhất ngày …" (issue
		# 15): the span is the plan's time, the paragraphs below are duties with their own times.
		return [_Item([lead], item.marker_kind, "rules", actor)] + [
			_Item([paragraph], None, item.section, actor) for paragraph in rest
		]
	if first_marker is None and depth == 0:
		addressed = _paragraphs_addressed_to_bodies(lead, rest, item.section, actor)
		if addressed is not None:
			return addressed
	if first_marker is None and depth < _MAX_DEPTH and _opens_marked_points(lead, rest):
		# "3. Tổ chức hội nghị cử tri" over a paragraph, then "3.1. …" over bullets (issue 15, a guidance's
		# section): the paragraph is its own item, the points below are split as under any header.
		first = next(index for index, paragraph in enumerate(rest) if _ITEM_MARKER.match(paragraph))
		# "Ngoài các trách nhiệm chung nêu trên, … có trách nhiệm … một số nội dung sau:" only introduces them.
		opening = [
			_Item([paragraph], None, item.section, actor)
			for paragraph in rest[:first]
			if not re.search(r"\b(?:sau|như sau)\s*:$", paragraph)
		]
		inner = _Item([lead, *rest[first:]], item.marker_kind, item.section, actor)
		return [piece for part in opening for piece in _split(part, actor, depth + 1)] + _split(
			inner, actor, depth + 1
		)
	inline_body = None
	if first_marker is not None and first_marker.group("decimal") and ":" in lead[:150]:
		# "2. Các sở, ban, ngành, địa phương: Là các đơn vị được lấy ý kiến thẩm định, …" over "2.1. …", "2.2. …":
		# the body before the colon heads the numbered points, whatever the lead says of it (issue 15).
		named = lead.split(":", 1)[0].strip()
		if len(named.split()) <= 15 and units_in_header(named) is not None:
			inline_body = named
	activities = first_marker is not None and _ACTIVITY_LABEL.match(rest[0][first_marker.end() :].strip())
	if (
		first_marker is None
		or depth >= _MAX_DEPTH
		or not (inline_body or activities or _is_header(lead, item.section))
	):
		return [_Item(item.paragraphs, item.marker_kind, item.section, actor)]
	if _MANDATE_LEAD.search(fold_same_length(lead).lower()):
		return [_Item(item.paragraphs, item.marker_kind, "rules", actor)]
	awards = bool(_AWARDS_LEAD.match(fold_same_length(lead).lower()))
	if heads_the_public(lead.rstrip(": ")):
		# "12. Các tổ chức, cá nhân và hộ gia đình … có trách nhiệm" over points: the public's obligations.
		return [_Item(item.paragraphs, item.marker_kind, "rules", actor)]
	if inline_body:
		actor = inline_body
	elif units_in_header(lead) is not None:
		actor = lead.rstrip(": ")
	level = _marker_level(first_marker)
	children: list[_Item] = []
	for paragraph in rest:
		marker = _ITEM_MARKER.match(paragraph)
		if marker and _marker_level(marker) == level:
			text = paragraph[marker.end() :].strip()
			children.append(_Item([text], _marker_kind(marker), item.section, actor))
		else:
			children[-1].paragraphs.append(paragraph)
	if _PURPOSE_LEAD.match(fold_same_length(lead).lower()):
		# "1. Mục đích" / "2. Yêu cầu" over bullets, when a guidance numbers them under its opening (issue 15): what
		# the text aims at; only a point whose subject is a body ("Ban Thường trực … có trách nhiệm kiểm tra …")
		# gives someone a duty.
		for child in children:
			if not _opens_with_a_body(child.paragraphs[0]):
				child.section = "rules"
	if awards:
		# Under the drive's criteria or awards, only a point naming the body that acts is a duty ("Ủy ban MTTQ Việt
		# Nam xã tổ chức phát động đợt thi đua …"); the others are criteria and award rules.
		for child in children:
			if not extract_units(child.paragraphs[0])[0]:
				child.section = "rules"
	if actor is None:
		_carry_the_presiding_field(children)
	own = [_Item([lead.rstrip(" :") + "."], None, item.section, actor)] if _lead_states_a_duty(lead) else []
	return own + [piece for child in children for piece in _split(child, child.actor, depth + 1)]


_LIST_FOLLOWS = re.compile(
	r"(?:\b(?:sau|nhu sau|gom|bao gom|cu the|sau day|cac noi dung|nhung noi dung|trach nhiem)|\))\s*:$"
)


def _lead_states_a_duty(lead: str) -> bool:
	"""A header that is itself a body's duty, its points the steps of it: "- Ban Thường trực Ủy ban MTTQ xã trao
	đổi với các cơ quan có người ứng cử để tổ chức hội nghị cử tri:" over "+ Thống nhất thời gian …" (issue 15).
	Not a body's name ("1. Sở Nội vụ:", "Các cơ quan … (Sở Tài chính, …):") nor a lead into a list ("… thực hiện
	các nội dung sau:", "… chỉ đạo các đơn vị … có trách nhiệm:")."""
	if not lead.endswith(":") or len(lead.split()) < 8:
		return False
	folded = fold_same_length(lead).lower()
	if _LIST_FOLLOWS.search(folded) or _DUTIES_FOLLOW.search(folded):
		return False
	return bool(extract_units(lead.rstrip(" :") + ".")[0])


def _carry_the_presiding_field(children: list[_Item]) -> None:
	"""A conference's points ("1.1. Nội dung: …" with "- Đơn vị chủ trì: Ban Công tác mặt trận thôn.", then "1.2.
	Báo cáo kết quả Hội nghị" over "- Gửi biên bản …"): a point naming no body is the last named presiding
	body's, as a reader carries it from the point above (issue 15)."""
	carried: str | None = None
	for child in children:
		presiding = read_fields(child.paragraphs)[2] if has_fields(child.paragraphs[1:]) else []
		if presiding:
			carried = ", ".join(presiding)
		elif carried is not None and not extract_units(child.paragraphs[0])[0]:
			child.actor = carried


def _shares_of_a_timed_duty(
	lead: str, rest: list[str], section: str, actor: str | None
) -> list[_Item] | None:
	"""A timed duty over lettered points that each name a body ("2. Các cơ quan … gửi … trước ngày 10/12 hàng
	năm" over "a) Công an tỉnh: Tổng hợp …", "b) Sở Nội vụ: …"): the lead and each point are duties, each point
	its body's share, due when the lead is. None when the item is not written so."""
	if not rest or not all(_ITEM_MARKER.match(paragraph) for paragraph in rest[:1]):
		return None
	if lead.rstrip().endswith(":"):
		return None  # a header over its points, handled as such
	deadline = parse_deadline(lead)
	if deadline.kind == "none" and deadline.relative is None:
		return None
	points: list[list[str]] = []
	for paragraph in rest:
		marker = _ITEM_MARKER.match(paragraph)
		if marker and marker.group("letter"):
			points.append([paragraph[marker.end() :].strip()])
		elif points:
			points[-1].append(paragraph)
		else:
			return None
	if len(points) < 2:
		return None
	named = 0
	for point in points:
		colon = point[0].find(":", 0, 120)
		if colon <= 0:
			return None
		named += units_in_header(point[0][:colon]) is not None
	if named * 2 < len(points):
		return None
	return [_Item([lead], None, section, actor)] + [
		_Item(point, "letter", section, None, lead) for point in points
	]


_TOPIC_TITLE = re.compile(r"^ve\s")
_TIME_OF_THE_PLAN = re.compile(r"^thoi gian(?: thuc hien| trien khai)?\s*:\s*tu\s")
# "a) Hoạt động 1" over "- Nội dung: …", "- Cơ quan thực hiện: …" (issue 15): an objective's activities, each a task
# described by its fields, however long the objective's own wording.
_ACTIVITY_LABEL = ACTIVITY_LABEL
_BULLETED_LABEL = re.compile(r"^[-–+•]\s*")
_CONTENT_LABEL = re.compile(r"^noi dung\s*:$")
_PURPOSE_LEAD = re.compile(r"^(?:muc dich|yeu cau|muc dich,? (?:va )?yeu cau)\s*[:.]?$")
# "(1) Người đứng đầu …", "(2) Chủ tịch …": a Công văn's numbered notes, each a paragraph of its own.
_PAREN_NUMBER = re.compile(r"^\(\d{1,2}\)\s*")


def _paragraphs_addressed_to_bodies(
	lead: str, rest: list[str], section: str, actor: str | None
) -> list[_Item] | None:
	"""A topic title over paragraphs each addressed to a body (issue 15, a Công văn's numbered points: "1. Về triển
	khai thực hiện …" over "Đề nghị các cơ quan …: tổ chức … trước ngày …", "Một số vấn đề lưu ý:", "(1) Người đứng
	đầu … xem xét, quyết định …"): the title is no duty, each paragraph is one, with its own body. None when the
	item is not written so (a sentence as lead, marked points below, or no paragraph opening with a body)."""
	folded_lead = fold_same_length(lead).lower()
	if (
		not rest
		or not _TOPIC_TITLE.match(folded_lead)
		or re.search(r"[.;…!?]$", lead)
		or len(lead.split()) > 40
		or any(_marks_a_point(paragraph) for paragraph in rest)
	):
		return None
	pieces: list[_Item] = []
	opened_by_body = False
	for paragraph in rest:
		numbered = _PAREN_NUMBER.match(paragraph)
		text = paragraph[numbered.end() :] if numbered else paragraph
		by_body = _opens_with_a_body(text)
		if numbered or by_body:
			pieces.append(_Item([text], None, section, actor))
			opened_by_body = opened_by_body or by_body
		elif text.rstrip().endswith(":") and not extract_units(text)[0]:
			continue  # "Một số vấn đề lưu ý:" only introduces the notes
		elif pieces:
			pieces[-1].paragraphs.append(paragraph)
	return pieces if opened_by_body else None


def _marks_a_point(paragraph: str) -> bool:
	"""A lettered, decimal or bulleted point (a number out of sequence, "13-KH/TU).", is a broken line)."""
	marker = _ITEM_MARKER.match(paragraph)
	return marker is not None and bool(
		marker.group("decimal") or marker.group("letter") or marker.group("bullet")
	)


def _opens_with_a_body(paragraph: str) -> bool:
	"""The paragraph's first words name the body it addresses ("Đề nghị các cơ quan …", "Chủ tịch Ủy ban nhân dân
	xã … xem xét", "Các cơ quan, tổ chức, đơn vị gửi hồ sơ …")."""
	colon = paragraph.find(":", 0, 600)
	if colon > 0 and (
		_REQUEST_PARAGRAPH.match(fold_same_length(paragraph[:12]).lower())
		or units_in_header(paragraph[:colon]) is not None
	):
		return True  # "Đề nghị các cơ quan …; Văn phòng …: tổ chức triển khai …"
	presiding = extract_units(paragraph[:300])[0]
	if not presiding:
		return False
	position = fold_same_length(paragraph[:300]).lower().find(fold_same_length(presiding[0]).lower())
	return 0 <= position <= 30


def _opens_marked_points(lead: str, rest: list[str]) -> bool:
	"""A short title (no sentence's end) over unmarked paragraphs and then marked points."""
	if len(rest) < 2 or _ITEM_MARKER.match(rest[0]) or re.search(r"[.;…!?]$", lead) or len(lead.split()) > 15:
		return False
	# the first marked paragraph is a numbered or lettered point ("3.1. …"), not a bullet of a content list
	first = next((paragraph for paragraph in rest[1:] if _ITEM_MARKER.match(paragraph)), None)
	return first is not None and _deeper(first)


def _names_only_a_body(lead: str) -> bool:
	"""A line that is only a body's name ("Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình")."""
	if re.search(r"[.;…!?]$", lead) or len(lead.split()) > 25 or units_in_header(lead) is None:
		return False
	presiding, _ = units_in_header(lead) or ([], [])
	return len(" ".join(presiding).split()) >= len(lead.rstrip(": ").split()) - 4


_CONTENT_LIST = re.compile(
	r"\b(?:noi dung|yeu cau|thong tin|tieu chi|van de|muc|bieu mau)\b[^:]{0,40}(?:sau|sau day|nhu sau|gom)?\s*:$"
)


_DUTIES_FOLLOW = re.compile(
	r"\b(?:thuc hien|trien khai|lam tot|tap trung(?: vao)?)\s+(?:cac |nhung |mot so )?(?:noi dung|nhiem vu|cong viec)"
	r"(?:\s+(?:chu yeu|trong tam|cu the))?\s+(?:sau|sau day|nhu sau)\s*:$"
)


def _deeper(paragraph: str) -> bool:
	"""A numbered or lettered point ("1.1.", "a)") rather than a bullet."""
	marker = _ITEM_MARKER.match(paragraph)
	return marker is not None and marker.group("bullet") is None


def _is_header(lead: str, section: str) -> bool:
	"""A title or a body's name over sub-items, not a sentence stating a duty."""
	if lead.endswith(":"):
		folded = fold_same_length(lead).lower()
		if _DUTIES_FOLLOW.search(folded):
			return (
				True  # "… phối hợp với Ủy ban nhân dân cùng cấp thực hiện các nội dung sau:": duties follow
			)
		# "… có Báo cáo tổng hợp … với các nội dung sau:" is one duty whose contents follow.
		return not (_CONTENT_LIST.search(folded) and len(lead.split()) > 8)
	if re.search(r"[.;…!?]$", lead):
		return False
	if _TOPIC_TITLE.match(fold_same_length(lead).lower()):
		# "2. Về kiểm điểm, đánh giá … (cơ quan, đơn vị trực thuộc …; tập thể …)": a topic, however long the list
		# of whom it concerns (issue 15)
		return len(lead.split()) <= 120
	return len(lead.split()) <= 40


def _marker_level(marker: re.Match[str]) -> str:
	"""Which list a marker belongs to: numbers, letters, or one bullet sign ("-" and "+" are two levels)."""
	if marker.group("decimal"):
		return "decimal" + str(marker.group("decimal").count("."))
	if marker.group("number") or marker.group("number_dash"):
		return "number"
	if marker.group("letter"):
		return "letter"
	sign = marker.group("bullet")
	return "-" if sign in "-–—" else sign
