"""Who speaks: the kinds of source, reporting verbs, speaker nouns, audiences and platforms."""

from __future__ import annotations

import re

from summarizer.vocabulary.common import words

__all__ = [
    "HONORIFICS", "PERSON_TITLES",
    "AUDIENCES", "NOT_SPEAKERS", "PLACED_SPEAKERS", "PLURAL_SPEAKERS", "REPORTING_NOUNS", "REPORTING_VERBS",
    "SOURCE_KIND_WORDS", "SPEAKER_HEADS", "SPEAKING_DOCUMENTS"
]

# --- sources ---------------------------------------------------------------------

#: What kind of source a name is, from its words, first match wins (``sources.infer_kind``).
SOURCE_KIND_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("unnamed", re.compile(r"\b(unidentified|unnamed|anonymous|undisclosed|sources? (familiar|close))\b|"
                           # one person, or a few, left unnamed: "a source in the army", "two officials"
                           r"^(?:an?|one|two|three|four|five|several|some)\s+(?:[\w.'’-]+\s+){0,3}?"
                           r"(?:officials?|sources?|diplomats?|officers?)\b", re.I)),
    ("intelligence_agency", re.compile(r"\b(intelligence (service|agency|agencies|services|sources?|officials?|community)|"
                                       r"intelligence (bureau|directorate)|"
                                       r"spy (agency|service|chief)|security service)\b", re.I)),
    ("head_of_state", re.compile(r"\b(president|prime minister|premier|king|queen|emir|chancellor|"
                                 r"supreme leader|head of state)\b(?!ial)", re.I)),
    ("military", re.compile(r"\b(military|army|armed forces|general staff|defen[cs]e forces|navy|air force|"
                            r"command(er|s)?|colonel|general|brigadier|lieutenant|major|captain|admiral|chiefs of staff|"
                            r"troops|special (operations )?forces|battalion|brigade|rebels?|militia|liberation (front|army)|"
                            r"insurgents?|forces|paramilitar\w*|(?:national|revolutionary|republican) guards?)\b", re.I)),
    # UN agencies and offices, and other intergovernmental bodies, speak for governments.
    ("government", re.compile(r"\b(united nations|U\.?N\.?|world health organi[sz]ation|unhcr|unicef|ocha|unrwa|"
                              r"european union|european commission|nato|african union|peacekeeping mission)\b",
                              re.I)),
    ("analyst", re.compile(r"\b(analysts?|institute|think[- ]tank|experts?|researchers?|observers?|"
                           r"monitor(ing group)?|study of war|professor|university|centre for|center for|"
                           r"watch|amnesty|crisis group|human rights|red cross|red crescent|ngo|"
                           r"non-governmental|charity|observatory|médecins|doctors without borders)\b", re.I)),
    ("government", re.compile(r"\b(ministry|minister|ministers|officials?|government|cabinet|presidential|"
                              r"adviser|advisor|spokes(man|woman|person)|foreign office|embassy|kremlin|"
                              r"white house|state department|parliament(ary)?|lawmakers?|senator|mp|deputy|"
                              r"authorities|administration|pentagon|(?:defen[cs]e|state|war) department|department of "
                              r"(?:defen[cs]e|state)|secretary|governor|mayor|ambassador|envoy|consul|commissioner|"
                              r"press secretary)\b", re.I)),
    ("media", re.compile(r"\b(news agency|newspaper|daily|times|post|journal|herald|gazette|tribune|"
                         r"television|tv|broadcaster|radio|media|outlet|press|wire service|reuters|"
                         r"associated press|afp|agence france-presse|bloomberg|bbc|cnn|al jazeera|xinhua|"
                         r"tass|interfax|ria novosti|yonhap|kyodo|kcna|anadolu|ukrinform)\b", re.I)),
)


# --- attribution -------------------------------------------------------------------
# The words ``attribution`` reads a claim's speaker with. Each is a tuple of regex
# alternatives; the reader builds its patterns from them, in this order.

#: Verbs that attribute a claim to their subject: "S said", "S estimated", "S told O".
REPORTING_VERBS = (
    "said", "says", "say", "told", "tells", "reported", "reports", "estimated", "estimates", "estimate",
    "claimed", "claims", "stated", "states", "indicated", "indicates", "confirmed", "confirms", "assessed",
    "assesses", "believes", "believed", "believe", "added", "adds", "noted", "notes", "warned", "announced",
    "announces", "put", "puts", "placed", "places", "wrote", "writes", "disclosed", "revealed", "alleged",
    "acknowledged", "suggested", "suggests", "concluded", "found", "showed", "shows", "calculated", "counted",
    "informed", "briefed", "testified", "indicating", "saying", "showing", "suggesting", "estimating",
    "quoted", "voted", "approved", "decided", "gave", "disputed", "documented", "documents", "recorded",
    "records", "tallied", "verified", "verifies", "counts", "count", "reporting", "recalled", "recalls",
    "explained", "insisted", "asserted", "argued", "conceded", "admitted")
#: Reporting verbs that are also nouns ("the claims were", "its estimates of").
REPORTING_NOUNS = frozenset({"claims", "reports", "estimates", "estimate", "states", "notes", "puts", "shows",
                             "put", "records", "documents"})
#: Plural speakers after which such a word is the verb ("aid agencies estimate").
PLURAL_SPEAKERS = (
    "agencies", "officials", "analysts", "experts", "monitors", "observers", "researchers", "sources",
    "authorities", "diplomats", "groups", r"organi[sz]ations")
#: Speakers that take a place after them as part of their name ("officials in <town>").
PLACED_SPEAKERS = (
    "officials", "official", "sources", "source", "diplomats", "diplomat", "residents", "witnesses", "authorities",
    "police", "commanders",
    "doctors", "medics", "analysts", "mission", "missions", "office", "embassy", "commission", "delegation",
    "officer", "officers")
#: The head noun of a phrase that can speak for itself.
SPEAKER_HEADS = (
    "agency", "agencies", "service", "services", "bureau", "directorate", "ministry", "ministries", "minister",
    "official", "officials", r"spokes(?:man|woman|person)", "government", "army", "military", "command",
    "staff", "president", "institute", r"analysts?", r"experts?", r"sources?", "office", "department",
    "committee", "police", "forces", "authorities", "administration", "chief", "commander", "general",
    "leader", "embassy", "kremlin", "group", "front", "wire", "newspaper", "daily", "outlet", "broadcaster",
    "media", "press", "news", "rebels", "militants", "insurgents", "militia", "monitors", "observers",
    "residents", "witnesses", "diplomats", "medics", "doctors", "hospital", "council", "league", "charity",
    "association", "union", "mission", "coalition", "commission", "organi[sz]ation", "movement", "party",
    "delegation", "guard", "brigade", "battalion", "unit",
    # office holders: "the press secretary said", "the envoy told reporters"
    "secretary", "envoy", "ambassador", "governor", "mayor", "prosecutor", "director", "adviser", "advisor",
    "representative", "coordinator", "commissioner", "officer", "officers",
    # legislators and watchdogs: "opposition deputy Ana Ruiz", "the monitor said"
    "deputy", "lawmaker", "legislator", "senator", "monitor", "watchdog", "observatory")
#: Honorifics that open a transcript's speaker label ("MS. RUIZ:"), in capitals as labels write them.
HONORIFICS = ("MR", "MS", "MRS", "MISS", "DR", "PROF", "GEN", "LT GEN", "MAJ GEN", "BRIG GEN", "ADM", "COL", "CAPT",
              "SEN", "REP", "SECRETARY", "MINISTER", "AMBASSADOR", "GENERAL", "ADMIRAL", "COLONEL")
#: Titles a person holds: "the press secretary" points back to the person named with that title.
PERSON_TITLES = (r"spokes(?:man|woman|person)", "secretary", "minister", "envoy", "ambassador", "governor", "mayor",
                 "commander", "chief", "director", "adviser", "advisor", "prosecutor", "representative",
                 "coordinator", "commissioner", "president", "official", "general")
#: Documents that speak for their last named author ("the statement said").
SPEAKING_DOCUMENTS = ("statement", "report", "assessment", "estimate", "briefing", "post", "filing", "document",
                      "figures")
#: Audiences and forums, never a source ("told reporters", "a news conference").
AUDIENCES = (
    "reporters", "journalists", "lawmakers", "parliament", "a news conference", "a briefing", "state media",
    "local media", "the press", "the media", "media", "a committee", "a parliamentary committee",
    "members of parliament")
#: Names that never speak for themselves: platforms and channels a claim is posted on, time zones,
#: and countries' acronyms (a country speaks through a body the article names).
NOT_SPEAKERS = re.compile(r"^(?:" + words(
    "Telegram", "X", "Twitter", "Facebook", "Instagram", "WhatsApp", "YouTube", "TikTok", "VK", "VKontakte",
    "Truth Social", "Signal", "social media", "GMT", "BST", "UTC", "EST", "EDT", "CET", "CEST", "IST", "PKT",
    "PHT", "KST", "JST", "AM", "PM", "US", "USA", "UK", "UAE", "DRC", "DPRK", "ROK", "PRC") + r")$", re.I)
