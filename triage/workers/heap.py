"""The heap of a long-lived worker once its models are loaded.

A worker that loads its models once and then serves for its lifetime (an extractor child,
a Ray actor) holds some 200,000 long-lived objects — spaCy's vocabulary and pipeline,
the classifiers' trees, the lexicon's patterns. Python's cyclic garbage collector walks
all of them on every full collection, although none of them can ever become garbage: on
the foreign order set that was about 5 % of extraction time. ``settle_loaded_models``
moves everything alive at that moment into the collector's permanent generation, so
collections look only at what each order allocates.

Only for a process that keeps what it froze: a frozen object is never freed. A Ray actor
that picks up a newly promoted risk model keeps its old one (a few MB per promotion);
the extractor children never reload.
"""

from __future__ import annotations

import gc

__all__ = ["settle_loaded_models"]


def settle_loaded_models() -> None:
    """Collect what loading left behind, then freeze the survivors out of the GC's walk."""
    gc.collect()
    gc.freeze()
