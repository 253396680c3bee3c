"""Artifacts load through skops only, and only with the types on the allow-list."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import skops.io as sio
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import FunctionTransformer

from triage.errors import ConfigError
from triage.scoring.artifact import load_artifact


def _fitted() -> LogisticRegression:
    features = np.array([[0.0], [1.0], [2.0], [3.0]])
    return LogisticRegression().fit(features, [0, 0, 1, 1])


def test_an_artifact_of_allowed_types_loads(tmp_path: Path) -> None:
    path = tmp_path / "model.skops"
    sio.dump({"dispute": _fitted()}, path)
    loaded = load_artifact(path)
    assert loaded["dispute"].predict([[3.0]])[0] == 1


def run_anything(rows: object) -> object:
    """A function an attacker could have a crafted artifact call at load time."""
    return rows


def test_an_artifact_holding_an_untrusted_function_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.skops"
    sio.dump({"dispute": FunctionTransformer(run_anything)}, path)
    with pytest.raises(ConfigError, match="outside the allow-list"):
        load_artifact(path)


def test_a_type_is_loadable_only_when_the_caller_allows_it(tmp_path: Path) -> None:
    path = tmp_path / "model.skops"
    sio.dump(FunctionTransformer(run_anything), path)
    with pytest.raises(ConfigError):
        load_artifact(path)
    loaded = load_artifact(path, allowed=set(sio.get_untrusted_types(file=path)))
    assert isinstance(loaded, FunctionTransformer)


def test_a_pickle_or_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_artifact(tmp_path / "absent.skops")
    fake = tmp_path / "model.skops"
    fake.write_bytes(b"\x80\x04\x95not a skops zip")
    with pytest.raises(ConfigError, match="not a readable skops file"):
        load_artifact(fake)
