"""The installed llama.cpp is built for the pinned x86-64 baseline: no AMX, no AVX-512, not native.

A build for the build host's CPU (GGML_NATIVE) picked AMX from CPUID on a machine whose
hypervisor never enabled AMX state, and every run died with SIGILL. These checks run on
any CI machine, with or without AMX: they read what the build contains, not what the CPU has.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Mnemonics that only AMX code contains; registers that only AVX-512 code uses.
_AMX = re.compile(r"\b(tilezero|ldtilecfg|sttilecfg|tileloaddt?1?|tilestored|tilerelease|tdpb[su]{2}d|tdpbf16ps|tdpfp16ps)\b")
_AVX512 = re.compile(r"%zmm\d+|%k[1-7]\b")


def test_pyproject_pins_a_portable_baseline():
    doc = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    args = doc["tool"]["uv"]["extra-build-variables"]["llama-cpp-python"]["CMAKE_ARGS"].split()
    for flag in ("-DGGML_NATIVE=OFF", "-DGGML_AVX2=ON", "-DGGML_FMA=ON", "-DGGML_F16C=ON",
                 "-DGGML_AVX512=OFF", "-DGGML_AMX_TILE=OFF", "-DGGML_AMX_INT8=OFF", "-DGGML_AMX_BF16=OFF"):
        assert flag in args, flag


def _ggml_libraries() -> list[Path]:
    llama_cpp = pytest.importorskip("llama_cpp")
    libs = sorted((Path(llama_cpp.__file__).parent / "lib").glob("libggml*.so*"))
    assert libs, "llama_cpp ships no ggml libraries"
    return libs


def test_llama_reports_the_baseline_features():
    llama_cpp = pytest.importorskip("llama_cpp")
    info = llama_cpp.llama_print_system_info().decode()
    features = dict(re.findall(r"(\w+) = (\d)", info))
    assert features.get("AVX2") == "1", info
    assert features.get("FMA") == "1" and features.get("F16C") == "1", info
    for feature in ("AMX_INT8", "AMX_BF16", "AVX512", "AVX512_VBMI", "AVX512_VNNI", "AVX512_BF16"):
        assert features.get(feature, "0") == "0", f"{feature} is compiled in: {info}"


def _disassembly(lib: Path) -> str:
    return subprocess.run(["objdump", "-d", "--no-show-raw-insn", str(lib)],
                          capture_output=True, text=True, check=True).stdout


_needs_objdump = pytest.mark.skipif(shutil.which("objdump") is None,
                                    reason="objdump (binutils) not installed")


@_needs_objdump
def test_shipped_ggml_code_has_no_amx_or_avx512_instructions():
    for lib in _ggml_libraries():
        listing = _disassembly(lib)
        amx = _AMX.search(listing)
        assert amx is None, f"{lib.name} contains AMX instruction {amx.group(0)!r}"
        avx512 = _AVX512.search(listing)
        assert avx512 is None, f"{lib.name} contains AVX-512 code ({avx512.group(0)!r})"


@_needs_objdump
@pytest.mark.skipif(shutil.which("gcc") is None, reason="no C compiler to build the control library")
def test_the_scan_finds_amx_and_avx512_in_a_library_that_has_them(tmp_path):
    """The check above can fail: it sees the instructions in a library compiled with them."""
    source = tmp_path / "control.c"
    source.write_text("#include <immintrin.h>\n"
                      "void f(float *a, float *b) { _tile_zero(0);\n"
                      "  _mm512_storeu_ps(b, _mm512_add_ps(_mm512_loadu_ps(a), _mm512_loadu_ps(a))); }\n")
    lib = tmp_path / "libcontrol.so"
    subprocess.run(["gcc", "-O2", "-mamx-tile", "-mavx512f", "-shared", "-fPIC", "-o", str(lib),
                    str(source)], check=True, capture_output=True)
    listing = _disassembly(lib)
    assert _AMX.search(listing) and _AVX512.search(listing)
