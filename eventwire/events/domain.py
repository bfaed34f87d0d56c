"""What an article is about, as far as the events stage cares: is it a sports report?

In a match report "England beat France" is a game, not a war, and "the Athens meeting" is a race: the
states named are teams. A report is taken to be about sport when its words of sport (competitions,
players, results) make up a share of the text that news of politics or business seldom reaches.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["SPORT_SHARE", "is_sport_report"]

SPORT_WORDS = frozenset({
    "match", "goal", "cup", "championship", "tournament", "medal", "coach", "striker", "midfielder", "defender",
    "goalkeeper", "season", "league", "race", "team", "squad", "olympic", "olympics", "athlete", "final",
    "semi-final", "quarter-final", "score", "victory", "defeat", "injury", "club", "player", "captain", "title",
    "champion", "stadium", "referee", "fan", "fixture", "premiership", "rugby", "football", "soccer", "cricket",
    "tennis", "golf", "athletics", "marathon", "sprint", "sprinter", "wicket", "innings", "penalty", "try",
    "seed", "round", "tackle", "game",
})
# The share of a report's words that are words of sport above which it is a sports report (sports
# reports on a news site run at 4%; politics, business and culture seldom pass 1%).
SPORT_SHARE = 0.02


def is_sport_report(doc: Doc) -> bool:
    words = [t for t in doc if t.is_alpha]
    if not words:
        return False
    hits = sum(1 for t in words if t.lemma_.lower() in SPORT_WORDS or t.lower_ in SPORT_WORDS)
    return hits / len(words) >= SPORT_SHARE
