"""PDF blobs are content-addressed and written once."""

from __future__ import annotations

import hashlib

import pytest

from triage.store import BlobStore


def test_blob_is_stored_under_its_sha256_once(tmp_path):
    blobs = BlobStore(tmp_path)
    digest = blobs.put(b"%PDF-1.7 one")
    assert digest == hashlib.sha256(b"%PDF-1.7 one").hexdigest()
    path = blobs.path_for(digest)
    mtime = path.stat().st_mtime_ns
    assert blobs.put(b"%PDF-1.7 one") == digest
    assert path.stat().st_mtime_ns == mtime
    assert blobs.get(digest) == b"%PDF-1.7 one"
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [f"{digest}.pdf"]


def test_a_path_outside_the_store_cannot_be_named(tmp_path):
    with pytest.raises(ValueError):
        BlobStore(tmp_path).path_for("../../etc/passwd")
