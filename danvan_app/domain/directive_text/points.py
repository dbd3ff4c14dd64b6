"""Split a numbered clause into the points that are tasks: a header over its points is no task, each point is,
with the body the header names, at any depth (issue 15)."""

from __future__ import annotations

import re
from dataclasses import replace

from danvan_app.domain.actor_phrases import extract_units
from danvan_app.domain.deadline_phrases import parse_deadline
from danvan_app.domain.directive_text.fields import (
	ACTIVITY_LABEL,
	has_fields,
	is_field,
	read_fields,
	unletter_fields,
)
from danvan_app.domain.directive_text.heading_bodies import (
	heads_the_public,
	units_in_header,
)
from danvan_app.domain.directive_text.structure import (
	_ITEM_MARKER,
	_Item,
	_marker_kind,
)
from danvan_app.domain.vn_text import fold_same_length

_REQUEST_PARAGRAPH = re.compile(r"^de nghi\s+")


# A body's standing mandate or its composition, over points (issue 15): "… là cơ quan tham mưu …, có nhiệm vụ,
# quyền hạn sau:", "Thành phần Hội đồng … gồm:". The points say what the body is, not what it must do by when.
_MANDATE_LEAD = re.compile(
	r"(?:\bco (?:cac )?(?:chuc nang,? )?nhiem vu,? (?:va )?quyen han(?: nhu)?(?: sau(?: day)?)?\s*:$"
	r"|^thanh phan\b[^:]{0,120}\bgom\s*:$)"
)


# What an emulation drive rewards and the awards it gives, over criteria and award levels (issue 15): "8.1. Về nội
# dung thi đua", "8.2. Công tác khen thưởng" — rules of the drive, not tasks.
_AWARDS_LEAD = re.compile(
	r"^(?:ve )?(?:noi dung (?:(?:dot|phong trao) )?thi dua|cong tac khen thuong)\s*[:.]?$"
)


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


# "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, … chịu trách nhiệm thực hiện Kế hoạch này.": who answers for the plan.
_ANSWERS_FOR_THE_TEXT = re.compile(
	r"\bchiu trach nhiem (?:thuc hien|thi hanh|to chuc thuc hien|trien khai thuc hien) "
	r"(?:ke hoach|quyet dinh|chi thi|quy che|quy dinh|cong van|thong bao|nghi quyet) nay\.?$"
)


def _split(item: _Item, actor: str | None, depth: int) -> list[_Item]:
	fielded = _lettered_field_groups(item, actor)
	if fielded is not None:
		return fielded
	if (
		len(item.paragraphs) > 1
		and _ANSWERS_FOR_THE_TEXT.search(fold_same_length(item.paragraphs[0]).lower())
		and not _ITEM_MARKER.match(item.paragraphs[1])
	):
		# "… chịu trách nhiệm thực hiện Kế hoạch này." over "Căn cứ …, các bộ … xây dựng kế hoạch chi tiết …" (issue
		# 15): the paragraph after the accountability is a duty of its own bodies, not part of it.
		head = _Item(item.paragraphs[:1], item.marker_kind, item.section, actor)
		tail = _Item(item.paragraphs[1:], None, item.section, actor)
		return [head, *_split(tail, actor, depth + 1)]
	lead, rest = item.paragraphs[0], item.paragraphs[1:]
	if (
		len(rest) >= 2
		and not _ITEM_MARKER.match(rest[0])
		and _ITEM_MARKER.match(rest[1])
		and len(rest[0].split()) <= 6
		and not _names_only_a_body(lead)
		and _names_only_a_body(f"{lead} {rest[0]}")
	):
		# "3. Sở Văn hóa, Thể thao và" over "Du lịch" over "a. Chủ trì …" (issue 15): the line break cut the body's
		# name; the whole name heads the points.
		lead, rest = f"{lead} {rest[0]}", rest[1:]
		item = replace(item, paragraphs=[lead, *rest])
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


def _lettered_field_groups(item: _Item, actor: str | None) -> list[_Item] | None:
	"""Points whose fields are lettered ("1.1. Xây dựng …:" over "a) Nhiệm vụ: …", "b) Cơ quan thực hiện: …", "c)
	Thời gian thực hiện: …", then "1.2. …" likewise): one task each, of its fields (issue 15); a title over
	them ("4. Về nguồn lực") is no task. None when the item is not written so."""
	groups: list[list[str]] = [[item.paragraphs[0]]]
	for paragraph in item.paragraphs[1:]:
		marker = _ITEM_MARKER.match(paragraph)
		if marker and (marker.group("decimal") or marker.group("number")):
			groups.append([paragraph[marker.end() :].strip()])
		else:
			groups[-1].append(paragraph)
	items: list[_Item] = []
	for group in groups:
		fielded = unletter_fields(group[1:])
		if fielded is None:
			if len(group) == 1:
				continue
			return None
		items.append(_Item(fielded, item.marker_kind, item.section, actor))
	return items or None


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
		# a request restated as the topic ("1. Về kiến nghị hoàn thiện …; sớm trình …:") may be long (issue 15)
		or len(lead.split()) > (120 if lead.endswith(":") else 40)
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
	if marker.group("paren"):
		return "paren"
	if marker.group("letter"):
		return "letter"
	sign = marker.group("bullet")
	return "-" if sign in "-–—" else sign
