"""The domain's words, in one place: what a figure counts, which verbs act on it, treaty events.

Every reading rule of the program (``figures``, ``attribution``, ``sources``, the ``cited``
strategy's plan and records) takes its words from here, so a user who meets a new phrasing
("lost N men", "a death toll of N", "quit the accord") adds one word to one list. The lists
describe the language of conflict reporting in general; none is drawn from a particular article.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

__all__ = [
    "ANY_TROOPS", "CASUALTY_WORDS", "CASUALTY_VERB_BEFORE", "FigureLabel", "NOT_A_DEPLOYMENT_AFTER",
    "NOT_A_DEPLOYMENT_BEFORE", "NOT_PEOPLE", "PERSON_NOUN", "TREATY_ACTIONS", "TREATY_NOUN", "TROOP_NOUN",
    "TROOP_LIMIT", "UNIT_NOUN", "words",
]

FigureLabel = Literal["troops", "killed", "wounded", "killed_or_wounded", "captured", "other"]


def words(*alternatives: str) -> str:
    """A regex alternation of whole words and phrases, longest first (so "killed or wounded" wins)."""
    return "|".join(sorted(alternatives, key=len, reverse=True))


# --- what a figure counts ----------------------------------------------------

#: Casualty words in the figure's own clause, most specific first.
CASUALTY_WORDS: tuple[tuple[FigureLabel, re.Pattern[str]], ...] = (
    ("killed_or_wounded", re.compile(r"\b(" + words(
        r"casualt\w*", "killed (or|and) wounded", "wounded (or|and) killed", "killed or injured",
        "dead or wounded", "dead and wounded", "killed or wounded", "killed and injured",
        "dead and injured") + r")\b", re.I)),
    ("captured", re.compile(r"\b(" + words(
        "captured", "taken prisoner", r"prisoners?( of war)?", "POWs?", "surrendered", r"hostages?",
        r"captives?", "held captive", "abducted", "kidnapped", "taken captive") + r")\b", re.I)),
    ("killed", re.compile(r"\b(" + words(
        "killed", "dead", "died", r"deaths?", "lost their lives", r"fatalit\w*", "death toll", "toll",
        "slain", "perished", "lost their life", "fatal", "fatally wounded", "fatally injured", "bodies",
        "neutralised", "neutralized", "eliminated", "liquidated")
     + r")\b", re.I)),
    ("wounded", re.compile(r"\b(" + words("wounded", "injured", r"injur\w*", "hurt", "maimed") + r")\b", re.I)),
)

#: A verb right before the figure decides what it counts: "the raid killed 40 people", "lost 12 men".
#: "Lost N soldiers" is a death toll unless the article says it covers the wounded.
CASUALTY_VERB_BEFORE: tuple[tuple[FigureLabel, re.Pattern[str]], ...] = (
    ("killed", re.compile(r"\b(" + words("killed", "kill", "kills", "killing", "lost", "loses", "lose", "losing",
                                         "slew", "claimed the lives of", "eliminated", "eliminating",
                                         "neutralised", "neutralized", "neutralising", "neutralizing",
                                         "liquidated", "bodies of", "the bodies of") + r")\s*$", re.I)),
    ("wounded", re.compile(r"\b(" + words("wounded", "injured", "injuring", "wounding") + r")\s*$", re.I)),
    ("captured", re.compile(r"\b(" + words("captured", "capturing", "abducted", "kidnapped")
                            + r")\s*$", re.I)),
)

#: "claimed 1,500 lives": lives a figure counts are lives lost.
LIVES_AFTER = re.compile(r"^\s*(?:lives|souls)\b", re.I)
__all__ += ["LIVES_AFTER"]

#: Nouns for people a figure can count (casualties or troops); other nouns ("vessels", "camps")
#: mean the figure counts things, not people.
PERSON_NOUN = re.compile(r"^(" + words(
    "people", "persons", "person", "civilians", "civilian", "soldiers", "soldier", "troops", "troop",
    "servicemen", "servicemembers", "service members", "personnel", "men", "women", "children", "others",
    "fighters", "militants", "insurgents", "rebels", "gunmen", "attackers", "combatants", "jihadists",
    "militiamen", "mercenaries", "conscripts", "recruits", "reservists", "volunteers", "officers",
    "police", "policemen", "guards", "peacekeepers", "sailors", "seafarers", "crew", "crewmen", "airmen",
    "pilots", "marines", "paratroopers", "commandos", "engineers", "deminers", "sappers", "infantrymen",
    "instructors", "trainers", "advisers", "advisors", "medics", "workers", "staff", "residents",
    "villagers", "passengers", "journalists", "hostages", "captives", "prisoners", "detainees",
    "members", "agents", "operatives", "contractors", "students", "worshippers", "refugees",
    "migrants", "protesters", "demonstrators", "victims", "dead", "wounded", "injured", "killed",
    "casualties", "bodies", "nationals", "citizens", "inhabitants", "fatalities", "deaths", "injuries",
    "lives", "captives", "abductees") + r")\b", re.I)
#: After a bare "one", the singular person noun that makes it a count ("one officer", "one of its
#: soldiers"); without one, "one" is a pronoun ("one of the brigades").
ONE_PERSON = re.compile(
    r"\s+(?:of\s+(?:its|their|his|her|the)\s+)?(?:[\w'’-]+\s+){0,2}?(?:soldier|officer|civilian|policeman|"
    r"policewoman|peacekeeper|sailor|marine|fighter|worker|journalist|hostage|serviceman|servicemember|"
    r"guard|pilot|medic|child|man|woman|person|member|resident|volunteer|contractor)s?\b", re.I)
#: Plural agent nouns not in the list still count people ("lookouts", "guardsmen", "loyalists").
PERSON_SUFFIX = re.compile(r"^[a-z]+(?:ists|ers|ors|ians|ants|ents|men|ees)\b|^[A-Z][a-z]+(?:ians|ans|ese|is)\b")
#: Plural nouns with a person's suffix that count things.
NOT_PEOPLE = re.compile(r"^(" + words(
    "helicopters", "containers", "launchers", "carriers", "numbers", "orders", "letters", "centers",
    "centres", "headquarters", "quarters", "towers", "borders", "barrels", "liters", "litres", "meters",
    "metres", "kilometers", "kilometres", "dollars", "rounds", "tankers", "bombers", "monitors",
    "shelters", "chambers", "sectors", "corridors", "reactors", "warheads", "segments", "payments",
    "settlements", "amendments", "governments", "parliaments", "elements", "regiments", "battalions")
    + r")\b", re.I)

#: A troop noun right after a figure (after up to four modifiers): "1,500 engineers", "4,000 more troops".
TROOP_NOUN = re.compile(
    r"^[\s,]*(?:(?:[A-Z][\w.'’-]*|[a-z][\w-]*(?:al|ary|ic|ed|ive|ian|ish|ese|ite|an)|additional|more|new|"
    r"other|foreign|elite|special|combat|regular|fresh|further|extra|of|its|their|the|army|armed|"
    r"active-duty|front-line|frontline|ground|air|naval|rapid|operations|assault|border|security|support|"
    r"construction|infantry|airborne|armou?red|mechani[sz]ed|reconnaissance|police)\s+){0,4}"
    r"(" + words("troops", "troop", "soldiers", "soldier", "servicemen", "servicemembers", "service members",
                 "personnel", "fighters", "engineers", "deminers", "sappers", "infantry", "infantrymen",
                 "marines", "paratroopers", "commandos", "special forces", "reinforcements", "mercenaries",
                 "conscripts", "recruits", "instructors", "trainers", "advisers", "advisors", "medics",
                 "peacekeepers", "reservists", "gendarmes", "guardsmen", "sailors", "airmen", "men",
                 "officers", "police", "policemen", "policewomen",
                 "others") + r")\b")

#: Words after a number that make it a measure, not a head count.
UNIT_NOUN = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}(" + words(
        "pieces", "artillery", "missiles", "missile", "rockets", "rocket", "shells", "shell", "rounds",
        "drones", "drone", "tanks", "tank", "vehicles", "guns", "km", r"kilomet\w+", "miles", "mile", "%",
        "percent", "per cent", "days", "day", "weeks", "week", "months", "month", "years", "year", "hours",
        "hour", "dollars", "euros", "tons", "ton", "tonnes", "villages", "towns", "times", "nations",
        "countries", "square", "vessels", "ships", "boats", "aircraft", "jets", "planes", "camps",
        "sites", "targets", "bases", "positions", "buildings", "homes", "houses", "allies",
        "states", "members states", "signatories", "parties",
        # formations: "four more infantry battalions" counts units, not soldiers
        "battalions", "battalion", "brigades", "brigade", "regiments", "divisions", "companies",
        "squadrons", "platoons", "contingents") + r")\b", re.I)

#: A limit on troop numbers is not a deployment: "raise the ceiling to N", "a cap of N troops".
TROOP_LIMIT = re.compile(r"\b(" + words(
    "ceiling", "cap", "caps", "capped", "limit", "limits", "limited", "maximum", "quota",
    "may keep", "may station", "allowed to", "permitted to", "under (its|the) terms") + r")\b", re.I)

#: Troops that are not being sent anywhere: an army's size, a force on alert, a force leaving.
#: An army's standing size: never troops sent, nor its losses ("which can field N soldiers").
ARMY_SIZE_BEFORE = re.compile(r"\b(" + words(
    r"(?:can|could)(?: still| now| only)? (?:field|muster)", "fields", "fielding", "standing army of",
    "which number", "which numbers", "numbering") + r")\b[^,;]{0,25}$", re.I)
#: Captives freed or handed over are no longer held: "freed six hostages", "the release of N prisoners".
RELEASED = re.compile(r"\b(" + words(
    "freed", "frees", "freeing", "released", "releases", "releasing", "release of", "handed over",
    "handing over", "handover of", "custody of", "exchanged", "exchanging", "exchange of", "swapped",
    "swap of", "returned", "returning", "return of", "repatriated", "repatriation of")
    + r")\b[^,;]{0,30}$", re.I)
RELEASED_AFTER = re.compile(r"^[^,;]{0,40}?\b(?:were|was|have been|has been|had been|are|is|being)\s+"
                            r"(?:\w+\s+)?(" + words(
    "freed", "released", "handed over", "exchanged", "swapped", "returned", "repatriated", "set free")
    + r")\b", re.I)
__all__ += ["ARMY_SIZE_BEFORE", "RELEASED", "RELEASED_AFTER"]

NOT_A_DEPLOYMENT_BEFORE = re.compile(r"\b(" + words(
    r"(?:can|could)(?: still| now| only)? (?:field|muster)", "fields", "fielding", "strength of", "army of",
    "force of",
    "withdraw", "withdrawing", "withdrew", "withdrawn", "withdrawal of", "pull out", "pulling out",
    "pulled out", "pull back", "pulling", "cut", "cutting", "reduce", "reducing", "reduction of",
    "drawdown of", "draw down", "bring home", "bringing home", "brought home",
    # the size of a standing force ("whose army, which numbers about N")
    "which number", "which numbers", "that number", "numbering", "standing army of", "will number",
    "numbers", "numbered",
    r"(?:forces|army|military|navy) (?:total|totals|totalling|totaling|number|numbers)",
    # soldiers trained, raised or taken out are not soldiers sent somewhere
    "trained", "training", "train", "has trained", "recruited", "recruiting", "mobilised", "mobilized",
    "mobilising", "mobilizing", "called up", "conscripted", "drafted", "evacuated", "evacuating", "evacuate")
    + r")\b[^,;]{0,25}$", re.I)
NOT_A_DEPLOYMENT_AFTER = re.compile(r"^[^,;]{0,60}?\b(" + words(
    r"on (high |heightened |full )?(alert|standby|readiness|notice)", "on stand-by",
    r"(began|begin|started|start|completed|complete|finished) (leaving|their withdrawal|withdrawing|"
    r"pulling out|to leave|to withdraw)", "withdrew", "withdrawn", "pulled out", "went home",
    "returned home", "left the country", "were cut", "will be cut", "would be cut", "out of",
    "went missing", "are missing", "were missing", "remain missing", "are unaccounted for",
    # an army's standing size, or soldiers trained rather than sent
    "active-duty", "active duty", r"active (?:personnel|troops|soldiers|servicemen|service members|members)",
    "in reserve", r"(?:had |have |has )?completed (?:their |its )?training",
    "graduated",
    # troops on parade are on show, not sent anywhere
    "marched", "paraded", "parade") + r")\b", re.I)

ANY_TROOPS = re.compile(r"\b(troops|soldiers|personnel|forces|servicemen)\b", re.I)


# --- treaties ------------------------------------------------------------------

#: Words that can name a treaty, pact or formal agreement between states.
#: The nouns alone (an armed group's "... Alliance Army" names no treaty).
TREATY_WORD = (r"\b(" + words(
    "treaty", "treaties", "pact", "pacts", "agreement", "agreements", "accord", "accords", "alliance",
    "convention", "conventions", "protocol", "charter", "deal", "declaration", "memorandum",
    "armistice") + r")\b(?!\s+(?-i:Army|Party|Front|Forces|Movement|Militia|Brigades?|Corps)\b)")
TREATY_NOUN = re.compile(TREATY_WORD + r"|\bArticle \d+\b", re.I)
__all__ += ["TREATY_WORD"]

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
TREATY_SAME_ACT = re.compile(r"\b(?:followed suit|followed|did the same|did likewise)\b(?!\s+by\b)", re.I)
__all__ += ["LEGISLATURES", "TREATY_EVENT_NOUN", "TREATY_SAME_ACT"]

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
__all__ += ["MEMBERSHIP_ACT"]

#: The verbs of each treaty event ("mentioned" is what remains when none is stated).
TREATY_ACTIONS: Mapping[str, re.Pattern[str]] = MappingProxyType({
    "anniversary": re.compile(r"\b(anniversary|anniversaries|centenary|centennial|bicentenary|"
                              r"marked \w+ years (?:since|of))\b", re.I),
    # A legislature's approval is its state's ratification.
    "ratified": re.compile(r"\b(ratif\w+|(?:parliament|chambers?|assembly|senate|lawmakers|legislature|congress|"
                           r"deputies|MPs|legislators|(?-i:" + LEGISLATURES + r"))\b[^.;,]{0,60}?\b(?:approv\w+|"
                           r"endors\w+)(?!\s+(?:its|their|the)\s+(?:withdrawal|suspension|exit|denunciation)))\b",
                           re.I),
    "suspended": re.compile(r"\b(suspend\w*|suspension|in abeyance|froze|frozen|freezes|freeze|"
                            r"halt\w* (?:its |their |the )?(?:participation|implementation|compliance|application)|"
                            r"(?:stop\w*|ceas\w*) (?:implementing|applying|complying with))\b", re.I),
    "withdrawn": re.compile(r"\b(withdr[ae]w\w*|withdrawal|quit|quits|quitting|pull(?:ed|s|ing)? out of|"
                            r"leave|left|leaves|leaving|exit(?:ed|s|ing)?|walked away from|revok\w+|"
                            r"renounc\w+|denounc\w+|tore up)\b", re.I),
    "acceded": re.compile(r"\b(acce(?:ded|des|ssion|de|ding)|joined|joins|joining|became (?:an? |the |its )?"
                          r"(?:[\w'’-]+\s+){0,3}?members?|admitted)\b", re.I),
    # Acting "under Article N" invokes it: "ordered the deployment under Article 4".
    "invoked": re.compile(r"\b(invok\w+|invocation|trigger\w*|activat\w+|(?:ordered|sent|deployed|dispatched|"
                          r"justified|acted|responded)\b[^.;]{0,60}?\b(?:under|citing) Article \d+)\b", re.I),
    "signed": re.compile(r"\b(sign\w*|concluded|conclude|agreed|inked|struck|sealed|brokered|"
                         r"forged|reached)\b", re.I),
})
#: Words that end a treaty's descriptive name on its left ("froze *the* 1998 fisheries pact").
TREATY_NAME_STOP = frozenset(
    "the a an its their his her this that these those of to from with by on in and or for at as was "
    "were is are be been has have had which who under new".split())
#: A treaty written as a bare definite noun points back to one named earlier ("withdrew from the deal").
TREATY_POINTS_BACK = re.compile(r"\b(?:the|this|that|its)\s+(?:" + words(
    "treaty", "pact", "agreement", "accord", "deal", "convention", "alliance", "protocol", "charter")
    + r")\b(?!\s+(?:on|of|with|between)\b)", re.I)
__all__ += ["TREATY_NAME_STOP", "TREATY_POINTS_BACK"]

#: An act that has not happened is no event ("will ratify", "plans to join").
TREATY_FUTURE = re.compile(r"\b(will|would|plans? to|planning to|intends? to|hopes? to|expected to|"
                           r"could|(?-i:may)|might|set to|aims? to|wants? to|threaten\w* to|vowed to|"
                           r"considering|proposed|proposal to|refused to|declined to|yet to|"
                           r"has not|have not|did not|never|urg\w*|called on|calls on|called for|"
                           r"demand\w*|pressed|pressing)\b", re.I)

#: A present-tense act under a condition has not happened ("before the pact is ratified").
TREATY_CONDITION = re.compile(r"\b(before|until|unless|once|if|when|pending)\b[^,.;]{0,40}\b(is|are|gets|get)\s+$",
                              re.I)
__all__ += ["ONE_PERSON", "PERSON_SUFFIX", "TREATY_CONDITION", "TREATY_FUTURE"]

#: "put the number of X troops in Y at N": the figure counts the troops named before it.
TROOP_NUMBER_OF = re.compile(r"\b(number|total|strength|size)\s+of\b[^,;]{0,60}?\b(troops|soldiers|"
                             r"personnel|servicemen|fighters|forces)\b[^,;]{0,80}?\bat\s*$", re.I)
#: Words that end the noun phrase after a figure: the figure counts no noun of its own ("killed 40").
NOUN_PHRASE_END = frozenset(
    "were was is are be been being had have has will would could may might in on at and or to from by "
    "for with during after before since over under as who which that said says than more of".split())
#: "the contingent has since grown to N": a force's new size, with no noun after the figure.
TROOP_TOTAL_TO = re.compile(r"\b(contingent|force|deployment|mission|presence|garrison)\b[^,;.]{0,40}?\b(grown|grew|"
                            r"risen|rose|increased|swelled|reached|expanded)\s+to\s*$", re.I)
#: People held by the other side: "is still holding N aid workers" counts captives.
HELD_BEFORE = re.compile(r"\b(" + words("holding", "holds", "hold", "held", "detaining", "detains", "detained")
                         + r")\s*$", re.I)
#: The dead and wounded as the object of another act ("sent to replace the dead") are not
#: what the figure counts.
CASUALTIES_AS_OBJECT = re.compile(r"\b(?:replace|replacing|replaced|relieve|relieving|evacuate|evacuating|"
                                  r"evacuated|treat|treating|bury|burying|collect|collecting|retrieve|"
                                  r"retrieving)\s+(?:the|their|its)\s+(?:dead|wounded|injured|fallen|casualties)"
                                  r"(?:\s+(?:and|or)\s+(?:dead|wounded|injured))?\b", re.I)
__all__ += ["CASUALTIES_AS_OBJECT", "HELD_BEFORE", "NOUN_PHRASE_END", "TROOP_NUMBER_OF", "TROOP_TOTAL_TO"]


# --- deployments without a figure -------------------------------------------------

#: A deployment sentence: a unit noun, a verb of sending, and a word that makes it a new wave.
WAVE_NOUN = re.compile(r"\b(troops|soldiers|forces|personnel|contingent|units?|servicemen|"
                       r"reinforcements|fighters|battalions?|brigades?|group|wave|rotation|detachment|"
                       r"operators|trainers|instructors|advisers|advisors|engineers|specialists)\b", re.I)
SENT = re.compile(r"\b(sen[dt]\w*|deploy\w*|dispatch\w*|transport\w*|arriv\w*|rotat\w*|crossed|"
                  r"moved|flown|shipped|airlifted|sailed)\b", re.I)
# Not after "the": "the extra forces" points back to a wave already told; "for the first time" is
# no wave at all.
NEW_WAVE = re.compile(r"(?<!\bthe )(?<!\bthose )(?<!\bthese )\b(additional|more|new|another|fresh|further|extra)\b"
                      r"|\b(first|second|third|next)\b(?! time\b)", re.I)
#: Police are a deployment only when they are sent somewhere: "has 10,000 officers" is a force's size.
POLICE_NOUN = re.compile(r"\b(officers|police|policemen|policewomen)\s*$", re.I)
#: The article says outright that the size is not given: "whose number he did not give".
UNSIZED = re.compile(r"\bwhose (number|size|strength)\b|\b(undisclosed|unspecified|unknown|"
                     r"unconfirmed) number\b|\bdid not (give|disclose|say|specify|reveal) (how many|"
                     r"the (number|size))\b", re.I)
REDEPLOY = re.compile(r"\bredeploy\w*|\bwithdr[ae]w\w*", re.I)

#: A treaty event that points back to a treaty named earlier ("approved its withdrawal").
TREATY_BACK_EVENT = re.compile(r"\b(ratif\w+|suspend\w*|suspension|withdrawal|withdr[ae]w from|"
                               r"acce(?:ded|ssion)|invok\w+|anniversary)\b", re.I)
__all__ += ["POLICE_NOUN", "NEW_WAVE", "REDEPLOY", "SENT", "TREATY_BACK_EVENT", "UNSIZED", "WAVE_NOUN"]


# --- sources ---------------------------------------------------------------------

#: What kind of source a name is, from its words, first match wins (``sources.infer_kind``).
SOURCE_KIND_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("unnamed", re.compile(r"\b(unidentified|unnamed|anonymous|undisclosed|sources? (familiar|close))\b", re.I)),
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
__all__ += ["SOURCE_KIND_WORDS"]


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
    "records", "tallied", "verified", "verifies", "counts", "count", "reporting")
#: Reporting verbs that are also nouns ("the claims were", "its estimates of").
REPORTING_NOUNS = frozenset({"claims", "reports", "estimates", "estimate", "states", "notes", "puts", "shows",
                             "put", "records", "documents"})
#: Plural speakers after which such a word is the verb ("aid agencies estimate").
PLURAL_SPEAKERS = (
    "agencies", "officials", "analysts", "experts", "monitors", "observers", "researchers", "sources",
    "authorities", "diplomats", "groups", r"organi[sz]ations")
#: Speakers that take a place after them as part of their name ("officials in <town>").
PLACED_SPEAKERS = (
    "officials", "sources", "diplomats", "residents", "witnesses", "authorities", "police", "commanders",
    "doctors", "medics", "analysts", "mission", "missions", "office", "embassy", "commission", "delegation")
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
    "delegation", "guard", "brigade", "battalion", "unit")
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
__all__ += ["AUDIENCES", "NOT_SPEAKERS", "PLACED_SPEAKERS", "PLURAL_SPEAKERS", "REPORTING_NOUNS", "REPORTING_VERBS",
            "SPEAKER_HEADS", "SPEAKING_DOCUMENTS"]
