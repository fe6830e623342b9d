"""Finding the people of an article that the registry does not know, from the evidence wire copy gives.

Discovery reads each sentence's runs of capitalised words (joined by name particles such as
"bin", "al", "de", "van" and by initials, across line breaks) that no registered actor's
name covers, and splits each run into a role prefix and a name. A run is a person's name when,
in the order tried:

1. a role or honorific stands before the name in the same run ("Foreign Minister Ali Akbar
   Velayati", "Crown Prince Abdullah bin Abdul Aziz", "Mr. Straw", "Sheikh Abdullah", "Dr
   Smith", "Prof Aynsley-Green"; "St." is a saint's, so "St. Petersburg" is none);
2. an appositive role follows it ("Herrington, the U.S. Energy Secretary,", "Kairat
   Abdrakhmanov, Foreign Minister of Kazakhstan"; what the office is "of" or "at" may be in
   lower case there, and a capitalised word after a plain noun is that body's name, not a
   person's: "Shami Chakrabarti, director of civil liberties pressure group Liberty,") or
   precedes it ("the Foreign Minister of Oman, Sayyid Badr al Busaidi", "the BBC's business
   editor, Jeff Randall"; of a list, what follows its last "and the": "a QC, Christopher
   Greenwood and the then Lord Chancellor, Lord Irvine"), or the sentence says it holds one
   ("Rao was India's external affairs minister", "Khan was his Pakistani counterpart");
3. it carries a patronymic particle ("bin", "ibn", "bint") or an initial ("Antony J. Blinken",
   "A.Shokybayev", "P V Narasimha Rao");
4. its first word is a first name of the name list (gender-guesser's dictionary) and it has a
   capitalised surname ("John Whitehead");
5. a speech or meeting verb follows a one-word name ("..., Velayati said", "Kacer met"), or
   "said" stands before a name that ends its clause ("said Kasuri.", "said Wang Yan,"; "told"
   only before one word: "told Good Morning Wales:" is a programme, "Krispy Kreme said" may be
   a firm), and the word is never written in lower case in the article (so "Officials said" is
   not a name) nor is one word ending in "s" that opens the sentence ("Reports said");
6. it has two to four capitalised words and is listed with a person found by the rules above
   ("Salman Haider and Shamshad Ahmed").

Runs that hold an organisation's head word ("Ministry", "Council", "Bank", ...), a known place
or a country are not people, unless that word follows a first name ("Bill Gates"), nor is a
town's whole name ("Milton Keynes") or a town followed by a compass word ("Sheffield
Central": a constituency); a
possessive ends a name unless it is a role's or a country's ("Labour's Elizabeth Blackman"). In
an article written in lower case (some wires are: half its sentences or more, with a country's
adjective or a weekday in lower case), only rule 1 applies in its lower-case sentences, on the
words as if capitalised. Letters after a name ("MP", "MEP", "MSP", "QC", "KC", "OBE", "MBE",
"CBE", "KBE", "DBE") are no part of it, though its mention keeps them ("Frank Field MP"), and a
member's letters are a role of the person ("the Labour MP for Birkenhead" is Frank Field); the
words after "MP for" are a seat, no name ("The MP for Sheffield Hallam, Nick Clegg"), and a
joiner opens no name ("According to Pat Ferguson");
after a word that is no first name, or is a town's, a member's letters name a seat ("Sheffield
Hallam MP"). "of" and a country's name right after a name a role opens give its country
("President Musharraf of Pakistan").

All the names that can be one person are grouped into one actor: a shorter name whose words
are the last words of a longer one ("Blinken", "Antony Blinken") or, for a name with a
patronymic or after "Sir" or "Dame", its first word ("Abdullah" of "Abdullah bin Abdul Aziz",
"Sir Digby" of "Digby Jones"), and for a family name
written first (a common East Asian surname, or a hyphenated given name after it: "Ban
Ki-moon"), that first word, is the same person,
unless two longer names both claim it (then the bare form names nobody, but "Mr", "Mrs", "Ms"
or "Miss" before it names the one claimant who is no knight or dame and whose gender agrees:
"Mr Blair" beside "Sir Ian Blair" and "Tony Blair"). A person the article
knows only by one word, with no role, honorific or title anywhere ("Ofcom said", "Airbus
said"), is dropped: a firm or a body speaks that way too. Each actor gets the
fullest name as its display name, a stable id derived from it (``discovered_id``), the role and
country the article gives it (the first role that came with a country, else the first role),
(a city before a lower-case role gives its country: "Moscow mayor Sergei Sobyanin"; a
counterpart's role is the office of the person named last before them with one),
and a gender from, in order: an honorific ("Mr.", "King", "Sheikh": he; "Mrs.", "Queen": she),
the article's own usage (``analysis.pronouns.own_usage``: "Khan said his", where the list
reads "Gohar" as a woman's name), the first-name list, or none.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from analysis import spans
from analysis.patterns import Phrases
from analysis.registry import Actor, Registry

# Role words: a capitalised run made of these (and joiners) before a name is the name's title.
ROLE_HEADS = frozenset(
    """
    minister ministers secretary secretary-general under-secretary undersecretary president
    vice-president premier chancellor king queen prince princess emir amir sultan sheikh shaikh
    sheikha ambassador envoy representative spokesman spokeswoman spokesperson chairman
    chairwoman chairperson director director-general commissioner governor mayor senator
    congressman congresswoman adviser advisor counsellor counselor consul consul-general chief
    head leader diplomat general admiral commander speaker monarch ayatollah pope imam
    attache attaché counterpart coordinator administrator officer official judge justice fm pm reporter
    councilor councillor brigadier lieutenant colonel captain journalist presenter correspondent
    editor boss co-chairman vice-chairman cardinal archbishop bishop rabbi patriarch mufti cleric
    businessman businesswoman mp mps msp mep peer constable superintendent inspector sergeant detective
    solicitor lawyer barrister actor actress singer star farmer auctioneer jockey chef host hostage
    author writer novelist campaigner activist economist analyst professor banker footballer
    candidate frontbencher backbencher defector veteran founder co-founder attorney supremo
    """.split()
)
HONORIFICS = {
    "mr": "he", "mr.": "he", "sir": "he", "lord": "he", "king": "he", "prince": "he",
    "sheikh": "he", "shaikh": "he", "sayyid": "he", "emir": "he", "amir": "he", "sultan": "he",
    "pope": "he", "ayatollah": "he", "crown prince": "he",
    "mrs": "she", "mrs.": "she", "ms": "she", "ms.": "she", "miss": "she", "madam": "she",
    "lady": "she", "dame": "she", "queen": "she", "princess": "she", "sheikha": "she",
    "baron": "he", "baroness": "she", "viscount": "he", "earl": "he", "duke": "he",
    "duchess": "she", "marquess": "he", "countess": "she",
    "dr": None, "dr.": None, "prof": None, "prof.": None, "h.e.": None, "h.h.": None,
    "gen.": None, "col.": None, "adm.": None, "rev.": None, "sen.": None, "rep.": None,
    "gov.": None, "st.": None,
}  # fmt: skip
# Parties whose name stands before a role ("Tory leader", "Lib Dem home affairs spokesman"): their
# words are role modifiers, and one may open a sentence before its subject ("Lib Dem Sir Archy").
PARTIES = (
    "Tory",
    "Labour",
    "Conservative",
    "Liberal Democrat",
    "Lib Dem",
    "Republican",
    "Democrat",
    "Democratic",
)
# The words of those parties' names, as role modifiers (``PARTY_WORDS`` below, the plural forms
# that are no names, is another list).
PARTY_MODIFIERS = frozenset(word.lower() for party in PARTIES for word in party.split())
ROLE_MODIFIERS = (
    frozenset(
        """
    foreign deputy prime vice crown first executive special assistant acting senior permanent
    principal national security state affairs defense defence interior home external energy oil
    petroleum trade commerce industry finance economy economic culture education health justice
    agriculture labour labor transport information communications international cooperation
    development planning tourism environment water housing science technology mines mining
    fisheries youth sports social welfare public works relations cabinet general high former
    then new top regional presidential royal his her highness excellency majesty policy planning
    staff joint chiefs armed extraordinary plenipotentiary shadow interim caretaker outgoing
    incoming designate family rural legal constitutional press immigration campaign prospective
    rock pop founding managing
    """.split()
    )
    | PARTY_MODIFIERS
)  # "Tory leader Michael Howard"
# Last words of the field a role covers, after "for" or "of" ("Assistant Secretary of State for
# Near East Affairs", "Minister for Foreign Affairs and International Cooperation").
AREA_ENDS = frozenset(
    "affairs cooperation relations development policy issues integration partnership".split()
)
JOINERS = frozenset("of the and for to".split())
# Letters written after a name, no part of it ("Frank Field MP", "Philippe Sands QC"); a name
# mention keeps them.
POST_NOMINALS = frozenset("MP MEP MSP QC KC OBE MBE CBE KBE DBE".split())
_MEMBERS = frozenset("MP MEP MSP".split())  # of these, the letters that are a seat, so a role
_SEAT = re.compile(r"\s+for\s+[A-Z][\w'’-]*(?:(?:\s+and|,)?\s+[A-Z][\w'’-]*)*")  # "MP for Henley-on-Thames"
COMPASS_WORDS = frozenset(
    "north south east west central north-east north-west south-east south-west northeast northwest southeast southwest".split()
)
# Words that may join the parts of a role written against a name ("Ambassador of Kazakhstan in
# Ukraine", "Economic Development & Trade Minister", "Senior Director for Gulf Affairs").
PREFIX_JOINERS = frozenset("of and to in for &".split())
ROYAL = frozenset("king queen prince princess emir amir sultan".split())  # honorifics that are roles too
PARTICLES = frozenset(
    "bin ibn bint al el ad ul de del della da di du dos van von der den le la ben abu arap".split()
)
PATRONYMICS = frozenset("bin ibn bint".split())
PARTICLES_CAPITALISED = frozenset("De Del Della Da Di Du Dos Van Von Der Den Le La".split())
# Family names written first (Chinese, Korean, Vietnamese): "Wang Yi" is "Wang" for short.
EAST_ASIAN_SURNAMES = frozenset(
    """
    Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng
    Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Yu Jiang Cai Jia
    Ding Wei Xue Ye Yan Du Dai Xia Zhong Qin Kong Fu Shen Lu Mao Qian Hou Shao Meng Long Wan
    Duan Lei Qiao Yin Gu Lai Hao Kang Qiu Tan Wen Hong Bai Cui Fan Zou Shi Gong Jin Ren Xi
    Kim Lee Park Choi Jung Cho Yoon Jang Lim Oh Seo Shin Kwon Hwang Ahn Yoo Moon Ko Son Bae
    Baek Heo Nam Noh Ha Nguyen Tran Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly
    """.split()
)
# "The diplomat", "the envoy": words for whoever conducts a country's foreign relations.
DIPLOMAT_WORDS = frozenset({"diplomat", "envoy"})
DIPLOMATIC_ROLE = re.compile(
    r"\bforeign (?:minister|secretary)|\bminister (?:of|for) foreign|\bsecretary of state\b|\bambassador|"
    r"\benvoy|\bdiplomat\b|\bfm\b|\bexternal affairs"
)
TOP_DIPLOMAT_ROLE = re.compile(
    r"\bforeign (?:minister|secretary)|\bminister (?:of|for) foreign|\bsecretary of state\b|\bexternal affairs minister"
)
# Head words of organisations: a run holding one names a body, not a person.
ORGANIZATION_HEADS = frozenset(
    """
    ministry ministries council committee bank agency organization organisation institute
    university fund party department office embassy consulate parliament senate pentagon
    congress assembly commission authority association union federation group company
    corporation corp inc ltd plc forum summit conference court army navy force forces police
    service services news times post journal agency television radio network channel
    foundation centre center school college academy movement front alliance coalition
    government administration cabinet republic kingdom state states emirates nations league
    club team airlines airways petroleum oil gas exchange market index review magazine
    house street palace kremlin agreement treaty accord convention protocol declaration charter
    bill act hospital hospitals trust society tower building stadium cathedral abbey plan strategy
    programme scheme initiative report inquiry
    """.split()
)
# Parties' words: not names, but they may qualify a role ("Tory leader", "Liberal Democrat ...").
PARTY_WORDS = frozenset(
    "tory tories labour conservative conservatives democrat democrats republican republicans liberal".split()
)
# Words that open or frame sentences and are capitalised for that reason alone.
NOT_NAMES = (
    frozenset(
        """
    a an the this that these those it its he his she her they their we our i you your in on at
    for from by with as but and or if when while after before during since until under over
    also however meanwhile moreover furthermore according among both each every other some such
    there here what which who whom whose why how no not yes yesterday today tomorrow tonight
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec islamic muslim christian jewish arab arabic english french russian tv reuter
    reuters asked speaking addressing earlier later last next then thus still so because just
    only even now never yet soon already perhaps indeed instead again finally meeting talks
    one two three four five six seven eight nine ten
    """.split()
    )
    | PARTY_WORDS
)
SPEECH_VERBS = (
    "said|says|told|tells|added|adds|stressed|stresses|noted|notes|emphasi[sz]ed|underlined|"
    "underscored|affirmed|asserted|explained|announced|declared|urged|warned|insisted|recalled|"
    "replied|remarked|wrote|met|meets|visited|received|welcomed|thanked|congratulated|praised|"
    "expressed|conveyed|discussed|called|spoke|arrived|left|hosted|signed|agreed|pointed"
)
_SPEECH_AFTER = re.compile(
    rf"[ \t]*,?[ \t]*(?:\n[ \t]*)?(?:also[ \t]+|has[ \t]+|had[ \t]+)?(?:{SPEECH_VERBS})\b"
)
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|added|according[ \t]+to)[ \t\n]+$")
_SAID_BEFORE = re.compile(r"\b(?:said|says|added)[ \t\n]+$")  # "told" a name of words: a programme's?
_UPPER = (
    "["
    + "".join(re.escape(chr(c)) for c in range(0x2FF) if chr(c).isupper())
    + "\u0370-\u03ff\u0400-\u042f\u0100-\u017f]"
)
_TOKEN = rf"(?:{_UPPER}[\w'’.-]*[\w.]|{_UPPER}\.?|(?:al|el|ad)-{_UPPER}[\w'’-]*)"
_JOIN = r"(?:\s+(?:(?:of|the|and|for|to|bin|ibn|bint|al|el|ad|ul|de|del|della|da|di|du|dos|van|von|der|den|le|la|ben|abu|arap)\s+)*)"
RUN = re.compile(rf"(?<![\w.’'-]){_TOKEN}(?:{_JOIN}{_TOKEN})*(?![\w-])")
_INITIAL = re.compile(r"^[A-Z]\.$|^[A-Z]\.[A-Z][a-z]")
_POSSESSIVE = re.compile(r"['’]s$")
_NON_SPACE = re.compile(r"\S+")


@dataclass
class _Found:
    """One written name of a person, with what the article said about them there."""

    start: int
    end: int
    name: str
    role: str | None = None
    country: str | None = None
    pronoun: str | None = None
    title: tuple[int, int] | None = None  # an appositive role set off by commas
    counterpart: bool = False  # introduced as someone's counterpart
    knighted: bool = False  # written after "Sir" or "Dame"
    listed: bool = True  # the gender is the first-name list's (or unknown), not an honorific's
    seat: str | None = None  # a member's letters after the name ("MP", "MEP", "MSP")
    styled: bool = False  # written after an honorific ("Dr Smith")


@dataclass
class Person:
    """A person discovered in the article: every name written for them, and what is known."""

    name: str
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    pronoun: str | None = None
    listed: bool = True  # the gender is the first-name list's (or unknown), not an honorific's
    titles: list[tuple[int, int]] = field(default_factory=list)
    styled: bool = False  # written after an honorific somewhere ("Dr Smith")


@dataclass(frozen=True)
class Discovery:
    """The people discovered in one article, and the appositive roles written beside them."""

    actors: tuple[Actor, ...]
    titles: tuple[tuple[int, int, str], ...]  # (start, end, actor_id) of each appositive role
    # The actors whose gender no honorific gave (the first-name list's, or unknown): the
    # article's own usage may decide it (``analysis.pronouns.own_usage``).
    open_gender: frozenset[str] = frozenset()


def discovered_id(name: str) -> str:
    """The stable actor id of a discovered actor: its name as an ASCII slug.

    >>> discovered_id("Sheikh Abdullah bin Zayed Al Nahyan")
    'sheikh-abdullah-bin-zayed-al-nahyan'
    >>> discovered_id("Jean-Yves Le Drian"), discovered_id("Mevlüt Çavuşoğlu")
    ('jean-yves-le-drian', 'mevlut-cavusoglu')
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "person"


def discover_people(
    text: str, sentence_spans: list[tuple[int, int]], registry: Registry, covered: Iterable[tuple[int, int]]
) -> Discovery:
    """The people of the article that the registry lacks, as registry actors (see module docs).

    ``covered`` are the spans of registered actors' name mentions, which discovery leaves alone.
    """
    merged = spans.merge(covered)
    found: list[_Found] = []
    lowers = [_is_lower_case(text, start, end) for start, end in sentence_spans]
    lower_article = sum(lowers) * 2 > len(lowers) and _lower_case_proper_words(text, registry)
    for (start, end), lower in zip(sentence_spans, lowers, strict=True):
        if text[start:end].isupper():
            continue  # a line in capitals (a headline): its capitals say nothing about names
        lower = lower and lower_article
        sentence = text[start:end]
        view = sentence.title() if lower and len(sentence.title()) == len(sentence) else sentence
        for run in RUN.finditer(view):
            found.extend(_people_in_run(text, view, start, run, registry, merged, lower))
    found.extend(_listed_with_people(text, sentence_spans, found, registry, merged))
    people = [p for p in _group(_counterparts(text, found, sentence_spans)) if not _only_a_word(p)]
    actors = _actors(people, registry)
    titles = tuple(
        (s, e, actor.actor_id) for person, actor in zip(people, actors, strict=True) for s, e in person.titles
    )
    open_gender = frozenset(
        actor.actor_id for person, actor in zip(people, actors, strict=True) if person.listed
    )
    return Discovery(tuple(actors), titles, open_gender)


def _only_a_word(person: Person) -> bool:
    """Whether the article knows ``person`` only by one word, with no role, honorific ("Dr
    Smith") or title anywhere ("Ofcom said", "Airbus said"): a firm or a body speaks that way too."""
    return all(" " not in name and not _INITIAL.match(name) for name in person.names) and not (
        person.roles or person.pronoun or person.titles or person.styled
    )


def _listed_with_people(
    text: str,
    sentence_spans: list[tuple[int, int]],
    found: list[_Found],
    registry: Registry,
    merged: list[tuple[int, int]],
) -> list[_Found]:
    """Rule 6: a name of two to four capitalised words listed with a person found ("Salman
    Haider and Shamshad Ahmed", "X, Y and Z") is a person too."""
    starts = {f.start for f in found}
    ends = {f.end for f in found}
    out: list[_Found] = []
    for s_start, s_end in sentence_spans:
        if _is_lower_case(text, s_start, s_end) or text[s_start:s_end].isupper():
            continue
        for match in _LISTED.finditer(text, s_start, s_end):
            name = match["name"]
            start, end = match.start("name"), match.end("name")
            before = match["joiner"] is not None and match.start("joiner") in ends
            after = any(text.startswith(j, end) and end + len(j) in starts for j in (" and ", ", "))
            words = name.split()
            if (
                start in starts
                or not (before or after)
                or not 2 <= len(words) <= 4
                or _POSSESSIVE.search(name)
                or words[0].lower().rstrip(".") in HONORIFICS
                or _PLACE_PREPOSITION.search(text, max(s_start, start - 5), start)
            ):
                continue  # "Mr Mubanga" is rule 1's; "the MP for Sheffield Hallam, Nick Clegg": a seat
            if not _could_be_name(words, registry) or list(spans.uncovered(start, end, merged)) != [
                (start, end)
            ]:
                continue
            out.append(_Found(start, end, " ".join(words), pronoun=first_name_gender(words[0])))
    return out


_PLACE_PREPOSITION = re.compile(r"\b(?:for|of|in|at|from)\s+$")
_SEAT_BEFORE = re.compile(r"\b(?:MP|MEP|MSP)\s+for\s+$")
_LISTED = re.compile(
    r"(?P<joiner>(?:\s+and|,)\s+)?(?<![\w.’'-])(?P<name>[A-Z][a-z][\w’'-]*(?:[ \t]+[A-Z][a-z][\w’'-]*){1,3})(?![\w’'-])"
)


def _counterparts(text: str, found: list[_Found], sentence_spans: list[tuple[int, int]]) -> list[_Found]:
    """A counterpart holds the office of the person named last before them in their sentence, by
    any form of their name ("Mukherjee met his Pakistani counterpart Kasuri": Kasuri is an
    External Affairs Minister, of Pakistan); with no one named there, the role stays
    "counterpart"."""
    ordered = sorted(found, key=lambda f: f.start)
    starts = [s for s, _ in sentence_spans]
    out = []
    for k, item in enumerate(ordered):
        if item.role and item.role.lower().split()[-1] == "counterpart" and starts:
            sentence_start = starts[bisect.bisect_right(starts, item.start) - 1]
            before = text[sentence_start : item.start]
            named = next(
                (
                    f
                    for f in reversed(ordered[:k])
                    if f.role and re.search(rf"\b{re.escape(f.name.split()[-1])}\b", before)
                ),
                None,
            )
            if named is not None:
                item = dataclasses.replace(item, role=named.role, counterpart=True)
        out.append(item)
    return out


def _lower_case_proper_words(text: str, registry: Registry) -> bool:
    """Whether words always capitalised in English stand in lower case: a country's adjective
    ("cuban") or a weekday ("monday"). A wire written in lower case has them; an article whose
    sentences merely name nobody ("the trial judge had been alerted") does not."""
    words = _word_runs(text)
    return not words.isdisjoint(_WEEKDAYS) or any(
        a.isalpha() and a[0].isupper() and a.lower() in words for a in registry.adjectives
    )


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _is_lower_case(text: str, start: int, end: int) -> bool:
    """A sentence written in lower case: 40 letters or more, and no capital after the first."""
    if end - start < 40:
        return False
    first = start
    while first < end and not text[first].isalpha():
        first += 1
    if _ASCII_CAPITAL.search(text, first + 1, end):
        return False  # the quick answer for most sentences: a capital A-Z after the first letter
    sentence = text[start:end]
    if sentence.isascii():  # so no capital at all after the first letter
        return sum(map(str.isalpha, sentence)) >= 40
    letters = [c for c in sentence if c.isalpha()]
    return len(letters) >= 40 and not any(c.isupper() for c in letters[1:])


_ASCII_CAPITAL = re.compile(r"[A-Z]")


def _people_in_run(
    text: str,
    view: str,
    offset: int,
    run: re.Match,
    registry: Registry,
    merged: list[tuple[int, int]],
    lower: bool,
) -> list[_Found]:
    tokens = [
        (m.start() + run.start(), m.end() + run.start(), m.group()) for m in _NON_SPACE.finditer(run.group())
    ]
    found = []
    for segment in _segments(tokens, registry):
        item = _person_in_segment(text, view, offset, segment, registry, merged, lower)
        if item is not None:
            found.append(item)
    return found


def _segments(tokens: list[tuple[int, int, str]], registry: Registry) -> list[list[tuple[int, int, str]]]:
    """A run cut at the joiners that stand between two names ("Iwaya and Cho"); a joiner inside
    a role ("Secretary of State", "Minister of Foreign Affairs and International Cooperation")
    stays."""
    segments, current, i = [], [], -1
    words = [t[2] for t in tokens]
    while i + 1 < len(tokens):
        i += 1
        token = tokens[i]
        word = token[2].lower()
        area = _area_length(words, i) if current and _role_like(current[-1][2], registry) else 0
        if area:
            current.extend(tokens[i : i + area])
            i += area - 1
            continue
        demonym = (
            is_country_word(token[2], registry)
            and i + 1 < len(tokens)
            and _role_like(tokens[i + 1][2], registry)
        )  # "Russian Foreign Minister": a language's name, here a country's people
        demonym = demonym or (
            word in _WORD_SURNAMES and bool(current) and first_name_gender(current[-1][2]) is not None
        )  # "Theresa May", "Louise Christian": after a first name, a surname
        if (
            word.strip(".,") in NOT_NAMES
            and word not in JOINERS
            and len(word.strip(".,")) > 1
            and not demonym
        ):
            if current:
                segments.append(current)
            current = []
            continue
        owner = _POSSESSIVE.sub("", token[2])
        if _POSSESSIVE.search(token[2]) and not (
            _is_head(owner) or is_country_word(owner, registry)
        ):  # a possessive ends a name: "Doumeng's Interagra", "Labour's Elizabeth Blackman"
            current.append(token)
            segments.append(current)
            current = []
            continue
        if word in JOINERS and current and i + 1 < len(tokens):
            left, right = current[-1][2], tokens[i + 1][2]
            if not (_role_like(left, registry) and _role_like(right, registry)):
                segments.append(current)
                current = []
                continue
        current.append(token)
    if current:
        segments.append(current)
    return segments


def _constituency(letters: str, first: str) -> bool:
    """Whether "<first> ... MP" may name a seat, not a person: a member's letters after a word
    that is no first name, or a town's ("Sheffield Hallam MP")."""
    return letters in _MEMBERS and (first_name_gender(first) is None or first in _towns())


def _role_like(word: str, registry: Registry) -> bool:
    low = _POSSESSIVE.sub("", word).lower()
    return low in ROLE_HEADS | ROLE_MODIFIERS | ORGANIZATION_HEADS or is_country_word(
        _POSSESSIVE.sub("", word), registry
    )


def _person_in_segment(
    text: str,
    view: str,
    offset: int,
    tokens: list[tuple[int, int, str]],
    registry: Registry,
    merged: list[tuple[int, int]],
    lower: bool,
) -> _Found | None:
    letters = None
    if len(tokens) >= 3 and tokens[-1][2] in POST_NOMINALS and not _constituency(tokens[-1][2], tokens[0][2]):
        letters = tokens[-1][2]
        tokens = tokens[:-1]  # "Frank Field MP", "Philippe Sands QC": the letters after a name
    split = _role_prefix_length(tokens, registry)
    heads = [
        i
        for i, t in enumerate(tokens)
        if i >= split and _is_head(t[2]) and not (i and tokens[i - 1][2].lower() in PARTICLES)
    ]  # "Zaid bin Sultan": after a particle, a role word is a name
    if heads:  # a role word further on ends the role there ("... Reconciliation Ambassador X")
        split = heads[-1] + 1
    while split < len(tokens) and _country_span([t[2] for t in tokens], split, registry):
        split += _country_span([t[2] for t in tokens], split, registry)
    role_tokens, name_tokens = tokens[:split], tokens[split:]
    while name_tokens and name_tokens[-1][2].lower() in PARTICLES | JOINERS:
        name_tokens.pop()
    while name_tokens and name_tokens[0][2] in JOINERS:
        name_tokens.pop(0)  # "According to Pat Ferguson": the joiner opens no name
    if name_tokens and name_tokens[-1][2].endswith(".") and len(name_tokens[-1][2]) > 2:
        last = name_tokens[-1]  # a full stop after a name ends the sentence, not the name
        name_tokens[-1] = (last[0], last[1] - 1, last[2][:-1])
    if name_tokens and _POSSESSIVE.search(name_tokens[-1][2]):
        last = name_tokens[-1]
        name_tokens[-1] = (last[0], last[1] - 2, last[2][:-2])
    if not name_tokens or _SEAT_BEFORE.search(view, max(0, name_tokens[0][0] - 9), name_tokens[0][0]):
        return None  # "The MP for Sheffield Hallam": a seat, not a name
    start, end = offset + name_tokens[0][0], offset + name_tokens[-1][1]
    owned = _OWNED_BODY.match(view, name_tokens[-1][1])
    if owned and owned.group(1).lower() in ORGANIZATION_HEADS:
        return None  # "Lewis Boys' School": a body's name, not a person's
    if list(spans.uncovered(start, end, merged)) != [(start, end)]:
        return None  # a registered actor's name covers some of it: registered actors win
    words = [t[2] for t in name_tokens]
    if not _could_be_name(words, registry) or len(" ".join(words)) < 3 or (lower and len(words) < 2):
        return None
    if len(words) == 1 and (
        words[0].lower() in ("says", "said", "told", "added") or re.fullmatch(r"[A-Z]{2,}s?", words[0])
    ):
        return None  # a verb, or an acronym ("MSPs"): not a person's name
    if len(words) == 1 and [t[2].lower() for t in role_tokens if t[2].lower() not in JOINERS] in (
        ["general"],
        ["chief"],
        ["head"],
    ):
        return None  # "General Debate", "Chief Executive": an adjective, not a rank
    role, country, pronoun = _role_of([t[2] for t in role_tokens], registry)
    country = country or _possessive_country_before(view, tokens[0][0], registry)
    if role and not country:
        country = _country_of_after(view, name_tokens[-1][1], registry)
    if not role_tokens:
        role, country = _lower_case_role_before(view, name_tokens[0][0], registry)
    styled = (  # "Dr Smith", "Prof Smith"; "St. Petersburg" is a place
        bool(role_tokens) and role_tokens[-1][2].lower() in HONORIFICS and role_tokens[-1][2].lower() != "st."
    )
    evidence = bool(role) or pronoun is not None or styled
    title = None
    if not lower:
        closed = view[name_tokens[-1][1] : name_tokens[-1][1] + 2].lstrip().startswith(",")
        title = _appositive_after(view, name_tokens[-1][1], registry) or _appositive_before(
            view, tokens[0][0], registry, closed
        )
    if title is not None:
        t_start, t_end, t_role, t_country = title
        role, country = role or t_role, country or t_country
        title = (t_start + offset, t_end + offset)
        evidence = True
    if not evidence and not lower:
        predicate = _predicate_role(view, name_tokens[-1][1], registry)
        if predicate is not None:
            role, country, evidence = predicate[0], country or predicate[1], True
    if not evidence and not lower:
        evidence = (
            any(w in PATRONYMICS for w in words)
            or any(_INITIAL.match(w) for w in words[:-1])
            or (len(words) >= 3 and all(len(w.rstrip(".")) == 1 for w in words[:2]))  # "P V Narasimha Rao"
            or bool(re.fullmatch(r"[A-Z]\.[A-Z][a-z]+", words[0]))
            or (
                len(words) >= 2
                and first_name_gender(words[0]) is not None
                and not _PLACE_BEFORE_GIVEN.search(
                    view, _words_back(view, name_tokens[0][0], 1), name_tokens[0][0]
                )
            )
            or _speech_next_to(text, view, name_tokens, offset)
        )
    if not evidence:
        return None
    listed = pronoun is None
    if listed and len(words) >= 2:
        pronoun = first_name_gender(words[0])
    name = " ".join(view[start - offset : end - offset].split())
    knighted = styled and role_tokens[-1][2].lower() in ("sir", "dame")
    seat = letters if letters in _MEMBERS else None  # "Frank Field MP": a member, whatever else he is
    return _Found(
        start,
        end,
        name,
        role,
        country,
        pronoun,
        title,
        knighted=knighted,
        listed=listed,
        seat=seat,
        styled=styled,
    )


_OWNED_BODY = re.compile(r"['’]s?\s+([A-Z][\w-]*)")
_LOWER_ROLE_BEFORE = re.compile(r"((?:[\w’'-]+\s+){0,3}?)([a-z][\w-]*)\s+$")
_APPOSITION = re.compile(
    r",\s+(?P<phrase>[^,;()\"“”]{2,140}?)(?=(?:\s*\([A-Z][\w.]{1,12}\))?\s*(?:,|;|(?<![A-Z])\.(?:\s|$)|$|\)))"
)  # a bracketed acronym may close the role: "vice-chairman of the ... Congress (NPC),"
_APPOSITION_BEFORE = re.compile(r"(?:^|(?<=[,;:]))\s*(?P<phrase>(?:[Tt]he\s+)?[^,;()\"“”]{2,140}?),\s+$")
_AND_ROLE = re.compile(r"^.*\sand\s+(?=(?:the|a|an)\s)")
_NOT_APPOSITIVE = re.compile(r"\b(?:who|which|that|said|says|told|met|meets|and\s+[A-Z])\b")


_POSSESSIVE_BEFORE = re.compile(
    r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})['’]s\s+(?:(?:new|former|then|top|acting|outgoing|incoming)\s+)?$"
)


def _words_back(view: str, at: int, words: int) -> int:
    """Where the last ``words`` words before ``at`` (after the white space before it) begin.

    A pattern that must end at ``at`` and spans at most that many words separated by white space
    is searched from there, not from the sentence's start: the same match, found without
    trying every earlier position (which made a long sentence quadratic). Without white space
    right before ``at`` it is ``at`` itself: such patterns end in white space.
    """
    if at == 0 or not view[at - 1].isspace():
        return at
    i = at
    for _ in range(words):
        while i > 0 and view[i - 1].isspace():
            i -= 1
        while i > 0 and not view[i - 1].isspace():
            i -= 1
    return i


def _apposition_window(view: str, at: int) -> int:
    """Where a match of ``_APPOSITION_BEFORE`` ending at ``at`` can start at the earliest: its
    phrase is at most 140 characters after an optional "the", and only the white space around
    them is unbounded (see ``_words_back`` for why)."""
    comma = at
    while comma > 0 and view[comma - 1].isspace():
        comma -= 1
    if comma == at or comma == 0 or view[comma - 1] != ",":
        return at
    i = max(0, comma - 1 - 140)
    while i > 0 and view[i - 1].isspace():
        i -= 1
    i = max(0, i - 3)  # "the"
    while i > 0 and view[i - 1].isspace():
        i -= 1
    return max(0, i - 1)


def _country_of_after(view: str, at: int, registry: Registry) -> str | None:
    """The country of "President Musharraf of Pakistan", "King Abdullah II of Jordan": "of" and
    a country's name right after a name that a role opens."""
    match = _OF_AFTER.match(view, at)
    if match is None:
        return None
    phrase = match.group(1)
    return (
        country_of_word(phrase, registry)
        if registry.names.get(phrase) and is_country_word(phrase, registry)
        else None
    )


_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})(?![\w'’-])")


def _possessive_country_before(view: str, at: int, registry: Registry) -> str | None:
    """The country of "Saudi Arabia's Crown Prince ...", written just before the run."""
    match = _POSSESSIVE_BEFORE.search(view, max(0, at - 60), at)
    if not match:
        return None
    words = match.group(1).split()
    for i in range(len(words)):
        phrase = " ".join(words[i:])
        if is_country_word(phrase, registry):
            return country_of_word(phrase, registry)
    return _place_ending_at(view, match.start(1) + len(match.group(1)), registry)


def _predicate_role(view: str, at: int, registry: Registry) -> tuple[str, str | None] | None:
    """A role the name is said to hold ("P V Narasimha Rao was India's external affairs
    minister", "Yaqub Khan was his Pakistani counterpart"): (role, country), or None."""
    match = _PREDICATE.match(view, at)
    if not match or match["role"].split()[-1].lower() not in _PREDICATE_HEADS:
        return None
    words = match["role"].split()
    while words and not (
        words[0].lower() in ROLE_MODIFIERS | ROLE_HEADS or is_country_word(words[0], registry)
    ):
        words.pop(0)
    role = _clean_role(" ".join(w for w in words if not is_country_word(w, registry)))
    if role is None:
        return None
    owner = match["owner"] and _POSSESSIVE.sub("", match["owner"])
    country = (
        country_of_word(owner, registry) if owner and is_country_word(owner, registry) else None
    ) or _country_in(match["role"], registry)
    return role, country


_PREDICATE_HEADS = ROLE_HEADS - {"official", "officer", "head"}  # "was a senior official" names no role
_PREDICATE = re.compile(
    r"[ \t]+(?:is|was|became|becomes|remains|remained)[ \t]+(?:the[ \t]+|his[ \t]+|her[ \t]+|(?P<owner>[A-Z][\w.]*['’]s)[ \t]+)?"
    r"(?P<role>(?:[\w-]+[ \t]+){0,3}?[\w-]+)(?=[ \t]*(?:[,;.]|and\b|$))"
)


def _lower_case_role_before(view: str, at: int, registry: Registry) -> tuple[str | None, str | None]:
    """A role written in lower case right before a name ("former president Akbar ...")."""
    before = _LOWER_ROLE_BEFORE.search(view, _words_back(view, at, 4), at)
    if not before:
        return None, None
    head = before.group(2).lower()
    chief = head == "executive" and before.group(1).lower().rstrip().endswith("chief")
    if head not in ROLE_HEADS - {"official", "officer"} and not chief:  # "chief executive"
        return None, None
    words = before.group(1).split()
    while words and not (
        words[0].lower() in ROLE_MODIFIERS
        or is_country_word(words[0], registry)
        or (chief and len(words) == 1)
    ):
        words.pop(0)
    country = _country_in(before.group(1), registry) or next(  # "Moscow mayor X": the city's country
        (_place_country(w, registry) for w in before.group(1).split() if w in _places()), None
    )
    return _clean_role(" ".join([*words, before.group(2)])), country


def _appositive_after(view: str, at: int, registry: Registry) -> tuple[int, int, str, str | None] | None:
    """A role set off by commas after a name: (start, end, role, country) of the phrase."""
    match = _APPOSITION.match(view, at)
    return _appositive(view, match, registry) if match else None


def _appositive_before(
    view: str, at: int, registry: Registry, closed: bool
) -> tuple[int, int, str, str | None] | None:
    """A role set off by a comma before a name ("the Foreign Minister of Oman, Sayyid ..."); the
    role may end a longer clause ("In his meeting with Syria's Minister for Foreign Affairs,
    Walid Al-Moualem, ...") only when a comma closes the name (``closed``)."""
    match = _APPOSITION_BEFORE.search(view, _apposition_window(view, at), at)
    return _appositive(view, match, registry, suffix=closed) if match else None


def _appositive(
    view: str, match: re.Match, registry: Registry, suffix: bool = False
) -> tuple[int, int, str, str | None] | None:
    phrase = match["phrase"]
    words = phrase.split()
    after = match.re is _APPOSITION  # set off after the name, not before it
    if words and words[0] == "and":
        if after:
            return None  # "Li Luye, and the director-general ...": a second person
        phrase = phrase[phrase.index("and") + 3 :].lstrip()
        words = words[1:]
    listed = _AND_ROLE.search(phrase) if not after else None
    if listed:  # "a QC, Christopher Greenwood and the then Lord Chancellor, Lord Irvine": the last
        phrase = phrase[listed.end() :]
        words = phrase.split()
    if words and words[0].lower() in _CLAUSE_OPENERS:  # "Since Yukos' founder, Mikhail ..."
        phrase = phrase[len(words[0]) :].lstrip()
        words = words[1:]
    if suffix:
        cut = _role_suffix(words, registry)  # "In his meeting with Syria's Minister ...,"
        if cut:
            skipped = len(" ".join(words[:cut])) + 1
            phrase = phrase[phrase.index(words[cut], skipped - 1) :]
            words = words[cut:]
    if not words or len(words) > 14 or _NOT_APPOSITIVE.search(phrase):
        return None
    heads = [i for i, w in enumerate(words) if _POSSESSIVE.sub("", w).lower().strip(".") in ROLE_HEADS]
    body = (
        heads[0] + 2
        if after and heads and words[heads[0] + 1 : heads[0] + 2] in (["of"], ["at"])
        else len(words)
    )
    if (
        not heads
        or not all(
            _appositive_word(w) or (i + 1 in heads and _plain_noun(w))  # "the BBC's business editor"
            for i, w in enumerate(words[:body])
        )
    ):
        return None
    if not all(_appositive_word(w) or _OBJECT_WORD.fullmatch(w) for w in words[body:]):
        return None  # after a name, what the office is of may be in lower case: "director of civil liberties group Liberty"
    start = match.end("phrase") - len(phrase)
    owner = _owner_length(words, registry)  # "Syria's", "Abu Dhabi's": the country stays apart
    owner_country = _country_of_owner(words[:owner], registry) if owner else None
    if owner:
        kept = phrase
        for word in words[:owner]:
            kept = kept[kept.index(word) + len(word) :]
        start += len(phrase) - len(kept.lstrip())
        words = words[owner:]
        heads = [i - owner for i in heads if i >= owner]
        if not heads:
            return None
    tail = [_POSSESSIVE.sub("", w).strip(".,") for w in words[heads[-1] + 1 :]]
    if (
        any(
            w and w[0].isupper() and not (_role_like(w, registry) or w.lower() in AREA_ENDS)
            for w in tail[-1:]
        )
        and (not after or words[-2][0].isupper() or _is_role_head(words[-2].lower()))
    ):  # after a name, "of" or a plain noun before it is the office's: "X, director of pressure group Liberty,"
        return None  # ", the Minister for Foreign Affairs of Latvia Edgars Rinkevics": a name, not a role
    role_words = words[: heads[0] + 1] + _of_phrase(words[heads[0] + 1 :])
    country = _country_in(phrase, registry) or owner_country
    if len(role_words) >= 2 and role_words[-2].lower() == "of" and is_country_word(role_words[-1], registry):
        role_words = role_words[:-2]  # "Foreign Minister of Oman": the role, and the country
    role = _clean_role(" ".join(role_words))
    if role is None:
        return None
    end = match.end("phrase") - (1 if phrase.endswith(".") else 0)
    return start, end, role, country


# A lower-case word of what an office is of ("civil liberties pressure group"): no verb's "-ed"
# or "-ing" form, no adverb.
_OBJECT_WORD = re.compile(r"[a-z][a-z-]*(?<!ed)(?<!ing)(?<!ly)")
_CLAUSE_OPENERS = frozenset(
    "since when while after before as until once although though because if but yet".split()
)


def _owner_length(words: list[str], registry: Registry) -> int:
    """How many leading words are a possessive country or city ("Abu Dhabi's": 2), else 0."""
    for n in (1, 2, 3):
        if len(words) > n and _POSSESSIVE.search(words[n - 1]):
            owner = _POSSESSIVE.sub("", " ".join(words[:n]))
            if is_country_word(owner, registry) or owner in _places():
                return n
    return 0


def _country_of_owner(words: list[str], registry: Registry) -> str | None:
    """The country of a possessive owner: a country, or a city of the gazetteer."""
    owner = _POSSESSIVE.sub("", " ".join(words))
    if is_country_word(owner, registry):
        return country_of_word(owner, registry)
    return _place_country(owner, registry)


def _role_suffix(words: list[str], registry: Registry) -> int:
    """Where the role phrase that ends a clause begins: after the last word that cannot be in
    one, at a possessive country, "the" or a capitalised word (0 when the clause is all role)."""
    k = len(words)
    while k and _appositive_word(words[k - 1]):
        k -= 1
    while k < len(words) and not (
        words[k].lower() == "the" or words[k][0].isupper() or _POSSESSIVE.search(words[k])
    ):
        k += 1
    owners = [j for j in range(k, len(words)) if _POSSESSIVE.search(words[j])]
    if owners and is_country_word(_POSSESSIVE.sub("", words[owners[-1]]), registry):
        k = owners[-1]  # "the Secretary-General and Djibouti's Minister ...": the last owner's role
    return k if k < len(words) else 0


def _appositive_word(word: str) -> bool:
    """Words a role phrase is made of: capitalised words, role words, joiners and articles."""
    low = _POSSESSIVE.sub("", word).lower().strip(".")
    return (
        word[0].isupper()
        or low in ROLE_HEADS | ROLE_MODIFIERS | JOINERS
        or low in ("a", "an", "its", "his", "her")
    )


def _of_phrase(words: list[str]) -> list[str]:
    """The "of Foreign Affairs" that completes a role, up to the first word that is not one."""
    kept = []
    for word in words:
        if word.lower() in JOINERS or word[0].isupper():
            kept.append(word)
        else:
            break
    while kept and kept[-1].lower() in JOINERS:
        kept.pop()
    return kept


def _is_role_head(low: str) -> bool:
    """A lower-case word that ends a role: a role head ("minister", "secretary-general") or an
    honorific ("mr.", "sheikh")."""
    return low in ROLE_HEADS or low in HONORIFICS or low.split("-")[-1] in ROLE_HEADS


def _is_head(word: str) -> bool:
    """``_is_role_head``, also for a possessive or a plural ("Chiefs")."""
    low = _POSSESSIVE.sub("", word).lower()
    return _is_role_head(low) or low.rstrip("s") in ROLE_HEADS


def _role_prefix_length(tokens: list[tuple[int, int, str]], registry: Registry) -> int:
    """How many leading tokens of a run form a role phrase: role words, joiners and countries
    up to the first other word, holding at least one role head or honorific ("Deputy Secretary
    of State", "Saudi Arabia's Crown Prince", "Mr."); 0 when there is none."""
    words = [t[2] for t in tokens]
    i, has_head = 0, False
    while i < len(words):
        low = words[i].lower()
        area = _area_length(words, i) if has_head else 0
        if area:
            i += area
            continue
        country = _country_span(words, i, registry)
        if country:
            i += country
            continue
        if _is_role_head(low):
            has_head = True
        elif not (low in ROLE_MODIFIERS or low in JOINERS):
            break
        i += 1
    while i and words[i - 1].lower() in JOINERS:
        i -= 1
    return i if has_head else 0


def _area_length(words: list[str], i: int) -> int:
    """How many words from ``i`` are a role's field: "for" or "of", then up to six capitalised
    words (or "and", "&") ending in an ``AREA_ENDS`` word ("for Near East Affairs": 4), else 0."""
    if words[i].lower() not in ("for", "of"):
        return 0
    for j in range(i + 1, min(len(words), i + 8)):
        word = words[j]
        if word.lower().rstrip(",") in AREA_ENDS:
            return j - i + 1
        if not (word[0].isupper() or word.lower() in ("and", "&")):
            return 0
    return 0


def _country_span(words: list[str], i: int, registry: Registry) -> int:
    """How many words from ``i`` name a country or its people ("Saudi Arabia's": 2), else 0."""
    first, starts = words[i], registry.place_first_words
    bare = _POSSESSIVE.sub("", first)
    if not (first in starts or bare in starts or first.title() in starts or bare.title() in starts):
        return 0  # no country's name begins with this word
    for n in (5, 4, 3, 2, 1):
        if i + n <= len(words):
            phrase = _POSSESSIVE.sub("", " ".join(words[i : i + n]))
            if is_country_word(phrase, registry):
                return n
    return 0


def _role_of(words: list[str], registry: Registry) -> tuple[str | None, str | None, str | None]:
    """The role a prefix gives (without honorifics and countries), its country, its gender."""
    pronoun, country, kept, i = None, None, [], 0
    while i < len(words):
        low = words[i].lower()
        n = _country_span(words, i, registry)
        if n:
            if not (i and words[i - 1].lower() in ("to", "in")):  # "Ambassador to Russia": the host
                country = country or country_of_word(
                    _POSSESSIVE.sub("", " ".join(words[i : i + n])), registry
                )
            i += n
            continue
        if low in HONORIFICS or low.rstrip(".") in HONORIFICS:
            pronoun = pronoun or HONORIFICS.get(low, HONORIFICS.get(low.rstrip(".")))
            if low in ROYAL:
                kept.append(words[i])
        elif low not in ("highness", "excellency", "majesty"):
            kept.append(words[i])
        i += 1
    if [w.lower() for w in kept[-2:]] == ["crown", "prince"]:
        pronoun = "he"
    return _clean_role(" ".join(kept)), country, pronoun


def _clean_role(phrase: str) -> str | None:
    words = [
        _POSSESSIVE.sub("", w) for w in phrase.split() if w.lower() not in ("his", "her", "the", "a", "an")
    ]
    while words and words[-1].lower() in JOINERS:
        words.pop()
    while words and words[0].lower() in JOINERS:
        words.pop(0)
    if not words or not any(w.lower() in ROLE_HEADS or w.lower().split("-")[-1] in ROLE_HEADS for w in words):
        return None
    return " ".join(words)


def _could_be_name(words: list[str], registry: Registry) -> bool:
    initials = len(words) >= 3 and all(re.fullmatch(r"[A-Z]\.?", w) for w in words[:2])  # "I K Gujral"
    if not words or (words[0].lower() in NOT_NAMES and not initials) or words[0] in PARTICLES:
        return False
    lows = [w.lower() for w in words]
    given = len(words) >= 2 and first_name_gender(words[0]) is not None
    if any(
        (w in ORGANIZATION_HEADS or w in ROLE_HEADS or w in ROLE_MODIFIERS)
        and not (i and lows[i - 1] in PARTICLES)
        and not (i == 0 and given and w in ORGANIZATION_HEADS)  # "Bill Gates": a first name
        for i, w in enumerate(lows)
    ):
        return False
    if any(is_country_word(w, registry) for w in words):
        return False
    if " ".join(words) in registry.names or " ".join(words) in registry.adjectives:
        return False
    places = _places()
    if " ".join(words) in places or (len(words) >= 2 and " ".join(words) in _towns()):
        return False  # "Milton Keynes": a town of 50,000 or more, though "Milton" is a first name
    if not (given and words[0] not in places) and any(w in places for w in words):
        return False  # "Gates" alone may be a town; "Bill Gates" is a person
    if lows[-1].endswith("shire"):
        return False  # "Gloucestershire": a county
    if lows[-1] in COMPASS_WORDS and words[0] in _towns():
        return False  # "Sheffield Central", "Oxford East": a constituency, though "Sheffield" is a first name
    return all(
        w[0].isupper() or w.lower() in PARTICLES or w.lower() in JOINERS or _PARTICLE_HYPHEN.match(w)
        for w in words
    )


_PARTICLE_HYPHEN = re.compile(r"(?:al|el|ad)-[A-Z]")


def is_country_word(word: str, registry: Registry) -> bool:
    """Whether ``word`` names a country or a place (or its people); in capitals, as written
    in title case too ("SAUDI": "Saudi")."""
    if word in registry.place_words:
        return True
    if word in registry.names or word in registry.adjectives:
        return False
    return word.isupper() and len(word) > 3 and word.title() in registry.place_words


def country_of_word(word: str, registry: Registry) -> str | None:
    actor = registry.names.get(word) or registry.adjectives.get(word) or registry.names.get(word.title())
    if actor is None:
        return None
    kind = registry[actor]
    return kind.actor_id if kind.type == "country" else kind.country


def _country_in(phrase: str, registry: Registry) -> str | None:
    for word in re.findall(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?", phrase):
        for candidate in (word, word.split()[0]):
            bare = _POSSESSIVE.sub("", candidate)
            if is_country_word(bare, registry):
                return country_of_word(bare, registry)
    return None


def _speech_next_to(text: str, view: str, name_tokens: list, offset: int) -> bool:
    """A speech or meeting verb right after a one-word name, or "said"/"told" right before a
    name that ends its clause ('"...," said Kasuri.'); not for one word written in lower case
    elsewhere, nor one ending in "s" that opens the sentence."""
    words = [t[2] for t in name_tokens]
    if len(words) == 1 and _written_lower_case(text, words[0]):
        return False
    if (
        len(words) == 1
        and words[0].endswith("s")
        and _OPENING_MARKS.match(view, 0).end() >= name_tokens[0][0]
    ):
        return False  # "Reports said", "Officials told": a plural opening the sentence
    if _PLACE_BEFORE.search(view, _words_back(view, name_tokens[0][0], 1), name_tokens[0][0]):
        return False  # "a hunt in Gloucestershire said": a place
    if len(words) == 1 and words[0] in _organisation_words(text):
        return False  # "Hereford said", with "Hereford Hospitals NHS Trust" in the article: a body
    if _SPEECH_AFTER.match(view, name_tokens[-1][1]) and len(words) == 1:
        return True  # "Velayati said"; "Krispy Kreme said" may be a firm
    at = name_tokens[0][0]
    if not _CLAUSE_ENDS.match(view, name_tokens[-1][1]):
        return False  # "he said Scotland was ...": the reported clause's subject, not the speaker
    before = _SPEECH_BEFORE if len(words) == 1 else _SAID_BEFORE  # "told Good Morning Wales:"
    return bool(before.search(view, _words_back(view, at, 2), at))


_CLAUSE_ENDS = re.compile(r"\s*(?:[,.;:!?()\"“”'’–—-]|$)")


@lru_cache(maxsize=4)
def _organisation_words(text: str) -> frozenset[str]:
    """The capitalised words that open an organisation's name somewhere in ``text`` ("Hereford"
    of "Hereford Hospitals NHS Trust"): such a word said alone names the body."""
    words = set()
    for run in RUN.finditer(text):
        tokens = run.group().split()
        if len(tokens) >= 2 and any(t.lower().strip(".,") in ORGANIZATION_HEADS for t in tokens[1:]):
            words.add(tokens[0])
    return frozenset(words)


_MONTH_SURNAMES = frozenset({"may", "june", "april", "august"})
_WORD_SURNAMES = _MONTH_SURNAMES | {"christian", "english", "french"}
# Words before a role word that may not qualify it, and that may not be a second qualifier,
# worked out once rather than per word of every walk.
_NOT_QUALIFIERS = NOT_NAMES - ROLE_MODIFIERS - PARTY_WORDS
_NOT_SECOND_QUALIFIERS = NOT_NAMES - PARTY_WORDS
_LONG_ROLE_JOINERS = JOINERS | {"at", "in", "on"}
_ROLE_WORDS = ROLE_MODIFIERS | ROLE_HEADS
_PLACE_BEFORE = re.compile(
    r"(?<![\w-])(?:in|at|from|to|near|across|around|outside|throughout|into|of|the)\s+$", re.I
)
# Before a first name and a surname, "of" says nothing of a place: "the case of Joseph Scholes",
# nor "at" after "out" or "back": "hit out at Gordon Brown".
_PLACE_BEFORE_GIVEN = re.compile(
    r"(?<![\w-])(?:in|(?<!\bout\s)(?<!\bback\s)at|from|to|near|across|around|outside|throughout|into|the)\s+$",
    re.I,
)


def _written_lower_case(text: str, word: str) -> bool:
    """Whether ``word`` is written in lower case in ``text`` as a whole word (not inside one)."""
    low = word.lower()
    if _WORD_RUN.fullmatch(low):  # a word of word characters and hyphens: one set lookup
        return low in _word_runs(text)
    return _lower_word_pattern(low).search(text) is not None


_WORD_RUN = re.compile(r"[\w-]+")


@lru_cache(maxsize=4)
def _word_runs(text: str) -> frozenset[str]:
    """Every longest run of word characters and hyphens in ``text``: the words that can be
    matched whole there."""
    return frozenset(_WORD_RUN.findall(text))


@lru_cache(maxsize=4096)
def _lower_word_pattern(low: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(low)}(?![\w-])")


@cache
def _first_names():
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


def first_name_gender(word: str) -> str | None:
    """he or she where the first-name list is sure (male/female, or mostly so), else None; a
    hyphenated name by its first part ("Jean-Yves": "Jean"); a name particle ("Le") is no name."""
    word = word.split("-")[0]
    if not word.isalpha() or not word[0].isupper() or word.lower() in NOT_NAMES | PARTICLES:
        return None
    verdict = _first_names().get_gender(word)
    return {"male": "he", "mostly_male": "he", "female": "she", "mostly_female": "she"}.get(verdict)


def _places() -> dict:
    from analysis.places import gazetteer

    return gazetteer()


def _towns() -> frozenset[str]:
    from analysis.places import town_names

    return town_names()


def _group(found: list[_Found]) -> list[Person]:
    """One ``Person`` per person: names grouped as the module docstring says."""
    fullest: dict[str, _Found] = {}
    for item in found:
        if item.name not in fullest:
            fullest[item.name] = item
    names = sorted(fullest, key=lambda n: (-len(n.split()), list(fullest).index(n)))
    knighted = {  # "Sir Digby": a knight named by his first name
        item.name for item in found if item.knighted and " " not in item.name
    }
    owner: dict[str, str] = {}
    for name in names:
        longer = [
            n
            for n in names
            if len(n.split()) > len(name.split())
            and (_shortens(name, n) or (name in knighted and n.split()[0] == name))
        ]
        heads = {owner.get(n, n) for n in longer}
        if len(heads) == 1:
            owner[name] = heads.pop()
        elif not heads:
            owner[name] = name
        else:
            owner[name] = ""  # claimed by two people: names nobody
    people: dict[str, Person] = {}
    for item in found:
        head = owner.get(item.name, item.name)
        if not head:
            continue
        person = people.setdefault(head, Person(head))
        if item.name not in person.names:
            person.names.append(item.name)
        for role in (item.role, "Counterpart" if item.counterpart else None, item.seat):
            if role and role not in person.roles:
                person.roles.append(role)
        if item.country and person.country is None:
            person.country = item.country
        if item.pronoun and (person.pronoun is None or (person.listed and not item.listed)):
            person.pronoun, person.listed = item.pronoun, item.listed
        if item.title:
            person.titles.append(item.title)
        person.styled = person.styled or item.styled
    return list(people.values())


def _shortens(short: str, long: str) -> bool:
    """Whether ``short`` can be a shorter writing of ``long`` (see the module docstring).

    Words compare without case or accents ("Çavusoğlu", "Çavuşoğlu").
    """
    s, words = [_plain(w) for w in short.split()], long.split()
    lower = [_plain(w) for w in words]
    if s == lower[-len(s) :]:
        return True
    patronymic = next((i for i, w in enumerate(lower) if w in PATRONYMICS), None)
    if patronymic is not None and s == lower[: len(s)] and len(s) <= patronymic + 2:
        return True
    particle_at = next(
        (i for i, w in enumerate(lower) if i and (w in PARTICLES or w[:3] in ("al-", "el-"))), None
    )
    if particle_at is not None and s == lower[:particle_at]:
        return True
    if (lower[0].title() in EAST_ASIAN_SURNAMES or _KOREAN_GIVEN.fullmatch(words[-1])) and s == lower[:1]:
        return True
    particle = next((i for i, w in enumerate(lower) if w in ("al", "el") and i > 0), None)
    return particle is not None and s == lower[particle : particle + len(s)]


_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")  # "Ki-moon" of "Ban Ki-moon": the family name is first


def _plain(word: str) -> str:
    """A word without case or accents, for comparing two writings of a name."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


def _actors(people: list[Person], registry: Registry) -> list[Actor]:
    actors = []
    taken = set(registry.actors)
    for person in people:
        actor_id = discovered_id(person.name)
        while actor_id in taken:
            actor_id += "-x"
        taken.add(actor_id)
        roles = tuple(dict.fromkeys(r for r in person.roles))
        actors.append(
            Actor(
                actor_id=actor_id,
                name=person.name,
                type="person",
                country=person.country,
                code=None,
                aliases=tuple(n for n in person.names if n != person.name),
                adjectives=(),
                titles=roles,
                pronoun=person.pronoun,
            )
        )
    return actors


# --- where the discovered people are mentioned -------------------------------------------------

_PREFIX_TOKEN = re.compile(r"([\w.’'-]+)\s+$")
_THE = re.compile(r"(?<![\w-])(?:[Tt]he|THE)\s+")
_WORD = re.compile(r"[\w.’'-]*[\w]")


def name_forms(actor: Actor) -> list[str]:
    """Every way the article may write a discovered person: the names it wrote, and short forms.

    Short forms: the surname (last word, or from a capitalised particle: "Le Drian") of a name
    of two words or more, or the first word where that is a Chinese, Korean or Vietnamese family
    name ("Wang Yi": "Wang"); for a name with a patronymic ("Abdullah bin Zayed Al Nahyan"), its first word and the part up to the father's
    name; for a name with "al"/"Al" before the last word, that pair in either case.

    >>> name_forms(Actor("x", "Badr al Busaidi", "person", None, None, (), (), (), None))
    ['Badr al Busaidi', 'Busaidi', 'al Busaidi', 'Al Busaidi']
    """
    forms = []
    for name in (actor.name, *actor.aliases):
        words = name.split()
        forms.append(name)
        lower = [w.lower() for w in words]
        if len(words) >= 2 and words[0] in EAST_ASIAN_SURNAMES and len(words) <= 3:
            forms.append(words[0])
        elif len(words) >= 2 and not _INITIAL.match(words[-1]) and lower[-1] not in PARTICLES:
            particle = max(
                (i for i, w in enumerate(words[1:-1], 1) if w in PARTICLES_CAPITALISED), default=None
            )
            forms.append(" ".join(words[particle:]) if particle else words[-1])
        if any(w in PATRONYMICS for w in lower):
            at = next(i for i, w in enumerate(lower) if w in PATRONYMICS)
            forms.append(words[0])
            if at + 1 < len(words):
                forms.append(" ".join(words[: at + 2]))
        if len(words) >= 3 and lower[-2] in ("al", "el"):
            forms += [f"{words[-2].lower()} {words[-1]}", f"{words[-2].title()} {words[-1]}"]
    return list(dict.fromkeys(f for f in forms if f))


def people_mentions(
    text: str,
    sentence_spans: list[tuple[int, int]],
    actors: list[Actor],
    covered: Iterable[tuple[int, int]],
    registry: Registry,
) -> list[tuple[int, int, str]]:
    """(start, end, actor_id) of every name mention of the discovered ``actors``.

    A short form that two people share, or that is a registered name, a place or a common word
    of this article, names nobody (a town's name only after an honorific: "Mr Houston"); in a
    sentence written in lower case, only a form of two words or more names someone. A role written against the name belongs to the mention
    ("Crown Prince Abdullah", "Mr. Straw"); a possessive country before it does not. A name
    followed by an organisation's head word is a body's name ("the Robert Kilroy-Silk Party").
    """
    lower = [_is_lower_case(text, s, e) for s, e in sentence_spans]
    cased = "\n".join(text[s:e] for (s, e), low in zip(sentence_spans, lower, strict=True) if not low)
    owners = _form_owners(actors)
    table = {
        form: next(iter(ids))
        for form, ids in owners.items()
        if len(ids) == 1
        and form not in registry.names
        and form not in registry.adjectives
        and form not in _places()
        and form.lower() not in NOT_NAMES
        and form.lower() not in ROLE_HEADS
        and not (" " not in form and _written_lower_case(cased, form))
    }
    table.update(
        {  # a surname that is also a town's or a common word: only with an honorific ("Mr Houston")
            f"{style} {form}": next(iter(ids))
            for form, ids in owners.items()
            if len(ids) == 1
            and " " not in form
            and (form in _places() or form.lower() in NOT_NAMES)
            and form not in registry.names
            for style in _STYLES
        }
    )
    table.update(_plain_styled(owners, actors))
    if not table:
        return []
    phrases = Phrases(table)  # an article's own names: not worth compiling into a pattern
    merged = spans.merge(covered)
    found = []
    for (start, end), low in zip(sentence_spans, lower, strict=True):
        sentence = text[start:end]
        title = sentence.title()
        views = [sentence]
        if low and len(title) == len(sentence):
            views.append(title)
        seen = set()
        for view in views:
            for match_start, match_end, form in phrases.finditer(view):
                s, e = start + match_start, start + match_end
                if (s, e) in seen or list(spans.uncovered(s, e, merged)) != [(s, e)]:
                    continue
                if view is not sentence and " " not in form:
                    continue  # a lower-case sentence read as capitalised: "people" is no "People"
                body = _NEXT_CAPITALISED.match(text, e, end)
                if body and body.group(1).lower() in ORGANIZATION_HEADS:
                    continue  # "the Robert Kilroy-Silk Party", "the Tony Blair Foundation": a body's name
                seen.add((s, e))
                post = _POST_NOMINAL.match(text, e, end)
                found.append(
                    (
                        _prefix_start(view, match_start, registry) + start,
                        post.end() if post else e,
                        table[form],
                    )
                )
    return found


_NEXT_CAPITALISED = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
_POST_NOMINAL = re.compile(rf"[ \t]+(?:{'|'.join(sorted(POST_NOMINALS))})(?![\w'’-])")
_STYLES = ("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Sir", "Lord", "Lady", "Dame")
_STYLES_LOWER = frozenset(style.lower() for style in _STYLES)  # no body's name qualifies them


def _plain_styled(owners: dict[str, set[str]], actors: list[Actor]) -> dict[str, str]:
    """ "Mr Blair" where "Blair" is two people's, one of them a knight ("Sir Ian Blair", called
    "Sir Ian"): the one person "Mr", "Mrs", "Ms" or "Miss" can address, no knight or dame and of
    that gender or of none known."""
    by_id = {actor.actor_id: actor for actor in actors}
    table = {}
    for form, ids in owners.items():
        if len(ids) < 2 or " " in form:
            continue
        for style, gender in _PLAIN_STYLES:
            plain = [i for i in sorted(ids) if not _knighted(by_id[i]) and by_id[i].pronoun in (gender, None)]
            if len(plain) == 1 and len(plain) < len(ids):
                table[f"{style} {form}"] = plain[0]
    return table


def _knighted(actor: Actor) -> bool:
    """A knight or dame: called by the first name alone ("Sir Ian" of "Ian Blair")."""
    first = actor.name.split()[0]
    return " " in actor.name and first in actor.aliases


_PLAIN_STYLES = tuple(
    (style, HONORIFICS[style.lower()]) for style in ("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss")
)


def _form_owners(actors: list[Actor]) -> dict[str, set[str]]:
    """Each way of writing a discovered person (``name_forms``), and whose it can be."""
    owners: dict[str, set[str]] = {}
    for actor in actors:
        for form in name_forms(actor):
            owners.setdefault(form, set()).add(actor.actor_id)
    return owners


def shared_form_mentions(
    text: str,
    sentence_spans: list[tuple[int, int]],
    actors: list[Actor],
    found: list[tuple[int, int, str]],
    covered: Iterable[tuple[int, int]],
    registry: Registry,
) -> list[tuple[int, int, str]]:
    """(start, end, actor_id) of the one-word short forms two people share ("Khan" of "Gohar
    Ayub Khan" and "Sahibzada Yaqub Khan"), each given to the one of them named in its sentence
    or the two before it, when exactly one of them is; else to nobody."""
    owners = _form_owners(actors)
    shared = {
        form: ids
        for form, ids in owners.items()
        if len(ids) > 1 and " " not in form and form not in registry.names and form.lower() not in NOT_NAMES
    }
    if not shared:
        return []
    starts = [s for s, _ in sentence_spans]
    taken = spans.merge([*covered, *((s, e) for s, e, _ in found)])
    starts_of: dict[str, list[int]] = {}
    for start, _, actor_id in sorted(found):
        starts_of.setdefault(actor_id, []).append(start)
    out = []
    for s, e, form in Phrases(shared).finditer(text):
        if not sentence_spans[0][0] <= s < sentence_spans[-1][1] or list(spans.uncovered(s, e, taken)) != [
            (s, e)
        ]:
            continue
        sid = bisect.bisect_right(starts, s) - 1
        window = starts[max(0, sid - 2)]
        near = {a for a in shared[form] if _named_between(starts_of.get(a, []), window, s)}
        if len(near) == 1:
            out.append((_prefix_start(text, s, registry), e, near.pop()))
    return out


def _named_between(starts: list[int], lo: int, hi: int) -> bool:
    """Whether one of the sorted ``starts`` lies in [lo, hi)."""
    i = bisect.bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _prefix_start(view: str, name_start: int, registry: Registry) -> int:
    """Where a role written against the name begins (the name's start when there is none).

    Walking left from the name: role words in any case ("former president", "Foreign
    Minister", "Mr."), joiners inside a role ("Secretary of State"), countries and their
    adjectives ("U.S.", "Saudi"), and one capitalised word standing right before a role word
    ("Tory leader", "Newsnight journalist"). A determiner, a possessive ("Saudi Arabia's") or
    any other word stops the walk; without a role word there is no prefix, and before an
    honorific ("Mr", "Sir") only a role word makes one ("Foreign Secretary Mr Straw"; not "In
    Tanzania Mr Brown", "Lib Dem Sir Archy Kirkwood").
    """
    cursor, taken = name_start, []  # (start, is_head) of each word taken, right to left
    determiner, descriptors, described = False, 0, set()
    while True:
        before = _PREFIX_TOKEN.search(view, max(0, cursor - 60), cursor)
        if not before:
            break
        word = before.group(1)
        low = word.lower().rstrip(",")
        styled = low in ("his", "her") and view[before.end() : before.end() + 12].lower().startswith(
            ("highness", "majesty", "excellency")
        )
        if styled:  # "His Highness Sheikh ...": a style of address, part of the title
            taken.append((before.start(), False))
            cursor = before.start()
            continue
        if low == "the" and taken and view[taken[-1][0]].isupper():
            ahead = _PREFIX_TOKEN.search(view, max(0, before.start() - 60), before.start())
            owner = ahead and _PREFIX_TOKEN.search(view, max(0, ahead.start() - 60), ahead.start())
            if ahead and ahead.group(1).lower() in ("of", "for") and owner and owner.group(1)[0].isupper():
                taken.append((before.start(), False))  # "Minister of the Islamic Republic"; not
                cursor = before.start()  # "14,000 for the Liberal Democrat candidate"
                continue
        if _POSSESSIVE.search(word) or low in ("the", "a", "an", "his", "her", "its", "their"):
            if low in ("the", "a", "an"):
                taken = _after_titled_and(view, taken)
                determiner = any(head for _, head in taken)
            break
        if low in PREFIX_JOINERS and all(
            _NON_SPACE.search(view, at).group().lower() in HONORIFICS for at, _ in taken
        ):
            break  # "... minister and Sahibzada Yaqub Khan", "a spokesman for Mr Brown": a role never ends in a joiner
        country_start = _country_ending_at(view, before.end(), registry)
        if country_start is not None and country_start < before.start():
            taken.append((country_start, False))  # "the Islamic Republic of Iran", "South Korean"
            cursor = country_start
            continue
        place = word[0].isupper() and bool(taken) and taken[-1][1] and not is_country_word(word, registry)
        area_start = _area_start(view, before, registry) if low in AREA_ENDS or place else None
        if area_start is not None:
            taken.append((area_start, False))  # "for Near East Affairs", "of Canterbury Dr"
            cursor = area_start
            continue
        head = _is_role_head(low)
        if (
            low in ("new", "late", "then", "current", "young")
            and taken
            and _NON_SPACE.search(view, taken[-1][0]).group().lower() in _STYLES_LOWER
        ):
            break  # "the new Lord Kinnock": such a word qualifies a role, not an honorific
        qualifier = (
            bool(taken)
            and word[0].isupper()
            and low not in _NOT_QUALIFIERS
            and (taken[-1][1] or _lower_modifier(view, taken))
            and _NON_SPACE.search(view, taken[-1][0]).group().lower() not in _STYLES_LOWER
        )  # "Tory leader", "Conservative family spokeswoman"; not "But Mr Howard", "the BBC Mr Howard"
        if not (
            head
            or low in ROLE_MODIFIERS
            or low in PREFIX_JOINERS
            or qualifier
            or is_country_word(word, registry)
        ):
            if not (descriptors < 2 and _descriptor(word, view, taken, before.start())):
                break
            descriptors += 1  # "point-to-point jockey", "election campaign coordinator"
            described.add(before.start())
        taken.append((before.start(), head))
        cursor = before.start()
        if qualifier and not head and low not in ROLE_MODIFIERS and not is_country_word(word, registry):
            second = _PREFIX_TOKEN.search(view, max(0, cursor - 60), cursor)
            if (
                second
                and re.match(r"(?:ex-)?[A-Z]", second.group(1))  # "ex-Downing Street media chief"
                and second.group(1).lower() not in _NOT_SECOND_QUALIFIERS
            ):
                taken.append((second.start(), False))  # two words: "Liberal Democrat", "PCS Union"
            break  # one qualifier (of one or two words) only
    while taken and _NON_SPACE.search(view, taken[-1][0]).group().lower() in PREFIX_JOINERS:
        taken.pop()
    if (
        taken
        and _NON_SPACE.search(view, taken[0][0]).group().lower() in _STYLES_LOWER
        and not any(head for _, head in taken[1:])
    ):
        taken = taken[:1]  # "In Tanzania Mr Brown", "Lib Dem Sir Archy": no role before the honorific
    if taken and taken[-1][0] in described:
        opener = _PREFIX_TOKEN.search(view, max(0, taken[-1][0] - 60), taken[-1][0])
        word = opener.group(1) if opener else ""
        if word.isalpha() and word.islower() and word not in _NP_OPENERS:
            while taken and taken[-1][0] in described:
                taken.pop()  # "to support prime minister X": a verb's word, not the role's
    start = taken[-1][0] if any(head for _, head in taken) else name_start
    longer = _long_role_start(view, start, registry)
    return longer if longer is not None and not determiner else start


def _long_role_start(view: str, at: int, registry: Registry) -> int | None:
    """Where a long capitalised role before ``at`` begins, one the word-by-word walk stops in:
    "Assistant to the Chairman of the Joint Chiefs of Staff", "Deputy Chief of Mission at the
    US Embassy in the USSR", "Deputy Prime Minister – Minister of Foreign Affairs". Walking left
    over capitalised words, role words and joiners (also "at", "in", "on" and a dash after a
    role head), at most fourteen words, never across a comma, a possessive, a lower-case word
    or an "and" after a word that is not a role's: the start of the leftmost role head, or None."""
    cursor, leftmost, steps, extend = at, None, 0, False
    previous_low = ""  # the word right of the current one
    while steps < 14:
        before = _LONG_TOKEN.search(view, max(0, cursor - 60), cursor)
        if not before:
            break
        word = before.group(1)
        low = word.lower()
        if _POSSESSIVE.search(word) or word.endswith(",") or (not steps and low in _LONG_ROLE_JOINERS):
            break  # nor does a role end in a joiner: "a spokesman for Mr Brown"
        if low in ("–", "—", "-"):
            ahead = _PREFIX_TOKEN.search(view, max(0, before.start() - 60), before.start())
            if not (ahead and _is_role_head(ahead.group(1).lower())):
                break
        elif low == "and":
            ahead = _PREFIX_TOKEN.search(view, max(0, before.start() - 60), before.start())
            if not (ahead and (_role_like(ahead.group(1), registry) or ahead.group(1).lower() in AREA_ENDS)):
                break
            if previous_low not in ROLE_MODIFIERS | AREA_ENDS:
                break  # "... minister and Sahibzada Yaqub Khan", "Lord Chief Justice and Lord Justices"
        elif not (word[0].isupper() or low in _LONG_ROLE_JOINERS or low in _ROLE_WORDS):
            break
        previous_low = low
        if _is_role_head(low):
            leftmost, extend = before.start(), True
        elif extend and (low in ROLE_MODIFIERS or is_country_word(word, registry)):
            leftmost = before.start()  # "Deputy Prime" before "Minister"
        else:
            extend = False
        cursor = before.start()
        steps += 1
    return leftmost if leftmost is not None and leftmost < at else None


_LONG_TOKEN = re.compile(r"([\w.’'-]+,?|[–—-])\s+$")


def _lower_modifier(view: str, taken: list[tuple[int, bool]]) -> bool:
    """Whether the last word taken is a role modifier or a descriptor in lower case before a
    head ("Conservative *family* spokeswoman", "Labour *election* campaign coordinator"): a
    capitalised qualifier may stand before it too."""
    word = _NON_SPACE.search(view, taken[-1][0]).group()
    return word.islower() and any(h for _, h in taken) and (word in ROLE_MODIFIERS or _plain_noun(word))


def _descriptor(word: str, view: str, taken: list[tuple[int, bool]], at: int) -> bool:
    """Whether a lower-case ``word`` (at ``at``) describes the lower-case role word right of it
    ("*point-to-point* jockey", "*ex-chatshow* host", "*independent* MP"): that word a role head
    (in any case), a modifier or another
    descriptor, and this one a plain noun or adjective by its form, not a function word or a
    verb; a plural only right after a possessive or a determiner ("Lib Dem's *elections* chief";
    not "says chief ..."). The walk keeps descriptors only where a noun phrase may open before them."""
    if not taken or not word.islower():
        return False
    right = _NON_SPACE.search(view, taken[-1][0]).group()
    if right.lower() in ROLE_HEADS and right.lower() not in HONORIFICS:
        right = right.lower()  # "former *independent* MP Martin Bell": a role head in capitals too
    if not (
        right.islower()
        and right not in PREFIX_JOINERS
        and right not in HONORIFICS
        and (right in ROLE_HEADS or right in ROLE_MODIFIERS or _plain_noun(right))
    ):
        return False
    if _plain_noun(word):
        return True
    opener = _PREFIX_TOKEN.search(view, max(0, at - 60), at)
    return (
        word.endswith("s")
        and _plain_noun(word[:-1])
        and opener is not None
        and (_POSSESSIVE.search(opener.group(1)) is not None or opener.group(1).lower() in ("the", "a", "an"))
    )


_NOT_DESCRIPTORS = frozenset(
    """
    like than about against between without within including via per versus amid despite toward
    towards upon onto behind beside besides beyond through whether whom whose said says told
    tells met meets is was are were be been being has have had will would can could should may
    might must do does did got get let made make saw see took take gave give went go came come
    became become left put sent led ran won lost hit set fellow own very more most much many
    few several all any every each other another same such what week weekend month year night
    morning afternoon evening day time decade century hour minute moment
    """.split()
)
_PLAIN_NOUN = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _plain_noun(word: str) -> bool:
    """A lower-case word that can describe a role: letters and hyphens, not a function word, not
    a verb's past ("-ed") or third-person ("-s", but "business") form, not an adverb ("-ly")."""
    return (
        bool(_PLAIN_NOUN.fullmatch(word))
        and len(word) > 2
        and word not in NOT_NAMES
        and word not in _NOT_DESCRIPTORS
        and (word.endswith("ss") or not word.endswith(("ed", "s", "ly", "ing")))  # "business", "press"
    )


# Words after which a noun phrase may open: "the ex-chatshow host", "by point-to-point jockey".
_NP_OPENERS = frozenset(
    """
    the a an his her its their our this that by from with for of at in on as and but or is was
    are were be been became becomes remains remained said says told including like against
    about after before between under over added adds insisted argued warned claimed asked
    implored urged explained admitted replied
    """.split()
)


def _after_titled_and(view: str, taken: list[tuple[int, bool]]) -> list[tuple[int, bool]]:
    """The words taken up to an "and" before a role head with another role head before it, when
    a determiner opens the prefix: in "the Cardinal and Archbishop of Canterbury Dr Rowan
    Williams" and "the First President of Kazakhstan and King Abdullah II", the first role is
    someone else's."""
    for k in range(1, len(taken) - 1):
        word = _NON_SPACE.search(view, taken[k][0]).group().lower()
        if word == "and" and taken[k - 1][1] and any(head for _, head in taken[k + 1 :]):
            return taken[:k]
    return taken


def _area_start(view: str, last: re.Match, registry: Registry) -> int | None:
    """Where the field of a role ending in ``last`` ("... for Near East Affairs", "... of
    Canterbury") begins: its "for" or "of", when a role word stands before that (a role head,
    unless the field ends in an ``AREA_ENDS`` word; see ``_area_length``)."""
    cursor = last.start()
    area = last.group(1).lower() in AREA_ENDS
    for _ in range(7 if area else 3):  # a place after "of" is a word or two: "of Canterbury"
        before = _PREFIX_TOKEN.search(view, max(0, cursor - 60), cursor)
        if not before:
            return None
        word = before.group(1)
        if word.lower() in ("and", "&") and not area:
            return None
        if word.lower() in ("for", "of"):
            ahead = _PREFIX_TOKEN.search(view, max(0, before.start() - 60), before.start())
            if ahead is None:
                return None
            role = ahead.group(1)
            fits = (
                _is_role_head(role.lower())
                if last.group(1).lower() not in AREA_ENDS
                else _role_like(role, registry)
            )
            return before.start() if fits else None
        if not (word[0].isupper() or word.lower() in ("and", "&")):
            return None
        cursor = before.start()
    return None


def _country_ending_at(view: str, end: int, registry: Registry) -> int | None:
    """Where a country name of two to five words ending at ``end`` starts, if one does."""
    words = list(re.finditer(r"[\w.’'-]+", view[max(0, end - 60) : end]))
    offset = max(0, end - 60)
    for n in (5, 4, 3, 2):
        if len(words) >= n:
            phrase = " ".join(w.group() for w in words[-n:])
            if is_country_word(phrase, registry):
                return offset + words[-n].start()
    return None


def people_titles(
    text: str,
    sentence_spans: list[tuple[int, int]],
    actors: list[Actor],
    names: list[tuple[int, int, str]],
    taken: Iterable[tuple[int, int]],
    registry: Registry,
    unheld: list[tuple[int, int, str]] | None = None,
) -> list[tuple[int, int, str, tuple[int, int, str]]]:
    """Standalone titles ("the Crown Prince", "the minister") of discovered people, resolved.

    A title is a role phrase (modifiers, countries and organisations, a role head, then an
    optional field: "of State", "of Foreign Affairs of the Republic of Kazakhstan") that is not
    written against a name, standing after "the"; after a possessive country ("Abu Dhabi's
    crown prince", the country outside the title); after "and" that follows a title ("the
    Secretary-General and Foreign Minister"); at the start of a sentence when it opens with a
    country ("Russian diplomat, in turn, ..."); or, ending in "counterpart", after "his" or
    "her". Its holder is a discovered person the article gave that role, or, failing one,
    whose role has the same head word ("the minister" for a Foreign Minister); "the diplomat"
    and "the envoy" stand for a foreign minister, secretary of state, ambassador or envoy when
    no one holds those words; a country in the title (or a city, as its country's: "the London
    mayor", "the Mayor of London") keeps only that country's people, or, when
    the article gives no one that country, the holders of the role it gives no country ("Chancellor
    Gordon Brown ... The UK chancellor"; not "The Pakistani chancellor" beside a Pakistani
    president). A title
    that is the object of a meeting ("X met the envoy") is not held by a person named earlier in
    its sentence. Of several, the one named nearest before the title wins (else the first named
    after it, unless an indefinite role of that head came first: "A spokesman for the Home
    Office said ... said the spokesman" is that unnamed spokesman, not one named later). A
    member's title takes its seat ("the Labour MP for Birkenhead"). An office no one in the article holds ("the chancellor") goes to the one person
    named in the sentence before, when that sentence opens with the name, the title opens its
    own sentence and the article gives that person no role (``_lone_person_before``), or else
    to the one person named before it who has no role anywhere in the article and is named at
    least twice (``_sole_roleless``); the person holds that office from then on, and no other.
    A party word is a role modifier, so "the Tory leader" is the holder of "Tory leader", not
    of "Labour leader". Returns (start, end, actor_id,
    (start, end, actor_id) of the name mention it resolves to); a title after "the" that
    nobody holds is added to ``unheld`` as (start, end, role), for ``office_holders``.
    """
    if not actors and unheld is None:
        return []
    merged = spans.merge(
        [(s, e) for s, e in taken if not is_country_word(text[s:e], registry)]  # "the UAE top diplomat"
        + [(s, e) for s, e, _ in names]
    )
    by_actor: dict[str, list[tuple[int, int, str]]] = {}
    for mention in sorted(names):
        by_actor.setdefault(mention[2], []).append(mention)
    roles = {a.actor_id: {_role_key(r) for r in a.titles} for a in actors}
    heads = {a.actor_id: {_role_head(r) for r in a.titles} for a in actors}
    country_of = {a.actor_id: a.country for a in actors}
    introduced: dict[str, int] = {}  # where an indefinite role of each head is first written
    out = []
    for k, (s_start, s_end) in enumerate(sentence_spans):
        for start, at, country, counterpart in _title_openings(text, s_start, s_end, registry):
            phrase = _title_phrase(text, at, s_end, registry)
            while phrase is not None:
                words, end, field_end = phrase
                if counterpart and words[-1].lower() != "counterpart":
                    break
                if list(spans.uncovered(start, field_end, merged)) != [(start, field_end)]:
                    break
                plain = [_POSSESSIVE.sub("", w) for w in words]
                countries = {country_of_word(w, registry) for w in plain if is_country_word(w, registry)} | {
                    _place_country(w, registry) for w in plain if w in _places()
                }  # "the London mayor": the city's country
                if _POSSESSIVE.search(words[0]) and is_country_word(plain[0], registry):
                    owner = _OWNER_END.search(text, start, field_end)  # "Djibouti's Minister ...": outside
                    start = owner.end() if owner else start
                countries |= {country} if country else set()
                role = _role_key(
                    " ".join([*(w for w in words if not is_country_word(w, registry)), text[end:field_end]])
                )
                head = _role_head(role)
                exact = [a for a in roles if role in roles[a]]
                holders = exact or [
                    a
                    for a in heads
                    if head in heads[a]
                    and _same_standing(role, roles[a], head)
                    and _modifiers_agree(role, roles[a])
                ]
                given = bool(holders)  # the article gave them this role (not a guess below)
                if not holders and head in DIPLOMAT_WORDS:
                    wanted = (
                        TOP_DIPLOMAT_ROLE if "top" in role.split() else DIPLOMATIC_ROLE
                    )  # "top": the minister
                    holders = [a for a in roles if any(wanted.search(r) for r in roles[a])]
                if not holders and head == "counterpart" and countries - {None}:
                    holders = [a for a in roles if country_of[a] in countries]  # "his Vietnamese counterpart"
                    holders = holders if len(holders) == 1 else []
                if not holders and head in OFFICE_HEADS and not (STANDING | {"and"}) & set(role.split()):
                    previous = sentence_spans[k - 1] if k else (s_start, s_start)
                    holders = _lone_person_before(by_actor, roles, previous, start, text, s_start)
                    holders = holders or _sole_roleless(by_actor, roles, start)
                    for holder in holders:  # now the article's holder of that office, and of no other
                        roles[holder].add(role)
                        heads[holder].add(head)
                if countries - {None}:  # of that country; else, if no one is, a holder of no country
                    unplaced = given and not any(c in countries for c in country_of.values())
                    holders = [a for a in holders if country_of[a] in countries] or [
                        a for a in holders if unplaced and country_of[a] is None
                    ]
                named_here = set()
                if _OBJECT_OF_MEETING.search(text, max(s_start, start - 40), start):  # the verb's words only
                    named_here = {
                        m[2] for a in holders for m in by_actor.get(a, ()) if s_start <= m[0] < start
                    }
                target = _nearest([a for a in holders if a not in named_here], by_actor, start)
                if target is not None and target[0] > start and _introduced(text, head, introduced) < start:
                    target = None  # "A spokesman for the Home Office said ... said the spokesman": that one
                if target is not None:
                    out.append((start, field_end, target[2], target))
                elif unheld is not None and not holders and text[start:at].strip().lower() == "the":
                    unheld.append((start, field_end, role))  # "The Secretary-General": see office_holders
                joined = _AND_TITLE.match(text, field_end, s_end)
                if not joined:
                    break
                start = joined.end()
                phrase = _title_phrase(text, start, s_end, registry)
    return out


def office_holders(
    text: str, unheld: list[tuple[int, int, str]], people: list[Actor]
) -> tuple[list[Actor], list[tuple[int, int, str]]]:
    """The holders of offices the article names but never gives to a named person ("The
    Secretary-General met today with ...", "the Queen"), as unnamed people, and their title
    mentions (start, end, actor_id).

    Precision first, an office is someone's only when: its title is written capitalised, as the
    office's own name ("The Secretary-General", not "the prime minister", which a BBC article
    writes for a Blair it names without the role); its head is an office one person holds
    (``OFFICE_HEADS``, "king", "queen", "pope", "archbishop"); it carries no standing word
    ("former", "deputy"); and every person the article names has a role of their own, so that
    none of them can be the holder left unsaid. One actor per office: its id is the role's slug,
    its name the title without "the".
    """
    if any(not person.titles for person in people):
        return [], []
    actors: dict[str, Actor] = {}
    found = []
    for start, end, role in unheld:
        if _OF_BEFORE.search(text, max(0, start - 4), start):
            continue  # "the Executive Office of the US President": a body's name, or someone's
        written = text[start:end].split()[1:]  # without "the"
        words = [w for w in written if w.lower() not in JOINERS]
        if (
            not words
            or not all(w[0].isupper() for w in words)
            or not {_role_head(role), role.split()[-1]} & (OFFICE_HEADS | _SOLE_OFFICES)
            or STANDING & set(role.split())
        ):
            continue
        actor_id = "office-" + discovered_id(role)
        if actor_id not in actors:
            name = " ".join(written)
            actors[actor_id] = Actor(actor_id, name, "person", None, None, (), (), (name,), None)
        found.append((start, end, actor_id))
    return list(actors.values()), found


_SOLE_OFFICES = frozenset("king queen pope archbishop".split())
_OF_BEFORE = re.compile(r"\bof\s+$")


_OBJECT_OF_MEETING = re.compile(
    r"\b(?:met|meets|meeting|received|receives|welcomed|welcomes|hosted|hosts|thanked|told|with|called\s+on)\s+$"
)
_OPENING = re.compile(r"(?<![\w-])(?:(?P<the>[Tt]he|THE)|(?P<his>[Hh]is|[Hh]er))\s+|['’]s\s+")
_OWNER_END = re.compile(r"['’]s\s+")
_FIELD_GOES_ON = re.compile(r"\s+(?:of|for|and|in|to|on)\s+(?:the\s+)?[A-Z]")
_AND_TITLE = re.compile(r"\s+and\s+(?=\S)")
_COPULA = re.compile(
    r"(?<!\w)(?:is|was|are|were|became|becomes|remains|remained)(?:\s+[A-Z][\w.’'-]*){0,3}\s*$"
)


def _title_openings(
    text: str, s_start: int, s_end: int, registry: Registry
) -> Iterable[tuple[int, int, str | None, bool]]:
    """Where a standalone title may begin in a sentence: (title start, role phrase start, the
    country a possessive gives, whether only a counterpart may follow)."""
    if s_start < s_end and text[s_start].isupper():
        first = _WORD.match(text, s_start)
        if first and is_country_word(first.group(), registry):
            yield s_start, s_start, None, False
    for opening in _OPENING.finditer(text, s_start, s_end):
        if _COPULA.search(text, max(s_start, opening.start() - 60), opening.start()):
            continue  # "Khan was his Pakistani counterpart": said of someone, not naming them
        if opening["the"] or opening["his"]:
            yield opening.start(), opening.end(), None, bool(opening["his"])
            continue
        country_start = _country_ending_at(text, opening.start(), registry)
        owner = text[max(s_start, opening.start() - 40) : opening.start()].split()
        if country_start is None and owner and is_country_word(owner[-1], registry):
            country_start = opening.start() - len(owner[-1])
        if country_start is not None:
            phrase = " ".join(text[country_start : opening.start()].split())
            yield opening.end(), opening.end(), country_of_word(phrase, registry), False
            continue
        place = _place_ending_at(text, opening.start(), registry)
        if place is not None:
            yield opening.end(), opening.end(), place, False


def _place_ending_at(text: str, end: int, registry: Registry) -> str | None:
    """The country of a city of the gazetteer of one or two words ending at ``end`` ("Abu Dhabi")."""
    words = text[max(0, end - 40) : end].split()
    for n in (2, 1):
        country = _place_country(" ".join(words[-n:]), registry) if len(words) >= n else None
        if country is not None:
            return country
    return None


def _place_country(name: str, registry: Registry) -> str | None:
    """The registry country of a city of the gazetteer, or None when ``name`` is not one."""
    from analysis.places import country_of

    place = _places().get(name)
    return country_of(place, registry) if place is not None else None


# Words that make a role another office: "the chancellor" is not the shadow chancellor, the
# deputy chancellor or a former one.
STANDING = frozenset("shadow former deputy vice assistant acting ex then under".split())


def _same_standing(title: str, roles: set[str], head: str) -> bool:
    """Whether one of ``roles`` with ``head`` carries the standing words of the title, no more
    and no fewer ("the shadow chancellor" is not the chancellor)."""
    own = set(title.split()) & STANDING
    return any(head in r.split() and (set(r.split()) & STANDING) == own for r in roles) or not any(
        head in r.split() for r in roles
    )


def _modifiers_agree(title: str, roles: set[str]) -> bool:
    """Whether one of ``roles`` has every role modifier of the title ("the prime minister" is no
    Foreign Minister; "the minister" and "the foreign minister" are). A party word of the title
    need only not contradict a role that names no party ("the Tory leader" is the "leader
    Michael Howard" of the article; not its "Lib Dem leader"), nor one of a named body ("the
    Tory leader" is not the "Leader of the Commons")."""
    words = title.split()
    own = {w for w in words if w in ROLE_MODIFIERS} - STANDING - PARTY_MODIFIERS
    party = {w for w in words if w in PARTY_MODIFIERS}
    return any(
        own <= set(r.split())
        and (party <= set(r.split()) or not (PARTY_MODIFIERS & set(r.split()) or (party and " of " in r)))
        for r in roles
    )


def _role_key(role: str) -> str:
    """A role as titles compare it: lower case, without articles and possessives."""
    return " ".join(_POSSESSIVE.sub("", w) for w in role.lower().split() if w not in ("the", "a", "an"))


def _role_head(role: str) -> str:
    """The head word of a role: its last role head ("secretary" of "Secretary of State"), with
    the head before a closing "general" ("attorney general")."""
    words = [w.split("-")[-1] for w in _role_key(role).split()]
    found = [i for i, w in enumerate(words) if w in ROLE_HEADS]
    if not found:
        return words[-1] if words else ""
    last = found[-1]
    if words[last] == "general" and last and words[last - 1] in ROLE_HEADS:
        return f"{words[last - 1]} general"  # "attorney general" is not "solicitor general"
    return words[last]


def _title_phrase(text: str, at: int, limit: int, registry: Registry) -> tuple[list[str], int, int] | None:
    """The longest role phrase at ``at`` ending in a role head, with the end of that head and
    the end of the field after it ("of State", "of the Israeli Foreign Ministry"); None when
    there is none or a capitalised name follows it (then it is written against a name)."""
    found = _contiguous(
        text, at, [(m.group(), m.end()) for m in _WORD.finditer(text, at, min(limit, at + 160))][:14]
    )
    words, ends, i = [], [], 0
    while i < len(found) and i < 8:
        n = _country_span([w for w, _ in found], i, registry)
        if n:
            words.append(" ".join(w for w, _ in found[i : i + n]))
            ends.append(found[i + n - 1][1])
            i += n
            continue
        word = found[i][0]
        low = word.lower()
        owned = _POSSESSIVE.search(word)
        if owned and _is_role_head(_POSSESSIVE.sub("", low)):  # "the envoy's trip": the title is "the envoy"
            words.append(_POSSESSIVE.sub("", word))
            ends.append(found[i][1] - len(owned.group()))
            break
        if low == "and" and any(_is_role_head(w.lower()) for w in words):
            break  # "the Secretary-General and Foreign Minister": two titles
        role_word = low in ROLE_MODIFIERS | ROLE_HEADS | JOINERS or low == "top" or _is_role_head(low)
        if not role_word and not (word[0].isupper() and (word in registry.names or word in _places())):
            break  # an organisation or a city may stand before the role ("the United Nations Secretary-General", "the London mayor")
        words.append(word)
        ends.append(found[i][1])
        i += 1
    while words and not _is_role_head(words[-1].lower()):
        words.pop()
        ends.pop()
    if not words:
        return None
    end = ends[-1]
    seat = _SEAT.match(text, end, limit) if words[-1].upper() in _MEMBERS else None
    field_end = (
        seat.end() if seat else _field_end(text, end, limit, registry)
    )  # "the Labour MP for Birkenhead"
    if field_end > end and _FIELD_GOES_ON.match(text, field_end, limit):
        return (
            None  # "the President of the European Bank for Reconstruction ...": a field not read to its end
        )
    if re.match(r"\s+[A-Z][a-z]", text[field_end : field_end + 3]):
        return None
    return words, end, field_end


def _field_end(text: str, at: int, limit: int, registry: Registry) -> int:
    """Where the field after a role head ends ("of State", "for Foreign Affairs and International
    Cooperation", "of the Israeli Foreign Ministry", "of the Republic of Kazakhstan"): "of" or
    "for", then role words, organisation words, countries and field words (``AREA_ENDS``),
    chained by joiners; ``at`` itself when there is none."""
    found = _contiguous(
        text, at, [(m.group(), m.end()) for m in _WORD.finditer(text, at, min(limit, at + 160))][:12]
    )
    words = [w for w, _ in found]
    if not words or words[0] not in ("of", "for"):
        return at
    end, i = at, 1
    while i < len(words):
        n = _country_span(words, i, registry)
        low = words[i].lower()
        owned = _POSSESSIVE.search(words[i])
        if owned and words[i][0].isupper():  # "the Secretary of State's visit": the title ends before "'s"
            if _role_like(_POSSESSIVE.sub("", words[i]), registry):
                end = found[i][1] - len(owned.group())
            break
        if n:
            i += n
            end = found[i - 1][1]
        elif words[i][0].isupper() and (
            _role_like(words[i], registry) or low in AREA_ENDS or low == "republic" or words[i] in _places()
        ):  # "the Mayor of London": a city ends a field too
            i += 1
            end = found[i - 1][1]
        elif low in JOINERS or low == "&":
            i += 1
        else:
            break
    return end


def _contiguous(text: str, at: int, found: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The words of ``found`` (word, end) up to the first one with more than white space before it."""
    kept, cursor = [], at
    for word, end in found:
        if text[cursor : end - len(word)].strip():
            break
        kept.append((word, end))
        cursor = end
    return kept


OFFICE_HEADS = frozenset(
    """
    minister secretary secretary-general president vice-president premier chancellor king queen
    prince princess emir amir sultan governor mayor senator leader chairman chairwoman pope
    monarch ambassador envoy commissioner
    """.split()
)  # offices one person holds: "the chancellor" may name the person just named; "the judge" may not


def _named_within(found: list[tuple[int, int, str]], lo: int, hi: int) -> bool:
    """Whether one of the (sorted) name mentions ``found`` lies within [lo, hi)."""
    i = bisect.bisect_left(found, (lo,))
    return i < len(found) and found[i][1] <= hi


_OPENING_MARKS = re.compile(r"[ \t\"'“‘(]*")


def _lone_person_before(
    by_actor: dict, roles: dict, previous: tuple[int, int], at: int, text: str, s_start: int
) -> list[str]:
    """The holder of an office title no one in the article is given, when the title opens its
    sentence and the sentence before opens with the name of the one person it names, or ends
    with the name of its speaker ("..., Tony Blair has said."), a person given no role anywhere
    in the article: "Gordon Brown has issued a rallying cry. The chancellor said ..." (a
    writer's way of giving the role of the person just named).
    """
    if _OPENING_MARKS.match(text, s_start, at).end() != at:
        return []
    lo, hi = previous
    opening = lo + len(text[lo:hi]) - len(text[lo:hi].lstrip(" \t\"'“‘("))
    named = {a for a, found in by_actor.items() if _named_within(found, lo, hi)}
    closing = {
        a for a in named if any(lo <= m[0] and _CLOSING_SPEAKER.match(text, m[1], hi) for m in by_actor[a])
    }
    if len(closing) == 1:
        (holder,) = closing  # "..., Tony Blair has said. The prime minister said ..."
        return [] if roles[holder] else [holder]
    if len(named) != 1:
        return []
    (holder,) = named
    opens = any(m[0] == opening for m in by_actor[holder])
    return [holder] if opens and not roles[holder] else []


# A name that ends its sentence as the speaker of it: "..., Tony Blair has said."
_CLOSING_SPEAKER = re.compile(
    r"[ \t]+(?:has[ \t]+|had[ \t]+)?(?:said|says|insisted|warned|claimed)[ \t]*[.!]?[\"'”’]?[ \t]*$"
)


def _sole_roleless(by_actor: dict, roles: dict, at: int) -> list[str]:
    """The holder of an office title no one in the article is given, when exactly one person
    named before the title has no role anywhere in the article and is named at least twice:
    "Tony Blair's big speech ... The prime minister used his speech" (BBC copy names its
    leaders without their office). A person named once is a bystander the story quotes, whose
    role the article may give in words no rule reads ("a spokesman for Crossrail")."""
    named = [a for a, found in by_actor.items() if not roles[a] and any(m[1] <= at for m in found)]
    return named if len(named) == 1 and len(by_actor[named[0]]) >= 2 else []


def _introduced(text: str, head: str, seen: dict[str, int]) -> int:
    """Where an indefinite role with ``head`` is first written ("A spokesman for the Home Office
    said"; the text's length if nowhere): an unnamed person the article introduced, whom a later
    "the spokesman" means. Searched once per head and kept in ``seen``."""
    if head not in seen:
        found = re.search(rf"\b[Aa]n?\s+(?:[\w-]+\s+){{0,3}}{re.escape(head)}\b", text, re.IGNORECASE)
        seen[head] = found.start() if found else len(text)
    return seen[head]


def _nearest(holders: list[str], by_actor: dict, at: int) -> tuple[int, int, str] | None:
    before = [m for a in holders for m in by_actor.get(a, ()) if m[1] <= at]
    if before:
        return max(before, key=lambda m: m[0])
    after = [m for a in holders for m in by_actor.get(a, ()) if m[0] >= at]
    return min(after, key=lambda m: m[0]) if after else None
