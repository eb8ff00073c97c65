"""An assessment's official levels packed into a short text, one digit per scored question.

Stored in the result snapshot (``result["levels"]``) in the order of the version's
scored questions, "0" for "don't know": the method-health page reads ten thousand
of these short texts instead of joining half a million answers. Plain Python and
NumPy, no Django.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

DONT_KNOW_DIGIT = 0


def pack_rows(levels: np.ndarray) -> list[str]:
    """Each row of a levels matrix (NaN = don't know, levels 1-9) as its text."""
    matrix = np.asarray(levels, dtype=float)
    if matrix.size == 0:
        return ["" for _ in range(matrix.shape[0])]
    digits = np.nan_to_num(matrix, nan=DONT_KNOW_DIGIT).astype(np.uint8) + ord("0")
    return [row.tobytes().decode("ascii") for row in digits]


def pack(levels: Sequence[float | None]) -> str:
    """One assessment's levels (None or NaN = don't know) as its text."""
    return pack_rows(np.array([[np.nan if v is None else v for v in levels]], dtype=float))[0]


def unpack(texts: Sequence[str], width: int) -> np.ndarray:
    """The levels matrix of packed texts (NaN = don't know); every text ``width`` long."""
    if any(len(t) != width for t in texts):
        raise ValueError("a packed text does not have one digit per question")
    if not texts:
        return np.empty((0, width))
    digits = np.frombuffer("".join(texts).encode("ascii"), dtype=np.uint8).astype(float)
    matrix = (digits - ord("0")).reshape(len(texts), width)
    matrix[matrix == DONT_KNOW_DIGIT] = np.nan
    return matrix
