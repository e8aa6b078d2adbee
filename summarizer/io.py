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

from summarizer.errors import InputError

__all__ = ["INPUT_SUFFIXES", "InputError", "article_id_for", "check_jsonl_row", "iter_input_files", "read_article",
           "safe_output_path", "write_json_atomic", "write_text_atomic"]

INPUT_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024


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
    # Leading dots go ("." and "..", hidden files); a trailing "_" stays, since the pipeline
    # appends it to tell apart two articles with one stem (or a stem such as "brief").
    name = _SAFE_ID.sub("_", article_id).lstrip("._")[:200] or "article"
    target = (out_dir / f"{name}{suffix}").resolve()
    if target.parent != out_dir.resolve():
        raise InputError(target, f"article id {article_id!r} escapes the output directory")
    return target


def _decode(data: bytes, path: Path) -> str:
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                       (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"invalid {codec} text ({exc.reason})") from exc
    if b"\x00" in data[:8192]:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(path, "binary file, not text")
        return text
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


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM (mostly-ASCII text has a NUL in every other byte)."""
    sample = data[:8192]
    half = len(sample) // 2
    if len(data) % 2 or half < 8:
        return None
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    codec = ("utf-16-le" if odd > 0.5 and even < 0.01 else
             "utf-16-be" if even > 0.5 and odd < 0.01 else None)
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    return None if controls > len(text[:4096]) * 0.01 else text


_SKIPPED = re.compile(r"<(script|style|noscript|template|svg|head|nav|footer|aside)\b.*?</\1\s*>",
                      re.I | re.S)
_TAG = re.compile(r"<[^>]*>")


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
    try:
        parser.feed(markup)
        parser.close()
        text = "".join(parser.parts)
    except (AssertionError, ValueError):  # html.parser gives up on some malformed markup
        text = _TAG.sub("\n", _SKIPPED.sub("\n", markup))
    lines = (" ".join(line.split()) for line in html.unescape(text).splitlines())
    return "\n\n".join(line for line in lines if line)


_LOOKS_HTML = re.compile(r"^\s*(<!doctype html|<html|<head|<body)|<(p|div|article)[\s>]", re.I)


def read_article(path: Path) -> str:
    """The article text of ``path``: decoded, HTML reduced to text, checked non-empty."""
    try:
        size = path.stat().st_size
        if size <= MAX_BYTES:
            with path.open("rb") as fh:  # read at most the limit: the file may grow meanwhile
                data = fh.read(MAX_BYTES + 1)
            size = len(data)
    except OSError as exc:
        raise InputError(path, exc.strerror or type(exc).__name__) from exc
    if size > MAX_BYTES:
        raise InputError(path, f"file is {size / 2**20:.1f} MiB, larger than the "
                               f"{MAX_BYTES // 2**20} MiB limit")
    if not data:
        raise InputError(path, "empty file")
    text = _decode(data, path)
    if path.suffix.lower() in (".html", ".htm") or _LOOKS_HTML.search(text[:2000]):
        text = html_to_text(text)
    if not text.strip():
        raise InputError(path, "no text (whitespace only)")
    return text


def check_jsonl_row(line: str, path: str | os.PathLike[str], number: int) -> tuple[str, str]:
    """``(id, text)`` of one ``--jsonl`` row, checked before any model call.

    Raises ``InputError`` naming the file, the line number and the reason.
    """
    try:
        doc = json.loads(line)
    except ValueError as exc:
        raise InputError(path, f"not valid JSON ({exc.msg})", line=number) from exc
    if not isinstance(doc, dict) or "id" not in doc or "text" not in doc:
        raise InputError(path, "not a JSON object with 'id' and 'text'", line=number)
    article_id, text = doc["id"], doc["text"]
    if isinstance(article_id, bool) or not isinstance(article_id, (str, int)):
        raise InputError(path, f"'id' must be a string, not {type(article_id).__name__}", line=number)
    if not str(article_id).strip():
        raise InputError(path, "'id' is empty", line=number)
    if not isinstance(text, str):
        raise InputError(path, f"'text' must be a string, not {type(text).__name__}", line=number)
    if not text.strip():
        raise InputError(path, "'text' is empty", line=number)
    return str(article_id).strip(), text


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        # mkstemp makes the file private (0600); outputs get the usual permissions.
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_json_atomic(path: Path, doc: Any) -> None:
    """Write ``doc`` as indented UTF-8 JSON, atomically."""
    write_text_atomic(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
