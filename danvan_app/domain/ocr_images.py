"""The image files a scan may come as (PNG, JPEG, TIFF): their kind and their size read from the headers
alone, and the bounds on pages and pixels that refuse a hostile or unreasonable file before any decoder runs.
Pure standard library; every refusal is a :class:`DocumentFileError` with a Vietnamese message."""

from __future__ import annotations

import struct
from pathlib import Path

from danvan_app.domain.document_files import DocumentFileError

# Bounds against hostile or simply unreasonable files. A directive is a few pages; 50 is a thick plan.
MAX_PAGES = 50
# 50 megapixels is an A3 page at 300 dpi with room to spare; a 20,000 x 20,000 image (400 MP) is refused
# before any decoder allocates it.
MAX_PIXELS = 50_000_000

IMAGE_EXTENSIONS = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".tif": "tiff", ".tiff": "tiff"}


def image_kind(filename: str) -> str | None:
	suffix = Path((filename or "").split("?", 1)[0]).suffix.lower()
	return IMAGE_EXTENSIONS.get(suffix)


def image_sizes(data: bytes) -> list[tuple[int, int]]:
	"""Width and height of each picture in a PNG, JPEG or TIFF (every page of a TIFF), from the headers only.

	Read before any decoder runs, so a small file that claims 20,000 x 20,000 pixels is refused without being
	inflated.
	"""
	if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24 and data[12:16] == b"IHDR":
		return [struct.unpack(">II", data[16:24])]
	if data.startswith(b"\xff\xd8"):
		return [_jpeg_size(data)]
	if data[:4] in (b"II*\x00", b"MM\x00*"):
		return _tiff_sizes(data)
	raise DocumentFileError("Tệp ảnh bị hỏng hoặc không phải ảnh PNG, JPEG hay TIFF.")


def _jpeg_size(data: bytes) -> tuple[int, int]:
	position = 2
	while position + 4 <= len(data):
		if data[position] != 0xFF:
			break
		marker = data[position + 1]
		if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
			position += 2
			continue
		(length,) = struct.unpack(">H", data[position + 2 : position + 4])
		# SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame's size.
		if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC) and position + 9 <= len(data):
			height, width = struct.unpack(">HH", data[position + 5 : position + 9])
			return width, height
		position += 2 + length
	raise DocumentFileError("Tệp ảnh JPEG bị hỏng, không đọc được kích thước ảnh.")


def _tiff_sizes(data: bytes) -> list[tuple[int, int]]:
	order = "<" if data[:2] == b"II" else ">"
	sizes: list[tuple[int, int]] = []
	try:
		(offset,) = struct.unpack(order + "I", data[4:8])
		seen = set()
		while offset and offset not in seen:
			if len(sizes) > MAX_PAGES:
				raise DocumentFileError(too_many_pages(len(sizes)))
			seen.add(offset)
			(count,) = struct.unpack(order + "H", data[offset : offset + 2])
			width = height = 0
			for index in range(count):
				entry = data[offset + 2 + 12 * index : offset + 14 + 12 * index]
				tag, kind = struct.unpack(order + "HH", entry[:4])
				value = (
					struct.unpack(order + "H", entry[8:10])[0]
					if kind == 3
					else struct.unpack(order + "I", entry[8:12])[0]
				)
				if tag == 256:
					width = value
				elif tag == 257:
					height = value
			sizes.append((width, height))
			(offset,) = struct.unpack(order + "I", data[offset + 2 + 12 * count : offset + 6 + 12 * count])
	except struct.error as error:
		raise DocumentFileError("Tệp ảnh TIFF bị hỏng, không đọc được kích thước ảnh.") from error
	if not sizes or not all(width and height for width, height in sizes):
		raise DocumentFileError("Tệp ảnh TIFF bị hỏng, không đọc được kích thước ảnh.")
	return sizes


def check_image(data: bytes) -> int:
	"""Refuse an image too large to recognise safely; return its number of pages."""
	sizes = image_sizes(data)
	if len(sizes) > MAX_PAGES:
		raise DocumentFileError(too_many_pages(len(sizes)))
	for width, height in sizes:
		if width * height > MAX_PIXELS:
			raise DocumentFileError(
				f"Ảnh quá lớn ({width} × {height} điểm ảnh, {width * height / 1e6:.0f} triệu); giới hạn là"
				f" {MAX_PIXELS // 1_000_000} triệu điểm ảnh một trang. Hãy quét lại ở độ phân giải 300 dpi."
			)
	return len(sizes)


def too_many_pages(pages: int) -> str:
	return (
		f"Bản quét có {pages} trang, quá giới hạn {MAX_PAGES} trang cho một lần đọc. Hãy tách tệp, chỉ giữ"
		" các trang của văn bản chỉ đạo."
	)
