"""The words that name a document's type in its heading."""

from __future__ import annotations

import re

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
