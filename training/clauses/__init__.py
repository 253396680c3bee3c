"""The clause classifier's corpus, training loop, evaluation and ``train-clauses`` command."""
