"""The command line shared by the extraction fitting scripts: cases, seed and output file."""

from __future__ import annotations

import argparse
from pathlib import Path

from triage.config import REPO_ROOT

__all__ = ["fit_arguments"]


def fit_arguments(doc: str, cases: int, seed: int, file_name: str) -> argparse.Namespace:
    """Return the parsed ``--cases``, ``--seed`` and ``--out`` of a script fitting
    ``models/extraction/<file_name>`` (``doc``: the script's docstring, for ``--help``)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--cases", type=int, default=cases)
    parser.add_argument("--seed", type=int, default=seed)
    default_out = REPO_ROOT / "models" / "extraction" / file_name
    parser.add_argument("--out", type=Path, default=default_out)
    return parser.parse_args()
