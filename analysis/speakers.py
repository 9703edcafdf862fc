"""Who is speaking: reporting cues, their subjects, and the actor a subject refers to.

The speaker of a quote is the subject of its reporting cue ("X said", "said X", "X told Y",
"according to X"). That subject is then resolved to an actor: a named mention; the person a
title or appositive names ("Its chair, Bernadette Quinlan"); the principal of a spokesperson
("a spokesperson for the minister" -> the minister -> the person titled minister); the actor
the text described so ("the premier" -> "Prime Minister X", "the singer" -> "X, the band's
singer", "the group" -> "Y, a group formed in ..."); the author of a document ("the letter
says"); or, for he/she/it/they, the nearest earlier named subject that fits (people for
he/she, organisations for it/they, gender from titles and earlier pronouns).
No coreference package works offline, so these are rules; each result carries a confidence
that drops when it guessed. Unnamed sources ("a senior official") stay unnamed.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy

from .aliases import (CAPITAL_METONYMS, COUNTRY_FORMS, FEMALE_TITLES, GENDERED_NOUNS,
                      GENERATIONS, MALE_TITLES, POST_NOMINAL_LETTERS, STATE_ADJECTIVES,
                      SUBNATIONAL_CAPITALS, TABLE_ORGS, TITLE_WORDS)
from .given_names import gender_of_given_name, is_given_name
from .model import Mention
from .nlp import text_of

# Reporting verbs, by base form; forms are generated below (the pipeline has no lemmatizer).
SPEECH_VERBS = (
    "say tell add write argue insist warn claim acknowledge post state explain note declare "
    "reaffirm affirm restate underline "
    "announce admit confirm deny reply respond ask suggest continue conclude stress emphasise "
    "emphasize observe remark recall predict promise vow pledge urge praise accuse criticise "
    "criticize complain concede contend assert maintain agree tweet caution comment testify "
    "report joke quip plead demand allege lament boast dismiss call describe brand label "
    "welcome condemn blast slam hail question counter retort mention reveal disclose inform "
    "assure reassure shout cry whisper scream yell mutter sigh recount reiterate repeat hint "
    "estimate forecast threaten thank apologise apologize wonder exclaim "
    "protest object propose recommend advise insist reason muse scoff snap grumble mock "
    "tell point hit lash quote chant order beg disagree dispute cheer tout decry deride brag "
    "scold assail lambast lambaste rule rebut gush rave sneer opine confide bemoan fume "
    "reject offer put remind interject heckle go blame"
).split()
# Verbs that say someone spoke without reporting what: they only carry a speaker over to a
# quotation that follows with no attribution of its own ('Ward spoke first. "..."').
SPOKE_VERBS = {"speak", "speaks", "spoke", "speaking", "spoken", "talk", "talks", "talked",
               "talking", "address", "addressed", "addressing"}
# Verbs that report speech only with their particle.
PARTICLE_VERBS = {"point": "out", "hit": "out", "lash": "out", "put": "it",   # "as X put it"
                  "go": "on"}     # '"...," Ms Whaanga went on, "..."'
_IRREGULAR = {
    "say": ("says", "said", "saying"), "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"), "cry": ("cries", "cried", "crying"),
    "speak": ("speaks", "spoke", "speaking", "spoken"), "go": ("goes", "went", "going", "gone"),
    "give": ("gives", "gave", "giving", "given"), "make": ("makes", "made", "making"),
    "send": ("sends", "sent", "sending"), "read": ("reads", "reading"), "put": ("puts", "putting"),
    "hit": ("hits", "hitting"), "see": ("sees", "saw", "seen", "seeing"),
    "cast": ("casts", "casting"),
    # British and American spellings both
    "label": ("labels", "labelled", "labeled", "labelling", "labeling"),
}
# short verbs ending consonant-vowel-consonant stressed on the last syllable double it
_DOUBLING = {"admit", "quip", "slam", "snap", "submit", "beg", "brag", "rebut", "sum"}
# Verbs that report speech only with a subject that did the speaking ("X called it 'a raid'");
# without one ("a group called 'Y'", "so-called 'Z'") they name things instead.
LABEL_VERBS = {"call", "describe", "brand", "label", "reject", "blame"}
# Verbs that frame something as something: a quotation after their "as" is the subject's words
# ('Ward sees the lineup as its "Achilles heel"', 'which Apple views as "a fundamental human
# right"', 'brushed the episode aside as "fully remediated"', 'has defended the sale as part of a
# programme to "bring private capital"'); without "as" they report nothing.
FRAMING_VERBS = {"see", "view", "regard", "portray", "depict", "paint", "cast", "characterise",
                 "characterize", "smear", "frame", "brush", "introduce", "sum", "defend",
                 "justify", "denounce", "pitch", "bill"}
# Verbs of going on speaking: "he added" is the man last quoted.
_GOING_ON = frozenset(("added", "adds", "adding", "continued", "continues"))
# Participles that open a sentence on what its subject was asked ("Asked whether X ..., he").
_ASKED = frozenset(("asked", "pressed", "questioned", "challenged"))
# A person's office, which speaks in their name ("Okafor's office said").
_SPEAKING_OFFICES = frozenset(("office", "offices"))
# Nouns for people who speak for someone else: the speaker is that someone.
SPOKESPEOPLE = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen",
                "spokeswomen", "representative", "representatives", "rep", "reps",
                "publicist", "publicists", "lawyer", "lawyers", "attorney", "attorneys",
                "solicitor", "solicitors", "barrister", "counsel", "agent"}
# Those who speak for a client: when the text names them, their words are their own.
ADVOCATES = {"lawyer", "lawyers", "attorney", "attorneys", "solicitor", "solicitors", "barrister",
             "counsel", "agent"}
# Documents that "say" things for their author.
DOCUMENTS = {"letter", "statement", "report", "document", "filing", "memo", "email", "tweet",
             "post", "submission", "release", "note", "plan", "proposal", "complaint", "lawsuit",
             "survey", "study", "poll", "audit", "analysis", "review", "paper", "ruling",
             "brochure", "leaflet", "manifesto", "prospectus", "website", "advert",
             "advertisement"}
# What a study, report or inquiry does with its words, a verb only with such a subject.
FINDING_VERBS = {"find", "finds", "found", "finding"}
INQUIRIES = {"inquiry", "investigation", "probe", "inspection", "assessment", "evaluation"}
FINDERS = DOCUMENTS | INQUIRIES | {"court", "tribunal", "judge", "panel", "jury", "regulator",
                                   "watchdog", "auditor", "auditors", "inspectors", "researchers",
                                   "investigators", "firm", "department", "ministry", "agency",
                                   "commission", "committee", "authority", "review", "board"}
# Generic names for an organisation: "the company said" after the company was named.
ORG_NOUNS = {"company", "firm", "group", "business", "bank", "club", "fund", "charity",
             "party", "union", "agency", "ministry", "department", "council", "authority",
             "regulator", "insurer", "airline", "retailer", "lender", "carrier", "operator",
             "utility", "broadcaster", "publisher", "developer", "manufacturer", "government",
             "organisation", "organization", "association", "trust", "board", "committee",
             "label", "studio", "network", "carmaker", "automaker", "miner", "chain",
             "startup", "league", "federation", "foundation", "coalition", "alliance"}
# Words in a company's name that say its trade: "the label" is "Halcyon Records".
_TRADE_NAME_WORDS = {"label": {"records", "music", "recordings"},
                     "studio": {"pictures", "studios", "films"},
                     "airline": {"airways", "airlines", "air"}, "carrier": {"airways", "airlines"},
                     "carmaker": {"motors", "motor", "auto"}, "automaker": {"motors", "motor"},
                     "miner": {"mining", "minerals", "resources"},
                     "insurer": {"insurance", "assurance"},
                     "broadcaster": {"broadcasting", "television", "tv", "radio"},
                     # "the union": the body named for the workers it organises
                     "union": {"union", "guild", "lecturers", "tutors", "academics",
                               "teachers", "educators", "workers", "nurses", "midwives",
                               "doctors", "paramedics", "employees", "drivers", "miners",
                               "journalists", "writers", "actors", "firefighters", "pilots",
                               "dockers", "seafarers", "technicians", "clerks"}}
# Nouns for private bodies, and words in the names of public ones: "the company" or "the group"
# said is not the Data Protection Office or the Department of Education named last.
PRIVATE_ORG_NOUNS = {"company", "firm", "business", "bank", "club", "fund", "charity", "party",
                     "union", "group", "insurer", "airline", "retailer", "lender", "carrier",
                     "operator", "utility", "broadcaster", "publisher", "developer",
                     "manufacturer", "association", "label", "studio", "network", "carmaker",
                     "automaker", "miner", "chain"}
PUBLIC_BODY_WORDS = {"office", "department", "ministry", "commission", "council", "authority",
                     "agency", "government", "parliament", "court", "tribunal", "regulator",
                     "inspectorate", "police", "administration"}
# Words of a name that make it no company ("the company says" is not the Digital Rights Alliance).
NOT_COMPANY_WORDS = {"alliance", "coalition", "union", "association", "federation", "campaign",
                     "movement", "league", "society", "foundation", "institute", "party",
                     "committee", "council", "charity", "network", "forum", "club"}
# "X, who chairs the board" introduces X as its chair.
ROLE_VERBS = {"chairs": ("chair", "chairman", "chairwoman"), "chaired": ("chair", "chairman",
              "chairwoman"), "heads": ("head",), "headed": ("head",), "leads": ("leader",),
              "led": ("leader",), "runs": ("boss", "head"), "ran": ("boss", "head"),
              "manages": ("manager",), "managed": ("manager",), "owns": ("owner",),
              "owned": ("owner",), "founded": ("founder",), "coaches": ("coach",),
              "coached": ("coach",), "edits": ("editor",), "edited": ("editor",),
              "directs": ("director",), "directed": ("director",),
              "represents": ("representative", "mp"), "governs": ("governor",)}
_UNDER_AFTER = ("under", "after", "during", "upon", "on")
# A nationality as a person: "the Dane told the podcast", "the Swede, 52, was dismissed".
_NATIONAL_NOUNS = frozenset("""dane swede finn pole briton scot frenchman frenchwoman dutchman
dutchwoman englishman englishwoman irishman irishwoman welshman welshwoman spaniard turk
kiwi aussie""".split())
_DEMONYM_NOUNS = _NATIONAL_NOUNS | frozenset(a for a in STATE_ADJECTIVES
                                             if " " not in a and len(a) > 3)
# Whom a lawyer "represents" (an MP represents a place or its people in general).
_CLIENTS = frozenset("""client clients family families sibling siblings victim victims parents
children plaintiff plaintiffs claimant claimants defendant defendants widow widower estate
executor heirs him her them""".split())
_SILK_LETTERS = ("KC", "QC", "SC")     # a senior barrister's letters after the name
# Role words for the same post or calling: 'the premier' is who the text introduced as 'Prime
# Minister X', 'the councilman' who it introduced as 'City Council member X'.
_ROLE_GROUPS = (
    ("premier", "prime minister"),
    ("chief executive", "ceo", "chief", "boss"),
    ("councilman", "councilwoman", "councillor", "councilor", "councilmember", "council member",
     "alderman", "alderwoman"),
    ("lawmaker", "legislator", "senator", "congressman", "congresswoman", "congressmember",
     "assemblyman", "assemblywoman", "assemblymember", "mp"),
    ("physician", "doctor", "medic", "dr", "surgeon", "cardiologist", "psychiatrist"),
    ("physicians", "doctors", "medics"),
    ("singer", "vocalist", "frontman", "frontwoman", "lead singer"),
    ("envoy", "ambassador"),
    # abbreviated titles ("Det. Sgt. Luis Ocampo" is "the detective")
    ("detective", "det"), ("sergeant", "sgt"), ("inspector", "insp"), ("professor", "prof"),
    ("superintendent", "supt"), ("constable", "const", "pc"), ("lieutenant", "lt"),
    ("captain", "capt"), ("governor", "gov"), ("representative", "rep"),
    ("lawyer", "attorney", "solicitor", "barrister", "counsel", "advocate"),
    ("judge", "justice"),   # "Mr Justice Pemberton" is "the judge"
    # a portfolio's chief by any of its titles ("Defense Secretary X" is "the defense chief")
    ("defense chief", "defence chief", "defense secretary", "defence secretary",
     "defense minister", "defence minister"),
    ("finance chief", "finance minister", "finance secretary", "treasury secretary"),
    ("foreign minister", "foreign secretary", "top diplomat"),
    ("health chief", "health minister", "health secretary"),
    ("interior minister", "interior chief", "home secretary"),
)
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    w: tuple(x for x in g if x != w) for g in _ROLE_GROUPS for w in g}
# Epithets for a public or famous person, which a story uses for the person it is about without
# introducing them by it ('Pat Simmons teased the tour ... the singer told the audience'):
# unlike 'the official' or 'the officer', seldom someone the story never names.
EPITHETS = {"minister", "premier", "prime minister", "president", "chancellor", "governor",
            "mayor", "senator", "congressman", "congresswoman", "lawmaker", "legislator",
            "councilman", "councilwoman", "councillor", "councilor", "singer", "vocalist",
            "frontman", "frontwoman", "guitarist", "drummer", "bassist", "rapper", "musician",
            "songwriter", "singer-songwriter", "actor", "actress", "star", "comedian",
            "filmmaker", "novelist", "playwright", "billionaire", "tycoon", "magnate",
            "striker", "midfielder", "goalkeeper", "footballer", "quarterback", "coach",
            "head coach", "captain", "leader", "union leader", "party leader",
            "opposition leader"}
# What ordinary people quoted in the news are ('the trader', 'the mother of three'): after a
# sentence about someone who holds no post, that person.
EVERYDAY_PEOPLE = frozenset("""trader vendor farmer resident worker shopkeeper driver nurse
teacher student pensioner retiree mother father grandmother grandfather widow widower owner
fisherman fisher villager commuter parent homeowner tenant shopper customer patient survivor
volunteer artist musician veteran mechanic labourer laborer miner""".split())
# Documents someone writes, whose author a sentence saying "X wrote to ..." gives.
_WRITTEN = frozenset(("letter", "email", "memo", "note"))
# Words that make a post another one: "Deputy Governor X" is not who "the governor" means.
_SUBORDINATE_POSTS = frozenset("""deputy vice assistant associate acting former ex-
lieutenant under junior shadow""".split())
# Verbs of denial a name is the subject of: 'a claim Corvane rejects'
_DENIALS = {"rejects", "denies", "disputes", "contests", "refutes", "rejected", "denied",
            "disputed", "contested", "refuted"}
# Imperatives that open on the person a passage turns to: 'Ask Owen Park.', 'Take Maria Lopez, who'
_TOPIC_VERBS = {"ask", "take", "consider", "meet"}
# Titles that say nothing of a post ('Dr', 'Ms'): no reason a person is not 'the minister'.
_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord",
               "lady", "rev", "reverend", "hon", "dra", "sra", "srta", "mme", "mlle", "madame",
               "monsieur", "herr", "frau", "signor", "signora", "señor", "señora", "doña", "pak",
               "bapak", "ibu", "ato", "weizero"}
_POSTS = (TITLE_WORDS | EPITHETS) - _HONORIFICS
_BE = {"is", "was", "'s", "’s", "are", "were"}
# "a report published by X" names its author; "a letter seen by X" does not.
_AUTHORED = {"published", "issued", "released", "written", "signed", "sent", "commissioned",
             "produced", "compiled", "prepared", "authored", "drafted", "posted", "filed",
             "submitted", "delivered", "made", "given", "put", "read"}
# Nouns for things said, so "an interview saying" / "remarks suggesting" find their speaker.
SPEECH_NOUNS = {"interview", "speech", "remarks", "comments", "message", "briefing",
                "conference", "address", "testimony", "op-ed", "column", "video", "broadcast",
                "verdict", "view", "words", "response", "reply", "reaction", "answer",
                "assessment", "warning", "advice", "argument", "promise", "explanation",
                "position", "retort", "plea", "conclusion", "diagnosis", "prediction"}
_MALE_WORDS = {"he", "him", "his", "himself"}
_FEMALE_WORDS = {"she", "her", "hers", "herself"}
_ORG_PRONOUNS = {"it", "they", "them", "its"}
_PERSON_LABELS = {"PERSON"}
# Words that open a relative clause: an aside "..., whose own vaccine is behind," has a verb
# and still only describes the name before it.
_RELATIVE_WORDS = frozenset(("who", "whose", "which", "whom"))
# Entity labels that can never speak (dates, amounts): ignored as mentions.
_NOT_SPEAKERS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
_ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}
_SUBJECT_DEPS = {"nsubj", "csubj"}
# Subjects a later pronoun may refer to ("Smith was sacked. He said ...").
_ANTECEDENT_DEPS = {"nsubj", "nsubjpass"}
# how a sentence's verb hangs from a name the parser took for the whole sentence
_FRAGMENT_VERB_DEPS = {"appos", "acl", "relcl", "conj", "parataxis", "ccomp"}
# Capitalised plurals that name groups, not people ('"...," Police said').
_GROUP_NOUNS = {"police", "officials", "critics", "residents", "sources", "analysts", "experts",
                "witnesses", "protesters", "campaigners", "fans", "supporters", "officers",
                "doctors", "nurses", "staff", "workers", "parents", "locals", "neighbours",
                "neighbors", "observers", "insiders", "diplomats", "investors", "economists",
                "lawyers", "prosecutors", "officers", "teachers", "students", "villagers"}
# Punctuation a speaker's noun phrase never reaches across.
_NP_STOPS = set(",;:()[]{}—–\"“”‘’«»'")
_POSSESSIVE = re.compile(r"['’]s?$")
# "the 43-year-old said": a description that points back to the last person named.
_AGE_NOUN = re.compile(r"^the\s+\d+\s*-?\s*years?\s*-?\s*old$", re.IGNORECASE)
# Clauses whose missing subject is their head's subject ("refused ..., insisting that").
_SUBJECT_FROM_HEAD = {"conj", "advcl", "xcomp", "acomp"}   # ("was quick to turn ..., demanding")
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
# Heads of names of offices and bodies, which carry what they are of: 'Commissioner for Human
# Rights', 'Secretary of State', 'Department of Health'.
OFFICE_NOUNS = {"commissioner", "secretary", "minister", "department", "ministry", "office",
                "court", "committee", "council", "commission", "institute", "university",
                "board", "bureau", "agency", "authority", "association", "centre", "center",
                "service", "union", "federation", "league", "society", "foundation", "college",
                "chamber", "bank", "director", "administrator", "ombudsman", "inspector",
                "governor", "mayor", "president", "chancellor", "attorney", "auditor"}
# Last words that make a name an organisation whatever the tagger says ('Dick Clark
# Productions' is often tagged PERSON).
_ORG_SUFFIXES = {"productions", "records", "media", "group", "inc", "inc.", "corp", "corp.",
                 "corporation", "company", "co", "co.", "ltd", "ltd.", "llc", "plc", "holdings",
                 "partners", "studios", "entertainment", "systems", "industries", "associates",
                 "airlines", "airways", "bank", "foundation", "institute", "university",
                 "agency", "council", "committee", "ministry", "department", "party", "club",
                 "fc", "network", "news", "press", "capital", "ventures", "labs", "trust",
                 "commission", "authority", "office", "union", "league", "association",
                 "coalition", "alliance", "federation", "movement", "caucus"}
# Collective words that name a body even alone, where the tagger took the last word of a longer
# name for a person ("Boudreau's Citizens' Coalition has yet to say"): never a person's name.
_ORG_WORDS = {"coalition", "alliance", "party", "union", "federation", "association", "league",
              "committee", "commission", "council", "ministry", "movement", "caucus"}


def _org_name(text: str) -> bool:
    words = text.replace("’", "'").split()
    last = _POSSESSIVE.sub("", words[-1]).lower() if words else ""
    return len(words) >= 2 and last in _ORG_SUFFIXES or len(words) == 1 and last in _ORG_WORDS


# Posts only a person holds: a name beside one is a person's, whatever the tagger says.
_PERSON_POSTS = {"president", "vice-president", "chair", "chairman", "chairwoman", "chairperson",
                 "director", "spokesperson", "spokesman", "spokeswoman", "secretary", "treasurer",
                 "coach", "manager", "founder", "co-founder", "leader", "lawyer", "organiser",
                 "organizer", "ceo"}


# How far back (in paragraphs) a pronoun may look for the person it refers to.
PRONOUN_REACH = 3
# How far back (in tokens) "the letter" may look for the letter's first mention.
AUTHOR_REACH = 600


def _forms(base: str) -> set[str]:
    if base in _IRREGULAR:
        return {base, *_IRREGULAR[base]}
    stem = base + base[-1] if base in _DOUBLING else base
    if base.endswith("e"):
        past, ing = base + "d", (base + "ing" if base.endswith("ee") else base[:-1] + "ing")
    elif base.endswith("y") and base[-2] not in "aeiou":
        past, ing = base[:-1] + "ied", base + "ing"
    else:
        past, ing = stem + "ed", stem + "ing"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        third = base + "es"
    elif base.endswith("y") and base[-2] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    return {base, third, past, ing}


CUE_FORMS: dict[str, str] = {f: b for b in (*SPEECH_VERBS, *FRAMING_VERBS) for f in _forms(b)}
# Verbs that ask someone to do or say something: "asked Cirrusly to explain ..."
REQUEST_VERBS = frozenset(f for b in ("ask urge tell order invite press require force pressure "
                                      "encourage").split() for f in _forms(b))
# Verbs whose object is a document of their subject's: 'X issued a statement'.
_ISSUED = _AUTHORED | {"tweeted"} | {
    f for b in ("issue release publish send write sign post file submit deliver read share email "
                "draft prepare produce make put give").split() for f in _forms(b)}


@dataclass(frozen=True)
class Attribution:
    """A quote's speaker: ``speaker`` is an actor name (None if unnamed), ``anchor`` the token
    index of the words that name them (used to order candidates for later pronouns)."""
    speaker: str | None
    speaker_text: str | None
    confidence: float
    anchor: int


# States that act through their capitals: "the company" is none of them.
_STATES = frozenset({*COUNTRY_FORMS.values(), *CAPITAL_METONYMS.values(),
                     *SUBNATIONAL_CAPITALS.values()}) - TABLE_ORGS


def _fits_noun(noun: str, org: str) -> bool:
    """Can ``org`` be what 'the <noun>' refers to? A company or a group is not a public body,
    and a company or firm is not a campaign group, union or association."""
    words = set(org.lower().split())
    if noun in ("company", "firm") and NOT_COMPANY_WORDS & words:
        return False
    if noun in PRIVATE_ORG_NOUNS and org in _STATES:
        return False    # a state acting through its capital ("Ottawa has agreed") is no company
    if noun == "union" and any(w.startswith("employer") for w in words):
        return False    # an employers' federation is the side a union bargains with
    return noun not in PRIVATE_ORG_NOUNS or not PUBLIC_BODY_WORDS & words


def is_cue(token) -> bool:
    """A reporting verb (said, told, warned ...) or the 'according' of 'according to'."""
    low = token.lower_
    if low == "according":
        return any(c.lower_ == "to" for c in token.children) or \
            (token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to")
    if low in ("read", "reads"):    # 'the statement read': a document's words, not a reader's
        return token.pos_ in ("VERB", "AUX") and any(
            c.dep_ in _SUBJECT_DEPS and c.lower_ in DOCUMENTS for c in token.children)
    if low in FINDING_VERBS:      # 'a report by X found that ...': the report's authors' words
        if token.pos_ not in ("VERB", "AUX"):
            return False
        for c in token.children:
            if c.dep_ in _SUBJECT_DEPS:
                if c.tag_ in ("WDT", "WP") and token.dep_ == "relcl":
                    c = token.head      # 'a review by Crestline, which found "no evidence"'
                if c.lower_ in FINDERS:
                    return True
        return False
    base = CUE_FORMS.get(low)
    if base is None:
        return False
    if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ in _UNDER_AFTER \
            and not any(c.dep_ in ("dobj", "nsubj") for c in token.children):
        return False    # 'conceded under questioning that ...': the questioning says nothing
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) \
            and not any(c.dep_ == "agent" for c in token.children):
        return False    # 'staff would be offered contracts', 'he was told': no one speaks
        # here (but 'the crowd was told by Mayor Reyes' names who did)
    if base in FRAMING_VERBS:
        return token.tag_.startswith("VB") and any(
            c.dep_ == "prep" and c.lower_ == "as" or c.dep_ in ("advcl", "oprd", "xcomp") and any(
                g.lower_ == "as" and g.dep_ in ("mark", "prep") for g in c.children)
            for c in token.children)
    if base in PARTICLE_VERBS:     # "pointed out", "hit out at", "lashed out", "put it"
        return any(c.lower_ == PARTICLE_VERBS[base] for c in token.children) or \
            (token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == PARTICLE_VERBS[base])
    return token.tag_.startswith("VB") or low in ("said", "says", "told")


def cue_base(token) -> str:
    return "according" if token.lower_ == "according" else CUE_FORMS.get(token.lower_, "")


class SpeakerResolver:
    """Per-document state for resolving subjects to actors.

    Built once per Doc: which token belongs to which mention, which tokens are inside quotes
    (a name mentioned inside someone's quote is not a candidate antecedent), the named subjects
    a pronoun may refer to, their gender where the text tells, and the role words (minister,
    ministry, chair) each named actor was introduced with.
    """

    def __init__(self, doc, mentions: Sequence[Mention], quoted: Sequence[tuple[int, int]],
                 paragraph_of_char, text: str | None = None):
        self.doc = doc
        self.paragraph_of_char = paragraph_of_char
        self.text = text_of(doc) if text is None else text
        # token attributes as arrays: iterating a Doc builds a Token object per token
        self.starts = doc.to_array("IDX").tolist()
        sent = doc.to_array("SENT_START")
        self.sent_starts = sorted({0, *numpy.flatnonzero(sent == 1).tolist()})
        self._lower = doc.to_array("LOWER")
        self._pos = doc.to_array("POS")
        self._dep = doc.to_array("DEP")
        self.mention_of: dict[int, Mention] = {}
        self.mention_spans: list[tuple[Mention, int, int]] = []
        for m in mentions:
            if not (0 <= m.start < m.end <= len(self.text)) or m.label in _NOT_SPEAKERS:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            self.mention_spans.append((m, span.start, span.end - 1))
            for t in span:
                self.mention_of.setdefault(t.i, m)
        self.in_quote = bytearray(len(doc))
        for s, e in quoted:
            for i in range(self._token_at(s), self._token_at(max(s, e - 1)) + 1):
                self.in_quote[i] = 1
        self._fold_surnames()
        self.mention_spans.sort(key=lambda x: x[1])
        self.people = self._named_with_who()
        self._persons = self.people | {self._actor(m) for m, _, _ in self.mention_spans
                                       if m.label in _PERSON_LABELS and not _org_name(m.text)}
        # actors the text names only as organisations (or places): never a he/she
        self._orgs = {self._actor(m) for m, _, _ in self.mention_spans
                      if m.label in _ORG_LABELS or _org_name(m.text)} - self._persons
        self.gender: dict[str, str] = {}
        self.candidates: list[tuple[int, str, str, str]] = []   # (token i, actor, text, kind)
        self.embedded: set[int] = set()     # candidates that are subjects of inner clauses
        self.speakers: set[str | None] = set()     # actors given a quote so far
        self.quoted_so_far: list[tuple[int, str | None]] = []   # (anchor, speaker) in order
        self._collect_candidates()
        self._collect_gender()
        self.roles: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._collect_roles()
        self._collect_described_subjects()
        self._collect_unnamed_sources()
        self.name_gender = self._given_name_gender()

    # ---------- lookups ----------

    def _token_at(self, char: int) -> int:
        i = bisect.bisect_right(self.starts, char) - 1
        return max(0, min(i, len(self.doc) - 1))

    def token_at(self, char: int) -> int:
        return self._token_at(char)

    def sentence_of(self, i: int) -> tuple[int, int]:
        """(first token, end token) of the sentence holding token ``i``."""
        k = max(0, bisect.bisect_right(self.sent_starts, i) - 1)
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.doc)
        return self.sent_starts[k], end

    def _actor(self, m: Mention) -> str:
        name = m.actor or m.text
        if name == m.text:      # a bare surface form: drop a possessive ("Ward's")
            name = _POSSESSIVE.sub("", name) or name
        return name

    def _mention_head(self, lo: int, hi: int):
        """The token of the mention over tokens lo..hi whose head lies outside it."""
        for i in range(lo, hi + 1):
            h = self.doc[i].head.i
            if h == hi + 1 and self.doc[h].text in POST_NOMINAL_LETTERS:
                return self.doc[h]  # "Marius du Plessis SC said": the letters head the name
            if i < hi and self.doc[i].lower_.rstrip(".") in TITLE_WORDS:
                continue    # ("Ato Solomon Assefa, ..., told": the parse may hang the title
                # elsewhere; the name is the subject)
            if h < lo or h > hi or h == i:
                return self.doc[i]
        return self.doc[hi]

    def is_person(self, token) -> bool:
        """A named person (by the entity label), he/she, or "the Dane"."""
        if self._demonym_epithet(token):
            return True
        m = self.mention_of.get(token.i)
        if m is not None:
            return m.label in _PERSON_LABELS and not _org_name(m.text) \
                or self._actor(m) in self.people \
                or m.label not in _ORG_LABELS and self._actor(m) in self._persons
        return token.lower_ in ("he", "she")

    def _demonym_epithet(self, token) -> bool:
        """'the Dane', 'the Brazilian': a nationality standing for a person the text named."""
        m = self.mention_of.get(token.i)
        return token.lower_ in _DEMONYM_NOUNS and token.text[:1].isupper() \
            and (m is None or m.label == "NORP" or token.lower_ in _NATIONAL_NOUNS) \
            and token.tag_ in ("NNP", "NNPS", "NN", "JJ") \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)

    def _kind_of(self, m: Mention | None, token) -> str:
        if m is not None:
            if m.label in _PERSON_LABELS and not _org_name(m.text) or self._actor(m) in self.people:
                return "person"
            if m.label in _ORG_LABELS or _org_name(m.text):
                return "org"
            if self._actor(m) in self._persons:
                return "person"     # "Delaney said" tagged LAW, the person named in full before
            return "other"
        return "person?" if token.pos_ == "PROPN" else "other"

    # ---------- what the document offers ----------

    def _named_with_who(self) -> set[str]:
        """Actors the text says 'who' of ('Dana Morrow, who represents Hale,'): people, even
        where the tagger took the name for an organisation."""
        found = set()
        for m, lo, hi in self.mention_spans:
            if m.label in _PERSON_LABELS or self.in_quote[lo]:
                continue
            if hi + 2 >= len(self.doc) or self.doc[hi + 1].text != "," \
                    or self.doc[hi + 2].lower_ not in ("who", "whom"):
                continue
            relcl = self.doc[hi + 2].head
            head = self._mention_head(lo, hi)
            host = head.head if head.dep_ in ("appos", "compound") else head
            if host.dep_ == "pobj" and host.head.head.tag_ == "NNS":
                continue    # 'Researchers at the security firm Corvid Labs, who call ...'
            if relcl.dep_ == "relcl" and relcl.head.i == head.i:
                found.add(self._actor(m))
        return found | self._named_with_post()

    def _named_with_post(self) -> set[str]:
        """Actors set beside a post only a person holds ('Its president, Ffion Hale, said';
        'Ffion Hale, the union's president,'): people, where the tagger took the name for an
        organisation."""
        found = set()
        for m, lo, hi in self.mention_spans:
            if m.label in _PERSON_LABELS or self.in_quote[lo] or _org_name(m.text):
                continue
            head = self._mention_head(lo, hi)
            nouns = [c for c in head.children if c.dep_ == "appos"]
            if head.dep_ == "appos":
                nouns.append(head.head)
            nouns.append(self._apposed_noun(hi))
            if any(n is not None and n.i not in self.mention_of and n.pos_ == "NOUN"
                   and n.tag_ == "NN" and n.lower_ in _PERSON_POSTS for n in nouns):
                found.add(self._actor(m))
        return found

    def _fold_surnames(self) -> None:
        """A person's surname the tagger did not tag ('says Early', 'Early still says', where
        the word is also an adverb) is a mention of that person, once the full name has been
        tagged as a person somewhere in the text."""
        surnames: dict[str, set[str]] = defaultdict(set)
        for m, lo, hi in self.mention_spans:
            if m.label in _PERSON_LABELS and hi > lo and not _org_name(m.text):
                last = _POSSESSIVE.sub("", self.doc[hi].text)
                if last[:1].isupper() and last[1:].islower() and len(last) > 2:
                    surnames[last].add(self._actor(m))
        if not surnames:
            return
        strings = self.doc.vocab.strings
        orth = self.doc.to_array("ORTH")
        for i in numpy.flatnonzero(numpy.isin(orth, [strings[w] for w in surnames])).tolist():
            t = self.doc[i]
            if t.i in self.mention_of or self.in_quote[t.i] or len(surnames.get(t.text, ())) != 1:
                continue
            if t.is_sent_start and not (t.dep_ in _SUBJECT_DEPS or is_cue(t.head)):
                continue        # 'Early on, ...': a capital the sentence gives any word
            owner = next(iter(surnames[t.text]))
            first = self.doc[t.i - 1] if t.i > 0 else None
            if first is not None and first.pos_ == "PROPN" and first.text[:1].isupper() \
                    and first.head.i == t.i and first.text not in owner.split():
                continue    # 'Bongani Ndlovu' untagged, beside 'Thandeka Ndlovu': another person
            m = Mention(t.idx, t.idx + len(t.text), t.text, "PERSON", owner)
            self.mention_of[t.i] = m
            self.mention_spans.append((m, t.i, t.i))

    def _collect_candidates(self) -> None:
        """Named subjects of finite clauses outside quotes: what he/she/it may refer to."""
        for m, lo, hi in self.mention_spans:
            if self.in_quote[lo]:
                continue
            head = self._mention_head(lo, hi)
            subj = head
            if head.dep_ == "appos":
                host = self._noun_phrase_head(head.head)
                if host.dep_ in _ANTECEDENT_DEPS or self._fragment_verb(host) is not None:
                    subj = host
            if self._fragment_verb(subj) is not None or self._source_of_account(subj):
                main = True
            elif subj.dep_ == "poss" and subj.head.dep_ in ("nsubj", "nsubjpass") \
                    and self._finite(subj.head.head) and m.label in _PERSON_LABELS \
                    and (len(self._actor(m).split()) >= 2      # a person named in full
                         or is_given_name(self._actor(m))):   # or one named by first name
                # alone ("Maya's letter ended with a question. '...,' she wrote")
                # "Dr Kerrigan's plan keeps ... '...,' she said": whose plan it is
                main = self._main_clause(subj.head.head)
            elif m.label in _PERSON_LABELS and self._fronted_topic(subj):
                main = True
            elif self._actor(m) in self._persons and subj.dep_ == "ROOT" and subj.pos_ == "PROPN" \
                    and any(t.pos_ in ("VERB", "AUX") for t in subj.sent if t.i > subj.i):
                # 'Marcus Obi, 34, of Riverside Flats, spent the night ...' parsed with the
                # name as the root and the verb hung on the place: the name is the subject
                main = True
            elif subj.dep_ == "attr" and subj.head.lower_ in _BE and subj.head.i < subj.i \
                    and not any(c.dep_ in ("nsubj", "expl") for c in subj.head.children):
                # 'Among those on the picket line was Róisín Ó Ceallaigh, a staff nurse': the
                # name after an inverted "was" is the sentence's subject
                main = self._main_clause(subj.head)
            elif m.label in _PERSON_LABELS and self._verb_after_name(subj) is not None:
                main = self._main_clause(self._verb_after_name(subj))
            elif m.label in _PERSON_LABELS and self._subject_hung_on_participle(subj):
                main = True
            elif m.label in _PERSON_LABELS and subj.dep_ not in _ANTECEDENT_DEPS \
                    and self._speaks_in_relative_clause(head):
                main = True     # 'The defense called X, an analyst, who testified that ...'
            elif subj.dep_ not in _ANTECEDENT_DEPS and getattr(
                    self._adverb_subject(subj.head), "i", None) != subj.i \
                    or not self._finite(subj.head):
                continue
            else:
                main = self._main_clause(subj.head)
            self.candidates.append((head.i, self._actor(m), m.text, self._kind_of(m, head)))
            if not main:
                self.embedded.add(head.i)
        strings = self.doc.vocab.strings
        subject_deps = numpy.isin(self._dep, [strings[d] for d in _ANTECEDENT_DEPS])
        propn = self._pos == strings["PROPN"]
        root = self._dep == strings["ROOT"]
        for i in numpy.flatnonzero((subject_deps | root) & propn).tolist():   # names NER missed
            t = self.doc[i]
            if t.lower_.rstrip(".") in GENERATIONS:
                # "Tavares Sr. has spent ...": the one person named with that surname and
                # generation, if the text names one
                gen = t.lower_.rstrip(".")
                before = self.doc[t.i - 1] if t.i > 0 else None
                owners = {a for a in self._persons if before is not None and len(a.split()) > 2
                          and a.split()[-2] == before.text
                          and a.split()[-1].lower().rstrip(".") == gen}
                if len(owners) == 1 and not self.in_quote[t.i] and self._finite(t.head):
                    self.candidates.append((t.i, owners.pop(), f"{before.text} {t.text}",
                                            "person"))
                continue
            if t.i in self.mention_of or self.in_quote[t.i] or t.lower_ in TITLE_WORDS \
                    or t.text in POST_NOMINAL_LETTERS and t.i - 1 in self.mention_of \
                    or not t.text[:1].isupper():
                continue        # ('Counsel for the petitioner, X,': a post; 'the coast guard')
            name = self.name_text(t)
            # (a surname the tagger missed here of the one person the text names with it)
            owners = {a for a in self._persons if a.split()[-1] == name and a != name}
            actor, kind = (owners.pop(), "person") if len(owners) == 1 else (name, "person?")
            if t.dep_ == "ROOT":
                # 'Ocampo, a 19-year veteran, calmly acknowledged ...' parsed with the name as
                # the root and the verb hung on it: the name is the subject
                if t.i + 1 < len(self.doc) and self.doc[t.i + 1].text == "," and any(
                        c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.i > t.i + 2
                        for c in t.children):
                    self.candidates.append((t.i, actor, name, kind))
                continue
            if self._finite(t.head):
                self.candidates.append((t.i, actor, name, kind))
                if not self._main_clause(t.head):
                    self.embedded.add(t.i)
        self.candidates.sort()

    @staticmethod
    def _speaks_in_relative_clause(head) -> bool:
        """A person named as an object whose relative clause has them speak ('called Nadia
        X, a forensics analyst, who testified that ...'; the parse may hang the clause
        anywhere): a she that follows is likely them."""
        for t in head.doc[head.i + 1:head.i + 12]:
            if t.lower_ == "who":
                return t.dep_ == "nsubj" and is_cue(t.head) and t.head.i == t.i + 1 \
                    and head.doc[t.i - 1].text == ","
            if t.pos_ in ("VERB", "AUX", "PRON") or t.text in (";", ":", ".", "(", "“", '"'):
                return False
        return False

    def _collect_unnamed_sources(self) -> None:
        """Unnamed people the text reports as saying something ('One senior lecturer, who asked
        not to be named, said staff had ...'): a he/she quoted right after is that person, not
        someone named before, so the search for a name stops there."""
        added = False
        for i in self.unnamed:       # (found once, by _collect_roles)
            t = self.doc[i]
            lo = t.left_edge.i
            if lo >= 2 and self.doc[lo - 1].text == "," and lo - 2 in self.mention_of:
                continue        # 'Vestergaard, a former professor, rejected it': named
            if is_cue(t.head) and self._main_clause(t.head) and not any(
                    c[0] == i for c in self.candidates):
                self.candidates.append((i, None, self.np_text(t), "unnamed"))
                added = True
        if added:
            self.candidates.sort(key=lambda c: c[0])

    def _collect_described_subjects(self) -> None:
        """Subjects that name an actor by the role the text gave it ('The coach, as ever, is
        calm. "...," he said'): the he/she after them is that actor, not someone named further
        back. Only where the role points back to an actor introduced with it."""
        strings = self.doc.vocab.strings
        subject = numpy.isin(self._dep, [strings[d] for d in _ANTECEDENT_DEPS])
        added = False
        nouns = (self._pos == strings["NOUN"]) | (self._pos == strings["PROPN"])
        for i in numpy.flatnonzero(subject & nouns).tolist():
            t = self.doc[i]
            if t.pos_ == "PROPN" and t.lower_ not in TITLE_WORDS:
                continue    # (but 'The Premier has written ...' is a role in capitals)
            if self.in_quote[i] or i in self.mention_of or t.tag_ not in ("NN", "NNP") \
                    or not self._finite(t.head) \
                    or not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                continue
            described = self._described(t)
            if not described or described[0] is None:
                continue
            actor = described[0]
            kind = "person" if actor in self._persons else "org" if actor in self._orgs else None
            if kind is None:
                continue
            self.candidates.append((i, actor, self.np_text(t), kind))
            if not self._main_clause(t.head):
                self.embedded.add(i)
            added = True
        if added:
            self.candidates.sort()

    def _fronted_topic(self, token) -> bool:
        """A person the sentence opens on without making them its subject: 'For Luis Villanueva,
        a rancher, the numbers are not abstract', 'Ask Owen Park.' The he/she who speaks next
        is that person, not the last subject named."""
        first = self.sentence_of(token.i)[0]
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for" \
                and head.i == first and head.head.dep_ == "ROOT":
            return True
        return token.dep_ == "dobj" and head.dep_ == "ROOT" and head.i == first \
            and head.tag_ == "VB" and head.lower_ in _TOPIC_VERBS \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)

    @staticmethod
    def _noun_phrase_head(token):
        """The noun a prepositional phrase or a relative clause hangs from: the parser puts a
        name in apposition to the phrase's last noun ('The governor of the Bank of Portugal,
        Duarte Sequeira, has'; 'The company that runs the AMAs, Dick Clark Productions, denies')."""
        for _ in range(4):
            up = token.head
            if token.dep_ == "pobj" and up.dep_ == "prep" and up.head.i != up.i:
                token = up.head
            elif token.dep_ in ("dobj", "pobj", "attr") and up.dep_ in ("relcl", "acl") \
                    and up.head.pos_ in ("NOUN", "PROPN") and up.head.i < token.i:
                token = up.head
            else:
                break
        return token

    @staticmethod
    def _fragment_verb(token):
        """The verb of a sentence the parser read as a bare noun phrase, the name as its root
        and the verb hanging from it ('Maya Ortiz, a senior, admits she ...'; 'Its country
        director, Lucia Cossa - no relation - spent last week ...'): the name is its subject."""
        if token.dep_ != "ROOT" or token.pos_ not in ("NOUN", "PROPN") \
                or token.i - token.sent.start > 8:
            return None
        for c in token.children:
            if c.i > token.i and c.pos_ in ("VERB", "AUX") and c.dep_ in _FRAGMENT_VERB_DEPS:
                finite = c.tag_ in _FINITE or any(a.dep_ in ("aux", "auxpass") and a.tag_ in _FINITE
                                                  for a in c.children)
                bare_participle = c.tag_ == "VBN" and not any(
                    a.dep_ in ("aux", "auxpass") for a in c.children)
                if finite or bare_participle and not any(
                        a.dep_ in _SUBJECT_DEPS for a in c.children):
                    return c
                return None
        return None

    @staticmethod
    def _source_of_account(token) -> bool:
        """A name given as the source of the sentence ('..., according to Martin Ashdown, a
        researcher'): a later 'he said' goes on with them."""
        prep = token.head
        return token.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "according" \
            and SpeakerResolver._main_clause(prep.head.head)

    @staticmethod
    def _main_clause(verb) -> bool:
        """Is ``verb`` the sentence's own verb (or one joined to it by 'and'), rather than the
        verb of a clause inside it ('... declined to say whether Kyle slept')?"""
        for _ in range(6):
            if verb.dep_ == "ROOT" or verb.head.i == verb.i:
                return True
            if verb.dep_ != "conj":
                return False
            verb = verb.head
        return False

    @staticmethod
    def _finite(verb) -> bool:
        if verb.tag_ in _FINITE:
            return True
        if verb.tag_ in ("VB", "VBN") and verb.dep_ == "ROOT" and not any(
                c.dep_ in ("aux", "auxpass", "mark") for c in verb.children) and (
                verb.tag_ == "VB" or any(c.dep_ == "nsubj" for c in verb.children)):
            return True     # 'X put the question plainly', 'X, the director, described ...': a
            # past tense tagged as a base form or a participle
        return any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in verb.children)

    def _collect_gender(self) -> None:
        """He or she for named people: titles first (Mr, Ms, Sir, Dame), then pronouns that can
        only refer to one person named just before them."""
        votes: dict[str, Counter] = defaultdict(Counter)
        said = set()      # people the text itself calls a man or a woman
        for m, i, _ in self.mention_spans:
            for j in (i - 1, i):        # "Mr Berg" or a mention that starts with its title
                if j < 0:
                    continue
                word = self.doc[j].lower_
                if word in ("m", "m."):
                    # Monsieur, or an initial ("Chief Minister M. Vasanthi"): a weak clue
                    if not (j > 0 and self.doc[j - 1].lower_ in TITLE_WORDS):
                        votes[self._actor(m)]["m"] += 1
                elif word in MALE_TITLES:
                    votes[self._actor(m)]["m"] += 5
                elif word in FEMALE_TITLES:
                    votes[self._actor(m)]["f"] += 5
        for m, lo, hi in self.mention_spans:   # "Omar is one of the first Muslim women"
            g = self._predicated_gender(self._mention_head(lo, hi))
            if g is not None:
                votes[self._actor(m)][g] += 2
        said.update(votes)
        positions = [c[0] for c in self.candidates]
        strings = self.doc.vocab.strings
        words = [strings[w] for w in _MALE_WORDS | _FEMALE_WORDS]
        for i in numpy.flatnonzero(numpy.isin(self._lower, words)).tolist():
            t = self.doc[i]
            low = t.lower_
            g = "m" if low in _MALE_WORDS else "f" if low in _FEMALE_WORDS else None
            own = low in ("his", "her") and t.i + 1 < len(self.doc) \
                and self.doc[t.i + 1].lower_ == "own"
            if g is None or self.in_quote[t.i] or is_cue(t.head) or t.head.dep_ == "parataxis" \
                    or t.head.lower_ in FINDING_VERBS or low in ("him", "her") \
                    and t.dep_ == "nsubj" \
                    or t.dep_ not in ("nsubj", "nsubjpass") and low not in ("himself", "herself") \
                    and not own:    # 'a question of her own' is the subject's
                continue        # a quote's "he said" is what we want to resolve, not evidence;
                # "her request" may well be someone else's
            sent_start, _ = self.sentence_of(t.i)
            if any(o.lower_ in ("her", "him") and (o.lower_ == "her") == (g == "f")
                   and o.dep_ in ("dobj", "pobj", "dative") for o in self.doc[sent_start:t.i]):
                continue    # 'X, who has coached her since she was 14': she is that her
            prev_start = self.sentence_of(sent_start - 1)[0] if sent_start > 0 else 0
            k = bisect.bisect_left(positions, t.i) - 1
            same, earlier = set(), set()
            while k >= 0 and self.candidates[k][0] >= prev_start:
                owner = self.doc[self.candidates[k][0]]
                if owner.dep_ == "poss" and owner.head.lower_ in GENDERED_NOUNS:
                    pass    # "Carol Whitfield's son ... He lived": he is the son
                elif self.candidates[k][3] in ("person", "person?"):
                    (same if self.candidates[k][0] >= sent_start else earlier).add(
                        self.candidates[k][1])
                k -= 1
            if not same and t.head.dep_ == "relcl":
                # a he/she of a clause inside a sentence that names a person in another role
                # ('Critics accused Whitfield of ..., in which she is seeking'): more likely
                # that one than a subject of the sentence before
                named = self._people_named(sent_start, t.i)
                if named:
                    if len(named) == 1:
                        votes[next(iter(named))][g] += 1
                    continue
            if len(same) == 1:
                votes[next(iter(same))][g] += 2
            elif not same and len(earlier) == 1:
                votes[next(iter(earlier))][g] += 1
        for actor, v in votes.items():
            if v["m"] == v["f"]:
                continue
            g = "m" if v["m"] > v["f"] else "f"
            given = gender_of_given_name(actor.split()[0]) if " " in actor else None
            if actor not in said and abs(v["m"] - v["f"]) == 1 and given not in (None, g):
                continue    # one he/she of the sentence after 'Judge Miriam X ordered Y's
                # release' against her first name: likely someone else (the first name rules)
            self.gender[actor] = g

    def _predicated_gender(self, head) -> str | None:
        """He or she from a gendered noun the text says a name is: 'X is a mother of three',
        'X was one of the first two Muslim women elected', 'X, a businessman, ...'."""
        if self.in_quote[head.i]:
            return None
        nouns = [c for c in head.children if c.dep_ == "appos"] + self._copula_nouns(head)
        if head.dep_ == "nsubj" and head.head.lower_ in _BE:    # 'one of the ... women'
            nouns += [ccc for c in head.head.children if c.dep_ == "attr" and c.lower_ == "one"
                      for cc in c.children if cc.dep_ == "prep" and cc.lower_ == "of"
                      for ccc in cc.children if ccc.dep_ == "pobj"]
        genders = {GENDERED_NOUNS[n.lower_] for n in nouns if n.lower_ in GENDERED_NOUNS}
        genders |= {GENDERED_NOUNS[n.lower_[:-3] + "man"] for n in nouns    # women -> woman
                    if n.lower_.endswith("men") and n.lower_[:-3] + "man" in GENDERED_NOUNS}
        return genders.pop() if len(genders) == 1 else None

    def _given_name_gender(self) -> dict[str, str]:
        """He or she from a person's first name, for people the text says nothing of: a
        weaker clue than the text's own, kept apart (see resolve_pronoun)."""
        found: dict[str, str] = {}
        for m, _, _ in self.mention_spans:
            actor = self._actor(m)
            words = actor.split()
            if m.label in _PERSON_LABELS and len(words) >= 2 and actor not in self.gender:
                gender = gender_of_given_name(words[0])
                if gender:
                    found[actor] = gender
        return found

    def _collect_roles(self) -> None:
        """Role words each named actor is introduced with: 'Health Minister Graham Pell'
        (minister), 'Daniel Whitcombe, the general secretary' (secretary), 'Russian Foreign
        Ministry' (ministry), so that 'the minister' later finds its person; two-word roles
        too ('Prime Minister X': prime minister). Subjects that bring in someone unnamed ('A
        Castlegate executive said') are kept with no actor: 'the executive' after them is
        that unnamed one, not the chief executive named earlier."""
        self.posts: dict[str, set[str]] = defaultdict(set)     # actor -> posts it was given
        for m, i, hi in self.mention_spans:
            head = self._mention_head(i, hi)
            words = set()
            if m.label in _ORG_LABELS:
                words |= {w.lower().strip(".,'’") for w in m.text.split()}
            # a title inside the mention ("Cardinal Joaquim Vasconcelos" opening a sentence)
            k = i
            while k < hi and self.doc[k].lower_.rstrip(".") in TITLE_WORDS:
                words.add(self.doc[k].lower_.rstrip("."))
                if k == i and i > 0 and self.doc[i - 1].lower_ in _SUBORDINATE_POSTS:
                    # "Shadow Treasurer Alison Farrant", the tagger leaving "Shadow" out
                    words.add(f"{self.doc[i - 1].lower_} {self.doc[k].lower_.rstrip('.')}")
                k += 1
            j = i - 1
            # a place the post is "to" or "of" comes between: "ambassador to Britain Liu"
            while j >= 2 and j in self.mention_of and self.doc[j].pos_ == "PROPN" \
                    and self.doc[j - 1].lower_ in ("to", "of", "for") \
                    and self.doc[j - 2].pos_ == "NOUN" and m.label in _PERSON_LABELS:
                j -= 2
            top = j
            while j >= 0 and j >= top - 5:
                t = self.doc[j]
                if t.text == "." and j > 0 and self.doc[j - 1].lower_ in TITLE_WORDS \
                        and self.doc[j - 1].text[:1].isupper() and len(self.doc[j - 1]) <= 5:
                    j -= 1      # the period of an abbreviated title ("Det. Sgt. Luis Ocampo"),
                    continue    # not one that ends a sentence ("... behind the minister. X")
                if t.pos_ not in ("PROPN", "NOUN") or t.i in self.mention_of:
                    break
                words.add(t.lower_.rstrip("."))    # ("Sen." is a senator's post)
                if j < top and self.doc[j + 1].text != ".":
                    words.add(f"{t.lower_} {self.doc[j + 1].lower_}")
                j -= 1
            if hi + 1 < len(self.doc) and self.doc[hi + 1].text in _SILK_LETTERS:
                words.add("barrister")      # "Fiona Gallacher KC"
            nouns = [c for c in head.children if c.dep_ == "appos"]
            if m.label in _PERSON_LABELS and head.dep_ == "appos" and head.head.dep_ == "pobj" \
                    and head.head.i in self.mention_of and head.head.head.dep_ == "prep" \
                    and head.head.head.head.pos_ == "NOUN":
                # 'the senior coroner for Westshire, Alan Marchbank,' parsed with the name set
                # off from the place: the post before the place is the name's
                nouns.append(head.head.head.head)
            if head.dep_ == "appos" or head.dep_ == "conj" and head.head.pos_ == "NOUN" \
                    and not any(c.dep_ == "cc" for c in head.head.children):
                nouns.append(head.head)     # ('The state utility, the X (EPGC), has ...':
                # an apposition the parse took for a list with no "and")
            # 'Pat Simmons, the band's singer', 'Parents for Safe Contact, a group formed in
            # October' (the parse often makes the noun a second subject), 'X, who is the singer'
            nouns += [self._apposed_noun(hi), *self._copula_nouns(head)]
            for c in nouns:
                if c is not None and c.i not in self.mention_of:
                    words |= self._role_words(c)
            # "Ward, the chairwoman": only words the text uses say whether a man or a woman
            genders = {GENDERED_NOUNS[w] for w in words if w in GENDERED_NOUNS}
            if m.label in _PERSON_LABELS and len(genders) == 1:
                self.gender.setdefault(self._actor(m), genders.pop())
            for c in head.children:
                if c.dep_ == "relcl" and c.lower_ in ROLE_VERBS and all(
                        d.lower_ in ("who", "that") for d in c.children
                        if d.dep_ in ("nsubj", "nsubjpass")):
                    # "who chairs the FRA" (not "whose team-mate now manages the club")
                    if c.lower_ in ("represents", "represented") and any(
                            d.dep_ == "dobj" and (d.lower_ in _CLIENTS or d.lower_ in GENDERED_NOUNS
                                                  or d.lower_[:-1] in GENDERED_NOUNS
                                                  or self.is_person(d)) for d in c.children):
                        # "who represents the two younger siblings"; after "X, of the law firm
                        # Y, who represents ...", the parse hangs the clause on the firm
                        person = head.head.head if head.dep_ == "pobj" \
                            and head.head.lower_ == "of" else head
                        if self.is_person(person) and person.i in self.mention_of:
                            self.roles["lawyer"].append(
                                (person.i, self._actor(self.mention_of[person.i])))
                        continue
                    words.update(ROLE_VERBS[c.lower_])
                    # "who leads the county's government": the county leader
                    owned = [o for d in c.children if d.dep_ == "dobj" for o in (d, *d.children)
                             if o.dep_ in ("dobj", "poss", "compound") and o.pos_ in
                             ("NOUN", "PROPN") and o.i not in self.mention_of]
                    words.update(f"{o.lower_} {r}" for o in owned for r in ROLE_VERBS[c.lower_])
            # a deputy governor is not "the governor", a former minister not "the minister",
            # nor the deputy governor "the deputy"; but one introduced as a deputy ("the
            # provincial deputy for nature", a Dutch province's executive) is "the deputy"
            under = {w for w in words if " " in w and w.split(" ", 1)[0] in _SUBORDINATE_POSTS}
            words -= {w.split(" ", 1)[1] for w in under} | {w.split(" ", 1)[0] for w in under}
            words -= _SUBORDINATE_POSTS - {"deputy"}
            # an attorney general is no "attorney", a surgeon general no "surgeon"
            words -= {w.split(" ", 1)[0] for w in words if w.endswith(" general")}
            for w in sorted(words):
                self.roles[w].append((head.i, self._actor(m)))
            if m.label in _PERSON_LABELS:
                self.posts[self._actor(m)] |= words & _POSTS
        self.unnamed = self._unnamed_subjects()
        for i in self.unnamed:
            for w in self._role_words(self.doc[i]):
                self.roles[w].append((i, None))
        for options in self.roles.values():
            options.sort(key=lambda o: o[0])

    @staticmethod
    def _role_words(noun) -> set[str]:
        """A role noun as a role word, and with the noun run into it ('chief executive')."""
        words = {noun.lower_}
        if noun.i > 0:
            before = noun.doc[noun.i - 1]
            if before.head.i == noun.i and before.dep_ in ("compound", "amod") \
                    and before.pos_ in ("NOUN", "ADJ", "PROPN"):
                words.add(f"{before.lower_} {noun.lower_}")
        # "the union's leader": the union leader (not "the county leader")
        words |= {f"{c.lower_} {noun.lower_}" for c in noun.children
                  if c.dep_ == "poss" and c.pos_ == "NOUN"}
        return words

    def _apposed_noun(self, hi: int):
        """The head noun of a description set off by a comma right after a name ('Pat Simmons,
        the band's singer, ...'; 'X, a Berlin-based campaign group'), however it was parsed;
        None if a name or anything but a description follows."""
        doc = self.doc
        if hi + 2 >= len(doc) or doc[hi + 1].text != "," or self.in_quote[hi + 1]:
            return None
        window = []
        for t in doc[hi + 2:hi + 10]:
            if t.text in _NP_STOPS or t.pos_ in ("ADP", "CCONJ", "SCONJ", "VERB", "AUX") \
                    and doc[t.i - 1].text != "-" or t.pos_ == "PRON" and t.dep_ != "poss":
                break
            window.append(t)
        if not window or not (window[0].lower_ in ("a", "an", "the", "its", "his", "her",
                                                   "their")
                              or any(t.lower_ in ("'s", "’s") for t in window)):
            return None
        nouns = [t for t in window if t.pos_ == "NOUN"
                 and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("'s", "’s"))]
        if not nouns:
            return None
        noun = nouns[-1]
        if noun.dep_ in _ANTECEDENT_DEPS and noun.head.i > noun.i and not any(
                c.dep_ in _ANTECEDENT_DEPS and c.i <= hi for c in noun.head.children):
            return None     # 'in Afghanistan, the US military said': a new clause's subject
        return noun

    def _name_set_off_after(self, noun):
        """A person's name set off by commas right after a described noun ("his aunt, Jane
        Starner, ..."), which the parser did not attach as an apposition; None if anything
        else follows."""
        doc, i = self.doc, noun.i
        if noun.pos_ != "NOUN" or not any(c.dep_ in ("det", "poss") for c in noun.children) \
                or i + 2 >= len(doc) or doc[i + 1].text != "," or self.in_quote[i + 2]:
            return None
        first = doc[i + 2]
        m = self.mention_of.get(first.i)
        if m is None or not self.is_person(first) or self.mention_of.get(i + 1) is m:
            return None
        end = first.i
        while end + 1 < len(doc) and self.mention_of.get(end + 1) is m:
            end += 1
        after = doc[end + 1].text if end + 1 < len(doc) else "."
        return doc[end] if after in (",", ".", ";", ":", "“", "\"") or after.isspace() else None

    @staticmethod
    def _copula_nouns(head) -> list:
        """'X, who is the singer', 'X is the band's singer': the noun the name is said to be."""
        verbs = [c for c in head.children if c.dep_ == "relcl" and c.lower_ in _BE]
        if head.dep_ == "nsubj" and head.head.lower_ in _BE:
            verbs.append(head.head)
        return [c for v in verbs for c in v.children if c.dep_ == "attr" and c.pos_ == "NOUN"]

    def _unnamed_subjects(self) -> list[int]:
        """Subjects that bring in a person the text does not name: 'A Castlegate executive,
        speaking on condition of anonymity, said' (not 'a group', not 'A spokesman, Tom Berg,')."""
        strings = self.doc.vocab.strings
        subject = numpy.isin(self._dep, [strings[d] for d in _ANTECEDENT_DEPS])
        found = []
        for i in numpy.flatnonzero(subject & (self._pos == strings["NOUN"])).tolist():
            t = self.doc[i]
            if self.in_quote[i] or i in self.mention_of or t.lower_ in ORG_NOUNS | DOCUMENTS \
                    | SPEECH_NOUNS | SPOKESPEOPLE | _GROUP_NOUNS or t.tag_ != "NN" \
                    or not any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one",
                                                                              "another")
                               for c in t.children):
                continue
            if any(self.mention_of.get(k) is not None or self.doc[k].pos_ == "PROPN"
                   for c in t.children if c.dep_ in ("appos", "acl") for k in
                   range(c.left_edge.i, c.right_edge.i + 1)):
                continue        # 'A spokesman, Tom Berg,', 'a farmer named Tom Berg'
            found.append(i)
        return found

    # ---------- resolution ----------

    def name_text(self, token) -> str:
        """A proper name with its compound parts ('Marcus Teo', 'United Nations High
        Commissioner') and, for an office, what it is of ('... for Human Rights')."""
        lo = token.i
        while lo > 0 and self.doc[lo - 1].pos_ == "PROPN" \
                and lo - 1 < self.doc[lo - 1].head.i <= token.i:
            lo -= 1
        hi = token.i
        if token.lower_ in OFFICE_NOUNS:
            prep = next((c for c in token.children if c.dep_ == "prep" and c.i == token.i + 1
                         and c.lower_ in ("for", "of", "on")), None)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
            if pobj is not None and pobj.pos_ == "PROPN" and not self.in_quote[pobj.i]:
                hi = pobj.i
        return self.doc[lo:hi + 1].text

    def np_text(self, token) -> str:
        """The words naming a speaker, without appositives or relative clauses."""
        keep = [token]
        stack = [token]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in ("appos", "relcl", "acl", "punct", "cc", "conj", "parataxis",
                              "advcl", "ccomp"):
                    continue
                if t is token and c.i > token.i and c.dep_ not in ("prep", "amod", "pobj",
                                                                       "compound"):
                    continue
                keep.append(c)
                stack.append(c)
        idx = sorted(t.i for t in keep)
        lo, hi = idx[0], idx[-1]
        for i in range(token.i, hi + 1):        # stop at the first comma after the head
            if self.doc[i].text in (",", "—", "–", "(") and i > token.i or self.in_quote[i]:
                hi = i - 1
                break
        for i in range(token.i, lo - 1, -1):    # and never reach back into a quotation
            if self.in_quote[i] or self.doc[i].text in _NP_STOPS:
                lo = i + 1
                break
        return self.doc[lo:max(lo, hi) + 1].text.strip()

    def subject_of(self, cue):
        """The subject of a reporting cue, climbing into the clause it depends on if needed."""
        if cue.lower_ == "according":
            for c in cue.children:
                if c.lower_ == "to":
                    for cc in c.children:
                        if cc.dep_ == "pobj":
                            return cc
            nxt = cue.i + 1
            if nxt + 1 < len(self.doc) and self.doc[nxt].lower_ == "to":
                return self.doc[nxt + 1] if self.doc[nxt + 1].dep_ != "punct" else None
            return None
        v = cue
        # ('calling for "technical cooperation"' demands; it labels nothing)
        label = cue_base(cue) in LABEL_VERBS and not any(
            c.dep_ == "prep" and c.lower_ == "for" for c in cue.children)
        if cue.i > 0 and not any(c.dep_ in _SUBJECT_DEPS for c in cue.children):
            before = self.doc[cue.i - 1]
            if self._age_words(before):
                return before   # 'The 48-year-old told ...' parsed as a modifier
            if cue.dep_ == "ROOT" and before.i in self.mention_of and self.is_person(before):
                return before   # 'chairman, CEO and president Craig Menear said', misparsed
            if cue.dep_ == "acl" and cue.head.i == before.i and before.dep_ == "ROOT" \
                    and before.pos_ == "PROPN":
                return before   # 'Okafor called the vote "..."' parsed as a name the root
            host = self._cue_of_misparsed_clause(cue)
            if host is not None:
                return self.subject_of(host)
            root = cue.sent.root
            if cue.dep_ == "acl" and root.i < cue.i and root.pos_ in ("NOUN", "PROPN") \
                    and before.is_punct and (cue.tag_ in ("VBD", "VBZ", "VBP") or not any(
                        t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not self.in_quote[t.i]
                        for t in cue.sent) or any(
                        c.dep_ == "appos" and c.right_edge.i + 1 == before.i
                        for c in root.children)):
                # 'Its leader, X, who is not related to the chief executive, called the cut
                # "..."': the finite verb hung on the relative clause's last noun; the
                # sentence has no verb of its own, so its subject is the sentence's root
                # (also 'The letter, later leaked, called Nadia "..."', read as a participle;
                # and 'The report's author, Dr X, conceded ...', 'Greyline Capital, a hedge
                # fund that has bet ..., called NeuVelix "..."': a described name the root)
                return root
            for clause in cue.children:
                subs = [c for c in clause.children if c.dep_ in _SUBJECT_DEPS and c.i < clause.i]
                if clause.dep_ == "ccomp" and clause.i < cue.i and len(subs) >= 2 and any(
                        t.tag_ in ("WP", "WP$") for t in self.doc[subs[0].i:subs[-1].i]):
                    # 'Its founder, X, whose son died ..., said': the relative clause read as
                    # what was said, with two subjects; the first is the speaker
                    return subs[0]
            if cue.dep_ in ("aux", "auxpass"):
                # 'Asked about X, a spokesperson for Y said ...': the verb taken for an
                # auxiliary of the opening participle; its speaker is the phrase before it
                t = before
                while t.dep_ in ("pobj", "prep") and t.head.i < t.i:
                    t = t.head
                if t.pos_ in ("NOUN", "PROPN"):
                    return t
        for _ in range(5):
            if v.lower_ in ("quoted", "quotes", "quote") and any(
                    c.lower_ == "as" for c in v.children):
                # "X was quoted as saying" / "The Times quoted X as saying": X speaks
                quoted = [c for c in v.children if c.dep_ in ("nsubjpass", "dobj")]
                if quoted:
                    return quoted[0]
            subs = [c for c in v.children if c.dep_ in _SUBJECT_DEPS]
            if subs:
                # two subjects is a misparse of a description before a name ('Wikileaks
                # editor-in-chief Kristinn Hrafnsson said'): the name is the one by the verb
                # (a person, or a post set off by the person's name, before a place the
                # parse also made a subject: 'At Castlebridge, ..., the vice-chancellor,
                # Professor X, wrote')
                s = max(subs, key=lambda c: (len(subs) > 1 and any(
                    self.is_person(p) for p in (c, *c.children) if p is c or p.dep_ == "appos"),
                    c.i in self.mention_of or c.pos_ == "PROPN", c.i < v.i, -abs(v.i - c.i)))
                named = self.person_before_verb(v, s.i)
                if named is not None:   # 'In Melun, south-east of Paris, Sandrine Lebrun, a
                    return named        # nurse, said' with "east" parsed as the subject
                if s.tag_ in ("WP", "WDT") and v.dep_ == "conj" and v.head.dep_ == "relcl":
                    v = v.head      # '..., a member who is no relation and who had told ...'
                if s.tag_ in ("WP", "WDT") and v.dep_ == "relcl":
                    host = v.head
                    if host.dep_ == "appos" and host.i not in self.mention_of \
                            and host.head.i in self.mention_of:
                        return host.head    # 'Tove Lindqvist, the minister, who said'
                    if s.lower_ == "who" and host.i in self.mention_of \
                            and self.mention_of[host.i].label in _ORG_LABELS:
                        # 'X, the head of the BPMG, who described ...': the clause hangs on the
                        # body's name; "who" is the person the description is of
                        up = host
                        for _ in range(4):
                            if up.dep_ not in ("pobj", "prep", "appos") or up.head is up:
                                break
                            up = up.head
                            if self.is_person(up):
                                return up
                    return host
                if s.dep_ == "csubj":
                    named = self._name_in_opening_participle(v)
                    if named is not None:
                        return named
                return s
            named = self._adverb_subject(v)
            if named is not None:
                return named
            agents = [c for c in v.children if c.dep_ == "agent"]
            if agents:
                pobj = [c for c in agents[0].children if c.dep_ == "pobj"]
                if pobj:
                    return pobj[0]
            named = self._name_before_aside(v) or self._name_in_opening_participle(v)
            if named is not None:
                return named
            hung = self._object_of_opening_clause(v)
            if hung is not None:
                return hung
            if v.dep_ == "acl" and v.head.lower_ in DOCUMENTS | SPEECH_NOUNS and not label:
                noun = v.head           # "a statement saying ...": whoever issued it
                for c in noun.children:
                    if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                        pobj = [cc for cc in c.children if cc.dep_ == "pobj"]
                        if pobj:
                            return pobj[0]
                if noun.head is noun:
                    return None
                v = noun.head
                if v.dep_ == "prep" and v.head is not v:
                    v = v.head
                continue
            if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.dep_ == "pobj" \
                    and v.head.head.lower_ == "to" and is_cue(v.head.head.head):
                v = v.head.head.head    # 'he wrote to students promising ...': the writer
                continue
            if v.dep_ == "acl" and v.tag_ == "VBG" and not label and v.head.i < v.i \
                    and self._people_noun(v.head, v.i):
                return v.head           # 'a series of South Dakotans ... declaring, "..."'
            if v.dep_ == "pcomp" and v.head.lower_ == "as" and v.head.head is not v.head:
                v = v.head.head         # "quoted X as saying"
                continue
            if self._joined_to_subordinate(v):
                v = v.head.head         # 'X has lived there since the airport opened and says'
                continue
            if v is cue and self._joined_to_reported_clause(v):
                v = v.head.head         # 'X said the return would "..." and thanked them'
                continue
            if label and not self._labels_something(cue) or v.dep_ not in _SUBJECT_FROM_HEAD \
                    or v.head is v:
                return None
            v = v.head
        return None

    @staticmethod
    def finite_on_noun_root(cue) -> bool:
        """'ADEK's president, Orhan Yildirim, conceded that ...' parsed with "president" the
        root and the finite verb a modifier of it: the verb is the sentence's own."""
        root = cue.head
        return cue.dep_ == "acl" and root.dep_ == "ROOT" and root.pos_ in ("NOUN", "PROPN") \
            and root.i < cue.i and cue.tag_ in ("VBD", "VBZ", "VBP") \
            and cue.i > 0 and cue.doc[cue.i - 1].is_punct

    def _cue_of_misparsed_clause(self, verb):
        """'X, the president, conceded that the night had been "..." and promised to "..."'
        parsed with the that-clause hung on the root noun and "promised" joined to it: the
        second verb goes with the reporting verb before the clause, not the clause's subject."""
        head = verb.head
        if verb.dep_ != "conj" or head.dep_ != "acl" or not any(
                c.dep_ == "mark" and c.lower_ == "that" for c in head.children):
            return None
        return next((c for c in head.head.children if c.i < head.i and is_cue(c)
                     and self.finite_on_noun_root(c)), None)

    def _joined_to_reported_clause(self, verb) -> bool:
        """A reporting verb the parse joined to the clause another reporting verb reports,
        whose subject is a thing that cannot speak ('Sophal said the return would "close a
        wound" and thanked the museum'): it is that other verb's second action."""
        head = verb.head
        if verb.dep_ != "conj" or head.dep_ != "ccomp" or not is_cue(head.head):
            return False
        subject = next((c for c in head.children if c.dep_ in _SUBJECT_DEPS), None)
        return subject is not None and subject.pos_ == "NOUN" \
            and not self._people_noun(subject, subject.i + 1)

    def _people_noun(self, noun, before: int) -> bool:
        """Does the noun phrase (up to token ``before``) name people who can speak: a name, a
        group ('protesters'), or a word for them with a name in it ('a series of South
        Dakotans'), not a thing ('advertisements promising ...')?"""
        if noun.pos_ not in ("NOUN", "PROPN"):
            return False
        return noun.i in self.mention_of or noun.lower_ in _GROUP_NOUNS or any(
            t.i in self.mention_of or t.pos_ == "PROPN" for t in noun.subtree if t.i < before)

    @staticmethod
    def _joined_to_subordinate(verb) -> bool:
        """A verb the parse coordinated with a subordinate clause's verb of another tense ('Irene
        Carmody has lived there since the airport opened and says she ...'): it goes with the
        main clause, whose subject is its own, not the subordinate clause's."""
        head = verb.head
        if verb.dep_ != "conj" or head.dep_ != "advcl" or head.head is head \
                or not any(c.dep_ == "mark" for c in head.children):
            return False
        tenses = {"VBD": "past", "VBZ": "present", "VBP": "present"}
        return verb.tag_ in tenses and head.tag_ in tenses and tenses[verb.tag_] != tenses[head.tag_]

    @staticmethod
    def _object_of_opening_clause(verb):
        """'As we have noted, a study by X concluded that ...', parsed with the study as the
        object of 'noted' and no subject for 'concluded': the noun phrase that ends right
        before the verb is its subject."""
        doc = verb.doc
        for c in verb.children:
            if c.dep_ != "advcl" or c.i > verb.i:
                continue
            for o in c.children:
                if o.dep_ == "dobj":
                    j = o.right_edge.i + 1
                    while j < verb.i and doc[j].is_punct:
                        j += 1
                    if j == verb.i:
                        return o
        return None

    def _name_in_opening_participle(self, verb):
        """'Speaking on a call on Thursday, McAllister, the chief executive, said': the parse
        hangs the name on the opening participle's last noun as an apposition (the participle
        then reads as the subject, or the verb has none); the speaker is the person set off
        last before the verb."""
        for opener in verb.children:
            if opener.dep_ in ("csubj", "advcl") and opener.tag_ == "VBG" and opener.i < verb.i:
                named = [t for t in opener.subtree if t.dep_ == "appos" and t.i < verb.i
                         and t.i in self.mention_of and self.is_person(t)]
                if named:
                    return named[-1]
        return None

    def _name_before_aside(self, verb):
        """A finite verb after a comma that the parser hung on a noun ('Dr Vidal, a
        hydrogeologist, called the figures "plausible"', 'Sequeira, who is careful not to
        comment on legislation, called the plan "consistent"', with 'called' a modifier of
        'hydrogeologist' or 'legislation'): the name the aside describes is its subject."""
        if verb.tag_ not in ("VBD", "VBZ") or verb.i == 0 or self.doc[verb.i - 1].text != ",":
            return None
        if verb.dep_ == "ROOT":
            return self._name_before_verbless_aside(verb)
        if verb.dep_ not in ("acl", "relcl"):
            return None
        t = verb.head
        for _ in range(8):
            if (t.i in self.mention_of or t.pos_ == "PROPN") and not self.in_quote[t.i] \
                    and t.dep_ in ("ROOT", "nsubj", "nsubjpass"):
                return t
            if t.head.i == t.i:
                return None
            t = t.head
        return None

    def _verb_after_name(self, name):
        """The finite verb right after a person's name and its aside, when the parse gave the
        verb an earlier word for its subject ('In Melun, south-east of Paris, Sandrine Lebrun, a
        nurse, said ...' with "east" the subject and the name a conjunct of "Paris")."""
        end = max([name.right_edge.i if name.dep_ != "compound" else name.i]
                  + [c.right_edge.i for c in name.children if c.dep_ == "appos"])
        k = end if self.doc[end].text == "," else end + 1     # (the parse may end it on the comma)
        m = self.mention_of.get(name.i)
        if k + 1 >= len(self.doc) or self.doc[k].text != "," or name.dep_ in _ANTECEDENT_DEPS \
                or name.dep_ in ("pobj", "dobj") or m is None or m.label not in _PERSON_LABELS \
                or any(c.dep_ in ("conj", "cc") for c in name.children):   # (a list's member)
            return None     # (not 'One senior consultant at Aldbridge Royal Infirmary, who ...',
            # nor 'In a letter to Kevin Marsh, who was the minister, said they would ...')
        verb = self.doc[k + 1]
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        if verb.tag_ not in ("VBD", "VBZ") or self.in_quote[verb.i] or any(
                c.i > name.i or c.pos_ != "NOUN" or c.i in self.mention_of for c in subjects):
            return None     # (no subject at all: 'In Melun, Sandrine Lebrun, a nurse, said')
        return verb

    def _subject_hung_on_participle(self, subj) -> bool:
        """The sentence's subject parsed as the subject of a participle in its aside, the
        sentence's own verb left without one ('Łukasz Wójcik, a judge in Kraków appointed in
        2020 on the council's recommendation, has spent four years ...', with the name the
        subject of "appointed"; 'Chief Emeka Nwosu, the Senior Advocate of Nigeria leading
        the case, said ...', of "leading"): the name is who a he or she after it may be."""
        verb = subj.head
        root = verb.head
        return (subj.dep_ in _ANTECEDENT_DEPS and verb.tag_ in ("VBN", "VBG")
                and verb.dep_ in ("parataxis", "advcl", "ccomp") and root.dep_ == "ROOT"
                and subj.i < verb.i < root.i and self._finite(root)
                and not self.in_quote[root.i]
                and not any(c.dep_ in _SUBJECT_DEPS | _ANTECEDENT_DEPS | {"expl"}
                            for c in root.children))

    def person_before_verb(self, verb, lo: int):
        """The person named after token ``lo`` whose verb ``verb`` is, though the parse gave the
        verb another subject or none ('Outside the branch on Monday, Murat, 34, a baker, was
        angrier ...', with the name set off from "Monday"; see _verb_after_name)."""
        return next((self.doc[j] for j in range(verb.i - 2, max(lo, -1), -1)
                     if j in self.mention_of and self.is_person(self.doc[j])
                     and getattr(self._verb_after_name(self.doc[j]), "i", None) == verb.i), None)

    def _name_before_verbless_aside(self, verb):
        """'..., though Chief Electoral Officer Marc Boudreau, no relation to the opposition
        leader, noted that ...', parsed with 'noted' the root and no subject: the person named
        right before asides that have no verb of their own, or only one inside a relative
        clause ('Rachel Whitmore, chief executive of Meridale, whose own vaccine is behind,
        said')."""
        doc = self.doc
        named = self.person_before_verb(verb, verb.i - 14)
        if named is not None:
            return named    # 'In Melun, Sandrine Lebrun, a nurse, said' (the name an apposition)
        name = doc[verb.i - 2] if verb.i >= 2 else None
        if name is not None and name.dep_ == "appos" and name.i in self.mention_of \
                and self.is_person(name) and not self.in_quote[name.i] \
                and name.head.pos_ == "NOUN" and name.head.i < name.i:
            return name     # 'Outside the courtroom, Kessel’s wife, Amy Kessel, said'
        verbs = False       # the aside being read has a verb (allowed in a 'who/whose' clause)
        for k in range(verb.i - 2, max(0, verb.i - 32), -1):
            t = doc[k]
            if self.in_quote[k]:
                return None
            if t.pos_ in ("VERB", "AUX"):
                verbs = True
            elif t.lower_ in _RELATIVE_WORDS and doc[k - 1].text == ",":
                verbs = False   # '..., whose own vaccine is years behind, said'
            if t.text == ",":
                if verbs:
                    return None
                name = doc[k - 1] if k > 0 else None
                if name is not None and name.i in self.mention_of and self.is_person(name) \
                        and name.dep_ in ("nsubj", "nsubjpass", "ROOT"):
                    return name         # (not 'a letter to X and Alex Azar, the secretary,')
                if name is None or not (name.i in self.mention_of or name.pos_ in
                                        ("NOUN", "PROPN")):
                    return None
        return None

    @staticmethod
    def _labels_something(verb) -> bool:
        """A label verb with the thing it labels ('called the plan "a sham"', 'described it as
        "X"'): someone's words, so its subject may come from the clause it hangs on ('Teo said
        ..., but described the plan as "X"'); 'a group called "Y"' names a thing instead."""
        return any(c.dep_ in ("dobj", "oprd") or c.dep_ == "prep" and c.lower_ == "as"
                   for c in verb.children)

    def _adverb_subject(self, verb):
        """A name the parser took for an adverb of the verb after it ('..., but Early still
        says', 'Cirrusly says') or for a compound of it ('Kestenbaum disputes that reading'):
        the verb's subject when it has no other."""
        adverbs = [c for c in verb.children if c.i < verb.i and (
            c.dep_ in ("advmod", "npadvmod")
            or c.dep_ == "compound" and c.i == verb.i - 1 and verb.tag_ in ("VBZ", "VBD"))]
        adverbs += [cc for c in adverbs for cc in c.children     # 'Early still says'
                    if cc.i < c.i and cc.dep_ in ("advmod", "npadvmod")]
        for c in adverbs:
            if not self.in_quote[c.i]:
                m = self.mention_of.get(c.i)
                if m is not None and (m.label in _PERSON_LABELS or m.label == "ORG") \
                        and verb.pos_ in ("VERB", "AUX") \
                        and not any(cc.dep_ in _SUBJECT_DEPS for cc in verb.children):
                    return c
        return None

    def resolve(self, token, confidence: float = 0.9, depth: int = 0) -> Attribution:
        """The actor a subject ``token`` names, or an unnamed speaker with its words."""
        text = self.np_text(token)
        m = self.mention_of.get(token.i)
        if m is not None and token.pos_ != "PRON" and not self._demonym_epithet(token):
            return Attribution(self._actor(m), text, confidence, token.i)
        if token.lower_.rstrip(".") in TITLE_WORDS and token.i + 2 < len(self.doc):
            # 'said Hon. Caleb Langat': the title the parse made the subject, the name after it
            after = token.i + (2 if self.doc[token.i + 1].text == "." else 1)
            named = self.mention_of.get(after)
            if named is not None and named.label in _PERSON_LABELS:
                return Attribution(self._actor(named), text, confidence, after)
        if token.lower_.rstrip(".") in GENERATIONS and token.i > 0 \
                and token.i - 1 in self.mention_of:     # "Tavares Sr." split by the parse
            return Attribution(self._actor(self.mention_of[token.i - 1]), text, confidence,
                               token.i - 1)
        if token.pos_ == "PROPN":
            # 'said Romesh Wijeratne PC': letters after a name the parse made its head
            inner = next((c for c in token.children if c.dep_ == "compound" and c.i < token.i
                          and c.i in self.mention_of and self.is_person(c)), None)
            if inner is not None:
                return Attribution(self._actor(self.mention_of[inner.i]), text, confidence,
                                   inner.i)
        low = token.lower_
        if token.pos_ == "PRON" or low in _MALE_WORDS | _FEMALE_WORDS | _ORG_PRONOUNS:
            return self.resolve_pronoun(token, confidence)
        for c in token.children:        # "Its chair, Bernadette Quinlan"
            if c.dep_ == "appos":
                cm = self.mention_of.get(c.i)
                if cm is not None:
                    return Attribution(self._actor(cm), self.np_text(c), confidence, c.i)
                # "chairman, CEO and president Ilse Varga": the name ends the list of titles
                named = next((x for x in c.subtree if x.dep_ == "conj" and x.head.i == c.i
                              and x.i in self.mention_of and self.is_person(x)), None)
                if named is not None:
                    return Attribution(self._actor(self.mention_of[named.i]),
                                       self.np_text(named), confidence, named.i)
                inner = next((x for x in c.children if x.dep_ == "compound"
                              and x.i in self.mention_of and self.is_person(x)), None)
                if inner is not None:   # ('its chair, Harriet Connaughton KC,')
                    return Attribution(self._actor(self.mention_of[inner.i]), self.np_text(c),
                                       confidence, inner.i)
                if c.pos_ == "PROPN" and c.lower_ not in TITLE_WORDS:
                    return Attribution(self.name_text(c), self.np_text(c), confidence * 0.9, c.i)
        named = self._name_opening_before(token)
        if named is not None:   # 'Cirrusly, the cloud provider whose ..., says' parsed apart
            return Attribution(self._actor(self.mention_of[named.i]), self.np_text(token),
                               confidence * 0.9, named.i)
        named = self._name_set_off_after(token)
        if named is not None:       # "according to his aunt, Jane Starner," parsed apart
            return Attribution(self._actor(self.mention_of[named.i]), self.np_text(named),
                               confidence * 0.9, named.i)
        named = self._name_after_verb_before_role(token)
        if named is not None:       # 'said Gwon Tae-sik, Seo's lead counsel' parsed apart
            return Attribution(self._actor(self.mention_of[named.i]), self.np_text(named),
                               confidence * 0.9, named.i)
        if depth < 2 and low in SPEECH_NOUNS | DOCUMENTS:   # "Berg's verdict was short:"
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ != "PRON" or owner is not None \
                    and owner.lower_ in ("his", "her", "its", "their"):
                inner = self.resolve(owner, confidence * 0.9, depth + 1)
                if inner.speaker is None and owner.pos_ == "PRON" and low in DOCUMENTS:
                    # 'Its statement declared' with no 'it' the pronoun rules find: whoever
                    # issued the statement before, else (for 'its') the body just named
                    author = self._author_of(token)
                    if author is not None:
                        return Attribution(author[0], text, confidence * 0.5, token.i)
                    org = self._nearest_org(token) if owner.lower_ == "its" else None
                    if org is not None:
                        return Attribution(org, text, confidence * 0.5, token.i)
                return Attribution(inner.speaker, text, inner.confidence, token.i)
        if depth < 2 and low in ADVOCATES and any(c.dep_ == "poss" for c in token.children):
            # 'Darko's agent said': the agent the text names in that role ('His agent, Kofi
            # Mensah, ...'); an agent or lawyer it never names speaks for the client (below)
            found = self._described(token) or self._named_in_role(token)
            if found is not None and found[0] is not None and found[0] not in self._orgs:
                return Attribution(found[0], text, confidence * found[1], token.i)
        if depth < 2 and low in _SPEAKING_OFFICES:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None:   # "Pruitt's office said": the office speaks for Pruitt
                inner = self.resolve(owner, confidence * 0.95, depth + 1)
                if inner.speaker is not None:
                    return Attribution(inner.speaker, text, inner.confidence, token.i)
        if depth < 2 and low in SPOKESPEOPLE:
            principal = self._principal(token)
            if principal is None and any(c.dep_ == "det" and c.lower_ == "the"
                                         for c in token.children):
                # 'the spokesman said' after 'Gao Lixin, a spokesman for the ministry, ...':
                # the person the text named in that role
                found = self._described(token)
                if found is not None and found[0] in self._persons:
                    return Attribution(found[0], text, confidence * found[1], token.i)
            if principal is not None:
                inner = self.resolve(principal, confidence * 0.95, depth + 1)
                return Attribution(inner.speaker, text, inner.confidence, token.i)
            org = self._org_of_kind(token) or (
                self._nearest_org(token) if low not in ("lawyer", "lawyers", "attorney",
                                                        "attorneys", "agent") else None)
            if org is not None:     # 'CBP declined. A spokesperson said ...': the body just named
                return Attribution(org, text, confidence * 0.6, token.i)
            return Attribution(None, text, confidence * 0.8, token.i)
        determiner = next((c.lower_ for c in token.children if c.dep_ in ("det", "poss")), "")
        if self._demonym_epithet(token):
            # 'the Dane told the podcast': the person the sentence before is about, else the
            # one a he/she would be
            subject = self._subject_of_sentence_before(token)
            if subject is not None and subject in self._persons:
                return Attribution(subject, text, confidence * 0.6, token.i)
            found = self.resolve_pronoun(token, confidence * 0.8, want_person=True)
            return Attribution(found.speaker, text, found.confidence, token.i)
        # (a lower-case word the tagger calls a proper noun, "one shop steward", is no name;
        # "the French foreign ministry" is)
        # ('the MEP', 'one opposition MP': a post in capitals, a role below, not a name; but
        # 'the United Nations High Commissioner for Human Rights' is one)
        role_in_caps = low in TITLE_WORDS and not any(
            c.dep_ == "prep" or c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
            and c.lower_ not in TITLE_WORDS for c in token.children)   # ('the Chief Minister')
        if not role_in_caps and determiner == "the" and low in TITLE_WORDS and any(
                f"{c.lower_} {low}" in self.roles for c in token.children
                if c.dep_ == "compound" and c.i == token.i - 1):
            role_in_caps = True     # 'the Opposition Leader' after 'Opposition Leader X'
        if low in TITLE_WORDS and token.pos_ == "PROPN":
            # 'Leader of the Opposition Thomas Kuriakose said': the name ends the title
            # ('Counsel for the petitioner, Faith Ndung’u, said': the name set off after it)
            named = next((q for c in token.children if c.dep_ == "prep" for p in c.children
                          if p.dep_ == "pobj"
                          for q in (p, *(a for a in p.children if a.dep_ == "appos"))
                          if q.i in self.mention_of and self.is_person(q)), None)
            if named is not None:
                return Attribution(self._actor(self.mention_of[named.i]), text, confidence,
                                   named.i)
        if not role_in_caps and token.pos_ == "PROPN" and (token.text[:1].isupper() or any(
                c.text[:1].isupper() for c in token.children
                if c.dep_ in ("compound", "amod", "poss"))) or (
                token.text[:1].isupper() and not token.is_sent_start and not determiner
                and token.pos_ == "NOUN" and low not in _GROUP_NOUNS):
            return Attribution(self.name_text(token), text, confidence * 0.85, token.i)
        if token.pos_ == "NOUN":        # 'The chief executive of Harwick, Dana Whitfield,'
            named = next((cc for c in token.children if c.dep_ == "prep" for p in c.children
                          if p.dep_ == "pobj" for cc in p.children if cc.dep_ == "appos"
                          and self.is_person(cc) and self.mention_of.get(cc.i)), None)
            if named is not None:
                m = self.mention_of[named.i]
                return Attribution(self._actor(m), self.np_text(named), confidence, named.i)
            # 'DBS director of news Peter Krogh': a title run into the name (not 'the
            # daughter of Peter Krogh')
            titled = next((p for c in token.children if c.dep_ == "prep" for p in c.children
                           if p.dep_ == "pobj" and self.is_person(p) and self.mention_of.get(p.i)
                           and any(cc.dep_ == "compound" and cc.pos_ == "NOUN"
                                   and cc.i not in self.mention_of for cc in p.children)), None)
            if titled is not None:
                return Attribution(self._actor(self.mention_of[titled.i]), text, confidence,
                                   titled.i)
        age = self._age_words(token)
        if age:
            text = age
            found = self._person_of_age(token, text) or self._most_salient_person(token)
            if found is None:
                found = self.resolve_pronoun(token, confidence, want_person=True).speaker
            return Attribution(found, text, confidence * 0.6, token.i)
        if depth < 2 and low in DOCUMENTS | SPEECH_NOUNS | INQUIRIES:  # "a statement from X",
            source = self._document_source(token)   # "the report, published by the Audit Office,"
            if source is not None:
                inner = self.resolve(source, confidence * 0.9, depth + 1)
                if inner.speaker is None and low in DOCUMENTS \
                        and determiner in ("the", "this", "that"):
                    # 'the letter signed by seven physicians': the letter named before, whose
                    # author the text gave there
                    author = self._author_of(token)
                    if author is not None:
                        return Attribution(author[0], text, 0.5, token.i)
                return Attribution(inner.speaker, text, inner.confidence, token.i)
        if depth < 2 and low in DOCUMENTS and determiner in ("the", "this", "that", "its",
                                                              "his", "her", "their"):
            author = self._author_of(token)
            if author is not None:
                return Attribution(author[0], text, 0.5, token.i)
        noun = self._noun_before_adverb(token) or token
        if noun.i != token.i:
            determiner = next((c.lower_ for c in noun.children if c.dep_ in ("det", "poss")),
                              determiner)
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if determiner in ("the", "its", "their") or owner is not None \
                and owner.pos_ in ("NOUN", "PROPN") or owner is not None \
                and owner.lower_ in ("his", "her") and noun.lower_ in GENDERED_NOUNS \
                and noun.lower_ in self.roles:      # 'its director', 'the band's singer',
            # 'her brother said' after 'her brother, Walter Kalinowski,'
            found = self._described(noun)
            if found is not None:
                return Attribution(found[0], text, confidence * found[1], token.i)
            if noun.lower_ in ORG_NOUNS or self._start_up(noun):
                # "the company said", "the start-up said": the organisation just named
                org = self._org_of_trade(noun) or self._nearest_org(token)
                if org is not None:
                    return Attribution(org, text, confidence * 0.6, token.i)
                org = self._story_company(token)
                if org is not None:
                    return Attribution(org, text, confidence * 0.5, token.i)
        named = self._name_given_as(token)
        if named is not None:
            return Attribution(self._actor(self.mention_of[named.i]), text, confidence * 0.8,
                               named.i)
        return Attribution(None, text, confidence * 0.85, token.i)

    @staticmethod
    def _start_up(noun) -> bool:
        """"start-up", which the tokenizer splits so that "up" heads it."""
        doc = noun.doc
        return noun.lower_ == "up" and noun.i >= 2 and doc[noun.i - 1].text == "-" \
            and doc[noun.i - 2].lower_ == "start"

    def _name_opening_before(self, token):
        """The name that opens the sentence right before a described subject ('Cirrusly, the
        cloud provider whose platform runs ..., says'), which the parse left outside it."""
        if token.pos_ != "NOUN" or token.i in self.mention_of:
            return None
        le = token.left_edge.i
        if le < 2 or self.doc[le - 1].text != "," or self.doc[le].lower_ not in ("the", "a", "an"):
            return None
        name, after = self.doc[le - 2], token.right_edge.i + 1
        m = self.mention_of.get(name.i)
        if m is None or name.dep_ in ("pobj", "dobj", "poss", "nsubj", "nsubjpass") \
                or self.in_quote[name.i] or self._token_at(m.start) != self.sentence_of(name.i)[0] \
                or after >= len(self.doc) or "," not in (self.doc[after].text,
                                                          self.doc[after - 1].text):
            return None     # (not 'Von der Heyde, the official added, "..."')
        return name

    def _name_after_verb_before_role(self, token):
        """The person named right after an inverted cue and set off by a comma before the role
        noun the parse made the subject ('said Gwon Tae-sik, Seo’s lead counsel', with the name
        hung on "counsel"): the role is theirs, and so are the words."""
        verb = token.head
        if token.pos_ != "NOUN" or token.i in self.mention_of or not verb.i < token.i \
                or not is_cue(verb) or self.in_quote[token.i]:
            return None
        span = next(((m, lo, hi) for m, lo, hi in self.mention_spans if lo == verb.i + 1), None)
        if span is None or not self.is_person(self.doc[span[1]]):
            return None
        hi = span[2]
        if hi + 2 > token.i or self.doc[hi + 1].text != "," or token.i - hi > 6 or any(
                t.pos_ in ("VERB", "AUX") or t.text in ",;:" for t in self.doc[hi + 2:token.i]):
            return None
        return self.doc[span[1]]

    def _name_given_as(self, token):
        """'a worker on the loin line who gave his name only as Tomás': the name he gave."""
        for t in token.subtree:
            if t.lower_ in ("gave", "give", "gives", "giving") and any(
                    c.dep_ == "dobj" and c.lower_ == "name" for c in t.children):
                return next((p for c in t.children if c.dep_ == "prep" and c.lower_ == "as"
                             for p in c.children if p.dep_ == "pobj" and p.i in self.mention_of),
                            None)
        return None

    def _named_in_role(self, noun) -> tuple[str, float] | None:
        """The person the text introduces with this role word anywhere further on."""
        low = noun.lower_
        options = self.roles.get(low) or (self.roles.get(low[:-1]) if low.endswith("s") else None)
        later = [o for o in options or () if o[0] > noun.i and o[1] in self._persons]
        return (later[0][1], 0.5) if later else None

    @staticmethod
    def _noun_before_adverb(token):
        """'The company flat-out denied' parsed as a noun 'out' with 'company' its compound
        and the adverb 'flat' its modifier: the noun before the adverb is the subject."""
        if token.pos_ != "NOUN":
            return None
        adverb = next((c for c in token.children if c.i < token.i and c.tag_ == "RB"
                       and c.dep_ in ("amod", "advmod")), None)
        if adverb is None:
            return None
        return next((c for c in token.children if c.dep_ == "compound" and c.i < adverb.i
                     and c.pos_ == "NOUN"), None)

    def _age_words(self, token) -> str | None:
        """'The 56-year-old' ending at ``token`` (or as the noun phrase it heads), else None."""
        text = self.np_text(token)
        if _AGE_NOUN.match(text):
            return text
        for lo in range(max(0, token.i - 5), token.i):
            words = self.doc[lo:token.i + 1].text
            if _AGE_NOUN.match(words):
                return words
        return None

    def _person_of_age(self, token, text: str) -> str | None:
        """'The 56-year-old' -> the person the text gave that age: 'Dana Reyes, 56,' or
        'the 56-year-old Dana Reyes' earlier on."""
        age = re.search(r"\d+", text).group()
        found = set()
        for m, lo, hi in self.mention_spans:
            if lo >= token.i or m.label not in _PERSON_LABELS or self.in_quote[lo]:
                continue
            after = self.doc[hi + 1:hi + 4]
            if len(after) >= 2 and after[0].text == "," and after[1].text == age:
                found.add(self._actor(m))
            before = self.doc[max(0, lo - 6):lo].text
            if re.search(rf"\b{age}\s*-?\s*years?\s*-?\s*old\s*$", before):
                found.add(self._actor(m))
        return found.pop() if len(found) == 1 else None

    def _most_salient_person(self, token, fits=None) -> str | None:
        """The person a description with no name of its own ('the 56-year-old') most likely
        means: of the people named before it, the one the whole text names most often (what
        the story is about), the nearer one on a tie. With ``fits`` (for an epithet such as
        'the singer'), only people who fit, counted up to ``token``: whom the story has been
        about so far."""
        count: Counter = Counter()
        last: dict[str, int] = {}
        for m, lo, _ in self.mention_spans:
            if m.label not in _PERSON_LABELS or _org_name(m.text) or self.in_quote[lo]:
                continue
            actor = self._actor(m)
            if fits is not None and (lo > token.i or not fits(actor)):
                continue
            count[actor] += 1
            if lo < token.i:
                last[actor] = lo
        if not last:
            return None
        return max(last, key=lambda a: (count[a], last[a]))

    def _principal(self, token):
        """Whom a spokesperson speaks for: "the agency's spokesperson", "a spokesperson for
        X", "a NeuVela spokesperson" (a name as a modifier)."""
        for c in token.children:
            if c.dep_ == "poss" or c.dep_ == "compound" and c.i in self.mention_of:
                return c
            if c.dep_ == "prep" and c.lower_ in ("for", "of", "to"):
                for cc in c.children:
                    if cc.dep_ == "pobj":
                        return cc
        return None

    def _org_subject_in_paragraph(self, token) -> str | None:
        """The organisation that is the subject of the nearest clause before ``token`` in its
        own paragraph, named ('a claim Corvane rejects. A spokesperson said') or described ('The
        company denies this. A spokeswoman said', 'the authority has written to ... A
        spokeswoman said'): the one a bare spokesperson speaks for."""
        here = self.paragraph_of_char(token.idx)
        for t in reversed(self.doc[max(0, token.i - 80):token.i]):
            if self.paragraph_of_char(t.idx) != here:
                break
            m = self.mention_of.get(t.i)
            if m is not None and not self.in_quote[t.i] and t.i + 1 < token.i \
                    and self.doc[t.i + 1].lower_ in _DENIALS and t.i + 1 not in self.mention_of \
                    and self._names_org(m) \
                    and _fits_noun(token.lower_, self._actor(m)):
                return self._actor(m)   # 'a claim Corvane rejects', parsed as a noun compound
            if self.in_quote[t.i] or t.dep_ not in _ANTECEDENT_DEPS or not self._finite(t.head):
                continue
            m = self.mention_of.get(t.i)
            if m is not None:
                if self._names_org(m):
                    if not _fits_noun(token.lower_, self._actor(m)):
                        continue        # 'the company' is not the public body just named
                    return self._actor(m)
                return None             # a person or place is the latest subject
            if t.lower_ in ORG_NOUNS and any(c.dep_ == "det" and c.lower_ == "the"
                                             for c in t.children):
                return self._org_by_noun(t)
            if t.pos_ in ("PROPN", "PRON") or t.lower_ in _GROUP_NOUNS:
                return None
        return None

    def _story_company(self, token) -> str | None:
        """'The company says ...' paragraphs after any organisation: the only organisation that
        fits the noun named up to here, or the one named most (twice or more): the story's
        company; else None."""
        count: Counter = Counter()
        for m, lo, _ in self.mention_spans:
            if lo < token.i and not self.in_quote[lo] and self._names_org(m) \
                    and _fits_noun(token.lower_, self._actor(m)):
                count[self._actor(m)] += 1
        ranked = count.most_common(2)
        if not ranked or len(ranked) > 1 and (ranked[0][1] < 2 or ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def _names_org(self, m: Mention) -> bool:
        """Does the mention name an organisation: by its tag, its words, or the name it was
        merged into ("Tarsus", tagged a place, of "Tarsus Global Ports")?"""
        return m.label == "ORG" or _org_name(m.text) or _org_name(self._actor(m))

    def _org_by_noun(self, token) -> str | None:
        """'the authority' -> the nearest earlier organisation whose name holds that word, else
        the nearest earlier organisation."""
        nearest = None
        for m, lo, _ in reversed(self.mention_spans):
            if lo >= token.i or self.in_quote[lo]:
                continue
            if self._names_org(m):
                if token.lower_ in m.text.lower().split():
                    return self._actor(m)
                if _fits_noun(token.lower_, self._actor(m)):
                    nearest = nearest or self._actor(m)
        return nearest

    def _org_of_trade(self, token) -> str | None:
        """'the label' -> the nearest earlier organisation whose name says that trade
        ("Halcyon Records"), wherever other bodies were named since."""
        words = _TRADE_NAME_WORDS.get(token.lower_)
        if not words:
            return None
        for m, lo, _ in reversed(self.mention_spans):
            if lo < token.i and not self.in_quote[lo] and self._names_org(m) \
                    and words & {w.strip("'’") for w in self._actor(m).lower().split()}:
                return self._actor(m)
        return None

    def _org_of_kind(self, token) -> str | None:
        """'A ministry spokesperson', 'a police spokesman': the nearest organisation named
        before whose name holds that word ('Ministry of Digital Infrastructure')."""
        kind = next((c.lower_ for c in token.children if c.dep_ == "compound"
                     and c.pos_ == "NOUN" and c.i not in self.mention_of), None)
        if kind is None:
            return None
        for m, lo, _ in reversed(self.mention_spans):
            if lo < token.i and not self.in_quote[lo] and self._names_org(m) \
                    and kind in self._actor(m).lower().split():
                return self._actor(m)
        if kind in ("company", "firm"):
            # 'A company spokesperson said': the company the article is about, the one it
            # names most so far, not the platform someone posted on just before
            counts: Counter = Counter()
            first: dict[str, int] = {}
            for m, lo, _ in self.mention_spans:
                actor = self._actor(m)
                if lo < token.i and not self.in_quote[lo] and self._names_org(m) \
                        and m.label == "ORG" and _fits_noun(kind, actor):
                    counts[actor] += 1
                    first.setdefault(actor, lo)
            if counts:      # (a tie: the one named first, as the lede names its subject)
                return min(counts, key=lambda a: (-counts[a], first[a]))
        return None

    def _nearest_org(self, token) -> str | None:
        """The organisation that is the subject just before in this paragraph; else the one
        named as a subject in this or the previous paragraph, else the one named last there in
        any role ('... accused Big Machine. The company denied it')."""
        found = self._org_subject_in_paragraph(token)
        if found is not None:
            return found
        here = self.paragraph_of_char(token.idx)
        k = bisect.bisect_left(self.candidates, (token.i,))
        for j in range(k - 1, -1, -1):
            pos, actor, _, kind = self.candidates[j]
            if here - self.paragraph_of_char(self.doc[pos].idx) > 1:
                break
            if kind == "org" and _fits_noun(token.lower_, actor):
                return actor
        for m, lo, _ in reversed(self.mention_spans):
            if lo >= token.i or self.in_quote[lo]:
                continue
            if here - self.paragraph_of_char(self.doc[lo].idx) > 1:
                return None
            if self._names_org(m) and _fits_noun(token.lower_, self._actor(m)):
                return self._actor(m)
        return None

    def _described(self, noun) -> tuple[str | None, float] | None:
        """Whom 'the <noun>' means, by what the text called each actor, and how sure that is.

        The nearest earlier actor introduced with that role word or one for the same post
        ('the premier': 'Prime Minister X'); if that is someone unnamed ('A Castlegate
        executive said' before 'the executive said'), (None, ...). Plural nouns mean bodies
        ('the physicians': 'Doctors for Camp Closure'), never one person. With nobody before,
        one introduced so within the next two paragraphs (a lede describes before it names).
        Failing both, for an epithet ('the singer', 'the minister'), the person the story is
        about, unless the text gave them another post. None: the text does not say.
        """
        low = noun.lower_
        keys = [low]
        if noun.i > 0 and self.doc[noun.i - 1].head.i == noun.i \
                and self.doc[noun.i - 1].dep_ in ("compound", "amod"):
            keys.insert(0, f"{self.doc[noun.i - 1].lower_} {low}")
        plural = low.endswith("s") and noun.tag_ == "NNS"
        options = list(self.roles.get(low, ()))
        if not options and low.endswith("s"):
            options = list(self.roles.get(low[:-1], ()))
        for key in keys:
            for synonym in ROLE_SYNONYMS.get(key, ()):
                options += self.roles.get(synonym, ())
            if key != low and self.roles.get(key):
                # a role the text gave with the same modifier ('the county leader') is meant
                # before any other of that noun ('the union's leader')
                options = list(self.roles[key])
                break
        if plural:      # a body the text named that way, not one person
            options = [o for o in options if o[1] is not None and o[1] not in self._persons]
        options.sort(key=lambda o: o[0])
        k = bisect.bisect_left(options, (noun.i,))
        if k > 1 and not plural:
            # of two cardinals, the one the sentence before is about: "Vasconcelos said he
            # expected ... "...," the cardinal said"
            subject = self._subject_of_sentence_before(noun, across=True)
            if subject is not None and subject in {o[1] for o in options[:k]}:
                return subject, 0.7
        if k > 0:
            return options[k - 1][1], (0.7 if options[k - 1][1] else 0.85)
        here = self.paragraph_of_char(noun.idx)
        # ("China's ambassador to Britain" is one person: the text may name them further on)
        reach = 4 if any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in noun.children) \
            and low not in ORG_NOUNS and k < len(options) and options[k][1] in self._persons \
            else 2
        if k < len(options) and options[k][1] is not None \
                and self.paragraph_of_char(self.doc[options[k][0]].idx) - here <= reach:
            return options[k][1], 0.6
        if not plural and set(keys) & EVERYDAY_PEOPLE and not set(keys) & EPITHETS:
            # 'Bolanle Adeyemi counted the cost. "...," the foodstuff trader lamented': the
            # person the sentence before is about, and no one else
            subject = self._subject_of_sentence_before(noun)
            if subject is not None and subject in self._persons \
                    and not self.posts.get(subject, set()) & _POSTS:
                return subject, 0.6
            return None
        if not plural and low in TITLE_WORDS and not options and any(
                c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            # 'Ms Tāwhai said the door remained open. "...," the chair said', the text having
            # called her the chair only in passing: the person the sentence before is about
            subject = self._subject_of_sentence_before(noun)
            if subject is not None and subject in self._persons \
                    and not self.posts.get(subject, set()) & _POSTS:
                return subject, 0.5
        if plural or not set(keys) & EPITHETS:
            return None
        allowed = set(keys) | {w for key in keys for w in ROLE_SYNONYMS.get(key, ())}
        allowed |= {part for w in allowed for part in w.split()}   # 'Prime Minister X'
        gender = GENDERED_NOUNS.get(low)

        def fits(a: str) -> bool:
            return not self.posts.get(a, set()) - allowed and (
                gender is None or self.gender.get(a, gender) == gender)
        # 'Lee Hanratty was less troubled. "...," the former United striker told ...': the
        # person the sentence before is about, before anyone the story names more often
        subject = self._subject_of_sentence_before(noun)
        if subject is not None and subject in self._persons and fits(subject):
            return subject, 0.6
        person = self._most_salient_person(noun, fits)
        return (person, 0.5) if person else None

    def _subject_of_sentence_before(self, token, across: bool = False) -> str | None:
        """The nearest named main subject before ``token`` in its sentence or the one before,
        within its paragraph (the parse may run "X was less troubled. "...," the striker
        said" into one sentence). ``across``: a paragraph that opens with the quotation may
        look back to the last sentence of the paragraph before ('X said talks could resume.
        / "...," the minister said')."""
        here = self.paragraph_of_char(token.idx)
        lo = self.sentence_of(token.i)[0]
        if across and lo > 0 and self.in_quote[lo] \
                and self.paragraph_of_char(self.doc[lo - 1].idx) == here - 1 \
                and not any(t.text == "?" or t.lower_ == "asked"
                            for t in self.doc[self.sentence_of(lo - 1)[0]:lo]):
            here -= 1       # (not after a question: '"..., can you?" Achebe asked. / "No,"
            lo = self.sentence_of(lo - 1)[0]    # the detective said' is the one asked)
        elif lo > 0 and self.paragraph_of_char(self.doc[lo - 1].idx) == here:
            lo = self.sentence_of(lo - 1)[0]
        # sentences wholly inside the quotation do not count: 'Kouris said ... "The road gets
        # built. The only question is who pays," the Treasurer said.'
        while lo > 0 and self.in_quote[lo] and self.in_quote[self.sentence_of(lo)[1] - 1] \
                and self.paragraph_of_char(self.doc[lo - 1].idx) == here:
            lo = self.sentence_of(lo - 1)[0]
        k = bisect.bisect_left(self.candidates, (token.i,))
        for j in range(k - 1, -1, -1):
            pos, actor, _, kind = self.candidates[j]
            if pos < lo or self.paragraph_of_char(self.doc[pos].idx) != here:
                return None
            if pos not in self.embedded and kind in ("person", "person?"):
                return actor
        return None

    def _author_of(self, token) -> tuple[str, int] | None:
        """'The letter says' -> whoever wrote, sent or issued the letter earlier in the text.

        The nearest earlier mention of the same noun that says who does: 'X said in a
        statement', 'In a statement, X said', 'X issued a statement', 'a statement from X',
        "X's statement", 'a statement released by X'. Mentions that only refer back to one
        ('"...," the statement continued', 'The statement, obtained by Variety, claimed',
        'Dana Reyes criticised the statement') are passed over; an earlier 'a letter' whose
        author the text does not give ends the search unnamed.
        """
        for t in reversed(self.doc[max(0, token.i - AUTHOR_REACH):token.i]):
            if t.lower_ != token.lower_ or self.in_quote[t.i]:
                continue
            source = self._document_source(t)
            if source is not None:
                inner = self.resolve(source, 0.5, depth=2)
                return (inner.speaker, source.i) if inner.speaker else None
            definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that",
                                                                      "these", "those")
                           for c in t.children)
            if t.dep_ in ("nsubj", "nsubjpass", "csubj"):
                continue        # the document itself says or is described: a reference back
            v = t
            for _ in range(5):
                if v.pos_ in ("VERB", "AUX") or v.head is v:
                    break
                v = v.head
            if v.pos_ not in ("VERB", "AUX"):
                if definite:
                    continue
                return None
            if t.dep_ == "dobj" and t.head.i == v.i and v.lower_ not in _ISSUED \
                    or t.dep_ == "pobj" and t.head.lower_ not in ("in", "through", "via"):
                if definite:
                    continue    # 'Reyes criticised the statement', 'at the statement': not theirs
                return None     # 'Variety obtained a letter': from someone unnamed
            subj = self.subject_of(v)
            if self.in_quote[v.i] or subj is not None and self.in_quote[subj.i]:
                continue        # the parse ran into a quotation: the words do not say whose
            if subj is None:
                # a verb with no subject at all ('In a letter to X, said they would'): the
                # words do not say whose, an earlier mention may
                continue
            if subj.i == t.i:
                if definite:
                    continue
                return None
            inner = self.resolve(subj, 0.5, depth=2)
            return (inner.speaker, subj.i) if inner.speaker else None
        if token.lower_ in _WRITTEN:
            # 'Helena wrote to the trustees in February ... The letter called Nadia "..."':
            # who the sentence before (or the one before it) says wrote
            lo = self.sentence_of(token.i)[0]
            for _ in range(2):
                if lo <= 0:
                    break
                lo, hi = self.sentence_of(lo - 1)
                wrote = next((t for t in self.doc[lo:hi] if t.lower_ in ("wrote", "writes")
                              and not self.in_quote[t.i] and t.pos_ in ("VERB", "AUX")), None)
                subj = self.subject_of(wrote) if wrote is not None else None
                if subj is not None:
                    inner = self.resolve(subj, 0.5, depth=2)
                    return (inner.speaker, subj.i) if inner.speaker else None
        return None

    def _document_source(self, token):
        """Whose document ``token`` is by its own words: "X's statement", 'a statement
        from/by X', 'the report, published by X'; else None."""
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None and (owner.pos_ != "PRON"
                                  or owner.lower_ in ("his", "her", "its", "their")):
            return owner
        source = next((cc for c in token.children if c.dep_ == "prep"
                       and c.lower_ in ("from", "by") for cc in c.children
                       if cc.dep_ == "pobj"), None)
        if source is None:
            source = next((ccc for c in token.children if c.dep_ == "acl"
                           and c.lower_ in _AUTHORED
                           for cc in c.children if cc.dep_ == "agent"
                           for ccc in cc.children if ccc.dep_ == "pobj"), None)
        if source is None and token.dep_ == "nsubjpass" and token.head.lower_ in _AUTHORED:
            source = next((cc for c in token.head.children if c.dep_ == "agent"
                           for cc in c.children if cc.dep_ == "pobj"), None)
        return source

    def resolve_pronoun(self, token, confidence: float, want_person: bool = False) -> Attribution:
        """he/she -> nearest earlier named person subject who fits; it/they -> organisation.
        'He added' goes on with the last man quoted, not a man only named in between."""
        found = self._resolve_pronoun(token, confidence, want_person)
        low = token.lower_
        if want_person or token.head.lower_ not in _GOING_ON or found.speaker in self.speakers \
                or low not in _MALE_WORDS | _FEMALE_WORDS:
            return found
        want = "m" if low in _MALE_WORDS else "f"
        here = self.paragraph_of_char(token.idx)
        for pos, speaker in reversed(self.quoted_so_far):
            if pos >= token.i or speaker is None:
                continue
            if here - self.paragraph_of_char(self.doc[pos].idx) > 2:
                break
            gender = self.gender.get(speaker) or self.name_gender.get(speaker)
            if gender == want and speaker in self._persons:
                return Attribution(speaker, token.text, confidence * 0.7, token.i)
        return found

    def _resolve_pronoun(self, token, confidence: float, want_person: bool = False) -> Attribution:
        low = token.lower_
        text = token.text
        if want_person:
            want, kinds = "", ("person", "person?")
        elif low in _MALE_WORDS or low in _FEMALE_WORDS:
            want = "m" if low in _MALE_WORDS else "f"
            kinds = ("person", "person?")
        elif low in _ORG_PRONOUNS:
            want, kinds = None, ("org",)
        else:                            # I, we, you: the text does not say who
            return Attribution(None, text, confidence * 0.5, token.i)
        here = self.paragraph_of_char(token.idx)
        sentence_start = self.sentence_of(token.i)[0]
        if low == "it" and token.head.lower_ in CUE_FORMS:
            # '... read a statement on the family’s behalf. "...," it said': the statement,
            # whose reader or issuer speaks
            lo = self.sentence_of(sentence_start - 1)[0] if sentence_start > 0 else 0
            reader = self.document_giver(lo, token.i)
            if reader is not None:
                found = self.resolve(reader, confidence, 1)
                if found.speaker is not None:
                    return Attribution(found.speaker, text, found.confidence * 0.9, token.i)
        if want is None:
            # 'the company launched what it called a "..."': the body the sentence's own
            # subject is, before any named earlier
            body = next((t for t in reversed(self.doc[sentence_start:token.i])
                         if t.dep_ == "nsubj" and t.lower_ in ORG_NOUNS
                         and not self.in_quote[t.i] and any(
                             c.dep_ == "det" and c.lower_ == "the" for c in t.children)), None)
            if body is not None:
                found = self.resolve(body, confidence, 1)
                if found.speaker is not None:
                    return Attribution(found.speaker, text, found.confidence, token.i)
        k = bisect.bisect_left(self.candidates, (token.i,))
        reach = PRONOUN_REACH if want is not None else 1
        fallback: tuple[str, int] | None = None     # nearest fit whose gender is unknown
        adjacent = False        # ... and a speaker, the main subject of the sentence before
        weak = None     # the sentence before's subject, whose first name alone says otherwise
        for j in range(k - 1, -1, -1):
            pos, actor, _, kind = self.candidates[j]
            paragraphs_back = here - self.paragraph_of_char(self.doc[pos].idx)
            if paragraphs_back > reach or fallback and paragraphs_back > fallback[1] + 1:
                break
            if kind == "unnamed" and want and self.doc[pos].tag_ in ("NNS", "NNPS"):
                continue                # ("Hendrawan's supporters like to call him ...": a
                # group is no he or she)
            if kind == "unnamed" and want is not None or kind == "org?" and want is None:
                break                   # the nearest speaker was never named
            if kind not in kinds:
                if want is None and kind in ("person", "person?"):
                    break               # "they" after a person: a group, not the company
                continue
            if want is not None and pos in self.embedded:
                j2, pos2, actor2, kind2 = self._main_subject_before(j, kinds, want)
                if j2 == j and (self._in_relative_clause(pos)
                                or self._pronoun_main_subject(pos, want)
                                or self._inside_asked_clause(pos)):
                    # 'Postal ballots, which the returning officer, Margaret Ilsley, said made
                    # up 38 per cent, leaned ...': an aside, not who speaks on; 'He pointed
                    # out that Owen Pryce had called for a trial': 'he' is who the sentence's
                    # own he was
                    continue
                j, pos, actor, kind = j2, pos2, actor2, kind2
            if want is not None and actor in self._orgs:
                continue            # he/she is a person's, never a body's or a place's
            known = self.gender.get(actor)
            named = self.name_gender.get(actor) if want and known is None else None
            if named is not None and named != want:
                if weak is None and pos not in self.embedded \
                        and self._sentences_between(pos, sentence_start) <= 1:
                    weak = actor    # (kept in case no one else fits: the name lists err)
                continue            # "Jonas Falk" is not a "she" the text leaves open
            if named is not None and fallback is None:
                known = named       # nobody nearer the text leaves open: the first name fits
            if want and known is None and pos >= sentence_start:
                # 'Holmes revealed it, saying he recalled it': a person named earlier in the
                # same sentence is the one meant, whoever else the text says is a he
                return Attribution(actor, text, confidence * 0.8, token.i)
            if want and known is None:
                if fallback is None:    # keep looking for someone the text says fits
                    fallback = (actor, paragraphs_back)
                    adjacent = pos not in self.embedded and self._sentences_between(
                        pos, sentence_start) == 1 and (actor in self.speakers
                                                       or is_cue(self.doc[pos].head)
                                                       or self._main_clause_subject(pos))
                continue
            if want and known != want:
                continue
            if fallback is not None and adjacent:
                # the speaker who is the previous sentence's own subject is who 'he said'
                # goes on with, more than a 'he' named further back
                break
            conf = confidence * (0.8 if paragraphs_back <= 1 else 0.6)
            return Attribution(actor, text, conf, token.i)
        if fallback is not None:
            conf = confidence * (0.7 if fallback[1] <= 1 else 0.55)
            return Attribution(fallback[0], text, conf, token.i)
        if want:
            actor = self._person_named_aside(token, want)
            if actor is not None:
                return Attribution(actor, text, confidence * 0.55, token.i)
            if weak is not None:    # 'Jess Carrington-Lowe ... "...," she said' ("Jess" a man's
                return Attribution(weak, text, confidence * 0.5, token.i)   # in some lists)
        elif want is None and low in ("it", "its"):
            # 'The company said ... It suspended its dividend and said ...' with no body the
            # text made a subject: the one it named last
            org = self._nearest_org(token)
            if org is not None:
                return Attribution(org, text, confidence * 0.5, token.i)
        return Attribution(None, text, confidence * 0.5, token.i)

    def document_giver(self, lo: int, hi: int):
        """Who, between tokens ``lo`` and ``hi``, reads out or issues a statement: 'X read a
        statement', 'a statement read by X', "X's statement"."""
        for t in reversed(self.doc[lo:hi]):
            if t.lower_ not in DOCUMENTS or self.in_quote[t.i]:
                continue
            if t.dep_ == "dobj" and t.head.lower_ in _ISSUED:
                # 'his solicitor read a statement on his behalf': the words are the client's
                client = next((o for p in (*t.head.children, *t.children) if p.dep_ == "prep"
                               and p.lower_ == "on" for b in p.children if b.lower_ == "behalf"
                               for o in b.children if o.dep_ == "poss"
                               and (o.lower_ in ("his", "her") or self.is_person(o))), None)
                # (but 'on the family's behalf': the reader speaks for them)
                return client if client is not None else self.subject_of(t.head)
            source = self._document_source(t)
            if source is not None:
                return source
        return None

    def _person_named_aside(self, token, want: str, sentences: int = 3) -> str | None:
        """A he/she with no named subject before it to point back to: the one person the
        nearest sentence naming someone names in another role ('Much of the credit belongs to
        Dr Fiona Kerrigan. ... "...," she told the Herald'). Not when that sentence has a
        subject of its own among the candidates or one who may speak ('Police arrested John
        Smith. "...," he said' is an officer), not across a quotation, not across two people."""
        here = self.paragraph_of_char(token.idx)
        end = self.sentence_of(token.i)[0]
        # first the pronoun's own sentence, before it ('belongs to Senator Marian Costa, no
        # relation to Daniel Costa, who wants fines for what she calls "..."')
        named = self._people_named(end, token.i)
        fits = {actor for actor in named if self._may_be(actor, want)}
        if len(fits) == 1:
            return fits.pop()
        # the quotation's own earlier sentences are no sentences before it: '"I'm sorry. I
        # mean that," he said' opens inside the words 'he' speaks
        while end > 0 and self.in_quote[end] and self.paragraph_of_char(self.doc[end - 1].idx) \
                == here and all(self.in_quote[self.sentence_of(end - 1)[0]:end - 1]):
            end = self.sentence_of(end - 1)[0]
        for _ in range(sentences):
            if end <= 0:
                return None
            start = self.sentence_of(end - 1)[0]
            if here - self.paragraph_of_char(self.doc[start].idx) > 1:
                return None
            if any(start <= c[0] < end and c[3] != "org" and self._may_be(c[1], want)
                   for c in self.candidates) \
                    or any(self.in_quote[start:end]) or self._someone_else_acts(start, end):
                return None         # a subject, or a quotation whose speaker is not known
            named = self._people_named(start, end)
            fits = {actor for actor in named if self._may_be(actor, want)}
            if fits:        # ('Elise interviewed Mike. ... "No," he said': Mike)
                return fits.pop() if len(fits) == 1 else None
            end = start
        return None

    def _people_named(self, lo: int, hi: int) -> set[str]:
        """The people named between tokens ``lo`` and ``hi``, outside quotations."""
        return {self._actor(m) for m, start, _ in self.mention_spans
                if lo <= start < hi and not self.in_quote[start]
                and self._kind_of(m, self.doc[start]) == "person"}

    def _may_be(self, actor: str, want: str) -> bool:
        """Whether the text leaves ``actor`` open as a he/she of gender ``want``."""
        return (self.gender.get(actor) or self.name_gender.get(actor)) in (None, want)

    def _someone_else_acts(self, start: int, end: int) -> bool:
        """The sentence's own verb has a subject that may speak next: people in the plural
        ('Police arrested ...', 'they', 'we'). A he or she is not (a he is no she, and a he of
        the one wanted carries the same person on: "When Ford visited Teresa Hayden, he ..."),
        nor the writer's "I" ("I thought of Elise Marr.")."""
        for t in self.doc[start:end]:
            if t.dep_ not in _ANTECEDENT_DEPS or t.i in self.mention_of \
                    or not self._main_clause(t.head):
                continue        # ('... she has not flinched when meetings turned hostile')
            if t.tag_ in ("NNS", "NNPS") or t.lower_ in _GROUP_NOUNS or t.tag_ == "PRP" \
                    and t.lower_ not in _MALE_WORDS | _FEMALE_WORDS | {"i", "me"}:
                return True
        return False

    def _main_clause_subject(self, i: int) -> bool:
        """The token is its sentence's own subject, the name set beside it ("Vayu's chief
        executive, T. N. Raghavan, has been blunter.") or whose it is ("Bhalla’s response was
        to attack the messenger.")."""
        t = self.doc[i]
        if t.dep_ in ("appos", "poss"):
            t = t.head
        if t.dep_ == "ROOT" and t.pos_ == "PROPN" and t.i == i:
            # a name parsed as the root, its verb hung on what follows it ("Camille, a nurse
            # ..., spent Thursday in a queue"): the subject, if it is a candidate as such
            k = bisect.bisect_left(self.candidates, (i,))
            return k < len(self.candidates) and self.candidates[k][0] == i
        return t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"

    def _sentences_between(self, i: int, j: int) -> int:
        """How many sentence starts lie after token ``i`` up to token ``j`` (0: the same
        sentence, 1: the next one); sentences of white space alone are not counted."""
        k_i = bisect.bisect_right(self.sent_starts, i)
        k_j = bisect.bisect_right(self.sent_starts, j)
        return sum(1 for k in range(k_i, k_j) if not self.doc[self.sent_starts[k]].is_space)

    def _pronoun_main_subject(self, i: int, want: str) -> bool:
        """Whether the main clause of token ``i``'s sentence has a he/she of gender ``want``
        as its subject, before ``i`` ('He pointed out that Pryce ...'; but in 'After Smith
        scored, he celebrated' the he is Smith)."""
        root = self._chain(i)[-1]
        words = _MALE_WORDS if want == "m" else _FEMALE_WORDS if want == "f" else set()
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in words and c.i < i
                   for c in root.children)

    def _inside_asked_clause(self, i: int) -> bool:
        """Whether token ``i`` is named in a sentence-opening 'Asked whether X had ...,' (or
        'Pressed on X's remarks,'): what someone was asked about, not who answers."""
        return any(t.lower_ in _ASKED and t.i == self.sentence_of(t.i)[0]
                   for t in self._chain(i))

    def _in_relative_clause(self, i: int) -> bool:
        """Whether token ``i`` lies inside a relative clause of its sentence."""
        return any(t.dep_ == "relcl" for t in self._chain(i))

    def _chain(self, i: int) -> list:
        """Token ``i`` and its heads up to its clause's root."""
        return [self.doc[i], *self.doc[i].ancestors]

    def _main_subject_before(self, j: int, kinds: tuple, want: str):
        """Candidate ``j`` is the subject of an inner clause: the subject of its sentence's own
        verb, if that one fits too, is who a later he/she means ('Morrow declined to say
        whether Kyle slept. "...," he said' -> Morrow)."""
        pos = self.candidates[j][0]
        first = self.sentence_of(pos)[0]
        paragraph = self.paragraph_of_char(self.doc[pos].idx)
        for k in range(j - 1, -1, -1):
            p, actor, _, kind = self.candidates[k]
            # a sentence the parser ran on across a paragraph break ('... court."' then
            # 'Torben Albers, a lawyer who ..., said'): the paragraph before is not its own
            if p < first or self.paragraph_of_char(self.doc[p].idx) != paragraph:
                break
            gender = self.gender.get(actor) or (self.name_gender.get(actor) if want else None)
            if p not in self.embedded and kind in kinds and gender in (None, want):
                return k, p, actor, kind
        return (j, *(self.candidates[j][i] for i in (0, 1, 3)))

    def _kind_of_speaker(self, attribution: Attribution, default: str) -> str:
        """What a speaker no candidate names is: by the mention it was read from, else by the
        mentions of the same actor ('the airport' -> the airport named before is an
        organisation, never a he/she)."""
        speaker = attribution.speaker
        m = self.mention_of.get(attribution.anchor) if attribution.anchor is not None else None
        if m is not None and self._actor(m) == speaker:
            return self._kind_of(m, self.doc[attribution.anchor])
        if speaker in self._persons:
            return "person"
        if speaker in self._orgs:
            return "org"
        return default

    def remember(self, attribution: Attribution, kind: str = "person") -> None:
        """A speaker becomes a candidate antecedent for later pronouns. An unnamed one ("one
        driver said") too: a "he said" right after it is that driver, not someone named
        earlier, so it stays unnamed."""
        if attribution.speaker is None:
            words = (attribution.speaker_text or "").split()
            if not words or words[0].lower() in _MALE_WORDS | _FEMALE_WORDS | _ORG_PRONOUNS \
                    or words[-1].lower() in DOCUMENTS | SPEECH_NOUNS:
                return
            kind = "org?" if words[-1].lower() in ORG_NOUNS else "unnamed"
        else:
            kind = next((c[3] for c in self.candidates if c[1] == attribution.speaker), None) \
                or self._kind_of_speaker(attribution, kind)
        self.speakers.add(attribution.speaker)
        if attribution.anchor is not None:
            self.quoted_so_far.append((attribution.anchor, attribution.speaker))
        entry = (attribution.anchor, attribution.speaker, attribution.speaker_text or "", kind)
        k = bisect.bisect_left(self.candidates, entry[:1])
        if k < len(self.candidates) and self.candidates[k][0] == entry[0]:
            return
        self.candidates.insert(k, entry)
