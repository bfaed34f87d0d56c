"""The words and structure around a candidate trigger that decide its event type, as feature strings.

One pure function shared by the training script and the events stage, so a model always sees at
run time exactly what it was trained on. Features name the trigger's own lemma and the lexicon's
reading of it, its arguments (objects, particles, prepositions, complement verbs), the word that
governs it ("willing to withdraw", "vowed to fight"), its modality and negation, the kinds of actors
on each side, and the content words of its clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.candidates import Candidate
from eventwire.events.roles import ActorIndex
from eventwire.events.status import FUTURE_AUX, HYPO_AUX

__all__ = ["features"]

_ARGS = frozenset({"dobj", "attr", "prt", "acomp", "nsubjpass", "dative", "oprd", "pobj", "compound", "amod"})
_COMPLEMENTS = frozenset({"xcomp", "ccomp", "acl", "relcl"})
_GOVERNED = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "conj", "pcomp", "dobj", "pobj", "nsubj", "amod"})
_CONTENT = frozenset({"VERB", "NOUN", "ADJ", "PROPN"})
_BAG = 24


def features(cand: Candidate, index: ActorIndex) -> list[str]:
    """Feature strings of one candidate (unordered, without duplicates)."""
    tok, hit = cand.tok, cand.hit
    lemma = _lemma(tok)
    out = [f"L:{lemma}", f"P:{'N' if cand.nominal else 'V'}"]
    if hit is None:
        out.append("X:none")
    else:
        code = hit.code
        out += [f"X:{code.type}", f"C2:{code.cameo[:2]}", f"C3:{code.cameo[:3]}", f"XL:{code.type}|{lemma}"]
        if hit.specific:
            out.append(f"XS:{code.type}")
    out += _argument_features(tok, lemma)
    out += _governor_features(tok, lemma)
    out += _modality_features(tok)
    out += _party_features(cand, index)
    out += _bag(tok)
    out += [f"ST:{t}" for t in cand.sentence_types]
    return list(dict.fromkeys(out))


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _argument_features(tok: Token, lemma: str) -> list[str]:
    out = []
    for child in tok.children:
        dep, clem = child.dep_, _lemma(child)
        if dep in _ARGS:
            out += [f"A:{dep}:{clem}", f"LA:{lemma}|{dep}:{clem}"]
        elif dep == "prep":
            out += [f"R:{clem}", f"LR:{lemma}|{clem}"]
            for g in child.children:
                if g.dep_ in ("pobj", "pcomp"):
                    out += [f"RO:{clem}:{_lemma(g)}", f"LRO:{lemma}|{clem}:{_lemma(g)}"]
        elif dep in _COMPLEMENTS and child.pos_ in ("VERB", "AUX", "NOUN"):
            out += [f"K:{clem}", f"LK:{lemma}|{clem}"]
    return out


def _governor_features(tok: Token, lemma: str) -> list[str]:
    """The word the trigger hangs from, and through an auxiliary "be" ("is willing to", "was due to")."""
    if tok.head.i == tok.i or tok.dep_ not in _GOVERNED:
        return ["H:-"]
    head = tok.head
    hlem = _lemma(head)
    out = [f"H:{hlem}", f"HD:{tok.dep_}", f"HL:{hlem}|{lemma}"]
    if head.pos_ == "ADP" and head.head.i != head.i:
        out.append(f"H2:{_lemma(head.head)}|{hlem}")
    return out


def _modality_features(tok: Token) -> list[str]:
    out = []
    for child in tok.children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "det" and low == "no"):
            out.append("M:neg")
        elif child.dep_ == "aux" and low in FUTURE_AUX:
            out.append("M:future")
        elif child.dep_ == "aux" and low in HYPO_AUX:
            out.append("M:modal")
        elif child.dep_ == "auxpass":
            out.append("M:passive")
    if tok.tag_ in ("VBG", "VBN", "VB", "VBD", "VBZ", "VBP"):
        out.append(f"T:{tok.tag_}")
    return out


def _party_features(cand: Candidate, index: ActorIndex) -> list[str]:
    out = []
    for role, ids in (("S", cand.roles.source), ("O", cand.roles.target)):
        if not ids:
            out.append(f"{role}:none")
        for aid in ids[:3]:
            actor = index.actors[aid]
            out.append(f"{role}:{actor.sector or actor.kind}")
    return out


def _bag(tok: Token) -> list[str]:
    """Content lemmas of the trigger's subtree, nearest first (a bounded number)."""
    words = sorted((t for t in tok.subtree if t.pos_ in _CONTENT and t.i != tok.i), key=lambda t: abs(t.i - tok.i))
    return [f"W:{_lemma(t)}" for t in words[:_BAG]]
