"""The model card (``MODEL_CARD.md``): data, metrics, intended use and limits, generated."""

from __future__ import annotations

from triage.scoring.metadata import ModelMetadata

__all__ = ["model_card"]

METRICS = ("roc_auc", "pr_auc", "brier", "ece", "queue_load", "precision", "recall")


def _metrics_table(metadata: ModelMetadata, target: str) -> list[str]:
    rows = ["| model | " + " | ".join(METRICS) + " |", "|---" * (len(METRICS) + 1) + "|"]
    for name, values in metadata.metrics[target].items():
        cells = [f"{values[m]:.4f}" if m in values else "" for m in METRICS]
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return rows


def model_card(metadata: ModelMetadata) -> str:
    """Return the markdown model card of one registered version."""
    data = metadata.dataset
    lines = [
        f"# Risk model {metadata.version}",
        "",
        "Calibrated probabilities that an order's first invoice is **disputed** and that it",
        "is **paid or invoiced late** beyond the configured number of days, with the top",
        "factors of the score that stands highest against the routing policy's threshold",
        f"(the `{metadata.explains}` score where no policy is given).",
        "",
        "## Data",
        f"- Dataset `{data.sha256}` ({data.source}): {data.rows} orders, "
        f"{data.customers} customers.",
        f"- Split: {data.split}; no customer is on both sides.",
        f"- Features: `{metadata.feature_set}`, {len(metadata.feature_names)} columns from the "
        "extraction, the rule results and the customer's 12-month history.",
        f"- Seed {metadata.seed}; code {metadata.code_version}; trained {metadata.created_at}.",
        "",
        "## Targets",
    ]
    for target, info in metadata.targets.items():
        lines.append(
            f"- **{target}**: {info.definition}; training positive rate "
            f"{info.positive_rate:.3f}; calibration {info.calibration}; threshold "
            f"{info.threshold:.4f} ({info.threshold_rule})."
        )
    lines += ["", "## Metrics on held-out customers", ""]
    for target in metadata.metrics:
        lines += [f"### {target}", "", *_metrics_table(metadata, target), ""]
    lines += [
        "`model` is the calibrated gradient-boosted model the service uses; `logistic` and",
        "`exception_count` (number of high/critical exceptions) are the baselines it must",
        "beat. ECE uses 10 equal-width bins. Plots are in `heldout/`.",
        "",
        "## Intended use",
        "- Ranking and routing orders to the human review queue, beside the rule results.",
        "- Prioritising which reviewed orders an analyst looks at first.",
        "",
        "## Limits",
        "- Trained on generated sample cases: the outcome process is synthetic. Retrain on",
        "  recorded outcomes (POST /v1/orders/{id}/outcome) before trusting absolute levels.",
        "- A score is not a decision: it must not reject an order or change its terms alone.",
        "- History features assume the ERP's 12-month figures are current; new customers",
        "  (no invoices) get a prior-based dispute rate.",
        "- Top factors are occlusion attributions against the training median: each says how",
        "  much the score falls when that one feature takes its typical value, not a causal",
        "  effect; correlated features can share or hide credit.",
        "",
    ]
    return "\n".join(lines)
