"""Who a heading names for the points under it ("1. Sở Nội vụ:", "Điều 14. Trách nhiệm của Sở Nội vụ", "2. Vụ Tổ
chức cán bộ: Tham mưu Lãnh đạo Bộ:", "5. Các Phó chủ tịch phụ trách …"), and who acts in a point under such a
heading (``clause_units``), issue 15."""

from __future__ import annotations

import re

from danvan_app.domain.actor_phrases import extract_units
from danvan_app.domain.directive_text.confidence import is_generic_body
from danvan_app.domain.vn_text import fold_same_length

HEADER_TAIL = re.compile(r"\s*(?:có trách nhiệm|chịu trách nhiệm|thực hiện|gồm)?\s*[:.]?\s*$")


# "Trách nhiệm của Sở Nội vụ", "Trách nhiệm các cơ quan, đơn vị cấp thành phố và …", "Nhiệm vụ, quyền hạn của …".
_RESPONSIBILITY_OF = re.compile(
	r"^(?:trach nhiem|nhiem vu(?:,? (?:va )?(?:quyen han|trach nhiem))?)(?:\s+(?:phoi hop|thuc hien))?"
	r"(?:\s+cua)?\s+(?=\S)"
)
# Whom a responsibility heading may name that is no body of the State, the Party or the Front: the public.
_PUBLIC = re.compile(
	r"^(?:cac\s+)?(?:ca nhan|to chuc,? ca nhan|cong dan|nguoi dan|nhan dan|nguoi (?:gui|co))\b"
)


def heads_the_public(actor: str | None) -> bool:
	"""A numbered heading naming the public as its subject ("12. Các tổ chức, cá nhân và hộ gia đình khai thác … có
	trách nhiệm"): its points are the public's obligations under the law, not tasks of an office (issue 15)."""
	if not actor:
		return False
	folded = fold_same_length(" ".join(actor.split())).lower().strip(" .:")
	return bool(_PUBLIC.match(folded)) or names_the_public(actor)


def body_of_responsibility(header: str | None) -> str | None:
	"""The body a responsibility heading names, as written: "Trách nhiệm của Báo và Phát thanh, truyền hình Bắc
	Ninh" → "Báo và Phát thanh, truyền hình Bắc Ninh", "Trách nhiệm các cơ quan, đơn vị xử lý phản ánh kiến
	nghị" → "các cơ quan, đơn vị xử lý phản ánh kiến nghị" (the heading is the article's or the point's whole
	name for its actor, even where the actor grammar does not know the body). None when the heading is no such
	heading, or names the public ("Trách nhiệm của cá nhân, tổ chức có phản ánh kiến nghị": rules, not tasks)."""
	if not header:
		return None
	text = " ".join(header.split()).strip(" .:")
	folded = fold_same_length(text).lower()
	prefix = _RESPONSIBILITY_OF.match(folded)
	if prefix is None:
		return None
	body = text[prefix.end() :].strip(" .:")
	body_folded = folded[prefix.end() :].strip(" .:")
	if not body or len(body.split()) > 25 or _PUBLIC.match(body_folded):
		return None
	if _NO_BODY.match(body_folded):
		return None  # "Trách nhiệm tổ chức thực hiện": what the article is about, not who (issue 15)
	if not (body[:1].isupper() or _BODY_WORD.match(body_folded)):
		return None  # "Trách nhiệm thực hiện", "Trách nhiệm trong việc quản lý …": no body named
	return body


_NO_BODY = re.compile(r"^(?:to chuc\s+)?(?:thuc hien|thi hanh|trien khai)\b")
_BODY_WORD = re.compile(
	r"^(?:cac|nhung|co quan|don vi|so|ban|bo|uy ban|ubnd|hoi dong|dia phuong|phong|to|hoi|doan|chi bo|dang uy"
	r"|cap uy|mat tran|truong|vien|trung tam)\b"
)


# The people an institution teaches or employs, named as a class (issue 15): "Điều 13. Nhiệm vụ và quyền hạn của
# giảng viên", "Quyền và nghĩa vụ của học viên". Their duties and rights are the institution's rules (teaching
# norms, what a learner may do), not tasks of a body.
_MEMBERS_OF = re.compile(
	r"^(?:(?:trach nhiem|nhiem vu|quyen|quyen han|nghia vu)(?:,? (?:va )?(?:quyen han|quyen|nghia vu|trach nhiem))?"
	r"(?:\s+cua)?\s+)(?:cac\s+)?(?:giang vien|hoc vien|hoc sinh|sinh vien|nguoi hoc|nha giao|giao vien)\b"
)


def names_members(header: str | None) -> bool:
	"""A heading over the duties and rights of an institution's members ("Nhiệm vụ và quyền hạn của giảng viên")."""
	if not header:
		return False
	return bool(_MEMBERS_OF.match(fold_same_length(" ".join(header.split())).lower().strip(" .:")))


# The standing roles of a collegial body in its own working regulation (issue 15): "Điều 5. Trách nhiệm của
# Trưởng Ban Chỉ đạo", "Nhiệm vụ, quyền hạn của các Ủy viên Ban Chỉ đạo", "Trách nhiệm của Ban Chỉ đạo" (the body
# alone, as its regulation calls itself). Each point says what the office holder may or must do while in office,
# not a deliverable to follow up.
_ROLE_OF = re.compile(
	r"^(?:cac\s+)?(?:(?:pho\s+)?truong ban|(?:pho\s+)?to truong|to pho|uy vien|thanh vien"
	r"|(?:pho\s+)?chu tich hoi dong|(?:ban chi dao|hoi dong|to cong tac)\s*$)"
)


def names_a_role(header: str | None) -> bool:
	"""A responsibility heading over the standing role of a collegial body or of one of its office holders."""
	if not header:
		return False
	folded = fold_same_length(" ".join(header.split())).lower().strip(" .:")
	prefix = _RESPONSIBILITY_OF.match(folded)
	return prefix is not None and bool(_ROLE_OF.match(folded[prefix.end() :]))


def names_the_public(header: str | None) -> bool:
	"""A responsibility heading over the public's duties ("Trách nhiệm của cá nhân, tổ chức …")."""
	if not header:
		return False
	folded = fold_same_length(" ".join(header.split())).lower().strip(" .:")
	prefix = _RESPONSIBILITY_OF.match(folded)
	return prefix is not None and bool(_PUBLIC.match(folded[prefix.end() :]))


_LEAD_IN_COLON = re.compile(r"^\s*(Đề nghị|Yêu cầu|Giao)\s*:\s*", re.IGNORECASE)


def units_in_header(header: str | None) -> tuple[list[str], list[str]] | None:
	"""The bodies a header names for its sub-items: "1. Sở Nội vụ:", "Đề nghị Ủy ban MTTQ Việt Nam tỉnh:",
	"2. Trách nhiệm của Sở Nội vụ" (the body as written, ``body_of_responsibility``)."""
	if not header:
		return None
	# "6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh, …": the bodies follow the lead-in's colon.
	header = _LEAD_IN_COLON.sub(r"\1 ", header)
	written = body_of_responsibility(header)
	if written is not None:
		return [written], []
	role = ROLE_BODY.match(" ".join(header.split()))
	if role:
		return [role.group("name")], []
	presiding, coordinating = extract_units(HEADER_TAIL.sub("", header) + " thực hiện.")
	whole = _named_to_a_parent(header, presiding)
	if whole is not None:
		return [whole], []
	listed = _LISTED_IN_BRACKETS.search(header)
	if listed and all(is_generic_body(name) for name in presiding):
		# "1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế …):": the bodies in brackets
		named, _ = extract_units(listed.group(1) + " thực hiện.")
		if len(named) >= 2:
			return named, []
	if presiding:
		return presiding, coordinating
	if listed and not presiding:
		# "5. Các chủ rừng là tổ chức (các Ban quản lý rừng đặc dụng, các Công ty lâm nghiệp…)": a kind of actor the
		# law names, its members' bodies in brackets; the kind, as written, carries the points (issue 15).
		kind = header[: listed.start()].strip(" :")
		members = [piece for piece in listed.group(1).split(",") if extract_units(piece + " thực hiện.")[0]]
		if members and kind[:1].isupper() and len(kind.split()) <= 8 and not re.search(r"[.;!?]", kind):
			return [kind], []
	before_colon, colon, lead = header.partition(":")
	if colon and lead.strip(" :") and "\n" not in before_colon:
		# "2. Vụ Tổ chức cán bộ: Tham mưu Lãnh đạo Bộ:" over bullets: the body before the colon carries them, the
		# words after it lead into them (issue 15).
		named = units_in_header(before_colon)
		if named is not None:
			return named
	holder = _PORTFOLIO_HOLDER.match(header.strip())
	# "5. Các Phó chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo …", "3. Cán bộ phụ trách lĩnh vực giám sát …":
	# the office holder with a portfolio, as written, carries the points below.
	return ([" ".join(holder.group("title").split())], []) if holder else None


# A name that ends "… thuộc Bộ", "… thuộc Chương trình": the kind of bodies under a parent, all of it one name.
_UNDER_A_PARENT = re.compile(r"\s(?:trực\s+)?thuộc\s+(?:các\s+)?[A-ZĐ][^,;:.()]{0,60}$")


def _named_to_a_parent(header: str, presiding: list[str]) -> str | None:
	"""A header that is one body's name with a verb-like word inside it: "1. Thủ trưởng các cơ quan tham mưu,
	quản lý nhà nước thuộc Bộ", "2. Các Sở, ngành chủ trì, quản lý, tham gia thực hiện các dự án … thuộc
	Chương trình" (issue 15) — the words after the first name describe it up to its parent, they are no duty."""
	name = " ".join(header.split()).strip(" :")
	if len(presiding) != 1 or len(name.split()) > 30 or not _UNDER_A_PARENT.search(name):
		return None
	first = fold_same_length(presiding[0]).lower()
	return name if first in fold_same_length(name).lower()[: len(first) + 12] else None


# A body named by its role in a procedure (issue 15): "Cơ quan chủ trì giải quyết thủ tục đầu tư dự án", "Cơ quan
# phối hợp" — "chủ trì"/"phối hợp" are part of the name here, not the verb.
ROLE_BODY = re.compile(
	r"^(?:\d{1,2}\s?[.)]\s*)?(?P<name>(?:[Cc]ác )?[Cc]ơ quan (?:chủ trì|phối hợp|đăng ký|tiếp nhận|thẩm định)(?: [^,:;.()]{3,60}?)?)"
	r"(?=\s*(?::|$)|\s+(?:có|chịu) trách nhiệm\b)"
)
_LISTED_IN_BRACKETS = re.compile(r"\(([^()]{10,300})\)\s*:?\s*$")


# An office holder named by the portfolio they hold, alone on a header line.
_PORTFOLIO_HOLDER = re.compile(
	r"^(?:(?:các|Các)\s+)?(?:(?:đồng chí|Đồng chí|đ/c|Đ/c)\s+)?"
	r"(?P<title>(?:(?:Phó|phó)\s+)?(?:Chủ tịch|chủ tịch|Trưởng|trưởng|Cán bộ|cán bộ|Chuyên viên|chuyên viên|Công chức"
	r"|công chức|Ủy viên|Uỷ viên|ủy viên)\b[^.;:\n]{0,60}?\bphụ trách\b[^.;:\n]{2,100}?)\s*:?$"
)


# "Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban:", "Đ/c Phó Chủ tịch UBND xã phụ trách văn hóa:".
_OFFICE_HOLDER = re.compile(r"^(?:Đồng chí|đồng chí|Đ/c|đ/c)\s+(?P<title>[^:;.\n]{3,150}?)\s*:\s*")
# The same without a colon, the duty's verb right after the office (issue 15): "Đồng chí Chủ tịch Ủy ban MTTQ xã
# chịu trách nhiệm chỉ đạo chung …", "Đồng chí Ủy viên Ban Thường vụ Đảng ủy, Chủ tịch Uỷ ban MTTQ Việt Nam xã lãnh
# đạo, chỉ đạo …", "Các đồng chí Phó Chủ tịch Uỷ ban MTTQ Việt Nam xã chỉ đạo thực hiện".
_OFFICE_HOLDER_ACTING = re.compile(
	r"^(?:Các đồng chí|các đồng chí|Đồng chí|đồng chí|Đ/c|đ/c)\s+"
	r"(?P<title>(?:Phó |phó )?(?:Chủ tịch|Trưởng|Bí thư|Ủy viên|Uỷ viên|Giám đốc|Chánh)\b[^:;.\n]{3,150}?)\s+"
	r"(?=(?:chịu trách nhiệm|có trách nhiệm|trực tiếp|lãnh đạo|chỉ đạo|tham mưu|phụ trách|chủ trì|theo dõi|giúp)\b)"
)


def clause_units(text: str, header: str | None) -> tuple[list[str], list[str]]:
	"""The bodies of ``text``; when it names none, the header's ("1. Sở Nội vụ:" over "a) Chủ trì, phối hợp
	với Thanh tra tỉnh …" → Sở Nội vụ presides, Thanh tra tỉnh coordinates)."""
	holder = _OFFICE_HOLDER.match(text)
	if holder:
		# "Đồng chí Phó Trưởng phòng Văn hóa - Xã hội - Phó Trưởng tiểu ban: Trực tiếp chỉ đạo …": the office
		# holder, as written, carries the duty (a plan's assignment of its members).
		return [" ".join(holder.group("title").split())], extract_units(text[holder.end() :])[1]
	acting = _OFFICE_HOLDER_ACTING.match(text)
	if acting:
		# Of several offices held ("Ủy viên Ban Thường vụ Đảng ủy, Chủ tịch Uỷ ban MTTQ …"), the last is the one
		# the plan's body gives the duty to.
		office = acting.group("title").rsplit(",", 1)[-1]
		return [" ".join(office.split())], extract_units(text[acting.end() :])[1]
	role = ROLE_BODY.match(text)
	if role:
		return [role.group("name")], extract_units(text[role.end() :])[1]
	presiding, coordinating = extract_units(text)
	if not presiding and _LEADERS_OF.match(text):
		# "Lãnh đạo UBND cấp xã giám sát …": the body whose leaders act carries the duty, like "Chủ tịch UBND …".
		presiding, coordinating = extract_units(text[_LEADERS_OF.match(text).end() :])
	if presiding and _refers_back(presiding, header):
		# "3. Trách nhiệm các cơ quan, đơn vị cấp thành phố …" over "b) Trên cơ sở quy định này, các cơ quan, đơn
		# vị xây dựng báo cáo …": the point's subject is the header's body named shorter.
		presiding = []
	if not presiding:
		# "Sở Văn hóa, Thể thao và Du lịch: Tiếp tục chỉ đạo …", "Đề nghị Ủy ban MTTQ Việt Nam tỉnh: Vận động …"
		colon = text.find(":", 0, 200)
		inline = units_in_header(text[:colon]) if colon > 0 and "\n" not in text[:colon] else None
		if inline:
			return inline[0], extract_units(text[colon + 1 :].strip())[1] or inline[1]
		if 0 < colon <= 60 or (colon > 0 and _TOPIC_LEAD.match(text)):
			# "Sau hội nghị tiếp xúc cử tri: Ban Thường trực … lập báo cáo …": the body after a time's colon
			after = extract_units(text[colon + 1 :].strip())
			if after[0]:
				return after
	header_units = None if presiding else units_in_header(header)
	if header_units is None:
		return presiding, coordinating
	joined = extract_units(HEADER_TAIL.sub("", header or "") + " " + text[:1].lower() + text[1:])
	return header_units[0], joined[1] if joined[0] == header_units[0] else header_units[1]


# A topic before the colon: "1. Về hỗ trợ kinh phí …: Giao Bộ Tài chính chủ trì …" (issue 15).
_TOPIC_LEAD = re.compile(r"^(?:Về|VỀ)\s")
_LEADERS_OF = re.compile(r"^(?:Lãnh đạo|lãnh đạo|Ban lãnh đạo)\s+(?=[A-ZĐÀ-Ỹ]|các\b|cơ quan\b)")


def _refers_back(presiding: list[str], header: str | None) -> bool:
	"""Whether a point's subject is its header's body named shorter: generic names ("các cơ quan, đơn vị") whose
	every word is in the body a responsibility heading names ("các cơ quan, đơn vị xử lý phản ánh kiến nghị")."""
	written = body_of_responsibility(header)
	if written is None or not all(is_generic_body(name) for name in presiding):
		return False
	header_words = set(fold_same_length(written).lower().replace(",", " ").split())
	words = set(fold_same_length(" ".join(presiding)).lower().replace(",", " ").split()) - {"cac", "nhung"}
	return bool(words) and words <= header_words and len(words) < len(header_words)


# "…, thành phố Đà Nẵng cần tập trung thực hiện tốt một số nhiệm vụ, giải pháp sau đây:", "…, Văn phòng Trung ương
# Đảng và các văn phòng tỉnh uỷ, thành uỷ cụ thể hoá để tổ chức thực hiện, trong đó, cần tập trung …": the body
# written before "cần"/"phải"/"cụ thể hoá" carries the numbered directions that follow (issue 15). A sentence in
# which that body asks, assigns or concludes ("Ban Thường vụ Tỉnh ủy yêu cầu …") names the issuer instead.
_PERFORMER_CUE = re.compile(r"\s(?:cần|phải|cụ thể hoá|cụ thể hóa)\s", re.IGNORECASE)
_ISSUING_VERB = re.compile(
	r"(?<!duoc )\b(?:yeu cau|giao|chi thi|ket luan|de nghi|chi dao)\b"
)  # not "được giao"
_DETERMINER_OPENING = re.compile(r"^(?:các|những)\s+", re.IGNORECASE)
_NAMED_LOCALITY = re.compile(r"(?:tỉnh|thành phố)\s+[A-ZĐÀ-Ỹ]\w*(?:\s+[A-ZĐÀ-Ỹ]\w*){0,3}", re.IGNORECASE)


def body_leading_the_directions(sentence: str) -> str | None:
	"""The body a sentence opening numbered directions names as the one to carry them out, as written."""
	piece = re.split(r"(?<=[.;])\s+", sentence.strip())[-1]
	cue = _PERFORMER_CUE.search(piece)
	if cue is None:
		return None
	before = piece[: cue.start()]
	if _ISSUING_VERB.search(fold_same_length(before).lower()):
		return None
	parts = before.split(", ")
	body = None
	for start in range(len(parts) - 1, -1, -1):
		candidate = ", ".join(parts[start:]).strip()
		names = extract_units(candidate + " thực hiện.")[0]
		opens_with_a_name = bool(names) and _DETERMINER_OPENING.sub("", candidate).startswith(names[0])
		if opens_with_a_name or _NAMED_LOCALITY.fullmatch(candidate):
			body = candidate  # the longest run of names before the cue, not a clause ("để …, Sở X") ending in one
	return body
