"""Each reader on good input, through `read_inputs` (no spaCy model needed)."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.ingest.readers import html_fragment_text, read_jsonl
from dateline.options import Options

# Plain text and scraped dumps ---------------------------------------------------------------


def test_plain_text_is_kept_exactly(write, read_one, english):
    text = "\n  " + english + "\r\n\r\nSecond paragraph.  \n"
    item = read_one(write("story.txt", text))
    article = item.article
    assert item.problems == [] and article.text == text
    assert (article.body.start, article.body.end) == (0, len(text))
    assert article.language == "en"
    assert article.published is None and article.published_via == "none"
    assert len(article.id) == 16


def test_the_same_text_gets_the_same_id(write, read, english):
    first, second = read([write("a.txt", english), write("b.txt", english)])
    assert first.article.id == second.article.id


def test_scraped_dump_header_gives_date_byline_and_body(write, read_one, scraped_dump):
    article = read_one(write("dump.txt", scraped_dump)).article
    assert article.text == scraped_dump
    assert article.published == "2026-02-26T10:39:00+04:00"
    assert article.published_via == "text" and article.published_confidence >= 0.9
    assert article.byline == ["Jane Smith"]
    stated = article.text[article.published_span.start : article.published_span.end]
    assert stated.startswith("2026-02-26") and stated.endswith("UTC+04:00")
    assert article.text[article.body.start : article.body.end].startswith("The Embassy issued")
    assert article.body.end == len(article.text)


def test_scraped_dump_with_crlf_lines(write, read_one, scraped_dump):
    text = scraped_dump.replace("\n", "\r\n")
    article = read_one(write("dump.txt", text)).article
    assert article.text == text and article.byline == ["Jane Smith"]
    assert article.published == "2026-02-26T10:39:00+04:00"
    assert article.text[article.body.start :].startswith("The Embassy issued")


def test_scraped_dump_whose_second_line_is_a_heading_has_no_byline(write, read_one, english):
    heading = "Azerbaijan Marks Khojaly Anniversary Today"
    text = f" date 2024-05-01 1 May 2024 08:00\n\n{heading}\n\n{english}"
    article = read_one(write("dump.txt", text)).article
    assert article.byline == [] and article.published == "2024-05-01T08:00:00"
    assert article.text[article.body.start :].startswith("Azerbaijan Marks")


def test_scraped_dump_with_only_a_date(write, read_one, english):
    article = read_one(write("dump.txt", " date 2024-05-01\n" + english)).article
    assert article.published == "2024-05-01" and article.published_span is not None


@pytest.mark.shared
def test_the_example_article_metadata(shared_dir, read_one):
    gold = json.loads((shared_dir / "gold" / "000_9687f610f3c770fd.json").read_text())["article"]
    item = read_one(shared_dir / "corpus" / "000_9687f610f3c770fd.txt")
    article = item.article
    assert item.problems == []
    for name in ("published", "byline", "publisher", "title", "language"):
        assert getattr(article, name) == gold[name], name
    assert article.text[article.body.start :].startswith("The Embassy of the United States")


# HTML ---------------------------------------------------------------------------------------

RICH_HEAD = """
<meta property="og:title" content="Talks to resume next week">
<meta property="og:site_name" content="The Daily Example">
<meta property="og:url" content="https://daily.example/world/talks">
<meta name="author" content="Jane Smith">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Talks to resume next week", "datePublished": "2024-03-05T08:15:00+01:00",
 "author": {"@type": "Person", "name": "Jane Smith"}}</script>"""


def test_html_page_metadata_and_body(write, read_one, page, english):
    item = read_one(write("page.html", page(head=RICH_HEAD, title="Talks to resume next week")))
    article = item.article
    assert item.problems == []
    assert article.published == "2024-03-05T08:15:00+01:00" and article.published_via == "jsonld"
    assert article.title == "Talks to resume next week"
    assert article.byline == ["Jane Smith"]
    assert (article.publisher, article.publisher_via) == ("The Daily Example", "meta")
    assert article.url == "https://daily.example/world/talks"
    assert english in article.text and "<p>" not in article.text
    assert article.language == "en"


def test_html_page_with_only_a_url_date(write, read_one, page):
    canonical = '<link rel="canonical" href="https://daily.example/news/2023/11/07/talks.html">'
    article = read_one(write("page.html", page(head=canonical))).article
    assert (article.published, article.published_via) == ("2023-11-07", "url")
    assert article.published_confidence == pytest.approx(0.8)


def test_html_page_with_several_authors(write, read_one, page):
    head = '<meta name="author" content="Ann Lee; Bo Chan">'
    assert read_one(write("page.html", page(head=head))).article.byline == ["Ann Lee", "Bo Chan"]


def test_gzipped_html_page(write, read_one, page):
    path = write("page.html.gz", gzip.compress(page(head=RICH_HEAD).encode()))
    item = read_one(path)
    assert item.problems == [] and item.article.published == "2024-03-05T08:15:00+01:00"


def test_html_without_extension_is_found_by_content(write, read_one, page, english):
    item = read_one(write("download", page()))
    assert item.problems == [] and english in item.article.text


def test_html_in_a_legacy_encoding(write, read_one, page):
    body = "Se\u00f1or P\u00e9rez said on Tuesday that the caf\u00e9 would reopen next week. " * 5
    html = page(body=body, head='<meta charset="windows-1252">').encode("cp1252")
    assert "Se\u00f1or P\u00e9rez" in read_one(write("page.html", html)).article.text


# JSON Lines ---------------------------------------------------------------------------------


def test_jsonl_text_is_kept_character_for_character(write, read_one, lines):
    text = "  Line one\r\n\tLine two \u00a0\u2028 \u201cquoted\u201d\n\n\x0b end  "
    article = read_one(write("records.jsonl", lines({"text": text}))).article
    assert article.text == text


def test_jsonl_raw_unicode_line_separators_stay_inside_the_record(write, read, english):
    record = json.dumps({"text": english + "\u2028\u0085 tail"}, ensure_ascii=False)
    [item] = read(write("records.jsonl", record + "\n"))
    assert item.article.text.endswith("\u2028\u0085 tail")


def test_jsonl_windows_line_endings_and_blank_lines(write, read, english):
    data = "\r\n".join([json.dumps({"text": english}), "", "  ", json.dumps({"text": "Second."})])
    items = read(write("records.jsonl", data + "\r\n"))
    assert [i.article.text for i in items] == [english, "Second."]
    assert [i.source.rsplit(":", 1)[1] for i in items] == ["1", "4"]  # the file's line numbers


def test_jsonl_given_metadata_wins_over_detected(write, read_one, lines, english):
    text = "KABUL, March 3, 2024 (Reuters) - " + english
    given = {
        "text": text, "id": "art-1", "url": "https://x.example/a", "title": "Given title",
        "byline": "Ann Lee", "publisher": "Given Post", "published": "2026-02-26T10:39:00+04:00",
    }  # fmt: skip
    article = read_one(write("records.jsonl", lines(given))).article
    assert (article.id, article.url) == ("art-1", "https://x.example/a")
    assert article.title == "Given title"
    assert article.byline == ["Ann Lee"]
    assert (article.publisher, article.publisher_via) == ("Given Post", "given")
    assert article.published == "2026-02-26T10:39:00+04:00"
    assert (article.published_via, article.published_confidence) == ("given", 1.0)


def test_jsonl_detects_what_is_not_given(write, read_one, lines, english):
    record = {"text": "KABUL, March 3, 2024 (Reuters) - " + english}
    article = read_one(write("r.jsonl", lines(record))).article
    assert (article.published, article.published_via) == ("2024-03-03", "text")
    assert (article.publisher, article.publisher_via) == ("Reuters", "text")


def test_jsonl_given_byline_list_and_scraped_header(write, read_one, lines, scraped_dump):
    record = {"text": scraped_dump, "byline": ["Ann Lee", None, "", "Bo Chan"]}
    article = read_one(write("r.jsonl", lines(record))).article
    assert article.byline == ["Ann Lee", "Bo Chan"]  # given, so the header's byline is not used
    assert article.published == "2026-02-26T10:39:00+04:00"  # not given, so the header's is


def test_jsonl_html_record_uses_the_page_and_the_given_url(write, read_one, lines, page):
    record = {"html": page(), "url": "https://daily.example/2023/11/07/talks", "id": "h1"}
    article = read_one(write("r.jsonl", lines(record))).article
    assert article.id == "h1" and article.url == "https://daily.example/2023/11/07/talks"
    assert (article.published, article.published_via) == ("2023-11-07", "url")
    assert article.text.startswith("Talks to resume")


def test_jsonl_html_record_given_published_wins_over_the_page(write, read_one, lines, page):
    record = {"html": page(head=RICH_HEAD), "published": "2024-01-02", "title": "Mine"}
    article = read_one(write("r.jsonl", lines(record))).article
    assert (article.published, article.published_via) == ("2024-01-02", "given")
    assert article.title == "Mine"


@pytest.mark.parametrize("value", ["20240305", "Tue, 05 Mar 2024 08:15:00 +0100", 20240305])
def test_jsonl_given_published_in_other_forms(write, read_one, lines, english, value):
    article = read_one(write("r.jsonl", lines({"text": english, "published": value}))).article
    assert article.published.startswith("2024-03-05") and article.published_via == "given"


@given(st.text(min_size=1).filter(str.strip), st.booleans())
def test_jsonl_text_round_trips_exactly(text, ascii_only):
    data = (json.dumps({"text": text}, ensure_ascii=ascii_only) + "\n").encode("utf-8")
    [item] = read_jsonl(io.BytesIO(data), "mem", Options())
    assert item.article is not None and item.article.text == text


# WARC ---------------------------------------------------------------------------------------


def crawl(warc, page, *, compress=False):
    return warc(
        [
            ("https://daily.example/", "request", b"GET / HTTP/1.1\r\nHost: daily.example\r\n\r\n"),
            ("https://daily.example/a", "text/html; charset=utf-8", page(head=RICH_HEAD).encode()),
            ("https://daily.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
            ("https://daily.example/2023/11/07/b", "text/html", page(title="Second").encode()),
        ],
        compress=compress,
    )


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz", "crawl-without-extension"])
def test_warc_gives_one_article_per_html_response(write, read, warc, page, name):
    path = write(name, crawl(warc, page, compress=name.endswith(".gz")))
    first, second = read(path)
    assert first.source == f"{path}#https://daily.example/a" and first.problems == []
    assert first.article.url == "https://daily.example/a"
    assert first.article.published == "2024-03-05T08:15:00+01:00"
    assert second.article.title == "Second"
    assert (second.article.published, second.article.published_via) == ("2023-11-07", "url")


def test_warc_without_html_is_reported(write, read_one, warc, problem_codes):
    path = write("images.warc", warc([("https://x.example/a.png", "image/png", b"\x89PNG")]))
    assert problem_codes(read_one(path)) == ["no_text"]


def test_warc_record_limit_applies_per_record(write, read, warc, page, problem_codes):
    small = page(paragraphs=1).encode()
    big = page(paragraphs=20).encode()
    records = [("http://x/b", "text/html", big), ("http://x/s", "text/html", small)]
    items = read(write("c.warc", warc(records)), max_bytes=len(small) + 10)
    assert [problem_codes(i) for i in items] == [["oversize"], []]


# Feeds --------------------------------------------------------------------------------------

RSS_ITEMS = """
<item><title>Full story</title><link>https://wire.example/1</link><guid>story-1</guid>
 <pubDate>Tue, 05 Mar 2024 08:15:00 +0100</pubDate><dc:creator>Jane Smith</dc:creator>
 <description>Short summary only.</description>
 <content:encoded><![CDATA[<p>First paragraph of the story.</p><p>Second paragraph.</p>]]>
 </content:encoded></item>
<item><title>Summary story</title><link>https://wire.example/2</link>
 <pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate>
 <description>&lt;p&gt;Only a summary, &lt;b&gt;in HTML&lt;/b&gt;.&lt;/p&gt;</description></item>
"""


def test_rss_prefers_full_content_over_the_summary(write, read, rss):
    full, summary = read(write("wire.rss", rss(RSS_ITEMS)))
    assert full.article.text == "First paragraph of the story.\nSecond paragraph."
    assert summary.article.text == "Only a summary, in HTML."


def test_rss_entry_metadata(write, read, rss):
    path = write("wire.rss", rss(RSS_ITEMS))
    full, summary = read(path)
    assert full.source == f"{path}#story-1" and summary.source == f"{path}#https://wire.example/2"
    assert (full.article.title, full.article.url) == ("Full story", "https://wire.example/1")
    assert full.article.byline == ["Jane Smith"] and summary.article.byline == []
    assert (full.article.publisher, full.article.publisher_via) == ("Example Wire", "meta")
    assert full.article.published == "2024-03-05T08:15:00+01:00"
    assert full.article.published_via == "meta"
    assert summary.article.published == "2024-03-06T09:00:00+00:00"


ATOM_ENTRY = """
<entry><title>Atom one</title><id>urn:example:1</id><link href="https://atom.example/1"/>
 <published>2024-03-05T08:15:00-05:00</published><updated>2024-03-07T10:00:00-05:00</updated>
 <author><name>Ann Lee</name></author><author><name>Bo Chan</name></author>
 <summary>Just a summary.</summary>
 <content type="html">&lt;p&gt;The full text.&lt;/p&gt;&lt;p&gt;More of it.&lt;/p&gt;
 </content></entry>
<entry><title>Atom two</title><id>urn:example:2</id>
 <updated>2024-03-08T10:00:00Z</updated><summary>Only the summary here.</summary></entry>
"""


def test_atom_entries(write, read, atom):
    path = write("daily.atom", atom(ATOM_ENTRY))
    first, second = read(path)
    assert first.source == f"{path}#urn:example:1"
    assert first.article.text == "The full text.\nMore of it."
    assert first.article.byline == ["Ann Lee", "Bo Chan"]
    assert first.article.published == "2024-03-05T08:15:00-05:00"  # published, not updated
    assert first.article.publisher == "Atom Daily"
    assert second.article.text == "Only the summary here."
    assert second.article.published == "2024-03-08T10:00:00+00:00"  # updated when nothing else


def test_feed_named_xml_is_found_by_content(write, read, atom):
    assert len(read(write("daily.xml", atom(ATOM_ENTRY)))) == 2


def test_html_fragment_text_puts_blocks_on_lines():
    fragment = "<div><h2>Head</h2><p>One <i>two</i></p><ul><li>a</li><li>b</li></ul>end<br>x</div>"
    assert html_fragment_text(fragment) == "Head\nOne two\na\nb\nend\nx"
    assert html_fragment_text("  plain text  ") == "plain text"
