"""Hand-made articles for the brief tests: invented places, sources and figures only."""

from __future__ import annotations

from typing import Any

from summarizer.records import ArticleRecords


def count(low: int | None, high: int | None = -1, approximate: bool = False) -> dict[str, Any]:
    """A Count dict; ``high`` defaults to ``low`` (an exact figure)."""
    return {"low": low, "high": low if high == -1 else high, "approximate": approximate}


def source(name: str, via: str | None = None, kind: str = "government") -> dict[str, Any]:
    return {"name": name, "via": via, "kind": kind}


def casualty(sentence: int, force: str, src: dict | None, as_of: str | None = None,
             **figures: dict) -> dict[str, Any]:
    return {"_s": sentence, "force": force, "source": src, "as_of": as_of, **figures}


def deployment(sentence: int, troops: dict | None, src: dict | None, start: str | None = None,
               destination: str | None = "Valmora", cumulative: bool = False,
               end: str | None = None) -> dict[str, Any]:
    return {"_s": sentence, "troops": troops, "source": src, "start": start, "end": end,
            "destination": destination, "cumulative": cumulative}


def treaty(sentence: int, name: str, action: str, date: str | None = None,
           actor: str | None = None,
           parties: tuple[str, ...] = ("Estavia", "Norland")) -> dict[str, Any]:
    return {"_s": sentence, "treaty": name, "action": action, "date": date, "actor": actor,
            "parties": list(parties)}


def article(article_id: str, sentences: list[str], deployments: tuple = (), casualties: tuple = (),
            treaties: tuple = ()) -> tuple[ArticleRecords, str]:
    """Records whose evidence is sentence ``_s`` of ``sentences`` (joined by one space), and the text."""
    text = " ".join(sentences)
    offsets = []
    position = 0
    for sentence in sentences:
        offsets.append(position)
        position += len(sentence) + 1

    def with_evidence(record: dict[str, Any]) -> dict[str, Any]:
        record = dict(record)
        n = record.pop("_s")
        start = offsets[n]
        return {**record, "evidence": {"quote": sentences[n], "start": start,
                                       "end": start + len(sentences[n])}}

    records = ArticleRecords.model_validate({
        "article_id": article_id,
        "troop_deployments": [with_evidence(r) for r in deployments],
        "casualty_estimates": [with_evidence(r) for r in casualties],
        "treaty_references": [with_evidence(r) for r in treaties],
    })
    return records, text


def three_outlets() -> tuple[list[ArticleRecords], dict[str, str]]:
    """One casualty estimate (the Norland Security Bureau's) carried by three outlets."""
    made = [
        article("wire-a", [
            "Fighting went on near Valmora.",
            "The Norland Security Bureau (NSB) said 640 Estavian troops had been killed, the "
            "Halvik Tribune reported."],
            casualties=(casualty(1, "Estavian troops", source("Norland Security Bureau (NSB)",
                                                              "Halvik Tribune", "intelligence_agency"),
                                 killed=count(640)),)),
        article("wire-b", [
            "NSB: 640 Estavian soldiers killed, according to the Corvin Herald."],
            casualties=(casualty(0, "Estavian soldiers", source("NSB", "Corvin Herald",
                                                                "intelligence_agency"),
                                 killed=count(640)),)),
        article("wire-c", [
            "Shelling resumed on Tuesday.", "Officials met in Ostrin.",
            "The Norland Security Bureau put Estavian losses at 640 killed."],
            casualties=(casualty(2, "Estavian troops", source("the Norland Security Bureau", None,
                                                              "intelligence_agency"),
                                 killed=count(640)),)),
    ]
    return [r for r, _ in made], {r.article_id: t for r, t in made}
