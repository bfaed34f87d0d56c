"""MinHash signatures over word shingles, their similarity, and LSH band keys."""

from __future__ import annotations

import re
from functools import cache
from hashlib import blake2b

import numpy as np

__all__ = ["BANDS", "THRESHOLD", "band_keys", "from_bytes", "signature", "similarity", "to_bytes"]

SHINGLE = 3  # words per shingle
BANDS, ROWS = 20, 3  # 60 hash functions; P(shared key) is 0.93 at Jaccard 0.5, 0.99 at 0.6, 0.0025 at 0.05
PERMUTATIONS = BANDS * ROWS
THRESHOLD = 0.5  # estimated Jaccard similarity at or above which two texts are one story run twice
_PRIME = 4_294_967_291  # the largest prime below 2**32: (a*x + b) % p stays inside uint64 and uint32
_WORD = re.compile(r"\w+")


@cache
def _coefficients() -> tuple[np.ndarray, np.ndarray]:
    """The universal hash functions (a*x + b) mod p, derived from fixed labels so every machine agrees."""

    def number(label: str) -> int:
        return int.from_bytes(blake2b(label.encode(), digest_size=4).digest(), "big") % (_PRIME - 1) + 1

    a = np.array([number(f"eventwire-minhash-a{i}") for i in range(PERMUTATIONS)], dtype=np.uint64)
    b = np.array([number(f"eventwire-minhash-b{i}") for i in range(PERMUTATIONS)], dtype=np.uint64)
    return a, b


def _shingles(text: str) -> set[str]:
    """Lower-cased word 3-grams; a text of three words or fewer is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature (60 uint32 values) of ``text``; None for a text without words.

    Shingles are hashed with blake2b (not Python's salted ``hash``), so a signature is the same in
    every process and can be stored.
    """
    shingles = _shingles(text)
    if not shingles:
        return None
    digests = b"".join(blake2b(s.encode("utf-8"), digest_size=4).digest() for s in shingles)
    x = np.frombuffer(digests, dtype=">u4").astype(np.uint64)
    a, b = _coefficients()
    hashed = (np.outer(x, a) + b) % _PRIME
    return hashed.min(axis=0).astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets (share of equal values)."""
    return float(np.count_nonzero(a == b)) / len(a)


def band_keys(sig: np.ndarray) -> list[int]:
    """One key per band (its index and its rows hashed together), as signed 63-bit integers for a BIGINT column."""
    rows = sig.astype(">u4").tobytes()
    width = ROWS * 4
    keys = []
    for band in range(BANDS):
        digest = blake2b(bytes([band]) + rows[band * width : (band + 1) * width], digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big") >> 1)
    return keys


def to_bytes(sig: np.ndarray) -> bytes:
    """A signature as 240 bytes for a binary column."""
    return sig.astype(">u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    """The signature stored by `to_bytes`."""
    return np.frombuffer(data, dtype=">u4").astype(np.uint32)
