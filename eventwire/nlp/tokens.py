"""The token attributes every stage reads, taken from a Doc once and shared by the stages.

Each ``doc[i]`` or ``for t in doc`` makes a new spaCy ``Token`` object, and ``doc.text`` is
rebuilt from the tokens on every access. The stages used to do both over every article, each
for itself: that cost as much as some stages' own rules. `token_table` reads the attributes
with one ``Doc.to_array`` call (no Token objects) and keeps the result on the doc, so the
second stage that asks pays nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import ENT_TYPE, IS_ALPHA, IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH, POS, SENT_START, SPACY
from spacy.tokens import Doc

__all__ = ["TokenTable", "token_table"]

_KEY = "eventwire.token_table"
_ATTRS = [ORTH, LOWER, LEMMA, POS, ENT_TYPE, SPACY, IS_ALPHA, IS_PUNCT, IS_SPACE, SENT_START]


@dataclass(frozen=True)
class TokenTable:
    """Per-token attributes of one Doc as plain lists, index = token index.

    ``spaces`` is each token's trailing whitespace ("" or " "), so ``texts[k] + spaces[k]`` is
    ``doc[k].text_with_ws``; ``sent_start`` is ``bool(doc[k].is_sent_start)``.
    """

    text: str
    texts: list[str]
    lowers: list[str]
    lemmas: list[str]
    pos: list[str]
    ent_types: list[str]
    spaces: list[str]
    alpha: list[bool]
    punct: list[bool]
    space: list[bool]
    sent_start: list[bool]


def token_table(doc: Doc) -> TokenTable:
    """The doc's `TokenTable`, built on the first call and kept in ``doc.user_data``.

    The stages never change a doc's tokens, so the table stays valid for the doc's life.
    """
    table = doc.user_data.get(_KEY)
    if table is None:
        table = doc.user_data[_KEY] = _build(doc)
    return table


def _build(doc: Doc) -> TokenTable:
    strings = doc.vocab.strings
    if len(doc) == 0:
        return TokenTable("", [], [], [], [], [], [], [], [], [], [])
    orth, lower, lemma, pos, ent, spacy, alpha, punct, space, start = doc.to_array(_ATTRS).T.tolist()
    texts = [strings[h] for h in orth]
    spaces = [" " if s else "" for s in spacy]
    return TokenTable(
        text="".join(t + s for t, s in zip(texts, spaces, strict=True)),
        texts=texts,
        lowers=[strings[h] for h in lower],
        lemmas=[strings[h] for h in lemma],
        pos=[strings[h] for h in pos],
        ent_types=[strings[h] for h in ent],
        spaces=spaces,
        alpha=[bool(v) for v in alpha],
        punct=[bool(v) for v in punct],
        space=[bool(v) for v in space],
        sent_start=[v == 1 for v in start],
    )
