"""Field finders: label/value hits and sentence cues become scored candidates per field."""
