"""Treaty nouns, the verbs of each treaty event, and legislatures."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from summarizer.vocabulary.common import words

__all__ = [
    "ANNOUNCED_FUTURE", "CEASEFIRE_EVENT", "CEASEFIRE_NOUN", "COMMERCIAL", "known_treaty", "ONE_PARTY_EACH", "ONE_STATE_WITH_AND", "LEAVE_WORD", "NOT_AN_ACT", "SAME_ACT_OPENING", "SIGNED_INSTRUMENT",
    "LEGISLATURES", "MEMBERSHIP_ACT", "TREATY_ACTIONS", "TREATY_BACK_EVENT", "TREATY_CONDITION",
    "TREATY_EVENT_NOUN", "TREATY_FUTURE", "TREATY_NAME_STOP", "TREATY_NOUN", "TREATY_POINTS_BACK",
    "TREATY_SAME_ACT", "TREATY_WORD"
]

# --- treaties ------------------------------------------------------------------

#: Words that can name a treaty, pact or formal agreement between states.
#: The nouns alone (an armed group's "... Alliance Army" names no treaty).
TREATY_WORD = (r"\b(" + words(
    "treaty", "treaties", "pact", "pacts", "agreement", "agreements", "accord", "accords", "alliance",
    "convention", "conventions", "protocol", "charter", "deal", "declaration", "memorandum",
    "armistice") + r")\b(?!\s+(?-i:Army|Party|Front|Forces|Movement|Militia|Brigades?|Corps)\b)")
TREATY_NOUN = re.compile(TREATY_WORD + r"|\bArticle \d+\b", re.I)
#: Treaties that reporting names by a short name alone, with no treaty noun ("when New START lapses",
#: "the JCPOA"): the widely used arms-control and security short names.
_KNOWN_TREATY = re.compile(r"\b(?-i:New START|START(?: I{1,3})?|SALT(?: I{1,2})?|INF|CFE|CTBT|NPT|JCPOA|TPNW|ABM|"
                           r"AUKUS|FMCT|Minsk II|Open Skies)\b")
#: Capitalised words that may stand before a short name without making it part of a longer one.
_BEFORE_A_NAME = frozenset("the when in on under after before since if as and but with without from that this "
                           "its their while nor both unlike like of to by".split())


def known_treaty(text: str) -> re.Match[str] | None:
    """The first short treaty name in ``text`` that is not inside a longer proper name ("the
    Harbour START accord" is another treaty, named by its noun)."""
    for match in _KNOWN_TREATY.finditer(text):
        before = re.findall(r"[\w'’-]+", text[max(0, match.start() - 30):match.start()])
        if not before or not before[-1][:1].isupper() or before[-1].lower() in _BEFORE_A_NAME:
            return match
    return None


#: A ceasefire is a formal agreement when the article states its conclusion ("the truce A and B agreed
#: on 3 May", "accepted an immediate ceasefire"); a ceasefire named in passing is not recorded.
_CEASEFIRE = r"(?:ceasefire|cease-fire|truce)"
_CEASEFIRE_VERB = r"(?:agreed|signed|accepted|brokered|reached|concluded|struck|sealed|announced)"
CEASEFIRE_EVENT = re.compile(rf"\b{_CEASEFIRE_VERB}\b(?:\s+to)?\s+(?:an?|the)\s+(?:[\w\"“”'’-]+\s+){{0,4}}?{_CEASEFIRE}\b"
                             rf"|\b{_CEASEFIRE}\b(?:\s+(?:that|which))?(?:\s+(?:[\w'’-]+|and|,)){{0,6}}?\s+{_CEASEFIRE_VERB}\b",
                             re.I)
#: The ceasefire's own words in a ceasefire event: "an immediate ceasefire" gives "ceasefire".
CEASEFIRE_NOUN = re.compile(rf"\b{_CEASEFIRE}\b", re.I)

#: Legislatures by their own names, whose approval is their state's ratification.
LEGISLATURES = words("Diet", "Duma", "State Duma", "Federation Council", "Knesset", "Majlis", "Sejm", "Senate",
                     "Bundestag", "Bundesrat", "Saeima", "Seimas", "Riigikogu", "Rada", "Verkhovna Rada", "Storting",
                     "Riksdag", "Eduskunta", "Folketing", "Althing", "Oireachtas", "Dail", "Lok Sabha",
                     "Rajya Sabha", "National Assembly", "House of Representatives", "House of Commons",
                     "House of Lords", "Cortes", "Congress", "Parliament", "Assembly")
#: An act named again by its noun ("condemned the ratification") restates an event stated before.
TREATY_EVENT_NOUN = re.compile(r"(?:ratification|withdrawal|suspension|accession|signing|invocation|"
                               r"approval|exit|anniversary)", re.I)
#: "X withdrew in April, and Y followed": the same act again, by another party.
TREATY_SAME_ACT = re.compile(r"\b(?:followed suit|followed|did the same|did likewise|did so)\b(?!\s+by\b)", re.I)
#: A sentence that opens with another party repeating the last act told ("Poland did so on 10
#: September"): the same event again, for that party, in a sentence of its own.
SAME_ACT_OPENING = re.compile(r"^(?P<who>(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3})\s+(?:also\s+|later\s+)?"
                              r"(?:did so|did the same|did likewise|followed suit|followed(?!\s+(?:by|the|a|an|this|that|these|those|"
                              r"his|her|its|their|suit|up)\b))\b", re.I)
#: The leaving words that leave a treaty only when one follows: "left the pact", "leaving it",
#: "quit NATO"; "leaving the grievances untouched" leaves none.
LEAVE_WORD = re.compile(r"^(?:leave|left|leaves|leaving|quit|quits|quitting|exited|exiting)$", re.I)
#: A treaty act denied: "this is not a withdrawal", "no suspension".
NOT_AN_ACT = re.compile(r"\b(?:not|no)\s+(?:a|an|the|any)?\s*$", re.I)
#: A withdrawal announced is a withdrawal (the gold rule): "announced that it would leave".
ANNOUNCED_FUTURE = re.compile(r"\b(?:announced|declared|notified|gave notice)\b[^.;]{0,60}\bthat\b[^.;]{0,60}"
                              r"\b(?:would|will)\s*$", re.I)

#: Joining, leaving or suspending membership of a body of states is an event of its founding
#: treaty: "joined NATO", "quit the regional economic community".
_CAP = r"(?-i:[A-Z])[\w'’-]*"
_BODY_KEY = r"(?-i:Community|Organi[sz]ation|Union|Alliance|Bloc|Confederation)"
_BODY_TAIL = rf"\s+(?:of|for)(?:\s+(?:the\s+)?{_CAP})+"
MEMBERSHIP_ACT = re.compile(
    r"\b(?:joined|joins|rejoined|acceded to|became (?:a |the )?\w* ?members? of|left|leaves|quit|quits|"
    r"withdrew from|withdrawn from|exited|suspended (?:its |their )?(?:membership|participation) (?:in|of)|"
    r"froze (?:its |their )?(?:membership|participation) (?:in|of))\s+(?:the\s+)?"
    rf"(?P<body>(?-i:NATO|ECOWAS|CSTO|ASEAN|AUKUS|BRICS|SADC|IGAD|OPEC)"
    rf"|(?:{_CAP}\s+(?:of\s+|for\s+|and\s+)?){{1,6}}{_BODY_KEY}(?:{_BODY_TAIL})?|{_BODY_KEY}{_BODY_TAIL})\b"
    # "the European Union sanctions push" names no membership
    r"(?!\s+(?!(?:in|on|at|of|and|as|last|this|earlier|later|after|before|with|for|to|by|from|since|when|"
    r"while|but|which|who|a|an|the|over|amid|despite|following)\b)[a-z])", re.I)

#: The verbs of each treaty event ("mentioned" is what remains when none is stated).
TREATY_ACTIONS: Mapping[str, re.Pattern[str]] = MappingProxyType({
    "anniversary": re.compile(r"\b(anniversary|anniversaries|centenary|centennial|bicentenary|"
                              r"(?:mark|marks|marked|marking|celebrat\w+|commemorat\w+) (?:the )?\w+ years (?:since|of))\b",
                              re.I),
    # A legislature's approval is its state's ratification.
    "ratified": re.compile(r"\b(ratif\w+|(?:parliament|chambers?|assembly|senate|lawmakers|legislature|congress|"
                           r"deputies|MPs|legislators|(?-i:" + LEGISLATURES + r"))\b[^.;,]{0,60}?\b(?:approv\w+|"
                           r"endors\w+|backed|passed|adopted)(?!\s+(?:its|their|the)\s+(?:withdrawal|suspension|exit|denunciation)))\b",
                           re.I),
    "suspended": re.compile(r"\b(suspend\w*|suspension|in abeyance|on hold|froze|frozen|freezes|freeze|"
                            r"halt\w* (?:its |their |the )?(?:participation|implementation|compliance|application)|"
                            r"(?:stop\w*|ceas\w*) (?:implementing|applying|complying with))\b", re.I),
    "withdrawn": re.compile(r"\b(withdr[ae]w\w*|withdrawal|quit|quits|quitting|pull(?:ed|s|ing)? out of|"
                            r"leave|left|leaves|leaving|exit(?:ed|s|ing)?|walked away from|walked out of|revok\w+|"
                            r"abandon(?:ed|s|ing)?(?= (?:it\b|(?:the |its |their )?(?:[\w'’-]+ ){0,3}?" + TREATY_WORD + r"))|"
                            r"renounc\w+|denounc\w+|tore up|terminat\w+|no longer (?:be |feel |felt )?bound by|"
                            # "voted to take the country out of the convention"
                            r"(?:take|took|taken|taking|pull|pulled|pulling|bring|brought)\s+(?:[\w'’-]+\s+){0,3}out of)\b",
                            re.I),
    "acceded": re.compile(r"\b(acce(?:ded|des|ssion|de|ding)|joined|joins|joining|became (?:a )?(?:state )?party to|"
                          r"became (?:an? |the |its )?"
                          r"(?:[\w'’-]+\s+){0,3}?members?|admitted)\b", re.I),
    # Acting "under Article N" invokes it: "ordered the deployment under Article 4".
    "invoked": re.compile(r"\b(invok\w+|invocation|trigger\w*|activat\w+|(?:ordered|sent|deployed|dispatched|"
                          r"justified|acted|responded|requested|sought|convened|called)\b[^.;]{0,60}?\b(?:under|citing) Article \d+)\b", re.I),
    "signed": re.compile(r"(?<!-)\b(sign\w*|concluded|conclude|agreed|inked|struck|sealed|brokered|"
                         r"forged|reached|announced (?:an?|the) (?:[\w-]+\s+){0,2}?(?:agreement|deal|accord|pact)|"
                         r"accepted (?:an?|the) (?:[\w\"“”'’-]+\s+){0,4}?" + _CEASEFIRE + r")\b",
                         re.I),
})
#: Signing a domestic instrument is not signing the treaty: "signed a decree ratifying the pact",
#: "set her signature on the law that ratifies it".
SIGNED_INSTRUMENT = re.compile(r"^\w*\s+(?:(?:to|on)\s+)?(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\w'’-]+\s+){0,2}?"
                               r"(?:decree|law|bill|order|ordinance|instruments?|legislation|resolution)\b", re.I)
#: A commercial deal is not a treaty between states: a contract or a sale, or a company on the other side.
COMMERCIAL = re.compile(r"\b(?:contract|contracts|purchase|procurement|export order|arms sale|arms deal)\b|"
                        r"(?-i:[A-Z][\w-]*) (?-i:Inc|Corp|Corporation|Ltd|plc|GmbH|AG|Metals|Aerospace|Industries|"
                        r"Systems|Dynamics|Motors|Holdings|Mining|Technologies|Shipbuilding)\b", re.I)
#: Words that end a treaty's descriptive name on its left ("froze *the* 1998 fisheries pact").
TREATY_NAME_STOP = frozenset(
    "the a an its their his her this that these those of to from with by on in and or for at as was "
    "were is are be been has have had which who under new".split())
#: A treaty written as a bare definite noun points back to one named earlier ("withdrew from the deal").
TREATY_POINTS_BACK = re.compile(r"\b(?:the|this|that|its)\s+(?:" + words(
    "treaty", "pact", "agreement", "accord", "deal", "convention", "alliance", "protocol", "charter")
    # "the treaty on conventional forces" is a name; "the treaty on 22 December" is the treaty again
    + r")\b(?!\s+(?:of|with|between)\b|\s+on\s+(?!(?:the\s+)?\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b))", re.I)

#: An act that has not happened is no event ("will ratify", "plans to join").
TREATY_FUTURE = re.compile(r"\b(will|would|plans? to|planning to|intends? to|hopes? to|expected to|"
                           r"could|(?-i:may)|might|set to|aims? to|wants? to|threaten\w* to|vowed to|"
                           r"considering|proposed|proposal to|refused to|declined to|yet to|"
                           r"has not|have not|did not|never|urg\w*|called on|calls on|called for|"
                           r"demand\w*|pressed|pressing)\b", re.I)

#: A present-tense act under a condition has not happened ("before the pact is ratified").
TREATY_CONDITION = re.compile(r"\b(before|until|unless|once|if|when|pending)\b[^,.;]{0,40}\b(is|are|gets|get)\s+$",
                              re.I)


#: A treaty event that points back to a treaty named earlier ("approved its withdrawal").
TREATY_BACK_EVENT = re.compile(r"\b(ratif\w+|suspend\w*|suspension|withdrawal|withdr[ae]w from|"
                               r"acce(?:ded|ssion)|invok\w+|anniversary)\b", re.I)

#: Acts each party does for itself: "A and B ratified it" is two ratifications, one per
#: legislature; a signing, or a joint exit announced together, is one act of them all.
ONE_PARTY_EACH = frozenset({"ratified"})
#: States whose one name holds "and", which a coordination must not split.
ONE_STATE_WITH_AND = re.compile(r"\b(?:" + words(
    "Trinidad and Tobago", "Bosnia and Herzegovina", "Antigua and Barbuda", "Saint Kitts and Nevis",
    "St Kitts and Nevis", "Saint Vincent and the Grenadines", "Sao Tome and Principe",
    "São Tomé and Príncipe", "Turks and Caicos") + r")\b", re.I)
