"""Golden files: the extraction JSON of every committed sample case (samples/cases)."""
