"""A tiny PDF writer for the demo documents: one A4 page of text, no external program.

The demo register needs real files to download and to show as "PDF, 1 KB".
Text is set in the standard Helvetica font, which every PDF reader has and
which covers Latin letters only: Vietnamese is written without its marks
(``search.normalize`` folding would lower-case it, so only the marks are
stripped here), which is enough for a demo file.
"""

import unicodedata

PAGE_WIDTH, PAGE_HEIGHT = 595, 842


def _latin(text):
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return text.encode("latin-1", "replace").decode("latin-1")


def _escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _wrap(text, width=85):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines


def write(title, paragraphs):
    """The bytes of a one-page PDF with ``title`` in bold and ``paragraphs`` below it."""
    commands = ["BT", "/F2 16 Tf", "56 780 Td", f"({_escape(_latin(title))}) Tj", "/F1 11 Tf", "0 -28 Td"]
    for paragraph in paragraphs:
        for line in _wrap(_latin(paragraph)):
            commands += [f"({_escape(line)}) Tj", "0 -15 Td"]
        commands.append("0 -8 Td")
    commands.append("ET")
    content = "\n".join(commands).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"
        ).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
