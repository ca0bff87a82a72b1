"""Small PDFs written with reportlab for the PDF loader tests, and helpers to read their lines."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import reportlab
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from models import LoadedDocument, RawLine, Source
from pipeline.load.pdf import load_pdf

WIDTH, HEIGHT = A4
LEFT = 56.0
BODY = ("Helvetica", 10.0)
LEADING = 13.0
HEADER = "Gemeente Altena | Veiligheidsplan 2024-2027"


def _furniture(canvas: Canvas, page: int, pages: int) -> None:
    canvas.setFont("Helvetica", 8)
    canvas.drawString(LEFT, HEIGHT - 40, HEADER)
    canvas.drawRightString(WIDTH - LEFT, 30, f"Pagina {page} van {pages}")


def _lines(canvas: Canvas, y: float, lines: list[str], font: tuple[str, float] = BODY, x: float = LEFT) -> float:
    canvas.setFont(*font)
    for line in lines:
        canvas.drawString(x, y, line)
        y -= LEADING
    return y - 8


def _row(canvas: Canvas, y: float, cells: list[str]) -> None:
    canvas.setFont(*BODY)
    canvas.drawString(LEFT, y, cells[0])
    for index, cell in enumerate(cells[1:]):
        canvas.drawRightString(330 + 80 * index, y, cell)


def altena_plan() -> bytes:
    """Four pages: a dotted TOC, a raised footnote marker, a table split over two pages."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    pages = 4
    # Page 1: title and table of contents.
    _furniture(canvas, 1, pages)
    y = _lines(canvas, HEIGHT - 100, ["Veilig Altena"], ("Helvetica-Bold", 20))
    y = _lines(canvas, y, ["Inhoud"], ("Helvetica-Bold", 14))
    _lines(
        canvas,
        y,
        [
            "Hoofdstuk 1 Inleiding ........................ 2",
            "Hoofdstuk 2 Middelen ........................ 3",
        ],
    )
    canvas.showPage()
    # Page 2: chapter, section, a bullet list, a raised footnote marker and its note in small type.
    _furniture(canvas, 2, pages)
    y = _lines(canvas, HEIGHT - 100, ["Hoofdstuk 1 Inleiding"], ("Helvetica-Bold", 16))
    y = _lines(canvas, y, ["1.1 Woninginbraak"], ("Helvetica-Bold", 12))
    text = canvas.beginText(LEFT, y)
    text.setFont(*BODY)
    text.textOut("Het aantal inbraken daalde volgens de politie")
    text.setFont("Helvetica", 6)
    text.setRise(4)
    text.textOut("1")
    text.setRise(0)
    text.setFont(*BODY)
    text.textLine(" fors in de afgelopen jaren, maar de")
    text.textLine("aanpak blijft nodig in alle kernen van de gemeente.")
    canvas.drawText(text)
    y = _lines(canvas, y - 2 * LEADING - 8, ["Wij zetten in op:"])
    y = _lines(canvas, y + 8, ["\u2022 buurtpreventie;", "\u2022 voorlichting aan nieuwe bewoners."])
    y = _lines(canvas, y, ["1.2 Fietsendiefstal"])
    _lines(canvas, y + 8, ["Fietsen worden het vaakst gestolen bij het station."])
    _lines(
        canvas,
        90,
        [
            "1 Politie Eenheid Zeeland-West-Brabant, jaarcijfers 2023, gepubliceerd in",
            "maart 2024.",
        ],
        ("Helvetica", 8),
    )
    canvas.showPage()
    # Page 3: a budget table whose first label wraps; it runs on to page 4.
    _furniture(canvas, 3, pages)
    y = _lines(canvas, HEIGHT - 100, ["Hoofdstuk 2 Middelen"], ("Helvetica-Bold", 16))
    _row(canvas, y, ["Post", "2024", "2025", "2026"])
    _row(canvas, y - 16, ["A. Cameratoezicht in", "120", "125", "130"])
    _lines(canvas, y - 16 - LEADING, ["winkelgebieden"])
    _row(canvas, y - 48, ["B. Buurtbemiddeling", "45", "45", "50"])
    canvas.showPage()
    _furniture(canvas, 4, pages)
    y = HEIGHT - 100
    _row(canvas, y, ["Post", "2024", "2025", "2026"])
    _row(canvas, y - 16, ["C. Jongerenwerk", "80", "82", "84"])
    _row(canvas, y - 32, ["Totaal", "245", "252", "264"])
    _lines(canvas, y - 70, ["De bedragen zijn in duizenden euro's."])
    # A raised digit that is no footnote marker: square metres.
    area = canvas.beginText(LEFT, y - 100)
    area.setFont(*BODY)
    area.textOut("Het cameragebied beslaat 1200 m")
    area.setFont("Helvetica", 6)
    area.setRise(4)
    area.textOut("2")
    area.setRise(0)
    area.setFont(*BODY)
    area.textLine(".")
    canvas.drawText(area)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def two_column_page() -> bytes:
    """One page with a full-width title above two columns of prose."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    _lines(canvas, HEIGHT - 80, ["Jaarverslag veiligheid"], ("Helvetica-Bold", 16))
    left = [f"Links regel {n} van de eerste kolom met tekst." for n in range(1, 9)]
    right = [f"Rechts regel {n} van de tweede kolom met tekst." for n in range(1, 9)]
    _lines(canvas, HEIGHT - 120, left, x=LEFT)
    _lines(canvas, HEIGHT - 120, right, x=WIDTH / 2 + 20)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def image_only(pages: int = 2) -> bytes:
    """A 'scan': pages that hold only an image, no text."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    image = ImageReader(Image.new("L", (60, 80), color=200))
    for _ in range(pages):
        canvas.drawImage(image, 50, 50, width=500, height=700)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def emphasised_intro() -> bytes:
    """A bold four-line intro paragraph under a title, then plain body text."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    y = _lines(canvas, HEIGHT - 80, ["Samenvatting"], ("Helvetica-Bold", 16))
    intro = [f"Vetgedrukte inleiding, regel {n}, die de kern van het plan samenvat" for n in range(1, 5)]
    y = _lines(canvas, y, intro, ("Helvetica-Bold", 10))
    _lines(canvas, y, [f"Gewone tekst in regel {n} van de eerste alinea over de aanpak" for n in range(1, 9)])
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def page_in_a_form() -> bytes:
    """A page whose text sits inside one page-sized form object, as some producers write it."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.beginForm("page", lowerx=0, lowery=0, upperx=WIDTH, uppery=HEIGHT)
    y = _lines(canvas, HEIGHT - 80, ["Veiligheid in de wijk"], ("Helvetica-Bold", 16))
    _lines(canvas, y, ["De wijkagent is het eerste aanspreekpunt voor bewoners.", "Hij werkt samen met de boa's."])
    canvas.endForm()
    canvas.doForm("page")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def high_marker() -> bytes:
    """A footnote marker raised so high that pdfminer sets it on a line of its own."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    text = canvas.beginText(LEFT, HEIGHT - 100)
    text.setFont(*BODY)
    text.textOut("Het Veiligheidshuis")
    text.setFont("Helvetica", 6)
    text.setRise(8)
    text.textOut("3")
    text.setRise(0)
    text.setFont(*BODY)
    text.textLine(" bundelt zorg en straf.")
    canvas.drawText(text)
    _lines(
        canvas, HEIGHT - 130, [f"Regel {n} van de tekst over de aanpak van overlast in de wijk." for n in range(1, 7)]
    )
    _lines(canvas, 90, ["3 Zorg- en Veiligheidshuis Gelderland-Zuid."], ("Helvetica", 8))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def chapters_at_page_top(pages: int = 3) -> bytes:
    """Each page opens high up with a large 'Hoofdstuk N' title and ends with a small footer."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for page in range(1, pages + 1):
        y = _lines(canvas, HEIGHT - 50, [f"Hoofdstuk {page}"], ("Helvetica-Bold", 16))
        _lines(canvas, y, [f"Tekst van hoofdstuk {page}, regel {n}, over veiligheid in de wijk." for n in range(1, 6)])
        canvas.setFont("Helvetica", 8)
        canvas.drawString(LEFT, 30, f"Veiligheidsplan Altena - blad {page}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def load(data: bytes, name: str = "plan.pdf") -> LoadedDocument:
    """The loader's lines for PDF bytes, as if read from a file called `name`."""
    return load_pdf(data, Source(path=name, sha256="0" * 64, format="pdf"))


def of_kind(document: LoadedDocument, kind: str) -> list[RawLine]:
    return [line for line in document.lines if line.kind == kind]


def line_with(document: LoadedDocument, fragment: str, page: int | None = None) -> RawLine:
    """The one line that contains `fragment` (on `page`, when given)."""
    matches = [line for line in document.lines if fragment in line.text and page in (None, line.page)]
    assert len(matches) == 1, [line.text for line in matches]
    return matches[0]


def two_column_flow() -> bytes:
    """Two columns of prose in which one paragraph runs on from the left column into the right."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    left = [
        "De gemeente werkt samen met de",
        "politie en het Openbaar Ministerie",
        "aan een veilige binnenstad waarin",
        "bewoners en ondernemers zich thuis",
        "voelen en waar overlast snel wordt",
    ]
    right = [
        "aangepakt door de partners in het",
        "Veiligheidshuis.",
        "",
        "Een nieuwe alinea begint hier met",
        "het cameratoezicht in de binnenstad.",
    ]
    y = HEIGHT - 100
    for offset, column in ((LEFT, left), (WIDTH / 2 + 20, right)):
        canvas.setFont(*BODY)
        for row, text in enumerate(column):
            canvas.drawString(offset, y - row * LEADING, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def ligatures_and_soft_hyphen() -> bytes:
    """A line set with ligature glyphs (ﬁ, ﬂ) and a printed soft hyphen at its end, in Bitstream Vera."""
    pdfmetrics.registerFont(TTFont("Vera", str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setFont("Vera", 10)
    canvas.drawString(LEFT, HEIGHT - 100, "De ﬁnanciële middelen voor de ﬂexibele ont\xad")
    canvas.drawString(LEFT, HEIGHT - 113, "wikkeling van het plan.")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def encrypted(data: bytes, user_password: str = "geheim", owner_password: str | None = None) -> bytes:
    """`data` encrypted with pypdf; an empty user password opens it without asking."""
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(data))
    algorithm = "AES-128" if user_password else "RC4-128"
    writer.encrypt(user_password, owner_password=owner_password, algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
