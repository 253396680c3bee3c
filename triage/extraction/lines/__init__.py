"""Line items: pricing-table columns by the meaning of their headers, rows into items."""

from triage.extraction.lines.assemble import read_line_items
from triage.extraction.lines.columns import classify_header

__all__ = ["classify_header", "read_line_items"]
