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
# Job titles written after a byline's name ("By Priya Raman, Transport Correspondent"): not an author.
BYLINE_ROLES = frozenset("correspondent editor reporter writer staff contributor columnist producer analyst "
                         "journalist photographer desk team bureau".split())
# Words that join names in a byline ("Jane Doe and John Roe"), besides "," and "&".
NAME_JOINERS = ("and", "und", "et", "y")
# Name particles written in lower case inside a capitalised name ("Ursula von der Leyen").
NAME_PARTICLES = ("de", "van", "von", "da", "al", "del", "der", "di", "du", "la", "le", "bin", "ibn")

# --- Site lines inside an extracted body (see newsgraph.extraction.furniture); regex alternatives, case-insensitive.
# A prompt to the reader about the page itself: a verb of sharing or signing up ...
READER_VERBS = (r"like", r"love", r"enjoy(?:ed)?", r"share", r"tweet", r"pin", r"email", r"follow", r"subscribe",
                r"sign up", r"join", r"comment", r"get", r"download", r"tell us", r"let us know", r"don'?t miss",
                r"never miss", r"stay (?:up to date|informed|connected)")
# ... with something the site offers: the story, a friend to send it to, the inbox it can fill.
READER_OBJECTS = (r"this (?:story|article|post|page|video|gallery)", r"(?:a|your) friends?", r"newsletters?",
                  r"(?:your|the) inbox", r"updates", r"alerts", r"our app", r"the app", r"podcast", r"on (?:facebook|"
                  r"twitter|instagram|linkedin|pinterest|youtube|tiktok)", r"notifications", r"the conversation")
# A notice the page shows where a script did not run.
SCRIPT_NOTICES = (r"requires? javascript", r"enable javascript", r"javascript (?:is )?(?:disabled|required)",
                  r"browser (?:does not|doesn'?t) support", r"(?:update|upgrade) your browser",
                  r"(?:video|player|content) (?:is )?(?:loading|unavailable)")
# Every script notice holds one of these (a cheap test before the patterns).
SCRIPT_ANCHORS = ("javascript", "browser", "loading", "unavailable")
# A time stamp line: one of these words, then nothing but a date or a time.
STAMP_WORDS = (r"updated", r"last updated", r"published", r"posted", r"modified", r"last modified", r"first published",
               r"originally published", r"updated on", r"published on", r"posted on", r"updated at", r"posted at",
               r"published at")
# Who else worked on the report, or how to reach its author: said about the story, not in it.
CONTRIBUTOR_LINES = (r"contributed (?:to )?(?:this|the) (?:report|story|article)", r"contributed reporting",
                     r"(?:additional|contributing) reporting by", r"reporting by .{2,60}editing by",
                     r"(?:may|can) be (?:reached|contacted) at", r"(?:is|are) (?:a )?(?:staff|freelance) "
                     r"(?:writer|reporter|photographer)s? (?:for|at)",
                     r"follow (?:him|her|them) on (?:twitter|x|facebook|instagram|linkedin|threads|bluesky|mastodon)",
                     r"have a (?:news )?tip\?",
                     r"this (?:story|article) (?:first )?appeared (?:in|on)")
# Every contributor line holds one of these (a cheap test before the patterns).
CONTRIBUTOR_ANCHORS = ("contribut", "reporting by", "reached", "contacted", "staff", "freelance", "follow",
                       "tip?", "appeared")
# ... and the same as the first words of a line only ("Edited by ...": "data compiled by" is prose).
CONTRIBUTOR_STARTS = (r"edited by", r"compiled by", r"(?:with )?(?:additional )?reporting by", r"written by",
                      r"photos? by", r"video by", r"graphics? by", r"illustrations? by")
# News agencies credited under photos ("JANE DOE, ASSOCIATED PRESS"); lower case, matched as whole words.
AGENCIES = ("associated press", "the associated press", "ap", "reuters", "afp", "agence france-presse", "getty images",
            "getty", "epa", "efe", "upi", "dpa", "ansa", "bloomberg", "shutterstock", "istock", "xinhua", "tass",
            "press association", "pa", "pti", "ians", "ani", "aap", "kyodo", "yonhap", "anadolu", "apa", "cp",
            "the canadian press", "canadian press", "cnn", "nbc", "abc", "cbs", "bbc", "fox news", "nbc news",
            "cbs news", "abc news", "bbc news", "cnn wire")
# A heading that announces teasers of other stories ("More Great Food Stories", "Related Articles").
TEASER_HEADING_WORDS = (r"more", r"other", r"related", r"recommended", r"popular", r"trending", r"top", r"latest",
                        r"recent", r"editors'? picks?", r"you (?:may|might) (?:also )?like", r"read (?:next|more)",
                        r"don'?t miss", r"must reads?", r"also on")
TEASER_NOUNS = (r"stories", r"articles", r"news", r"posts", r"reads", r"headlines", r"videos", r"galleries",
                r"coverage", r"from [\w .'’&-]+")

# --- Bylines: who wrote it, and which agency or network supplied it (see newsgraph.extraction.bylines).
# Last words that make a credit an organisation, not a person ("Associated Press", "NBC News", "Tribune News
# Service"), lower case.
ORGANISATION_TAILS = frozenset("press news newswire wire wires agency service services network networks "
                               "international media group tribune times post journal herald".split())
# Credits that are not a person and not an agency: the newsroom itself ("Staff Reports", "NBC 5 Staff").
NEWSROOM_WORDS = frozenset("staff reports report editors editorial desk team bureau wires".split())

# --- Pages that are not one article (see newsgraph.extraction.kinds); regex alternatives, case-insensitive.
# Said in a title or a URL path: the page is a running feed, not a story.
LIVE_TITLE = (r"(?:^|[|–—]\s*)live(?: updates?| blog| coverage| report| text| stream)?\s*[:|–—-]",
              r"\blive (?:updates?|blog|coverage)\b",
              r"\bas it happened\b", r"\bminute[- ]by[- ]minute\b", r"\bliveblog\b")
OPEN_THREAD = (r"\bopen thread\b", r"\b(?:daily|weekly|weekend|morning|evening|night) thread\b",
               r"\bdiscussion thread\b")
LIVE_PATH = (r"liveblog", r"live-?blog", r"live-updates?", r"live-coverage", r"open-thread", r"as-it-happened",
             r"/live/")
GALLERY_TITLE = (r"^(?:photos?|pictures|gallery|slideshow|in pictures|photo gallery|video)\s*[:|–—-]",
                 r"\bin pictures\b", r"\bphotos? of the (?:day|week)\b", r"\b(?:photo )?gallery\b", r"\bslideshow\b")
GALLERY_PATH = (r"/galler(?:y|ies)/", r"/photos?/", r"/slideshows?/", r"/pictures/", r"/in-pictures/",
                r"photo-gallery", r"-gallery(?:[-/.]|$)", r"/photo-essay")
BLOTTER_TITLE = (r"\bpolice (?:blotter|log|logs|reports?|calls|briefs)\b", r"\bblotter\b", r"\bcrime (?:log|blotter)\b",
                 r"\barrest (?:log|report)s?\b", r"\bsheriff'?s? (?:log|blotter|reports?)\b")
# Words of a police log entry ("Officers responded to a report of a theft ...").
BLOTTER_WORDS = (r"arrested", r"arrest", r"cited", r"charged", r"reported", r"report of", r"responded", r"officers?",
                 r"deputies", r"suspicious", r"theft", r"stolen", r"burglary", r"vandalism", r"trespass", r"dui",
                 r"warrant", r"disturbance", r"complaint", r"booked", r"jail")
# Words of a deal list or a shopping list.
DEAL_WORDS = (r"\d+\s?% off", r"save \$?\d", r"was \$\d", r"now \$\d", r"deal", r"discount", r"coupon", r"promo code",
              r"buy (?:it )?(?:now|here|at)", r"shop (?:now|here|at)", r"on sale", r"lowest price", r"free shipping")
