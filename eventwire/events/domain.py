"""What an article is about, as far as the events stage cares: is it a report on sport or on culture?

In a match report "England beat France" is a game, not a war, and "the Athens meeting" is a race: the
states named are teams. In a film or music report "Hotel Rwanda was shot in South Africa" is a film
being made and "the Iraq war" a film's subject: the states named are settings. A report is taken to be
about sport (or culture) when its words of sport (competitions, players, results) or of culture (films,
music, television, the stage, books, awards) make up a share of the text that news of politics or
business seldom reaches. There only officials, courts, forces and organisations make an event political.
"""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.nlp.tokens import token_table

__all__ = ["DOMAIN_MIN_WORDS", "DOMAIN_SHARE", "officials_only"]

SPORT_WORDS = frozenset({
    "match", "goal", "cup", "championship", "tournament", "medal", "coach", "striker", "midfielder", "defender",
    "goalkeeper", "season", "league", "race", "team", "squad", "olympic", "olympics", "athlete", "final",
    "semi-final", "quarter-final", "score", "victory", "defeat", "injury", "club", "player", "captain", "title",
    "champion", "stadium", "referee", "fan", "fixture", "premiership", "rugby", "football", "soccer", "cricket",
    "tennis", "golf", "athletics", "marathon", "sprint", "sprinter", "wicket", "innings", "penalty", "try",
    "seed", "round", "tackle", "game",
})
CULTURE_WORDS = frozenset({
    "film", "movie", "actor", "actress", "album", "song", "singer", "band", "music", "musical", "director",
    "studio", "oscar", "award", "festival", "theatre", "novel", "author", "chart", "concert", "comedy", "drama",
    "sitcom", "documentary", "nomination", "nominate", "bafta", "grammy", "hollywood", "celebrity", "premiere",
    "soap", "star", "screen", "screenplay", "cinema", "rapper", "pop", "rock", "gig", "orchestra", "opera",
    "ballet", "soundtrack", "sequel", "blockbuster", "episode", "series", "television", "show", "viewer",
    "audience", "fan", "label",
})
# The share of a report's words that are words of sport (or of culture) above which it is a report on
# sport (culture): such reports on a news site run at 4-6%; politics and business seldom pass 1%. A short
# text needs a few such words too: one "victory" or "show" in a sentence of news is no match report.
DOMAIN_SHARE = 0.02
DOMAIN_MIN_WORDS = 4


def _about(hits: int, words: int) -> bool:
    return hits >= DOMAIN_MIN_WORDS and hits / words >= DOMAIN_SHARE


def officials_only(doc: Doc) -> bool:
    """Whether the doc reports on sport or culture, where states are teams or settings and only official
    actors make an event political."""
    words = sport = culture = 0
    table = token_table(doc)
    for alpha, lemma, lower in zip(table.alpha, table.lemmas, table.lowers, strict=True):
        if alpha:
            words += 1
            lemma = lemma.lower()
            sport += lemma in SPORT_WORDS or lower in SPORT_WORDS
            culture += lemma in CULTURE_WORDS or lower in CULTURE_WORDS
    return _about(sport, words) or _about(culture, words)
