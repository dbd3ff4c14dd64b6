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
from danvan_app.domain.directive_text.heading_bodies import (
	body_leading_the_directions,
	body_of_responsibility,
	names_a_role,
	names_members,
	names_the_public,
	units_in_header,
)
from danvan_app.domain.directive_text.points import (
	_BULLETED_LABEL,
	_CONTENT_LABEL,
	_REQUEST_PARAGRAPH,
	_split_group_headers,
)
from danvan_app.domain.directive_text.structure import (
	_CLOSING_LINE,
	_FIRST_DUTY,
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
	r"|quy trinh (?:xet|tham dinh|de nghi)|trinh tu|thu tuc|thanh phan ho so"
	# an act done on each case a regulation foresees (issue 15): "Phúc tra kết quả đánh giá", "Công nhận hoàn thành
	# chương trình", "Thu hồi, hủy bỏ, cấp lại giấy chứng nhận"
	r"|phuc tra|phuc khao|cong nhan hoan thanh|thu hoi,? huy bo|cap lai"
	# the seal a committee's members use (issue 15): "Sử dụng con dấu"
	r"|su dung con dau|con dau)\b"
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
				and _FIRST_DUTY.match(next_line.text)
			):
				walk.open("tasks", body_leading_the_directions(line.text))
			else:
				walk.opened = walk.opened or _ROMAN_HEADING.match(line.text) is not None
				walk.loose.append((line.text, walk.opened))
			continue
		if (_ROMAN_HEADING.match(line.text) or len(line.text.split()) >= 2) and _closes_part(line):
			walk.section = None  # another part of the document ("IV. KINH PHÍ …")
			continue
		if walk.top_kind == "paren" and re.match(r"^\d{1,2}\s?[.)]\s", line.text):
			# "(1)" … "(6)" directions under "2. Về phương hướng, nhiệm vụ …", then "3. Về các kiến nghị, đề
			# xuất": the next numbered part of the conclusion, not a point of the last direction (issue 15).
			walk.section = None
			walk.loose.append((line.text, walk.opened))
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
		# "Điều 11. Khi các thành viên … có sự thay đổi về nhân sự, cơ quan cử nhân sự … báo cáo …": what is done
		# when a case arises, a rule (issue 15).
		walk.open("rules" if folded.startswith("khi ") else "articles")
		walk.add(title, None)
		return
	if _RULES_ARTICLE.match(folded):
		walk.open("rules")  # "Phạm vi điều chỉnh và đối tượng áp dụng", "Giải thích từ ngữ": no duty
		return
	if names_members(title):
		walk.open(
			"rules"
		)  # "Nhiệm vụ và quyền hạn của giảng viên": teaching norms and rights, no body's duty
		return
	if names_the_public(title):
		walk.open(
			"articles"
		)  # "Trách nhiệm của cá nhân, tổ chức có phản ánh kiến nghị": rules for the public
		return
	if names_a_role(title):
		# "Điều 5. Trách nhiệm của Trưởng Ban Chỉ đạo": the office holder's standing role; tasks_from_item keeps
		# only a point with a time of its own (a report due on a day).
		walk.open("roles", body_of_responsibility(title))
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


_PROCEDURE_PART = re.compile(
	r"^(?:noi dung,? (?:va )?phuong thuc to chuc|to chuc hoi nghi\b|thoi gian,? (?:va )?dia diem(?: to chuc)?\b)"
)
_FUNDING_PART = re.compile(r"^kinh phi(?:\s+(?:thuc hien|bao dam|dam bao|hoat dong|trien khai))?\s*[:.]?$")


_COUNTED_KINDS = ("number", "paren")


def _item_line(walk: _Walk, line: _Line) -> None:
	marker = _ITEM_MARKER.match(line.text)
	if marker and marker.group("paren") and not re.search(r"[.;:]$", line.text.rstrip()):
		marker = None  # "(1) Ví dụ về phương pháp dạy học": a form's numbered notes, not directions
	items = walk.items
	if marker:
		kind = _marker_kind(marker)
		number = marker.group("number") or marker.group("number_dash") or marker.group("paren")
		if kind in _COUNTED_KINDS and int(number) != walk.expected_number and walk.top_kind == kind:
			rest = line.text[marker.end() :].strip()
			# One number skipped by the drafter ("3. …" then "5. Các Phó chủ tịch phụ trách …:") before a line
			# naming only a body still opens the next item; otherwise the numbering is a sub-list.
			skipped = int(number) == walk.expected_number + 1 and len(rest) <= 120 and not rest.endswith(".")
			if not (skipped and units_in_header(rest) is not None):
				kind = "sub"  # numbering out of sequence: a sub-list, keep with the current item
		if walk.top_kind is None and kind != "sub":
			walk.top_kind = kind
		if kind == walk.top_kind:
			if kind in _COUNTED_KINDS:
				walk.expected_number = int(number) + 1
			walk.add(line.text[marker.end() :].strip(), kind)
			return
		if items and items[-1].section == walk.section and not walk.fresh:
			items[-1].paragraphs.append(line.text)
		return
	# Without numbering, each paragraph of an article or an implementation part is a duty of its own.
	unnumbered = walk.section in ("implementation", "articles", "roles") and walk.top_kind is None
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
	elif walk.section in ("implementation", "articles", "roles") and not _is_junk_line(line):
		walk.add(line.text, None)


_DOCUMENT_END = re.compile(r"\./\.\s*$")
_CLOSING_DUTY = re.compile(r"^giao\s|\b(?:yeu cau|de nghi)\s+(?:cac|toan the)\s")
