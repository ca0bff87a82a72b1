"""Properties of the HTML loader over arbitrary markup: no crash, marks inside their line."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import Source
from pipeline.errors import PlanError
from pipeline.load.html import load_html

FRAGMENTS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<h2>",
        "</h2>",
        "<ol start='3'>",
        "<ul>",
        "<li>",
        "</li>",
        "</ol>",
        "<table><tr><td>",
        "</td><td colspan=2>",
        "</tr></table>",
        "<sup>1</sup>",
        "<a href='#fn1'>1</a>",
        "<section class='footnotes'><ol><li id='fn1'>Noot.</li></ol></section>",
        "<br>",
        "<b>",
        "</b>",
        "<span>1.</span>",
        "De raad van de gemeente Oostmeer;",
        "b e s l u i t :",
        "vast te stellen het plan.",
        "Citeertitel: Plan",
        "Wettelijke grondslag: Onbekend",
        "Intitulé",
        "Afbeelding binnen de regeling",
        "Zie (afbeelding binnen de regeling) hier",
        "<dl><dt>Citeertitel</dt><dd></dd><dt>Onderwerp</dt><dd>x</dd></dl>",
        "<table><tr><th>Datum inwerkingtreding</th><th>Betreft</th></tr><tr><td>01-01-2024</td><td>x</td></tr></table>",
        "Geldend van 01-01-2024 t/m heden",
        "Tekst van de regeling",
        "Aldus vastgesteld in de vergadering van 1 mei 2023.",
        "<!-- x -->",
        "<script>x</script>",
        "&amp;",
        "\u00a0",
    ]
)
MARKUP = st.lists(st.one_of(FRAGMENTS, st.text(max_size=20)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKUP)
def test_any_markup_loads_or_fails_cleanly(markup: str) -> None:
    try:
        document = load_html(markup.encode("utf-8"), Source(path="x.html", sha256="0" * 64, format="html"))
    except PlanError:
        return
    for line in document.lines:
        assert all(0 <= ref.offset <= len(line.text) for ref in line.footnote_refs)
        if line.kind == "table_row":
            # A row may start or end with an empty cell; the text is the cells joined by tabs.
            assert line.text == "\t".join(line.cells) and any(line.cells)
        else:
            assert line.text == line.text.strip() and line.text
    assert all(isinstance(value, str) and value for value in document.metadata.values())


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_load_or_fail_cleanly(data: bytes) -> None:
    with contextlib.suppress(PlanError):
        load_html(data, Source(path="x.html", sha256="0" * 64, format="html"))
