"""The crisis detector: does a message describe acute danger *now*? Deterministic, no model, no server.

It runs on every message, in the Rasa server (bot.nlu.crisis, before any policy) and again in the
channel (connectors.conversation), so that the emergency guidance comes first even when the model, the
action server or a database fails.

How it decides, per sentence of the (folded, lower-case) message:
1. an acute pattern of patterns_fi / patterns_sv matches (suicidal intent, an overdose, a child in
   danger, violence going on, a medical emergency) — patterns are written over word families
   ("lemmas": every spoken and written form of tappaa, döda, itse, ...);
2. idioms ("tää työ tappaa mut", "jag dog av skratt") and negations ("en ole itsetuhoinen") are
   blanked out first, so they never match;
3. a match does not count when the sentence is a general or hypothetical question ("mitä teen jos
   ..."), tells a past event ("viime vuonna", "som barn"), a fear ("pelkään että ...", common and
   not acute: intrusive thoughts after a birth), says the writer is safe ("oon nyt turvassa"), retells
   a film, the news or a post, comes from a professional about a client, or is a joke ("haha") —
   unless a strict *now* ("nyt", "just nu", "i natt") stands next to the match; when the frame is in
   the match's own clause, the now must be in that clause too ("vuosi sitten [match], nyt menee
   hyvin" stays past);
4. threats by someone else with a condition ("se tappaa mut jos lähden") are not acute either (the
   violence services answer them), again unless a strict *now* stands next to the match.
Some patterns need a *now* word near them ("mies lyö mua" is a worry; "mies lyö mua nyt" is acute).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from bot.places.finnish import fold
from bot.safety import patterns_fi, patterns_sv

CATEGORIES = ("suicide", "overdose", "child", "violence", "medical")
MAX_CHARS = 5000  # a crisis is stated early; this bounds the work on pasted essays
_SENTENCES = re.compile(r"[.!?;\n]+")


@dataclass(frozen=True)
class Finding:
    acute: bool
    category: Optional[str] = None
    language: Optional[str] = None
    cue: str = ""  # the words that matched (for tests and logs at DEBUG; may contain message text)
    # Not acute *on evidence*: a danger phrase was there but an idiom, a negation, the past, a question,
    # a fear or a condition took it back ("mä tapan sen jos se ei tiskaa"). The NLU component then
    # overrules a classifier that called the message an emergency.
    defused: bool = False

    def as_dict(self) -> dict:
        return {"acute": self.acute, "category": self.category, "language": self.language, "defused": self.defused}


# How far (characters) from a match a *now* word may stand to count for it.
NEAR = 45
# Rule flags in the pattern modules.
NOW, CONDITIONAL = "now", "conditional"


@dataclass(frozen=True)
class Rule:
    category: str
    pattern: re.Pattern
    needs_now: bool = False
    conditional: bool = False  # a condition ("jos", "om") without a strict now defuses it


@dataclass(frozen=True)
class Language:
    code: str
    rules: tuple[Rule, ...]
    now: re.Pattern
    strict_now: re.Pattern
    guards: re.Pattern  # past, general question, fear, safety: overruled by a strict now next to the match
    conditional: re.Pattern
    danger: re.Pattern  # any word of danger (killing, dying, hitting, overdosing...): for "defused"
    never: re.Pattern  # idioms and negations: these phrases are taken out before the rules run
    dream: re.Pattern  # a dream told: no now overrules it in its own clause ("drömde i natt att ...")
    # Said in earnest ("jag menar det på riktigt", "oon tosissani"): a condition does not defuse a threat to oneself.
    earnest: Optional[re.Pattern] = None
    # Rules read over the whole message, across sentences, without the frames: a few wordings specific enough
    # that a past or a question in another sentence does not take them back ("menossa isän luo ja isä kuoli
    # viime vuonna. se ei vastaa enää").
    whole: tuple[Rule, ...] = ()


def _compile(module) -> Language:
    def rx(source: str) -> re.Pattern:
        return re.compile(source.format(**module.WORDS))

    rules = tuple(
        Rule(category, rx(source), NOW in flags, CONDITIONAL in flags) for category, source, *flags in module.ACUTE
    )
    # REPORT (a film, the news, a post online, a professional's client) and JOKE ("haha", "lol") frame
    # the danger words as someone else's story or a joke; like the rest, a strict now next to the match
    # in the same clause overrules them.
    frames = (module.PAST, module.QUESTION, module.FEAR, module.SAFE, module.REPORT, module.JOKE, module.DREAM)
    guards = "|".join(f"(?:{g})" for g in frames)
    return Language(
        module.CODE,
        rules,
        rx(module.NOW),
        rx(module.STRICT_NOW),
        rx(guards),
        rx(module.CONDITIONAL),
        rx(module.DANGER),
        rx(module.NEVER),
        rx(module.DREAM),
        rx(module.EARNEST) if getattr(module, "EARNEST", None) else None,
        tuple(Rule(category, rx(source)) for category, source in getattr(module, "WHOLE", ())),
    )


@lru_cache(maxsize=1)
def languages() -> tuple[Language, ...]:
    return _compile(patterns_fi), _compile(patterns_sv)


def normalise(text: str) -> str:
    """Lower case, ä→a ö→o å→a, letters repeated 3+ times cut to two ("apuaaa" → "apuaa"), one space,
    punctuation dropped except sentence ends and commas."""
    text = fold(text or "")[:MAX_CHARS]
    text = re.sub(r"(\w)\1{2,}", r"\1\1", text)
    # Commas stay (as " , "): word patterns do not reach across a clause ("löi, lapset näki").
    text = re.sub(r"[^\w\s.!?;,\n]", " ", text).replace(",", " , ")
    return re.sub(r"[ \t]+", " ", text)


def _sentence(language: Language, sentence: str) -> Optional[Finding]:
    """An acute Finding, a defused one (a danger phrase taken back), or None."""
    # Blank out idioms and negations ("tää työ tappaa mut", "en ole itsetuhoinen") rather than drop the
    # sentence: "en ole itsetuhoinen mutta mies lyö mua nyt" is still acute.
    original = f" {sentence.strip()} "
    sentence = language.never.sub(" ~ ", original)
    guarded = bool(language.guards.search(sentence))
    conditional = bool(language.conditional.search(sentence))
    for rule, match in ((r, m) for r in language.rules for m in r.pattern.finditer(sentence)):
        # Every match, not only the first: "yritin tappaa itteni nuorena ja nyt aion tappaa itteni".
        near = sentence[max(0, match.start() - NEAR) : match.end() + NEAR]
        if rule.needs_now and not language.now.search(near):
            continue
        strict = bool(language.strict_now.search(near))
        if guarded and language.dream.search(_clause(sentence, match)[0]):
            # A dream happens at night: "i natt" / "viime yönä" next to it is no now ("drömde i natt att jag
            # tappade bebisen"); a later clause of its own still counts ("näin unta, nyt aion tappaa itteni").
            continue
        if guarded:
            # A frame in the match's own clause ("X vuotta sitten [match], nyt menee hyvin") is overruled
            # only by a strict now in that clause; a frame elsewhere by one next to the match.
            clause, window = _clause(sentence, match)
            if language.guards.search(clause) and not language.strict_now.search(window):
                continue
            if not strict and not language.guards.search(clause):
                continue
        if (
            rule.conditional
            and conditional
            and not strict
            and not (language.earnest and language.earnest.search(sentence))
        ):
            continue
        return Finding(True, rule.category, language.code, match.group().strip())
    if sentence != original or _framed(language, sentence, guarded or conditional):
        return Finding(False, language=language.code, defused=True)
    return None


_CLAUSES = re.compile(r" (?:,|mutta|mut|men|but) ")
# Where a clause of its own starts: also "ja nyt" / "och nu" ("otin yliannostuksen vuosi sitten ja nyt oon
# raskaana": the "nyt" belongs to the pregnancy, not to the overdose).
_CLAUSE_START = re.compile(r" (?:,|mutta|mut|men|but) | (?=(?:ja|ja sitten|och|a) (?:nyt|nu)\b)")


def _clause(sentence: str, match: re.Match) -> tuple[str, str]:
    """The match's own clause, and the text within NEAR of the match inside it."""
    start, end = match.start(), match.end()
    left = max([m.end() for m in _CLAUSE_START.finditer(sentence, 0, start)], default=0)
    right = min([m.start() for m in _CLAUSE_START.finditer(sentence, end)], default=len(sentence))
    return sentence[left:right], sentence[max(left, start - NEAR) : min(right, end + NEAR)]


def _framed(language: Language, sentence: str, guarded: bool) -> bool:
    """Defused on evidence: a word of danger in a sentence framed as past, question, fear or condition,
    and no strict now in the clause that holds the danger ("yritin itsemurhaa nuorena, nyt menee hyvin")."""
    if not guarded:
        return False
    clauses = [c for c in _CLAUSES.split(sentence) if language.danger.search(c)]
    return bool(clauses) and not any(language.strict_now.search(c) for c in clauses)


# Long run-on sentences are read in overlapping windows of words: a crisis is said in a few words,
# and the patterns' ".*" would otherwise cost time quadratic in the sentence length.
WINDOW_WORDS, WINDOW_STEP = 40, 30


def _pieces(normal: str):
    for sentence in _SENTENCES.split(normal):
        words = sentence.split()
        if len(words) <= WINDOW_WORDS:
            if words:
                yield sentence
            continue
        for start in range(0, len(words) - WINDOW_STEP, WINDOW_STEP):
            yield " ".join(words[start : start + WINDOW_WORDS])


@lru_cache(maxsize=2048)
def detect(text: str) -> Finding:
    """Finding(acute=True, category, language, cue) for the first acute sentence, else Finding(False)."""
    normal = normalise(text)
    defused = None
    for sentence in _pieces(normal):
        for language in languages():
            found = _sentence(language, sentence)
            if found and found.acute:
                return found
            defused = defused or found
    for language in languages():
        for rule in language.whole:
            match = rule.pattern.search(normal)
            if match:
                return Finding(True, rule.category, language.code, match.group().strip()[:80])
    return defused or Finding(False)
