"""A blank line ends a sentence, whatever the parser would make of it."""

TEXT = ("Governor: I’m Hopeful Voters Will Back the Plan.\n\nSunday on NBC’s “Meet the Press,” Governor Jane Doe "
        "said she expected that.")


def test_blank_line_starts_a_sentence(nlp):
    doc = nlp(TEXT)
    assert [s.text.split()[0] for s in doc.sents] == ["Governor:", "Sunday"]


def test_headline_is_not_the_content_of_the_story_s_first_cue(nlp):
    doc = nlp(TEXT)
    said = next(a for a in doc._.ew_attributions if a.cue == "said")
    assert TEXT[said.content_start:said.content_end] == "she expected that"
    assert any(a.cue == ":" and a.source_text == "Governor" for a in doc._.ew_attributions)


def test_single_line_break_is_left_to_the_parser(nlp):
    doc = nlp("The minister said on Monday that the talks\nwould resume in the spring.")
    assert len(list(doc.sents)) == 1
