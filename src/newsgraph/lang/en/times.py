"""English words of the times family: calendar names, number words, and the word lists the time patterns and the
tense reader are built from (``newsgraph.enrichment.times`` turns them into regexes and rules).

Word lists that become regex alternatives are tuples in the order they are tried (a longer phrase before its
prefix where both would match at one place); sets are looked up whole words.
"""
from __future__ import annotations

# --- calendar ---------------------------------------------------------------------------------------------------
MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
              "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
            "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
            "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "final": -1, "last": -1}
UNITS = {"second": "S", "minute": "MIN", "hour": "H", "day": "D", "week": "W", "fortnight": "FN",
         "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}
# Fixed-date holidays only: movable feasts would need rules we do not trust without gold to test them.
HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
            "new year's eve": (12, 31), "new year's day": (1, 1), "halloween": (10, 31),
            "valentine's day": (2, 14), "boxing day": (12, 26)}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}

# --- numbers ------------------------------------------------------------------------------------------------------
SMALL_NUMBERS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
# Quantity words that stand for a number we cannot know: TimeML writes it as X (P2Y vs PXY).
VAGUE = ("a couple of", "a few", "several", "many", "some", "few", "dozens of", "hundreds of", "numerous")

# --- words the patterns are built from (regex alternatives, tried in this order) ---------------------------------
MODIFIERS = ("early", "late", "mid", "the end of", "the beginning of", "the start of", "the middle of",
             "the turn of")
TIME_ZONES = ("UTC", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST", "IST",
              "JST", "AEST", "ET", "PT")
QUALIFIERS = ("about", "around", "approximately", "roughly", "nearly", "almost", "some", "over", "more than",
              "less than", "fewer than", "at least", "at most", "up to", "under", "just over", "just under",
              "another", "an additional", "an extra")
DURATION_PREPOSITIONS = ("for", "over", "in", "during", "within", "after")
PARTS_OF_DAY_WORDS = ("morning", "afternoon", "evening", "night")
PLURAL_UNITS = ("years", "months", "decades", "weeks", "days", "hours", "centuries")
# Determiners of a vague stretch ("for the past years", "in recent months"); the empty one is "for years".
VAGUE_DETERMINERS = ("the ", "recent ", "the past ", "the coming ", "the last ", "the next ", "the following ", "")
RELATIVE_PREFIXES = ("earlier", "later", "early", "late", "mid", "the end of", "the beginning of", "the start of",
                     "the middle of")
RELATIVE_WORDS = ("this past", "last", "next", "this", "past", "coming", "previous", "current", "the past",
                  "the last", "the next", "the coming", "the previous", "the current", "the same", "the following")
RELATIVE_UNITS = ("week", "weekend", "month", "year", "quarter", "decade", "century", "fortnight", "spring",
                  "summer", "autumn", "fall", "winter")
# What may follow "the day before" when it is before something named after it ("the day before the vote"): then
# it is not read (see the times finder).
STORY_END_WORDS = ("the", "a", "an", "his", "her", "its", "their", "my", "our", "your", "this", "that", "these",
                   "those", "last", "next", "yesterday", "tomorrow", "today", "each", "it", "he", "she", "they",
                   "we", "i", "you", "there")
# Words between a count and its unit that keep it a duration: "12 straight months", "three trading days".
DURATION_ADJECTIVES = ("straight", "consecutive", "successive", "full", "whole", "trading", "business", "working")
# What a company reports for a half year: "first-half profit" is a date, "a first-half goal" is not.
REPORTED = ("profits?", "loss(?:es)?", "results", "earnings", "revenues?", "sales", "net", "income", "growth",
            "output", "deliveries", "dividends?", "performance", "figures", "operating")
SET_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M",
               "annually": "P1Y", "yearly": "P1Y", "annual": "P1Y", "per annum": "P1Y", "hourly": "PT1H",
               "biannual": "P6M", "semiannual": "P6M", "semi-annual": "P6M", "biennial": "P2Y"}
SET_ADVERB_ORDER = ("daily", "weekly", "monthly", "annually", "yearly", "annual", "quarterly", "hourly",
                    "nightly", "biannual", "biennial", "semi-annual", "semiannual", "per annum")
DEICTIC_DAYS = ("today", "tonight", "yesterday", "tomorrow")
CLOCK_WORDS = ("noon", "midday", "midnight")
WEEKDAY_RELATIONS = ("last", "next", "this", "coming", "past", "previous")
STORY_RELATIONS = ("the previous", "the next", "the following", "the same")
STORY_DIRECTIONS = ("before", "after", "earlier", "later")
ENDS_OF = ("the end of", "the beginning of", "the start of", "the middle of", "the turn of", "the rest of")
DURATION_RELATIONS = ("past", "last", "next", "coming", "previous", "first", "final", "following", "recent",
                      "preceding")
AGO_WORDS = ("ago", "from now", "hence", "earlier", "later")
FREQUENCY_WORDS = ("once", "twice", "thrice")
REFERENCE_WORDS = ("now", "currently", "presently", "nowadays", "these days", "recently", "lately",
                   "at the moment")
REFERENCE_DEGREE = ("more", "most", "very", "only", "fairly", "quite")
REFERENCE_NOUNS = ("the past", "the future", "the present", "present")
# Nouns after "in the past" that make it a stretch of its own ("in the past three years", "in the past session").
REFERENCE_BLOCKERS = ("year", "month", "week", "day", "decade", "century", "quarter", "session", "season")
QUARTER_ORDINALS = ("first", "second", "third", "fourth", "final", "last", "1st", "2nd", "3rd", "4th")

# --- cue words ----------------------------------------------------------------------------------------------------
# Words before a bare month name that make it a date ("in May") rather than a name or a modal ("May", "may").
MONTH_CUES = {"in", "since", "by", "until", "till", "during", "from", "to", "through", "of", "before", "after",
              "between", "and", "or", "early", "late", "mid", "last", "next", "this", "throughout", "until",
              "around", "that", "as", "for", "on", "same", "end", "beginning", "start", "middle", "mid-"}
YEAR_DETERMINERS = {"the", "its", "their", "his", "her", "our", "this", "that", "a", "an"}
# Words before "a day"/"per week" that make it a rate ("$5 a day", "three shifts a week"), not a duration.
RATE_BEFORE = ("million", "billion", "thousand", "percent", "dollars?", "euros?", "pounds?", "times", "hours", "days",
               "shifts", "games", "flights", "trips", "issues")
# Words that end the noun phrase of a rate ("100 million doses a year"): after one, "a year" is a stretch of time
# ("won 3 titles in a year", "3 of the cases a year ago").
NOT_RATE_NOUNS = ("in", "for", "within", "over", "after", "than", "by", "from", "of", "about", "during", "under",
                  "to", "at", "on", "into", "and", "or", "but", "with", "the", "a", "an", "nearly", "almost",
                  "since", "until", "before", "more", "less", "years", "months", "weeks", "days", "hours", "ago")
PAST_WORDS = {"last", "past", "this past", "previous", "the past", "the last", "the previous", "preceding"}
NEXT_WORDS = {"next", "coming", "the next", "the coming", "the following", "following"}
# "the past year", "the next month" measure a stretch; "the last quarter" names the previous one (TimeBank use).
DURATION_RELATION_WORDS = {"the past", "the next", "the coming"}
BEFORE_WORDS, AFTER_WORDS = {"before", "earlier"}, {"after", "later"}
STORY_RELATION_WORDS = {"the previous", "previous", "the following", "following", "the same", "the next"}
# Words before "the previous year" that make it the baseline of a comparison ("rose 5% from the previous year").
COMPARISON_CUES = {"from", "than", "over", "on", "versus", "vs", "with", "against"}
REFERENCES = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF",
              "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at the moment": "PRESENT_REF",
              "the present": "PRESENT_REF", "present": "PRESENT_REF", "recently": "PAST_REF",
              "lately": "PAST_REF", "the past": "PAST_REF", "the future": "FUTURE_REF"}
# Prepositions that fix which side of the anchor a year-less date lies on.
BACKWARD_CUES = {"since"}
FORWARD_CUES = {"until", "till", "til", "by", "before"}

# --- tense --------------------------------------------------------------------------------------------------------
FUTURE_AUXILIARIES = {"will", "shall", "'ll", "wo"}
UNCERTAIN_AUXILIARIES = {"would", "could", "might", "may", "should", "must", "can", "'d"}
CONDITION_MARKS = {"if", "unless", "once"}
# Verbs whose time expression names something still ahead of the moment they describe.
PROSPECTIVE_VERBS = {"expect", "schedule", "set", "plan", "slate", "intend", "aim", "propose", "promise", "vow",
                     "pledge", "forecast", "predict", "anticipate", "project", "postpone", "delay", "reschedule"}

# --- sports clocks and time zones ---------------------------------------------------------------------------------
# Parts of a game a clock reading counts into ("7:14 into the third period", "19:56 of the first half").
GAME_PERIODS = ("period", "half", "quarter", "overtime", "inning", "innings", "set", "round", "game", "match",
                "bout", "frame", "extra time", "stoppage time", "regulation", "race", "stage", "lap")
# Words right after a clock reading that make it time elapsed or left in a game, not a time of day.
GAME_CLOCK_AFTER = ("left", "remaining", "to play", "to go", "gone", "mark")
# Words between a clock reading and the part of the game it counts into.
GAME_CLOCK_LINKS = ("into", "of", "in", "left in", "remaining in")
# Zone abbreviations with one fixed offset from UTC in hours (ambiguous ones such as IST, ET or PT are left out).
ZONE_OFFSETS = {"UTC": 0, "GMT": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8,
                "PDT": -7, "BST": 1, "CET": 1, "CEST": 2, "JST": 9, "AEST": 10}
# Verbs that set a new date for something ("was moved to April 15", "pushed back to May"): told in the past, the
# date they name after "to"/"until" may still be ahead, so the nearer one is taken.
RESCHEDULING_VERBS = {"move", "push", "shift", "bring", "adjourn", "extend", "postpone", "delay", "defer",
                      "reschedule", "change", "switch", "put", "set", "reset"}
# Verbs whose infinitive happened when they did ("tried to land on Thursday", "failed to sign by May"): told in the
# past, the infinitive's time is past too. Other verbs ("told to sign by Monday", "decided to vote in May") leave
# it open.
IMPLICATIVE_VERBS = {"try", "attempt", "manage", "fail", "refuse", "decline", "begin", "start", "continue", "choose",
                     "dare", "bother", "neglect", "hesitate", "struggle", "rush", "get"}
# Adjectives that look ahead when they govern an infinitive ("was due to be released in September").
PROSPECTIVE_ADJECTIVES = {"due", "set", "likely", "unlikely", "expected", "scheduled", "poised", "ready", "eager",
                          "keen", "bound", "supposed", "about", "sure", "certain", "slated", "determined"}
