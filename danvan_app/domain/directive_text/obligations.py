"""From an item of the text to the obligations it states: one task per duty with its own time.

A numbered clause often gives one body several duties, separated by ";" or by new sentences, each with its own
time ("…tham mưu tổ chức hội nghị sơ kết; hướng dẫn báo cáo định kỳ 6 tháng; tham mưu tổng kết vào quý
IV/2025"). Each timed duty becomes its own task, with the clause's bodies unless it names its own; duties
without a time of their own stay with their neighbours. A sentence that opens with its time and then names its
actor ("Định kỳ 6 tháng, các sở, ngành báo cáo …") is a duty of that actor wherever it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from danvan_app.domain.actor_phrases import extract_units
from danvan_app.domain.deadline_phrases import Deadline, is_per_case_limit, parse_deadline
from danvan_app.domain.directive_text.confidence import confidence_of, is_generic_body
from danvan_app.domain.directive_text.fields import activity_content, field_groups, has_fields, read_fields
from danvan_app.domain.directive_text.fields import time_of as wave_time
from danvan_app.domain.directive_text.heading_bodies import clause_units, units_in_header
from danvan_app.domain.directive_text.results import Task
from danvan_app.domain.directive_text.structure import _Item, _task_title
from danvan_app.domain.directive_text.task_filters import (
	_BULLET_LEAD,
	TIMED_KINDS,
	closing_assignment,
	split_yearly_days,
	subject_first,
)
from danvan_app.domain.vn_text import fold_same_length

_SEGMENT_END = re.compile(r"(?<=;)\s+|(?<=[.!?…])\s+(?=[“\"(]?[A-ZĐÀ-Ỹ])")
# A sentence that opens with its time and a comma: "Định kỳ 6 tháng, …", "Hằng năm, …", "Trước ngày 15/12, …".
_TIME_OPENER = re.compile(
	r"^(?:dinh ky|hang|moi|truoc ngay|truoc thang|cham nhat|trong (?:quy|thang|nam)|vao (?:quy|thang|dip)"
	r"|tu nam|nam \d{4}|quy [ivx\d]+)[^,;]{0,60},"
)
# A standing rule: "Lấy ngày 15/10 hằng năm là …", "Chọn tháng Chín hằng năm là tháng cao điểm …".
STANDING_RULE = re.compile(r"^(?:lay|chon)\s+(?:ngay|thang|tuan|dip)\b[^.;]{0,60}\b(?:hang|moi)\s+nam\b")
# Boilerplate of a decision's last article, not a duty to follow up.
_BOILERPLATE = re.compile(
	r"\b(?:(?:chiu|co) trach nhiem (?:to chuc )?thi hanh|co hieu luc (?:thi hanh )?(?:ke )?tu|thay the (?:quyet dinh|quy che))"
)
# Rules, not duties to follow up: a case ("Đối với kiến nghị …", "Trường hợp …", "Nếu có vướng mắc …"), an
# accountability ("Chịu trách nhiệm trước UBND tỉnh …"), a conditional report ("Trong quá trình thực hiện, nếu …").
_RULE_OPENING = re.compile(
	r"^(?:trong qua trinh (?:to chuc )?(?:trien khai )?thuc hien(?: [^,;.]{1,40})?,?\s*(?:neu|truong hop|khi)\b|neu\b"
	r"|(?:trong )?truong hop\b"
	# a report when something happens, the event first (issue 15): "Khi xuất hiện ca bệnh bất thường, báo cáo ngay …"
	r"|khi (?:xuat hien|phat sinh|co|xay ra)\b[^.;]{0,120},\s*(?:phai )?bao cao (?:ngay|kip thoi)\b"
	r"|(?:tong hop,?\s*)?(?:kip thoi )?(?:bao cao|phan anh)[^.;]{0,30}\b(?:kho khan|vuong mac)\b"
	# a report made when something arises: "Báo cáo ngay với Ban Thường trực … khi phát sinh đơn thư …"
	r"|bao cao (?:ngay|kip thoi)\b[^.;]{0,80}\bkhi (?:phat sinh|co|xay ra|xuat hien)\b"
	r"|(?:luat|bo luat|nghi dinh|thong tu|quyet dinh|chi thi|nghi quyet|ke hoach|cong van|huong dan|ket luan"
	r"|quy dinh|thong bao|chuong trinh)\s+(?:so\s*)?\d"
	r"|chiu trach nhiem truoc\b|chiu trach nhiem (?:ve|doi voi) (?:nhung |moi |cac )?(?:hau qua|sai pham|vi pham|noi dung)\b|(?:nguoi dung dau|thu truong|giam doc|chu tich)[^.;:]{0,80}?\bchiu trach nhiem truoc\b"
	# what is not done, a rule of the procedure (issue 15): "Không xem xét giải quyết đối với đơn tố cáo nặc danh …"
	r"|(?:luu y\s*:\s*)?khong (?:xem xet|giai quyet|thu ly|tiep nhan|xu ly)\b"
	# what the law asks of a candidate, not of a body (issue 15): "Người ứng cử đang công tác chuyên trách tại …"
	r"|nguoi (?:ung cu|tu ung cu|duoc gioi thieu ung cu)\b"
	r"|thuc hien (?:cac )?nhiem vu (?:khac|theo phan cong|duoc phan cong)\b|[^.;]{0,100}\bduoc phan cong tai (?:muc|phan)\b"
	r"|doi voi (?!(?:cac |nhung )?(?:so|ban|bo|co quan|don vi|dia phuong|uy ban|ubnd|cap uy"
	r"|mat tran|doan the|hoi|tinh uy|huyen uy|dang uy|chinh quyen)\b)"
	# … but a case followed by what to do in it is a duty (issue 15): "Đối với các khu công nghiệp đã có nước máy,
	# tiếp tục duy trì …", "Đối với các khu chưa có mạng lưới cấp nước, khẩn trương xây dựng giải pháp …".
	r"(?![^.;:]{3,200}?,\s*(?:tiep tuc|khan truong|chu dong|tap trung|day manh|tang cuong)\s))"
)
# A heading over a rule, not a duty: who has competence, funding, the file a case needs, scope, standards.
_RULE_HEADING = re.compile(
	r"^(?:tham quyen|kinh phi(?: thuc hien| hoat dong| bao dam)?$|ho so\b|thanh phan ho so|doi tuong (?:ap dung|dieu chinh)"
	r"|pham vi dieu chinh|tieu chuan|dieu kien"
	# "4. Quy định về thành phần, số lượng cử tri tham dự hội nghị" over the law's rules (issue 15)
	r"|quy dinh ve)\b"
)
# Funding written as a rule: "Kinh phí phục vụ công tác kiểm tra … được thực hiện theo quy định …".
_FUNDING_RULE = re.compile(
	r"^(?:kinh phi[^.;:]{0,40}:\s*)?kinh phi\b[^.;]{0,220}?\bduoc (?:dam bao|bao dam|thuc hien|bo tri|chi|cap|su dung"
	r"|trich|bo sung)\b"
)
# A quota of an award or a selection: "Xét tối đa 2 tập thể và 4 cá nhân", "Chỉ tiêu xét tối đa 3 tập thể …".
_QUOTA = re.compile(r"\btoi da\s+(?:\d+|\(?\d+\)?)\s+(?:tap the|ca nhan|nguoi|dai bieu|suat|luot|diem)\b")
_HEADING_MAX_WORDS = 20
# Cheap test before cutting a clause: a second time phrase, or a later sentence opening with its time.
_TIME_SIGNAL = re.compile(
	r"\b(?:(?:hang|moi) (?:nam|quy|thang|tuan)|dinh ky|(?:truoc|cham nhat|den|xong|hoan thanh|han chot)\s+"
	r"(?:ngay\s+|thang\s+|quy\s+|nam\s+)?\d|quy (?:[ivx]+|\d)\b|thang \d{1,2}\s*(?:/|nam)"
	r"|(?:trong|vao|cuoi|den|tu) nam \d|6 thang (?:dau|cuoi)|giai doan \d|\d+ ngay (?:lam viec )?(?:truoc|sau|ke tu)"
	r"|thang (?:muoi|gieng|chap|chin|tam|bay|sau|tu)\b)"
)
_LATER_OPENER = re.compile(r"[.;]\s+(?:dinh ky|hang |moi |truoc |cham nhat|trong |vao |tu nam|lay |chon )")


@dataclass
class _Segment:
	text: str
	folded: str
	deadline: Deadline
	_units: tuple[list[str], list[str]] | None = None  # read on first use: most segments never need it

	@property
	def presiding(self) -> list[str]:
		if self._units is None:
			self._units = extract_units(self.text)
		return self._units[0]

	@property
	def coordinating(self) -> list[str]:
		self.presiding  # noqa: B018 (reads the units)
		return self._units[1] if self._units else []

	@property
	def timed(self) -> bool:
		return self.deadline.kind != "none" or self.deadline.relative is not None

	@property
	def opens_with_time(self) -> bool:
		return bool(_TIME_OPENER.match(self.folded) or STANDING_RULE.match(self.folded))


# A routing rule of a procedure: "Khiếu nại … về việc lập danh sách cử tri … thì chuyển đến cơ quan … giải quyết".
_ROUTING_RULE = re.compile(r"^[^.;]{0,400}?\bthi (?:chuyen|gui) (?:den|cho|ve)\b")
# A manner of doing written as a rule, naming nobody: "Việc tổ chức hội nghị cử tri thực hiện theo quy định tại
# Nghị quyết số …", "Hình thức, nguyên tắc vận động bầu cử … được thực hiện theo các quy định tại Chương VI …".
_DONE_AS_RULED = re.compile(
	r"^(?:viec|hinh thuc|noi dung|nguyen tac|trinh tu|thu tuc|quy trinh|thoi gian)\b[^.]{0,300}?"
	r"\btheo (?:cac |dung )?(?:quy dinh|huong dan)\b"
	# "Thời gian tổ chức các hội nghị … được tiến hành từ ngày …": when something happens, not who does it
	r"|^thoi gian\b[^.]{0,200}?\bduoc (?:tien hanh|thuc hien|to chuc|bat dau) tu\b"
)
# A point that only sends the reader to another text's section (issue 15, a Công văn over a Party plan): "Thực hiện
# theo Mục III Kế hoạch số 13-KH/TU …", "Về phương pháp, quy trình …: thực hiện tương tự như khoản 2 Mục III Hướng
# dẫn số …". The duty is the other text's; this is how to read it.
_POINTER_TO_A_SECTION = re.compile(
	r"^(?:ve [^:]{3,150}:\s*)?thuc hien (?:tuong tu (?:nhu )?|theo )(?:noi dung )?(?:muc|khoan|diem|dieu|phan|chuong)"
	r"\s+[ivxlc\d]"
)
# Who sits in a meeting, not what anyone must do (issue 15): "Tổ chức chính trị: Thành phần dự hội nghị gồm Ban
# lãnh đạo …", "Thành phần gồm: …".
_COMPOSITION = re.compile(r"^(?:[^:.;]{2,80}:\s*)?thanh phan\b[^.;:]{0,80}?\bgom\b")
_CASE_LEAD = re.compile(r"^doi voi [^:.;]{3,80}:\s*")
_EACH_CASE = re.compile(r"\b(?:tai thoi diem|doi voi (?:cac |moi |tung )?truong hop)\b")
# What a body is or how it works, not what it must do (issue 15): "Sở Nội vụ là cơ quan thường trực của Hội đồng
# …", "Chủ tịch Hội đồng là Chủ tịch UBND tỉnh", "Hội đồng hoạt động theo nguyên tắc tập trung, dân chủ …".
_WHAT_A_BODY_IS = re.compile(
	r"^[^.;:]{2,100}?\sla (?:co quan|chu tich|pho chu tich|uy vien|thanh vien|thuong truc|don vi|to chuc|dau moi)\b"
)
_HOW_A_BODY_WORKS = re.compile(
	r"^[^.;:]{2,100}?\s(?:(?:hoat dong|lam viec) theo (?:nguyen tac|che do)|co chuc nang|tu giai the)\b"
)
# What a body is entitled to, not what it must do (issue 15): "Sở Tài chính được quyền khai thác …", "Các cơ quan,
# tổ chức, đơn vị cấp trên được cấp một tài khoản quản lý …".
_ENTITLEMENT = re.compile(r"^[^.;:]{2,100}?\sduoc (?:quyen|phep|huong|cap (?:mot|01|\d+) tai khoan)\b")
# A limit counted before each occasion: "… khi sơ kết, tổng kết … gửi hồ sơ … trước 10 ngày …".
_PER_EVENT_NOTICE = re.compile(
	r"\bkhi\b[^.]{0,250}\btruoc\s+\d{1,3}\s+ngay\b(?!\s*\d)|\b(?:it nhat|cham nhat)\s+truoc\s+\d{1,3}\s+ngay\b"
)


def is_rule(folded_clause: str) -> bool:
	"""A rule a regulation states rather than a duty to follow up: funding provided for, a short quota, a
	routing rule of a procedure ("… thì chuyển đến …"), a manner of doing set by the law."""
	folded_clause = _BULLET_LEAD.sub("", folded_clause)
	if _FUNDING_RULE.match(folded_clause) or _ROUTING_RULE.match(folded_clause):
		return True
	if _DONE_AS_RULED.match(folded_clause) or _PER_EVENT_NOTICE.search(folded_clause):
		return True
	if _POINTER_TO_A_SECTION.match(folded_clause) and len(folded_clause.split()) <= 60:
		return True
	if _COMPOSITION.match(folded_clause):
		return True
	if _WHAT_A_BODY_IS.match(folded_clause) and len(folded_clause.split()) <= 40:
		return True
	if _HOW_A_BODY_WORKS.match(folded_clause) or _ENTITLEMENT.match(folded_clause):
		return True
	return bool(_QUOTA.search(folded_clause)) and len(folded_clause.split()) <= 40


def is_heading(paragraph: str) -> bool:
	"""A section title ("Tăng cường sự lãnh đạo của các cấp ủy"): short and without a sentence's end."""
	return len(paragraph.split()) <= _HEADING_MAX_WORDS and not re.search(r"[.;:…!?]$", paragraph.strip())


def _segments(paragraphs: list[str]) -> list[_Segment]:
	segments = []
	for paragraph in paragraphs:
		for piece in _SEGMENT_END.split(paragraph):
			piece = piece.strip()
			if not piece:
				continue
			folded = fold_same_length(piece).lower()
			segments.append(_Segment(piece, folded, parse_deadline(piece, folded)))
	return segments


def tasks_from_item(item: _Item) -> list[Task]:
	"""The tasks one item states: one, or one per timed duty when it states several.

	In an article that is not about duties ("Điều 9. Trình tự đánh giá"), a point is a task only when it names
	the body that acts; other points are rules.
	"""
	if item.section == "rules":
		return []
	if item.section == "waves":
		return _wave_task(item)
	assigned = closing_assignment(item.text)
	if assigned is not None:
		head, tail = assigned
		return tasks_from_item(replace(item, paragraphs=[head])) + tasks_from_item(
			replace(item, paragraphs=[tail], marker_kind=None)
		)
	groups = field_groups(item.paragraphs) if has_fields(item.paragraphs[1:]) else []
	if len(groups) > 1:
		return [task for group in groups for task in tasks_from_item(replace(item, paragraphs=group))]
	fields = read_fields(item.paragraphs) if has_fields(item.paragraphs[1:]) else None
	if fields is not None:
		content = activity_content(fields[0])
		if not content:
			# "b) Cơ quan thực hiện:" over "- Đơn vị chủ trì: …", "- Đơn vị phối hợp: …": labels only, no duty
			# stated (the importer of every round before crashed on it)
			return []
		item = _Item(content, item.marker_kind, item.section, item.actor)
	tasks = _tasks(item, item.actor)
	if fields is not None:
		tasks = [_with_fields(task, fields[1], fields[2], fields[3]) for task in tasks]
	if item.lead_time and not _EACH_CASE.search(fold_same_length(item.text).lower()):
		# a point timed by each case ("… tại thời điểm đề nghị khen thưởng") is not due with the lead
		lead_deadline = parse_deadline(item.lead_time)
		tasks = [
			_with_fields(task, lead_deadline, [], []) if task.deadline.kind == "none" else task
			for task in tasks
		]
	tasks = [part for task in tasks for part in _split_timed_tail(task)]
	tasks = [part for task in tasks for part in split_yearly_days(task)]
	if item.section == "procedure":
		tasks = [task for task in tasks if task.deadline.due is not None or subject_first(task)]
	if item.section == "funding":
		# In the funding part only a named body is given something; the rest says where the money comes from.
		tasks = [task for task in tasks if any(not is_generic_body(name) for name in task.presiding)]
	if item.section == "roles":
		# A standing role ("Triệu tập, chủ trì các cuộc họp …") is no task; a point of it due on a day is.
		tasks = [task for task in tasks if task.deadline.kind in TIMED_KINDS]
	if item.section == "articles":
		# Outside the articles on duties, only a body named as such is given something ("Cơ quan, đơn vị lấy ý
		# kiến gửi …" states a procedure for whoever consults).
		# A generic body with a time of its own is given a duty all the same ("Các cơ quan, đơn vị gửi hồ sơ …
		# trước ngày 10/12 hằng năm", issue 15).
		tasks = [
			task
			for task in tasks
			if any(not is_generic_body(name) for name in task.presiding)
			or (task.presiding and task.deadline.kind in TIMED_KINDS)
		]
	return [task for task in tasks if not is_per_case_limit(task.clause)]


def _wave_task(item: _Item) -> list[Task]:
	"""A wave of a plan ("Đợt 1: Trong tháng 12/2025" over what is done in it): one task, due the wave's time,
	titled by its first duty; a wave with nothing under it is no task."""
	header, body = item.paragraphs[0], [_ITEM_LEAD.sub("", p).strip() for p in item.paragraphs[1:]]
	body = [paragraph for paragraph in body if paragraph]
	if not body:
		return []
	clause = "\n".join(body)
	presiding, coordinating = clause_units(clause, item.actor)
	task = _task(clause, presiding, coordinating, wave_time(header.split(":", 1)[1].strip()))
	return [replace(task, clause=f"{header}\n{clause}")]


def _with_fields(
	task: Task, deadline: Deadline | None, presiding: list[str], coordinating: list[str]
) -> Task:
	"""A task described by fields takes its bodies from them, and its time unless its own text gives one."""
	named = task.presiding or extract_units(_ITEM_LEAD.sub("", task.clause))[0]
	own = {name.casefold() for name in named}
	if own and own < {name.casefold() for name in presiding}:
		# "- Thời gian thực hiện:" over "+ Bộ Công an tổng hợp …, báo cáo … trước ngày …" (issue 15): a step naming
		# some of the field's bodies is theirs alone
		presiding, coordinating = list(named), []
	if presiding:  # the field names the body outright; the text may only mention others
		task = replace(task, presiding=list(presiding), coordinating=list(coordinating or task.coordinating))
	if deadline is not None and task.deadline.kind == "none" and task.deadline.relative is None:
		task = replace(task, deadline=deadline)
	return replace(task, confidence=confidence_of(task.clause, task.presiding, task.deadline))


def _tasks(item: _Item, header: str | None) -> list[Task]:
	paragraphs = list(item.paragraphs)
	clause = item.text
	folded_clause = fold_same_length(clause).lower()
	case = _CASE_LEAD.match(folded_clause)
	if case and not is_rule(folded_clause[case.end() :]):
		# "Đối với khen thưởng tổng kết năm: Các cơ quan … gửi hồ sơ … trước ngày 10/12 hằng năm", "Đối với
		# ngành Giáo dục và Đào tạo: Căn cứ …, gửi hồ sơ … trước ngày 10/7 hằng năm": a duty written per case,
		# of the body the case names or the body after the colon, when it has a body or a time (issue 15).
		named = units_in_header(clause[len("Đối với ") : case.end() - 1].strip())
		rest = clause[case.end() :].strip()
		own = extract_units(rest)
		deadline = parse_deadline(clause, folded_clause)
		if own[0] or (named and deadline.kind != "none"):
			presiding, coordinating = own if own[0] else (named[0], own[1])
			return [_task(clause, presiding, coordinating, deadline, folded=folded_clause)]
	if (
		_BOILERPLATE.search(folded_clause)
		or _RULE_OPENING.match(_BULLET_LEAD.sub("", folded_clause))
		or is_rule(folded_clause)
	):
		return []
	heading = len(paragraphs) > 1 and is_heading(paragraphs[0])
	if _RULE_HEADING.match(fold_same_length(paragraphs[0]).lower()) and (heading or len(paragraphs) == 1):
		return []  # "Thẩm quyền đánh giá, xếp loại", "Kinh phí thực hiện": a rule over what follows, no duty
	if heading and len(paragraphs) > 2:
		own = [(paragraph, clause_units(paragraph, None)) for paragraph in paragraphs[1:]]
		names = [tuple(units[0]) for _, units in own]
		if all(names) and len(set(names)) == len(names):
			# "4. Giám sát việc xử lý" over "Lãnh đạo UBND cấp xã giám sát …" and "Các cơ quan chuyên môn cấp
			# tỉnh giám sát …": each paragraph is its own body's duty.
			return [_task(text, units[0], units[1], parse_deadline(text)) for text, units in own]
	if not heading and not _may_hold_several(folded_clause):
		presiding, coordinating = clause_units(clause, header)
		if not presiding and len(paragraphs) > 1 and not re.search(r"[.;:…!?]$", paragraphs[0].strip()):
			# A long title without a full stop over the paragraph that names who does it ("3. Xây dựng các văn
			# bản quy phạm pháp luật …" over "Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố có trách nhiệm …").
			presiding, coordinating = clause_units(paragraphs[1], header)
		deadline = parse_deadline(clause, folded_clause)
		return [_task(clause, presiding, coordinating, deadline, folded=folded_clause)]
	segments = _segments(paragraphs[1:] if heading else paragraphs)
	if not segments:
		return []
	groups = _groups(segments)
	whole_presiding, whole_coordinating = clause_units(clause, header)
	if len(groups) == 1 and not heading:
		return [
			_task(
				clause,
				whole_presiding,
				whole_coordinating,
				parse_deadline(clause, folded_clause),
				folded=folded_clause,
			)
		]
	if heading and not any(segment.presiding or segment.timed for segment in segments):
		# A title over narrative: nobody is given anything. Proposed once, low, for a person to judge.
		deadline = parse_deadline(clause, folded_clause)
		return [_task(clause, whole_presiding, whole_coordinating, deadline, heading_only=True)]
	tasks = []
	# The clause's lead names the bodies of its later duties; under a title, each duty names its own.
	lead = ([], []) if heading else clause_units(groups[0][0].text, header)
	for group in groups:
		if heading and not any(segment.presiding or segment.timed for segment in group):
			continue  # narrative under a title
		text = " ".join(segment.text for segment in group)
		own = next((segment for segment in group if segment.presiding), None)
		standing = bool(STANDING_RULE.match(group[0].folded))
		presiding, coordinating = (own.presiding, own.coordinating) if own else ([], []) if standing else lead
		deadline = next((segment.deadline for segment in group if segment.timed), Deadline())
		folded = " ".join(segment.folded for segment in group)
		if is_rule(folded):
			continue  # "Hội đồng hoạt động theo nguyên tắc …" between two duties of the same point
		tasks.append(_task(text, presiding, coordinating, deadline, folded=folded))
	return tasks


def _may_hold_several(folded_clause: str) -> bool:
	signals = 0
	for _ in _TIME_SIGNAL.finditer(folded_clause):
		signals += 1
		if signals >= 2:
			return True
	return bool(_LATER_OPENER.search(folded_clause))


def _groups(segments: list[_Segment]) -> list[list[_Segment]]:
	"""Cut the segments into duties: each timed segment is one; untimed ones stay with their neighbours.

	Cut only when the item states two timed duties, or a duty opening with its own time and actor ("Hằng năm,
	Ủy ban nhân dân tỉnh tổ chức …"): otherwise the item is one task, as before.
	"""
	timed = [segment for segment in segments if segment.timed]
	opener = any(
		segment.opens_with_time and (segment.presiding or STANDING_RULE.match(segment.folded))
		for segment in segments[1:]
	)
	distinct_times = {
		(s.deadline.kind, s.deadline.due, s.deadline.recurrence, s.deadline.month) for s in timed
	}
	if not opener and (len(timed) < 2 or len(distinct_times) < 2) and not _own_timed_duty_after(segments):
		return [segments]
	groups: list[list[_Segment]] = []
	pending: list[_Segment] = []
	for segment in segments:
		if not segment.timed:
			pending.append(segment)
			continue
		if pending and groups:
			groups[-1].extend(pending)  # an untimed duty stays with the timed one before it
			groups.append([segment])
		elif pending and _states_a_duty(pending):
			groups.extend([pending, [segment]])  # the lead's own untimed duty
		elif pending:
			groups.append([*pending, segment])  # "Ban Dân vận Tỉnh ủy chủ trì:" then its first duty
		else:
			groups.append([segment])
		pending = []
	if pending:
		if groups:
			groups[-1].extend(pending)
		else:
			groups.append(pending)
	return groups


def _own_timed_duty_after(segments: list[_Segment]) -> bool:
	"""An untimed duty, then after ";" a duty that opens with its own time ("Ban Dân vận Tỉnh ủy chủ trì … đôn
	đốc, kiểm tra …; định kỳ hằng năm báo cáo Tỉnh ủy"): two duties, the first without the second's time (issue
	15, class 1). A bare completion time ("…; hoàn thành trước ngày 31/12/2025") is the first duty's own."""
	for index, segment in enumerate(segments[1:], 1):
		written = segment.deadline.text
		if not segment.timed or not written or not segments[index - 1].text.endswith((";", ".")):
			continue
		if not segment.text.lower().startswith(written.lower()):
			continue
		rest = segment.folded[len(written) :]
		if len(rest.split()) >= 3 and _DELIVERABLE_VERB.search(rest) and _states_a_duty(segments[:index]):
			return not any(earlier.timed for earlier in segments[:index])
	return False


# What a duty opening with its time delivers ("báo cáo Tỉnh ủy", "tổ chức sơ kết", "gửi Sở Nội vụ").
_DELIVERABLE_VERB = re.compile(
	r"^[ ,]*(?:cac |[^ ]+ )?(?:bao cao|to chuc|tong hop|so ket|tong ket|gui|kiem tra|danh gia|xay dung|trinh|hop"
	r"|ra soat|lap (?:du toan|ke hoach|bao cao)|ban hanh)\b"
)


def _states_a_duty(segments: list[_Segment]) -> bool:
	"""Untimed segments that say what to do, not only who acts ("Sở Nội vụ chủ trì, phối hợp với …:")."""
	text = " ".join(segment.text for segment in segments).strip()
	return len(text.split()) >= 8 and not text.endswith(":")


def _task(
	clause: str,
	presiding: list[str],
	coordinating: list[str],
	deadline: Deadline,
	heading_only: bool = False,
	folded: str | None = None,
) -> Task:
	title = _task_title(clause)
	rest = clause[len(title) :]
	if rest.startswith(":") and rest[1:].strip() and len(title.split()) <= 25:
		title = _task_title(rest[1:].strip())  # "Sở Nội vụ: Theo dõi, đôn đốc …": the duty, not the body
	title = title[:1].upper() + title[1:]
	confidence = "low" if heading_only else confidence_of(clause, presiding, deadline, folded)
	return Task(title, clause, list(presiding), list(coordinating), deadline, confidence)


# Where a timed duty is joined to an untimed one in one sentence: "… theo dõi, kiểm tra, đôn đốc … triển khai thực
# hiện nhiệm vụ được nêu trong Kế hoạch, báo cáo Chủ tịch … kết quả thực hiện hằng năm …", "… hướng dẫn, đôn đốc,
# kiểm tra … Quyết định này và tham mưu tổ chức thực hiện chấm điểm từ năm 2026" (issue 15, class 1).
_TIMED_TAIL = re.compile(r"(?:,| và) (?=(?:tham mưu|báo cáo|tổng hợp, báo cáo|tổng hợp báo cáo|đề xuất)\s)")


def _split_timed_tail(task: Task) -> list[Task]:
	"""The task as two when its time belongs to a second duty joined to the first by a comma or "và": the first
	keeps no time, the second (the part from its verb on) keeps the task's time; otherwise the task itself."""
	deadline = task.deadline
	# Only a recurrence or an open start belongs to the joined duty alone ("báo cáo … hằng năm", "tham mưu … từ năm
	# 2026"); a one-off date after a chain ("xây dựng kế hoạch, …, phát động …, báo cáo kết quả trước ngày
	# 15/12/2016") is the whole chain's deadline.
	if deadline.kind not in ("recurring", "from_year") or not deadline.text or deadline.relative:
		return [task]
	clause = " ".join(task.clause.split())
	position = clause.find(deadline.text)
	if position <= 0:
		return [task]
	joints = [m for m in _TIMED_TAIL.finditer(clause, 0, position) if "." not in clause[m.end() : position]]
	if not joints:
		return [task]
	joint = joints[-1]
	head, tail = clause[: joint.start()], clause[joint.end() :]
	# a short head ("Bộ Công an tổng hợp kết quả rà soát, báo cáo … trước ngày …") is one duty with its report
	if len(head.split()) < 15 or ";" in head or parse_deadline(head).kind != "none":
		return [task]
	return [
		_task(head, task.presiding, task.coordinating, Deadline()),
		_task(tail, task.presiding, task.coordinating, deadline),
	]


_ITEM_LEAD = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\s?[.)]|[a-zđ]\)|[-–+•])\s*")
