"""Who makes a claim: "he says", "according to X", "X said", "X believes that".

An attribution frame is also cut out of the claim span: the reviewer checks what was
claimed, and the frame says who claimed it. Pronouns resolve to the last named person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from factcheck.segmenter.wordlists import wordset

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|believes|believe|believed|thinks|think|thought|argues|"
    "argue|argued|claims|claim|claimed|insists|insist|insisted|warned|warns|warn|stated|states|"
    "suggests|suggest|suggested|agree|agrees|agreed|fear|fears|feared|hopes|hope|hoped|expects|"
    "expect|expected|reported|reports|announced|announces|estimates|estimate|estimated|"
    "admitted|admits|denied|denies|deny|explained|explains|predicted|predicts|predict|noted|"
    "notes|maintains|maintain|maintained|accept|accepts|accepted|acknowledged|revealed|"
    "reveals|confirmed|confirms|concluded|found|finds|showed|shows|show|wrote|writes|"
    "alleged|alleges|allege|declared|declares|remarked|commented|replied|conceded|recalled|"
    "joked"
)
_PARTICIPLES = "saying|adding|insisting|arguing|warning|claiming|stressing|explaining"
_SPEECH_SET = frozenset([*SPEECH_VERBS.split("|"), "according", *_PARTICIPLES.split("|")])
_SPEECH_BYTES = frozenset(word.encode() for word in _SPEECH_SET)
_WORD = re.compile(r"[a-z]+")
# ASCII bytes -> lower case, every byte but a letter a space: split() gives _WORD's words
_LETTER_BYTES = (
    bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(128)) + b" " * 128
)


def alternation(words: Sequence[str]) -> str:
    """`"|".join(map(re.escape, words))` as a trie: the same matches, found faster.

    sre tries the alternatives of a group one after the other at every place it looks;
    nested by first letter, it drops a whole group on one letter. Words with different first
    letters never match at the same place, and within a letter the words keep their order
    (which decides between "say" and "says"), so every match is the one the flat list gives.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word[1:])
    parts = []
    for first, rests in groups.items():
        if len(rests) == 1 or not first:  # one word, or where words end (all rests empty)
            parts.append(re.escape(first + rests[0]))
        else:
            parts.append(f"{re.escape(first)}(?:{alternation(rests)})")
    return "|".join(parts)


_VERBS = alternation(SPEECH_VERBS.split("|"))
OPINION_VERBS = wordset(
    "believes believe believed thinks think thought argues argue argued fear fears feared hopes "
    "hope hoped expects expect expected insists insist insisted predicts predicted predict "
    "suggests suggest suggested agree agrees agreed maintains maintain"
)
# Verbs that report a finding only with "that" after them: "the study found that ..."
# but not "Countries such as France have found the advantage of ..."
_FINDING_VERBS = frozenset(["found", "finds", "show", "shows", "showed"])
# Verbs whose complement is the speaker's own position, kept inside the claim span
KEEP_IN_SPAN = frozenset(["deny", "denies", "denied"])
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i"])
_NAME_TOKEN = r"(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.|(?:de|van|von|der|le|la|du|da|bin|al)\b)"
_NAME_BODY = rf"\b[A-Z][a-zA-Z'’\-]+(?:\s+{_NAME_TOKEN}){{1,3}}"
# The same matches, found faster: the word-boundary test after the first capital so the scan
# skips to capitals; possessive repeats, since a shorter run of name letters or spaces is
# always followed by another one, never by what comes next; the particles grouped by letter.
_NAME = re.compile(
    r"[A-Z](?<=\b[A-Z])[a-zA-Z'’\-]++"
    r"(?:\s++(?:[A-Z](?:[a-zA-Z'’\-]++|\.)|(?:d(?:e|er|u|a)|v(?:an|on)|l(?:e|a)|bin|al)\b)){1,3}"
)
_NOT_PERSON = wordset(
    "the a an in on at of for but and it its this that these those he she they we his her their "
    "committee association party parliament court government department ministry council "
    "commission union bank group company corporation inc ltd plc tobacco airlines university "
    "institute project office house league club team united city county state states "
    "championships games cup award awards film festival news website bbc internet industry "
    "agency board authority service services trust foundation organisation organization "
    "directive executive park street road avenue square valley district tech industrial centre "
    "center hall airport station river island county region province republic kingdom january "
    "february march april may june july august september october november december monday "
    "tuesday wednesday thursday friday saturday sunday south north east west africa america "
    "asia europe arabia korea zealand lanka emirates liberal democrat democrats labour tory "
    "tories conservative conservatives republican republicans democratic"
)
_TITLES = frozenset(["mr", "mrs", "ms", "dr", "sir", "lord", "lady", "prof", "professor"])
# Words dropped from the front of a name: "Professor", but not "Mr" ("Mr Smith" stays whole)
_NOT_NAME_START = _NOT_PERSON | (_TITLES - {"mr", "mrs", "ms", "dr"})

# Up to eleven words before the verb; possessive in the fast regex, since a shorter run of
# word characters or of spaces is always followed by another such character, never by what
# the pattern needs next.
_SPEAKER_WORDS = r"(?:[\w'’().\-]+\s+){0,10}?[\w'’().\-]+"
_SPEAKER_WORDS_FAST = r"(?:[\w'’().\-]++\s++){0,10}?[\w'’().\-]++"
_LEAD_BODY = (
    rf"^(?P<lead>(?:(?:[Bb]ut|[Aa]nd|[Hh]owever|[Mm]eanwhile|[Nn]ow|[Yy]et|[Ss]till|[Aa]lso|[Ss]o),?\s+)?)"
    rf"(?P<spk>{_SPEAKER_WORDS})"
    rf"(?P<appos>,\s[^,]{{3,80}},)?"
    rf"\s+(?:(?:also|now|still|have|has|had|[a-z]+ly|(?:went|goes|go) on to)\s+){{0,2}}"
    rf"(?P<verb>{SPEECH_VERBS})"
    rf"(?!\s+(?:\w+ing|of|by|has|have|had|is|are|was|were|for|from|in|on|at|over|to|tanks?)\b)"
    rf"(?:(?:(?<=told)|(?<=tells))\s+(?:[^:;.!?\"“”]{{1,50}}:(?=\s)|(?:the\s+)?"
    rf"(?:BBC|[A-Z][\w ]{{0,30}}?|reporters|journalists|him|"
    rf"her|them|us|me|MPs)(?:\s+(?:News\s+)?website)?))?(?:\s+that|:|,)?\s+(?=\S)"
)
# A trailing frame: '..., said Jo Smith.' or '..., he says, adding that ...'
_TRAILING_SPEAKER_PRONOUNS = "he|she|they|it"
_TRAILING_CLAUSE_WORDS = "a|an|the|who|which|adding"
_TRAIL_BODY = (
    rf"(?:,\s*|[\"”’]\s*,?\s*|\s+)[\"”’]?\s*(?:(?P<verb1>{SPEECH_VERBS})\s+"
    rf"(?P<spk1>[A-Z][^,.;]{{1,60}}|{_TRAILING_SPEAKER_PRONOUNS})"
    rf"|(?P<spk2>(?:(?:the|a|an)\s+)?[A-Z][\w'’.\- ]{{1,60}}|he|she|they|it|we)"
    rf"\s+(?P<verb2>{SPEECH_VERBS}|added))"
    rf"(?:,\s+(?:{_TRAILING_CLAUSE_WORDS})\b[^.]{{0,80}})?[.!?]?[\"”’]?$"
)


def _backwards(alternatives: str) -> str:
    """An alternation of words, every word spelt backwards."""
    return alternation([word[::-1] for word in alternatives.split("|")])


# The last part of every _TRAIL match, read backwards from the end of the text: quote and
# stop, an optional ", who ..." clause, an optional speaker after the verb, then the verb.
# Anchored where _TRAIL ends, it fails after a few steps on most texts, where _TRAIL.search
# tries every position; only texts it accepts are searched (test_speed_equivalence_kinds.py).
# The clause is the costly part, so it is left out when the fast scan for "," finds none.
_REVERSED_END = r"\n?[\"”’]?[.!?]?"
_REVERSED_CLAUSE = rf"(?:[^.]{{0,80}}\b(?:{_backwards(_TRAILING_CLAUSE_WORDS)})\s+,)?"
_REVERSED_FRAME = (
    rf"(?:(?:[^,.;]{{1,60}}[A-Z]|{_backwards(_TRAILING_SPEAKER_PRONOUNS)})\s+)?"
    rf"(?:{_backwards(SPEECH_VERBS + '|added')})"
)
_TRAIL_END_REVERSED = re.compile(_REVERSED_END + _REVERSED_CLAUSE + _REVERSED_FRAME)
_TRAIL_END_REVERSED_NO_CLAUSE = re.compile(_REVERSED_END + _REVERSED_FRAME)
_TRAIL_CLAUSE = re.compile(rf",\s+(?:{_TRAILING_CLAUSE_WORDS})\b")
# The reporting verbs of trailing frames; "claimed" and "stressed" only after the speaker.
_INVERTED_VERBS = (
    "said|says|added|warned|argued|insisted|explained|declared|remarked|commented|replied|"
    "conceded|recalled|joked"
)
_DESCRIBED_VERBS = _INVERTED_VERBS + "|claimed|stressed|reported"
# '..., a Home Office minister has said.', '..., the spokesman told reporters.'
_DESCRIBED_TRAIL = re.compile(
    r"(?:,[\"”’]?|[\"”’],?)\s+(?P<spk>(?:(?:a|an|the)\s+|[A-Z])[^,.;\"”]{2,50}?)"
    rf"\s+(?:has\s+|have\s+|had\s+)?(?P<verb>{_DESCRIBED_VERBS}|told(?:\s+[^,.;\"”]{{1,60}})?"
    # "..., the Scottish Environment Protection Agency is warning a committee of MSPs."
    r"|(?:is|are)\s+(?:warning|telling|saying|claiming|arguing|insisting)"
    r"(?:\s+[^,.;\"”]{1,60})?)"
    r"(?:\s+(?:on|in|at|last|this|yesterday|today|during|after|before|while)\b[^,.;\"”]{0,40})?"
    r"[.!?]?[\"”’]?$"
)
# '..., said economist Colen Garrow.': the verb first, then a job title and a name
_INVERTED_TRAIL = re.compile(
    rf"(?:,[\"”’]?|[\"”’],?)\s+(?P<verb>{_INVERTED_VERBS})\s+"
    r"(?P<spk>(?:(?:a|an|the)\s+)?[a-z][a-z\-]+(?:\s+[a-z][a-z\-]+){0,5}\s+[A-Z][^,.;\"”]{1,50})"
    r"[.!?]?[\"”’]?$"
)
# '..., said Chris Stening, UK Online general manager.': the verb, a name, then the title
_TITLED_TRAIL = re.compile(
    rf"(?:,[\"”’]?|[\"”’],?)\s+(?P<verb>{_INVERTED_VERBS})\s+"
    r"(?P<spk>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3}),\s+"
    # a title, not the rest of the claim ("..., said Mr Milburn, would be more ...")
    r"(?![^,.;\"”]*\b(?:would|will|is|are|was|were|has|have|had|be|been|can|could)\b)"
    r"[^,.;\"”]{3,100}[.!?]?[\"”’]?$"
)
# "..., the newspaper quoted Qantas chief executive Geoff Dixon as saying.": the one
# quoted speaks; "Geoff Dixon was quoted by The Australian newspaper as saying ..."
_QUOTED_TRAIL = re.compile(
    r"(?:,[\"”’]?|[\"”’],?)\s+(?:(?:the|a|an)\s+)?[^,.;\"”]{2,50}?\s+quoted\s+"
    r"(?P<spk>[^,.;\"”]{2,60}?)\s+as\s+saying[.!?]?[\"”’]?$"
)
_QUOTED_LEAD = re.compile(
    rf"(?P<spk>{_SPEAKER_WORDS})\s+(?:was|were|has been|had been|is)\s+quoted\s+"
    r"(?:by\s+[^,.;\"”]{2,60}?\s+)?as\s+saying(?:\s+that)?:?\s+(?=\S)"
)
# A named speaker with the words of a job between the names: "Ryanair deputy chief
# executive Michael Cawley", "Manchester City boss Kevin Keegan"
_ROLE_WORDS = (
    "of|the|and|for|boss|manager|coach|captain|chief|executive|deputy|senior|vice|managing|"
    "financial|general|chairman|secretary|minister|foreign|home|prime|shadow|former|spokesman|"
    "spokeswoman|director|president|leader|head|analyst|economist|energy|state|prosecutor|"
    "correspondent|editor|officer|official|striker|midfielder|defender|keeper|goalkeeper|"
    "skipper|player|star"
)
_NAMED_WITH_ROLE = (
    rf"(?:[A-Z][\w'’.\-]*\s+(?:(?:{_ROLE_WORDS}|[a-z]+-[a-z]+)\s+)*){{0,6}}[A-Z][\w'’.\-]*"
)
# '...," Mr Walsh told AP news agency.': who speaks stands before "told", who listens after
_TOLD_TRAIL = re.compile(
    # after the quote, any description: '," mobile analyst Carolina Milanesi told ...'
    r"(?:(?:,\s*|[\"”’]\s*,?\s*)[\"”’]?\s*(?:[a-z][\w'’\-]*\s+){0,4}|\s+)"
    rf"(?P<spk>he|she|they|we|(?:(?:the|a|an)\s+)?(?:(?:{_ROLE_WORDS}|[a-z]+-[a-z]+)\s+){{0,4}}"
    rf"{_NAMED_WITH_ROLE})"
    # "John Houlihan, editor of Computerandvideogames.com told BBC News": an aside, its
    # closing comma sometimes forgotten
    r"(?:,\s[^,]{3,60}?,?)?"
    r"\s+(?:told|tells)\s+[^,.;:\"“”]{1,60}?[.!?]?[\"”’]?\Z"
)
# 'Manchester City boss Kevin Keegan: "We had ..."': a named speaker, a colon, a quote
_COLON_LEAD = re.compile(
    r"(?:(?:Observes|Notes|Explains|Warns|Insists|Argues|Recalls|Adds)\s+)?"
    rf"(?P<spk>(?:[A-Z][\w'’.\-]*\s+(?:(?:{_ROLE_WORDS})\s+)*){{1,6}}[A-Z][\w'’.\-]*)"
    r":\s*(?=[\"“])"
)
# 'Said Mr Bysshe: "..."': the verb first, then the speaker and a colon
_VERB_FIRST = ("Said ", "Says ", "Added ", "Adds ")
_VERB_FIRST_LEAD = re.compile(
    r"(?P<verb>Said|Says|Added|Adds)\s+(?P<spk>(?:the\s+)?[A-Z][^,.;:\"“”]{1,60}?),?:\s*"
)
_INVERTED_GATE = re.compile(rf"\s(?:{_INVERTED_VERBS})\s")
_DESCRIBED_TRAIL_ENDS = tuple(_DESCRIBED_VERBS.split("|"))
# Verbs that end a title or a finding rather than attribute a claim: "... on the ITV1 show."
_NOT_TRAILING_VERBS = frozenset(["show", "shows", "found", "finds"])
_ACCORDING_TRAIL = re.compile(r",?\s+according to (?P<spk>[^,.;]{2,80})[.!?]?$", re.IGNORECASE)
_IMPERSONAL_LEAD = re.compile(
    r"^(?:(?:but|and|so)\s+)?(?:It is|It's|It was|It has been) (?:\w+ )?(?:clear|thought|believed|"
    r"understood|estimated|said|reported|known|expected|likely|claimed|feared|alleged)"
    r"(?: [^,]{0,40}?)? that\s+"
    r"|^(?:I'm|I am|we're|we are) (?:sure|certain|convinced|confident)(?: that)?\s+"
    r"|^(?:and\s+)?I (?:would|must|have to|should|want to) (?:add|say|stress)(?: that)?\s+"
    r"|^(?:His|Her|Their|Its|My|Our) (?:take|view|opinion|belief|argument|position|claim) "
    r"(?:on [^,]{0,40}? )?is that\s+",
    re.IGNORECASE,
)
# ", saying: ..." / ", adding that ...": a clause the sentence's subject says
_PARTICIPLE_FRAME = re.compile(
    rf"^(?P<verb>{_PARTICIPLES})(?!\s+(?:to|up|in|on)\b)"
    r"(?:\s+that\b|\s*:)?\s*"
)
_PARTICIPLE_INITIALS = frozenset(word[0] for word in _PARTICIPLES.split("|"))
# "It comes after Pakistan's High Commissioner said ...": the attribution follows
_CONTEXT_LEAD = re.compile(r"(?:It|This) (?:comes|came|follows|followed) (?:after|as)\s+")
# "Earlier this year, the NBC network claimed that ...": a time before the speaker
_TIME_LEAD = re.compile(
    r"(?:Earlier|Later) (?:this|that|last) \w+,?\s+|(?:Last|This) (?:week|month|year|\w+day),\s+"
    r"|On \w+day,?\s+|(?:Yesterday|Today|Meanwhile|However),\s+"
    r"|(?:In|During) (?:an?|his|her|their|the) (?:\w+ ){0,2}(?:interview|statement|speech|"
    r"letter|article|message|conference|debate|broadcast|appearance)\b[^,]{0,60},\s+"
    r"|(?:In|After|Before|While|When) \w+ing\b[^,]{0,60},\s+"
)
_ACCORDING_LEAD = re.compile(
    r"^According to (?P<spk>[^,]{2,80}?(?:(?=,)|(?:report|study|survey|figures|data|research|"
    r"estimates|statistics|analysis|poll)(?=\s+\S)))[,\s]\s*",
    re.IGNORECASE,
)
_INNER_BODY = (
    r",\s+(?P<spk>he|she|they|it|we|[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2})"
    rf"\s+(?P<verb>{SPEECH_VERBS}),\s+"
)


def _faster(body: str) -> re.Pattern[str]:
    """`body` with the speech verbs as a trie and possessive speaker words: same matches.

    The speaker regexes were a third of the speaker stage's time. The tests check the fast
    regexes against their bodies (test_speed_equivalence_kinds.py).
    """
    return re.compile(
        body.replace(SPEECH_VERBS, _VERBS).replace(_SPEAKER_WORDS, _SPEAKER_WORDS_FAST)
    )


# "The tone of the campaign, said Mr Milburn, would be ...": the verb first
_INNER_INVERTED = re.compile(
    rf",\s+(?P<verb>{_INVERTED_VERBS})\s+(?P<spk>(?:Mr|Mrs|Ms|Dr|[A-Z][\w'’\-]+)"
    r"(?:\s+[A-Z][\w'’\-]+){0,2}),\s+"
)
_LEAD = _faster(_LEAD_BODY)
_TRAIL = _faster(_TRAIL_BODY)
_INNER = _faster(_INNER_BODY)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who speaks in a sentence and which part of it is the frame, not the claim."""

    speaker: str | None
    verb: str | None
    body_start: int
    body_end: int
    inner: tuple[int, int] | None = None  # ", he says," inside the body


def person_name(phrase: str) -> str | None:
    """The first personal name in a phrase: "BBC pundit Jonathan Edwards" -> "Jonathan Edwards"."""
    m = _NAME.search(phrase)  # finditer, without building an iterator for the usual no-name
    while m is not None:
        name = name_of(m.group(0))
        if name is not None:
            return name
        m = _NAME.search(phrase, m.end())
    return None


def name_of(run: str) -> str | None:
    """The person named by a run of capitalised words, if it names one: leading words
    that are no part of a name dropped ("BBC pundit", "Professor"), but a title kept
    before a lone surname ("Lord Rennard")."""
    words = run.split()
    title = None
    while words and words[0].lower().strip(".") in _NOT_NAME_START:
        title = words[0] if words[0].lower().strip(".") in _TITLES else None
        words = words[1:]
    if len(words) == 1 and title is not None and _bare(words[0]) not in _NOT_PERSON:
        return f"{title} {words[0]}"
    if len(words) >= 2 and not any(_bare(w) in _NOT_PERSON for w in words):
        return " ".join(words)
    return None


def _bare(word: str) -> str:
    """A name word in lower case without its possessive: "Commission's" -> "commission"."""
    low = word.lower()
    return low[:-2] if low.endswith(("'s", "’s")) else low


def _speaker_label(raw: str, last_person: str | None) -> str | None:
    raw = raw.strip().strip('"“”’,')
    low = raw.lower()
    if low.endswith((" he", " she")):
        return last_person  # "standing next to Mr Blair he added": he is the speaker
    if low in PRONOUNS:
        if low in ("he", "she"):
            return last_person
        return None
    name = person_name(raw)
    if name and name.endswith(("'s", "’s")):
        # "President Yudhoyono's government says": the government speaks, not the man;
        # "Senator Leahy's spokeswoman Tracy Schmaler": the one named after the role
        after = raw[raw.find(name) + len(name) :]
        return person_name(after) or (raw if len(raw.split()) <= 8 else name[:-2])
    if name:
        return name
    if len(raw.split()) <= 8:
        return raw
    return None


_OPENING_MARKS = ('"', "“")


def opens_quote(sentence: str) -> bool:
    """Whether the sentence starts with a quotation mark: it may carry on the quote before it."""
    return sentence.lstrip().startswith(_OPENING_MARKS)


def holds_quote(sentence: str) -> bool:
    """Whether the sentence quotes someone, so the next sentence may carry the quote on."""
    return '"' in sentence or "“" in sentence


def quote_left_open(sentence: str, open_before: bool) -> bool:
    """Whether a quote is still open where the sentence ends.

    A sentence that opens with a mark starts a quote whatever came before: news copy
    opens every paragraph of a long quote again without closing the one before.
    """
    marks = sentence.count('"') + sentence.count("“") + sentence.count("”")
    if opens_quote(sentence):
        return marks % 2 == 1
    return open_before != (marks % 2 == 1)


def has_speech_verb(text: str) -> bool:
    """Whether any word of `text` is a speech verb (or "according"): attribution needs one.

    A clause's words are among its sentence's, so the pipeline asks once per sentence.
    """
    if text.isascii():  # the words of ASCII text split out of it by bytes.translate
        return not _SPEECH_BYTES.isdisjoint(text.encode().translate(_LETTER_BYTES).split())
    return _has_speech_verb_any(text)


def _has_speech_verb_any(text: str) -> bool:
    """has_speech_verb for any text: lower case can add ASCII letters ("İ" -> "i̇")."""
    return not _SPEECH_SET.isdisjoint(_WORD.findall(text.lower()))


def find_attribution(
    sentence: str, last_person: str | None = None, *, speech: bool | None = None
) -> Attribution:
    """The speaker of `sentence` and the span of its body once the frame is cut out.

    `speech` is `has_speech_verb(sentence)` when the caller already knows it.
    """
    start, end = 0, len(sentence)
    speaker: str | None = None
    verb: str | None = None
    imp = _IMPERSONAL_LEAD.match(sentence)
    if speech is None:
        speech = has_speech_verb(sentence)
    if (
        ":" in sentence[:90]
        and not sentence.startswith(_VERB_FIRST)  # 'Said Mr Bysshe: "..."' (_lead_frame)
        and (label := _COLON_LEAD.match(sentence)) is not None
    ):
        # 'Manchester City boss Kevin Keegan: "We had a great chance ..."'
        labelled = _speaker_label(label.group("spk"), last_person)
        return Attribution(labelled, "says", label.end(), end)
    if not imp and not speech:
        return _unattributed(end)  # no speech verb: nothing to find
    m = _ACCORDING_LEAD.match(sentence)
    participle = _PARTICIPLE_FRAME.match(sentence) if sentence[:1] in _PARTICIPLE_INITIALS else None
    if participle:
        speaker, verb, start = last_person, participle.group("verb"), participle.end()
    elif imp:
        low = imp.group(0).lower()
        speaker = last_person if low.startswith(("his ", "her ")) else None
        opinion = not low.startswith(("it", "but", "and", "so"))
        verb, start = ("believes" if opinion else "says"), imp.end()
    elif m:
        speaker, verb, start = _speaker_label(m.group("spk"), last_person), "according to", m.end()
    elif (lead := _lead_frame(sentence, last_person)) is not None:
        speaker, verb, start = lead
    tail = sentence[start:end]
    t = _according_trail(tail)
    if t:
        speaker = speaker or _speaker_label(t.group("spk"), last_person)
        verb = verb or "according to"
        end = start + t.start()
    else:
        told = _told_trail(tail)
        t2 = _trail(tail) if told is None else None
        spk = (t2.group("spk1") or t2.group("spk2") or "") if t2 else ""
        if told is not None:
            # '...," he told BBC Radio 4's Today programme.': the one told listens
            speaker = speaker or _speaker_label(told.group("spk"), last_person)
            verb = verb or "said"
            end = start + told.start()
        elif (
            t2
            and t2.start() > 10
            and t2.group("verb2") not in _NOT_TRAILING_VERBS
            and _plausible_subject(spk)
        ):
            speaker = speaker or _speaker_label(spk, last_person)
            verb = verb or t2.group("verb1") or t2.group("verb2")
            end = start + t2.start()
        elif " quoted " in tail and (t4 := _QUOTED_TRAIL.search(tail)) is not None:
            speaker = speaker or _speaker_label(t4.group("spk"), last_person)
            verb = verb or "said"
            end = start + t4.start()
        elif (t3 := _described_trail(tail)) is not None and t3.start() > 10:
            speaker = speaker or _speaker_label(t3.group("spk"), last_person)
            verb = verb or _reporting_verb(t3.group("verb"))
            end = start + t3.start()
    inner = None
    i = _INNER.search(sentence, start, end) or _INNER_INVERTED.search(sentence, start, end)
    if i:
        speaker = speaker or _speaker_label(i.group("spk"), last_person)
        verb = verb or i.group("verb")
        inner = (i.start(), i.end())
    return Attribution(speaker, verb, start, end, inner)


def _lead_frame(sentence: str, last_person: str | None) -> tuple[str | None, str, int] | None:
    """(speaker, verb, where the claim starts) of a frame before the claim: 'X said
    (that)', 'Said X: "..."', 'X was quoted by the paper as saying ...'; None without one."""
    if sentence.startswith(_VERB_FIRST) and (v := _VERB_FIRST_LEAD.match(sentence)):
        return _speaker_label(v.group("spk"), last_person), v.group("verb").lower(), v.end()
    context = _CONTEXT_LEAD.match(sentence) or _TIME_LEAD.match(sentence)
    skip = context.end() if context else 0
    if " quoted " in sentence and (q := _QUOTED_LEAD.match(sentence, skip)) is not None:
        return _speaker_label(q.group("spk"), last_person), "said", q.end()
    m = _LEAD.match(sentence[skip:]) if skip else _LEAD.match(sentence)
    if (
        m is None
        or not _plausible_subject(m.group("spk"))
        or m.group("verb") in KEEP_IN_SPAN
        or (m.group("verb") in _FINDING_VERBS and not m.group(0).rstrip().endswith(("that", ":")))
    ):
        return None
    return _speaker_label(m.group("spk"), last_person), m.group("verb"), skip + m.end()


def _according_trail(tail: str) -> re.Match[str] | None:
    """`_ACCORDING_TRAIL.search(tail)`, skipped when no "according" can be in the tail."""
    return _ACCORDING_TRAIL.search(tail) if "ccord" in tail.lower() else None


def _described_trail(tail: str) -> re.Match[str] | None:
    """`_DESCRIBED_TRAIL` or `_INVERTED_TRAIL` searched in `tail`, each only when the tail
    can end in such a frame."""
    end = tail.rstrip(' .!?"”’\n')
    found = None
    if (
        end.endswith(_DESCRIBED_TRAIL_ENDS)
        or " told " in tail
        or " said " in tail[-60:]
        or _PROGRESSIVE.search(tail, max(0, len(tail) - 100)) is not None
    ):
        found = _DESCRIBED_TRAIL.search(tail)
    if found is None and _INVERTED_GATE.search(tail):
        found = _INVERTED_TRAIL.search(tail) or _TITLED_TRAIL.search(tail)
    return found


_PROGRESSIVE = re.compile(r"\s(?:is|are)\s+(?:warning|telling|saying|claiming|arguing|insisting)\b")


def _reporting_verb(frame_verb: str) -> str:
    """ "told reporters" -> "told"; "is warning a committee" -> "warning"."""
    words = frame_verb.split()
    return words[1] if words[0] in ("is", "are") else words[0]


def _told_trail(tail: str) -> re.Match[str] | None:
    """`_TOLD_TRAIL.search(tail)` when it ends a claim of some length, tried only when the
    tail tells someone something."""
    if " told " not in tail and " tells " not in tail:
        return None
    m = _TOLD_TRAIL.search(tail)
    return m if m is not None and m.start() > 10 else None


def _trail(tail: str) -> re.Match[str] | None:
    """`_TRAIL.search(tail)`, skipped when the tail does not end as a trailing frame can."""
    gate = _TRAIL_END_REVERSED if _TRAIL_CLAUSE.search(tail) else _TRAIL_END_REVERSED_NO_CLAUSE
    return _TRAIL.search(tail) if gate.match(tail[::-1]) else None


@lru_cache(maxsize=4096)
def _unattributed(length: int) -> Attribution:
    """The whole sentence, no speaker: one shared (frozen) value per length, built once."""
    return Attribution(None, None, 0, length, None)


# A speaker's name or title never ends in one of these; a clause cut short does.
_DANGLING = frozenset(["the", "a", "an", "to", "of", "for", "in", "on", "at", "with", "by", "from",
                       "and", "or", "its", "his", "her", "their"])  # fmt: skip


def _plausible_subject(phrase: str) -> bool:
    """A speaker is a pronoun or a short noun phrase, not a clause."""
    words = phrase.split()
    if not words or len(words) > 12:
        return False
    low = [w.lower().strip(",") for w in words]
    if low[0] in PRONOUNS:
        return len(words) == 1
    if low[-1] in _DANGLING:
        return False  # "Unions reacted angrily to the [reported disclosure]": no speaker
    bad = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can",
           "if", "when", "because", "that", "which", "not", "did", "does", "do"}  # fmt: skip
    return not any(w in bad for w in low)
