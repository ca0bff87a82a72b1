"""The broken and hostile inputs a batch meets, generated on the fly (no binaries in the repository)."""

from __future__ import annotations

import random

from tests.factories import zip_archive
from tests.pdf_factory import altena_plan, encrypted, image_only

RECIPE = (
    "Appeltaart\n\nIngrediënten\n\n500 gram appels, 200 gram bloem.\n\n"
    "Bereiding\n\nMeng alles en bak 50 minuten.\n"
)
PLAN_TEXT = (
    "Veiligheidsplan Oosterzand 2025-2028\n\n"
    "1. Ondermijning\n\nOpgave\nCriminelen misbruiken panden in het centrum.\n\n"
    "Ambitie\nWij willen dat ondernemers zich veilig voelen, ook ’s avonds: één aanpak voor café’s.\n\n"
    "2. Jeugd\n\nOpgave\nJongeren raken betrokken bij drugshandel.\n\n"
    "Ambitie\nWij investeren in preventie en financiën voor coördinatie.\n"
)


def nested_html(depth: int = 10_000) -> bytes:
    body = "<h1>Veiligheidsplan</h1>" + "<div>" * depth + "<p>Diep genest</p>" + "</div>" * depth
    return f"<!DOCTYPE html><html><head><title>Plan</title></head><body>{body}</body></html>".encode()


def many_themes(count: int = 500) -> bytes:
    sections = [
        f"{n}. Thema nummer {n}\n\nOpgave\nOverlast in wijk {n}.\n\nAmbitie\nMinder overlast in wijk {n}.\n"
        for n in range(1, count + 1)
    ]
    return ("Veiligheidsplan 2024-2027\n\n" + "\n".join(sections)).encode()


def broken_inputs() -> dict[str, bytes]:
    """File name -> content, one for each case a batch must survive (the 50 MB file is left to its own test)."""
    noise = random.Random(42)
    altena = altena_plan()
    return {
        "truncated.pdf": altena[: len(altena) // 2],
        "corrupt.pdf": altena[:400] + noise.randbytes(3000),
        "encrypted.pdf": encrypted(altena_plan()),
        "scan.pdf": image_only(pages=1),
        "empty.txt": b"",
        "noise.txt": noise.randbytes(4096),
        "noise.pdf": noise.randbytes(4096),
        "cp1252.txt": PLAN_TEXT.encode("cp1252"),
        "utf16.txt": PLAN_TEXT.encode("utf-16"),
        "junk.docx": zip_archive({"junk.bin": random.Random(7).randbytes(2000)}),
        "nested.html": nested_html(),
        "themes500.txt": many_themes(),
        "recipe.txt": RECIPE.encode(),
    }
