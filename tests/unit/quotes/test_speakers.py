"""Who said it: a table of reporting frames, hand-made, with the speaker each must give.

The frames are the common shapes of attribution in English news (issue 11 item 4). Each
row is one sentence or two, made up for this table; none is taken from any corpus.
"""

from __future__ import annotations

import pytest

from medialit.quotes import extract_quotes
from quote_cases import page

# (text, the quote, its speaker)
FRAMES = [
    # partial quotes inside reporting frames
    ('Mayor Jane Okafor called the plan "a betrayal of every commuter".', "a betrayal of every commuter", "Jane Okafor"),
    ('Tom Reyes described the vote as "a disgrace to the council".', "a disgrace to the council", "Tom Reyes"),
    ('Tom Reyes admires the coach as a "true leader of men".', "true leader of men", "Tom Reyes"),
    ('According to Ana Silva, the budget is "tight but workable".', "tight but workable", "Ana Silva"),
    ('The budget is "tight but workable", according to Ana Silva.', "tight but workable", "Ana Silva"),
    ('According to city treasurer Ana Silva, the budget is "tight".', "tight", "Ana Silva"),
    ('Critics seized on Tom Reyes\'s claim that the river was "perfectly safe to swim in".',
     "perfectly safe to swim in", "Tom Reyes"),
    ('At a rally on Friday, Jane Okafor likened the bypass to "a knife through the town".',
     "a knife through the town", "Jane Okafor"),
    ('Jane Okafor walked onto the stage, chanting "Save our bridge".', "Save our bridge", "Jane Okafor"),
    ('Jane Okafor spoke for an hour and vowed to stop "this reckless scheme".', "this reckless scheme", "Jane Okafor"),
    ('Jane Okafor, who has led the council since the last election in May, blasted the plan as "a disgrace".',
     "a disgrace", "Jane Okafor"),
    ('Protesters marching through the streets chanted "Open the bridge" until dawn.', "Open the bridge", "Protesters"),
    ('Jane Okafor on Monday called the plan "a disaster".', "a disaster", "Jane Okafor"),
    ('Jane Okafor last week called the plan "a disaster".', "a disaster", "Jane Okafor"),
    ('On Monday Jane Okafor called the plan "a disaster".', "a disaster", "Jane Okafor"),
    ('Tom Reyes said the vote was close. Later Reyes was "very concerned" about it.', "very concerned", "Tom Reyes"),
    ('Sen. Jane Okafor of Ohio said the plan was "a disaster".', "a disaster", "Jane Okafor"),
    ('Jane Okafor (D-Ohio) said the plan was "a disaster".', "a disaster", "Jane Okafor"),
    ('"It is a disaster," the senator from Ohio, Jane Okafor, said.', "It is a disaster", "Jane Okafor"),
    ('Then there is Tom Reyes, who called the plan "a disaster".', "a disaster", "Tom Reyes"),
    ('The Daily Courier quoted Tom Reyes as saying the bridge was "finished".', "finished", "Tom Reyes"),
    ('Tom Reyes was quoted as saying the bridge was "finished".', "finished", "Tom Reyes"),
    ('Jane Okafor and Tom Reyes call the plan "a disaster".', "a disaster", "Tom Reyes"),
    ('Jane Okafor would call it "a disaster".', "a disaster", "Jane Okafor"),
    ('Jane Okafor took to the radio to call the plan "a disaster".', "a disaster", "Jane Okafor"),
    ('"It is a disaster," the annual report said.', "It is a disaster", "the annual report"),
    ('In the words of Tom Reyes, the bridge is "finished".', "finished", "Tom Reyes"),
    ('Tom Reyes believes the plan is "a disaster".', "a disaster", "Tom Reyes"),
    ('Jane Okafor was called "a liar" by Tom Reyes.', "a liar", "Tom Reyes"),
    ('Jane Okafor was described by Tom Reyes as "a liar".', "a liar", "Tom Reyes"),
    # a few words in marks in a sentence about a named person are that person's term
    ('Tom Reyes wants "a fresh start" for the town.', "a fresh start", "Tom Reyes"),
    ('Tom Reyes said the vote was close. Reyes was "very concerned" about the plan.', "very concerned", "Tom Reyes"),
    # documents and bodies as the source
    ('The Acme Council issued a statement calling the closure "a scandal".', "a scandal", "Acme Council"),
    ('Following a long, late-night meeting, the Acme Council called the closure "a scandal".', "a scandal",
     "Acme Council"),
    ('A study by the Acme Institute found that the river was "unsafe to swim in".', "unsafe to swim in", "Acme Institute"),
    ('A council report found that the bridge was "past repair".', "past repair", "a council report"),
    ('According to a complaint filed by the Acme Commission, the firm ran "a scheme".', "a scheme",
     "a complaint filed by the Acme Commission"),
    ('The bridge needs "a full survey," as a council memo put it.', "a full survey", "a council memo"),
    ('Tom Reyes criticized Jane Okafor for calling the bridge "a relic".', "a relic", "Jane Okafor"),
    # speakers named after the quote
    ('"We will not give up," said Tom Reyes.', "We will not give up", "Tom Reyes"),
    ('"Why now?" Tom Reyes asked.', "Why now?", "Tom Reyes"),
    ('"The river is rising," said local farmer Ana Silva.', "The river is rising", "Ana Silva"),
    ('"The river is rising," said Charlie King, a farmer.', "The river is rising", "Charlie King"),
    ('"We won," said the former council leader, Jane Okafor.', "We won", "Jane Okafor"),
    ('"The river is rising," Mr. King said.', "The river is rising", "King"),
    ('"The river is rising," county engineer and flood adviser Ana Silva said.', "The river is rising", "Ana Silva"),
    ('"The river is rising," Ana Silva, an engineer at the county office, has written.', "The river is rising", "Ana Silva"),
    ('"Stop the pumps!" an engineer ordered.', "Stop the pumps!", "an engineer"),
    ('"It is late," a council engineer, who asked not to be named, said.', "It is late", "a council engineer"),
    ('"It is late," Tom Reyes\' lawyer said.', "It is late", "Reyes' lawyer"),
    ('Said Tom Reyes: "It is late."', "It is late.", "Tom Reyes"),
    ('The plan is "slow" and "costly," Tom Reyes said.', "slow", "Tom Reyes"),
    ("“The river is rising,’’ Ana Silva told the council.", "The river is rising", "Ana Silva"),
    ('"The river is rising." ― Ana Silva', "The river is rising.", "Ana Silva"),
    ('"It is a fair deal," Jane Okafor, the council leader, told reporters.', "It is a fair deal", "Jane Okafor"),
    ("\"We call it 'the long wait,'\" Jane Okafor, the council leader, told reporters.",
     "We call it 'the long wait,'", "Jane Okafor"),
    ('Tom Reyes, despite admitting that he had doubts about "the cost", backed the plan.', "the cost", "Tom Reyes"),
    ('"The river is rising," Ana Silva whispered.', "The river is rising", "Ana Silva"),
    ('"Not this year," Tom Reyes shot back.', "Not this year", "Tom Reyes"),
    ('Tom Reyes pointed out that the bridge was "older than the town".', "older than the town", "Tom Reyes"),
    ('The plan needs "a miracle," as Ana Silva put it.', "a miracle", "Ana Silva"),
    ('Okafor supporters called the report "false".', "false", "Okafor supporters"),
    ('Jane Okafor, D-Ohio, the ranking member, called the report "false".', "false", "Jane Okafor"),
    # titles and descriptions resolved to the name the text gave them
    ('Council leader Jane Okafor opened the meeting. Later the council leader said it was "a fair deal".',
     "a fair deal", "Jane Okafor"),
    ('Tom Reyes, the town\'s mayor, arrived late. "We will rebuild," the mayor said.', "We will rebuild", "Tom Reyes"),
    ('Another critic, Ana Silva, called the plan "a waste of money".', "a waste of money", "Ana Silva"),
    ('The Daily Courier broke the story on Friday. The influential local daily called the plan "doomed".',
     "doomed", "Daily Courier"),
    # pronouns resolved to the person named before the pronoun
    ('Ana Silva said Tom Reyes was "plainly wrong" when he said that "the bridge is safe".',
     "the bridge is safe", "Tom Reyes"),
    ('Jane Okafor spoke first. "We can do this," she said.', "We can do this", "Jane Okafor"),
    ('Tom Reyes spoke first. Jane Okafor then took the stage. "We won," she said.', "We won", "Jane Okafor"),
    ('Mrs. Ana Silva met Mr. Tom Reyes. "We agreed on nothing," she said.', "We agreed on nothing", "Ana Silva"),
    ('Tom Reyes said so. Ana Silva of the Council on Foreign Relations disagreed. "It is late," she said.',
     "It is late", "Ana Silva"),
    ('The film shows Tom Reyes saying, "That makes me smart," when Ana Silva attacked him.',
     "That makes me smart", "Tom Reyes"),
    # a quote after the sentence that names its speaker
    ('Tom Reyes called the plan a failure. "It cost us a year."', "It cost us a year.", "Tom Reyes"),
    ('Tom Reyes pointed to the budget. "We cannot afford it."', "We cannot afford it.", "Tom Reyes"),
    ('“We came for the river. Now they call it “the view” and charge for it.” ― Ana Silva',
     "the view", "Ana Silva"),
    ('His former partner at Acme, Lawrence B. Cummings, called him a master. "He never gave up."',
     "He never gave up.", "Lawrence B. Cummings"),
    ('Jane Okafor said the vote was close. Okafor had one word for critics: "Nonsense."', "Nonsense.", "Jane Okafor"),
    # a block quote introduced by the paragraph before
    ('Ana Silva went on:\n\n"The water came in fast. We called it “the wall” because it stood up."',
     "The water came in fast. We called it “the wall” because it stood up.", "Ana Silva"),
    ('The Daily Courier reports:\n\n"The bridge will close in May, and the ferry will run instead."',
     "The bridge will close in May, and the ferry will run instead.", "Daily Courier"),
    ('Tom Reyes told the crowd the plan was dead.\n\n"We will stop it. We will win."',
     "We will stop it. We will win.", "Tom Reyes"),
    ('Tom Reyes turned to the budget.\n\n"We cannot afford it. Not this year." The hall went quiet.',
     "We cannot afford it. Not this year.", "Tom Reyes"),
    ('"We will win," Tom Reyes told "Morning Report" on Sunday.\n\n"The town is behind us."',
     "The town is behind us.", "Tom Reyes"),
    # transcripts
    ('"OKAFOR: We will not close the bridge.', "OKAFOR: We will not close the bridge.", "OKAFOR"),
    ('OKAFOR: Tom Reyes thinks this is "a game show." It is not.', "a game show.", "OKAFOR"),
]

# Quotes that nobody in the sentence said: scare quotes, titles, terms. (text, the quote)
SCARE_QUOTES = [
    ('The so-called "temporary" closure has lasted a year.', "temporary"),
    ('The film "River Town" opens on Friday.', "River Town"),
    ('Residents gathered on the "new" bridge for the opening.', "new"),
    # a name after an earlier quote in the sentence is no subject owning the words
    ('The council sent its "chief engineer" Tom Reyes into "the flooded tunnel" on Monday.', "the flooded tunnel"),
    # titles of shows and books, in marks by custom: nobody is quoted
    ('"We will win," Tom Reyes told "Morning Report" on Sunday.', "Morning Report"),
    ('Jane Okafor appeared on the radio station\'s "Face the Nation" show.', "Face the Nation"),
]

# Words that are not names must never be given as a speaker. (text, the quote, the speaker)
NOT_NAMES = [
    ('"We lost," said one Democratic aide on the council.', "We lost", "one Democratic aide on the council"),
    ('Democratic council leader Jane Okafor spoke up, saying the plan was "a disaster".', "a disaster", "Jane Okafor"),
    ('Tom Reyes openly admires Mayor Jane Okafor as a "strong leader".', "strong leader", "Tom Reyes"),
    ('Although Tom Reyes lost, he called the vote "fair".', "fair", "Tom Reyes"),
    ('"We lost," said Tom Reyes (D-Ohio).', "We lost", "Tom Reyes"),
    ('The Daily Post Tom Reyes interview ran long. "We lost," Reyes said.', "We lost", "Reyes"),
    ('Jane Okafor thanked President Tom Reyes.  Okafor called it "a fair result".', "a fair result", "Jane Okafor"),
    ('UPDATE: Tom Reyes said the plan was "a disaster".', "a disaster", "Tom Reyes"),
    ('The ambassador to France Jane Okafor said the talks were "going well".', "going well", "Jane Okafor"),
    ('The minister for Europe Tom Reyes has said the deal is "nearly done".', "nearly done", "Tom Reyes"),
    ("Ohio’s governor accused the council of delay and warned that the town faced \"a long winter\".",
     "a long winter", "Ohio’s governor"),
    ('Tom Reyes is telling voters that the United States economy is "strong".', "strong", "Tom Reyes"),
    ('China said it was "firmly opposed" to the test and warned against more of them.', "firmly opposed", "China"),
    ('The report, which was published on Monday, says the plan is "sound".', "sound", "the report"),
]


def speaker_of(text: str, quote: str) -> str:
    # include_all: this table is about speakers, whatever role the segmenter gives a short paragraph.
    [match] = [q for q in extract_quotes(page(text), include_all=True) if q.text == quote]
    return match.speaker


@pytest.mark.parametrize("text, quote, speaker", FRAMES)
def test_reporting_frame_gives_the_speaker(text, quote, speaker):
    assert speaker_of(text, quote) == speaker


@pytest.mark.parametrize("text, quote", SCARE_QUOTES)
def test_scare_quote_is_its_own_kind_with_no_speaker(text, quote):
    [match] = [q for q in extract_quotes(page(text)) if q.text == quote]
    assert (match.kind, match.speaker) == ("scare", "")


@pytest.mark.parametrize("text, quote, speaker", NOT_NAMES)
def test_words_that_are_not_names_are_never_the_speaker(text, quote, speaker):
    assert speaker_of(text, quote) == speaker


def test_a_resolved_description_is_kept_beside_the_name():
    text = page('Council leader Jane Okafor spoke. Later the council leader said it was "a fair deal".')
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.described_as) == ("Jane Okafor", "the council leader")


def test_a_description_of_someone_elses_aide_is_not_resolved_to_that_person():
    text = page('Tom Reyes, the mayor, spoke. "It is late," the mayor\'s spokeswoman said.')
    [quote] = extract_quotes(text, include_all=True)
    assert quote.speaker == "the mayor's spokeswoman"


def test_a_description_with_no_fitting_name_is_kept_as_written():
    [quote] = extract_quotes(page('"The water came in fast," a resident said.'))
    assert (quote.speaker, quote.described_as) == ("a resident", "")


def test_a_full_sentence_quote_with_no_speaker_is_a_quote_not_a_scare_quote():
    [quote] = extract_quotes(page('"We will rebuild."'))
    assert quote.kind == "quote"


def test_they_names_nobody_in_particular():
    [quote] = extract_quotes(page('"We will rebuild," they said.'))
    assert quote.speaker == ""


def test_a_quote_after_a_title_continues_the_speakers_remark():
    text = page('"We will win," Tom Reyes told "Morning Report" on Sunday. "The town is behind us."')
    [last] = [q for q in extract_quotes(text, include_all=True) if q.text == "The town is behind us."]
    assert (last.speaker, last.continues) == ("Tom Reyes", True)


@pytest.mark.parametrize("label", ["SEE MORE", "READ MORE", "SEE ALSO", "LISTEN"])
def test_a_link_to_another_article_is_not_the_speaker_of_the_next_quote(label):
    text = page(
        "The harbour was closed on Monday.",
        f"{label}: Ferry timetable cut for the winter",
        '"We will reopen it when the storm has passed."',
    )
    [quote] = extract_quotes(text, include_all=True)
    assert quote.speaker == ""


def test_a_transcript_label_in_capitals_still_names_its_speaker():
    text = page('JANE OKAFOR: She calls it "a show for the cameras".')
    [quote] = extract_quotes(text, include_all=True)
    assert quote.speaker == "JANE OKAFOR"
