"""English words and patterns of the quotes family: reporting cues, pronouns, gendered words, person roles and
organisation nouns. Read through ``newsgraph.lang.get("en").quotes``; the quotes stage reads nothing else for its
English vocabulary."""

# Verbs of saying, in lemma form. Cognition verbs (think, know, believe) are deliberately absent.
REPORTING_VERBS = frozenset("""
say tell add state announce claim report explain warn note insist maintain argue declare stress suggest deny
confirm admit acknowledge reply respond vow pledge promise predict write ask urge comment assert observe remark
reveal testify tweet concede contend emphasize emphasise indicate mention recall reiterate allege complain
caution conclude propose demand threaten assure inform advise proclaim describe say accuse charge disclose
estimate forecast agree answer boast joke quip order recommend repeat underline underscore affirm announce
blog post retort counter shout cry exclaim whisper mutter murmur plead protest lament concur specify reason
remind chant yell scream imply
""".split())
# Verbs of belief and of finding (PARC counts them as attribution: "Trump believes that …", "the poll found that
# …"): a that-clause after one is an indirect report of a stance. Kept apart from the verbs of saying so that scores
# against gold that marks only speech can leave them out. "know" only with a clause of its own ("Reporters know
# they are being spun"), not "knows how …" (cues._knowing_how).
ATTITUDE_VERBS = frozenset("""believe think feel expect hope fear doubt worry suspect reckon assume show find
recognize recognise understand realize realise learn know""".split())
# Verbs whose to-infinitive reports a stated intention or stance ("refused to release", "wants to build").
INTENTION_VERBS = frozenset("""want wish refuse seek plan intend decline aim hope expect prefer decide agree
offer""".split())
# Verbs that judge or name someone in words the writer quotes ("blamed the law on "knuckleheaded politicians"",
# "dismissed the report as "fake news"", "thanked him for "stepping up""): with a quotation of two words or more
# in the predicate they make a mixed quote; without one they report nothing.
EVALUATION_VERBS = frozenset("""praise blame thank accuse dismiss dub label brand mock slam criticize criticise
denounce deride characterize characterise hail condemn attack ridicule""".split())
# Verbs of public speech acts and stances whose object is what was said or stood for ("accused the agency of
# covering up the hack", "endorsed the senator", "cited his Iowa results", "criticized the plan for its cost"):
# with a speaker that can speak (a person, a body, a pronoun) the object with its "of/for/as/over" phrase is an
# indirect report, as PARC-style attribution counts it. A quotation in the predicate makes it mixed, as above.
ACT_VERBS = frozenset("""accuse criticize criticise praise attack blame defend endorse oppose reject cite mention
discuss question echo highlight tout condemn denounce slam blast mock dismiss decry lambast assail applaud
welcome champion hail ridicule deride rebuke chide scold fault commend congratulate recount outline detail
reiterate support back favor express view regard see portray paint cast depict characterize characterise prefer
seek offer compare liken""".split())
# Nouns of things said: as the object of an act verb ("offered his assessment of the race", "offered a defense of
# his aide", "offering dire warnings about terrorism") the object is what was said, as with a verb of speaking.
SPEECH_OBJECT_NOUNS = frozenset("""assessment defense defence warning apology apologies praise criticism opinion
thought thoughts congratulations condolences prediction explanation reassurance assurance assurances argument
rebuttal critique analysis view views""".split())
# Of those, verbs of holding a view whose object with what it is held to be is a judgement ("voters view Ortiz as
# more prepared", "many regard the plan as a blow", "investors see the merger as a gamble"): with an "as" phrase
# they report it, without one they do not ("saw the crowd waiting" is a sight). So too the verbs of depicting
# someone in words ("portrayed the mayor as a bully", "painted him as reckless", "cast herself as an outsider";
# "cast a ballot" reports nothing).
VIEW_VERBS = frozenset({"view", "regard", "see", "portray", "paint", "cast", "depict", "characterize",
                        "characterise"})
# Of those, verbs of speaking whose object is what was spoken of ("mentioned the wall", "questioned his veracity",
# "cited his Iowa results") and verbs of judging in words ("criticized the ruling", "mocked his rival"): the object
# is a report of words even with no verb in it, unlike a stance on a thing ("opposed the plan", "backed Ortiz",
# "welcomed the visitors"). Not "attack" and "defend", which are as often deeds, nor "blame" ("blamed the shortfall
# on borrowing" names a cause); "question" only of a thing (questioning witnesses is interrogation); "compare" and
# "liken" with what the thing is likened to ("compared the plan to a blank cheque").
TOPIC_VERBS = frozenset("""mention discuss question cite highlight echo outline detail recount reiterate tout
criticize criticise praise denounce blast slam mock dismiss decry deride condemn lambast assail applaud
ridicule rebuke chide scold fault commend congratulate express compare liken""".split())
# Verbs by which a poll, a study or a report gives its finding as an object ("a poll showed Clinton with a
# 10-point lead", "the study found no link"): with such a source the rest of the predicate is what it reports.
FINDING_VERBS = frozenset({"show", "find", "indicate", "put", "give"})
FINDING_NOUNS = frozenset("""poll polls survey surveys study studies report data analysis research figures numbers
results audit review census tally count record records document documents file files paper papers filing filings
email emails memo memos transcript transcripts""".split())
# Nouns of opinion polls: a clause measured "in" one ("Ortiz leads in the latest poll") reports the poll's finding.
POLL_NOUNS = frozenset("""poll survey""".split())
# Nouns of speech acts and the prepositions that name what was said ("Ortiz's attacks on the mayor", "his
# criticism of the plan", "her call for a recount"): owned by someone, they report the preposition's object.
SPEECH_ACT_NOUNS = {
    "attack": ("on", "against"), "criticism": ("of",), "critique": ("of",), "mention": ("of",),
    "reference": ("to",), "call": ("for",), "comment": ("on", "about"), "remark": ("on", "about"),
    "question": ("about",), "praise": ("for", "of"), "denunciation": ("of",), "condemnation": ("of",),
    "defense": ("of",), "defence": ("of",), "description": ("of",), "warning": ("about", "of", "against"),
}
# Verbs whose content follows a preposition ("called for a ban", "pointed to the polls", "talked about jobs",
# "called on the mayor to resign"): the preposition's object (with what follows it) is what was said.
PREP_ACT_VERBS = {
    "call": ("for", "on"), "point": ("to",), "talk": ("about",), "speak": ("about", "of"),
    "refer": ("to",), "ask": ("about", "for"), "argue": ("for", "against"), "push": ("for",), "press": ("for",),
    "complain": ("about",), "warn": ("of", "about", "against"), "comment": ("on",), "advocate": ("for",),
    "rail": ("against",), "joke": ("about",), "boast": ("about", "of"),
    "brag": ("about", "of"), "testify": ("about",), "campaign": ("for", "against", "on"), "insist": ("on",),
}
# Verbs of saying whose content may follow a preposition when they have no clause ("said little about the plan",
# "agreed with the analysis", "admitted to taking the money", "wrote about the visit"): as PREP_ACT_VERBS, but
# kept apart because a verb of saying stays a report of its own wherever it stands.
SAYING_PREPS = {"say": ("about",), "agree": ("with", "on"), "admit": ("to",), "write": ("about",),
                "tweet": ("about",), "tell": ("about",), "report": ("about", "on")}
# Verbs of saying made with a particle ("pointed out that …", "laid out his plan", "spelled out the terms"): the
# that-clause, or else the object, is what was said.
PHRASAL_REPORTING = frozenset({("point", "out"), ("lay", "out"), ("spell", "out"), ("set", "out"),
                               ("hit", "back"), ("fire", "back"), ("shoot", "back"), ("sound", "off")})
# Nouns of things claimed, proposed or decided whose clause is what was said ("the claim that the vote was
# rigged", "his decision not to run", "her promise to cut taxes"): a that-clause or to-infinitive on one is an
# indirect report, spoken by the possessor when there is one ("Trump's claim that …"), else by nobody named.
CLAIM_NOUNS = frozenset("""claim allegation assertion suggestion warning promise pledge vow proposal decision
argument belief insistence complaint accusation concern fear hope threat demand reminder prediction estimate
admission denial assurance contention recommendation request announcement charge notion view plan
intention refusal""".split())
# Of those, the ones that name no claim unless someone's ("no current plans to expand the scheme exist" is no
# report; "her plan to expand it" is).
OWNED_CLAIM_NOUNS = frozenset("""promise pledge vow proposal decision plan intention refusal request demand
recommendation announcement hope threat view""".split())
# Nouns of a held or stated view that, owned by someone and made the subject of "be" with a clause, report that
# clause ("Ortiz's view is that the tax will fail", "her argument was that …", "the mayor's position is that …").
STATEMENT_NOUNS = frozenset("""view position argument belief message point answer response stance conclusion
explanation assessment contention hope fear concern worry complaint theory pitch promise warning suggestion claim
assertion insistence prediction expectation reasoning rationale""".split())
# Verbs that introduce a quotation standing right next to them ("The letter reads "…"", "She continued: "…"",
# "They call for "…"") but whose clauses are not reported speech.
QUOTE_ONLY_VERBS = frozenset({"continue", "read", "quote", "cite", "call"})
# Adverbs by which news reports a clause on the word of sources it leaves unnamed ("The club is reportedly spending
# $1.5 million on ads"): the clause is a report with no speaker. Not "allegedly", "apparently" or "supposedly",
# which as often voice the writer's own doubt.
HEARSAY_ADVERBS = frozenset({"reportedly"})
# Verbs whose noun-phrase object is itself the content reported ("announced 10,000 job cuts", "confirmed the
# deal"): the indirect quote's span is that object. "say" too: what it takes as a noun phrase is what was said,
# and where the parser lost a reported clause's verb it hangs the clause's subject there ("Aides say the more
# delegates he wins, the more leverage he has", "said the families of the victims file lawsuits"). Not "tell",
# whose object is the hearer.
CONTENT_OBJECT_VERBS = frozenset("""announce confirm deny reveal disclose report predict forecast estimate promise
pledge propose recommend demand claim admit acknowledge allege tweet retweet post share recall describe
stress emphasize emphasise underline underscore say""".split())
# Verbs whose to-infinitive reports what was asked or promised ("told airlines not to buy", "vowed to resign").
INFINITIVE_VERBS = frozenset("""tell ask urge order advise warn instruct promise pledge vow threaten""".split())
# Verbs that report words by naming something ("called the plan "a blow"", "described it as "a disgrace""):
# with a quotation in the predicate they make a mixed quote; without one they report nothing.
NAMING_VERBS = frozenset({"call", "describe"})
# Nouns of things said or written: a participle on one ("a statement saying", "in a tweet claiming") reports
# for whoever issued it.
SPEECH_NOUNS = frozenset("""statement letter tweet post message release memo note email e-mail interview speech
remarks video ad advertisement op-ed column editorial report filing lawsuit complaint press conference""".split())
# Subordinators of a condition on the reported content ("would be diverted if the dispute lasted").
CONDITION_MARKS = frozenset({"if", "unless", "once", "provided", "providing"})
# Nouns that, as the object of an announcement verb, name the act of speaking rather than what was said.
NOT_CONTENT_NOUNS = frozenset("""statement comment comments remark remarks question questions answer nothing anything
something everything news announcement report details plan plans""".split())

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we"})
NEUTER_PRONOUNS = frozenset({"it", "its"})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
SECOND_PERSON = frozenset({"you", "your"})
# Pronouns that point at what was just said or at a group described on the spot ("That says …", "those around
# him"), not at a named entity.
DEMONSTRATIVE_PRONOUNS = frozenset({"this", "that", "these", "those"})
# Pronouns that point at no one named before ("Some call it …", "Another warned …", "One said …"): never resolved.
INDEFINITE_PRONOUNS = frozenset("""some another others other one ones many several few someone somebody anyone
anybody everyone everybody all both none each either neither most nobody""".split())
MALE_WORDS = frozenset("""mr mr. sir lord king prince father son husband brother man boy chairman spokesman
businessman congressman actor uncle nephew grandfather emperor duke baron monk""".split())
FEMALE_WORDS = frozenset("""mrs mrs. ms ms. miss madam lady queen princess mother daughter wife sister woman girl
chairwoman spokeswoman businesswoman congresswoman actress aunt niece grandmother empress duchess nun""".split())
# Head nouns of phrases that name a person by role; matched against Entity.roles and earlier titles.
PERSON_ROLES = frozenset("""president minister secretary spokesman spokeswoman spokesperson chairman chairwoman chair
director chief leader official ceo executive governor senator mayor prime premier chancellor ambassador king queen
general commander coach manager founder head officer judge prosecutor lawyer attorney professor researcher doctor
scientist author editor representative administrator analyst economist expert member man woman boss captain
premier diplomat envoy undersecretary deputy candidate activist campaigner
rep publicist aide adviser advisor""".split())
# Occupations that name a person by trade ("'…,' said the actor"): many people in a story may share none, or one,
# of them, so such a noun is a person only the text calls by it, or the one person it names (speakers._role).
OCCUPATION_ROLES = frozenset("""actor actress singer rapper musician star player athlete comedian host presenter
anchor novelist writer filmmaker producer artist designer chef superintendent commissioner surgeon nurse teacher
pilot detective sergeant inspector lieutenant constable trooper sheriff marshal""".split())
PERSON_ROLES = PERSON_ROLES | OCCUPATION_ROLES
# Nouns of people taken as a group whose stance a poll or a report gives ("most voters oppose the tax",
# "students polled support Clinton", "groups backing Cruz"): subjects that can support, oppose or call for something.
GROUP_NOUNS = frozenset("""voter student respondent resident people american citizen worker parent member
supporter opponent critic lawmaker legislator delegate republican democrat conservative liberal progressive
independent evangelical donor pastor activist group organization coalition those""".split())
# Refusals and silences that news reports as a source's response ("declined to comment", "did not respond to a
# request for comment", "declined several requests for an interview"): the verbs, what they take (a verb of saying
# as a to-infinitive, or one of the request nouns as object) and the request nouns.
NO_COMMENT_VERBS = frozenset("""decline refuse respond reply""".split())
NO_COMMENT_ACTS = frozenset("""comment elaborate discuss speak talk specify detail identify address answer respond
say confirm explain""".split())
REQUEST_NOUNS = frozenset("""request question call email e-mail message inquiry query invitation""".split())
# Adjectives of belief and attitude whose clause or object is what the holder believes ("Ortiz is confident that
# the bill will pass", "voters are skeptical of the plan", "she is not sure she can vote for him"); "clear" only as
# "made (it) clear that", a statement.
STANCE_ADJECTIVES = frozenset("""confident sure unsure aware convinced optimistic pessimistic skeptical sceptical
worried concerned certain hopeful afraid adamant doubtful wary""".split())
STANCE_ADJECTIVE_PREPS = frozenset({"of", "about", "in"})
ORG_PRONOUN_TYPES = ("ORG", "GPE", "NORP")
ORG_NOUNS = frozenset("""company firm group government ministry department agency organization organisation
coalition party council committee union airline carrier maker manufacturer bank court agency board police army
military administration office commission authority authorities regime opposition rebels club team network
newspaper service university institute""".split())
# Organisation nouns that any organisation of the article may be called ("the company", "the government"); the
# others describe a particular kind ("the manufacturer", "the airline") and name only an organisation the text
# has described so ("drugmaker Pfizer", "Qantas, the airline") or whose name holds the word ("the bank").
GENERIC_ORG_NOUNS = frozenset("""company firm group government organization organisation administration regime
authorities authority""".split())
# Organisation nouns that only a business is called ("the company", "the firm"): never a place or a people, and
# only an organisation the text itself calls so, whose name looks like a business's, or that it named as an actor.
BUSINESS_NOUNS = frozenset({"company", "firm"})
# Last words of a business's name ("Acme Holdings", "Brightfield Ltd").
BUSINESS_NAME_WORDS = frozenset("""inc inc. corp corp. corporation co co. ltd ltd. llc plc ag sa gmbh holdings group
industries enterprises partners""".split())
# Bodies of a state: with a country or nationality in the phrase ("the Syrian government") they speak for it.
STATE_NOUNS = frozenset("""government administration ministry regime cabinet presidency military army
embassy""".split())

# Objects of "claim" in its sense of taking or winning ("claimed 41 percent of the vote", "claiming his third
# victory", "the crash claimed six lives"): no words reported.
WON_NOUNS = frozenset("""victory win percent percentage share seat title crown prize nomination delegate vote
majority plurality lead life residency spot place medal state district""".split())
# Hearers a report is made to ("announced the cuts to reporters", "told the plan to the crowd").
AUDIENCE_NOUNS = frozenset("""reporter journalist press media audience crowd viewer listener reader follower
fan committee panel""".split())
# Nouns of people questioned by police, investigators or lawmakers ("questioned two witnesses").
PEOPLE_NOUNS = frozenset("""person individual witness suspect aide staffer employee official officer agent
driver passenger detainee""".split())
# Nouns of people the other lists leave out, for telling a subject that can speak from a thing or an event
# ("a maintenance guy walks in, saying …" against "the episode should be behind us, saying …").
SPEAKING_PEOPLE = frozenset("""guy guys person persons kid kids crowd crowds host hosts anchor moderator
panelist audience caller fan fans folks family families couple friend friends neighbour neighbor colleague
colleagues staff team campaign administration""".split())
# Things put out that speak for whoever put them out ("released a video that said", "hoisted a sign that read"),
# beside SPEECH_NOUNS, and the verbs of putting them out (not of handling them: "obtained a letter that said").
DOCUMENT_NOUNS = frozenset("""sign signs banner banners caption piece spot flyer flier mailer poster placard
commercial book article essay tweet tweets message messages email emails letter letters ad ads video videos
resolution petition""".split())
ISSUING_VERBS = frozenset("""release issue send post publish run air write pen sign tweet retweet share add hoist
hold carry wave display unveil launch produce file submit deliver distribute circulate put draft""".split())
