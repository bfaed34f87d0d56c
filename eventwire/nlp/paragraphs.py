"""A blank line ends a sentence.

The statistical parser reads white space as just another token and now and then runs a headline into
the story's first sentence ("Obama: I'm Optimistic ... Trump.\\n\\nSunday on CNN's ..., Obama said"),
so a cue after the break takes the headline as its content. Set before the parser, which keeps
sentence starts it is given, this component makes the first word after a blank line start a sentence.
A single line break is left to the parser: hard-wrapped text breaks lines inside sentences.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["mark_paragraphs"]


@Language.component("eventwire_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence at the first token after white space holding two or more line breaks."""
    for i in range(len(doc) - 1):
        tok = doc[i]
        if tok.is_space and tok.text.count("\n") >= 2 and not doc[i + 1].is_space:
            doc[i + 1].is_sent_start = True
    return doc
