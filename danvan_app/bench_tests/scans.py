"""Scans made at test time, the way a văn thư's scanner makes them: a directive typeset by LibreOffice,
rasterised at 300 dpi by poppler, dirtied (specks, a stamp-like blot) and wrapped into an image-only PDF or
a PNG. Nothing binary is committed; no Frappe and no Pillow are needed (the pure tier uses this too).
"""

from __future__ import annotations

import random
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path


def have(*tools: str) -> bool:
	return all(shutil.which(tool) for tool in tools)


def directive_docx(lines: list[str], heading: tuple[list[str], list[str]] | None = None) -> bytes:
	"""A .docx in Times New Roman 13 pt; ``heading`` is the two-column block (issuer | Quốc hiệu) as a table."""
	import io

	from docx import Document
	from docx.shared import Pt

	document = Document()
	style = document.styles["Normal"]
	style.font.name = "Times New Roman"
	style.font.size = Pt(13)
	if heading:
		left, right = heading
		table = document.add_table(rows=max(len(left), len(right)), cols=2)
		for row, (a, b) in enumerate(zip(left + [""] * 9, right + [""] * 9, strict=False)):
			if row >= len(table.rows):
				break
			table.cell(row, 0).text, table.cell(row, 1).text = a, b
	for line in lines:
		document.add_paragraph(line)
	buffer = io.BytesIO()
	document.save(buffer)
	return buffer.getvalue()


def convert(data: bytes, suffix: str, target: str, timeout: int = 120) -> bytes:
	"""LibreOffice headless conversion (``target`` "pdf", "doc", "odt") in a throw-away profile."""
	with tempfile.TemporaryDirectory() as directory:
		folder = Path(directory)
		source = folder / f"in{suffix}"
		source.write_bytes(data)
		subprocess.run(
			[
				"soffice",
				"--headless",
				"--norestore",
				f"-env:UserInstallation={(folder / 'profile').as_uri()}",
				"--convert-to",
				target,
				"--outdir",
				str(folder / "out"),
				str(source),
			],
			check=True,
			capture_output=True,
			timeout=timeout,
		)
		return next((folder / "out").iterdir()).read_bytes()


def page_images(pdf: bytes, dpi: int = 300) -> list[bytes]:
	"""Each page as a binary greyscale PGM."""
	with tempfile.TemporaryDirectory() as directory:
		folder = Path(directory)
		(folder / "in.pdf").write_bytes(pdf)
		subprocess.run(
			["pdftoppm", "-r", str(dpi), "-gray", str(folder / "in.pdf"), str(folder / "p")],
			check=True,
			timeout=120,
		)
		return [path.read_bytes() for path in sorted(folder.glob("p-*.pgm"))]


def read_pgm(pgm: bytes) -> tuple[int, int, bytearray]:
	parts = pgm.split(maxsplit=4)
	width, height = int(parts[1]), int(parts[2])
	return width, height, bytearray(parts[4][: width * height])


def write_pgm(width: int, height: int, pixels: bytes) -> bytes:
	return b"P5\n%d %d\n255\n" % (width, height) + bytes(pixels)


def dirty(pgm: bytes, seed: int = 17, specks: int = 600, blot: bool = True) -> bytes:
	"""Scanner dirt: dark specks over the page and a round grey blot in the lower right (a stamp's trace)."""
	width, height, pixels = read_pgm(pgm)
	rng = random.Random(seed)
	for _ in range(specks):
		x, y = rng.randrange(width - 2), rng.randrange(height - 2)
		for dx, dy in ((0, 0), (1, 0), (0, 1), (1, 1)):
			pixels[(y + dy) * width + x + dx] = rng.randrange(0, 120)
	if blot:
		cx, cy, radius = int(width * 0.72), int(height * 0.86), int(width * 0.07)
		for y in range(cy - radius, cy + radius):
			for x in range(cx - radius, cx + radius):
				inside = (x - cx) ** 2 + (y - cy) ** 2
				if radius**2 * 0.8 < inside < radius**2 and 0 <= y < height and 0 <= x < width:
					pixels[y * width + x] = min(pixels[y * width + x], 110)
	return write_pgm(width, height, pixels)


def png(pgm: bytes) -> bytes:
	"""A greyscale PNG of a PGM (filter 0 on every row: larger than needed, valid all the same)."""
	width, height, pixels = read_pgm(pgm)
	raw = b"".join(b"\x00" + bytes(pixels[row * width : (row + 1) * width]) for row in range(height))

	def chunk(kind: bytes, body: bytes) -> bytes:
		return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

	header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
	return (
		b"\x89PNG\r\n\x1a\n"
		+ chunk(b"IHDR", header)
		+ chunk(b"IDAT", zlib.compress(raw, 6))
		+ chunk(b"IEND", b"")
	)


def png_header(width: int, height: int) -> bytes:
	"""A PNG that claims ``width`` x ``height`` pixels but holds one row: a decompression bomb's header."""
	header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
	body = b"IHDR" + header
	return (
		b"\x89PNG\r\n\x1a\n"
		+ struct.pack(">I", len(header))
		+ body
		+ struct.pack(">I", zlib.crc32(body))
		+ b"\x00" * 32
	)


def image_pdf(pages: list[bytes], dpi: int = 300, page_points: tuple[float, float] | None = None) -> bytes:
	"""An image-only PDF (no text layer), one greyscale image per page, as a scanner writes it."""
	objects: list[bytes] = []
	page_ids = []
	for pgm in pages:
		width, height, pixels = read_pgm(pgm)
		w_pt, h_pt = page_points or (width * 72 / dpi, height * 72 / dpi)
		data = zlib.compress(bytes(pixels), 6)
		objects.append(
			b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
			b" /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
			% (width, height, len(data))
			+ data
			+ b"\nendstream"
		)
		image_id = len(objects) + 2
		content = b"q %.2f 0 0 %.2f 0 0 cm /Im Do Q" % (w_pt, h_pt)
		objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
		content_id = len(objects) + 2
		objects.append(
			b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R"
			b" /Resources << /XObject << /Im %d 0 R >> >> >>" % (w_pt, h_pt, content_id, image_id)
		)
		page_ids.append(len(objects) + 2)
	kids = b" ".join(b"%d 0 R" % number for number in page_ids)
	head = [
		b"<< /Type /Catalog /Pages 2 0 R >>",
		b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids)),
	]
	out = bytearray(b"%PDF-1.4\n")
	offsets = []
	for number, body in enumerate(head + objects, 1):
		offsets.append(len(out))
		out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
	xref = len(out)
	out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
	out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
	out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)
	return bytes(out)


def blank_pgm(width: int = 8, height: int = 8) -> bytes:
	return write_pgm(width, height, b"\xff" * (width * height))
