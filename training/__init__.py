"""Training, evaluation and dataset commands; imports ``triage``, never the other way round."""
