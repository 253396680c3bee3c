"""Contract Exception Triage: check signed order forms against quotes and customer records."""

__version__ = "0.1.0"
