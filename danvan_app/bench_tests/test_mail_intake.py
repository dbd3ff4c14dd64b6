"""Directives by e-mail, through Frappe's real inbound path: a MIME message built with Python's email package
goes through ``frappe.email.receive.InboundMail(...).process()`` for an Email Account with a receiving unit,
and becomes at most one draft directive of that unit, which the importer then fills in."""

from email.message import EmailMessage
from email.utils import make_msgid

import frappe
from frappe.email.receive import InboundMail
from frappe.tests.utils import FrappeTestCase

from danvan_app.api.directives import confirm_directive_import, preview_directive_text
from danvan_app.api.test_directives import DIRECTIVE_TEXT, directive_as_docx, text_pdf
from danvan_app.bench_tests.factories import make_directive, make_tree, make_unit, make_user
from danvan_app.domain import access
from danvan_app.exceptions import DirectiveImportError
from danvan_app.mail_intake import RECEIVING_FIELD

MAILBOX = "vanthu.xa11@mail.dv.test"


def message(
	*attachments, subject="Chỉ thị 21-CT/TU về công tác dân vận chính quyền", message_id=None
) -> bytes:
	mail = EmailMessage()
	mail["From"] = "Văn phòng Tỉnh ủy <vanphong@tinhuy.dv.test>"
	mail["To"] = MAILBOX
	mail["Subject"] = subject
	mail["Message-ID"] = message_id or make_msgid(domain="tinhuy.dv.test")
	mail["Date"] = "Sun, 29 Nov 2026 08:00:00 +0700"
	mail.set_content("Kính gửi Đảng ủy xã,\nVăn phòng Tỉnh ủy gửi Chỉ thị đính kèm.\n")
	for name, content, maintype, subtype in attachments:
		mail.add_attachment(content, maintype=maintype, subtype=subtype, filename=name)
	return mail.as_bytes()


def pdf(name="Chi thi 21-CT-TU.pdf"):
	return (name, text_pdf(DIRECTIVE_TEXT), "application", "pdf")


def docx(name="Chi thi 21.docx"):
	return (
		name,
		directive_as_docx(DIRECTIVE_TEXT),
		"application",
		"vnd.openxmlformats-officedocument.wordprocessingml.document",
	)


class TestMailIntake(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.units = make_tree()
		cls.units.mass = make_unit("Ban Dân vận Tỉnh ủy", cls.units.province, abbreviation="BDVTU").name
		cls.units.office = make_unit("Văn phòng Tỉnh ủy Thử Nghiệm", cls.units.province).name
		cls.units.standing = make_unit("Ban Thường vụ Tỉnh ủy", cls.units.province).name
		cls.manager = make_user("quanly.xa11@mail.dv.test", access.MANAGER, [cls.units.commune11])
		cls.officer = make_user("canbo.xa11@mail.dv.test", access.OFFICER, [cls.units.commune11])
		cls.sibling = make_user("quanly.xa12@mail.dv.test", access.MANAGER, [cls.units.commune12])
		cls.account = frappe.get_doc(
			{
				"doctype": "Email Account",
				"email_account_name": "Văn thư xã 1.1",
				"email_id": MAILBOX,
				"enable_incoming": 1,
				"use_imap": 0,
				"email_server": "pop.mail.dv.test",
				"password": "x",
				RECEIVING_FIELD: cls.units.commune11,
			}
		).insert(ignore_permissions=True)

	def tearDown(self):
		frappe.set_user("Administrator")

	def receive(self, raw: bytes, uid=1):
		return InboundMail(raw, self.account, uid=uid, seen_status=0).process()

	def drafts(self):
		return frappe.get_all(
			"DV Directive",
			filters={"awaiting_import": 1, "receiving_unit": self.units.commune11},
			pluck="name",
		)

	def test_the_app_field_is_on_email_account(self):
		field = frappe.get_meta("Email Account").get_field(RECEIVING_FIELD)
		self.assertEqual((field.fieldtype, field.options), ("Link", "DV Unit"))
		self.assertEqual(field.label, "Đơn vị nhận văn bản (Dân vận)")

	def test_a_message_with_a_directive_becomes_one_private_draft_of_the_receiving_unit(self):
		before = frappe.db.count("DV Directive")
		raw = message(pdf(), docx(), ("chu ky.gif", b"GIF89a", "image", "gif"))
		communication = self.receive(raw, uid=11)
		self.receive(raw, uid=12)  # pulled again: Frappe finds the message, nothing new
		self.assertEqual(frappe.db.count("DV Directive"), before + 1)
		name = frappe.db.get_value("DV Directive", {"email_message_id": communication.message_id})
		draft = frappe.get_doc("DV Directive", name)
		self.assertEqual(draft.awaiting_import, 1)
		self.assertEqual(draft.receiving_unit, self.units.commune11)
		self.assertFalse(draft.issuing_unit)
		self.assertFalse(draft.directive_number)
		self.assertEqual(draft.title, "Chỉ thị 21-CT/TU về công tác dân vận chính quyền")
		self.assertIn("vanphong@tinhuy.dv.test", draft.email_sender)
		files = frappe.get_all(
			"File",
			filters={"attached_to_doctype": "DV Directive", "attached_to_name": name},
			fields=["file_name", "is_private", "file_url"],
			order_by="creation asc",
		)
		self.assertEqual([f.file_name for f in files], ["Chi thi 21-CT-TU.pdf", "Chi thi 21.docx"])
		self.assertTrue(all(f.is_private for f in files))
		self.assertEqual(draft.attachment, files[0].file_url)
		# The signature picture stays on the mail; the draft says it was left out.
		notes = frappe.get_all(
			"Comment", filters={"reference_doctype": "DV Directive", "reference_name": name}, pluck="content"
		)
		self.assertTrue(any("chu ky.gif" in note for note in notes))
		# The mail is on the draft's timeline.
		self.assertEqual(
			frappe.db.get_value("Communication", communication.name, ["reference_doctype", "reference_name"]),
			("DV Directive", name),
		)
		# Its unit's users see it; a sibling commune sees neither the draft nor its files.
		frappe.set_user(self.officer)
		self.assertIn(name, frappe.get_list("DV Directive", pluck="name"))
		self.assertTrue(frappe.has_permission("DV Directive", "read", doc=name))
		frappe.set_user(self.sibling)
		self.assertNotIn(name, frappe.get_list("DV Directive", pluck="name"))
		self.assertFalse(frappe.has_permission("DV Directive", "read", doc=name))
		self.assertFalse(
			frappe.get_list("File", filters={"attached_to_name": name, "attached_to_doctype": "DV Directive"})
		)
		self.assertFalse(frappe.get_list("Communication", filters={"name": communication.name}))

	def test_the_same_message_through_a_second_mailbox_still_makes_one_draft(self):
		message_id = make_msgid(domain="tinhuy.dv.test")
		self.receive(message(docx(), message_id=message_id), uid=21)
		communication = frappe.get_doc("Communication", {"message_id": message_id.strip("<>")})
		before = frappe.db.count("DV Directive")
		# Frappe itself keeps one Communication per Message-ID; the hook also keys the draft on it.
		communication.flags.in_receive = True
		communication._attachments = []
		communication.save(ignore_permissions=True)
		self.assertEqual(frappe.db.count("DV Directive"), before)

	def test_a_message_without_a_usable_attachment_creates_nothing(self):
		before = (
			frappe.db.count("DV Directive"),
			frappe.db.count("File", {"attached_to_doctype": "DV Directive"}),
		)
		plain = self.receive(message(subject="Giấy mời họp"), uid=31)
		exe = self.receive(message(("setup.exe", b"MZ\x90\x00", "application", "octet-stream")), uid=32)
		self.assertEqual(
			(
				frappe.db.count("DV Directive"),
				frappe.db.count("File", {"attached_to_doctype": "DV Directive"}),
			),
			before,
		)
		note = frappe.get_all(
			"Comment",
			filters={"reference_doctype": "Communication", "reference_name": exe.name},
			pluck="content",
		)
		self.assertTrue(note and "không tạo văn bản chỉ đạo" in note[0] and "setup.exe" in note[0])
		self.assertFalse(frappe.db.get_value("Communication", plain.name, "reference_doctype"))

	def test_a_mailbox_without_a_receiving_unit_is_left_to_frappe(self):
		other = frappe.get_doc(
			{
				"doctype": "Email Account",
				"email_account_name": "Hộp thư chung",
				"email_id": "chung@mail.dv.test",
				"enable_incoming": 1,
				"use_imap": 0,
				"email_server": "pop.mail.dv.test",
				"password": "x",
			}
		).insert(ignore_permissions=True)
		before = frappe.db.count("DV Directive")
		InboundMail(message(pdf()), other, uid=41).process()
		self.assertEqual(frappe.db.count("DV Directive"), before)

	def test_the_importer_reads_the_drafts_attachment_and_confirm_fills_the_draft(self):
		communication = self.receive(message(docx("Chi thi 22.docx"), subject="CT 22"), uid=51)
		name = frappe.db.get_value("DV Directive", {"email_message_id": communication.message_id})
		file_url = frappe.db.get_value("DV Directive", name, "attachment")
		frappe.set_user(self.manager)
		text = DIRECTIVE_TEXT.replace("21-CT/TU", "22-CT/TU")
		preview = preview_directive_text(text=text)  # same content as the attachment, by number 22
		preview_file = preview_directive_text(file_url=file_url)
		self.assertEqual(preview_file["document"]["number"], "21-CT/TU")
		tasks_before = frappe.db.count("DV Task")
		document = preview["document"]
		result = confirm_directive_import(
			{
				"directive": {
					"directive_number": document["number"],
					"doc_type": document["doc_type"],
					"issue_date": document["issue_date"],
					"issuer_name": document["issuer"],
					"title": document["title"],
				},
				"from_draft": name,
				"use_directive": name,
				"tasks": [
					{**task["fields"], "presiding_unit": self.units.commune11} for task in preview["tasks"]
				],
			}
		)
		self.assertEqual((result["directive"], result["directive_created"]), (name, True))
		doc = frappe.get_doc("DV Directive", name)
		self.assertEqual(
			(doc.directive_number, str(doc.issue_date), doc.awaiting_import), ("22-CT/TU", "2024-03-15", 0)
		)
		self.assertEqual(doc.receiving_unit, self.units.commune11)
		self.assertEqual(frappe.db.count("DV Task"), tasks_before + len(preview["tasks"]))
		# Confirmed once: the draft is no longer waiting, a second confirmation is refused.
		with self.assertRaises(frappe.ValidationError) as refused:
			confirm_directive_import({"directive": {}, "from_draft": name, "tasks": []})
		self.assertIn("không còn chờ nhập từ thư", str(refused.exception))

	def test_confirming_a_draft_of_a_directive_already_filed_moves_its_files_there(self):
		filed = make_directive("23-CT/TU", issuer_name="Tỉnh ủy Thử Nghiệm", receiving_unit=None)
		# The commune reads the province's directive through a task it was given.
		frappe.get_doc(
			{
				"doctype": "DV Task",
				"title": "Việc cũ",
				"presiding_unit": self.units.commune11,
				"directive": filed.name,
			}
		).insert()
		communication = self.receive(message(pdf("CT23.pdf"), subject="Chỉ thị 23"), uid=61)
		name = frappe.db.get_value("DV Directive", {"email_message_id": communication.message_id})
		frappe.set_user(self.manager)
		result = confirm_directive_import(
			{
				"directive": {
					"directive_number": "23-CT/TU",
					"issue_date": "2021-08-02",
					"issuer_name": "Tỉnh ủy Thử Nghiệm",
					"title": "Chỉ thị 23",
				},
				"from_draft": name,
				"tasks": [],
			}
		)
		frappe.set_user("Administrator")
		self.assertEqual((result["directive"], result["directive_created"]), (filed.name, False))
		self.assertFalse(frappe.db.exists("DV Directive", name))
		self.assertEqual(
			frappe.get_all(
				"File",
				filters={"attached_to_doctype": "DV Directive", "attached_to_name": filed.name},
				pluck="file_name",
			),
			["CT23.pdf"],
		)

	def test_a_bad_attachment_is_refused_in_vietnamese_by_the_importer(self):
		communication = self.receive(
			message(("hong.pdf", b"%PDF-1.4 not really", "application", "pdf")), uid=71
		)
		name = frappe.db.get_value("DV Directive", {"email_message_id": communication.message_id})
		file_url = frappe.db.get_value("DV Directive", name, "attachment")
		frappe.set_user(self.officer)
		with self.assertRaises(DirectiveImportError) as refused:
			preview_directive_text(file_url=file_url)
		self.assertIn("Không đọc được tệp hong.pdf", str(refused.exception))
		# An officer reads the draft but filing it is a manager's (DV Directive write), said in Vietnamese.
		with self.assertRaises(frappe.PermissionError) as denied:
			confirm_directive_import({"directive": {}, "from_draft": name, "tasks": []})
		self.assertIn("không được xác nhận văn bản nhận qua thư", str(denied.exception))
		# A sibling commune that learnt the file's address is refused too.
		frappe.set_user(self.sibling)
		with self.assertRaises((frappe.PermissionError, DirectiveImportError)) as other:
			preview_directive_text(file_url=file_url)
		self.assertIn("tệp", str(other.exception))

	def test_a_scan_received_by_mail_shows_each_clause_beside_its_page(self):
		from danvan_app.api.directives import scan_page_image
		from danvan_app.bench_tests import scans

		if not scans.have("tesseract", "pdftoppm", "pdfinfo", "soffice"):
			self.skipTest(
				"tesseract-ocr, tesseract-ocr-vie, poppler-utils, libreoffice-writer-nogui not installed"
			)
		lines = DIRECTIVE_TEXT.splitlines()
		first = scans.convert(scans.directive_docx(lines[:10]), ".docx", "pdf")
		second = scans.convert(scans.directive_docx(lines[10:]), ".docx", "pdf")
		pages = [scans.dirty(scans.page_images(pdf)[0], blot=False) for pdf in (first, second)]
		raw = message(
			("ban-quet-21.pdf", scans.image_pdf(pages), "application", "pdf"), subject="Bản quét CT 21"
		)
		communication = self.receive(raw, uid=81)
		name = frappe.db.get_value("DV Directive", {"email_message_id": communication.message_id})
		file_url = frappe.db.get_value("DV Directive", name, "attachment")
		frappe.set_user(self.manager)
		preview = preview_directive_text(file_url=file_url)
		self.assertEqual(preview["recognition"]["pages"], 2)
		# Items 1 and 2 are typeset on the first page, item 3 on the second.
		self.assertEqual([task["page"] for task in preview["tasks"]], [1, 1, 2])
		image = scan_page_image(file_url, 2)["image"]
		self.assertTrue(image.startswith("data:image/png;base64,"))
		with self.assertRaises(DirectiveImportError) as refused:
			scan_page_image(file_url, 3)
		self.assertIn("không có trang 3", str(refused.exception))
		frappe.set_user(self.sibling)
		with self.assertRaises((frappe.PermissionError, DirectiveImportError)):
			scan_page_image(file_url, 1)

	def test_a_draft_received_by_mail_is_not_put_in_force_before_it_is_read(self):
		from frappe.model.workflow import apply_workflow

		communication = self.receive(message(pdf("CT91.pdf"), subject="CT 91"), uid=91)
		name = frappe.db.get_value("DV Directive", {"email_message_id": communication.message_id})
		with self.assertRaises(frappe.ValidationError) as refused:
			apply_workflow(frappe.get_doc("DV Directive", name), "Ban hành")
		self.assertIn("Nhập từ văn bản", str(refused.exception))
		self.assertEqual(frappe.db.get_value("DV Directive", name, "status"), "Dự thảo")
