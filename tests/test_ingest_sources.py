"""Where inputs come from: paths, directories, stdin, gzip, decoding, binary detection, format."""

from __future__ import annotations

import gzip
import io
import os
import sys
import threading

import pytest

from dateline.errors import InputError
from dateline.ingest import detect_format
from dateline.ingest.sources import check_not_binary, decode, iter_input_paths, read_limited

# Paths and directories ----------------------------------------------------------------------


def test_directories_are_walked_recursively_in_sorted_order(write, tmp_path):
    for name in ("b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.txt"):
        write(name, "x")
    found = [os.path.relpath(p, tmp_path) for p in iter_input_paths([str(tmp_path)])]
    assert found == ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt"]


def test_hidden_files_and_folders_are_skipped(write, tmp_path):
    write("story.txt", "x")
    write(".DS_Store", "x")
    write(".git/HEAD", "x")
    assert [os.path.basename(p) for p in iter_input_paths([str(tmp_path)])] == ["story.txt"]


def test_named_files_and_stdin_pass_through_unchanged(tmp_path):
    named = [str(tmp_path / "missing.txt"), "-"]
    assert list(iter_input_paths(named)) == named


def test_directory_articles_are_all_read(write, read, tmp_path, english):
    write("one.txt", english)
    write("nested/two.txt", english.replace("Tuesday", "Friday"))
    write("nested/.hidden.txt", english)
    items = read(tmp_path)
    assert [os.path.relpath(i.source, tmp_path) for i in items] == ["one.txt", "nested/two.txt"]
    assert all(i.article and not i.problems for i in items)


def test_a_missing_path_is_reported_not_raised(read_one, tmp_path, problem_codes):
    item = read_one(tmp_path / "nowhere.txt")
    assert item.article is None and problem_codes(item) == ["not_found"]
    assert "nowhere.txt" in item.problems[0].message


# stdin --------------------------------------------------------------------------------------


def fake_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_is_read_as_text(monkeypatch, read_one, english):
    fake_stdin(monkeypatch, english.encode())
    item = read_one("-")
    assert item.source == "<stdin>" and item.article.text == english and item.problems == []


def test_stdin_format_is_detected_from_content(monkeypatch, read, lines, english):
    records = lines({"text": english, "id": "a"}, {"text": english, "id": "b"})
    fake_stdin(monkeypatch, records.encode())
    items = read("-")
    assert [i.source for i in items] == ["<stdin>:1", "<stdin>:2"]
    assert [i.article.id for i in items] == ["a", "b"]


def test_stdin_may_be_gzipped(monkeypatch, read_one, english):
    fake_stdin(monkeypatch, gzip.compress(english.encode()))
    assert read_one("-").article.text == english


def test_binary_stdin_is_reported(monkeypatch, read_one, problem_codes):
    fake_stdin(monkeypatch, b"%PDF-1.4\n" + bytes(range(200)))
    assert problem_codes(read_one("-")) == ["binary"]


# gzip ---------------------------------------------------------------------------------------


def test_gzip_is_recognised_by_content_not_name(write, read_one, english):
    path = write("story.txt", gzip.compress(english.encode()))  # no .gz in the name
    assert read_one(path).article.text == english


def test_gzip_inside_gz_name_keeps_the_inner_format(write, read, lines, english):
    path = write("records.jsonl.gz", gzip.compress(lines({"text": english}).encode()))
    [item] = read(path)
    assert item.source.endswith("records.jsonl.gz:1") and item.article.text == english


def test_truncated_gzip_jsonl_reports_the_damage(write, read, lines, english, problem_codes):
    data = gzip.compress(lines(*({"text": f"{english} {n}"} for n in range(200))).encode())
    items = read(write("records.jsonl.gz", data[: len(data) // 2]))
    assert problem_codes(items[-1]) == ["truncated_gzip"]
    assert all(i.article and not i.problems for i in items[:-1])  # lines before the damage


# Decoding -----------------------------------------------------------------------------------


def test_utf8_with_bom_loses_only_the_bom():
    assert decode("\ufeffCafé".encode()) == ("Café", None)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_read(codec, english):
    assert decode(("\ufeff" + english).encode(codec)) == (english, None)


def test_cp1252_text_is_read_as_cp1252_and_says_so(english):
    text = "\u201cCaf\u00e9 na\u00efve r\u00e9sum\u00e9\u201d \u2014 " + english
    assert decode(text.encode("cp1252")) == (text, "cp1252")


def test_latin1_file_is_decoded_with_a_warning(write, read_one, english, problem_codes):
    text = "Se\u00f1or P\u00e9rez said the meeting was a success. " + english
    item = read_one(write("latin.txt", text.encode("latin-1")))
    assert item.article.text == text
    assert problem_codes(item) == ["encoding_guessed"] and not item.problems[0].fatal
    assert "cp1252" in item.problems[0].message


def test_undecodable_bytes_are_an_encoding_error():
    with pytest.raises(InputError) as caught:
        decode(b"Talks " + bytes(range(0x80, 0x100)) * 3 + b" resume.")
    assert caught.value.code == "encoding"


# Binary detection ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [b"\x89PNG\r\n\x1a\n", b"%PDF-1.7", b"PK\x03\x04", b"\xff\xd8\xff\xe0", b"GIF89a", b"\x7fELF"],
)
def test_document_and_image_signatures_are_binary(head):
    with pytest.raises(InputError, match="binary file") as caught:
        check_not_binary(head + b"rest of the file")
    assert caught.value.code == "binary"


def test_bytes_with_nuls_are_binary():
    with pytest.raises(InputError, match="binary data"):
        check_not_binary(b"text" + b"\x00" * 3 + b"more text")


def test_ordinary_control_characters_are_text(english):
    check_not_binary((english + "\t\f\x0b\r\n\x1b[0m").encode())  # raises nothing


def test_read_limited_refuses_one_byte_too_many():
    assert read_limited(io.BytesIO(b"12345"), 5) == b"12345"
    with pytest.raises(InputError, match="5-byte limit"):
        read_limited(io.BytesIO(b"123456"), 5)


# Unreadable inputs --------------------------------------------------------------------------


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_a_file_without_read_permission_is_unreadable(write, read_one, english, problem_codes):
    path = write("locked.txt", english)
    os.chmod(path, 0)
    assert problem_codes(read_one(path)) == ["unreadable"]


def test_a_broken_symlink_is_reported(tmp_path, read_one, problem_codes):
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    item = read_one(tmp_path)
    assert problem_codes(item) == ["not_found"]
    assert "broken symbolic link" in item.problems[0].message


def test_a_socket_file_is_unreadable(unix_socket, read_one, problem_codes):
    item = read_one(unix_socket)
    assert problem_codes(item) == ["unreadable"] and "server.sock" in item.problems[0].message


def test_a_fifo_without_writer_does_not_hang(tmp_path, read_in_time, problem_codes):
    os.mkfifo(tmp_path / "pipe")
    [item] = read_in_time(tmp_path / "pipe")
    assert problem_codes(item) == ["empty"]


def test_a_fifo_with_a_writer_is_read(tmp_path, read_in_time, english):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer_fd = os.open(fifo, os.O_RDWR)  # keeps a writer on the pipe while it is read
    os.write(writer_fd, english.encode())
    closer = threading.Timer(0.5, os.close, [writer_fd])
    closer.start()
    try:
        [item] = read_in_time(fifo)
    finally:
        closer.join()
    assert item.article.text == english


# Format detection ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "text"), ("a.TXT", "text"), ("a.htm", "html"), ("a.html.gz", "html"),
        ("a.jsonl", "jsonl"), ("a.ndjson.gz", "jsonl"), ("a.warc.gz", "warc"), ("a.rss", "feed"),
        ("a.atom", "feed"), ("dir.d/README", "text"), ("a.gz", "text"), ("a.xml", "text"),
    ],
)  # fmt: skip
def test_format_from_the_name(name, fmt):
    assert detect_format(name, b"") == fmt


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b'\xef\xbb\xbf  <!DOCTYPE html><html lang="en">', "html"),
        (b"<html><body>", "html"),
        (b'{"text": "x"}\n', "jsonl"),
        (b"KABUL, March 3 (Reuters) - ", "text"),
        (b"", "text"),
    ],
)
def test_format_from_content_when_the_name_says_nothing(head, fmt):
    assert detect_format("input", head) == fmt


def test_the_name_wins_over_the_content():
    assert detect_format("notes.txt", b"<html><body>") == "text"


def test_forced_reader_overrides_the_extension(write, read_one, page):
    path = write("page.txt", page())
    as_text = read_one(path)
    as_html = read_one(path, reader="html")
    assert as_text.article.text.startswith("<!DOCTYPE html>")
    assert as_html.article.text.startswith("Talks to resume") and as_html.article.title


def test_forced_scraped_reader_reports_a_missing_header(write, read_one, english, problem_codes):
    item = read_one(write("plain.txt", english), reader="scraped")
    assert item.article.text == english and problem_codes(item) == ["bad_published"]
    assert not item.problems[0].fatal


def test_forced_jsonl_reader_on_plain_text_reports_each_line(write, read, problem_codes):
    items = read(write("notes.txt", "first line\nsecond line\n"), reader="jsonl")
    assert [problem_codes(i) for i in items] == [["broken_json"], ["broken_json"]]
