import codecs
import json

import pytest

from summarizer.io import (
    InputError,
    article_id_for,
    iter_input_files,
    read_article,
    safe_output_path,
    write_json_atomic,
)

BODY = "The ministry said about 900 engineers arrived in the port city on Monday.\n"


def _one_line(exc: InputError, path) -> None:
    message = str(exc)
    assert "\n" not in message and message.startswith(str(path))


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"  \n\t \n", "whitespace only"),
    (b"\x00\x01\x02binary\x00" * 50, "binary"),
    (bytes(range(256)) * 20, "binary"),
])
def test_bad_files_give_one_line_errors(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_article(path)
    assert reason in str(info.value)
    _one_line(info.value, path)


@pytest.mark.parametrize("encoded", [
    BODY.encode("latin-1") + "Caf\u00e9 owners said so.".encode("latin-1"),
    codecs.BOM_UTF16_LE + (BODY + "Caf\u00e9 owners said so.").encode("utf-16-le"),
    codecs.BOM_UTF8 + (BODY + "Caf\u00e9 owners said so.").encode("utf-8"),
])
def test_non_utf8_encodings_decode(tmp_path, encoded):
    path = tmp_path / "enc.txt"
    path.write_bytes(encoded)
    text = read_article(path)
    assert text.startswith("The ministry said") and "Caf\u00e9" in text


def test_html_is_reduced_to_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>t</title><script>alert(1)</script></head><body>"
                    "<nav>Home | World</nav><p>The ministry said about 900 engineers arrived "
                    "in the port city on Monday.</p><p>Second &amp; last paragraph is here now.</p>"
                    "</body></html>", encoding="utf-8")
    text = read_article(path)
    assert "alert" not in text and "Home" not in text
    assert "900 engineers" in text and "Second & last" in text


def test_directories_expand_and_missing_paths_are_reported(tmp_path):
    (tmp_path / "b.txt").write_text(BODY)
    (tmp_path / "a.md").write_text(BODY)
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    items = iter_input_files([tmp_path, tmp_path / "nope.txt"])
    assert [p.name for p in items[:2]] == ["a.md", "b.txt"]
    assert isinstance(items[2], InputError) and "no such file" in str(items[2])


def test_output_paths_cannot_escape(tmp_path):
    out = tmp_path / "out"
    assert safe_output_path(out, "../../etc/passwd").parent == out.resolve()
    assert article_id_for(tmp_path / "..weird name!.txt") == "weird_name"


def test_atomic_write_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "o" / "x.json"
    write_json_atomic(target, {"a": 1})
    assert json.loads(target.read_text()) == {"a": 1}
    assert [p.name for p in target.parent.iterdir()] == ["x.json"]
