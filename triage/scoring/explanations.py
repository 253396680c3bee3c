"""Top factors: which features moved one order's score, by occlusion against a reference.

For each feature whose value differs from the reference (the training median, stored in the
model's metadata), the feature alone is set back to its reference value and the order is
scored again. The contribution is the score minus that re-scored value, so it is faithful by
construction: undoing a factor with a positive contribution lowers the score by exactly that
amount. All the re-scored rows go through the model in one call.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from triage.contract import RiskFactor

__all__ = ["Attribution", "occlusion_attribution", "top_factors"]

FloatArray = npt.NDArray[np.float64]
MINIMUM_CONTRIBUTION = 5e-5
Attribution = tuple[float, FloatArray]
"""The order's score and one contribution per feature (0 where it equals the reference)."""


def occlusion_attribution(
    predict: Callable[[FloatArray], FloatArray],
    values: FloatArray,
    reference: FloatArray,
) -> Attribution:
    """Return the score of ``values`` and each feature's contribution against ``reference``.

    ``predict`` maps an (orders x features) matrix to one score per row.
    """
    changed = np.flatnonzero(values != reference)
    rows = np.repeat(values[np.newaxis, :], len(changed) + 1, axis=0)
    rows[np.arange(1, len(changed) + 1), changed] = reference[changed]
    scores = predict(rows)
    contributions = np.zeros_like(values)
    contributions[changed] = scores[0] - scores[1:]
    return float(scores[0]), contributions


def top_factors(
    names: tuple[str, ...], contributions: FloatArray, *, limit: int = 5
) -> list[RiskFactor]:
    """Return up to ``limit`` factors with the largest absolute contribution.

    Contributions are rounded to 4 decimals; one that rounds to zero is not a factor.
    """
    order = sorted(
        (i for i in range(len(names)) if abs(contributions[i]) >= MINIMUM_CONTRIBUTION),
        key=lambda i: (-abs(float(contributions[i])), names[i]),
    )
    return [
        RiskFactor(feature=names[i], contribution=round(float(contributions[i]), 4))
        for i in order[:limit]
    ]
