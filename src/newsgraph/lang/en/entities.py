"""English words the entity family reads: what a name's neighbours and its own words say about its type and roles
(``enrichment/entities``), and which words of a name are titles, suffixes or legal forms (``linking``).

Generic lexicons only, never lists of particular people or organisations. All words are lowercase.
"""
from __future__ import annotations

# --- cleaning a name span ---------------------------------------------------------------------------------------

# Leading words spaCy sometimes includes in a name span that are not part of the name.
LEAD_DROP = frozenset({"the", "a", "an", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof."})
# Small words left out of initials ("Syrian National Coalition" -> "SNC", "Bank of England" -> "BE").
INITIAL_SKIP = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "la", "des", "to"})
# Caption and credit labels of page furniture ("Image: Nick Moreau"), which the tagger takes into names.
CAPTION_LABELS = frozenset("image images photo photos video audio picture pictures photograph credit source file".split())
# Prefixes that make a name part of an adjective ("anti-Pyongyang", "pro-Beijing", "all-Airbus").
ADJECTIVE_PREFIXES = frozenset("pro anti non all ex post pre".split())

# --- people: titles and forms of address ------------------------------------------------------------------------

# Words written right before a person's name: generic titles and occupations, not names. Evidence for the type
# vote when the statistical tagger calls a person an organisation ("Spokeswoman Sandy Angers").
PERSON_TITLES = frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. fr fr. sen sen. rep rep. gov gov. gen gen.
col col. capt capt. lt lt. sgt sgt. president vice minister premier secretary senator congressman congresswoman
governor mayor chancellor ceo cfo coo cto chairman chairwoman chairperson spokesman spokeswoman spokesperson
director judge justice general colonel captain officer professor coach king queen prince princess pope bishop
pastor actor actress singer author writer novelist founder co-founder executive analyst manager leader candidate
lawmaker mp sheriff detective inspector economist researcher scientist dean ambassador commissioner chief
player striker goalkeeper artist photographer editor reporter journalist councillor councilor attorney lawyer
engineer master planner surveyor architect curator historian campaigner activist organiser organizer
""".split())
# Title words that are also given names: "Dean Kamen" is a name, "Dean Smith" of a faculty is rarer in news.
TITLE_OR_GIVEN_NAME = frozenset({"dean", "earl"})
# Forms of address: evidence of a person (and of gender, for the quote resolver), but not a role.
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev.".split())
# Words that may join the words of a title written before a name ("Minister of Education", "vice-president").
ROLE_JOIN = frozenset({"of", "-", "for"})

# --- type cues from a name's head noun --------------------------------------------------------------------------

ORG_HEADS = frozenset("""
inc inc. corp corp. corporation co co. ltd ltd. llc plc ag gmbh group company companies holdings airlines airways
bank bancorp university college school academy institute institution party agency department ministry office
council commission committee association union federation foundation society organization organisation org board
court police army navy corps guard force forces church news times post herald journal gazette magazine press
tribune telegraph club league network service services authority administration bureau municipality government
parliament senate congress assembly coalition alliance movement front labs laboratories systems technologies
motors partners capital fund trust exchange reserve brigade cooperative consortium studios records media
broadcasting communications industries enterprises pharmaceuticals entertainment aircraft airplanes aerospace
electronics computer computers software foods petroleum steel chemicals insurance securities investments financial
automotive
""".split())
FAC_HEADS = frozenset("""
airport station stadium arena museum planetarium gallery galleries center centre hall tower towers base theater
theatre palace cathedral mosque temple bridge tunnel street st st. road avenue ave ave. boulevard lane highway square
plaza building hotel prison harbour harbor dam canal factory mall memorial
""".split())
LOC_HEADS = frozenset("""
river lake sea ocean mountain mountains island islands valley desert plains plain gulf bay coast peninsula region
county province forest canyon falls strait channel cave beach
""".split())
GPE_HEADS = frozenset("republic kingdom emirate emirates principality".split())
# A place word written first: "Lake Michigan", "Mount Kenya", "Fort Worth".
LEADING_PLACE = {"lake": "LOC", "mount": "LOC", "mt": "LOC", "mt.": "LOC", "cape": "LOC", "isle": "LOC",
                 "river": "LOC", "fort": "GPE"}
# Words after which a multi-word name's head has been said ("Museum of Flight", "Bank for …").
HEAD_DELIMITERS = ("of", "on", "for", "de")
# A facility word followed by "for"/"on" names an institution: "Center for Disease Control".
INSTITUTION_DELIMITERS = ("for", "on")

# --- type cues from a name's neighbours -------------------------------------------------------------------------

# Ministry portfolio words written as part of a title ("Home Secretary", "Minister of Education").
PORTFOLIOS = frozenset("""
home foreign affairs education health defence defense interior justice finance environment energy transport trade
treasury culture labour labor agriculture commerce industry economy science technology housing immigration
shadow state social security welfare sport sports tourism
""".split())
PORTFOLIO_TITLES = frozenset("secretary minister undersecretary ministers secretaries".split())
# Nouns for people that a name can stand in apposition to ("their child, Gloria"; "Paris, an Australian woman").
PERSON_NOUNS = frozenset("""
man woman men women boy girl child baby son daughter wife husband mother father brother sister parent uncle aunt
grandmother grandfather grandson granddaughter niece nephew cousin friend widow widower resident student pupil
teenager victim patient member volunteer citizen native
""".split())
# Common nouns written right before a company's name or in apposition to it ("retailer Best Buy", "German
# magazine Der Spiegel", "Cisco, a networking company").
ORG_NOUNS = frozenset("""
company firm retailer carrier airline manufacturer maker automaker carmaker airframer group magazine newspaper
broadcaster bank insurer lender chain brand conglomerate subsidiary startup start-up publisher supplier contractor
operator agency party
""".split())

# --- linking: which words of a name are not the name -----------------------------------------------------------

# Words written before a person's name that are titles, not names ("Russian Foreign Minister Sergey Lavrov").
TITLE_WORDS = frozenset("""
mr mrs ms miss dr prof sir dame lord lady rev fr sen rep gov gen col capt lt sgt president vice minister
premier secretary senator congressman congresswoman governor mayor chancellor ceo cfo coo cto chairman chairwoman
chairperson spokesman spokeswoman spokesperson director judge justice general colonel captain officer professor
coach king queen prince princess pope bishop pastor founder executive chief foreign prime defence defense interior
finance state deputy former acting head leader ambassador commissioner attorney envoy chair
""".split())
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
LEGAL_FORMS = frozenset({"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc",
                         "llc", "lp", "llp", "sa", "ag", "nv", "se", "gmbh", "spa", "bv", "ab", "asa", "oyj"})
# Small words left out of an organisation's acronym key.
ACRONYM_SKIP = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "la", "des", "to", "at"})
# Common short forms of first names, as pairs (either may stand for the other).
NICKNAMES = {frozenset(p) for p in (("tom", "thomas"), ("bill", "william"), ("will", "william"),
                                    ("bob", "robert"), ("rob", "robert"), ("mike", "michael"),
                                    ("jim", "james"), ("joe", "joseph"), ("steve", "steven"),
                                    ("steve", "stephen"), ("dick", "richard"), ("rick", "richard"),
                                    ("tony", "anthony"), ("dave", "david"), ("ed", "edward"),
                                    ("alex", "alexander"), ("alex", "alexandr"), ("chris", "christopher"),
                                    ("dan", "daniel"), ("ben", "benjamin"), ("sam", "samuel"), ("nick", "nicholas"),
                                    ("liz", "elizabeth"), ("kate", "katherine"), ("jenny", "jennifer"))}
# Endings of demonyms written before a title ("Russian Foreign Minister").
DEMONYM_ENDING = r"(?:ian|ean|an|ese|ish|ch|i)$"
# Trailing words that describe what a company does: "Apple Computer" is usually "Apple" ("Singapore Airlines" is
# not "Singapore", so the stem is only ever matched between organisations).
DESCRIPTORS = frozenset({"computer", "computers", "airlines", "airways", "motors", "group", "holdings", "holding",
                         "systems", "technologies", "industries", "international", "entertainment",
                         "communications", "pharmaceuticals", "software", "electronics"})

# --- person evidence the tagger does not see ---------------------------------------------------------------------

# Pronouns are never a name mention, even when the tagger takes one into a name ("He said …" after "Lin He").
PRONOUNS = frozenset("i me my he him his himself she her hers herself it its we us our they them their".split())
# Pronouns that refer back to a person: "Symms said he …", "Tanden launched her campaign".
PERSON_SUBJECT_PRONOUNS = frozenset({"he", "she"})
PERSON_POSSESSIVES = frozenset({"his", "her"})
# Reporting verbs whose subject, when a he/she report follows ("X said he would …"), is a person.
SPEECH_VERBS = frozenset("""
said says say told tells tell added adds argued argues insisted insists explained explains noted notes wrote writes
claimed claims acknowledged acknowledges admitted admits warned warns stated states replied replies recalled recalls
announced announces suggested suggests
""".split())
# Sentence-initial verbs the tagger takes into a following name ('Said Comey', 'Continued Stone').
NAME_LEAD_VERBS = frozenset("""
said says stated continued added asked told wrote replied recalled explained noted insisted argued ignore
""".split())
# Heads of an apposition that make the name a person ("Tanden, head of the centre"; "Lin He, a professor at …").
# Titles an organisation is also called ("the market leader", "the chief supplier") are left out.
PERSON_APPOSITION_HEADS = frozenset("""
head boss aide adviser advisor strategist nominee president minister secretary senator congressman congresswoman
governor mayor chancellor spokesman spokeswoman spokesperson director professor founder co-founder author writer
novelist analyst candidate lawmaker economist researcher scientist ambassador commissioner attorney lawyer reporter
journalist editor actor actress singer chairman chairwoman chairperson judge sheriff detective pastor bishop coach
columnist commentator host anchor activist organizer organiser consultant lobbyist pollster donor
""".split())
# Generational suffixes: "Donald Trump Jr." is not "Donald Trump".
GENERATION_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})

# --- place evidence from a name's sentence ------------------------------------------------------------------------

# Prepositions whose object is a place ("near Eastbrook"); "in" is left out, since news writes "a stake in X",
# "shares in X", "jobs in X" of companies as often as "in X" of towns.
PLACE_PREPOSITIONS = frozenset("near outside around throughout across inside".split())
# Nouns whose "of" phrase names a place ("the mayor of Eastbrook", "residents of Kestrel", "the outskirts of
# Valmont"): offices that only a town, region or country has, its people and its parts. Not "president", "head",
# "chairman" or "members", which companies and clubs have too.
PLACE_OF_NOUNS = frozenset("""mayor governor premier residents inhabitants citizens townspeople villagers outskirts
suburbs streets centre center city town village province county region municipality capital""".split())
# Prepositions of direction, a place only after a verb of motion ("diverted to Eastbrook", "flew from Lagos").
MOTION_PREPOSITIONS = frozenset("to from towards toward via into".split())
MOTION_VERBS = frozenset("""
go come travel fly move divert send return drive sail head flee evacuate relocate deport transfer ship arrive
walk march run ride commute migrate emigrate escape rush transport redirect reroute bus airlift
went gone came flew flown drove driven sent fled ran rode
""".split())
# Lowercase place nouns a name is written before ("the Northfield line", "the Kestrel airfield"): the name is the
# place's. Only nouns of public places and routes: a company's "factory", "store" or "office" is left out.
PLACE_NOUNS_AFTER_NAME = {
    **dict.fromkeys("""line airfield aerodrome airport bridge tunnel road street avenue lane motorway highway bypass
                      junction crossing station terminal runway pier quay wharf estate reservoir dam canal railway
                      route viaduct""".split(), "FAC"),
    **dict.fromkeys("river valley estuary bay creek gorge moor moors hills marshes forest coast".split(), "LOC"),
}
# Words between a name and its route noun: "the Northfield rail line", "the Hallam bus station".
ROUTE_MODIFIERS = frozenset("rail railway bus tram metro tube subway train ferry freight branch main".split())
# The word for a company's trade written after its name: "Brightfield Energy" is "Brightfield" for short.
TRADE_WORDS = frozenset("""
energy power oil gas petroleum mining resources steel chemicals foods soup brewing motor motors airlines airways
computer computers software systems technologies electronics communications telecom networks pharmaceuticals
therapeutics biotech insurance financial capital holdings group industries logistics shipping freight construction
homes properties developments
""".split())
# Kind words a definite description takes up a named body or place by ("the union" after "the Harbour Workers
# Union", "the port" after "Port Alder"), for what a quote is about. Words that also stand alone in common phrases
# ("the news", "the times", "the front", "the post") are left out.
DEFINITE_REFERENCE_NOUNS = frozenset("""
council union party ministry department agency authority commission committee court university college school
hospital bank company firm museum airport station port harbour harbor bridge tunnel river lake valley island
airline government administration police army navy board association federation foundation church club league
senate parliament congress assembly institute trust fund city county province region district operator
""".split())
