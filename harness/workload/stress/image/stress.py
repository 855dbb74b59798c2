"""minerbench stress workload: sustained matrix multiplies for a set time, one JSON line per interval.

Arguments: the command line, or (when there is none) a JSON list in STRESS_ARGS.
Lines (stdout, one JSON object each, schema version v=1):
  {"kind": "start", ...}     what runs: device, stand-in or not, phases, sizes
  {"kind": "interval", ...}  one per interval and phase: iterations, FLOPs, TFLOPS (all devices and per device)
  {"kind": "end", ...}       how many intervals ran
  {"kind": "error", ...}     then exit code 1
On a GPU (PyTorch with CUDA): every visible device multiplies two N x N matrices in the phase's dtype, TF32 off, so
fp32 is true FP32. Without one (or --device cpu): a CPU stand-in, numpy float32 when numpy is there, else pure Python
at a tiny size; every line says "standIn" and the dtype actually used. Times are wall-clock ms (time.time), the clock
the harness's GPU sampler stamps its samples with, so the lines can be matched to power samples.
"""
import argparse
import json
import os
import random
import signal
import sys
import time

STOP = False


def on_signal(_sig, _frame):
    global STOP
    STOP = True


def emit(obj):
    sys.stdout.write(json.dumps(obj, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def now_ms():
    return int(time.time() * 1000)


class TorchDevices:
    """Every visible CUDA device, one pair of matrices each; work is launched round-robin from one thread."""

    def __init__(self, torch, size):
        self.torch = torch
        self.size = size
        self.devices = [torch.device("cuda", i) for i in range(torch.cuda.device_count())]
        self.names = [torch.cuda.get_device_name(d) for d in self.devices]
        torch.backends.cuda.matmul.allow_tf32 = False
        torch.backends.cudnn.allow_tf32 = False
        self.mats = None
        self.check_every = 8

    def prepare(self, phase):
        dtype = {"fp16": self.torch.float16, "fp32": self.torch.float32}[phase]
        self.mats = []
        for d in self.devices:
            a = self.torch.randn(self.size, self.size, dtype=dtype, device=d)
            b = self.torch.randn(self.size, self.size, dtype=dtype, device=d)
            self.mats.append((a, b, self.torch.empty_like(a)))
        self.sync()
        return phase

    def step(self):
        for a, b, c in self.mats:
            self.torch.matmul(a, b, out=c)

    def sync(self):
        for d in self.devices:
            self.torch.cuda.synchronize(d)


class NumpyStandIn:
    def __init__(self, np, size):
        self.np = np
        self.size = size
        self.names = ["cpu (numpy)"]
        self.check_every = 1
        self.a = None
        self.b = None

    def prepare(self, _phase):
        rng = self.np.random.default_rng(1)
        # float16 matmul has no BLAS path in numpy: both phases run float32 and say so in "dtype".
        self.a = rng.standard_normal((self.size, self.size), dtype=self.np.float32)
        self.b = rng.standard_normal((self.size, self.size), dtype=self.np.float32)
        return "fp32"

    def step(self):
        self.np.matmul(self.a, self.b)

    def sync(self):
        pass


class PurePythonStandIn:
    def __init__(self, size):
        self.size = size
        self.names = ["cpu (pure Python)"]
        self.check_every = 1
        self.a = None
        self.bt = None

    def prepare(self, _phase):
        rnd = random.Random(1)
        n = self.size
        self.a = [[rnd.random() for _ in range(n)] for _ in range(n)]
        b = [[rnd.random() for _ in range(n)] for _ in range(n)]
        self.bt = [list(col) for col in zip(*b)]
        return "fp64"

    def step(self):
        bt = self.bt
        for row in self.a:
            [sum(x * y for x, y in zip(row, col)) for col in bt]

    def sync(self):
        pass


def pick_backend(args):
    """(backend, device, standIn) for --device auto|cuda|cpu; cuda without a GPU is an error."""
    if args.device in ("auto", "cuda"):
        try:
            import torch  # noqa: PLC0415

            if torch.cuda.is_available() and torch.cuda.device_count() > 0:
                backend = TorchDevices(torch, args.size or 8192)
                backend.check_every = args.sync_every
                return backend, "cuda", None
            why = "torch sees no CUDA device"
        except ImportError:
            why = "torch is not installed"
        if args.device == "cuda":
            raise RuntimeError(f"--device cuda: {why}")
    try:
        import numpy  # noqa: PLC0415

        return NumpyStandIn(numpy, args.size or 256), "cpu", "cpu stand-in (numpy)"
    except ImportError:
        return PurePythonStandIn(args.size or 24), "cpu", "cpu stand-in (pure Python)"


def run(args):
    backend, device, stand_in = pick_backend(args)
    phases = [p for p in args.phases.split(",") if p]
    for p in phases:
        if p not in ("fp16", "fp32"):
            raise RuntimeError(f"--phases: unknown phase '{p}' (fp16, fp32)")
    per_phase = args.seconds / len(phases)
    n = backend.size
    emit({"kind": "start", "v": 1, "device": device, "standIn": stand_in, "devices": backend.names,
          "phases": phases, "seconds": args.seconds, "intervalS": args.interval, "size": n, "tMs": now_ms()})
    count = 0
    for phase in phases:
        if STOP:
            break
        dtype = backend.prepare(phase)
        phase_end = time.time() + per_phase
        i = 0
        while not STOP and time.time() < phase_end - 1e-3:
            t0 = time.time()
            stop_at = min(t0 + args.interval, phase_end)
            iters = 0
            while not STOP:
                backend.step()
                iters += 1
                if iters % backend.check_every == 0:
                    backend.sync()
                    if time.time() >= stop_at:
                        break
            backend.sync()
            t1 = time.time()
            flops_each = 2.0 * n * n * n
            total = flops_each * iters * len(backend.names)
            elapsed = max(t1 - t0, 1e-9)
            tflops = total / elapsed / 1e12
            emit({"kind": "interval", "v": 1, "phase": phase, "dtype": dtype, "i": i,
                  "tStartMs": int(t0 * 1000), "tEndMs": int(t1 * 1000), "elapsedS": round(elapsed, 6),
                  "iterations": iters, "size": n, "devices": len(backend.names), "flops": total,
                  "tflops": tflops, "standIn": stand_in})
            i += 1
            count += 1
    emit({"kind": "end", "v": 1, "intervals": count, "stopped": STOP, "tMs": now_ms()})


def main():
    ap = argparse.ArgumentParser(description="sustained matrix multiplies, one JSON line per interval")
    ap.add_argument("--seconds", type=float, default=60.0, help="total run time, split evenly over the phases")
    ap.add_argument("--interval", type=float, default=5.0, help="seconds per printed interval")
    ap.add_argument("--phases", default="fp16,fp32", help="comma-separated: fp16, fp32")
    ap.add_argument("--device", choices=["auto", "cuda", "cpu"], default="auto")
    ap.add_argument("--size", type=int, default=0, help="matrix size N (default: 8192 GPU, 256 numpy, 24 pure Python)")
    ap.add_argument("--sync-every", type=int, default=8, help="iterations launched between device synchronisations")
    argv = sys.argv[1:]
    if not argv and os.environ.get("STRESS_ARGS"):
        # minerbench runs the image and the local process alike: the arguments as a JSON list in the environment.
        argv = json.loads(os.environ["STRESS_ARGS"])
    args = ap.parse_args(argv)
    if args.seconds <= 0 or args.interval <= 0 or args.size < 0 or args.sync_every < 1:
        emit({"kind": "error", "v": 1, "message": "--seconds and --interval must be > 0, --size >= 0, --sync-every >= 1"})
        return 1
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        run(args)
    except BrokenPipeError:
        return 1
    except Exception as e:  # noqa: BLE001 - every failure becomes one error line
        emit({"kind": "error", "v": 1, "message": f"{type(e).__name__}: {e}"})
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
