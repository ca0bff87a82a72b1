"""Hypothesis: whatever lines a simple PDF prints, the loader keeps every word, once, in order."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from models import Source
from pipeline.load.pdf import load_pdf

WORDS = st.sampled_from(
    ["veiligheid", "wijk", "Politie", "overlast", "jeugd", "aanpak", "Gemeente", "zorg", "en", "de", "Buurt"]
)
LINE = st.tuples(
    st.lists(WORDS, min_size=1, max_size=9),
    st.sampled_from([8.0, 10.0, 10.0, 10.0, 12.0, 16.0]),
    st.booleans(),
)
PAGES = st.lists(st.lists(LINE, min_size=1, max_size=14), min_size=1, max_size=3)


def _pdf(pages: list[list[tuple[list[str], float, bool]]]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for lines in pages:
        y = A4[1] - 120
        for words, size, bold in lines:
            canvas.setFont("Helvetica-Bold" if bold else "Helvetica", size)
            canvas.drawString(56, y, " ".join(words))
            y -= size * 1.4
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGES)
def test_every_printed_word_comes_out_once_in_order(pages: list[list[tuple[list[str], float, bool]]]) -> None:
    document = load_pdf(_pdf(pages), Source(path="gen.pdf", sha256="0" * 64, format="pdf"))
    printed = [word for lines in pages for words, _, _ in lines for word in words]
    loaded = [word for line in document.lines for word in line.text.split()]
    assert loaded == printed
    assert document.source.pages == len(pages)
