"""`triage batch` at backlog scale: Ray at 1 and 2 CPUs beside the local engine, memory, kill -9.

    python bench/bench_batch.py [--n 2000]

Builds a manifest of N orders (the product's own generator, plus the foreign order forms
of ../shared/data/foreign-orders cycled in when present), then, each in its own process
so peak RSS is that run's alone:

1. throughput of ``--engine ray`` with 1 and 2 CPUs and of ``--engine local`` with 2
   workers, side by side (targets: ray2 >= 1.8x ray1, ray2 >= 0.9x local), and whether ray
   and local wrote the same results;
2. driver and worker peak RSS of ray at 2 CPUs on N/4, N/2 and N orders, each run in a
   fresh driver with fresh actors, and a verdict: flat when the peak grows by at most 5%
   from N/4 to N orders and by at most 2 KB per order beyond the done keys the driver must
   keep for exactly-once (a 32-byte digest in a dict and a bytearray: about 0.15 KB);
3. the kill test: the CLI driver is sent SIGKILL at about half way, the command is run
   again, and the output must hold every case exactly once, the second run having checked
   only the rest.

Throughput excludes start-up (Ray and the workers' components), which is printed apart.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from itertools import cycle
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOREIGN = ROOT.parent / "shared" / "data" / "foreign-orders"


def build_manifest(work: Path, n: int) -> Path:
    """Write a JSONL manifest of ``n`` orders: half generated, half foreign (cycled)."""
    from triage.samples import generate_cases

    foreign = sorted(p for p in FOREIGN.glob("*") if (p / "order.pdf").exists())
    own_n = n if not foreign else n - n // 2
    own = generate_cases(work / "own", min(own_n, 1000), 16)
    rows = []
    sources = [cycle(own)] + ([cycle(foreign)] if foreign else [])
    for index in range(n):
        case = next(sources[index % len(sources)])
        rows.append(
            {
                "case": f"order-{index:06d}",
                "pdf": str(case / "order.pdf"),
                "quote": str(case / "quote.json"),
                "customer": str(case / "customer.json"),
            }
        )
    manifest = work / f"manifest-{n}.jsonl"
    manifest.write_text("".join(json.dumps(row) + "\n" for row in rows))
    print(f"manifest: {n} orders ({len(own)} generated, {len(foreign)} foreign, cycled)")
    return manifest


def run_one(engine_name: str, workers: int, manifest: Path, out: Path) -> dict[str, object]:
    """Run one engine over the manifest in this process; return its report."""
    from triage.batch import LocalEngine, OutputFolder, list_case_refs, run_to_folder
    from triage.batch.engines import Engine, cpu_seconds
    from triage.config import get_settings

    refs = list_case_refs(manifest)
    started = time.perf_counter()
    engine: Engine
    if engine_name == "ray":
        from triage.batch.on_ray import RayEngine

        engine = RayEngine(get_settings(), address="local", workers=workers)
    else:
        engine = LocalEngine(get_settings(), workers=workers)
    startup = time.perf_counter() - started
    driver_cpu = cpu_seconds()
    load = os.getloadavg()[0]
    try:
        with OutputFolder(out) as folder:
            report = run_to_folder(refs, engine, folder)
    finally:
        engine.close()
    # The local engine's workers are threads of this process: its CPU is counted once.
    driver_cpu = 0.0 if engine_name == "local" else cpu_seconds() - driver_cpu
    cpu = report.worker_cpu_seconds + driver_cpu
    return {
        "cpu_ms_per_order": 1000 * cpu / max(1, report.checked),
        "cores_busy": cpu / report.seconds if report.seconds else 0.0,
        "load_average": (load + os.getloadavg()[0]) / 2,
        "startup_s": startup,
        "seconds": report.seconds,
        "orders_per_second": report.orders_per_second,
        "checked": report.checked,
        "driver_peak_rss_mb": report.driver_peak_rss_mb,
        "worker_peak_rss_mb": report.worker_peak_rss_mb,
    }


def measured(engine: str, workers: int, manifest: Path, out: Path) -> dict[str, object]:
    """Run ``run_one`` in a child process (its own peak RSS) and return its report."""
    command = [sys.executable, __file__, "--one", engine, str(workers), str(manifest), str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{engine} x{workers} failed:\n{done.stderr[-3000:]}")
    report: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def kill_test(manifest: Path, out: Path, n: int) -> None:
    """SIGKILL the CLI driver at about half way, run again, check every case once."""
    command = [sys.executable, "-m", "triage", "batch", str(manifest), "--out", str(out)]
    command += ["--engine", "ray", "--address", "local", "--workers", "2"]
    command += ["--part-size", str(max(10, n // 40))]

    def done_now() -> int:
        lines = 0
        for index in (out / "parts").glob("part-*/index.jsonl"):
            lines += len(index.read_text().splitlines())
        return lines

    driver = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while done_now() < n // 2 and driver.poll() is None:
        time.sleep(0.05)
    driver.send_signal(signal.SIGKILL)
    driver.wait()
    before = done_now()
    time.sleep(2)  # Ray notices its driver is gone and ends the job's actors
    rerun = subprocess.run(command, capture_output=True, text=True, check=True)
    said = " ".join(rerun.stdout.split())
    lines = (out / "results.jsonl").read_text().splitlines()
    cases = [json.loads(line)["case"] for line in lines]
    committed = [
        json.loads(line)["case"]
        for index in (out / "parts").glob("part-*/index.jsonl")
        for line in index.read_text().splitlines()
    ]
    expected = f"order-{0:06d}"
    print(
        f"kill test: killed after {before}/{n} committed; rerun said "
        f"'{said[said.find('checked') :][:60]}'"
    )
    print(
        f"  output: {len(cases)} lines, {len(set(cases))} distinct cases (want {n}); "
        f"committed over both runs: {len(committed)} rows, {len(set(committed))} distinct; "
        f"first case {cases[0] if cases else None} (want {expected})"
    )
    ok = len(cases) == len(set(cases)) == n and len(committed) == n
    ok = ok and f"checked {n - before} now, skipped {before}" in said
    print(f"  every case exactly once, second run checked only the rest: {'yes' if ok else 'NO'}")


def main() -> None:
    """Build the manifest, run the comparisons, print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=int(os.environ.get("BENCH_BATCH_N", 2000)))
    parser.add_argument("--memory-only", action="store_true", help="only the peak RSS runs")
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        engine, workers, manifest, out = args.one
        print(json.dumps(run_one(engine, int(workers), Path(manifest), Path(out))))
        return
    n = args.n
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        work = Path(tmp)
        manifest = build_manifest(work, n)
        if args.memory_only:
            runs = {"ray x2": measured("ray", 2, manifest, work / "ray2")}
        else:
            runs = {
                "ray x1": measured("ray", 1, manifest, work / "ray1"),
                "ray x2": measured("ray", 2, manifest, work / "ray2"),
                "local x2": measured("local", 2, manifest, work / "local2"),
            }
            print(f"\nthroughput on {n} orders (start-up excluded)")
            for name, run in runs.items():
                print(
                    f"  {name:9s} {run['orders_per_second']:6.1f} orders/s  "
                    f"({run['seconds']:.1f} s; start-up {run['startup_s']:.1f} s); "
                    f"{run['cpu_ms_per_order']:.0f} CPU ms per order, "
                    f"{run['cores_busy']:.2f} cores busy, machine load {run['load_average']:.1f}"
                )
            ray1, ray2, local2 = (float(r["orders_per_second"]) for r in runs.values())  # type: ignore[arg-type]
            print(f"  ray x2 / ray x1   = {ray2 / ray1:.2f}x (target >= 1.8x)")
            print(f"  ray x2 / local x2 = {ray2 / local2:.2f}x (target >= 0.9x)")
            same = (work / "ray2" / "results.jsonl").read_bytes() == (
                work / "local2" / "results.jsonl"
            ).read_bytes()
            print(f"  ray and local results identical: {'yes' if same else 'NO'}")
        sizes = {n // 4: None, n // 2: None, n: runs["ray x2"]}
        for size in sizes:
            if sizes[size] is None:
                small = build_manifest(work, size)
                sizes[size] = measured("ray", 2, small, work / f"ray2-{size}")
        memory_table(sizes)  # type: ignore[arg-type]
        if args.memory_only:
            return
        print()
        kill_test(manifest, work / "killed", n)


DONE_KEY_KB = 0.15
"""What the driver must keep per case for exactly-once: the key's digest (a dict entry and
32 bytes of the case-order array); tests/triage/batch/test_on_ray.py measures 0.12 KB."""

FLAT_PERCENT = 5.0
FLAT_KB_PER_ORDER = 2.0


def verdict(name: str, peaks: dict[int, float], allowance_kb: float) -> bool:
    """Print the growth of ``peaks`` (MB by order count) from the fewest to the most orders."""
    low, high = min(peaks), max(peaks)
    growth = peaks[high] - peaks[low]
    percent = 100 * growth / peaks[low] if peaks[low] else 0.0
    per_order = 1024 * growth / (high - low) - allowance_kb
    flat = percent <= FLAT_PERCENT and per_order <= FLAT_KB_PER_ORDER
    beyond = f" beyond the {allowance_kb:g} KB of done keys" if allowance_kb else ""
    print(
        f"  {name}: {growth:+.1f} MB from {low:,} to {high:,} orders ({percent:+.1f}%), "
        f"{per_order:+.2f} KB per order{beyond}: {'flat' if flat else 'NOT FLAT'}"
    )
    return flat


def memory_table(sizes: dict[int, dict[str, object]]) -> None:
    """Print peak RSS of driver, actors and parse children at each size, and the verdicts."""
    print("\npeak RSS, ray x2 (each size a fresh driver and fresh actors; the max over the two)")
    print(f"  {'orders':>7s}  {'driver':>7s}  {'actors':>7s}  {'parse children':>14s}  load")
    driver, actors, children = {}, {}, {}
    for size, run in sizes.items():
        workers: list[float] = run["worker_peak_rss_mb"]  # type: ignore[assignment]
        # RayEngine reports each actor, then its one parse child, actor by actor.
        driver[size] = float(run["driver_peak_rss_mb"])  # type: ignore[arg-type]
        actors[size], children[size] = max(workers[0::2]), max(workers[1::2])
        print(
            f"  {size:7,d}  {driver[size]:4.0f} MB  {actors[size]:4.0f} MB  "
            f"{children[size]:11.0f} MB  {run['load_average']:.1f}"
        )
    print(
        f"  flat: at most {FLAT_PERCENT:g}% and {FLAT_KB_PER_ORDER:g} KB per order more "
        f"from {min(sizes):,} to {max(sizes):,} orders"
    )
    verdicts = [
        verdict("driver", driver, DONE_KEY_KB),
        verdict("actors", actors, 0.0),
        verdict("parse children", children, 0.0),
    ]
    print(f"  driver and worker peak RSS flat: {'yes' if all(verdicts) else 'NO'}")


if __name__ == "__main__":
    main()
