"""Training of the extraction components: the label model and the confidence calibration."""
