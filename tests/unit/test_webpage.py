"""Reading a saved web page: encodings, binary files, deep nesting, scripts, publisher clues, trafilatura's parts."""

from __future__ import annotations

import pytest

from medialit.errors import StoryError
from medialit.webpage import decode_page, read_page

ARTICLE = """<html><head><title>Harbour storm - Coast News</title>
<meta property="og:site_name" content="Coast News"><script>track()</script><style>p {color: red}</style></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li></ul></nav>
<article><h1>Storm floods harbour road as boats break loose</h1>
<p>A storm drove the sea over the harbour wall on Sunday night, flooding the road and tearing six boats loose.</p>
<p>Coastguards said the waves were the highest they had recorded in the bay for more than twenty years.</p>
<p>The council said the road would stay closed until engineers had checked the harbour wall for damage.</p>
</article>
<section id="comments" class="comments"><h2>2 comments</h2>
<div class="comment"><p>This happens every winter and nobody ever fixes the wall, which is shameful.</p></div>
<div class="comment"><p>Thanks to the coastguards who worked through the night to keep everyone safe.</p></div>
</section><footer><p>Privacy Policy</p></footer></body></html>"""


# --- text and parts ---------------------------------------------------------------------------


def test_page_text_keeps_the_furniture_lesson_1_needs():
    text = read_page(ARTICLE.encode(), "a.html").text
    assert "Home" in text and "Privacy Policy" in text and "2 comments" in text


def test_scripts_and_styles_are_not_page_text():
    text = read_page(ARTICLE.encode(), "a.html").text
    assert "track()" not in text and "color: red" not in text


def test_trafilatura_finds_the_article_paragraphs():
    main = read_page(ARTICLE.encode(), "a.html").main
    assert any(p.startswith("A storm drove the sea") for p in main) and not any("Privacy" in p for p in main)


def test_trafilatura_finds_the_readers_comments():
    comments = read_page(ARTICLE.encode(), "a.html").comments
    assert any(p.startswith("Thanks to the coastguards") for p in comments)


def test_table_rows_are_paragraphs_with_their_cells_apart():
    rows = "".join(f"<tr><td>Team {n}</td><td>{n * 3}</td><td>points</td></tr>" for n in range(1, 8))
    html = f"<html><body><article><p>{'The league table after the final round of the season. ' * 4}</p><table>{rows}</table></article></body></html>"
    main = read_page(html.encode(), "a.html").main
    assert "Team 1 3 points" in main


def test_publisher_clues_come_from_the_metadata():
    assert "The page's hidden code names the site: 'Coast News'." in read_page(ARTICLE.encode(), "a.html").clues


def clues_of(*metas: str) -> tuple[str, ...]:
    head = "".join(f'<meta property="{name}" content="{value}">' for name, value in (m.split("=", 1) for m in metas))
    return read_page(f"<html><head>{head}</head><body><p>Text.</p></body></html>".encode(), "a.html").clues


def test_publisher_clues_name_no_metadata_field():
    clues = " ".join(clues_of("og:site_name=Coast News", "author=Jo Bloggs", "article:published_time=2019-11-19T10:48:00Z"))
    for field in ("og:", "site_name", "article:", "published_time", "(author)", "metadata"):
        assert field not in clues


def test_a_publishing_time_is_a_date_people_read_with_its_time_zone():
    assert clues_of("article:published_time=2019-11-20T10:18:01+05:30") == (
        "The page's hidden code says it was published on 20 November 2019 at 10:18 (UTC+5:30).",)


def test_a_publishing_time_without_a_time_zone_or_a_time_says_only_what_it_has():
    assert "18 November 2019 at 17:26." in clues_of("article:published_time=2019-11-18T17:26:45.726")[0]
    assert clues_of("date=2019-11-18") == ("The page's hidden code gives a date: 18 November 2019.",)


def test_a_date_that_is_not_a_timestamp_is_given_as_the_page_wrote_it():
    assert clues_of("date=Tuesday 19 Nov") == ("The page's hidden code gives a date: 'Tuesday 19 Nov'.",)


def test_the_same_date_given_twice_is_one_clue():
    assert len(clues_of("article:published_time=2019-11-19T10:48:00Z", "date=2019-11-19T10:48:00Z")) == 1


def test_an_author_given_as_the_address_of_their_author_page_becomes_their_name():
    assert clues_of("article:author=https://www.example.com/author/tom-rogan") == (
        "The page's hidden code names an author: 'Tom Rogan' (from the web address of their author page).",)


def test_an_author_given_as_an_address_with_no_name_in_it_is_left_out():
    assert clues_of("article:author=https://www.facebook.com/examplenews", "author=https://example.com/?p=123") == ()


def test_the_same_author_in_two_fields_is_one_clue():
    assert clues_of("author=Jo Bloggs", "article:author=Jo Bloggs") == ("The page's hidden code names an author: 'Jo Bloggs'.",)


# --- encodings (issue 15 row 2) -----------------------------------------------------------------


def test_utf8_without_a_declaration_is_read_as_utf8():
    assert decode_page("<h1>Mayor “warns”</h1>".encode("utf-8"), "a.html")[:2] == ("<h1>Mayor “warns”</h1>", "utf-8")


def test_a_declared_encoding_is_used_when_the_bytes_are_not_utf8():
    html = "<meta charset='windows-1251'><p>Мэр</p>"
    assert decode_page(html.encode("cp1251"), "a.html")[0] == html


def test_an_undeclared_encoding_is_guessed_with_a_note():
    html = "<p>" + "Жители голосовали весь день в понедельник, сообщили в администрации города. " * 4 + "</p>"
    text, _, notes = decode_page(html.encode("cp1251"), "a.html")
    assert text == html and "a.html" in notes[0] and "were read as" in notes[0]


def test_shift_jis_without_a_declaration_is_guessed():
    html = "<p>" + "東京都は月曜日に新しい防災計画を発表しました。住民は避難所の場所を確認するよう求められています。" * 3 + "</p>"
    assert decode_page(html.encode("shift_jis"), "a.html")[0] == html


def test_a_page_declared_utf8_that_is_not_is_guessed_not_garbled():
    html = '<meta charset="utf-8"><p>' + "Жители голосовали весь день в понедельник. " * 5 + "</p>"
    text, _, notes = decode_page(html.encode("cp1251"), "a.html")
    assert "\ufffd" not in text and "голосовали" in text and "says its letters are encoded as utf-8" in notes[0]


def test_a_page_saved_as_utf16_with_its_mark_is_read():
    html = "<html><body><h1>Мэр “предупреждает”</h1><p>Text of the article.</p></body></html>"
    assert "Мэр “предупреждает”" in read_page(html.encode("utf-16"), "a.html").text


# --- what is not a web page (issue 15 row 12) ------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"%PDF-1.4\n%\xe2\xe3", bytes(range(256)) * 8, b"\x01\x02\x03" * 1000],
    ids=["png", "pdf", "random bytes", "control characters"],
)
def test_binary_files_are_refused_as_not_a_web_page(data):
    with pytest.raises(StoryError, match="photo.html is not a web page"):
        read_page(data, "photo.html")


def test_text_with_no_markup_at_all_is_refused():
    with pytest.raises(StoryError, match="notes.html is not a web page"):
        read_page(b"just some words, no tags", "notes.html")


# --- structure (issue 15 rows 3 and 13) --------------------------------------------------------


def test_text_below_libxml2s_depth_limit_is_kept():
    html = "<html><body>" + "<div>" * 1000 + "<p>Deep words.</p>" + "</div>" * 1000 + "<p>Later words.</p></body></html>"
    text = read_page(html.encode(), "a.html").text
    assert "Deep words." in text and "Later words." in text


def test_a_page_full_of_scripts_keeps_its_text():
    html = "<html><body><p>Before.</p>" + "<script>x()</script><style>p{}</style>" * 5000 + "<p>After.</p></body></html>"
    text = read_page(html.encode(), "a.html").text
    assert "Before." in text and "After." in text and "x()" not in text


def test_a_page_nested_thousands_deep_is_refused_with_a_reason():
    html = "<html><body>" + "<div>" * 5000 + "<p>Deep words.</p>" + "</div>" * 5000 + "</body></html>"
    with pytest.raises(StoryError, match="deep.html nests its elements thousands of levels deep"):
        read_page(html.encode(), "deep.html")


def test_a_stray_control_character_in_a_page_is_read_as_a_space():
    page = ARTICLE.replace("<footer>", "<script></script>\x08<footer>").encode()
    assert "Privacy Policy" in read_page(page, "a.html").text


# --- single-file web archives ------------------------------------------------------------------

MHTML = (b'From: <Saved by Blink>\nSubject: Storm\nMIME-Version: 1.0\nContent-Type: multipart/related;\n'
         b'\ttype="text/html";\n\tboundary="----MultipartBoundary--abc----"\n\n------MultipartBoundary--abc----\n'
         b'Content-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n'
         b'Content-Location: https://example.com/storm\n\n'
         b'<html><body><h1>Mayor =E2=80=9Cwarns=E2=80=9D of floods</h1><p>The river rose by two metres over=\n'
         b'night.</p></body></html>\n------MultipartBoundary--abc----\nContent-Type: image/png\n'
         b'Content-Transfer-Encoding: base64\n\niVBORw0KGgo=\n------MultipartBoundary--abc------\n')


def test_a_page_saved_as_a_single_file_archive_is_read():
    text = read_page(MHTML, "storm.mhtml").text
    assert "Mayor “warns” of floods" in text and "over night" not in text and "overnight." in text


def test_an_archive_without_a_web_page_is_refused_by_name():
    with pytest.raises(StoryError, match="storm.mhtml holds no web page"):
        read_page(b"MIME-Version: 1.0\nContent-Type: text/plain\n\nhello\n", "storm.mhtml")
