"""Benchmark: parse time of a ~25 KB directive (not a test; prints median and p95).

	python scripts/bench_directive_text.py [--runs 200] [--size 25000]

The directive is synthetic but shaped like the real ones in shared/source-documents: a formal heading, a
preamble citing other documents, numbered tasks with follow-on paragraphs and deadlines, and an implementation
part addressed to bodies. Variation per item keeps caches from seeing the same sentence twice.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from danvan_app.domain.directive_text import parse_directive_text

HEADER = """TỈNH ỦY LÀO CAI
Số 16-CT/TU
Lào Cai, ngày 02 tháng 8 năm 2021

CHỈ THỊ
của Ban Thường vụ Tỉnh ủy
về nâng cao chất lượng, hiệu quả công tác dân vận trên địa bàn tỉnh

Trên cơ sở đánh giá kết quả, hạn chế, bài học kinh nghiệm trong thực hiện công tác dân vận của tỉnh những năm \
qua, thực hiện Quyết định số 290-QĐ/TW, ngày 25/02/2010 của Bộ Chính trị và Chỉ thị số 16/CT-TTg, ngày \
16/5/2016 của Thủ tướng Chính phủ, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, chính quyền thực hiện tốt các \
nhiệm vụ sau:

I. NHIỆM VỤ, GIẢI PHÁP
"""
TASK_OPENINGS = [
	"Tiếp tục tăng cường sự lãnh đạo, chỉ đạo trực tiếp và thường xuyên của các cấp ủy, chính quyền đối với",
	"Tập trung đẩy mạnh công tác dân vận của các cơ quan nhà nước, chính quyền các cấp trong lĩnh vực",
	"Đổi mới nội dung và phương thức hoạt động của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội về",
	"Nâng cao chất lượng, hiệu quả việc xây dựng và thực hiện quy chế dân chủ ở cơ sở gắn với",
	"Củng cố tổ chức, bộ máy, kiện toàn đội ngũ cán bộ làm công tác dân vận các cấp phục vụ",
]
TOPICS = [
	"xây dựng nông thôn mới",
	"cải cách hành chính",
	"giảm nghèo bền vững",
	"bảo vệ môi trường",
	"chuyển đổi số",
	"phát triển du lịch cộng đồng",
	"giải phóng mặt bằng",
	"an ninh trật tự ở cơ sở",
]
ACTORS = [
	"Các cấp ủy, chính quyền, Mặt trận Tổ quốc, các tổ chức chính trị - xã hội",
	"Ủy ban nhân dân các huyện, thị xã, thành phố",
	"Các sở, ban, ngành và tương đương",
	"Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy",
]
DEADLINES = [
	"xong trong tháng {month}/2024",
	"trong quý {roman}/2025",
	"trước ngày 30/{month}/2024",
	"hằng năm",
	"tháng 12 hằng năm",
	"định kỳ 6 tháng",
	"từ năm 2025",
	"",
]
ROMANS = ["I", "II", "III", "IV"]
BODIES = [
	"Đảng đoàn Hội đồng nhân dân tỉnh",
	"Ban cán sự đảng Ủy ban nhân dân tỉnh",
	"Mặt trận Tổ quốc Việt Nam tỉnh, các tổ chức chính trị - xã hội tỉnh",
	"Các huyện ủy, thị ủy, thành ủy, các đảng bộ trực thuộc Tỉnh ủy",
	"Ban Tuyên giáo Tỉnh ủy",
	"Sở Nội vụ",
]


def _task(number: int) -> str:
	topic = TOPICS[number % len(TOPICS)]
	deadline = DEADLINES[number % len(DEADLINES)].format(month=1 + number % 12, roman=ROMANS[number % 4])
	actor = ACTORS[number % len(ACTORS)]
	return (
		f"{number}. {TASK_OPENINGS[number % len(TASK_OPENINGS)]} {topic} (nội dung {number}). "
		f"{actor} xây dựng kế hoạch triển khai thực hiện {deadline}, gắn với nhiệm vụ chính trị của cơ quan, "
		f"đơn vị, địa phương; thực hiện Kế hoạch số {100 + number}-KH/TU ngày 15/3/2021 của Tỉnh ủy.\n"
		f"Tăng cường nắm tình hình Nhân dân về {topic}, lắng nghe tâm tư, nguyện vọng của Nhân dân; kịp thời "
		"phản ánh các kiến nghị, không để hình thành các điểm nóng về an ninh, trật tự xã hội.\n"
	)


def _bullet(number: int) -> str:
	body = BODIES[number % len(BODIES)]
	deadline = DEADLINES[(number + 3) % len(DEADLINES)].format(
		month=1 + number % 12, roman=ROMANS[number % 4]
	)
	return (
		f"- {body} căn cứ chức năng, nhiệm vụ xây dựng kế hoạch triển khai thực hiện Chỉ thị phù hợp với tình "
		f"hình thực tế (mục {number}); báo cáo kết quả {deadline} về Ban Thường vụ Tỉnh ủy.\n"
	)


def build_directive(size: int = 25_000) -> str:
	"""A directive of about ``size`` UTF-8 bytes: 3/4 tasks, 1/4 implementation bullets."""
	tasks, bullets = [], []
	number = 1
	while len("".join(tasks).encode("utf-8")) < size * 0.72:
		tasks.append(_task(number))
		number += 1
	number = 1
	while len(("".join(tasks) + "".join(bullets)).encode("utf-8")) < size - 1_400:
		bullets.append(_bullet(number))
		number += 1
	closing = "\nChỉ thị này được phổ biến đến chi bộ./.\n\nNơi nhận:\n- Như trên,\nT/M BAN THƯỜNG VỤ\n"
	return HEADER + "".join(tasks) + "\nII. TỔ CHỨC THỰC HIỆN\n" + "".join(bullets) + closing


def main() -> None:
	parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	parser.add_argument("--runs", type=int, default=200)
	parser.add_argument("--size", type=int, default=25_000)
	args = parser.parse_args()
	text = build_directive(args.size)
	result = parse_directive_text(text)  # warm-up (regex compilation, caches)
	timings = []
	for _ in range(args.runs):
		started = time.perf_counter()
		parse_directive_text(text)
		timings.append((time.perf_counter() - started) * 1000)
	timings.sort()
	p95 = statistics.quantiles(timings, n=20)[-1]  # 95th percentile
	print(
		f"directive: {len(text.encode('utf-8')):,} bytes, {len(result.tasks)} tasks, "
		f"{len(result.references)} references; {args.runs} runs"
	)
	print(f"median {statistics.median(timings):.2f} ms, p95 {p95:.2f} ms, min {timings[0]:.2f} ms")


if __name__ == "__main__":
	main()
