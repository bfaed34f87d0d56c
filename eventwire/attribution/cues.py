"""The cue lexicon: which words introduce reported content, and what a cue says about its content.

Lemma-based, general English reporting vocabulary. The classes differ in how much evidence a
verb needs before it counts as a cue, because "said" is almost always a report while "added" or
"found" only is one when it governs a clause or a quotation.
"""

from __future__ import annotations

__all__ = [
    "ACT_CUES",
    "ADDRESSEE_VERBS",
    "ANY_HOLDER",
    "BELIEF_CUES",
    "CHANNEL_NOUNS",
    "CLAUSAL_CUES",
    "CONFIRM_LEMMAS",
    "DENY_LEMMAS",
    "DESIRE_CUES",
    "EVIDENCE_NOUNS",
    "EVIDENCE_VERBS",
    "NO_HOLDER",
    "LIGHT_NOUNS",
    "LIGHT_VERBS",
    "NOUN_CUES",
    "PUT_FORWARD_CUES",
    "REPORTING_LEMMAS",
    "SPEECH_ACT_CUES",
    "STANCE_ADJECTIVES",
    "STANCE_CUES",
    "STANCE_LEMMAS",
    "STANCE_NOUNS",
    "STRONG_CUES",
    "TOPIC_CUES",
    "TOPIC_PREPS",
    "VERBAL_ATTACKS",
    "XCOMP_CUES",
    "cue_kind",
    "cue_status",
    "is_cue_lemma",
    "verb_lemma",
]

# Cues that say whether their content holds: they lend it the status "confirmed" or "denied".
CONFIRM_LEMMAS = frozenset({"confirm", "acknowledge", "admit", "concede", "verify", "corroborate", "affirm"})
DENY_LEMMAS = frozenset({"deny", "reject", "dismiss", "refute", "dispute", "rebut", "disavow"})

# Reports on their own, with or without a complement ("he said", "as Putin told reporters").
STRONG_CUES = frozenset({"say", "tell"})

# Verbs that put content forward or decide on it ("offered no proof", "shared a syllabus",
# "presented a plan", "challenged the results", "issued a warning", "named him a traitor", "ordered a
# review", "the court ruled that ..."): cues when a person or organisation is the subject and the
# object, infinitive or clause follows. They are acts too (see ``ACT_CUES``), so the events stage
# still codes them.
PUT_FORWARD_CUES = frozenset({
    "offer", "share", "present", "project", "challenge", "rebuff", "rule", "determine", "issue", "name",
    "order", "unveil", "invoke", "plead", "lay", "expose",
})

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
    "imply", "recite", "articulate", "interpret", "email", "coin", "clarify", "bemoan", "brag", "utter",
    "reaffirm", "voice", "broadcast", "list", "attribute", "retweet", "retweete",
}) | DENY_LEMMAS | PUT_FORWARD_CUES

# Speech acts whose object is what was said ("X called the plan a mistake", "X denied the claims").
SPEECH_ACT_CUES = frozenset({
    "call", "urge", "praise", "criticize", "criticise", "accuse", "denounce", "condemn", "describe",
    "vow", "pledge", "promise", "announce", "confirm", "deny", "reject", "dismiss", "blast", "slam",
    "cite", "echo", "endorse", "congratulate", "mock", "blame", "question", "ask", "welcome",
    "mention", "express", "propose", "acknowledge", "defend", "note", "report", "encourage",
    "recommend", "applaud", "hail", "lambaste", "tout", "warn", "reveal", "admit",
    "ridicule", "deride", "rebuke", "scold", "chide", "repudiate", "downplay", "dub", "brand", "trumpet",
}) | DENY_LEMMAS

# Attitude verbs: cues only when they govern an infinitive ("declined to comment", "is expected to
# sign", "seems to understand"); the infinitive is the content.
XCOMP_CUES = frozenset({
    "decline", "refuse", "expect", "seem", "appear", "vow", "pledge", "promise", "threaten", "agree",
    "sound",
})

# Belief verbs: cues only when they govern a clause ("Analysts believe that ...").
BELIEF_CUES = frozenset({"think", "believe", "hope", "fear", "worry", "realize", "realise", "recognize", "recognise"})

# Attitude verbs that need no named holder: refusals are acts of the subject whoever it is, and
# raising verbs ("is expected to", "seems to") often have none at all.
ANY_HOLDER = frozenset({"decline", "refuse", "vow", "pledge", "promise", "threaten"})
NO_HOLDER = frozenset({"expect", "seem", "appear", "sound"})

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


# Verbs of talk that name what was talked about or whom it was aimed at ("spoke about the deal",
# "railed against the bill", "attacked Clinton for her vote", "thanked the voters"): cues when a
# person or organisation is the subject and the topic or target follows (an object, a clause or
# one of TOPIC_PREPS). "Attack" and "assail" are as often physical acts: they count only between
# people (see ``VERBAL_ATTACKS``), so "troops attacked the town" holds no attribution.
VERBAL_ATTACKS = frozenset({"attack", "assail", "rip"})
TOPIC_CUES = VERBAL_ATTACKS | frozenset({
    "talk", "speak", "discuss", "refer", "reference", "rail", "lament", "decry", "chant", "thank",
    "credit", "portray", "list", "label", "liken", "compare", "detail", "outline", "highlight",
    "underscore", "apologize", "apologise", "publish", "advocate", "tout", "characterize",
    "characterise", "dwell", "balk", "weigh", "shrug", "mull", "pounce", "lash", "spar", "protest",
    "vouch", "interject", "contrast", "allude", "distance", "pivot", "side", "push", "press", "paint",
    "cast", "persuade", "convince", "touch", "brush", "vote", "focus",
})
TOPIC_PREPS = frozenset({"about", "of", "on", "against", "to", "for", "as", "over", "at", "with"})

# Stance verbs: belief, knowledge, wish, intention, preference, support. Cues when a person or
# organisation holds the stance and its object follows; what they introduce is held, not said, so
# their attributions are of kind "stance" (see ``cue_kind``). Agreeing is left out: it is an act,
# coded by the events stage ("Kim has agreed to supply munitions"); a decision is an intention
# formed, a stance on what it introduces ("decided to run": the run is not yet).
STANCE_CUES = frozenset({
    "want", "wish", "hope", "plan", "intend", "aim", "seek", "prefer", "favor", "favour", "support",
    "back", "oppose", "resist", "like", "love", "fear", "worry", "doubt", "know", "understand",
    "realize", "realise", "recognize", "recognise", "remember", "learn", "see", "view", "regard",
    "consider", "deem", "feel", "think", "believe", "expect", "suspect", "imagine",
    "envision", "foresee", "anticipate", "relish", "champion", "promote", "cheer", "embrace",
    "look",  # "looked to stop the bleeding": an aim (see DESIRE_CUES)
    "decide",  # "decided to run", "decided that ...": an intention formed, only with its clause
})

# Stance verbs of wish and intention: their content is a proposition only as a clause or an
# infinitive ("wants to leave", "hopes that ..."); with a noun object they name a thing wanted
# ("wants lower taxes"), which reports nothing.
DESIRE_CUES = frozenset({"want", "wish", "hope", "plan", "intend", "aim", "seek", "look", "decide"})

# Predicative adjectives of stance: "X is confident that ...", "X was critical of ...". "Ready" is
# left out: it mostly names a state ("the economy is not ready for higher rates").
STANCE_ADJECTIVES = frozenset({
    "sure", "certain", "confident", "convinced", "afraid", "worried", "concerned", "fearful",
    "hopeful", "determined", "eager", "keen", "willing", "reluctant", "unwilling",
    "happy", "glad", "pleased", "unhappy", "upset", "angry", "frustrated", "disappointed", "proud",
    "critical", "skeptical", "sceptical", "supportive", "optimistic", "pessimistic", "aware",
    "unaware", "opposed", "committed", "adamant", "insistent", "satisfied", "wary", "suspicious",
    "doubtful", "bullish", "bearish", "passionate", "vocal", "outspoken", "enthusiastic",
    "incensed", "outraged", "alarmed", "troubled", "dismayed", "shocked", "surprised", "coy", "furious",
    "livid", "impressed", "unimpressed", "encouraged", "heartened", "baffled", "puzzled", "disgusted",
    "appalled", "offended", "irritated", "annoyed", "thrilled", "delighted", "excited", "nervous",
    "anxious", "uneasy", "uncomfortable", "comfortable", "open", "resistant", "hostile", "sympathetic",
    "quick", "interested", "inclined", "devoted", "unified", "united", "divided", "split", "torn",
    "upbeat", "leery", "dismissive", "mistrustful", "distrustful", "undecided", "unsure", "uncertain",
    "hesitant", "loath", "intent", "fond", "enamored", "enamoured", "grateful", "thankful",
    "appreciative", "averse", "lukewarm", "cynical", "dubious", "defiant", "apologetic",
    "unapologetic", "emphatic", "unequivocal", "clear", "ambivalent", "indifferent", "contemptuous", "scornful",
})

# Nouns of stance or speech that a possessive holder turns into a cue: "Trump's support for the
# wall", "her criticism of the deal", "their call for a recount".
STANCE_NOUNS = frozenset({
    "support", "opposition", "criticism", "view", "belief", "position", "stance", "hope", "plan",
    "decision", "endorsement", "attack", "call", "demand", "request", "concern", "fear", "desire",
    "wish", "intention", "goal", "vision", "praise", "condemnation", "push", "insistence",
    "proposal", "pledge", "promise", "threat", "warning", "claim", "argument", "defense",
    "defence", "embrace", "rejection", "dismissal", "denial", "opinion", "assessment",
    "allegation", "accusation", "complaint", "doubt", "outrage", "backing",
})


# Light verbs that make a cue of a noun of speech or stance: "made the case for", "made no mention
# of", "has doubts about", "took issue with", "delivered a speech on", "raised concerns about", "holds the
# view that", "drew a contrast with"; and "made it clear that ...".
# "Give" is left out: "gave him credit for", "gave a nod to" mostly narrate a gift or a gesture (on
# PolNeAR's training part an annotated cue about one time in ten).
LIGHT_VERBS = frozenset({"make", "have", "take", "raise", "deliver", "lodge", "file", "hold", "draw"})
LIGHT_NOUNS = frozenset({
    "case", "point", "comment", "remark", "mention", "reference", "argument", "claim", "allegation",
    "accusation", "criticism", "condemnation", "promise", "pledge", "threat", "warning", "appeal",
    "plea", "question", "concern", "doubt", "issue", "credit", "shot", "aim", "note", "stand",
    "apology", "speech", "address", "statement", "announcement", "complaint", "objection",
    "prediction", "suggestion", "proposal", "illusion", "reservation", "misgiving", "qualm",
    "confidence", "faith", "hope", "fear", "view", "opinion", "idea", "sense", "feeling",
    "belief", "position", "stance", "conviction", "contrast", "comparison", "parallel", "distinction",
})

# Cue verbs that are acts in their own right (accusing, demanding, threatening, promising,
# denying): the events stage codes them as events, so they are not pure reporting.
ACT_CUES = frozenset({
    "accuse", "agree", "allege", "ask", "assure", "blame", "caution", "charge", "complain", "concede",
    "counter", "declare", "demand", "insist", "pledge", "promise", "threaten", "urge", "vow", "warn",
    "recognize", "recognise",
    # "reiterated its support for", "voiced its commitment to": with an object they restate an act
    # (support, commitment, a demand) that the events stage codes
    "reiterate", "reaffirm", "voice", "repeat",
}) | DENY_LEMMAS | PUT_FORWARD_CUES

# Lemmas whose cue only reports what someone said, wrote, found or thinks and is never an event
# itself: the events stage skips a cue word with one of these lemmas. "according to" is listed as
# written and by its words' lemmas ("accord", "according").
REPORTING_LEMMAS = frozenset(
    (STRONG_CUES | CLAUSAL_CUES | {"describe", "echo", "express", "think"}
     | {"according to", "according", "accord"}
     | {"refer", "reference", "rail", "chant", "portray", "liken", "characterize", "characterise",
        "highlight", "underscore", "detail", "outline", "tout", "list", "label"}) - ACT_CUES
)

# Lemmas whose attributions hold a stance (belief, wish, intention, support, feeling) rather than
# report speech: "Analysts believe ...", "Clinton wants to ...", "X is confident that ...". What
# they introduce is not reported as said, so it is not "reported" (see ``cue_kind``). Several are
# events too ("support", "oppose", "plan", "want" as a demand): none is in REPORTING_LEMMAS but
# "think".
STANCE_LEMMAS = frozenset(
    BELIEF_CUES | STANCE_CUES | STANCE_ADJECTIVES | {"expect", "seem", "appear", "sound"}
    | {"support", "opposition", "view", "belief", "position", "stance", "hope", "plan", "decision",
       "concern", "fear", "desire", "wish", "intention", "goal", "vision", "opinion", "assessment",
       "embrace"}
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


def cue_kind(lemma: str) -> str:
    """ "stance" for a cue of belief, wish or attitude (lemma in STANCE_LEMMAS), else "report".

    A report's content is what its source said, wrote or found: events in it are "reported" (or
    confirmed, denied: ``cue_status``). A stance's content is what its source believes, wants or
    plans: events in it are not reported by anyone, and whether they happened is read off the
    stance itself (wanted, planned, expected: not yet; believed: hypothetical).
    """
    return "stance" if lemma in STANCE_LEMMAS else "report"


def is_cue_lemma(lemma: str) -> bool:
    """Whether a verb lemma can be a cue at all (the cheap first filter)."""
    return (lemma in STRONG_CUES or lemma in CLAUSAL_CUES or lemma in SPEECH_ACT_CUES
            or lemma in XCOMP_CUES or lemma in BELIEF_CUES or lemma in TOPIC_CUES or lemma in STANCE_CUES)


# The small model's lemmatiser reads "hopes", "hoped", "hoping" as forms of "hop".
_LEMMA_FIXES = {"hop": ("hope", frozenset({"hope", "hopes", "hoped", "hoping"}))}


def verb_lemma(lemma: str, text: str) -> str:
    """The lemma of a cue word, with the lemmatiser's known slips mended (lower-case lemma and text)."""
    fix = _LEMMA_FIXES.get(lemma)
    if fix is not None and text in fix[1]:
        return fix[0]
    return lemma
