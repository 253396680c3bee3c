"""`triage batch` at backlog scale: Ray at 1 and 2 CPUs beside the local engine, memory, kill -9.

    python bench/bench_batch.py [--n 2000] [--memory-only] [--sizes 1000,2000,4000]

Builds a manifest of N orders (the product's own generator, plus the foreign order forms
of ../shared/data/foreign-orders cycled in when present), then, each in its own process
so peak RSS is that run's alone:

1. throughput of ``--engine ray`` with 1 and 2 CPUs and of ``--engine local`` with 2
   workers, side by side (targets: ray2 >= 1.8x ray1, ray2 >= 0.9x local), and whether ray
   and local wrote the same results;
2. driver and worker peak RSS of ray at 2 CPUs on N/4, N/2 and N orders (or ``--sizes``),
   each run in a fresh driver with fresh actors. Beside each process's peak (VmHWM), a
   thread samples every process's current RSS (VmRSS) by phase (checking, merging,
   summarising) and at each quarter of the orders, so a peak is seen where it happens.
   Flat: at most 5% more from the smallest size to the largest. The largest run's peaks
   (VmHWM) are also read after each quarter of its orders and printed as KB per order:
   there start-up cancels (fresh processes differ by a few MB in what start-up left them,
   more than a per-order slope between sizes can tell from the batch), so a growth that
   goes on shows again in a longer run (``--sizes 500,2000,8000``) while a warm-up stops;
   the driver must keep about 0.15 KB per case for exactly-once (a 32-byte digest in a
   dict and a bytearray). A parse child lives at most
   250 documents (the sandbox replaces it), so no child lives longer in a longer batch:
   its figure is the peak of each child's life, judged on the median life (see
   ``lives_verdict``), not the largest over the run, which only counts how many lives a
   run drew;
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
import threading
import time
from collections.abc import Callable
from itertools import cycle, pairwise
from pathlib import Path
from statistics import median

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
    sampler = Sampler(engine.worker_pids, len(refs))
    try:
        with OutputFolder(out) as folder, sampler:
            report = run_to_folder(
                refs, engine, folder, progressed=sampler.progressed, phased=sampler.phased
            )
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
        "phases": sampler.phases,
        "driver_peaks": sampler.driver_peaks,
        "quarters": sampler.quarters,
        "quarter_peaks": sampler.quarter_peaks,
        "child_lives": list(sampler.child_lives.values()),
    }


SAMPLE_S = 0.1


class Sampler:
    """Samples the current RSS (MB) of this driver and of ``pids`` while a run goes.

    A sample is ``[driver, *pids]``; ``phases`` keeps the largest of each process in each
    phase of the run, ``quarters`` one after a quarter, half, three quarters and all the
    orders. A parse child's own peak (VmHWM) covers only its life, and the sandbox replaces
    it every 250 documents, so a run's figure for the parse children is not one process's:
    ``child_lives`` keeps, for each child process seen (the odd places of ``pids``: each
    actor, then its parse child), the VmHWM last read while it lived, which is that life's
    peak up to the last sample (the exact peak of every life but the few replaced between
    two samples, 0.1 s apart).
    """

    def __init__(self, pids: Callable[[], list[int]], total: int) -> None:
        from triage.batch.engines import peak_rss_mb, rss_mb

        self._rss, self._peak, self._ask = rss_mb, peak_rss_mb, pids
        self._pids = pids()
        self._marks = {max(1, total * q // 4) for q in range(1, 5)}
        self._phase = "starting"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.phases: dict[str, list[float]] = {}
        self.driver_peaks: dict[str, float] = {}
        self.quarters: dict[int, list[float]] = {}
        self.quarter_peaks: dict[int, list[float]] = {}
        self.child_lives: dict[int, float] = {}

    def _now(self) -> list[float]:
        now = [self._rss(), *(self._rss(pid) for pid in self._pids)]
        if 0.0 in now[1:]:  # a parse child was recycled (every 250 documents): ask again
            self._pids = self._ask()
            now = [self._rss(), *(self._rss(pid) for pid in self._pids)]
        for pid in self._pids[1::2]:
            peak = self._peak(pid)
            if peak:  # 0: it ended since the list was asked for
                self.child_lives[pid] = max(peak, self.child_lives.get(pid, 0.0))
        return now

    def _sample(self) -> None:
        now = self._now()
        seen = self.phases.setdefault(self._phase, now)
        if len(seen) == len(now):
            self.phases[self._phase] = [max(a, b) for a, b in zip(seen, now, strict=True)]

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_S):
            self._sample()

    def phased(self, phase: str) -> None:
        """Note the phase the run enters (sampled on the way out and in), and the driver's
        peak (VmHWM) at the end of the one it leaves: the phase that raised it is seen."""
        self._sample()
        self.driver_peaks[self._phase] = self._peak()
        self._phase = phase
        self._sample()

    def progressed(self, checked: int, skipped: int) -> None:
        """Note the RSS now and the peak (VmHWM) of driver and actors after each quarter."""
        if checked in self._marks:
            self.quarters[checked] = self._now()
            self.quarter_peaks[checked] = [self._peak(), *map(self._peak, self._pids[0::2])]

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
        self.driver_peaks[self._phase] = self._peak()


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
    parser.add_argument(
        "--sizes", help="order counts of the RSS runs, comma-separated (default N/4,N/2,N)"
    )
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
        wanted = sorted({int(x) for x in args.sizes.split(",")}) if args.sizes else []
        if args.memory_only:
            runs = {}
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
        sizes: dict[int, dict[str, object] | None] = dict.fromkeys(wanted or [n // 4, n // 2, n])
        if "ray x2" in runs and n in sizes:
            sizes[n] = runs["ray x2"]
        for size in sizes:
            if sizes[size] is None:
                small = manifest if size == n else build_manifest(work, size)
                sizes[size] = run = measured("ray", 2, small, work / f"ray2-{size}")
                worker_mb: list[float] = run["worker_peak_rss_mb"]  # type: ignore[assignment]
                print(  # as each size ends: a long run that is cut short still says something
                    f"  measured {size:,} orders: driver peak {run['driver_peak_rss_mb']:.0f} MB,"
                    f" actors peak {max(worker_mb[0::2]):.0f} MB, load {run['load_average']:.1f}",
                    flush=True,
                )
        memory_table(sizes)  # type: ignore[arg-type]
        if args.memory_only:
            return
        print()
        kill_test(manifest, work / "killed", n)


DONE_KEY_KB = 0.15
"""What the driver must keep per case for exactly-once: the key's digest (a dict entry and
32 bytes of the case-order array); tests/triage/batch/test_on_ray.py measures 0.12 KB."""

FLAT_PERCENT = 5.0


def slope_kb(peaks: dict[int, float], low: int, high: int) -> float:
    """Return the growth of ``peaks`` (MB by order count) from ``low`` to ``high``, KB/order."""
    return 1024 * (peaks[high] - peaks[low]) / (high - low)


def _steps_kb(peaks: dict[int, float]) -> str:
    """Return the growth of ``peaks`` from each order count to the next, KB/order."""
    ordered = sorted(peaks)
    return ", ".join(f"{slope_kb(peaks, x, y):+.2f}" for x, y in pairwise(ordered))


def across_verdict(name: str, peaks: dict[int, float]) -> bool:
    """Print and judge the growth of ``peaks`` (one fresh process per size) over the range.

    Between fresh processes the figure also holds what each start-up happened to leave
    (Ray's runtime, the allocator's arenas): a few MB either way from run to run, so this
    rule is on the percentage; the per-order slope is judged within one run (below).
    """
    ordered = sorted(peaks)
    low, high = ordered[0], ordered[-1]
    growth = peaks[high] - peaks[low]
    percent = 100 * growth / peaks[low] if peaks[low] else 0.0
    flat = percent <= FLAT_PERCENT
    steps = _steps_kb(peaks)
    print(
        f"  {name}, fresh process per size: {growth:+.1f} MB from {low:,} to {high:,} orders"
        f" ({percent:+.1f}%; KB/order between sizes {steps}): {'flat' if flat else 'NOT FLAT'}"
    )
    return flat


def within_slopes(name: str, peaks: dict[int, float], allowance_kb: float) -> None:
    """Print how a peak (VmHWM) read in one run grows from its first quarter to its end,
    per order (beyond ``allowance_kb``, what the run must keep per order) and per quarter."""
    ordered = sorted(peaks)
    low, high = ordered[0], ordered[-1]
    slope = slope_kb(peaks, low, high) if high > low else 0.0
    steps = _steps_kb(peaks)
    beyond = f"; {slope - allowance_kb:+.2f} beyond the {allowance_kb:g} KB of done keys"
    print(
        f"  {name}: {peaks[low]:.1f} MB after {low:,} orders, {peaks[high]:.1f} after {high:,}"
        f" ({slope:+.2f} KB/order{beyond if allowance_kb else ''}; by quarter {steps})"
    )


def lives_verdict(lives: dict[int, list[float]]) -> bool:
    """Print and judge the parse children's peaks, one per child's life.

    The sandbox replaces a parse child every 250 documents, so no child lives longer in a
    longer batch: the maximum over a run's children only grows with how many of them the
    run draws (and with the largest document one of them met), not with the batch. What a
    longer batch could still grow is each life, so the figure is a life's peak (VmHWM)
    and the verdict is on the median life: at most 5% more from the smallest to the largest
    size, and in the largest run the later half of the lives peaking no higher than the
    first half by more than 5% (a child that inherited growth from its predecessors would
    show there). The halves are compared by their highest life: each half meets the same
    cycled documents, while a half's median depends on how many of its lives met a large
    one, or were cut short by the end of the run (the last children live a few documents).
    """
    ordered = sorted(lives)
    low, high = ordered[0], ordered[-1]
    typical = {size: median(peaks) for size, peaks in lives.items()}
    growth = 100 * (typical[high] - typical[low]) / typical[low] if typical[low] else 0.0
    largest = lives[high]
    half = len(largest) // 2
    early, late = max(largest[: max(1, half)]), max(largest[half:])
    later = 100 * (late - early) / early if early else 0.0
    flat = growth <= FLAT_PERCENT and later <= FLAT_PERCENT
    each = ", ".join(
        f"{size:,}: {len(lives[size])} lives, median {typical[size]:.1f}, "
        f"max {max(lives[size]):.1f}"
        for size in ordered
    )
    print(f"  parse children, peak of each life (MB; replaced every 250 documents): {each}")
    print(
        f"    median life {growth:+.1f}% from {low:,} to {high:,} orders; in the {high:,}-order"
        f" run the later lives' highest {late:.1f} vs the first ones' {early:.1f} MB"
        f" ({later:+.1f}%): {'flat' if flat else 'NOT FLAT'}"
    )
    return flat


PHASES = ("checking", "merging", "summarising")


def _phase_figures(figures: dict[str, float]) -> str:
    return "/".join(f"{figures[p]:.1f}" if p in figures else "-" for p in PHASES)


def memory_table(sizes: dict[int, dict[str, object]]) -> None:
    """Print peak and per-phase RSS of driver, actors and parse children, and the verdicts."""
    print("\nRSS, ray x2 (each size a fresh driver and fresh actors; actors: the max over the two)")
    print(f"  phases {'/'.join(PHASES)}: 'peak' is VmHWM at the end of each, 'now' the sampled max")
    print(
        f"  {'orders':>7s}  {'driver peak by phase':>22s}  {'driver now by phase':>20s}"
        f"  {'actors peak':>11s}  {'actors now, checking':>20s}  {'parse life':>10s}  load"
    )
    driver, checking, actors = {}, {}, {}
    children: dict[int, list[float]] = {}
    for size, run in sizes.items():
        workers: list[float] = run["worker_peak_rss_mb"]  # type: ignore[assignment]
        phases: dict[str, list[float]] = run["phases"]  # type: ignore[assignment]
        peaks: dict[str, float] = run.get("driver_peaks") or {}  # type: ignore[assignment]
        # RayEngine reports each actor, then its one parse child, actor by actor.
        driver[size] = float(run["driver_peak_rss_mb"])  # type: ignore[arg-type]
        checking[size] = peaks.get("checking", driver[size])
        actors[size] = max(workers[0::2])
        lives: list[float] = run.get("child_lives") or [0.0]  # type: ignore[assignment]
        children[size] = lives
        now = _phase_figures({phase: sample[0] for phase, sample in phases.items()})
        actors_now = max(phases.get("checking", [0.0, 0.0])[1::2], default=0.0)
        print(
            f"  {size:7,d}  {_phase_figures(peaks) + ' MB':>22s}  {now + ' MB':>20s}"
            f"  {actors[size]:8.1f} MB  {actors_now:17.1f} MB  {median(children[size]):6.1f} MB"
            f"  {run['load_average']:.1f}"
        )
    largest = sizes[max(sizes)]
    quarters: dict[str, list[float]] = largest["quarters"]  # type: ignore[assignment]
    print(f"  within the {max(sizes):,}-order run, RSS now after each quarter of the orders:")
    for checked, now_mb in sorted(quarters.items(), key=lambda item: int(item[0])):
        print(
            f"    {int(checked):7,d}  driver {now_mb[0]:.1f} MB  actors {max(now_mb[1::2]):.1f} MB"
            f"  parse {max(now_mb[2::2]):.1f} MB"
        )
    print(
        f"  flat: at most {FLAT_PERCENT:g}% more from {min(sizes):,} to {max(sizes):,} orders"
        " (each size a fresh process)"
    )
    across_verdict("driver peak by the end of checking", checking)
    verdicts = [across_verdict("driver", driver), across_verdict("actors", actors)]
    verdicts.append(lives_verdict(children))
    marks: dict[str, list[float]] = largest.get("quarter_peaks") or {}  # type: ignore[assignment]
    in_run = {int(checked): peaks for checked, peaks in marks.items()}
    if len(in_run) > 1:
        print(
            f"  within the {max(sizes):,}-order run, peak (VmHWM) after each quarter: a growth"
            " that goes on shows here again in a longer run (--sizes ...,8000); a warm-up stops"
        )
        within_slopes("driver", {k: v[0] for k, v in in_run.items()}, DONE_KEY_KB)
        for index in range(1, len(next(iter(in_run.values())))):
            each = {k: v[index] for k, v in in_run.items() if len(v) > index}
            within_slopes(f"actor {index}", each, 0.0)

    print(f"  driver and worker peak RSS flat: {'yes' if all(verdicts) else 'NO'}")


if __name__ == "__main__":
    main()
