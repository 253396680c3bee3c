"""Settings, read from ``TRIAGE_*`` environment variables (and ``.env``) once per process."""

from __future__ import annotations

import ipaddress
import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["REPO_ROOT", "Settings", "get_settings", "usable_cores"]

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every knob of the service. Defaults run the product from a fresh clone."""

    model_config = SettingsConfigDict(env_prefix="TRIAGE_", env_file=".env", extra="ignore")

    data_dir: Path = Field(
        REPO_ROOT / "var", description="Where the database, PDFs and caches live."
    )
    database_url: str | None = Field(
        None, description="SQLAlchemy URL; default is SQLite at DATA_DIR/triage.db."
    )
    rules_dir: Path = Field(REPO_ROOT / "rules", description="Folder of rule packs and policies.")
    rule_pack: str = Field("default", description="Rule pack name (file rules/<name>.yaml).")
    policy: str = Field("policy", description="Routing policy name (file rules/<name>.yaml).")
    models_dir: Path = Field(REPO_ROOT / "models", description="Model registry folder.")

    parse_timeout_s: float = Field(20.0, gt=0, description="Per-document parse time limit.")
    parse_memory_mb: int = Field(1024, ge=128, description="Per-document parse memory limit.")
    parse_workers: int = Field(2, ge=1, description="Child processes that parse PDFs.")
    ocr: Literal["auto", "always", "never"] = Field(
        "auto", description="OCR pages without a usable text layer (auto), every page, or none."
    )
    ocr_engine: Literal["auto", "tesseract", "rapidocr"] = Field(
        "auto", description="OCR engine; auto: tesseract when installed, else rapidocr."
    )
    ocr_dpi: int = Field(300, ge=72, le=600, description="Resolution pages are read at by OCR.")
    ocr_languages: str = Field(
        "eng",
        pattern=r"^[A-Za-z_]+(\+[A-Za-z_]+)*$",
        description="Tesseract language models, e.g. eng+fra+deu+spa to read accented names"
        " (about twice the OCR time; the packs come from make ocr-deps).",
    )
    ocr_max_pages: int = Field(30, ge=1, description="Most pages read by OCR per document.")
    ocr_timeout_s: float = Field(
        60.0, gt=0, description="Time for OCR of one document, on top of parse_timeout_s."
    )
    extract_workers: int = Field(
        0,
        ge=0,
        description="Child processes that run extraction; 0 extracts in the calling process."
        " `triage serve` starts one per CPU core unless this is set.",
    )
    extract_timeout_s: float = Field(30.0, gt=0, description="Per-document extraction time limit.")
    orders_in_progress: int = Field(
        0,
        ge=0,
        description="New orders the server checks at once; the rest wait their turn, first"
        " come first served. 0: two per CPU core.",
    )
    worker_host: str | None = Field(
        None,
        description="Set by `triage serve --workers N` for its servers: the Unix socket of the"
        " process that owns the parse and extraction children they share.",
    )
    worker_host_key: SecretStr | None = Field(
        None, description="Set with WORKER_HOST: the hex key that socket asks for."
    )
    render_timeout_s: float = Field(
        10.0, gt=0, description="Time limit for drawing one page image (child process)."
    )
    render_memory_mb: int = Field(768, ge=128, description="Memory limit for drawing one page.")
    render_workers: int = Field(1, ge=1, description="Child processes that draw page images.")
    render_max_pixels: int = Field(
        20_000_000, ge=10_000, description="Pages that would draw larger are shown as a notice."
    )
    max_pages: int = Field(200, ge=1, description="Documents with more pages are refused.")
    max_upload_mb: float = Field(25.0, gt=0, description="Largest accepted request body.")

    webhook_private_networks: str = Field(
        "",
        description="Comma-separated CIDR networks webhooks may reach besides public"
        " addresses (e.g. 10.20.0.0/16 for a receiver inside the deployment); empty: none.",
    )

    log_level: str = Field("INFO", description="DEBUG, INFO, WARNING or ERROR.")
    log_format: str = Field("console", description="'json' for one JSON object per line.")

    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint; off if unset.")
    llm_model: str | None = Field(None, description="Model name served at LLM_BASE_URL.")
    llm_api_key: SecretStr = Field(SecretStr("local"), description="Key sent to the LLM endpoint.")
    llm_timeout_s: float = Field(20.0, gt=0, description="Time limit of one LLM call.")
    llm_max_retries: int = Field(1, ge=0, description="Retries of a failed LLM call.")
    llm_max_calls_per_document: int = Field(24, ge=0, description="LLM call budget per PDF.")
    llm_confidence_cap: float = Field(
        0.4, ge=0, lt=1, description="LLM-sourced values never score above this."
    )
    llm_low_confidence_threshold: float = Field(
        0.6, gt=0, le=1, description="Deterministic values below this are re-asked of the LLM."
    )
    llm_max_document_chars: int = Field(6000, ge=500, description="Document text sent per call.")

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError(f"unknown log level {value!r}")
        return level

    @field_validator("webhook_private_networks")
    @classmethod
    def _known_networks(cls, value: str) -> str:
        for entry in filter(None, (part.strip() for part in value.split(","))):
            try:
                ipaddress.ip_network(entry, strict=False)
            except ValueError as error:
                raise ValueError(f"{entry!r} is not a network (CIDR like 10.2.0.0/16)") from error
        return value

    @field_validator("log_format")
    @classmethod
    def _known_format(cls, value: str) -> str:
        if value not in {"console", "json"}:
            raise ValueError("log_format must be 'console' or 'json'")
        return value

    @property
    def resolved_orders_in_progress(self) -> int:
        """Return ``orders_in_progress``, or two per CPU core when it is 0."""
        return self.orders_in_progress or 2 * usable_cores()

    @property
    def webhook_networks(self) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        """Return the networks of ``webhook_private_networks``."""
        entries = (part.strip() for part in self.webhook_private_networks.split(","))
        return tuple(ipaddress.ip_network(e, strict=False) for e in entries if e)

    @property
    def resolved_database_url(self) -> str:
        """Return the configured database URL, or the SQLite file under ``data_dir``."""
        return self.database_url or f"sqlite:///{self.data_dir / 'triage.db'}"


def usable_cores() -> int:
    """Return how many CPU cores this process may run on (its affinity, e.g. under taskset)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings, read from the environment on first use."""
    return Settings()
