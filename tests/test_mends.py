"""Faults found on pages of our own in many families and mended here, each on a page (or a few lines of
HTML) of our own: invented outlets, people and text.

What a reader expects:

- a review's verdict, set in a box after the story's last paragraph, is the writer's text and stays; the
  site's "Most read" box after the story is not and stays out;
"""

from __future__ import annotations

import pytest

from tests.test_story_structures import _STORY, _lines, _story_page

# --- a verdict box closing the story, and the site's box there ---------------------------------------


@pytest.mark.parametrize(
    ("heading", "verdict"),
    [
        ("Our verdict", "A generous, unhurried bistro that deserves a better street than the one it is on."),
        (
            "The verdict",
            "Four stars for the cooking and two for the chairs, which nobody should sit on for long.",
        ),
        ("Fazit", "Ein großzügiges Bistro, das eine bessere Straße verdient hätte als die, in der es steht."),
    ],
)
def test_a_verdict_box_after_the_storys_last_paragraph_stays(heading, verdict):
    box = f"<aside class='review-box'><h3>{heading}</h3><p>{verdict}</p></aside>"
    lines, _ = _lines(_story_page({len(_STORY) - 1: box}))
    assert verdict in lines
    assert lines[-1] == verdict


@pytest.mark.parametrize(
    ("heading", "text"),
    [
        ("Most read", "Lifeboat crew praised for night rescue off the point after a six-hour search."),
        (
            "About Quayside News",
            "Quayside News has reported on this town since 1887 and is owned by its staff.",
        ),
    ],
)
def test_the_sites_box_after_the_storys_last_paragraph_stays_out(heading, text):
    box = f"<aside class='panel'><h3>{heading}</h3><p>{text}</p></aside>"
    lines, _ = _lines(_story_page({len(_STORY) - 1: box}))
    assert text not in lines and heading not in lines
    assert lines[-1] == _STORY[-1]
