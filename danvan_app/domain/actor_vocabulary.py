"""The words the actor reader knows: what opens a body's name, which commas join one tier of bodies, the
verbs that follow a body, and the openers that put the actor later in a sentence. Data for
``actor_phrases``; pure standard library.
"""

from __future__ import annotations

import re

from danvan_app.domain.vn_text import canonical_word

# Words that open the name of a body (canonical_word spelling, i.e. lowercase with diacritics).
# "*" marks heads that only count when Capitalised and followed by another Capitalised word, because the bare
# lowercase word means something else ("ban hành", "bộ máy", "hội viên").
BODY_HEADS_TEXT = """
ban tuyên giáo và dân vận|ban công tác mặt trận|ban thường vụ|ban chấp hành|ban cán sự đảng|ban dân vận|ban tuyên giáo|ban tổ chức|ban nội chính|ban kinh tế
ban đảng|ban chỉ đạo|ban thi đua|ban quản lý|ban chỉ huy|ban bí thư|ban, ngành|ban ngành|*ban|bộ chính trị|*bộ
bộ, cơ quan ngang bộ|bộ, cơ quan
đảng đoàn|đảng ủy|đảng bộ|cấp ủy|chi bộ|chi ủy|tỉnh ủy|huyện ủy|thị ủy|thành ủy|quận ủy|thường trực|thường vụ
chính quyền|ủy ban|ubnd|ubmttq|mttq|hđnd|hội đồng|mặt trận|đoàn thể|hội quần chúng|*hội
tổ chức chính trị|tổ chức hội|tổ chức đoàn thể|tổ chức thành viên|tổ chức cơ sở đảng|tổ chức đảng
sở, ban, ngành|sở, ban ngành|sở ban ngành|sở, ngành|sở|*phòng|văn phòng|cơ quan|đơn vị|địa phương|ngành|các cấp
công an|bộ chỉ huy|quân đội|lực lượng vũ trang|liên đoàn|tỉnh đoàn|đoàn thanh niên|*trường|*trung tâm|*báo|*đài
chủ tịch|thủ trưởng|người đứng đầu|giám đốc|bí thư|*trưởng ban|*phó trưởng ban|viện kiểm sát|tòa án|thanh tra|kho bạc
bộ trưởng|*chánh|*trung ương|*ngân hàng|*tổng liên đoàn|*cục|*tổng cục|*chi cục|*học viện|*viện|*hội liên hiệp|*vụ
cơ sở giáo dục, đào tạo|cơ quan thông tấn, báo chí|cơ quan thông tin, truyền thông|cơ quan báo chí, truyền thông
cơ sở giáo dục|cơ sở đào tạo|cơ quan thông tấn|cơ quan báo chí|cơ sở khám bệnh, chữa bệnh|cơ sở kcb|cơ sở y tế|bệnh viện
liên hiệp các hội|*tập đoàn|*tổng công ty|*công ty|*hiệp hội|*liên minh
báo và phát thanh, truyền hình|trung tâm y tế|tỉnh|thuế tỉnh|thuế thành phố|bảo hiểm xã hội tỉnh|bảo hiểm xã hội thành phố
bộ, ngành, địa phương|bộ, ngành|bộ, ban, ngành|thành viên|*ủy viên|*phó chủ tịch
"""
# Phrases that contain commas but name one tier of bodies; a comma inside them does not separate two names.
COMMA_PHRASES_TEXT = """
sở, ban, ngành|sở, ban ngành|sở, ngành|ban, ngành|huyện, thị xã, thành phố|huyện, thành phố|huyện, thị, thành
xã, phường, thị trấn|phường, xã, thị trấn|thị xã, thành phố|xã, phường và đặc khu|phường, xã và đặc khu|xã, phường, đặc khu|phường, xã, đặc khu|xã, phường|phường, xã
ban, bộ, ngành|bộ, ban, ngành|tỉnh, thành phố|bộ, ngành|bộ, cơ quan ngang bộ|cơ quan, đơn vị, địa phương|cơ quan, đơn vị|cơ quan, tổ chức
thông tấn, báo chí|giáo dục, đào tạo|ban, ngành, đoàn thể|sở, ban, ngành, đoàn thể|ngành, địa phương
phát thanh, truyền hình|bộ, ngành, địa phương
"""
# Words that follow a body's name when the sentence is "<body> <does something>".
ACTION_WORDS_TEXT = """
chủ trì|phối hợp|tham mưu|tăng cường|lãnh đạo|chỉ đạo|xây dựng|tiếp tục|thường xuyên|phải|căn cứ|có trách nhiệm
chịu trách nhiệm|thực hiện|triển khai|tổ chức|theo dõi|hướng dẫn|kiểm tra|đôn đốc|giám sát|quán triệt|nâng cao
đẩy mạnh|rà soát|bố trí|đảm bảo|bảo đảm|định kỳ|hằng năm|hàng năm|hằng quý|hàng quý|hằng tháng|hàng tháng|cần
nghiên cứu|ban hành|tuyên truyền|vận động|phát động|trực tiếp|chủ động|tích cực|khẩn trương|sớm|kịp thời|quan tâm
được|đăng ký|báo cáo|tập trung|cụ thể hóa|phát huy|đổi mới|yêu cầu|đề nghị|giao|phân công|sơ kết|tổng kết
đánh giá|cử|ưu tiên|tạo điều kiện|giải quyết|nắm|gắn|làm tốt|có|là|sẽ|đã|đang|cùng|phấn đấu|duy trì|thống nhất
dự trù|lựa chọn|chuẩn bị|tiến hành|hỗ trợ|trình|tham gia|thẩm định|cung cấp|tập huấn|biểu dương|khen thưởng
xem xét|xử lý|kiện toàn|củng cố|chấp hành|thành lập|lồng ghép|rèn luyện|nhân rộng|khắc phục|quản lý|điều chỉnh
trên cơ sở|giúp|bổ sung|hoàn thiện|đề xuất|vận hành|lắp đặt|huy động|kiểm soát|công bố|tích hợp|kết nối|lập|chịu
gửi|đưa|tổng hợp|tiếp nhận|thông báo|công khai|tiếp xúc|đối thoại|trả lời|phổ biến|mời|lấy ý kiến|cập nhật|bám sát
xét duyệt|quyết định|họp|nghiêm túc|trao đổi|làm việc|điều hành|thường kỳ
"""
# "tổ chức" is a verb ("tổ chức sơ kết") unless it begins a body's name ("tổ chức chính trị - xã hội").
TO_CHUC_BODY_NEXT_WORDS = {"chính", "hội", "đoàn", "đảng", "thành", "cơ"}
DETERMINERS = {
	"các",
	"những",
	"mỗi",
	"từng",
	"toàn",
	"tất",
	# office holders addressed as persons (issue 15): "Các ông bà Phó Chủ tịch MTTQ xã có trách nhiệm …"
	"ông",
	"bà",
}  # "toàn thể", "tất cả" handled with their 2nd word
DETERMINER_SECOND_WORDS = {"toàn": "thể", "tất": "cả"}
# Sentence openers that put the actor later: "Giao Ban Dân vận …", "Hằng năm, …, cấp ủy tổ chức …".
# "Họp Ban Chỉ đạo định kỳ: 06 tháng một lần": a meeting written without its verb's subject is held by the body
# named after "Họp" (issue 15, a steering committee's working regulation).
LEAD_INS = (("giao", "cho"), ("giao",), ("đề", "nghị"), ("yêu", "cầu"), ("họp",))
ADVERBIAL_OPENERS = (
	("hằng",),
	("hàng",),
	("định", "kỳ"),
	("đồng", "thời"),
	("trước",),
	("chậm", "nhất"),
	("vào",),
	("trong",),
	("tùy",),
	("tuỳ",),
	("căn", "cứ"),
	("theo",),
	("trên", "cơ", "sở"),
	("để",),
	("khi",),
	("sau", "khi"),
	("sau",),  # "Sau hội nghị hiệp thương lần thứ hai, trên cơ sở …, Ban Thường trực … ban hành …" (issue 15)
	("kết", "thúc"),  # "Kết thúc cuộc bầu cử, Ban Thường trực … tổ chức họp bình xét …" (issue 15)
	("từ",),
	("ngoài", "ra"),
	("bên", "cạnh", "đó"),
	("mặt", "khác"),
	# a time before the actor: "Tháng 11 hằng năm, Trung tâm có văn bản báo cáo …", "Quý IV hằng năm, …" (issue 15)
	("tháng",),
	("quý",),
	("ngày",),
)


def phrase_table(text: str) -> dict[str, list[tuple[tuple[str, ...], bool]]]:
	"""First word → [(all words, needs capitals)], longest first, from the ``|``-separated lists above."""
	table: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
	for entry in re.split(r"[|\n]", text):
		entry = entry.strip()
		if not entry:
			continue
		needs_capitals = entry.startswith("*")
		words = tuple(TOKEN.findall(canonical_word(entry.lstrip("*"))))
		table.setdefault(words[0], []).append((words, needs_capitals))
	for entries in table.values():
		entries.sort(key=lambda item: -len(item[0]))
	return table


# Words, or single punctuation marks. Hyphen/slash-joined codes ("16-CT/TU", "Đ/c") stay one token.
TOKEN = re.compile(r"\w+(?:[-/.]\w+)*|[^\w\s]")
BODY_HEADS = phrase_table(BODY_HEADS_TEXT)
COMMA_PHRASES = phrase_table(COMMA_PHRASES_TEXT)
ACTION_WORDS = phrase_table(ACTION_WORDS_TEXT)
