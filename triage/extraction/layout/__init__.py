"""Layout analysis: segments of a line, label/value pairs, tables, and the prose stream."""

from triage.extraction.layout.keyvalue import KeyValue, find_key_values
from triage.extraction.layout.segments import Segment, evidence_for, split_line
from triage.extraction.layout.tables import Table, TableRow, find_tables

__all__ = [
    "KeyValue",
    "Segment",
    "Table",
    "TableRow",
    "evidence_for",
    "find_key_values",
    "find_tables",
    "split_line",
]
