"""One pass over a plan's text that several components share: the text lowered and its words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import filterfalse

# A word as the regex engine sees it: a run of \w characters.
WORD_RUN = re.compile(r"\w+")
# The only letters outside ASCII that the regex engine matches to an ASCII letter when case is
# ignored: dotted and dotless i, long s, Kelvin sign.
ODD_CASE_LETTERS = "\u0130\u0131\u017f\u212a"
# About this many characters make one piece of a Scan: a plan of 45,000 characters has some 20,
# so a word standing in a few of them is searched for in a tenth of the text or less.
PIECE = 2000
# Every ASCII character that is no word character, as a space; other bytes unchanged.
_NOT_WORD = bytes(byte for byte in range(128) if not (chr(byte).isalnum() or chr(byte) == "_"))
_SPACED = bytes.maketrans(_NOT_WORD, b" " * len(_NOT_WORD))
_ASCII = bytes(range(128))


@dataclass(frozen=True)
class Piece:
    """`lower[start:end]` and the words it holds; pieces are cut at spaces, so no word spans two."""

    start: int
    end: int
    words: frozenset[str]


@dataclass(frozen=True)
class Scan:
    """A plan text lowered, and the set of its lower-case words: computed once, shared by matchers.

    `lower` has the length of the text, so offsets into it are offsets into the text.
    `plain` says whether `lower` is `text.lower()`, no character having changed its length;
    `odd_case` whether the text holds one of ODD_CASE_LETTERS. In a plain text without them, a
    word of ASCII letters that a pattern matches ignoring case stands in `words` lowered.
    `pieces` cut `lower` in consecutive parts with their words (none in a Scan made by hand).
    """

    lower: str
    words: frozenset[str]
    plain: bool = True
    odd_case: bool = False
    pieces: tuple[Piece, ...] = ()

    @classmethod
    def of(cls, text: str, piece: int = PIECE) -> Scan:
        """The scan of `text`, in pieces of about `piece` characters."""
        encoded = text.encode("utf-8", "surrogatepass")
        # The characters beyond ASCII, in one short string: deleting the ASCII bytes of UTF-8
        # leaves whole sequences. When lowering changes none of them, bytes.lower() of the
        # text is its lower case, far cheaper than str.lower() going character by character.
        beyond = encoded.translate(None, _ASCII).decode("utf-8", "surrogatepass")
        plain = beyond.lower() == beyond
        if plain:
            encoded = encoded.lower()
            lower = encoded.decode("utf-8", "surrogatepass")
        else:
            lower = text.lower()
            plain = len(lower) == len(text)
            if not plain:
                lower = lowered(text)
            encoded = lower.encode("utf-8", "surrogatepass")
        pieces = pieces_of(lower, piece, encoded)
        words = frozenset().union(*(piece.words for piece in pieces))
        return cls(lower, words, plain, any(letter in beyond for letter in ODD_CASE_LETTERS), pieces)

    def word_starts(self, word: str, text: str | None = None) -> list[int]:
        """Every offset where `word` stands as a whole word in `lower`, or in `text` as printed there.

        A whole word has no word character right before or after it. `word` (lower case unless
        `text` is given) is looked for only in the pieces whose words hold it: a word of the plan
        is a run of word characters, and lowering keeps each character a word character or not.
        """
        haystack = self.lower if text is None else text
        key = word if text is None else word.lower()
        usable = bool(self.pieces) and WORD_RUN.fullmatch(word) is not None and (text is None or word.isascii())
        spans = [(piece.start, piece.end) for piece in self.pieces if key in piece.words] if usable else [(0, None)]
        starts = []
        last = len(haystack)
        for start, end in spans:
            position = haystack.find(word, start, end)
            while position >= 0:
                after = position + len(word)
                # is_word_char inlined: this runs for every place of every word searched for
                before = haystack[position - 1] if position else " "
                following = haystack[after] if after < last else " "
                if not (before.isalnum() or before == "_" or following.isalnum() or following == "_"):
                    starts.append(position)
                position = haystack.find(word, after, end)
        return starts


def pieces_of(lower: str, size: int, encoded: bytes | None = None) -> tuple[Piece, ...]:
    """`lower` cut at the first space after every `size` characters, each piece with its words.

    `encoded`: `lower` in UTF-8 (with surrogates passed), if already made.
    """
    if encoded is None:
        encoded = lower.encode("utf-8", "surrogatepass")
    # Punctuation of ASCII as spaces leaves words unchanged and most tokens plain letters; a
    # bytes translation does that for the whole text at once, where str.translate goes by character.
    spaced = encoded.translate(_SPACED).decode("utf-8", "surrogatepass")
    pieces = []
    start = 0
    while start < len(spaced):
        end = spaced.find(" ", start + size)
        end = len(spaced) if end < 0 else end
        pieces.append(Piece(start, end, words_of(spaced[start:end])))
        start = end
    return tuple(pieces)


def lowered(text: str) -> str:
    """`text` in lower case, keeping every offset: a character whose lower case is longer stays as it is."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    # 'İ' lowers to two characters; offsets into the lowered text must be offsets into the text
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def words_of(text: str) -> frozenset[str]:
    """The distinct runs of word characters in `text`, as `WORD_RUN.findall` finds them.

    White space never belongs to a word, and a token that is all letters and digits is one word,
    so only the other distinct tokens go through the regex: a third faster on a plan.
    """
    tokens = frozenset(text.split())
    odd = list(filterfalse(str.isalnum, tokens))  # the test per token in C, not a Python loop
    if not odd:
        return tokens
    return tokens.difference(odd).union(WORD_RUN.findall(" ".join(odd)))


def is_word_char(char: str) -> bool:
    """Whether the regex engine counts `char` as \\w."""
    return char.isalnum() or char == "_"
