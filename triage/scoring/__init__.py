"""Risk scoring: features from the extraction, the exceptions and the customer -> risk."""
