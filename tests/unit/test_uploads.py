"""Uploaded pages are written safely: plain names, only pages, no overwriting, refusals with reasons."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.uploads import MAX_UPLOADS, safe_name, save_uploads


def test_a_name_with_folders_keeps_only_the_file_name():
    assert safe_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_name("C:\\Users\\me\\page.html") == "page.html"


def test_a_hidden_or_empty_name_becomes_a_visible_one():
    assert safe_name(".bashrc.txt") == "bashrc.txt"
    assert safe_name("") == "page"


def test_pages_are_written_and_other_files_refused_with_a_reason(tmp_path):
    saved = save_uploads([("a.html", b"<p>x</p>"), ("b.pdf", b"%PDF")], tmp_path)
    assert [p.name for p in saved.files] == ["a.html"]
    assert saved.refused == ("b.pdf: not one of the kinds of file the kit reads (.txt, .html, .htm, .xhtml, .mhtml, .mht); left out.",)


def test_two_uploads_with_one_name_are_both_kept(tmp_path):
    saved = save_uploads([("page.html", b"one"), ("page.html", b"two")], tmp_path)
    assert [p.read_bytes() for p in saved.files] == [b"one", b"two"]


def test_an_empty_upload_is_refused(tmp_path):
    assert save_uploads([("a.txt", b"")], tmp_path).refused == ("a.txt: the file is empty; left out.",)


def test_too_many_uploads_are_refused_past_the_limit(tmp_path):
    saved = save_uploads([(f"{n}.txt", b"x") for n in range(MAX_UPLOADS + 2)], tmp_path)
    assert len(saved.files) == MAX_UPLOADS and len(saved.refused) == 2


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_any_name_is_written_inside_the_folder(tmp_path_factory, name):
    folder = tmp_path_factory.mktemp("uploads")
    saved = save_uploads([(name + ".txt", b"x")], folder)
    assert all(path.parent == folder for path in saved.files)
