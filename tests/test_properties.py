"""Properties that hold for any text: extraction never raises, and every record points at its
own words in the stored article."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrack import extract_article

PIECES = ["„", "“", "”", '"', "«", "»", "‚", "‘", "каза", "заяви", "че", "Петров", "Иван", "според",
          "той", "тя", "Това", "по думите на", "министърът", "/БТА/", "предаде", "АФП", ":", ",", ".",
          "–", "-", "\n", "\n\n", " ", "Сподели:", "(", ")", "е", "категоричен", "бюджетът", "г.", "проф."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=120))
def test_any_mix_of_marks_and_cues_extracts_without_error_and_offsets_hold(pieces):
    ex = extract_article(" ".join(pieces), path="x.txt")
    for q in ex.quotes:
        assert ex.article.text[q.start : q.end] == q.text
        assert q.kind in ("direct", "partial", "indirect") and q.text.strip()
