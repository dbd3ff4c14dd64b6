"""The respelling of words Tesseract doubted (``ocr_doubtful``): a low-confidence word takes other marks on
the same letters only where a set phrase or the text's own trusted phrases show them."""

from __future__ import annotations

from danvan_app.domain.ocr import Word
from danvan_app.domain.ocr_cleanup import clean_ocr_pages
from danvan_app.domain.ocr_doubtful import DOUBTFUL, locate_words, respell_doubtful

SURE = 96.0
UNSURE = 70.0


def _read(text: str, doubted: str = "", confidence: float = UNSURE) -> list[Word]:
	"""Tesseract's words for ``text``: each sure, but the last one that reads ``doubted``."""
	words = text.split()
	last = max((number for number, word in enumerate(words) if word.strip(".,") == doubted), default=None)
	assert doubted == "" or last is not None, doubted
	return [Word(word, confidence if number == last else SURE, 1) for number, word in enumerate(words)]


def _respell(text: str, doubted: str, confidence: float = UNSURE) -> str:
	return respell_doubtful(text, _read(text, doubted, confidence))


def test_a_doubtful_word_takes_the_marks_of_a_set_phrase():
	text = "Văn phòng tống hợp kết quả, báo cáo."
	assert _respell(text, "tống") == "Văn phòng tổng hợp kết quả, báo cáo."
	assert _respell("Sở Tài chính thấm định hồ sơ.", "thấm") == "Sở Tài chính thẩm định hồ sơ."
	# In capitals, and across a title's line end.
	assert _respell("PHỐI HỢP THẦM\nĐỊNH", "THẦM") == "PHỐI HỢP THẨM\nĐỊNH"


def test_a_sure_word_stays_as_read():
	text = "Văn phòng tống hợp kết quả, báo cáo."
	assert _respell(text, "tống", DOUBTFUL) == text
	assert respell_doubtful(text, _read(text)) == text


def test_a_doubtful_word_that_makes_a_set_phrase_as_read_stays():
	# "chi phí" is a set phrase; the text's sure "chỉ phí" (a misread Tesseract makes at 96) is no evidence.
	text = "Rà soát chỉ phí, chỉ phí và chi phí khám bệnh."
	assert _respell(text, "chi") == text


def test_the_word_as_read_in_a_phrase_of_its_own_stays():
	# "nắm vững" is a set phrase, but "Việt Nam" is written elsewhere: "Nam vững mạnh" is not misread.
	text = "Mặt trận Tổ quốc Việt Nam vững mạnh. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh."
	assert _respell(text, "Nam") == text
	alone = "Cán bộ năm vững tình hình."
	assert _respell(alone, "năm") == "Cán bộ nắm vững tình hình."


def test_the_text_itself_is_evidence_when_it_writes_the_other_phrase_twice():
	written_twice = "Công tác giảm nghèo. Mục tiêu giảm nghèo bền vững. Chương trình giảm nghẻo bền vững."
	assert _respell(written_twice, "nghẻo") == (
		"Công tác giảm nghèo. Mục tiêu giảm nghèo bền vững. Chương trình giảm nghèo bền vững."
	)
	written_once = "Kết quả giảm nghèo. Chương trình giảm nghẻo bền vững."
	assert _respell(written_once, "nghẻo") == written_once


def test_the_other_spelling_must_make_a_written_phrase_with_the_other_neighbour_too():
	# "Luật Đầu tư" is written twice, but "Đầu thầu" nowhere: "Luật Đấu thầu" is read right.
	text = "Luật Đầu tư. Luật Đầu tư năm 2020. Luật Đấu thầu năm 2023."
	assert _respell(text, "Đấu") == text
	# With no neighbour on that side the left one's phrase is the evidence.
	assert _respell("Luật Đầu tư. Luật Đầu tư năm 2020. Theo Luật Đấu.", "Đấu") == (
		"Luật Đầu tư. Luật Đầu tư năm 2020. Theo Luật Đầu."
	)


def test_a_word_the_text_writes_elsewhere_is_not_respelled_on_its_evidence():
	# "hình thức" is written twice, but "thực" is a word the text uses ("Thực hiện"): "tình hình thực tế".
	text = "Thực hiện tuyên truyền. Hình thức tuyên truyền, hình thức thi đua. Nắm tình hình thực tế."
	assert _respell(text, "thực") == text


def test_the_same_word_with_its_mark_placed_by_the_other_rule_is_no_misread():
	text = "Ủy ban nhân dân xã. Ủy ban kiểm tra. Ủy ban bầu cử. Uỷ ban Mặt trận."
	assert _respell(text, "Uỷ") == text
	# Nor is one of two correct spellings for the other ("hằng ngày", "hàng ngày").
	variants = "Báo cáo hàng ngày. Cập nhật hàng ngày. Theo dõi hằng ngày."
	assert _respell(variants, "hằng") == variants


def test_words_are_located_as_whole_words_in_order():
	text = "Chính quyền chi trả chế độ.\n"
	words = [Word("Chính", SURE, 1), Word("quyền", SURE, 1), Word("chi", UNSURE, 1), Word("trả", SURE, 1)]
	assert locate_words(text, words)[2] == (12, 15, "chi", UNSURE)
	# A running header the clean-up removed is skipped; the words after it are still found.
	header = [Word("ỦY", SURE, 2), Word("BAN", SURE, 2), Word("NHÂN", SURE, 2), Word("DÂN", SURE, 2)]
	assert [found[2] for found in locate_words(text, words[:2] + header + words[2:])] == [
		"Chính",
		"quyền",
		"chi",
		"trả",
	]


def test_the_clean_up_respells_with_the_words_it_is_given():
	pages = ["Văn phòng tống hợp kết quả."]
	words = _read(pages[0], "tống")
	assert clean_ocr_pages(pages, words) == "Văn phòng tổng hợp kết quả.\n"
	assert clean_ocr_pages(pages) == "Văn phòng tống hợp kết quả.\n"
