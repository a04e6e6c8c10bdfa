"""sources.toml: a mistake is a clear error naming the file, the source and the key."""

from __future__ import annotations

import pytest

from newsbot.sources import SourcesError, load_sources, parse_sources

GOOD = """
[[sources]]
name = "Harbor Gazette"
url = "https://harbor.example/"

[[sources]]
name = "Valley Courier"
url = "https://valley.example/"
feeds = ["/feed.atom"]
sections = ["https://valley.example/news/"]
deny = ["/live/"]
allow = ["/news/", "/sport/"]
max_pages = 50
language = "en"
"""


def test_minimal_and_full_sources():
    harbor, valley = parse_sources(GOOD, "sources.toml")
    assert (harbor.name, harbor.url, harbor.feeds) == ("Harbor Gazette", "https://harbor.example/", ())
    assert valley.feeds == ("https://valley.example/feed.atom",)  # relative to the home page
    assert valley.allows("https://valley.example/news/2026/a-story/")
    assert not valley.allows("https://valley.example/news/live/blog/")  # deny wins
    assert not valley.allows("https://valley.example/opinion/x/")  # not in allow
    assert valley.max_pages == 50


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[[sources]\nname=", "not valid TOML"),
        (
            '[[sources]]\nname = "A"\nurl = "https://a.example/"\nfeed = ["x"]\n',
            "source #1 ('A'): unknown key 'feed'",
        ),
        ('[[sources]]\nname = "A"\n', "source #1 ('A'): key 'url' is required"),
        ('[[sources]]\nurl = "https://a.example/"\n', "source #1: key 'name' is required"),
        ('[[sources]]\nname = "A"\nurl = "ftp://a.example/"\n', "key 'url': expected an http(s) URL"),
        (
            '[[sources]]\nname = "A"\nurl = "https://a.example/"\ndeny = ["(x"]\n',
            "key 'deny': bad regex '(x'",
        ),
        ('[[sources]]\nname = "A"\nurl = "https://a.example/"\nmax_pages = 0\n', "key 'max_pages'"),
        (
            '[[sources]]\nname = "A"\nurl = "https://a.example/"\nfeeds = "x"\nsitemaps = [1]\n',
            "key 'sitemaps'",
        ),
        (
            '[[sources]]\nname = "A"\nurl = "https://a.example/"\n[[sources]]\nname = "A"\nurl = "https://b.example/"\n',
            "'A': key 'name' is used twice",
        ),
        ('title = "x"\n', "unknown top-level key 'title'"),
        ("", "no sources"),
    ],
)
def test_mistakes_name_file_source_and_key(text, expected):
    with pytest.raises(SourcesError) as error:
        parse_sources(text, "my/sources.toml")
    assert str(error.value).startswith("my/sources.toml: ")
    assert expected in str(error.value)


def test_a_mistake_names_the_line_of_its_source():
    text = (
        "# my sites\n\n"
        '[[sources]]\nname = "A"\nurl = "https://a.example/"\n\n'
        '[[sources]]\nname = "B"\nurl = "https://b.example/"\nsection = ["/news/"]\n'
    )
    with pytest.raises(SourcesError) as error:
        parse_sources(text, "sources.toml")
    assert str(error.value).startswith("sources.toml: line 7: source #2 ('B'): unknown key 'section'")


def test_a_single_bracket_sources_table_is_named_as_the_mistake():
    with pytest.raises(SourcesError, match=r"double brackets: \[\[sources\]\]"):
        parse_sources('[sources]\nname = "A"\nurl = "https://a.example/"\n', "sources.toml")


def test_missing_file(tmp_path):
    with pytest.raises(SourcesError, match="no such file"):
        load_sources(tmp_path / "nope.toml")


def test_example_file_is_valid():
    from pathlib import Path

    sources = load_sources(Path(__file__).parent.parent / "sources.example.toml")
    assert len(sources) >= 3
