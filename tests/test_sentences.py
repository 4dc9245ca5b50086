"""The one sentence splitter (generator.proposal.sentences), as `nota diff` and the writing checks use it."""

from generator.checks.writing import sentences as written_sentences
from generator.proposal.sentences import FULL_STOPS, sentences


def test_the_parts_joined_give_the_text_back_cut_after_each_end_and_at_line_breaks():
    tekst = "Het college besluit: dit. Ook dat!  Waarom?\nRegel twee; en verder"
    parts = sentences(tekst)
    assert parts == ["Het college besluit: ", "dit. ", "Ook dat!  ", "Waarom?\n", "Regel twee; ", "en verder"]
    assert "".join(parts) == tekst


def test_with_capital_next_an_abbreviation_before_a_small_letter_does_not_end_a_sentence():
    tekst = "Zie o.a. de bijlage. Het bedrag is 5 mln. euro. 2027 volgt."
    assert sentences(tekst, FULL_STOPS, capital_next=True) == [
        "Zie o.a. de bijlage. ",
        "Het bedrag is 5 mln. euro. ",
        "2027 volgt.",
    ]


def test_the_writing_checks_count_sentences_per_paragraph_stripped():
    assert written_sentences("Eerste zin. Tweede zin\n\nDerde: zin. vierde") == [
        "Eerste zin.",
        "Tweede zin",
        "Derde: zin. vierde",
    ]
