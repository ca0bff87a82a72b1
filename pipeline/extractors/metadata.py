"""Plan metadata: title, municipality, period, adoption, priority tiers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from models import Adopted, Document, Outline, Period, PlanMeta, Theme
from pipeline.extractors.adoption import adopting_body, find_adopted
from pipeline.extractors.municipalities import MunicipalityList, load_municipalities
from pipeline.extractors.publication import legal_basis, publication
from pipeline.labels import is_front_matter, is_period_line, tier_of
from pipeline.spans import Locator
from pipeline.word_search import matches_from, occurrences, starts_of

# Each pattern opens with what it consumes first, so the regex engine skips ahead to that; the
# word boundary before it is a look-behind after it.
PERIOD = re.compile(r"(?P<start>(?:19|20)(?<!\w..)\d{2})\s*(?:-|–|—|/|t/m|tot en met|tot)\s*(?P<end>(?:19|20)\d{2})\b")
# Where a name may follow: 'gemeente X', 'Gemeente X', 'GEMEENTE X'.
MUNICIPALITY_WORD = re.compile(r"(?:[Gg](?<!\w.)emeente|G(?<!\w.)EMEENTE)\s+")
MUNICIPALITY_MENTION = re.compile(r"[Gg](?<!\w.)emeente\s+(?P<name>[A-Z][\w'’\-]+(?:[ -][A-Z][\w'’\-]+)*)")
# 'GEMEENTE BERGEN OP ZOOM' on a cover: which of the capitalised words are the name is decided later.
CAPITAL = "A-ZÀ-ÖØ-Þ'’"
MUNICIPALITY_CAPS = re.compile(
    rf"\bGEMEENTE\s+(?P<name>[{CAPITAL}][{CAPITAL}\-]+(?: [{CAPITAL}][{CAPITAL}\-]*)*)(?!\w)"
)
# A cover line naming only the publisher ('GEMEENTE HOOGEVEEN') is not the plan's title.
PUBLISHER_LINE = re.compile(r"^gemeente\s+\D{2,40}$", re.IGNORECASE)
NAME_PARTICLES = {"aan", "de", "den", "der", "en", "in", "op", "van", "ter"}
JOINT = re.compile(r"[Gg](?<!\w.)emeenten\s+(?P<list>[A-Z][\w'’\- ]+(?:,\s*[A-Z][\w'’\- ]+)*\s+en\s+[A-Z][\w'’\-]+)")
TITLE_AREA_BLOCKS = 4
MAX_PLAN_YEARS = 8


def extract_metadata(
    document: Document, outline: Outline, themes: Sequence[Theme], locator: Locator | None = None
) -> PlanMeta:
    """What the plan is: title, municipality, period, adoption and tiers."""
    locator = locator or Locator.for_document(document)
    meta = document.metadata
    adopted = find_adopted(document, locator)
    known = load_municipalities()
    title = meta.get("citation_title") or meta.get("official_title") or _title(document, outline, themes)
    named = (
        meta.get("municipality")
        or (adopted.place if adopted else None)
        or _most_named(document, known)
        or _named_on_cover(document, title, known)
    )
    # A name the list does not know (a merger after the list's date) stays as written;
    # the check plan.unknown_municipality asks a reader to look at it.
    municipality = known.lookup(named) if named else None
    joint = tuple(_official(name, known) for name in _joint_municipalities(document))
    return PlanMeta(
        municipality=municipality.name if municipality else named,
        municipality_code=municipality.code if municipality else None,
        municipalities=joint or ((_official(named, known),) if named else ()),
        title=title,
        period=_period(document, locator),
        adopted=_with_metadata(adopted or Adopted(), meta),
        tiers=tuple(dict.fromkeys(theme.tier_label for theme in themes if theme.tier_label)),
        legal_basis=legal_basis(meta),
        publication=publication(meta),
    )


def _title(document: Document, outline: Outline, themes: Sequence[Theme]) -> str | None:
    """The first heading that names the plan, before its first theme.

    Not front matter, a tier heading, the publisher alone or a bare period; not numbered
    either, since a numbered heading is a chapter ('Hoofdstuk 1: Prioriteiten').
    """
    first_theme = min((theme.span.start for theme in themes), default=document.body_end)
    for heading in outline.headings:
        block = document.blocks[heading.block]
        if block.start >= first_theme:
            break
        text = block.text
        skipped = heading.number or is_front_matter(text) or tier_of(heading.title) or PUBLISHER_LINE.match(text)
        if not (skipped or is_period_line(PERIOD.sub("", text))):
            return text
    return None


def _title_area_end(document: Document) -> int:
    """Offset where the title area (cover: title and subtitle) ends."""
    for index, block in enumerate(document.blocks):
        if index >= TITLE_AREA_BLOCKS or (block.kind == "heading" and is_front_matter(block.text)):
            return block.start
    return document.body_end


def period_matches(text: str) -> list[re.Match[str]]:
    """`PERIOD.finditer(text)`, tried only where a year opens ('19' or '20'): digits are rare in prose."""
    return list(matches_from(PERIOD, text, starts_of(("19", "20"), text)))


def _period(document: Document, locator: Locator) -> Period:
    body = document.text[: document.body_end]
    candidates = [m for m in period_matches(body) if 0 < int(m.group("end")) - int(m.group("start")) <= MAX_PLAN_YEARS]
    if not candidates:
        return Period()
    title_end = _title_area_end(document)
    in_title = [m for m in candidates if m.start() < title_end]
    if in_title:
        chosen, inferred = in_title[0], False
    else:
        latest = max(int(m.group("start")) for m in candidates)
        chosen, inferred = next(m for m in candidates if int(m.group("start")) == latest), True
    return Period(
        start=int(chosen.group("start")),
        end=int(chosen.group("end")),
        inferred=inferred,
        span=locator.span(chosen.start(), chosen.end()),
    )


def _with_metadata(adopted: Adopted, meta: dict[str, str]) -> Adopted:
    """Publication metadata (e.g. CVDR) outranks what the text says.

    Without a stated adoption date, the publication's signing date (Datum ondertekening)
    stands in: a council signs its decision at the meeting that adopts it.
    """
    update: dict[str, str | None] = {}
    if meta.get("adopted_date"):
        update["date"] = meta["adopted_date"]
    elif adopted.date is None and meta.get("signed_date"):
        update["date"] = meta["signed_date"]
    if meta.get("adopted_by"):
        update["by"] = adopting_body(meta["adopted_by"])
    return adopted.model_copy(update=update) if update else adopted


def _official(name: str, known: MunicipalityList) -> str:
    """The official name of a municipality the list knows by `name`, else `name` as written."""
    found = known.lookup(name)
    return found.name if found else name


def _most_named(document: Document, known: MunicipalityList) -> str | None:
    """The municipality most often named after 'gemeente'.

    A name from the list counts under its official name, particles and capitals included
    ('gemeente Bergen op Zoom', "GEMEENTE 'S-HERTOGENBOSCH"); a name the list does not know
    counts as the capitalised words after 'gemeente'.
    """
    body = document.text[: document.body_end]
    names: Counter[str] = Counter()
    listed: set[int] = set()
    for word in MUNICIPALITY_WORD.finditer(body):
        found = known.match_at(body, word.end())
        # 'de gemeente bergen' is not a name: the list is matched ignoring case, names are capitalised.
        if found and not body[word.end()].islower():
            names[found[0].name] += 1
            listed.add(word.end())
    names.update(m.group("name") for m in MUNICIPALITY_MENTION.finditer(body) if m.start("name") not in listed)
    capitals = (
        _from_capitals(m.group("name"), body) for m in MUNICIPALITY_CAPS.finditer(body) if m.start("name") not in listed
    )
    names.update(name for name in capitals if name)
    return names.most_common(1)[0][0] if names else None


def _named_on_cover(document: Document, title: str | None, known: MunicipalityList) -> str | None:
    """A municipality the title or the cover names without 'gemeente' ('Veiligheidsplan Amersfoort 2024-2027')."""
    cover = document.text[: _title_area_end(document)]
    found = known.named_in(cover) or (known.named_in(title) if title else None)
    return found.name if found else None


def _from_capitals(name: str, body: str) -> str | None:
    """'BERGEN OP ZOOM VEILIG' -> 'Bergen op Zoom': the longest leading words the plan also writes as
    a name in ordinary case, else the first word in Dutch capitalisation. 'GEMEENTE EN PARTNERS' names none."""
    words = name.split()
    if words[0].lower() in NAME_PARTICLES:
        return None
    for count in range(len(words), 0, -1):
        candidate = " ".join(words[:count])
        pattern = re.compile(rf"(?<!\w){re.escape(candidate)}(?!\w)", re.IGNORECASE)
        written = (m.group() for m in pattern.finditer(body) if not m.group().isupper())
        name_like = next((text for text in written if text.lstrip("'’s-")[:1].isupper()), None)
        if name_like:
            return name_like
    return _dutch_case(words[0])


def _dutch_case(word: str) -> str:
    """'ALMERE' -> 'Almere', "'S-HERTOGENBOSCH" -> "'s-Hertogenbosch", 'IJSSELSTEIN' -> 'IJsselstein'."""
    parts = []
    for part in word.lower().split("-"):
        if part in ("'s", "’s") or part in NAME_PARTICLES:
            parts.append(part)
        elif part.startswith("ij"):
            parts.append("IJ" + part[2:])
        else:
            parts.append(part.capitalize())
    return "-".join(parts)


def joint_match(text: str) -> re.Match[str] | None:
    """`JOINT.search(text)`, tried only where 'emeenten' stands (after its 'G' or 'g')."""
    starts = [found - 1 for found in occurrences("emeenten", text) if found > 0]
    return next(matches_from(JOINT, text, starts), None)


def _joint_municipalities(document: Document) -> tuple[str, ...]:
    match = joint_match(document.text[: _title_area_end(document) or document.body_end])
    if match is None:
        return ()
    names = re.split(r",\s*|\s+en\s+", match.group("list"))
    return tuple(name.strip() for name in names if name.strip())
