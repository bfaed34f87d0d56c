"""Near-duplicate texts: one wire story run by two outlets, found by a text fingerprint.

A pure module (no database, no pipeline). A text's fingerprint is a MinHash signature of its word
3-shingles; the share of equal signature values estimates the Jaccard similarity of the two shingle
sets. Banding (locality-sensitive hashing) cuts the signature into `BANDS` keys: two texts at or above
`THRESHOLD` share a key with high probability, two unrelated texts almost never, so a store finds the
candidates by an indexed equality look-up and compares only those.

Why MinHash and not trafilatura's 64-bit SimHash: on 800 BBC articles a 64-bit SimHash over shingles put
one swapped sentence 5-12 bits away and some unrelated pairs 8-13 bits away, with no safe cut-off; MinHash
estimates the similarity itself (see tests/dedup).
"""

from eventwire.dedup.minhash import BANDS, THRESHOLD, band_keys, from_bytes, signature, similarity, to_bytes

__all__ = ["BANDS", "THRESHOLD", "band_keys", "from_bytes", "signature", "similarity", "to_bytes"]
