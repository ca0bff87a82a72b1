"""PDF loader: pdfminer.six layout analysis -> lines with pages, headings, lists, tables, footnotes.

Pages are streamed: each pdfminer page is reduced to compact `PageLines` at
once, so memory holds one page's layout objects at a time. Running headers and
body style are judged over all pages before the lines are emitted.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.psexceptions import PSException

from models import LoadedDocument, Source
from pipeline.errors import CorruptFile, EncryptedPDF, NoTextLayer
from pipeline.load.pdf_lines import PageLines, page_lines
from pipeline.load.pdf_structure import document_lines

# boxes_flow=None keeps pdfminer from ordering text boxes by its own (quadratic)
# hierarchy: this loader orders lines itself, column by column. all_texts lays out text
# inside form objects too, for PDFs that wrap whole pages in one.
LAYOUT = LAParams(line_overlap=0.5, char_margin=2.0, word_margin=0.1, line_margin=0.5, boxes_flow=None, all_texts=True)
QPDF_HINT = "save a copy without password, e.g. `qpdf --password=PASSWORD --decrypt in.pdf out.pdf`"
OCR_HINT = "it is probably a scan; run OCR first, e.g. `ocrmypdf in.pdf out.pdf`"
# What pdfminer raises on damage: syntax errors, EOF or broken object references.
DAMAGE = (PSException, ValueError, KeyError, TypeError, AssertionError)


def count_pages(data: bytes) -> int | None:
    """Pages in the page tree, read without laying any out; None when the file cannot be read that far."""
    try:
        return sum(1 for _ in PDFPage.get_pages(io.BytesIO(data)))
    except (PDFEncryptionError, PDFPasswordIncorrect, *DAMAGE):
        # load_pdf reports these with the right message.
        return None


def load_pdf(data: bytes, source: Source) -> LoadedDocument:
    """Lines with page numbers and layout hints from a PDF file."""
    pages = list(_pages(data, Path(source.path)))
    if not pages:
        raise CorruptFile(source.path, "is a PDF without pages", "re-download the file or export it again")
    if not any(page.lines for page in pages):
        raise NoTextLayer(source.path, f"has {len(pages)} page(s) but no text layer", OCR_HINT)
    count = len(pages)
    lines, toc = document_lines(pages)
    metadata = {"toc": "\n".join(toc)} if toc else {}
    return LoadedDocument(
        source=source.model_copy(update={"pages": count}),
        lines=tuple(lines),
        metadata=metadata,
    )


def _pages(data: bytes, path: Path) -> Iterator[PageLines]:
    """Each page reduced to its lines as soon as pdfminer has laid it out."""
    try:
        for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAYOUT), start=1):
            yield page_lines(page, number)
    except PDFPasswordIncorrect as error:
        raise EncryptedPDF(
            path,
            "is password protected",
            QPDF_HINT,
        ) from error
    except PDFEncryptionError as error:
        raise EncryptedPDF(
            path, f"uses encryption ivp cannot read ({' '.join(str(error).split())})", "save an unencrypted copy"
        ) from error
    except DAMAGE as error:
        raise CorruptFile(
            path,
            "is damaged or truncated and cannot be read as a PDF",
            "re-download the file or export it again",
        ) from error
