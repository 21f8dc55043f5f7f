"""English words of the figures family: number words and scales, currencies, units, qualifiers, and the words the
filters read to tell a count from a date, an age or a name (``newsgraph.enrichment.figures`` reads them).
"""
from __future__ import annotations

# --- numbers, currencies, units --------------------------------------------------------------------------------
ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# Scales that close a group ("two hundred thousand" = (2 * 100) * 1000).
SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
# Abbreviated scales, written glued (``5bn``) or apart (``5 bn``).
SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9,
                "tn": 1e12, "trn": 1e12}
# Multipliers that do not close a group: "two dozen" = 2 * 12, "a score" = 20.
MULTIPLIERS = {"dozen": 12.0, "score": 20.0}
FRACTIONS = {"half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
             "quarters": 1 / 4, "fourth": 1 / 4, "fourths": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5,
             "sixth": 1 / 6, "sixths": 1 / 6, "eighth": 1 / 8, "eighths": 1 / 8, "tenth": 1 / 10,
             "tenths": 1 / 10}
VAGUE = {"tens": 10.0, "dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3,
         "millions": 1e6, "billions": 1e9, "trillions": 1e12}
# Currency marks written before the number. "$" alone is taken as USD, the usage of most English news.
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "u.s.$": "USD", "usd$": "USD", "a$": "AUD", "au$": "AUD",
                    "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "r$": "BRL",
                    "€": "EUR", "£": "GBP", "¥": "JPY", "cn¥": "CNY", "rmb": "CNY", "₹": "INR", "rs": "INR",
                    "rs.": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₪": "ILS", "₦": "NGN", "₱": "PHP",
                    "r": "ZAR", "sfr": "CHF", "fr.": "CHF", "kr": "SEK"}
ISO_CODES = {"USD", "EUR", "GBP", "JPY", "CNY", "INR", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "BRL",
             "RUB", "KRW", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "TRY", "ILS", "NGN", "PHP", "IDR",
             "THB", "MYR", "PKR", "EGP", "SAR", "AED", "ARS", "CLP", "COP", "KES", "UAH", "CZK", "HUF",
             "RMB"}
# Currency names written after the number; adjectives ("Canadian dollars") refine the dollar.
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
                  "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
                  "rupee": "INR", "rupees": "INR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
                  "rubles": "RUB", "franc": "CHF", "francs": "CHF", "won": "KRW", "peso": "MXN",
                  "pesos": "MXN", "real": "BRL", "reais": "BRL", "rand": "ZAR", "lira": "TRY",
                  "shekel": "ILS", "shekels": "ILS", "naira": "NGN", "krona": "SEK", "kronor": "SEK",
                  "krone": "NOK", "kroner": "NOK", "cent": "USD", "cents": "USD", "pence": "GBP", "p": "GBP"}
SUBUNIT_WORDS = {"cent", "cents", "pence", "p"}
DOLLAR_ADJECTIVES = {"us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
                     "new zealand": "NZD", "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD",
                     "zimbabwe": "ZWL", "zimbabwean": "ZWL"}
# Unit words (lower case, as written) → canonical unit. Time units are not here: durations are the times stage's.
UNITS = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "m": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m", "cm": "cm", "mm": "mm",
    "centimetres": "cm", "centimeters": "cm", "millimetres": "mm", "millimeters": "mm",
    "mile": "mi", "miles": "mi", "mi": "mi", "nautical miles": "nmi", "nmi": "nmi", "ft": "ft", "foot": "ft",
    "feet": "ft", "inch": "in", "inches": "in", "yard": "yd", "yards": "yd",
    "kg": "kg", "kgs": "kg", "kilo": "kg", "kilos": "kg", "kilogram": "kg", "kilograms": "kg",
    "kilogramme": "kg", "kilogrammes": "kg", "g": "g", "gram": "g", "grams": "g", "grammes": "g",
    "mg": "mg", "lb": "lb", "lbs": "lb", "ounce": "oz", "ounces": "oz", "oz": "oz",
    "tonne": "t", "tonnes": "t", "ton": "t", "tons": "t", "t": "t", "metric tons": "t",
    "litre": "l", "litres": "l", "liter": "l", "liters": "l", "l": "l", "gallon": "gal", "gallons": "gal",
    "barrel": "bbl", "barrels": "bbl", "bbl": "bbl", "cubic metres": "m3", "cubic meters": "m3",
    "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2", "km2": "km2", "km²": "km2",
    "square miles": "mi2", "sq mi": "mi2", "square metres": "m2", "square meters": "m2", "square feet": "ft2",
    "sq ft": "ft2", "m²": "m2", "acre": "acre", "acres": "acre", "hectare": "ha", "hectares": "ha", "ha": "ha",
    "kb": "kB", "mb": "MB", "gb": "GB", "tb": "TB", "pb": "PB", "kbps": "kbit/s", "mbps": "Mbit/s",
    "gbps": "Gbit/s", "megabytes": "MB", "gigabytes": "GB", "terabytes": "TB", "megapixels": "MP", "mp": "MP",
    "hz": "Hz", "khz": "kHz", "mhz": "MHz", "ghz": "GHz", "w": "W", "kw": "kW", "mw": "MW", "gw": "GW",
    "watts": "W", "kilowatts": "kW", "megawatts": "MW", "gigawatts": "GW", "kwh": "kWh", "mwh": "MWh",
    "gwh": "GWh", "twh": "TWh", "v": "V", "volts": "V", "mph": "mph", "km/h": "km/h", "kph": "km/h",
    "knots": "kn", "kt": "kn", "°c": "°C", "°f": "°F", "degrees": "°", "calories": "kcal",
    "basis points": "bp", "basis point": "bp", "points": "point", "point": "point", "pts": "point",
    "times": "times", "fold": "times", "″": "in", "pound": "lb", "pounds": "lb",
}
# Units whose short form is too ambiguous alone ("5 m" may be five million, "10 t" a typo).
AMBIGUOUS_UNITS = {"m", "g", "t", "l", "w", "v", "p", "mi", "kt", "mp", "b"}

# --- qualifiers and marks around a number ----------------------------------------------------------------------
# Qualifier phrases (lower case, as written) → the normalised qualifier stored in Figure.qualifier.
QUALIFIERS = {
    "more than": "more than", "over": "more than", "above": "more than", "in excess of": "more than",
    "upwards of": "more than", "greater than": "more than", "exceeding": "more than", "just over": "more than",
    "well over": "more than", "well above": "more than", "north of": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least", "a minimum of": "at least",
    "not less than": "at least",
    "less than": "less than", "fewer than": "less than", "under": "less than", "below": "less than",
    "up to": "at most", "at most": "at most", "as many as": "at most", "as much as": "at most",
    "as high as": "at most", "a maximum of": "at most", "no more than": "at most", "not more than": "at most",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "circa": "about", "approx.": "about", "an estimated": "estimated", "estimated": "estimated",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly", "just shy of": "nearly",
    "exactly": "exactly", "precisely": "exactly",
}
POST_QUALIFIERS = {"or more": "at least", "or so": "about", "plus": "at least", "+": "at least"}
PERCENT_WORDS = {("%",): "%", ("percent",): "%", ("per", "cent"): "%", ("pc",): "%", ("pct",): "%",
                 ("percentage", "points"): "pp", ("percentage", "point"): "pp"}
LARGE_ABBREVIATIONS = {"bn", "mn", "mln", "bln", "tn", "trn"}
DETERMINERS_AFTER_FRACTION = {"of", "the", "a", "an", "its", "their", "his", "her", "our", "all", "those",
                              "these", "this", "that"}
INCH_MARKS = {"″", "”", '"'}

# --- what makes a number not a figure --------------------------------------------------------------------------
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
          "dec."}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
TIME_UNITS = {"year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
              "hr", "hrs", "minute", "minutes", "min", "mins", "second", "seconds", "sec", "secs", "decade",
              "decades", "century", "centuries", "millennium", "night", "nights", "a.m.", "p.m.", "am", "pm",
              "o'clock", "gmt", "utc", "bst", "est", "edt", "pst", "pdt", "cet", "ago", "old", "weekend",
              "weekends", "quarter", "quarters", "season", "seasons", "term", "terms", "semester", "fiscal"}
# Words that date a number next to them besides months, weekdays and time units.
OTHER_DATE_WORDS = {"today", "yesterday", "tomorrow", "spring", "summer", "autumn", "fall", "winter", "bc", "ad",
                    "bce", "ce"}
SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion", "bn", "m", "mn", "k"}
PERSON_PRONOUNS = {"he", "she", "i", "you", "we", "they"}
AGE_BEFORE = {"aged", "age", "ages", "ageing"}
# Nouns after which a number is an identifier, not a count ("page 3", "flight 447", "No. 10").
ID_NOUNS = {"no", "no.", "nos", "number", "page", "pages", "flight", "route", "chapter", "section", "article",
            "room", "gate", "platform", "channel", "level", "grade", "phase", "class", "type", "model",
            "version", "v", "series", "season", "episode", "issue", "vol", "vol.", "volume", "part", "pt",
            "highway", "interstate", "district", "ward", "block", "lot", "unit", "apartment", "suite", "building",
            "floor", "stage", "round", "game", "match", "item", "figure", "fig.", "table", "exhibit", "resolution",
            "bill", "proposition", "amendment", "category", "tier", "line", "track", "bus", "train", "code",
            "size", "act", "rule", "step", "day", "week", "year", "term", "world", "pier", "terminal", "lane"}
# Ordinal words that follow a tens word and a hyphen: "forty-fifth", "twenty-first".
ORDINAL_UNITS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"}
# Ordinals that a title-case parse may tag as adverbs ("Boeing rolls out first 787 Dreamliner").
ORDINAL_WORDS = {"first", "second", "third", "last", "final", "next", "latest"}

# --- ranges and anaphora ---------------------------------------------------------------------------------------
SMALL_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both"}
ANAPHORIC_DETERMINERS = {"the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "whose"}
RANGE_SEPARATORS = {"-", "–", "—", "to"}
COORDINATORS = {"and", "or", "to", "and/or"}
# After a verb of change, "X to Y" is a change and a new level ("rose $2 to $70"), not a range.
CHANGE_VERBS = {"rise", "fall", "increase", "decrease", "climb", "drop", "cut", "raise", "jump", "decline", "gain",
                "lose", "slip", "grow", "surge", "plunge", "tumble", "soar", "reduce", "lower", "boost", "slide",
                "sink", "shrink", "widen", "narrow", "add", "shed", "rally", "dip", "ease", "advance", "retreat",
                "rebound", "slump", "spike", "edge", "trim", "hike", "up", "down"}

# --- verb forms for the event ----------------------------------------------------------------------------------
IRREGULAR = {"be": "been", "have": "had", "do": "done", "say": "said", "make": "made", "take": "taken",
             "give": "given", "get": "got", "go": "gone", "see": "seen", "come": "come", "know": "known",
             "find": "found", "think": "thought", "buy": "bought", "sell": "sold", "pay": "paid",
             "spend": "spent", "build": "built", "lose": "lost", "win": "won", "cut": "cut", "hit": "hit",
             "hurt": "hurt", "put": "put", "set": "set", "let": "let", "shut": "shut", "cost": "cost",
             "send": "sent", "lend": "lent", "bring": "brought", "hold": "held", "keep": "kept", "leave": "left",
             "fly": "flown", "run": "run", "rise": "risen", "fall": "fallen", "grow": "grown", "drive": "driven",
             "write": "written", "begin": "begun", "shoot": "shot", "fight": "fought", "steal": "stolen",
             "break": "broken", "choose": "chosen", "beat": "beaten", "sink": "sunk", "strike": "struck",
             "meet": "met", "lead": "led", "feed": "fed", "flee": "fled", "draw": "drawn", "throw": "thrown",
             "wear": "worn", "tear": "torn", "show": "shown", "bear": "borne", "sit": "sat", "stand": "stood",
             "tell": "told", "hear": "heard", "mean": "meant", "seek": "sought", "catch": "caught",
             "teach": "taught", "raise": "raised", "bid": "bid", "spread": "spread", "forecast": "forecast",
             "quit": "quit", "split": "split", "shed": "shed", "slide": "slid", "swim": "swum", "sing": "sung"}

# --- pounds: money or weight ----------------------------------------------------------------------------------
# "5,200 pounds of steam" weighs; "pounds of taxpayers' money" pays. Nouns after "pounds of" that keep it money.
MONEY_NOUNS = {"money", "cash", "funding", "funds", "investment", "investments", "revenue", "revenues", "debt",
               "debts", "spending", "savings", "taxpayers", "taxpayer", "public", "aid", "damages", "profit",
               "profits", "losses", "bonuses", "fees", "fines", "sales", "income", "capital", "government",
               "state", "lottery", "prize", "winnings", "compensation", "borrowing", "tax", "taxes", "support"}
# Verbs and words around a number of pounds that make it a weight ("weighs 600 pounds", "40 pounds heavier").
WEIGHT_VERBS = {"weigh", "lift", "bench", "squat", "haul"}
WEIGHT_NOUNS = {"weight", "weights", "payload", "load"}
# What makes "pounds" money in a story that is not British: paying verbs ("fined 5,200 pounds", "sold for 40,000
# pounds") and nouns of payment before "of" ("a fine of 900 pounds").
MONEY_VERBS = {"pay", "cost", "raise", "fine", "spend", "earn", "donate", "charge", "award", "owe", "invest",
               "fund", "sell", "buy", "bid", "offer", "lend", "borrow", "win", "price", "value", "budget",
               "allocate", "refund", "reimburse", "pledge", "grant", "bet", "wager", "compensate", "order",
               "embezzle", "steal", "launder", "bank", "pocket", "splash", "splurge", "fetch"}
MONEY_NOUNS_BEFORE = {"fine", "price", "bill", "salary", "fee", "bonus", "prize", "bail", "ransom", "payment",
                      "grant", "loan", "debt", "donation", "reward", "sum", "budget", "cost", "award", "wage",
                      "pension", "rent", "tax", "bid", "offer", "deal", "penalty", "settlement", "refund"}
WEIGHT_AFTER = {"heavier", "lighter", "overweight", "underweight", "per", "apiece"}
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "fresh",
               "raw", "high", "low"}

# --- numbers inside names ---------------------------------------------------------------------------------------
# Plurals a maker's model number modifies ("Boeing's 787 jets", "its 911 cars"); a possessed count of them is round.
MODEL_NOUNS = {"jets", "planes", "aircraft", "airliners", "airplanes", "cars", "trucks", "vehicles", "phones",
               "handsets", "engines", "models", "helicopters", "rifles", "pistols", "guns", "tanks", "trains",
               "locomotives", "buses", "ships", "consoles", "chips", "processors", "jetliners", "bikes"}
# Nouns after "4K"/"8K" that make it a resolution, not thousands: "4K streaming", "4K games", "8K TVs".
DISPLAY_NOUNS = {"streaming", "stream", "streams", "video", "videos", "tv", "tvs", "television", "televisions",
                 "resolution", "display", "displays", "screen", "screens", "monitor", "monitors", "content",
                 "games", "gaming", "movies", "films", "footage", "camera", "cameras", "projector", "projectors",
                 "hdr", "ultra", "uhd", "blu-ray", "support", "playback", "recording", "quality"}
