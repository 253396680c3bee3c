"""Training the risk models: datasets, splits, estimators, evaluation and publishing.

Features always come from :mod:`triage.scoring.features`, the code the service runs.
"""
