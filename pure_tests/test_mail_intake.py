from datetime import date

from danvan_app.domain.mail_intake import Attachment, provisional_title, refusal_note, sort_attachments


def test_only_what_the_importer_reads_is_kept_with_the_reason_for_the_rest():
	result = sort_attachments(
		[
			Attachment("Chi thi 16.pdf", 120_000),
			Attachment("logo.gif", 2_000),
			Attachment("ke hoach.DOCX", 40_000),
			Attachment("virus.exe", 10_000),
			Attachment("scan.tif", 11 * 1024 * 1024),
			Attachment("anh chup.JPG", 900_000),
			Attachment("cu.doc", 30_000),
			Attachment("moi.odt", 30_000),
			Attachment("ghi chu.txt", 300),
		]
	)
	assert [a.name for a in result.usable] == [
		"Chi thi 16.pdf",
		"ke hoach.DOCX",
		"anh chup.JPG",
		"cu.doc",
		"moi.odt",
		"ghi chu.txt",
	]
	refused = dict(result.refused)
	assert set(refused) == {"logo.gif", "virus.exe", "scan.tif"}
	assert "“.exe”" in refused["virus.exe"] and "chỉ nhận tệp" in refused["virus.exe"]
	assert "quá lớn" in refused["scan.tif"]
	assert refusal_note(result.refused).splitlines()[0].startswith("- logo.gif: ")


def test_a_message_without_a_readable_attachment_has_nothing_usable():
	assert sort_attachments([]).usable == []
	assert sort_attachments([Attachment("image001.png.exe", 10)]).usable == []


def test_at_most_ten_files_from_one_message():
	result = sort_attachments([Attachment(f"{n}.pdf", 10) for n in range(12)])
	assert len(result.usable) == 10
	assert [name for name, _ in result.refused] == ["10.pdf", "11.pdf"]


def test_the_provisional_title_is_the_subject_without_reply_prefixes_or_the_day_it_came():
	assert provisional_title("Fwd: TL: Chỉ thị 16-CT/TU về  công tác dân vận", date(2026, 11, 29)) == (
		"Chỉ thị 16-CT/TU về công tác dân vận"
	)
	assert provisional_title("  ", date(2026, 11, 29)) == "Văn bản nhận qua thư ngày 29/11/2026"
	assert provisional_title(None, date(2026, 1, 2)) == "Văn bản nhận qua thư ngày 02/01/2026"
	assert len(provisional_title("Kế hoạch " * 40, date(2026, 1, 2))) <= 140
