"""Prompt templates, loaded from the ``prompts/`` folder (shipped inside the package too).

Each file starts with a ``# version: N`` line; the version and a hash of every
template go into cache keys, so editing a prompt never reuses a stale answer.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template

__all__ = ["PromptTemplate", "load_prompt", "prompts_fingerprint"]

_HEADER = re.compile(r"^#\s*version:\s*(\S+)\s*\n")
_NAMES = ("system", "facts", "treaty", "summary", "single", "brief")


@cache
def _folder() -> Path:
    # A non-editable install ships prompts/ as the package data `summarizer.prompts_data`;
    # a source checkout reads the top-level folder directly.
    checkout = Path(__file__).resolve().parent.parent / "prompts"
    if checkout.is_dir():
        return checkout
    return Path(str(resources.files("summarizer.prompts_data")))


class PromptTemplate:
    """A named, versioned template with ``$placeholders`` (string.Template syntax)."""

    def __init__(self, name: str, version: str, body: str) -> None:
        self.name, self.version, self.body = name, version, body

    def render(self, **values: str) -> str:
        """Fill the placeholders; a missing value is an error, not a silent gap."""
        return Template(self.body).substitute(**values)


@cache
def load_prompt(name: str) -> PromptTemplate:
    """The template ``prompts/<name>.txt``."""
    raw = (_folder() / f"{name}.txt").read_text(encoding="utf-8")
    match = _HEADER.match(raw)
    if not match:
        raise ValueError(f"prompts/{name}.txt must start with '# version: N'")
    return PromptTemplate(name, match.group(1), raw[match.end():].strip())


def prompts_fingerprint() -> str:
    """Hash of every template's text: changes whenever any prompt changes."""
    digest = hashlib.sha256()
    for name in _NAMES:
        digest.update(f"{name}\0{load_prompt(name).body}\0".encode())
    return digest.hexdigest()[:16]
