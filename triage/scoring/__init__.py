"""Risk scoring: features from the extraction, the exceptions and the customer -> risk.

- ``features``: the one feature pipeline, shared by training and serving;
- ``scorer``: the RiskScorer of a registered model version (``load_promoted_scorer``);
- ``explanations``: faithful top factors by occlusion against a reference vector;
- ``registry``/``metadata``/``artifact``: versions under ``models/risk``, their metadata,
  and skops loading restricted to an allow-list;
- ``unscored``: the scorer when no model is promoted.

Submodules are imported where used, so loading the package does not load scikit-learn.
"""
