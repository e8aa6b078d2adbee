"""A first evaluation of the embedded engine in a child process, so a native crash is a message.

llama.cpp built with instructions that this CPU, or its operating system, has not enabled
(AMX under a hypervisor, AVX-512 where the kernel keeps its state off) dies with SIGILL on
its first matrix product. A signal kills Python at once: no exception, no message, only an
exit status. So before the model is loaded in process, a child process loads it and reads
one short prompt batch, which runs the same quantised matrix kernels. If the child is
killed by a signal, the caller gets ``EngineCrashed`` with one line that says what happened
and where the README explains it. A passing probe is remembered (per engine build, model
file and CPU) so later runs pay under a millisecond; the first costs about 2.5 s (measured).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from summarizer.errors import EngineCrashed
from summarizer.io import write_text_atomic

__all__ = ["EngineCrashed", "engine_crashed", "probe_engine"]

README_SECTION = "README, 'Troubleshooting: CPU features'"

# Enough tokens that llama.cpp takes its batched (matrix-matrix) path, as a real prompt does.
_PROBE_TOKENS = 32

_CHILD = """
import sys
from llama_cpp import Llama
llm = Llama(model_path=sys.argv[1], n_ctx=128, n_batch=64, n_threads=int(sys.argv[2]), verbose=False)
tokens = llm.tokenize(b"The quick brown fox jumps over the lazy dog. " * 8)[:int(sys.argv[3])]
llm.eval(tokens)
"""

_SIGNAL_WORDS = {
    "SIGILL": "illegal instruction",
    "SIGSEGV": "segmentation fault",
    "SIGBUS": "bus error",
    "SIGFPE": "floating-point exception",
    "SIGABRT": "aborted",
    "SIGKILL": "killed (out of memory?)",
}


def engine_crashed(model_path: str, signal_name: str) -> EngineCrashed:
    """The one-line error for an engine killed by ``signal_name``."""
    words = _SIGNAL_WORDS.get(signal_name, "killed by a signal")
    hint = (" (llama.cpp was built with CPU instructions this machine does not enable)"
            if signal_name == "SIGILL" else "")
    return EngineCrashed(f"the embedded model crashed: {words} ({signal_name}){hint}; "
                         f"see {README_SECTION}", model_path=model_path, signal_name=signal_name)


def _engine_fingerprint() -> str:
    """The installed llama.cpp libraries (names, sizes, mtimes) and this CPU's feature flags."""
    import llama_cpp

    parts: list[str] = []
    lib = Path(llama_cpp.__file__).parent / "lib"
    for path in sorted(lib.glob("*.so*")) if lib.is_dir() else []:
        stat = path.stat()
        parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    try:
        flags = next((line for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith(("flags", "Features"))), "")
    except OSError:
        flags = ""
    parts.append(flags)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def _signal_name(returncode: int) -> str:
    try:
        return signal.Signals(-returncode).name
    except ValueError:
        return f"signal {-returncode}"


def probe_engine(model_path: Path, n_threads: int, cache_file: Path | None = None) -> None:
    """Raise ``EngineCrashed`` if evaluating a short prompt with this model kills the process.

    ``cache_file`` remembers passing probes. A child that fails without a signal (an
    exception, a bad file) is not this check's business: loading in process reports it
    with its own message.
    """
    if os.environ.get("SUMMARIZER_SKIP_ENGINE_PROBE") == "1":
        return
    key = f"{_engine_fingerprint()}:{Path(model_path).resolve()}"
    passed: dict[str, bool] = {}
    if cache_file is not None and cache_file.is_file():
        try:
            passed = json.loads(cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            passed = {}
    if passed.get(key):
        return
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(model_path), str(n_threads),
                           str(_PROBE_TOKENS)], stdin=subprocess.DEVNULL, capture_output=True)
    if proc.returncode < 0:
        raise engine_crashed(str(model_path), _signal_name(proc.returncode))
    if proc.returncode == 0 and cache_file is not None:
        passed[key] = True
        try:
            write_text_atomic(cache_file, json.dumps(passed, indent=1))
        except OSError:
            pass  # only a cache: the probe runs again next time
