"""The cue lexicon: which words introduce reported content, and what a cue says about its content.

Lemma-based, general English reporting vocabulary. The classes differ in how much evidence a
verb needs before it counts as a cue, because "said" is almost always a report while "added" or
"found" only is one when it governs a clause or a quotation.
"""

from __future__ import annotations

__all__ = [
    "ADDRESSEE_VERBS",
    "ANY_HOLDER",
    "BELIEF_CUES",
    "CHANNEL_NOUNS",
    "CLAUSAL_CUES",
    "CONFIRM_LEMMAS",
    "ACT_CUES",
    "DENY_LEMMAS",
    "EVIDENCE_NOUNS",
    "EVIDENCE_VERBS",
    "NO_HOLDER",
    "NOUN_CUES",
    "REPORTING_LEMMAS",
    "SPEECH_ACT_CUES",
    "STRONG_CUES",
    "XCOMP_CUES",
    "cue_status",
    "is_cue_lemma",
]

# Cues that say whether their content holds: they lend it the status "confirmed" or "denied".
CONFIRM_LEMMAS = frozenset({"confirm", "acknowledge", "admit", "concede", "verify", "corroborate", "affirm"})
DENY_LEMMAS = frozenset({"deny", "reject", "dismiss", "refute", "dispute", "rebut", "disavow"})

# Reports on their own, with or without a complement ("he said", "as Putin told reporters").
STRONG_CUES = frozenset({"say", "tell"})

# Cues only when they govern a clause, a quotation, or stand parenthetically (", X added.").
CLAUSAL_CUES = frozenset({
    "add", "note", "report", "announce", "suggest", "argue", "claim", "declare", "state", "warn",
    "reply", "reveal", "insist", "acknowledge", "explain", "conclude", "predict", "write", "tweet",
    "post", "mention", "respond", "recall", "admit", "confirm", "deny", "assert", "stress",
    "emphasize", "emphasise", "allege", "contend", "maintain", "concede", "testify", "show", "find",
    "indicate", "estimate", "caution", "complain", "boast", "observe", "remark", "comment", "hint",
    "speculate", "agree", "assure", "inform", "notify", "remind", "reiterate", "repeat", "affirm",
    "counter", "retort", "quip", "joke", "shout", "scream", "yell", "whisper", "proclaim", "vow",
    "promise", "pledge", "threaten", "forecast", "disclose", "divulge", "signal", "ask",
    "wonder", "question", "answer", "urge", "demand", "charge", "accuse", "blame", "believe",
    "underline", "highlight", "point", "cite", "quote", "continue", "read",
}) | DENY_LEMMAS

# Speech acts whose object is what was said ("X called the plan a mistake", "X denied the claims").
SPEECH_ACT_CUES = frozenset({
    "call", "urge", "praise", "criticize", "criticise", "accuse", "denounce", "condemn", "describe",
    "vow", "pledge", "promise", "announce", "confirm", "deny", "reject", "dismiss", "blast", "slam",
    "cite", "echo", "endorse", "congratulate", "mock", "blame", "question", "ask", "welcome",
    "mention", "express", "propose", "acknowledge", "defend", "note", "report", "encourage",
    "recommend", "applaud", "hail", "lambaste", "tout", "warn", "reveal", "admit",
}) | DENY_LEMMAS

# Attitude verbs: cues only when they govern an infinitive ("declined to comment", "is expected to
# sign", "seems to understand"); the infinitive is the content.
XCOMP_CUES = frozenset({
    "decline", "refuse", "expect", "seem", "appear", "vow", "pledge", "promise", "threaten", "agree",
})

# Belief verbs: cues only when they govern a clause ("Analysts believe that ...").
BELIEF_CUES = frozenset({"think", "believe", "hope", "fear", "worry", "realize", "realise", "recognize", "recognise"})

# Attitude verbs that need no named holder: refusals are acts of the subject whoever it is, and
# raising verbs ("is expected to", "seems to") often have none at all.
ANY_HOLDER = frozenset({"decline", "refuse", "vow", "pledge", "promise", "threaten"})
NO_HOLDER = frozenset({"expect", "seem", "appear"})

# Findings: "a new poll shows Trump ahead", "the study found higher costs". These verbs report
# their object only when the subject is a source of evidence, named by one of these nouns.
EVIDENCE_VERBS = frozenset({"show", "find", "reveal", "indicate", "suggest", "put"})
EVIDENCE_NOUNS = frozenset({
    "poll", "survey", "study", "data", "report", "analysis", "research", "polling", "review",
    "investigation", "audit", "census", "forecast", "estimate", "figure", "result",
})

# Reporting nouns: cues when a that-clause follows ("Trump's claim that ...", "reports that ...").
NOUN_CUES = frozenset({
    "claim", "allegation", "assertion", "statement", "announcement", "warning", "accusation",
    "insistence", "argument", "suggestion", "report", "acknowledgment", "acknowledgement",
    "admission", "denial", "prediction", "promise", "pledge", "contention", "charge", "remark",
    "comment", "assurance", "declaration", "testimony", "speculation", "rumor", "rumour",
})

# Verbs whose direct object is the hearer, not the content ("told reporters that ...").
ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "notify", "assure", "remind", "warn", "urge", "brief"})

# Nouns that name the medium of a report: "in a statement", "on state television".
CHANNEL_NOUNS = frozenset({
    "statement", "interview", "broadcast", "television", "tv", "radio", "telegram", "twitter",
    "facebook", "instagram", "youtube", "weibo", "website", "site", "blog", "post", "tweet", "video",
    "message", "letter", "email", "e-mail", "op-ed", "column", "article", "briefing", "conference",
    "speech", "address", "communique", "release", "channel", "newspaper", "podcast", "show",
    "program", "programme", "memo", "book", "report", "news", "media", "platform", "account",
    "network", "app", "feed", "call", "telecast", "bulletin", "editorial", "commentary", "remark",
    "remarks", "session", "hearing", "testimony", "rally", "event", "appearance", "note", "document",
})



# Cue verbs that are acts in their own right (accusing, demanding, threatening, promising,
# denying): the events stage codes them as events, so they are not pure reporting.
ACT_CUES = frozenset({
    "accuse", "agree", "allege", "ask", "assure", "blame", "caution", "charge", "complain", "concede",
    "counter", "declare", "demand", "insist", "pledge", "promise", "threaten", "urge", "vow", "warn",
    "recognize", "recognise",
}) | DENY_LEMMAS

# Lemmas whose cue only reports what someone said, wrote, found or thinks and is never an event
# itself: the events stage skips a cue word with one of these lemmas. "according to" is listed as
# written and by its words' lemmas ("accord", "according").
REPORTING_LEMMAS = frozenset(
    (STRONG_CUES | CLAUSAL_CUES | {"describe", "echo", "express", "think"}
     | {"according to", "according", "accord"}) - ACT_CUES
)

_VOWELS = frozenset("aeiou")


def _inflections(lemma: str) -> set[str]:
    """Regular English forms of a verb, enough to map a cue's surface text back to its lemma.

    A final consonant after a single vowel may double ("admitted", "rebutted"); the doubled forms
    are added whenever the spelling allows it, since a form no verb has is never looked up.
    """
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) >= 3 and lemma[-1] not in _VOWELS | set("wxy") and lemma[-2] in _VOWELS \
            and lemma[-3] not in _VOWELS:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


_STATUS_BY_FORM = {form: "confirmed" for lemma in CONFIRM_LEMMAS for form in _inflections(lemma)} | {
    form: "denied" for lemma in DENY_LEMMAS for form in _inflections(lemma)
}


def cue_status(cue: str) -> str:
    """The event status a cue gives to the content it introduces.

    Accepts a lemma ("deny") or the cue text as written ("denied", "has confirmed"): the last word
    decides. Returns "confirmed", "denied" or "reported" (every other cue, "according to" too).
    """
    words = cue.lower().split()
    return _STATUS_BY_FORM.get(words[-1], "reported") if words else "reported"


def is_cue_lemma(lemma: str) -> bool:
    """Whether a verb lemma can be a reporting cue at all (the cheap first filter)."""
    return (lemma in STRONG_CUES or lemma in CLAUSAL_CUES or lemma in SPEECH_ACT_CUES
            or lemma in XCOMP_CUES or lemma in BELIEF_CUES)
