"""Speaker phrases a cue's parse does not give: the parser took a word inside the quotation for the verb's
subject, or hung the cue on a verb inside the quoted words. Read the text around the quotation instead."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ...model import Span
from ... import lang
from ..base import lemma_of
from .cues import Cue, is_reporting, left_neighbour, speaker_range, verb_lemma
from .marks import QuoteStretch

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def char_range(doc: "Doc", tokens: tuple[int, int]) -> Span:
    left, right = tokens
    last = doc[right - 1]
    return doc[left].idx, last.idx + len(last.text)


def speaker_after(doc: "Doc", stretch: QuoteStretch, cue: Cue) -> Optional[Span]:
    """The speaker of a cue right after a quotation when the parser took a word inside the quotation for the
    verb's subject: the first name or pronoun between the closing mark and the verb."""
    verb = doc[cue.verb]
    between = doc.char_span(stretch.outer[1], verb.idx, alignment_mode="contract")
    if between is None:  # nothing but spaces between the closing mark and the verb: '"…," said Ortiz'
        return _phrase_after(doc, verb) if not doc.text[stretch.outer[1]:verb.idx].strip() else None
    head = next((t for t in between if t.pos_ in ("PROPN", "PRON", "NOUN")), None) or _word_name(between, verb)
    if head is None and all(t.is_punct or t.is_space for t in between):
        return _phrase_after(doc, verb)
    while head is not None and head.dep_ in ("compound", "nmod") and head.i < head.head.i < verb.i:
        head = head.head  # "Gene Sperling": the name's head, so the phrase is the whole name; "the GOP nominee"
    if head is None:
        return None
    left, right = speaker_range(doc, head)
    return char_range(doc, (max(left, between.start), right))  # never words of the quotation itself


_AFTER_NAME_TOKENS = 8
_ONE_OF_THEM = frozenset({"one", "another"})
_PHRASE_STOPS = frozenset({",", "(", ".", ";", ":", "—", "–", "-", "\"", "“", "”"})


def _phrase_after(doc: "Doc", verb: "Token") -> Optional[Span]:
    """``"…," said Oversight ranking Democrat Elijah Cummings (D-Md.).``, ``"…," said David Brock, a confidant
    who …``: an inverted attribution whose name the parser hung elsewhere (an object, a clause of its own). The
    words right after the verb up to the first comma, bracket, stop, verb or preposition, ending on a name (or on
    a noun after a determiner: ``"…," said the woman, who …``, ``"…," read the email.``)."""
    words: list["Token"] = []
    for tok in doc[verb.i + 1:min(len(doc), verb.i + 2 + _AFTER_NAME_TOKENS)]:
        # a participle inside a title goes on ("Oversight ranking Democrat"); a finite verb ends the phrase
        # "…," wrote a supporter who runs the account: a relative pronoun opens a clause about the speaker
        if tok.text in _PHRASE_STOPS or tok.is_space or tok.pos_ in ("AUX", "ADP", "SCONJ", "CCONJ") \
                or tok.tag_ in ("WP", "WDT") \
                or tok.pos_ == "VERB" and tok.tag_ not in ("VBG", "VBN"):
            break
        words.append(tok)
    else:
        return None  # no end within reach: a clause, not a name with its title
    if len(words) == 1 and words[0].lower_ in _ONE_OF_THEM:
        return words[0].idx, words[0].idx + len(words[0].text)  # '"…," tweeted another.': one of those just named
    if not words or words[0].pos_ == "PRON" or words[-1].pos_ not in ("PROPN", "NOUN"):
        return None  # "said that …", "said in a statement", "said he": no inverted name
    if words[-1].pos_ == "NOUN" and not (words[0].pos_ == "DET" or any(t.pos_ == "PROPN" for t in words)):
        return None  # "…," read the statement / said the woman, who …: a described speaker, not a bare noun
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _word_name(between, verb) -> Optional["Token"]:
    """``"…," From said.``, ``"…," Early said``: a surname that is also a word, tagged as that word, alone and
    capitalised between the quotation and its verb, is the speaker's name."""
    words = [t for t in between if not t.is_punct and not t.is_space]
    if verb.tag_ not in ("VBD", "VBZ"):  # "said", "says"; not a headline's "'…' To Ask For …"
        return None
    if len(words) == 1 and words[0].i == verb.i - 1 and words[0].is_title and words[0].is_alpha:
        return words[0]
    return None


def speaker_outside(doc: "Doc", cue: Cue, layout) -> Optional[Span]:
    """The speaker of a cue before a quotation when the parser hung the cue on a verb inside the quoted words
    (``Clinton seemed ready, telling the crowd, "Some people get carried away"``): the subject of the nearest verb
    above the cue that stands outside the quotation, itself outside it and before the cue."""
    verb = doc[cue.verb]
    for up in verb.ancestors:
        if layout.inside_quote(up.idx):
            continue
        subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
        if subj is not None and not layout.inside_quote(subj.idx) and speaker_ok(subj) \
                and subj.dep_ == "nsubj":
            return char_range(doc, speaker_range(doc, subj))
        if subj is not None:
            return None
    near = left_neighbour(verb) or _name_before(verb)  # "Rep. Paul Ryan (R-WI) said "…"": the name before it
    if near is None or layout.inside_quote(near.idx):
        return None
    return char_range(doc, speaker_range(doc, near))


def _name_before(verb) -> Optional["Token"]:
    """The proper name right before a verb, past a parenthesis (``Dana Marsh (D-OH) said``), whatever the parse
    made of it."""
    i = verb.i - 1
    doc = verb.doc
    if i >= 0 and doc[i].text == ")":
        while i > 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    return doc[i] if i >= 0 and doc[i].pos_ == "PROPN" else None


def speaker_ok(tok) -> bool:
    # a question word or a relative pronoun names nobody by itself ('"…," who proceeded to sing', 'for what happened:')
    return tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.lower_ not in ("it", "there", "that", "this", "which") \
        and tok.tag_ not in ("WP", "WDT")


_PARTICIPLE_TAGS = ("VBG",)
_WORDS = lang.get("en").quotes
_DOCUMENTS = _WORDS.SPEECH_NOUNS | _WORDS.DOCUMENT_NOUNS
# not the verbs of holding up what may be another's words ("held a sign saying …": the sign's, says the text)
_ISSUING = _WORDS.ISSUING_VERBS - {"hold", "carry", "wave", "display", "hoist"}
_PEOPLE_NOUNS = (_WORDS.PERSON_ROLES | _WORDS.GROUP_NOUNS | _WORDS.SPEAKING_PEOPLE | _WORDS.PEOPLE_NOUNS
                 | lang.get("en").entities.PERSON_NOUNS) - {"team", "campaign", "administration", "staff"}
_SENDING = frozenset({"email", "e-mail", "text", "message", "write", "tweet"})  # "emailed supporters saying"


def speaker_unparsed(doc: "Doc", cue: Cue, quoted, content: Optional[Span] = None) -> Optional[Span]:
    """A speaker for a cue the parse left without one, read off the sentence as news writes it; ``quoted(offset)``
    tells whether an offset lies inside quotation marks. Two shapes:

    - a participle of saying after a comma (``Ortiz spoke in Paris on Tuesday, noting …``, ``X shared the news,
      writing "…"``): its understood subject is the subject of the clause it follows, the nearest verb before it
      in the sentence with a subject of its own;
    - a verb of saying right after a name and its description (``…, Col. Dana Reyes, a spokeswoman in Kabul,
      said``) that the parser hung on a noun before it: that name.

    Failing those, a verb right after a closing mark names the phrase after it (:func:`_inverted_after_quote`),
    and a name opening its clause before an aside between commas speaks (:func:`_name_before_aside`)."""
    verb = doc[cue.verb]
    if quoted(verb.idx):
        return None
    if cue.kind == "noun":  # "the suggestion by a potential president that …"
        return _by_phrase(doc, verb, quoted)
    if cue.kind == "object":  # "when asked about the audit: "…"": the answer
        return _the_one_asked(doc, verb, quoted) if _answer(doc, cue, content) else None
    if cue.kind not in ("verb", "parataxis", "naming"):
        return None  # "naming": "…, at one point calling the mayor a "liar""
    found = _participle_or_name(doc, verb, quoted)
    if found is None:
        found = _inverted_after_quote(doc, verb) or _name_before_aside(doc, verb, quoted) \
            or _name_right_before(doc, verb, quoted) or _issuer_of_object(doc, verb, quoted) \
            or _people_saying(doc, verb, quoted) or _answer(doc, cue, content) and _the_one_asked(doc, verb, quoted) \
            or _by_phrase(doc, verb, quoted) or _opening_participle(doc, verb, quoted)
    return found


def _people(tok: "Token") -> bool:
    """A name of a person, body or people, or a noun of people ("voters", "the senator", "protesters")."""
    if tok.pos_ == "PROPN":
        return tok.ent_type_ in ("PERSON", "ORG", "NORP", "")
    return tok.pos_ == "NOUN" and (lemma_of(tok).lower() in _PEOPLE_NOUNS or tok.lower_ in _PEOPLE_NOUNS)


def _people_saying(doc: "Doc", verb: "Token", quoted) -> Optional[Span]:
    """``voters saying the economy comes first``, ``the share of Republicans saying "…"``: a participle of saying
    on a noun of people is theirs (as a poll or a crowd is reported); a share or a number of them speaks as
    they do. Not a thing that bears words (``a sign saying``: whose words those are, the text may not say)."""
    noun = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "acl" or noun.i > verb.i or quoted(noun.idx):
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ in _TO_WHOM:
        return None  # "his memo to employees explaining the deal": the memo explains, not its readers
    if _people(noun):
        return char_range(doc, speaker_range(doc, noun))
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    them = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if noun.pos_ != "NOUN" or them is None or not _people(them) or quoted(them.idx):
        return None
    return char_range(doc, (speaker_range(doc, noun)[0], speaker_range(doc, them)[1]))


_ASKING = frozenset({"ask", "press", "question", "quiz"})
_TO_WHOM = frozenset({"to", "for", "with", "at", "toward", "towards"})


def _answer(doc: "Doc", cue: Cue, content: Optional[Span]) -> bool:
    """Whether the words attributed (``content``, characters) lie outside what the cue itself reports: the answer
    after ``when asked about the audit:``, not the question of ``Asked whether he would run``."""
    if cue.complement is None:
        return True
    if content is None:
        return False
    s, e = char_range(doc, cue.complement)
    return e <= content[0] or content[1] <= s


def _the_one_asked(doc: "Doc", verb: "Token", quoted) -> Optional[Span]:
    """``When asked why, Sembler responded in a text message: "…"``, ``Lynch, who told Congress when asked about
    the inquiry: "…"``: what follows a passive "asked" with no one named is the answer of the one asked, the
    subject of the clause it qualifies (a relative pronoun's antecedent). Only where the question itself is not
    reported (``Asked whether he would run, Ortiz said …``: the question is the unnamed asker's)."""
    if verb_lemma(verb) not in _ASKING or verb.tag_ != "VBN" or verb.dep_ != "advcl" \
            or any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children):
        return None
    clause = verb.head
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.tag_ in ("WP", "WDT") and clause.dep_ == "relcl":
        subj = clause.head  # "Lynch, who told Congress": Lynch
    if subj is None or not speaker_ok(subj) or quoted(subj.idx):
        return None
    return char_range(doc, speaker_range(doc, subj))


def _by_phrase(doc: "Doc", verb: "Token", quoted) -> Optional[Span]:
    """``often labeled as a "witch hunt" by Democrats``, ``the suggestion by a potential president that …``: who
    says a passive verb of saying or naming with no subject, or a noun of a claim, is named in its "by" phrase,
    wherever in the predicate the parser hung it (not in a clause of its own)."""
    if verb.pos_ == "NOUN":
        bys = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"]
    elif verb.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        bys = [t for t in verb.subtree if t.lower_ == "by" and t.dep_ in ("agent", "prep") and t.i > verb.i
               and _same_predicate(t, verb)]
    else:
        return None
    for by in bys:
        who = next((c for c in by.children if c.dep_ == "pobj"), None)
        if who is not None and _people(who) and not quoted(who.idx):
            return char_range(doc, speaker_range(doc, who))
    return None


def _same_predicate(tok: "Token", verb: "Token") -> bool:
    """Whether ``tok`` hangs on ``verb`` through nouns and prepositions only (no verb of another clause)."""
    t = tok.head
    while t.i != verb.i:
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return False
        t = t.head
    return True


def _opening_participle(doc: "Doc", verb: "Token", quoted) -> Optional[Span]:
    """``Maher stated that the report "wasn't good." Adding, "Now, …"``: a participle of saying that opens its
    sentence, before a comma or a colon, goes on with the last report of the sentence before it in its paragraph:
    that verb's subject, when it is a name or a personal pronoun."""
    sent = verb.sent
    if verb.tag_ != "VBG" or sent.start == 0 or verb.i + 1 >= len(doc) or doc[verb.i + 1].text not in (",", ":") \
            or any(not (t.is_punct or t.is_space) for t in doc[sent.start:verb.i]):
        return None
    prev = doc[sent.start - 1].sent
    if any(t.is_space and "\n" in t.text for t in doc[prev.start:verb.i]):
        return None  # the sentence before lies in another paragraph
    found = None
    for tok in prev:
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if is_reporting(tok) and subj is not None and not quoted(tok.idx) and not quoted(subj.idx):
            found = subj
    if found is None or not (found.pos_ == "PROPN" or found.lower_ in ("he", "she", "they")):
        return None
    return char_range(doc, speaker_range(doc, found))


_FINITE = ("VBD", "VBZ", "VBP")


def _name_right_before(doc: "Doc", verb: "Token", quoted) -> Optional[Span]:
    """``…, Speaker of the House Rep. Dana Marsh (R-WI) said "…"``: a finite verb of saying with no subject of its
    own, right after a name (past its party and state in brackets), which the parser hung elsewhere (the object of
    a preposition in the title, an apposition): as written, the name is its subject."""
    if verb.tag_ not in _FINITE or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    near = left_neighbour(verb)
    if near is None or near.pos_ != "PROPN" or near.ent_type_ not in ("PERSON", "ORG", "") or quoted(near.idx):
        return None
    return char_range(doc, speaker_range(doc, near))


def _issuer_of_object(doc: "Doc", verb: "Token", quoted) -> Optional[Span]:
    """``Black Lives Matter issued a statement saying …``, ``The senator emailed supporters saying: "…"``: a
    participle of saying on the object of a verb of putting words out (or of saying) speaks for that verb's
    subject; where the parser left that verb no subject (a name it took for an adverb), the name right before it.
    A sign or a banner someone holds up may bear anyone's words: only the verbs of putting words out count."""
    noun = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "acl" or noun.dep_ != "dobj" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    issuing = noun.head
    sends = verb_lemma(issuing)
    if issuing.pos_ != "VERB" or not (is_reporting(issuing) or sends in _SENDING
                                      or sends in _ISSUING and lemma_of(noun).lower() in _DOCUMENTS):
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("from", "by", "of") for c in noun.children):
        return None  # "circulated a petition from parents saying …": the words are the petition's authors'
    subj = next((c for c in issuing.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None:
        if subj.dep_ != "nsubj" or not speaker_ok(subj) or quoted(subj.idx):
            return None
        return char_range(doc, speaker_range(doc, subj))
    i = issuing.i - 1
    if i < issuing.sent.start or doc[i].pos_ != "PROPN" or quoted(doc[i].idx):
        return None
    left = i
    while left > issuing.sent.start and doc[left - 1].is_title and doc[left - 1].pos_ in ("PROPN", "NOUN", "ADJ"):
        left -= 1  # "Black Lives Matter": the capitalised words of the name
    return char_range(doc, (left, i + 1))


_LEAD_MAX = 4  # ", at one point calling", ", again saying": a short adverbial between the comma and the participle


def _comma_before(doc: "Doc", verb: "Token") -> Optional[int]:
    """The comma (or dash) that opens a participle's phrase: right before it, or before a short adverbial
    (``…, at one point calling the mayor a "liar"``)."""
    for i in range(verb.i - 1, max(verb.sent.start, verb.i - 1 - _LEAD_MAX) - 1, -1):
        if doc[i].text in (",", "—", "–"):
            return i
        if doc[i].pos_ not in ("ADV", "ADP", "DET", "NUM") and doc[i].lower_ not in ("point", "time", "times"):
            return None
    return None


def _participle_or_name(doc: "Doc", verb: "Token", quoted) -> Optional[Span]:
    sent = verb.sent
    comma = _comma_before(doc, verb)
    if verb.tag_ in _PARTICIPLE_TAGS and comma is not None and comma > sent.start:
        for tok in reversed(doc[sent.start:comma]):
            # a participle is another aside, unless its auxiliary makes it the clause's verb ("has battled")
            if tok.pos_ not in ("VERB", "AUX") or quoted(tok.idx) or tok.tag_ == "VBG" \
                    or tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children):
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            if speaker_ok(subj) and not quoted(subj.idx) and subj.tag_ not in ("WDT", "WP"):
                return char_range(doc, speaker_range(doc, subj))
            return None
        return None
    i = verb.i - 1
    if i <= sent.start or doc[i].text != ",":
        return None
    for tok in reversed(doc[sent.start:i]):
        # the name heads the phrase that ends at the comma: not a place or date inside it ("in Kabul", "on Dec. 2")
        # or the parser hung the verb on the name as a modifier ("Ortiz, the 2012 nominee, tweeted …": acl)
        ends_there = tok.right_edge.i == i - 1 or verb.dep_ == "acl" and verb.head.i == tok.i
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "ORG", "") and ends_there \
                and tok.dep_ not in ("compound", "pobj", "dobj", "poss") and not quoted(tok.idx):
            return char_range(doc, speaker_range(doc, tok))
        if tok.pos_ in ("VERB", "AUX") or tok.text in (";", ":") or quoted(tok.idx):
            return None
    return None


_SUBORDINATORS = frozenset({"after", "before", "when", "while", "because", "since", "as", "until", "though",
                            "although", "once", "whereas"})
_CLOSING = frozenset({"\"", "”", "’", "'", "''", "»"})
_ASIDE_MAX_TOKENS = 40
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


def _inverted_after_quote(doc: "Doc", verb: "Token") -> Optional[Span]:
    """``"The risk," said Dana Reyes, an economist, "is that …"``: a verb right after a closing mark (and its
    comma) puts its subject after it; the parser may hang that name anywhere."""
    i = verb.i - 1
    while i >= 0 and doc[i].text in (",", " ") or i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text not in _CLOSING:
        return None
    return _phrase_after(doc, verb)


def _clause_start(doc: "Doc", verb: "Token") -> int:
    """The sentence's first token, or the first after a paragraph break the parser ran the sentence over."""
    start = verb.sent.start
    for i in range(verb.i - 1, start - 1, -1):
        if doc[i].is_space and "\n" in doc[i].text:
            return i + 1
    return start


def _relative_aside(doc: "Doc", start: int, comma: int, quoted) -> Optional[int]:
    """The comma opening a relative clause set off before ``comma`` (``, whose latest firm, Paradox, sells data,``,
    ``, who ran the campaign in 2012,``): such an aside may hold commas of its own; None when there is none."""
    for j in range(comma - 1, max(start, comma - 2 * _ASIDE_MAX_TOKENS), -1):
        if quoted(doc[j].idx) or doc[j].text in (";", ":") or doc[j].text in _CLOSING:
            return None
        if doc[j].lower_ in ("who", "whose") and doc[j - 1].text == "," and j - 1 > start:
            return j - 1
    return None


def _name_before_aside(doc: "Doc", verb: "Token", quoted) -> Optional[Span]:
    """``Ortiz, exasperated, famously replied: "…"``, ``Sen. Dana Marsh (D-Ohio), noting the size of the crowd,
    said``, ``Columnist Ana Reyes, in an attempt to …, wrote``: a name opening its clause, an aside between commas,
    then the verb of saying. The parser often tears the name from the verb (a subject of the aside, an object of
    the sentence before); as written, the name is who speaks."""
    start = _clause_start(doc, verb)
    i = verb.i - 1
    while i > start and doc[i].is_lower and (doc[i].pos_ in ("ADV", "PART") or doc[i].pos_ == "AUX"
                                             and doc[i].dep_ in ("aux", "auxpass")):
        i -= 1  # "famously", "also", "had"
    if i <= start or doc[i].text != ",":
        return None
    j = _relative_aside(doc, start, i, quoted)  # "Ortiz, whose firm, Paradox, sells data, said": one aside
    if j is None:
        j = i - 1
        while j > start and doc[j].text != "," and i - j <= _ASIDE_MAX_TOKENS:
            if quoted(doc[j].idx) or doc[j].text in (";", ":") or doc[j].text in _CLOSING:
                return None
            j -= 1
    if j <= start or doc[j].text != "," or j == i - 1:
        return None
    k = j - 1
    if doc[k].text == ")":  # "(D-Ohio)" after the name
        while k > start and doc[k].text != "(":
            k -= 1
        k -= 1
    # a name, whatever the tagger made of it ("Trump" as an adjective): a proper noun or a person's or body's name
    if k < start or not (doc[k].pos_ == "PROPN" or doc[k].ent_type_ in ("PERSON", "ORG") and doc[k].is_title) \
            or doc[k].ent_type_ in _NOT_NAMES or quoted(doc[k].idx):
        return None
    left = k
    while left > start and (doc[left - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET") or doc[left - 1].tag_ == "POS"):
        left -= 1
    # the name opens its clause: nothing but a conjunction or an adverb before it ("But Sen. Marsh, …"), or a
    # subordinating conjunction right before it ("… came up after Ortiz, asked about it, had said")
    after_subordinator = left > start and doc[left - 1].lower_ in _SUBORDINATORS
    if not after_subordinator and any(not (t.is_punct or t.is_space or t.pos_ in ("CCONJ", "ADV"))
                                      for t in doc[start:left]):
        return None
    while left < k and doc[left].pos_ in ("DET", "ADJ", "NOUN") and doc[left].is_lower:
        left += 1  # "the" in "the Sen. …" stays; a lowercase lead word goes
    return char_range(doc, (left, k + 1))


def speaker_by_surname(doc: "Doc", cue: Cue, surnames: dict[str, int], quoted) -> Optional[Span]:
    """``And Skelly called him "…"``, ``"…," Will wrote``, ``"…," said Early``: a surname that is also a word (or
    one the tagger does not know) tagged as an adverb, a verb or an auxiliary, so the cue got no subject. When the
    capitalised word right before the verb (or its subject, or right after it in an inverted attribution) is the
    surname of a person the article named in full before the cue (``surnames``: surname → offset of its first full
    mention), that person speaks."""
    verb = doc[cue.verb]
    # "Ortiz was asked": the one asked is the hearer
    if quoted(verb.idx) or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.tag_ == "VBN" \
            and any(c.lower_ in ("was", "were", "is", "are", "be", "been") for c in verb.children):
        return None
    near = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.i > 0:
        near.append(doc[verb.i - 1])
    if verb.i + 1 < len(doc) and verb.i > 1 and (doc[verb.i - 1].text in _CLOSING
                                                or doc[verb.i - 1].text == "," and doc[verb.i - 2].text in _CLOSING):
        near.append(doc[verb.i + 1])  # '"…," said Early'
    for tok in near:
        first = surnames.get(tok.text)
        if tok.is_title and first is not None and first < tok.idx and not quoted(tok.idx):
            return tok.idx, tok.idx + len(tok.text)
    return None
