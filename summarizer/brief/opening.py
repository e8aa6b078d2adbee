"""The brief's opening sentences: a deterministic template, or a model held to the claims.

Both paths go through the same check, ``unsupported_figures``: every figure in the
opening (as ``summarizer.numbers`` finds figures: years, days of the month and
percentages are not figures) must be a bound of some claim's figure. A model's
answer that cites any other number is rejected by a validator, so instructor
re-asks with the error; if it never complies, the template is used.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from summarizer.brief.models import Brief, Claim, Disagreement, format_count
from summarizer.kinds import KINDS, TREATY_ACTION_WORDS
from summarizer.numbers import find_number_phrases

__all__ = ["OpeningAnswer", "allowed_figures", "opening", "opening_with_origin",
           "template_opening", "unsupported_figures"]

log = logging.getLogger(__name__)

_FIELD_WORDS = {f.name: f.words for k in KINDS for f in k.figures}
_MONTHS = ("January February March April May June July August September October November "
           "December").split()
_ACTIONS = TREATY_ACTION_WORDS


def allowed_figures(brief: Brief) -> set[int]:
    """Every bound of every claim's figures (spreads are among them), and numbers in claim names.

    A name may hold a number ("Brigade 47"); naming it is not citing a figure.
    """
    allowed = {v for c in brief.claims for n in c.figures.values() for v in (n.low, n.high)
               if v is not None}
    for c in brief.claims:
        names = [c.source, c.force, c.destination, c.treaty, c.actor, *c.parties,
                 *(s.source for s in c.supports)]
        for name in filter(None, names):
            allowed |= {int(d.replace(",", "")) for d in re.findall(r"\d[\d,]*", name)
                        if d.replace(",", "")}
    return allowed


def unsupported_figures(text: str, allowed: set[int]) -> list[int]:
    """Figures stated in ``text`` that are not in ``allowed``, in order of appearance."""
    bad = []
    for phrase in find_number_phrases(text):
        bad += [v for v in (phrase.count.low, phrase.count.high) if v is not None and v not in allowed]
    return list(dict.fromkeys(bad))


def _date_words(date: str | None, as_of: bool = False) -> str:
    if date is None:
        return ""
    parts = date.split("-")
    words = parts[0] if len(parts) == 1 else f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 3:
        words = f"{int(parts[2])} {words}"
    if as_of:
        return f" as of {words}"
    return f" {'on' if len(parts) == 3 else 'in'} {words}"


def _article_count(claim: Claim) -> int:
    return len({s.article_id for s in claim.supports})


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _claim_phrase(c: Claim) -> str:
    """A clause stating the claim's figures: "about 2,150 troops were sent to Valmora in 2019"."""
    if c.record_type == "troop_deployments":
        where = c.destination or "an unstated destination"
        troops = format_count(c.figures["troops"], words=True)
        if c.cumulative:
            return f"a total of {troops} troops have been sent to {where}{_date_words(c.date)}"
        return f"{troops} troops were sent to {where}{_date_words(c.date)}"
    figures = _and([f"{format_count(n, words=True)} {_FIELD_WORDS[f]}" for f, n in c.figures.items()])
    return f"{c.force} had suffered {figures}{_date_words(c.date, as_of=True)}"


def _has_source(c: Claim) -> bool:
    return c.source is not None and c.source_kind != "unnamed"


def _spread_ratio(d: Disagreement) -> float:
    return (d.spread.high or 0) / max(d.spread.low or 0, 1)


def _disagreement_subject(d: Disagreement) -> str:
    if d.record_type == "troop_deployments":
        return f"the {d.subject}"
    return f"{d.subject} {_FIELD_WORDS[d.field]}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _template_sentences(brief: Brief) -> list[str]:
    sentences = []
    sized = [c for c in brief.claims if c.figures]
    if sized:
        # The most repeated figure, an attributed one first; then the earliest claim.
        top = max(sized, key=lambda c: (_article_count(c), _has_source(c), -brief.claims.index(c)))
        repeated = ", a claim carried by several articles" if _article_count(top) > 1 else ""
        who = f"According to {top.source}," if _has_source(top) else "Unattributed reports say"
        sentences.append(f"{who} {_claim_phrase(top)}{repeated}.")
    if brief.disagreements:
        # The widest disagreement (highest to lowest figure), then the first.
        d = max(brief.disagreements, key=lambda d: (_spread_ratio(d), -int(d.id[1:])))
        low = min(d.figures, key=lambda f: (f.count.low if f.count.low is not None else f.count.high))
        high = max(d.figures, key=lambda f: (f.count.high if f.count.high is not None else f.count.low))
        sentences.append(
            f"Sources disagree on {_disagreement_subject(d)}"
            f"{_date_words(d.date, as_of=d.record_type == 'casualty_estimates')}: "
            f"{format_count(low.count, words=True)} ({low.source or 'unattributed'}) against "
            f"{format_count(high.count, words=True)} ({high.source or 'unattributed'}).")
    treaties = [c for c in brief.claims if c.record_type == "treaty_references"]
    acted = [c for c in treaties if c.action != "mentioned"] or treaties
    if acted:
        t = min(acted, key=lambda c: (c.date is None, c.date or "", brief.claims.index(c)))
        the = "" if t.treaty and t.treaty.lower().startswith("the ") else "The "
        sentences.append(_cap(the + _treaty_phrase(t) + "."))
    if not sentences:
        sentences.append("No troop deployments, casualty estimates or treaty events were found "
                         "in these articles.")
    return sentences


def template_opening(brief: Brief) -> str:
    """The deterministic opening: the most repeated claim, the widest disagreement, a treaty event."""
    allowed = allowed_figures(brief)
    # The template only prints claim figures; the check guards against a formatting slip.
    return " ".join(s for s in _template_sentences(brief) if not unsupported_figures(s, allowed))


class OpeningAnswer(BaseModel):
    """What the model answers: the opening, checked against the claims' figures."""

    model_config = ConfigDict(extra="forbid")
    opening: str = Field(min_length=1, max_length=900,
                         description="Two or three sentences; figures only from the claims.")

    @field_validator("opening")
    @classmethod
    def _only_claimed_figures(cls, text: str, info: ValidationInfo) -> str:
        allowed = (info.context or {}).get("allowed_figures")
        if allowed is not None:
            bad = unsupported_figures(text, allowed)
            if bad:
                raise ValueError(
                    f"the opening states {', '.join(f'{v:,}' for v in bad)}, which no claim gives; "
                    "use only the figures listed in the claims and write no other number "
                    "(no counts of articles or sources)")
        return text


def _treaty_phrase(c: Claim) -> str:
    by = f" by {c.actor}" if c.actor else ""
    return f"{c.treaty} {_ACTIONS[c.action or 'mentioned']}{by}{_date_words(c.date)}"


def _claims_text(brief: Brief) -> str:
    lines = []
    for c in brief.claims:
        if c.figures:
            what = _claim_phrase(c)
        elif c.record_type == "treaty_references":
            what = _treaty_phrase(c)
        else:
            what = (f"troops (number not disclosed) sent to "
                    f"{c.destination or 'an unstated destination'}{_date_words(c.date)}")
        articles = ", ".join(sorted({s.article_id for s in c.supports}))
        lines.append(f"- {c.id}: {what} (source: {c.source or 'unattributed'}; articles: {articles})")
    return "\n".join(lines) or "(none)"


def _disagreements_text(brief: Brief) -> str:
    lines = [f"- {d.subject}, {_FIELD_WORDS[d.field]}: " + "; ".join(
        f"{format_count(f.count, words=True)} ({f.source or 'unattributed'})" for f in d.figures)
        for d in brief.disagreements]
    return "\n".join(lines) or "(none)"


def messages_for(brief: Brief) -> list[dict[str, str]]:
    """The prompt: the claims and disagreements, as text."""
    from summarizer.prompts import load_prompt

    return [{"role": "user", "content": load_prompt("brief").render(
        claims=_claims_text(brief), disagreements=_disagreements_text(brief))}]


def opening_with_origin(brief: Brief, backend: Any = None) -> tuple[str, str | None]:
    """The opening and the model id that wrote it (None: the template)."""
    template = template_opening(brief)
    if backend is None:
        return template, None
    from summarizer.errors import BackendError, RealCallBlocked
    from summarizer.structured import StructuredError, structured_call

    allowed = allowed_figures(brief)
    try:
        answer = structured_call(backend, messages_for(brief), OpeningAnswer,
                                 context={"allowed_figures": allowed}, max_retries=2, max_tokens=400)
    except RealCallBlocked:
        raise  # a test that forgot its fake backend should fail loudly, not fall back
    except (StructuredError, BackendError) as exc:
        log.warning("brief opening: %s; using the template", exc)
        return template, None
    text = " ".join(answer.opening.split())
    if unsupported_figures(text, allowed):  # the same check as the validator, for any path
        return template, None
    return text, backend.model_id


def opening(brief: Brief, backend: Any = None) -> str:
    """The opening text (see ``opening_with_origin``)."""
    return opening_with_origin(brief, backend)[0]
