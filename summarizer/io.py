"""Reading inputs and writing outputs: the only module that touches article files.

Inputs are untrusted: every problem becomes an ``InputError`` whose message
names the file and the reason in one line. Outputs are written atomically so an
interrupted run never leaves a half-written file behind.
"""

from __future__ import annotations

import codecs
import html
import json
import os
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

__all__ = ["INPUT_SUFFIXES", "InputError", "article_id_for", "iter_input_files", "read_article",
           "safe_output_path", "write_json_atomic", "write_text_atomic"]

INPUT_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024


class InputError(ValueError):
    """A bad input file; ``str()`` is one line: ``<path>: <reason>``."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = str(path), reason


def iter_input_files(paths: list[str | os.PathLike[str]]) -> list[Path | InputError]:
    """Files to process, in order: directories expand to their article files (sorted).

    Problems (a path that does not exist, an empty directory) come back as
    ``InputError`` items so the caller reports them and goes on with the rest.
    """
    out: list[Path | InputError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.iterdir()
                           if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
            if not files:
                out.append(InputError(path, f"no {'/'.join(INPUT_SUFFIXES)} files in directory"))
            out.extend(files)
        elif path.is_file():
            out.append(path)
        else:
            out.append(InputError(path, "no such file or directory"))
    return out


_SAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")


def article_id_for(path: Path) -> str:
    """The article id: the file stem, reduced to characters safe in a file name."""
    stem = _SAFE_ID.sub("_", path.stem).strip("._") or "article"
    return stem[:120]


def safe_output_path(out_dir: Path, article_id: str, suffix: str = ".json") -> Path:
    """``out_dir/<id><suffix>``, refusing any id that would escape ``out_dir``."""
    name = _SAFE_ID.sub("_", article_id).strip("._") or "article"
    target = (out_dir / f"{name}{suffix}").resolve()
    if target.parent != out_dir.resolve():
        raise ValueError(f"article id {article_id!r} escapes the output directory")
    return target


def _decode(data: bytes, path: Path) -> str:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF32_LE, "utf-32"),
                       (codecs.BOM_UTF32_BE, "utf-32")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"invalid {codec} text ({exc.reason})") from exc
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    # Text with many control characters is binary whatever its bytes decode to.
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > len(text[:8192]) * 0.01 or text.count("\ufffd") > len(text) * 0.01:
        raise InputError(path, "binary file, not text")
    return text


class _TextOfHTML(HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
              "tr", "blockquote", "header"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The readable text of an HTML page, one block per line (scripts, nav and styles dropped)."""
    parser = _TextOfHTML()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in html.unescape("".join(parser.parts)).splitlines())
    return "\n\n".join(line for line in lines if line)


_LOOKS_HTML = re.compile(r"^\s*(<!doctype html|<html|<head|<body)|<(p|div|article)[\s>]", re.I)


def read_article(path: Path) -> str:
    """The article text of ``path``: decoded, HTML reduced to text, checked non-empty."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"file is {size / 1e6:.1f} MB, larger than the {MAX_BYTES // 2**20} MiB limit")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or type(exc).__name__) from exc
    if not data:
        raise InputError(path, "empty file")
    text = _decode(data, path)
    if path.suffix.lower() in (".html", ".htm") or _LOOKS_HTML.search(text[:2000]):
        text = html_to_text(text)
    if not text.strip():
        raise InputError(path, "no text (whitespace only)")
    return text


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_json_atomic(path: Path, doc: Any) -> None:
    """Write ``doc`` as indented UTF-8 JSON, atomically."""
    write_text_atomic(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
