"""What a user can type is documented: every command (with an example), setting and exit code."""

from __future__ import annotations

import re
from pathlib import Path

from newsbot import settings
from newsbot.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_command_has_an_example_in_the_readme_and_in_its_help():
    for name, command in main.commands.items():
        assert re.search(rf"^newsbot {re.escape(name)}\b", README, re.MULTILINE), (
            f"README lacks `newsbot {name}`"
        )
        assert "Example" in (command.help or ""), f"`newsbot {name} --help` lacks an example"


def test_every_newsbot_setting_is_documented():
    for name in dir(settings):
        if name.startswith("NEWSBOT_"):
            assert name in README, f"{name} is not documented in README.md"


def test_exit_codes_are_documented():
    from newsbot.crawl import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE
    from newsbot.runlock import EXIT_LOCKED

    for code in (EXIT_OK, EXIT_PARTIAL, EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED):
        assert re.search(rf"^\| {code} \|", README, re.MULTILINE), f"exit code {code} not in README"


def test_quick_start_is_exactly_two_commands():
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    block = quick.split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split()[0:2] for line in block.strip().splitlines()] == [["make", "demo"], ["make", "test"]]


def test_every_extraction_rule_is_in_the_readmes_rule_table():
    # a user facets the archive's `rules` column by these names: each must say what it does
    from pipelines.extract import RULES

    table = "\n".join(line for line in README.splitlines() if line.startswith("| `"))
    missing = [name for name in RULES if f"`{name}`" not in table]
    assert not missing, f"README's rule table lacks {missing}"


def test_the_readmes_count_of_story_sentences_and_furniture_lines_is_the_tests():
    from tests.test_cleanup_keeps_news import ANYWHERE, CLOSING, NEWS

    said = re.search(r"runs (\d+) such news\s+sentences .*? and (\d+) lines of site furniture", README, re.S)
    assert said, "README no longer says how many story sentences the keeps-news test runs"
    assert (int(said[1]), int(said[2])) == (len(NEWS), len(ANYWHERE) + len(CLOSING))
