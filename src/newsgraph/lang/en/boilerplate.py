"""English words of page furniture that extraction reads: site lines (share, subscribe, cookies), photo credits,
and the words around a byline. Shapes (length, punctuation, separators) stay in :mod:`newsgraph.extraction.lines`;
only the vocabulary of the trade lives here, so another language adds its own module beside this one.

A few words of other languages stay in these lists where a byline or credit word is shared across the pages an
English-language site carries (``von``, ``par``, ``por``; ``foto``, ``bild``).
"""
from __future__ import annotations

# Words that make a short line a photo credit or caption tag ("Photo: Getty Images", "AFP/File").
CREDIT_WORDS = frozenset(
    "photo photos photograph photographer image images picture pictures pic credit credits getty reuters afp ap "
    "epa ansa efe dpa imago courtesy illustration copyright file foto fotos bild".split())
# After a credit word, these make the line a credit even without a separator ("Photo by ...", "Image courtesy").
CREDIT_FOLLOWERS = ("by", "credit", "copyright", "courtesy")

# A site line starts with one of these (regex alternatives, matched case-insensitively at a word boundary).
BOILERPLATE_STARTS = (
    "share", "shares", "tweet", "email", "print", "save", "subscribe", "sign up", "sign in", "log in", "login",
    "register", "follow us", "follow", "read more", "read also", "see also", "more from", "related", "recommended",
    "advertisement", "sponsored", r"comments?", "skip to", "click here", r"download (the|our) app", "listen to",
    "watch:", "trending", r"most (read|popular)", "privacy policy", r"terms of (use|service)", "all rights reserved",
    "newsletter", "you may also like", "loading",
)
# ... or holds one of these anywhere (and does not end like a sentence).
BOILERPLATE_ANYWHERE = (
    r"share (this|on|via|article)", "subscribe to", "sign up for", "newsletter", "follow us on",
    "all rights reserved", "copy link", "link copied",
)
COPYRIGHT = r"\ball rights reserved\b"
# A cookie notice: the word "cookie" with one of these on either side.
COOKIE_VERBS = ("use", "accept", "policy", "consent", "settings", "agree")

# Words that open a byline ("By Jane Doe", "Written by ...").
BYLINE_LEADS = ("by", "written by", "words by", "text by", "von", "par", "por")
# The leads a byline element's text may start with (``dom_authors``; page metadata ``author`` values).
BYLINE_ELEMENT_LEADS = ("by", "written by", "von", "par", "por")
# Job titles written after a byline's name ("By Priya Raman, Transport Correspondent"): not an author.
BYLINE_ROLES = frozenset("correspondent editor reporter writer staff contributor columnist producer analyst "
                         "journalist photographer desk team bureau".split())
# Words that join names in a byline ("Jane Doe and John Roe"), besides "," and "&".
NAME_JOINERS = ("and", "und", "et", "y")
# Name particles written in lower case inside a capitalised name ("Ursula von der Leyen").
NAME_PARTICLES = ("de", "van", "von", "da", "al")
