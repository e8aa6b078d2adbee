"""What a figure counts: casualty words and verbs, troop and unit nouns, and what is not a deployment."""

from __future__ import annotations

import re

from summarizer.vocabulary.common import FigureLabel, words

__all__ = [
    "DEPLOYED_BY_NAME", "HAS_BEFORE", "LOCATED_AFTER", "WAVE_OF",
    "PRESENCE_AFTER", "PRESENCE_BEFORE",
    "ANY_TROOPS", "ARMY_SIZE_BEFORE", "CASUALTIES_AS_OBJECT", "CASUALTY_VERB_BEFORE", "CASUALTY_WORDS",
    "HELD_BEFORE", "LIVES_AFTER", "NEW_WAVE", "NOT_A_DEPLOYMENT_AFTER", "NOT_A_DEPLOYMENT_BEFORE", "NOT_PEOPLE",
    "NOUN_PHRASE_END", "ONE_PERSON", "PERSON_NOUN", "PERSON_SUFFIX", "POLICE_NOUN", "REDEPLOY", "RELEASED",
    "RELEASED_AFTER", "SENT", "ACTING_FORCE_AFTER", "SENT_JUST_BEFORE", "STANDING_FORCE_AFTER", "TROOP_LIMIT", "TROOP_NOUN", "TROOP_NUMBER_OF", "TROOP_PRESENCE_AT", "TROOP_TOTAL_TO", "UNIT_NOUN",
    "UNSIZED", "VAGUE_SIZE", "WAVE_NOUN"
]

# --- what a figure counts ----------------------------------------------------

#: Casualty words in the figure's own clause, most specific first.
CASUALTY_WORDS: tuple[tuple[FigureLabel, re.Pattern[str]], ...] = (
    ("killed_or_wounded", re.compile(r"\b(" + words(
        r"casualt\w*", "killed (or|and) wounded", "wounded (or|and) killed", "killed or injured",
        "dead or wounded", "dead and wounded", "killed or wounded", "killed and injured",
        "dead and injured") + r")\b", re.I)),
    ("captured", re.compile(r"\b(" + words(
        "captured", "taken prisoner", r"prisoners?( of war)?", "POWs?", "surrendered", r"hostages?",
        r"captives?", "held captive", "abducted", "kidnapped", "taken captive",
        # held by the other side: "two soldiers held by the army", "detained by border guards"
        r"(?:held|detained|seized) by", "in (?:the )?custody of") + r")\b", re.I)),
    ("killed", re.compile(r"\b(" + words(
        "killed", "dead", "died", r"deaths?", "lost their lives", r"fatalit\w*", "death toll", r"toll(?!-free)",
        "slain", "perished", "lost their life", "fatal", "fatally wounded", "fatally injured", "bodies",
        # euphemisms of military releases: "paid the supreme price"
        r"paid the (?:supreme|ultimate) price", r"made the (?:supreme|ultimate) sacrifice",
        "neutralised", "neutralized", "eliminated", "liquidated")
     + r")\b", re.I)),
    ("wounded", re.compile(r"\b(" + words(
        "wounded", "injured", r"injur\w*", "hurt", "maimed", r"amputees?",
        # "lost legs": a maiming, not a death
        r"lost (?:a |an |their |his |her |both )?(?:legs?|limbs?|arms?|feet|foot|hands?|eyes?|sight)")
        + r")\b", re.I)),
)

#: A verb right before the figure decides what it counts: "the raid killed 40 people", "lost 12 men".
#: "Lost N soldiers" is a death toll unless the article says it covers the wounded.
CASUALTY_VERB_BEFORE: tuple[tuple[FigureLabel, re.Pattern[str]], ...] = (
    ("killed_or_wounded", re.compile(r"\b(?:killed|killing|kill) (?:or|and) (?:wounded|wounding|injured|injuring|"
                                     r"wound|injure)[\"”’']?\s*$", re.I)),
    ("killed", re.compile(r"\b(" + words("killed", "kill", "kills", "killing", "lost", "loses", "lose", "losing",
                                         "slew", "claimed the lives of", "eliminated", "eliminating",
                                         "neutralised", "neutralized", "neutralising", "neutralizing",
                                         "liquidated", "bodies of", "the bodies of", "executed", "executing",
                                         "massacred", "murdered", "beheaded",
                                         # "repelled it with the loss of three men"
                                         "loss of", "losses of") + r")[\"”’']?\s*$", re.I)),
    ("wounded", re.compile(r"\b(" + words("wounded", "injured", "injuring", "wounding") + r")[\"”’']?\s*$", re.I)),
    ("captured", re.compile(r"\b(" + words("captured", "capturing", "abducted", "kidnapped")
                            + r")[\"”’']?\s*$", re.I)),
)

#: "claimed 1,500 lives": lives a figure counts are lives lost.
LIVES_AFTER = re.compile(r"^\s*(?:lives|souls)\b", re.I)

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
    r"(?i:" + words("guard members", "guardsmen", "troops", "troop", "soldiers", "soldier", "servicemen", "servicemembers", "service members",
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
    "may keep", "may station", "allowed to", "permitted to", "under (its|the) terms",
    # "the deal allows Vell to keep N troops": an allowance, not troops sent
    r"(?:allows?|allowing|would allow|permits?|permitting|authori[sz](?:es|ed|ing)?)\s+(?:\w+\s+){0,3}?to\s+"
    r"(?:keep|station|deploy|base|maintain|have)",
    # a base's capacity is no one sent: "capable of housing N personnel", "room for N troops"
    "capable of housing", "capable of hosting", "able to house", "able to host", "can house", "can host",
    "could house", "could host", "room for", "capacity (?:of|for)", "accommodate", "accommodating")
    + r")\b", re.I)

#: Troops that are not being sent anywhere: an army's size, a force on alert, a force leaving.
#: An army's standing size: never troops sent, nor its losses ("which can field N soldiers").
ARMY_SIZE_BEFORE = re.compile(r"\b(" + words(
    r"(?:can|could)(?: still| now| only)? (?:field|muster)", "fields", "fielding", "standing army of",
    "which number", "which numbers", "numbering") + r")\b[^,;]{0,25}$", re.I)
#: A force's own size, not troops anywhere: "the group, which has an estimated N fighters", "a militia
#: that counts N recruits" (unless where they are follows the noun: ``LOCATED_AFTER``).
HAS_BEFORE = re.compile(r"\b(?:has|have|had|counts|count)\s*$", re.I)
#: Where a force is, right after the noun it is counted by: "has 4,400 soldiers in the south".
LOCATED_AFTER = re.compile(r"^[\s,]*(?:in|at|on|across|inside|near|along|around|stationed|deployed|based|serving|"
                           r"posted|garrisoned)\b", re.I)
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
    "mobilising", "mobilizing", "called up", "conscripted", "drafted", "evacuated", "evacuating", "evacuate",
    "recruitment of", "recruit", "recruits", "enlisted", "enlisting", "enlistment of",
    # people arrested or rescued are nobody's force
    "arrested", "arresting", "apprehended", "apprehending", "rescued", "rescuing",
    # the size of a fighting group is how troops fight, not a wave sent: "attacked in groups of N"
    "groups of", "teams of", "squads of", "units of", "columns of")
    + r")\b[^,;]{0,25}$", re.I)
NOT_A_DEPLOYMENT_AFTER = re.compile(r"^[^,;]{0,60}?\b(" + words(
    r"on (high |heightened |full )?(alert|standby|readiness|notice)", "on stand-by",
    r"(began|begin|started|start|completed|complete|finished) (leaving|their withdrawal|withdrawing|"
    r"pulling out|to leave|to withdraw)", "withdrew", "withdrawn", "pulled out", "went home",
    "returned home", "left the country", r"left (?:the|their|its)", "departed", "were cut", "will be cut", "would be cut", "out of",
    "went missing", "are missing", "were missing", "remain missing", "are unaccounted for",
    # the wounded flown out, and a treaty's allowance: "flown to the capital for treatment",
    # "far more than the N troops it is permitted to keep there"
    "for treatment", "for medical treatment", "to hospital", "to a hospital",
    r"(?:it |they )?(?:was|were|is|are|be) (?:allowed|permitted|entitled|authori[sz]ed) to",
    # soldiers trained rather than sent
    r"(?:had |have |has )?completed (?:their |its )?training", "graduated",
    # troops on parade are on show, not sent anywhere
    "marched", "paraded", "parade",
    # troops about to go home: "are due to leave by May" ("leave for X" is a deployment)
    r"(?:to|will|would|must|should) (?:leave|depart)(?! for\b)") + r")\b", re.I)

#: An army's standing size after the figure ("N active-duty soldiers"): not a deployment unless a verb
#: of sending governs the figure ("sent N active-duty Marines to the port").
STANDING_FORCE_AFTER = re.compile(r"^[^,;]{0,60}?\b(" + words(
    "active-duty", "active duty", "in uniform", "under arms",
    r"active (?:personnel|troops|soldiers|servicemen|service members|members)", "in reserve") + r")\b", re.I)
#: Attackers, the trapped and deserters, as the figure's own verb, are no force sent ("N fighters
#: stormed the town"), unless a verb of sending governs the figure ("sent N troops, who attacked").
ACTING_FORCE_AFTER = re.compile(r"^\s*(?:[\w'’-]+\s+){0,4}?(?:were\s+|have\s+|had\s+|have been\s+|had been\s+)?(" + words(
    "stormed", "attacked", "ambushed", "raided", "overran", "assaulted", "besieged", "encircled",
    "deserted", "defected", "mutinied") + r")\b", re.I)
#: A verb of sending right before the figure: "has sent 120 members".
SENT_JUST_BEFORE = re.compile(r"\b(?:sent|sending|send|sends|deployed|deploying|deploys|deploy|dispatched|"
                              r"dispatching|dispatch)\s*$", re.I)

ANY_TROOPS = re.compile(r"\b(troops|soldiers|personnel|forces|servicemen)\b", re.I)


#: "put the number of X troops in Y at N": the figure counts the troops named before it.
TROOP_NUMBER_OF = re.compile(r"\b(number|total|strength|size)\s+of\b[^,;]{0,60}?\b(troops|soldiers|"
                             r"personnel|servicemen|fighters|forces)\b[^,;]{0,80}?\bat\s*$", re.I)
#: Words that end the noun phrase after a figure: the figure counts no noun of its own ("killed 40").
NOUN_PHRASE_END = frozenset(
    "were was is are be been being had have has will would could may might in on at and or to from by "
    "for with during after before since over under as who which that said says than more of once when if "
    "because unless although though including excluding".split())
#: Troops whose very name says they are deployed: a mission "fields N peacekeepers" is a presence, not
#: an army's size.
DEPLOYED_BY_NAME = re.compile(r"^\s*(?:[\w'’-]+\s+){0,2}?(?:peacekeepers|peacekeeping troops|blue helmets)\b", re.I)
#: "a second contingent of around N": the figure counts the contingent's troops.
WAVE_OF = re.compile(r"\b(?:contingent|wave|batch|detachment|rotation|deployment)\s+of\s*$", re.I)
#: "put North Korea's presence there at about N": a force's size, with no noun after the figure.
TROOP_PRESENCE_AT = re.compile(r"\b(presence|contingent|garrison|deployment)\b[^,;.]{0,60}?\bat\s*$", re.I)
#: A force that is there now, not a wave on its way: a running total ("cumulative").
#: "X has some N soldiers in Y", "N soldiers currently serve at Y", "its presence ... at N".
PRESENCE_BEFORE = re.compile(r"\b(?:has|have|keeps?|kept|maintains?|maintained|stations|fields|currently|"
                             r"presence|there are|there were)\b(?:[^,;]|(?<=\d),(?=\d)){0,50}$", re.I)
PRESENCE_AFTER = re.compile(r"^[^,;]{0,50}?\b(?:currently|at present|serve|serves|serving|are stationed|"
                            r"is stationed|are based|is based|remain|remains|are present|are now)\b", re.I)
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
                                  r"retrieving|make up for|making up for|made up for|compensate for|"
                                  r"compensating for|replenish|replenishing|offset|offsetting)\s+"
                                  r"(?:the|their|its)\s+(?:dead|wounded|injured|fallen|casualties|losses)"
                                  r"(?:\s+(?:and|or)\s+(?:the\s+|their\s+)?(?:dead|wounded|injured))?\b", re.I)


# --- deployments without a figure -------------------------------------------------

#: A deployment sentence: a unit noun, a verb of sending, and a word that makes it a new wave.
WAVE_NOUN = re.compile(r"\b(troops|soldiers|forces|personnel|contingent|units?|servicemen|"
                       r"reinforcements|fighters|battalions?|brigades?|group|wave|rotation|detachment|"
                       r"operators|trainers|instructors|advisers|advisors|engineers|specialists)\b", re.I)
SENT = re.compile(r"\b(sen[dt]\w*|deploy\w*|dispatch\w*|transport\w*|arriv\w*|rotat\w*|crossed|"
                  r"moved|flown|flew|shipped|airlifted|sailed|reached|landed|poured)\b", re.I)
# Not after "the": "the extra forces" points back to a wave already told; "for the first time" is
# no wave at all.
NEW_WAVE = re.compile(r"(?<!\bthe )(?<!\bthose )(?<!\bthese )\b(additional|more|new|another|fresh|further|extra)\b"
                      r"|\b(first|second|third|next)\b(?! time\b)", re.I)
#: Police are a deployment only when they are sent somewhere: "has 10,000 officers" is a force's size.
POLICE_NOUN = re.compile(r"\b(officers|police|policemen|policewomen)\s*$", re.I)
#: The article says outright that the size is not given: "whose number he did not give".
UNSIZED = re.compile(r"\bwhose (number|size|strength)\b|\b(number|size|strength) of which\b|"
                     r"\b(undisclosed|unspecified|unknown|unconfirmed) number\b|"
                     r"\b(?:did not|without) (give|giving|disclose|disclosing|say|saying|specify|specifying|"
                     r"reveal|revealing) (how many|the (number|size))\b", re.I)
#: A size given only vaguely ("several hundred troops", "thousands of soldiers", "reinforcements"):
#: a wave whose size the article does not give.
VAGUE_SIZE = re.compile(r"\b(?:several|a few|many)\s+(?:hundred|thousand|dozen)\b|\b(?:hundreds|thousands|dozens|"
                        r"tens of thousands) of\b|\breinforcements\b|\breinforced\b", re.I)
REDEPLOY = re.compile(r"\bredeploy\w*|\bwithdr[ae]w\w*", re.I)
