"""Bad input of every kind, as real files: each gets a named problem, and none stops a run."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from dateline.errors import FIXES


def assert_reported(item, code: str, path: str) -> None:
    """The item failed with `code`, and its message names the input and says what to do."""
    assert item.article is None or any(p.fatal for p in item.problems)
    problem = next(p for p in item.problems if p.code == code)
    assert problem.fatal
    assert problem.message.startswith(path) and problem.message.endswith(FIXES[code])


# Binary, empty, oversize --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100)),
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n"),
        ("scan.txt", b"%PDF-1.4\n" + bytes(range(256))),  # a misleading name
        ("random.bin", bytes(range(256)) * 4),
        ("nuls.html", b"<html>" + b"\x00" * 50 + b"</html>"),
        ("archive.jsonl.gz", gzip.compress(b"PK\x03\x04" + bytes(200))),
    ],
)
def test_binary_files(write, read, name, data):
    path = write(name, data)
    items = read(path)
    assert len(items) == 1 or name.endswith(".jsonl.gz")
    assert_reported(items[0], "binary" if "jsonl" not in name else "broken_json", path)


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\r\n  ", "empty"),
        ("empty.txt.gz", gzip.compress(b""), "empty"),
        ("empty.jsonl", b"", "empty"),
        ("blank.jsonl", b"\n  \n\n", "empty"),
        ("empty.warc", b"", "empty"),
        ("empty.html", b"", "broken_html"),
        ("empty.rss", b"", "broken_feed"),
    ],
)
def test_empty_inputs_are_each_reported_once(write, read_one, name, data, code):
    path = write(name, data)
    assert_reported(read_one(path), code, path)


@pytest.mark.parametrize("name", ["big.txt", "big.html", "big.rss", "big.txt.gz"])
def test_oversize_inputs(write, read_one, page, name, english):
    markup = name.endswith((".html", ".rss"))
    data = page(paragraphs=10).encode() if markup else english.encode() * 10
    path = write(name, gzip.compress(data) if name.endswith(".gz") else data)
    assert_reported(read_one(path, max_bytes=1000), "oversize", path)
    assert "1,000-byte limit" in read_one(path, max_bytes=1000).problems[0].message


def test_oversize_jsonl_line_is_skipped_and_the_next_read(write, read, lines, english):
    path = write("r.jsonl", lines({"text": english * 20}, {"text": english}))
    too_long, fine = read(path, max_bytes=2000)
    assert_reported(too_long, "oversize", f"{path}:1")
    assert fine.source == f"{path}:2" and fine.article.text == english


# Encodings ----------------------------------------------------------------------------------


def test_cp1252_file_is_read_with_a_warning(write, read_one, english):
    text = "\u201cIt is over,\u201d said Jos\u00e9 Mar\u00eda N\u00fa\u00f1ez \u2014 " + english
    item = read_one(write("legacy.txt", text.encode("cp1252")))
    assert item.article.text == text
    [warning] = item.problems
    assert warning.code == "encoding_guessed" and not warning.fatal
    assert "read as cp1252" in warning.message


def test_undecodable_garbage_is_an_encoding_error(write, read_one):
    path = write("garbage.txt", b"Talks " + bytes(range(0x80, 0x100)) * 3 + b" resume.")
    assert_reported(read_one(path), "encoding", path)


def test_lone_surrogate_in_jsonl_text_is_an_encoding_error(write, read, english):
    path = write("r.jsonl", '{"text": "bad \\ud800 here"}\n' + json.dumps({"text": english}))
    broken, fine = read(path)
    assert_reported(broken, "encoding", f"{path}:1")
    assert fine.article.text == english


def test_utf16_without_bom_is_refused_not_misread(write, read_one, english):
    path = write("wide.txt", english.encode("utf-16-le"))
    assert_reported(read_one(path), "binary", path)


# Compressed inputs cut short ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["story.txt.gz", "page.html.gz", "story.gz"])
def test_truncated_gzip(write, read_one, page, name):
    data = gzip.compress(page(paragraphs=8).encode())
    path = write(name, data[: len(data) // 2])
    item = read_one(path)
    assert_reported(item, "truncated_gzip", path)
    assert "ends early" in item.problems[0].message


def test_gzip_with_a_damaged_body(write, read_one, english):
    data = bytearray(gzip.compress((english * 20).encode()))
    data[20:40] = b"\xff" * 20
    path = write("story.txt.gz", bytes(data))
    assert_reported(read_one(path), "broken_gzip", path)


# Broken HTML, WARC, feeds -------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Only a head</title></head></html>",
        "<html><body><script>var article = 1;</script></body></html>",
    ],
)
def test_html_without_a_body(write, read_one, html):
    path = write("page.html", html)
    assert_reported(read_one(path), "broken_html", path)


def test_html_with_no_closing_tags_still_gives_its_text(write, read_one, english):
    item = read_one(write("page.html", f"<html><body><article><p>{english}<p>{english}"))
    assert item.problems == [] and english in item.article.text


def one_page_warc(warc, page, **kwargs) -> bytes:
    return warc([("https://news.example/a", "text/html", page().encode())], **kwargs)


def test_warc_with_garbage_after_a_good_record(write, read, warc, page):
    garbage = b"this is no WARC record\r\n\r\n" + bytes(50)
    path = write("c.warc", one_page_warc(warc, page) + garbage)
    good, damage = read(path)
    assert good.source == f"{path}#https://news.example/a" and good.problems == []
    assert_reported(damage, "broken_warc", path)
    assert "after 1 page(s)" in damage.problems[0].message


def two_page_warc(warc, page, **kwargs) -> bytes:
    return warc(
        [
            ("https://news.example/a", "text/html", page().encode()),
            ("https://news.example/b", "text/html", page(paragraphs=6).encode()),
        ],
        **kwargs,
    )


def test_warc_cut_inside_its_last_record(write, read, warc, page):
    whole = two_page_warc(warc, page)
    path = write("c.warc", whole[: len(whole) - 300])
    good, cut = read(path)
    assert good.problems == [] and good.article.url == "https://news.example/a"
    assert_reported(cut, "broken_warc", f"{path}#https://news.example/b")
    assert "cut short" in cut.problems[0].message


@pytest.mark.parametrize("cut", [300, 500])
def test_gzipped_warc_cut_short_keeps_the_records_before(write, read, warc, page, cut):
    whole = two_page_warc(warc, page, compress=True)
    path = write("c.warc.gz", whole[: len(whole) - cut])
    good, damage = read(path)
    assert good.problems == [] and good.article.url == "https://news.example/a"
    assert_reported(damage, "broken_warc", path)
    assert "after 1 page(s) (the gzip data ends early)" in damage.problems[0].message


@pytest.mark.parametrize(
    "data",
    [
        b"WARC/1.0\r\nnonsense",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\nabc",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\n<html></html>",
    ],
)
def test_warc_with_damaged_headers_is_reported_not_raised(write, read, data):
    path = write("c.warc", data)
    [item] = read(path)
    assert item.article is None and item.problems[0].fatal
    assert item.problems[0].code in {"broken_warc", "no_text"}


def test_malformed_feed_without_entries(write, read_one):
    path = write("feed.rss", '<?xml version="1.0"?><rss><channel><title>X</ti')
    item = read_one(path)
    assert_reported(item, "broken_feed", path)


def test_malformed_feed_with_entries_reads_them_with_a_warning(write, read, rss, english):
    items = f"<item><title>One</title><guid>g1</guid><description>{english}</description></item>"
    path = write("feed.rss", rss(items).replace("</channel>", "<item><title>x &nbsp; </title>"))
    items = read(path)
    assert items[0].source == f"{path}#g1" and items[0].article.text == english
    warning = items[0].problems[0]
    assert warning.code == "broken_feed" and not warning.fatal and "malformed" in warning.message


# Language -----------------------------------------------------------------------------------


def test_non_english_text_is_refused(write, read_one, french):
    path = write("article.txt", french)
    item = read_one(path)
    assert_reported(item, "unsupported_language", path)
    assert item.article.language == "fr"  # what it is, for the record


# JSON Lines with bad lines ------------------------------------------------------------------


def test_bad_jsonl_lines_are_each_reported_and_good_ones_read(write, read, lines, english):
    path = write(
        "r.jsonl",
        lines(
            {"text": english, "id": "first"},
            '{"text": "unterminated',
            "[1, 2, 3]",
            '"just a string"',
            {"title": "no body"},
            {"text": 42},
            {"text": "   "},
            {"text": english, "id": "last"},
        ),
    )
    items = read(path)
    assert [i.article.id for i in items if not i.problems] == ["first", "last"]
    bad = {i.source: i.problems[0].code for i in items if i.problems}
    assert bad == {
        f"{path}:2": "broken_json", f"{path}:3": "broken_json", f"{path}:4": "broken_json",
        f"{path}:5": "no_text", f"{path}:6": "no_text", f"{path}:7": "empty",
    }  # fmt: skip
    for item in items[1:-1]:
        assert_reported(item, item.problems[0].code, item.source)


def test_jsonl_in_another_encoding_is_reported_per_line(write, read, english):
    latin1_line = '{"text": "Jos\u00e9 said so."}\n'.encode("latin-1")
    path = write("r.jsonl", latin1_line + json.dumps({"text": english}).encode())
    broken, fine = read(path)
    assert_reported(broken, "broken_json", f"{path}:1")
    assert fine.article.text == english


def test_bad_given_published_is_a_warning_and_the_text_is_searched(write, read_one, lines, english):
    record = {"text": "KABUL, March 3, 2024 (Reuters) - " + english, "published": "last Tuesday"}
    item = read_one(write("r.jsonl", lines(record)))
    assert [p.code for p in item.problems] == ["bad_published"] and not item.problems[0].fatal
    assert (item.article.published, item.article.published_via) == ("2024-03-03", "text")


# A directory of everything ------------------------------------------------------------------


def source_file(source: str) -> str:
    """The file an item came from: its source without a ':line' or '#record' suffix."""
    return os.path.basename(source.split("#")[0]).split(":")[0]


def test_every_bad_input_in_a_mixed_directory_is_reported(mixed_inputs, read):
    items = read(mixed_inputs.folder, max_bytes=mixed_inputs.max_bytes)
    by_file: dict[str, list] = {}
    for item in items:
        by_file.setdefault(source_file(item.source), []).append(item)
    assert set(by_file) == set(mixed_inputs.good) | set(mixed_inputs.bad)
    for name, count in mixed_inputs.good.items():
        assert [i.problems for i in by_file[name]] == [[]] * count, name
        assert all(i.article.language == "en" for i in by_file[name])
    for name, code in mixed_inputs.bad.items():
        assert all(any(p.fatal for p in i.problems) for i in by_file[name]), name
        assert code in {p.code for i in by_file[name] for p in i.problems}, name


def test_bad_inputs_named_one_by_one_are_all_reported(bad_inputs, read):
    names = sorted(bad_inputs.bad)
    items = read([bad_inputs.folder / n for n in names], max_bytes=bad_inputs.max_bytes)
    assert {source_file(i.source) for i in items} == set(names)
    assert all(any(p.fatal for p in i.problems) for i in items)


def test_a_fifo_in_a_directory_does_not_stop_the_walk(tmp_path: Path, write, read_in_time, english):
    os.mkfifo(tmp_path / "a-pipe")
    write("b.txt", english)
    pipe, story = read_in_time(tmp_path)
    assert [p.code for p in pipe.problems] == ["empty"]
    assert story.article.text == english
