"""Person mentions and their posts.

A trained model proposes, our rules confirm and link (issue 12).  The NER
stage (:mod:`graph.mentions.ner`, Baidu LAC) tags person candidates in the
clauses that have a name context; here they are read, as a reader does:

* bylines: ``□本报记者 张伟 李娜`` (several names after one title);
* a post chain before a name: ``海淀区人大常委会副主任、区总工会主席孙海波``,
  ``党组书记、常务副主席刘建国`` (split at 、 and 兼 into posts, each with
  the organisation written before it, or the one before that);
* an honour before a name: ``全国劳动模范李红梅``;
* a speech verb after a name: ``周丽华表示``, ``赵明说``;
* lists: ``张三、李四、王五等``.

Where the model proposed a name, the rules take its boundaries
(:func:`name_at`); where it did not look, a surname from the lexicon plus
one or two characters, checked against a boundary after it, is the rule
reading; where it looked and saw no person, the rule reading is dropped
(:meth:`ModelView.rejects`).  A model candidate no rule took is still a
person when it reads as a name (:meth:`ModelView.confirm`).
``attrs["via"]`` says which source found each mention: ``ner+post`` (the
model's name, a post before it), ``post`` (rules alone), ``ner`` (the model
alone) ...  Words that jieba or the model take for names but are not (拓宽,
严寒 ...) are rejected through ``lexicon.not_names()``.
"""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..model import Article, Mention
from ..text.places import place_names_at
from ._spans import name_start, occurrences, raw_chunk

#: What may follow a name: punctuation, speech verbs, function words.
AFTER_NAME = (
    "说", "表示", "介绍", "指出", "强调", "认为", "告诉", "坦言", "透露", "感慨", "谈到", "提到", "称", "讲",
    "一行", "同志", "等", "和", "与", "及", "在", "出席", "带队", "率", "为", "对", "也", "还", "就", "是",
    "的", "作", "代表", "致辞", "讲话", "主持", "宣布", "参加", "前往", "深入", "赴", "来到", "走进", "一同",
    "分别", "纷纷", "亲自", "带领", "向", "从", "将", "已", "曾", "更", "都", "则", "又", "再", "所", "被",
    "获", "荣获", "获得", "当选", "现场", "首先", "随后", "同时", "带头", "先后", "积极", "作为",
    "发言", "接受", "领衔", "负责", "现任", "担任", "回忆", "分享", "讲述", "参观", "调研", "慰问", "看望",
    "提出", "希望", "要求", "建议", "呼吁", "号召", "回答", "入选", "获评", "带着", "正在", "每天",
    "日前", "近日", "今年", "此前", "目前", "到场", "到会", "陪同", "专程", "一直", "率队", "名列", "榜上有名", "当选",
)
#: The words of two characters or more in AFTER_NAME.
_AFTER_NAME_WORDS = tuple(w for w in AFTER_NAME if len(w) >= 2)
#: Last characters of occupation words written before a name (电焊工易冬生, 班长贾振宇, 技师孙红梅).
OCCUPATION_ENDS = "工师长员手匠机模户"  # 模: 劳模 only; 户: 种植户, 养殖户
_OCCUPATION_END_RE = re.compile(f"[{OCCUPATION_ENDS}]")
SPEECH = ("说", "表示", "介绍", "指出", "强调", "认为", "告诉", "坦言", "透露", "谈到", "提到")
#: Heads of a government (省长, 副市长, 常务副县长): their body is never the one written before another post.
_GOVERNMENT_HEAD = re.compile(r"(?:常务)?副?(?:省|市|区|县|州|镇|乡|旗)长")
_PUNCT = set("，,、。；;：:！？!?“”\"）) \n")
#: Dots between the parts of a transliterated name (·, its look-alikes, and ? where the dot was lost).
_NAME_DOTS = "·•・‧?"
#: The first part of a transliterated name and its dot (买买提江·): no punctuation, no digits inside.
_DOTTED_HEAD = re.compile(r"[\u4e00-\u9fff]{2,8}[·•・‧](?=[\u4e00-\u9fff])")  # not ?: 是谁?他说


@cache
def _posts_re() -> re.Pattern:
    posts = sorted(lexicon.posts(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, posts)))


@cache
def _post_set() -> frozenset[str]:
    return frozenset(lexicon.posts())


@cache
def _surname_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(s) for s in lexicon.surnames()}, reverse=True))


def _boundary(text: str, pos: int) -> bool:
    """Whether a name may end before ``pos``: punctuation, a listed word, or a verb (jieba)."""
    if pos >= len(text) or text[pos] in _PUNCT:
        return True
    if text.startswith(AFTER_NAME, pos):
        return True
    from ..text.segment import first_word

    first = first_word(text[pos:pos + 4])
    return first is not None and first[1] in ("v", "vd", "p", "c") and len(first[0]) >= 2


def _tibetan(name: str) -> bool:
    """Whether ``name`` is two Tibetan name elements (旦增平措, :func:`graph.lexicon.tibetan_name_parts`),
    or one element and a one-syllable ending (拉毛措, :func:`graph.lexicon.tibetan_name_finals`)."""
    parts = lexicon.tibetan_name_parts()
    if len(name) == 3:
        return name[:2] in parts and name[2] in lexicon.tibetan_name_finals()
    return len(name) == 4 and name[:2] in parts and name[2:] in parts


def _turkic(name: str) -> bool:
    """Whether ``name`` is one or two Uyghur, Kazakh or Kyrgyz given names (库尔班, 阿不都热合曼;
    :func:`graph.lexicon.turkic_name_parts`), written without a surname or a dot."""
    return _turkic_len(name, 0) == len(name) > 0


@cache
def _turkic_by_first() -> dict[str, tuple[str, ...]]:
    """:func:`graph.lexicon.turkic_name_parts` by first character, each list still longest first
    (:func:`name_at` asks at every candidate position: the scan of the whole list took about 7 % of a
    worker's CPU)."""
    out: dict[str, list[str]] = {}
    # Mongolian names (额尔敦巴特尔, 乌云其木格) are written the same way: one or two given names, no surname
    for p in lexicon.surnameless_given_names():
        out.setdefault(p[0], []).append(p)
    return {c: tuple(ps) for c, ps in out.items()}


def _turkic_part(text: str, pos: int) -> str | None:
    """The longest Turkic given name of the lexicon that starts at ``pos``, or None."""
    return next((p for p in _turkic_by_first().get(text[pos:pos + 1], ()) if text.startswith(p, pos)), None)


def _turkic_len(text: str, pos: int) -> int:
    """Length of the longest run of one or two Turkic given names at ``pos`` (0 if none)."""
    first = _turkic_part(text, pos)
    if first is None:
        return 0
    return len(first) + len(_turkic_part(text, pos + len(first)) or "")


def is_plausible_name(name: str) -> bool:
    """Whether ``name`` can be a Chinese personal name: surname + 1–2 chars.

    Rejects lexicon words that jieba mistakes for names (``not_names``),
    posts, and anything with non-Han characters.
    """
    if not (2 <= len(name) <= 4) or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
        return False
    if name in lexicon.not_names() or name in _post_set() or _surname_and_post(name):
        return False
    if _tibetan(name) or _turkic(name):
        return True  # 德吉央金, 库尔班: Tibetan or Turkic names, no surname (德吉 is no surname + 吉央金)
    for n in _surname_lengths():
        if name[:n] in lexicon.surnames() and 1 <= len(name) - n <= 2:
            return True
    return False


def _surname_and_post(name: str) -> bool:
    """Whether ``name`` is a surname and a post (佟主席, 王书记): how a text names again a person it
    introduced with full name and post, not a name of its own."""
    return any((name[:n] in lexicon.surnames() or name[:n] in _POST_ONLY_SURNAMES) and name[n:] in _post_set()
               for n in (1, 2))


def _common_word(name: str) -> bool:
    """Whether jieba reads ``name`` as one common word (宣讲团, 范集体 …), not a name."""
    from ..text.segment import first_word

    if _tibetan(name):
        return False  # 白玛央吉: jieba knows some Tibetan names as one word of a place
    first = first_word(name)  # one token iff the first is the whole name
    return first is not None and first[0] == name and not first[1].startswith("nr")


def _known_name(name: str) -> bool:
    """Whether jieba's dictionary knows ``name`` as a person name (tag ``nr``)."""
    from ..text.segment import first_word

    first = first_word(name)
    return first is not None and first[0] == name and first[1].startswith("nr")


def name_at(text: str, pos: int, require_boundary: bool = True,
            model: dict[int, str] | None = None) -> str | None:
    """The personal name starting at ``pos``, if there is one.

    A name the NER model proposed at ``pos`` (``model``, start → name) is
    taken as it is.  Otherwise tries the longer reading first (surname + 2
    chars) and accepts it when a boundary follows (``王刚说`` → 王刚,
    ``刘建国一行`` → 刘建国).

    Parameters
    ----------
    text : str
    pos : int
        Character offset where the name would start.
    require_boundary : bool
        Whether a rule reading needs a boundary (:data:`AFTER_NAME`,
        punctuation, a verb) after it.
    model : dict of int to str, optional
        Person names the model proposed, by start offset
        (:func:`model_names`).

    Returns
    -------
    str or None
    """
    dotted = dotted_name(text, pos)  # the model often cuts these short or starts inside them
    if dotted:
        return dotted
    n = _turkic_len(text, pos)  # the model cuts some Turkic names short (阿不|都)
    if n and (not model or len(model.get(pos, "")) < n) \
            and (not require_boundary or _strong_boundary(text, pos + n) or _boundary(text, pos + n)):
        return text[pos:pos + n]
    if model and pos in model:
        return _longer_reading(text, pos, model[pos])
    return _rule_name(text, pos, require_boundary)


def _longer_reading(text: str, pos: int, name: str) -> str:
    """The model's name, or a one-character-longer rule reading where only that one ends at a boundary.

    LAC sometimes stops a three-character name one character short when the
    last character starts a word with what follows (葛怀|新强调, 戚松|年握着).
    """
    longer = _rule_name(text, pos, True)
    if longer and len(longer) == len(name) + 1 and longer.startswith(name) \
            and (not _boundary(text, pos + len(name)) or _strong_boundary(text, pos + len(longer))):
        return longer  # 阿西拉|则介绍: a compound surname's name that ends before a word naming speech
    return name


def _strong_boundary(text: str, pos: int) -> bool:
    """Whether punctuation or a word of two characters or more that follows names (介绍, 当选) starts at
    ``pos``: a name surely ends there, unlike before a single 和 or 则 that may be its last character."""
    return pos >= len(text) or text[pos] in _PUNCT or text.startswith(_AFTER_NAME_WORDS, pos)


def dotted_name(text: str, pos: int) -> str | None:
    """A transliterated name starting at ``pos``: 2–8 Chinese characters, a dot, then a second part.

    Uyghur, Kazakh and other names are written in Chinese characters with
    their parts joined by ``·`` (艾力·吐尔逊); no surname list knows their
    first characters.  The first part runs from ``pos`` to the dot; the
    second is the shortest run of two or more characters after which a name
    may end (:func:`_boundary`: punctuation, 介绍, 带队, a verb ...), at most
    eight, so 某某·某某某介绍 stops before 介绍.

    Parameters
    ----------
    text : str
    pos : int
        Character offset where the name would start (right after a post,
        an honour or a list comma).

    Returns
    -------
    str or None
        The name with its dot as written, or None where the text at ``pos``
        is no such name.
    """
    m = _DOTTED_HEAD.match(text, pos)
    if m is None or _posts_re().search(text, pos, m.end()) or "工会" in text[max(0, pos - 1):m.end()]:
        return None  # 总工|会副主席买买提江·: the run before the dot holds a post, so it is no name
    second, run = m.end(), 0
    while run < 8 and second + run < len(text) and _HAN.match(text, second + run):
        run += 1
    ends = [second + k for k in range(2, run + 1)]
    cuts = _word_ends(text[second:second + run])  # 买买提|为: jieba keeps the part whole
    # first where a word of two characters or more that follows names (介绍, 带队), 说 or punctuation comes;
    # else where jieba reads a verb (_boundary); single function characters (都, 在) are parts of these names
    end = next((e for e in ends if e >= len(text) or text[e] in _PUNCT or text[e] in "说讲称"
                or any(text.startswith(w, e) for w in _AFTER_NAME_WORDS)
                or _COUNTED_AFTER.match(text, e)), None)
    # 某某·买买提|为…授牌: a preposition after a whole word of the part ends the name earlier
    before_prep = next((e for e in ends if e - second in cuts and _before_preposition(text, e)), None)
    if before_prep is not None and (end is None or before_prep < end):
        end = before_prep
    # 某某·托合|提为6个连队授牌, 某某·热合|曼为职工授牌: jieba glued the part's last character to the preposition
    # after it (提为), so the name ends before that preposition, not where the word it read ends
    glued = next((e for e in ends if e - second >= 2 and e < second + run and text[e] in _GLUED_PREPOSITIONS
                  and e - second - 1 in cuts | {0} and e - second not in cuts and e - second + 1 in cuts), None)
    if glued is not None and (end is None or glued < end):
        end = glued
    end = end or next((e for e in ends if _boundary(text, e)), None)
    # “工会常伴·贴心送暖”: a theme in quotes, not a name
    return None if end is None or _in_short_quote(text, pos, end) else text[pos:end]


_HAN = re.compile(r"[\u4e00-\u9fff]")
#: One-character prepositions jieba glues to the last character of a transliterated name (托合|提为).
_GLUED_PREPOSITIONS = "为向在给对与和"


def _word_ends(run: str) -> set[int]:
    """Offsets in ``run`` where jieba ends a word."""
    from ..text.segment import words

    ends, at = set(), 0
    for w, _ in words(run):
        at += len(w)
        ends.add(at)
    return ends


def _before_preposition(text: str, pos: int) -> bool:
    """Whether jieba reads a one-character preposition (为, 向, 在) at ``pos``."""
    from ..text.segment import first_word

    first = first_word(text[pos:pos + 4])
    return first is not None and first[1] == "p" and len(first[0]) == 1
#: 等 and a count after a listed name (某某·某某等4名职工, 等人): the name ends before 等.
_COUNTED_AFTER = re.compile(r"等(?:\d|[一二三四五六七八九十两]|人)")


def _rule_name(text: str, pos: int, require_boundary: bool = True) -> str | None:
    """The rule reading of a name at ``pos``: a surname of the lexicon, one or two characters, a boundary;
    or two Tibetan name elements (扎西多吉) and a boundary; or a transliterated name (:func:`dotted_name`)."""
    dotted = dotted_name(text, pos)
    if dotted:
        return dotted
    for n in (4, 3):  # 旦增平措, 拉毛措: Tibetan names have no surname
        if _tibetan(text[pos:pos + n]) and (not require_boundary or _boundary(text, pos + n)):
            return text[pos:pos + n]
    n = _turkic_len(text, pos)  # 县总工会主席库尔班: a Turkic given name alone, no surname and no dot
    if n and (not require_boundary or _strong_boundary(text, pos + n) or _boundary(text, pos + n)):
        return text[pos:pos + n]
    if _post_only_surname(text, pos):
        # 配送员者永明, 副主席者玉芬: a Yi surname that also ends 记者 and 劳动者; a Yi name of four characters
        # only before a word that surely follows a name (常务副主席者某某某表示)
        for given in (3, 2, 1):
            cand = text[pos:pos + 1 + given]
            if len(cand) == 1 + given and all(map(_HAN.fullmatch, cand[1:])) and cand not in lexicon.not_names() \
                    and (not require_boundary or _boundary(text, pos + 1 + given)) \
                    and (given < 3 or _strong_boundary(text, pos + 4) and not _boundary(text, pos + 3)):
                return cand
    for n in _surname_lengths():
        if text[pos:pos + n] not in lexicon.surnames():
            continue
        for given in (2, 1):
            cand = text[pos:pos + n + given]
            if len(cand) != n + given or not is_plausible_name(cand):
                continue
            if given == 2 and cand[-1] in "说讲称道" and _boundary(text, pos + n + 1):
                continue  # 王刚说: the name is 王刚, 说 the verb
            if not require_boundary or _boundary(text, pos + n + given):
                if n + given == 3 and _and_before_verb(text, pos + 3):
                    return text[pos:pos + n + given + 1]  # 某某孟和当选: 和 before 当选 ends the name
                return cand
    from ..text.segment import first_word

    if not require_boundary or _boundary(text, pos + 4):
        # a four-character name of one run (Mongolian, Yi: 某兰图雅作报告) that jieba reads as a name
        cand = text[pos:pos + 4]
        first = first_word(cand) if len(cand) == 4 and _HAN4.fullmatch(cand) else None
        if first is not None and first[1] in ("nr", "nrt") and len(first[0]) >= 3 and cand[:1] in lexicon.surnames():
            return cand
    return None


_HAN4 = re.compile(r"[\u4e00-\u9fff]{4}")
#: Surnames (Yi: 者) that also end common words (记者, 劳动者, 志愿者): a surname only where a post or an
#: occupation ends right before it (主席者某某, 配送员者某某), never after 记, 动, 愿 ...
_POST_ONLY_SURNAMES = frozenset("者那")
#: What follows 那 as a demonstrative (那年, 那些, 那边, 那么, 那时 ...), never a given name's first character.
_THAT_NEXT = frozenset("年天些边么时里样个种次段位份刻阵儿场批日晚夜回")
_POST_ENDS = frozenset(OCCUPATION_ENDS + "席任记事")


def _post_only_surname(text: str, pos: int) -> bool:
    """Whether ``text[pos]`` is a :data:`_POST_ONLY_SURNAMES` surname right after a post or occupation."""
    if text[pos:pos + 1] not in _POST_ONLY_SURNAMES or pos == 0:
        return False
    if text[pos] == "那" and text[pos + 1:pos + 2] in _THAT_NEXT:
        return False  # 当选主席那年, 副主席那天也…: the demonstrative, not the surname
    before = text[max(0, pos - 6):pos]
    if before.endswith("记") and not before.endswith("书记"):
        return False  # 记者: the reporter, not a name (党委书记者某某 is one)
    if not (before[-1] in _POST_ENDS or any(before.endswith(p) for p in _post_set() if len(p) <= len(before))):
        return False
    from ..text.segment import first_word

    word = first_word(text[max(0, pos - 2):pos + 1])  # 务工者, 打工者, 年长者: one word that ends in 者
    return not (word is not None and word[0] == text[max(0, pos - 2):pos + 1] and len(word[0]) == 3) \
        and text[pos - 1:pos + 1] not in ("长者", "师者")
#: Verbs that need a subject: a 和/与 right before one cannot join two names (某某和当选), so it ends a name.
_SUBJECT_VERBS = (*SPEECH, "当选", "获评", "荣获", "入选")


def _and_before_verb(text: str, pos: int) -> bool:
    """Whether ``text[pos]`` is 和/与/及 with a verb that needs a subject right after it."""
    verb = next((v for v in _SUBJECT_VERBS if text.startswith(v, pos + 1)), None) \
        if text[pos:pos + 1] in ("和", "与", "及") else None
    return verb is not None and text[pos + 1 + len(verb):pos + 2 + len(verb)] != "的" \
        and bool(_HAN4.fullmatch(text[pos - 3:pos + 1]))  # 和当选的代表: 当选 describes the others


def _names_before(text: str, pos: int, model: dict[int, str] | None = None) -> list[tuple[int, str]]:
    """The names listed before the one at ``pos``, nearest first: ``王某、苏某|当选`` → [(0, 王某)].

    Each is joined to the next by 、 or 和, and is written after punctuation or at the start of the text
    and reads as a name (:func:`is_plausible_name`), or is one the model proposed."""
    out: list[tuple[int, str]] = []
    while pos > 0 and text[pos - 1] in "、和":
        sep = pos - 1
        for n in (4, 3, 2):
            s = sep - n
            # (a name the model read there needs no punctuation before it: 司机代表某某、某某当选副主席)
            if s >= 0 and ((s == 0 or text[s - 1] in _PUNCT) and is_plausible_name(text[s:sep])
                           or model is not None and model.get(s) == text[s:sep]):
                out.append((s, text[s:sep]))
                pos = s
                break
        else:
            break
    return out


def _names_after(text: str, pos: int, model: dict[int, str] | None = None) -> list[tuple[int, str]]:
    """One or more names after a title: ``记者 张伟 李娜``, ``劳模张三、李四``."""
    out = []
    while True:
        while pos < len(text) and text[pos] in " \u3000":
            pos += 1
        name = name_at(text, pos, model=model)
        if not name:
            break
        out.append((pos, name))
        pos += len(name)
        if pos < len(text) and text[pos] in " \u3000、和" and name_at(text, pos + 1, model=model):
            pos += 1
            continue
        break
    return out




def plausible_model_name(name: str) -> bool:
    """Whether a name the model proposed reads as a personal name.

    A Han name of 2–4 characters that starts with a surname of the lexicon
    (single or compound) and is no post title, a Tibetan name of two name
    elements (次仁卓玛, :func:`graph.lexicon.tibetan_name_parts`), or a
    transliterated name of two parts joined by ``·`` (艾尔肯·吐尔逊).

    Parameters
    ----------
    name : str

    Returns
    -------
    bool
    """
    if re.fullmatch(rf"[\u4e00-\u9fff]{{2,8}}[{_NAME_DOTS}][\u4e00-\u9fff]{{2,8}}", name):
        return True
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name) or name in _post_set():
        return False
    if name in lexicon.not_names():  # 严寒, 高度: words that start with a surname (measured: it helps)
        return False
    if _surname_and_post(name):
        return False
    if _tibetan(name):
        return True  # 次仁卓玛, 拉毛措: a Tibetan name, name elements and no surname
    return any(name[:n] in lexicon.surnames() and 1 <= len(name) - n <= 2 for n in _surname_lengths())


#: LAC tags of a one-character token that cannot be the last character of a name before it.
_NOT_NAME_END_TAGS = frozenset({"v", "vd", "vn", "p", "c", "u", "d", "w", "r", "f", "m", "q", "xc", "s", "t",
                                "TIME", "LOC", "ORG", "PER"})


def _extend(name: str, following: tuple[str, str]) -> str:
    """Add to a two-character model name the one-character token the model left after it.

    LAC sometimes stops a three-character name one short and tags the last
    character alone as a noun or adjective (戚松|年|家里, 葛怀|新|强调); a
    lone content character right after a surname + one character is read as
    the name's end, except 家 (张三家: his home).
    """
    word, tag = following
    if len(name) == 2 and len(word) == 1 and "\u4e00" <= word <= "\u9fff" and word not in "家" \
            and tag not in _NOT_NAME_END_TAGS:
        return name + word
    return name


#: Heads of place and institution names that a village or founder's name starts (张家楼煤矿, 李庄村):
#: a model "person" right before one is that name's first part.
_INSTITUTION = re.compile(r"(?:煤矿|矿业|矿|公司|集团|工厂|厂|村|镇|乡|街道|社区|小区|路|街|大道|桥|站|港|"
                          r"小学|中学|学校|大学|学院|医院|中心|合作社|农场|林场|水库|隧道|大厦|广场)")


def _in_short_quote(text: str, start: int, end: int, longest: int = 25) -> bool:
    """Whether ``text[start:end]`` lies inside a short quoted title (“…”), as a programme's name does."""
    o = text.rfind("“", max(0, start - longest), start)
    if o < 0 or "”" in text[o:start]:
        return False
    c = text.find("”", end, o + longest + 2)
    return c >= 0


def _starts_word(text: str, pos: int) -> bool:
    """Whether jieba starts a word at ``pos`` (补助金|塞进: 金 ends a word, so no name starts there)."""
    from ..text.segment import lcut

    s0 = max(0, pos - 4)
    at = s0
    for w in lcut(text[s0:pos + 2]):
        if at == pos:
            return True
        if at > pos:
            return False
        at += len(w)
    return at == pos


class ModelView:
    """What the NER stage (:mod:`graph.mentions.ner`) said about one article.

    Parameters
    ----------
    article : Article
        With the ``ner-*`` mentions of the model stage.

    Attributes
    ----------
    names : dict of int to str
        Plausible person names the model proposed, by start offset.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.names = {}
        pers = article.of_kind("ner-person")
        joined: set[int] = set()
        for i, m in enumerate(pers):
            if m.start in joined:
                continue
            name = _extend(m.text, m.attrs.get("next", ("", "")))
            # a transliterated name in two parts: 艾尔肯·吐尔逊 (the dot often lost as ? in web text); the model
            # may also cut the first part short (阿不都|热|合曼·吐尔逊, 阿不|合曼|玉素甫): up to the dot the text
            # runs on in Chinese characters, and a later model name goes on past the dot
            dot = next((k for k in range(m.end, min(m.end + 7, len(self.text))) if self.text[k] in _NAME_DOTS), None)
            dotted = dotted_name(self.text, m.start) if dot is not None or _DOTTED_HEAD.search(m.text) \
                or m.text[-1:] in _NAME_DOTS else None
            if dotted and len(dotted) >= len(name):
                # the model cuts these at odd places (艾尼瓦尔·|买买提, 努尔兰·哈力木|别克): the second part
                # runs up to where a name may end
                name = dotted
                joined.update(p.start for p in pers[i + 1:i + 4] if p.start < m.start + len(dotted))
            elif dot is not None and re.fullmatch(r"[\u4e00-\u9fff]*", self.text[m.end:dot]):
                after = next((p for p in pers[i + 1:i + 4] if p.start <= dot + 1 < p.end), None)
                if after is not None and plausible_model_name(self.text[m.start:after.end]):
                    name = self.text[m.start:after.end]
                    joined.update(p.start for p in pers[i + 1:i + 4] if p.start < after.end)
            if plausible_model_name(name):
                self.names[m.start] = name
        # the model's entities by the clause they were tagged in (the stage appends a clause, then its entities)
        self.clause_spans: dict[int, list[tuple[int, int, str]]] = {}
        current: list[tuple[int, int, str]] = []
        for m in article.mentions:
            if m.kind == "ner-seen":
                current = self.clause_spans.setdefault(m.start, [])
            elif m.kind in ("ner-person", "ner-org", "ner-place"):
                current.append((m.start, m.end, m.kind))
        # the second part of such a name, its first part cut off by the sentence split at a lost dot (肯?吐尔逊)
        for m in pers:
            if m.start in joined or m.start < 2 or self.text[m.start - 1] not in _NAME_DOTS:
                continue
            first = [s for s, e, k in self._entities(m.start - 2) if k == "ner-person" and e == m.start - 1]
            if first and plausible_model_name(self.text[first[0]:m.end]):
                self.names.pop(m.start, None)
                self.names[first[0]] = self.text[first[0]:m.end]

    def _entities(self, pos: int) -> list[tuple[int, int, str]]:
        """The model's entities in the clause around ``pos``, tagging it now if the stage skipped it."""
        from . import ner

        sent = self.article.sentence_at(pos)
        if sent is None:
            return []
        c0, c1 = next(((a, b) for a, b in ner.clauses(self.text, sent.start, sent.end) if a <= pos < b),
                      (sent.start, sent.end))
        if c0 not in self.clause_spans:
            kinds = {"PER": "ner-person", "ORG": "ner-org", "LOC": "ner-place"}
            self.clause_spans[c0] = [(c0 + e.start, c0 + e.end, kinds[e.label]) for e in ner.check(self.text[c0:c1])]
        return self.clause_spans[c0]

    def rejects(self, pos: int, name: str, strict: bool = True) -> bool:
        """Whether the model contradicts a name our rules read at ``pos``.

        The model (tagging the sentence now if the stage skipped it) tagged
        no person overlapping the name, and either a longer organisation or
        place over it (延吉|市长 inside 延吉市长途客运站) or nothing of the
        name's exact extent (工程中 → 程中).  A proper name of exactly that
        extent tagged as a place or organisation is kept: the model knows a
        name is there but not a rare surname (卜登科 read as LOC).

        Measured on the development set: persons F1 0.924 with no veto,
        0.950 vetoing every rule name without a model person, 0.958 with
        this exception.
        """
        end = pos + len(name)
        ents = [(s, e, k) for s, e, k in self._entities(pos) if s < end and pos < e]
        if any(k == "ner-person" for _, _, k in ents):
            return False
        if any(e - s > len(name) for s, e, _ in ents):
            return True
        return strict and not any((s, e) == (pos, end) for s, e, _ in ents)

    def confirm(self, pos: int, name: str, confirmed: set[int]) -> str | None:
        """Whether a model candidate the rules did not take is a person, and by which context.

        A plausible name the model proposed is a person unless it sits in a
        short quoted title (“…·惠民游”), jieba reads its first character as
        the end of a word before it (补助金|塞进), or a place or institution
        head follows it (张家楼|煤矿).  Measured on the development
        set, accepting these (F1 0.971) beats requiring a speech verb, a list
        or a post (0.892) or a boundary after the name (0.957): the model's
        own precision on plausible names is high, and the rules that would
        confirm it already ran.

        Returns
        -------
        str or None
            ``"ner+speech"``, ``"ner+list"`` or ``"ner"`` (the model alone);
            None for no person.
        """
        text, end = self.text, pos + len(name)
        if _in_short_quote(text, pos, end) or not _starts_word(text, pos) or _INSTITUTION.match(text, end):
            return None
        if any(text.startswith(w, end) for w in SPEECH):
            return "ner+speech"
        if text[end:end + 1] in "、和及与" and (end + 1 in self.names or end + 1 in confirmed) \
                or text[pos - 1:pos] in ("、", "和", "及", "与") and any(
                    p + len(self.names[p]) == pos - 1 for p in self.names.keys() & range(pos - 9, pos - 2)):
            return "ner+list"
        return "ner"


def find(article: Article) -> list[Mention]:
    """Find person mentions with the posts written before them.

    Returns
    -------
    list of Mention
        kind ``"person"``, ``attrs["name"]``; ``attrs["posts"]`` is a list of
        ``(title, org_text, org_start)`` with org_text as written (may be a
        bare 区总工会, resolved later) or None; ``attrs["via"]`` says which
        context found it (byline, post, honour, speech, occupation, conferred,
        elected, title-after, repeat), prefixed ``ner+`` where the model
        proposed the same name there, or ``ner``/``ner+speech``/``ner+list``
        for a model candidate no rule took.
    """
    text = article.text
    out: list[Mention] = []
    seen: set[int] = set()
    covered: set[int] = set()  # the characters of the names found so far
    view = ModelView(article)
    model = view.names

    def add(pos: int, name: str, via: str, posts=(), honour: str | None = None) -> None:
        if pos in seen:
            return
        if via == "occupation" and any(k in covered for k in range(pos, pos + len(name))):
            return  # 主席魏长|海出席: 长 ends the name found there, it is no occupation (站长) before another
        if model.get(pos) == name and not via.startswith("ner") and via != "byline":  # bylines: segment's
            via = "ner+" + via
        elif via not in ("byline", "repeat") and not _DOTTED_HEAD.match(name) and not _tibetan(name) \
                and not _turkic(name) \
                and view.rejects(pos, name,
                                 strict=via not in ("post", "officer") and not _post_only_surname(text, pos)):
            # (the model knows few Tibetan names: two name elements suffice; after a post title only a
            # longer name the model read over it (延吉市长途…) overrules the rule)
            return  # the model read this sentence and saw no person here
        seen.add(pos)
        covered.update(range(pos, pos + len(name)))
        out.append(Mention("person", pos, pos + len(name), name,
                           {"name": name, "via": via, "posts": list(posts), "honour": honour}))

    # bylines: every credited name with its title (记者, 通讯员, 摄影 ...), found by graph.text.bylines
    for name, title, pos in article.bylines:
        add(pos, name, "byline", [(title, None, None)])

    # post chains: (ORG)POST(、(ORG)POST)* NAME
    posts_re = _posts_re()
    spans = [(x.start, x.end) for x in article.mentions if x.kind == "union"]
    chain_of: dict[int, list] = {}  # where a name with posts ends -> its post chain
    for m in posts_re.finditer(text):
        names = _names_after(text, m.end(), model)
        if not names:
            continue
        chain = _post_chain(text, m.start(), m.end(), spans)
        # 市总工会党组书记钱卫东、副主席罗涛, 医院党委书记某某、院长某某: a post listed after an official's
        # name is in that official's body (a head of government excepted: 市委副书记某某、副市长某某)
        before = chain_of.get(m.start() - 1) if m.start() > 0 and text[m.start() - 1] == "、" else None
        if chain and chain[0][1] is None and before and before[-1][1] is not None \
                and not _GOVERNMENT_HEAD.fullmatch(chain[0][0]) and not chain[0][0].startswith("国家"):
            org, org_s = before[-1][1], before[-1][2]
            chain = [(t, o, o_s) if o is not None else (t, org, org_s) for t, o, o_s in chain]
        for pos, name in names:
            add(pos, name, "post", chain)
            chain_of[pos + len(name)] = chain

    # a further post after the name: 副省长钱建平兼任省总工会主席
    ends = {x.end: x for x in out}
    for m in re.finditer(r"(?:同时|还|并|也|现)?(?:兼任|担任)", text):
        who = ends.get(m.start())  # (某某同时担任区总工会兼职副主席: an adverb may stand between)
        stop = re.search(r"[，,。；;、（(\n]", text[m.end():m.end() + 30])
        limit = m.end() + (stop.start() if stop else 30)
        pm = [c for c in posts_re.finditer(text, m.end(), limit) if c.end() == limit or _boundary(text, c.end())]
        if who is None or not pm:
            continue
        chain = _post_chain(text, pm[0].start(), pm[0].end(), spans)
        who.attrs["posts"] = who.attrs["posts"] + [(t, o, o_s) for t, o, o_s in chain
                                                   if o is None or (o_s or 0) >= m.end()][-1:]

    # a yearbook's list of officers, a post and a colon opening a line or a sentence: 主席:张三 / 副主席:李四、王五;
    # 某区总工会主席：张三；副主席：李四、王五。 (a union named before the first post holds the posts that
    # follow it after ；, else the article's union does)
    officer = (r"(?m)(?:^|(?<=[；;。]))[ \u3000]*(?P<org>[\u4e00-\u9fff]{0,12}?工会)?(" + posts_re.pattern
               + r")[:：][ \u3000]*")
    prev_org, prev_end = (None, None), -1
    for m in re.finditer(officer, text):
        if m.group(2) not in _post_set():
            continue
        stop = re.search(r"[\n；;。]", text[m.end():])
        end = m.end() + stop.start() if stop else len(text)
        line = text[m.end():end]
        # 石磊（某某公司工会主席）, 田玉梅（兼）: a note in brackets after a name, another post of theirs
        parts = [(m.end() + x.start(), x.group(1), m.end() + x.start(2) if x.group(2) else None, x.group(2))
                 for x in re.finditer(r"([^、，,\s（(]+)(?:[（(]([^）)\n]{1,30})[）)])?", line)]
        if parts and len(line) <= 60 and all(is_plausible_name(n) or dotted_name(n, 0) == n for _, n, _, _ in parts):
            org = (m.group("org"), m.start("org")) if m.group("org") else \
                prev_org if text[prev_end:m.start()] in ("；", ";") else (None, None)
            for pos, name, note_at, note in parts:
                more = []
                if note:
                    pm = [c for c in posts_re.finditer(text, note_at, note_at + len(note))
                          if c.end() == note_at + len(note)]
                    more = _post_chain(text, pm[0].start(), pm[0].end(), spans) if pm else []
                add(pos, name, "officer", [(m.group(2), *org)] + more)
            prev_org, prev_end = org, end

    # elected by a congress: 选举张三为主席，李四、王五为副主席; 选举张三为联合会主席，骑手代表李四为副主席
    for m in re.finditer(r"选举(?:产生)?(?:了)?", text):
        pos = m.end()
        while pos < len(text):
            names = _names_after(text, pos)
            if not names:  # 骑手代表李四为副主席: who the elected stands for, written before the name
                rep = _REPRESENTATIVE.match(text, pos)
                names = _names_after(text, rep.end()) if rep else []
            if not names:
                break
            after = names[-1][0] + len(names[-1][1])
            chain = _elected_post(text, after)
            if not chain:
                break
            for npos, name in names:
                add(npos, name, "elected", [c[:3] for c in chain])
            pos = chain[0][3]
            if text[pos:pos + 1] not in "，,、;；":
                break
            pos += 1

    # honours before a name: 全国劳动模范李红梅
    for h in sorted(lexicon.honours(), key=len, reverse=True):
        if h not in text:  # most honours are not in a given article: skip building their patterns
            continue
        for start in occurrences(text, h):
            for pos, name in _names_after(text, start + len(h), model):
                add(pos, name, "honour", honour=h)

    # speech verbs after a name at a clause start: 周丽华表示
    for m in re.finditer("|".join(SPEECH), text):
        for n in (4, 3, 2):
            s = m.start() - n
            if s < 0:
                continue
            if s > 0 and text[s - 1] not in _PUNCT and text[s - 1] not in "□":
                continue
            name = text[s:m.start()]
            if is_plausible_name(name):
                add(s, name, "speech")
                break

    # an occupation before a name: 电焊工易冬生, 班组长贾振宇, 高级技师孙红梅
    for occ in _OCCUPATION_END_RE.finditer(text, 0, len(text) - 1):  # a name starts after the character
        i = occ.end()
        if text[i - 2:i] not in ("职工", "员工", "会员", "社员"):
            if text[i - 1] == "模" and text[i - 2:i] != "劳模":
                continue
            name = name_at(text, i, model=model)
            if name and not text[i - 3:i].endswith(("劳动", "先进")) and not _common_word(name):
                job = _job_at_employer(text, i, article.of_kind("organization"))
                add(i, name, "occupation", job)
                prior = next((x for x in out if x.start == i and x.attrs["name"] == name), None)
                if job and prior is not None and not prior.attrs["posts"]:
                    prior.attrs["posts"] = job

    # names after a verb of conferring: 命名陆振华、沈佳怡等30名职工为“苏州工匠”
    for m in re.finditer(r"命名|授予|表彰", text):
        for pos, name in _names_after(text, m.end(), model):
            add(pos, name, "conferred")

    # NAME当选为(ORG)POST: 黄伟民当选为市总工会主席
    for m in re.finditer(r"当选为?", text):
        for n in (4, 3, 2):
            st = m.start() - n
            listed = st > 0 and text[st - 1] in "和与" and _names_before(text, st, model)  # 王某和苏某当选
            # 外卖配送员某某当选: a name another rule found right there needs no punctuation before it
            found = st >= 0 and any(x.start == st and x.end == m.start() for x in out)
            if st >= 0 and (st == 0 or text[st - 1] in _PUNCT or listed or found) \
                    and (is_plausible_name(text[st:m.start()])
                         or n == 4 and _rule_name(text, st) == text[st:m.start()]):
                pm = [c for c in posts_re.finditer(text, m.end(), m.end() + 20)]
                chain = _post_chain(text, pm[0].start(), pm[0].end(), spans) if pm else []
                chain = [(t, o if (o_s or 0) >= m.end() else None, o_s if (o_s or 0) >= m.end() else None)
                         for t, o, o_s in chain]
                add(st, text[st:m.start()], "elected", chain[:1] if chain else [])
                prior = next(x for x in out if x.start == st) if st in seen else None
                if prior is not None and prior.end == m.start() and not prior.attrs["posts"] and chain:
                    prior.attrs["posts"] = chain[:1]
                    prior.attrs["via"] += "+elected"  # the post is in the union that elected (resolve)
                elif prior is not None and prior.end == m.start() and chain and chain[0] not in prior.attrs["posts"]:
                    # 某公司经理某某当选主席: a post elected to, after the ones held, is in the union that elected;
                    # 某营业部站长某某当选联合会副主席: in the body written after 当选
                    if chain[0][1] is None:
                        prior.attrs["elected"] = len(prior.attrs["posts"])
                    prior.attrs["posts"] = prior.attrs["posts"] + chain[:1]
                # 王某、苏某当选副主席: every name of the list before 当选 is elected to the post
                for pos, name in _names_before(text, st, model):
                    add(pos, name, "elected", chain[:1] if chain else [])
                    prior = next((x for x in out if x.start == pos and x.attrs["name"] == name), None)
                    if prior is not None and not prior.attrs["posts"]:
                        prior.attrs["posts"] = chain[:1] if chain else []
                break

    # a further post of the person the clause before names (其中某某为兼职副主席，同时担任某教育工会主席), after the
    # elected are found: the clause of 担任 has no subject of its own
    for m in re.finditer(r"(?<=[，,])(?:同时|还|并)(?:兼任|担任)", text):
        clause = text[max(text.rfind(c, 0, m.start() - 1) for c in "，,。；;") + 1:m.start()]
        named = {x.attrs["name"]: x for x in out if x.attrs["name"] in clause}
        stop = re.search(r"[，,。；;、（(\n]", text[m.end():m.end() + 30])
        limit = m.end() + (stop.start() if stop else 30)
        pm = [c for c in posts_re.finditer(text, m.end(), limit) if c.end() == limit or _boundary(text, c.end())]
        if len(named) != 1 or not pm:
            continue
        who = next(iter(named.values()))
        chain = _post_chain(text, pm[0].start(), pm[0].end(), spans)
        who.attrs["posts"] = who.attrs["posts"] + [(t, o, o_s) for t, o, o_s in chain
                                                   if o is None or (o_s or 0) >= m.end()][-1:]

    # the elected named after the post: …8人当选省总工会第十五届委员会委员，…，他们分别是甲、乙和丙;
    # with a count before each 当选 (3人当选委员，1人当选经审委员) the names go to the posts in that order
    lists: dict[int, list] = {}  # where the list of names starts -> [(count or None, chain)]
    for m in re.finditer(r"当选为?", text):
        stop = re.search(r"[，,。；;！？\n]", text[m.end():m.end() + 40])
        if stop is None:
            continue
        clause_end = m.end() + stop.start()
        pm = [c for c in posts_re.finditer(text, m.end(), clause_end) if c.end() == clause_end]
        sent_end = re.search(r"[。！？!?\n]", text[clause_end:])
        sent_end = clause_end + (sent_end.start() if sent_end else len(text) - clause_end)
        lm = re.compile(r"(?:他们|她们|分别|依次)+(?:是|为)[:：]?").search(text, clause_end, sent_end)
        if not pm or lm is None:
            continue
        chain = _post_chain(text, pm[-1].start(), pm[-1].end(), spans)
        chain = [(t, o, o_s) for t, o, o_s in chain if o is None or (o_s or 0) >= m.end()][-1:]
        cm = re.search(r"(\d+)(?:人|名)$", text[max(0, m.start() - 6):m.start()])
        lists.setdefault(lm.end(), []).append((int(cm.group(1)) if cm else None, chain))
    for at, posts in lists.items():
        names = _names_after(text, at)
        counts = [c for c, _ in posts]
        if None not in counts and sum(counts) == len(names):
            given = [chain for c, chain in posts for _ in range(c)]
        else:
            given = [posts[0][1]] * len(names)
        for (pos, name), chain in zip(names, given, strict=True):
            add(pos, name, "elected", chain)

    # a name before 同志 or a post (某某同志, 某某总书记), after a boundary
    for m in re.finditer(r"同志|" + posts_re.pattern, text):
        for n in (4, 3, 2):
            s = m.start() - n
            if s < 0 or (s > 0 and text[s - 1] not in _PUNCT and text[s - 1] not in "以由和与及在对向"):
                continue
            name = text[s:m.start()]
            if is_plausible_name(name) and _known_name(name):
                add(s, name, "title-after")
                break

    # the model's own candidates, confirmed by a context our rules know
    for pos, name in sorted(model.items()):
        name = _longer_reading(text, pos, name)
        if any(m.start < pos + len(name) and pos < m.end for m in out):
            continue  # inside a name a rule read whole: 明远 of 向明远 (a rarer surname the model left out)
        via = view.confirm(pos, name, {m.start for m in out})
        if via:
            add(pos, name, via)

    _merge_prefixes(text, out)

    # 某某总书记: the one post written after a name that names its body (中共中央, resolve.resolve_persons)
    for x in out:
        if text.startswith("总书记", x.end) and not x.attrs["posts"]:
            x.attrs["posts"] = [("总书记", None, None)]

    # a name found once is the same person elsewhere in the article
    known = {m.attrs["name"] for m in out}
    for name in known:
        for start in occurrences(text, name):
            add(start, name, "repeat")
    # a job at an employer said of a name: 某某是某某集团的高级技师 (the employer the organisation finder named)
    bodies = {m.start: m for m in article.mentions if m.kind in ("organization", "union")}
    for x in out:
        if x.attrs["posts"]:
            continue
        said = _IS_JOB_AT.match(text, x.end)
        body = bodies.get(said.start(1)) if said else None
        if body is not None and body.end == said.end(1) \
                and (said.group(2)[-1] in OCCUPATION_ENDS or said.group(2) in _post_set()) \
                and not said.group(2).endswith(_NOT_JOBS):
            x.attrs["posts"] = [(said.group(2), said.group(1), said.start(1))]

    out.sort(key=lambda x: x.start)
    return out


#: Who an elected person stands for, written before the name: 外卖骑手代表, 职工代表.
_REPRESENTATIVE = re.compile(r"[\u4e00-\u9fff]{1,8}?代表(?=[\u4e00-\u9fff])")


def _elected_post(text: str, at: int) -> list[tuple[str, str | None, int | None, int]]:
    """The post after 为 at ``at`` in 选举某某为(联合会)主席: ``[(title, org_text, org_start, end)]`` with
    the body written between 为 and the post (or None), or [] where no post follows within a few words."""
    if text[at:at + 1] != "为":
        return []
    stop = re.search(r"[，,。；;、\n]", text[at:at + 16])
    limit = at + (stop.start() if stop else 16)
    pm = [c for c in _posts_re().finditer(text, at + 1, limit) if c.group() in _post_set()]
    if not pm or not (pm[0].end() == limit or _boundary(text, pm[0].end())):
        return []
    org = text[at + 1:pm[0].start()]
    return [(pm[0].group(), org or None, at + 1 if org else None, pm[0].end())]


def _job_at_employer(text: str, end: int, orgs: list[Mention] = ()) -> list[tuple[str, str, int]]:
    """The job written right after a named employer and before ``end``, as a post:
    ``某某有限公司焊工``, ``某某集团采煤工`` → [(焊工, 某某有限公司, start)]; [] if none.

    The job is the shortest run of two to five characters (no 的, no
    punctuation) between the end of an organisation's name (:func:`_org_spans`)
    and ``end``: a worker's post at that employer, as an official's is at
    the body written before it.  A department written alone before the job
    (，护理部护士长) is one of the employer among ``orgs`` (the article's
    organisation mentions, :func:`graph.mentions.documents.find_organizations`)
    named last before it.
    """
    for j in range(end - 2, max(0, end - 6) - 1, -1):
        job = text[j:end]
        if not re.fullmatch(r"[\u4e00-\u9fff]+", job) or "的" in job or job.endswith(_NOT_JOBS):
            return []
        for s, e in _org_spans(text, j):
            # 某物流公司: an employer the article does not name
            return [] if "某" in text[s:e] else [(job, text[s:e], s)]
        dept = _DEPARTMENT.search(text, max(0, j - 6), j)
        if dept is not None and dept.end() == j and (dept.start() == 0 or text[dept.start() - 1] in _PUNCT):
            # ，护理部护士长某某: a department written alone is one of the employer the article named last
            named = [o for o in orgs if o.end <= dept.start() and _EMPLOYER_HEAD.search(o.text)]
            return [(job, named[-1].text, named[-1].start)] if named and "某" not in named[-1].text else []
    return []


#: 是 + an employer + 的 + a job, right after a name (某某是某某集团的高级技师，).
_IS_JOB_AT = re.compile(r"是([\u4e00-\u9fff()（）]{2,30}?)的([\u4e00-\u9fff]{2,6}?)(?=[，,。；;、])")


#: A department (护理部, 急诊科, 财务处) written before a job, without its organisation.
_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{2,4}[部科处室]")
#: Employers that have such departments.
_EMPLOYER_HEAD = re.compile(r"(?:医院|公司|集团|大学|学院|银行)$")


#: Words before a name that end like a job but say what a person is at an event or in a body, not a post
#: there: 选手 (a contestant), 能手 (an honour), 代表, 职工, 队员 ...
_NOT_JOBS = ("选手", "能手", "代表", "职工", "员工", "会员", "学员", "队员", "成员", "社员", "党员", "劳模")


def _org_spans(text: str, end: int) -> list[tuple[int, int]]:
    """An organisation's name ending at ``end`` (…公司, …集团, …医院), as ``(start, end)``; [] if none."""
    from .documents import _ORG_RE

    for m in _ORG_RE.finditer(text, max(0, end - 8), end):
        if m.end() == end:
            s = name_start(text, m.start(), 20)
            if m.start() - s >= 2:
                return [(s, end)]
    return []


def _merge_prefixes(text: str, mentions: list[Mention]) -> None:
    """Rename a name that is, wherever the text writes it, the start of a longer found name.

    戚松 found once (model) and 戚松年 found elsewhere: when every occurrence of
    戚松 in the text is followed by 年, all are 戚松年.
    """
    names = {m.attrs["name"] for m in mentions}
    rename = {}
    for short in names:
        longer = [n for n in names if len(n) > len(short) and n.startswith(short)]
        if len(longer) != 1:
            continue
        occ = list(occurrences(text, short))
        if occ and all(text.startswith(longer[0], i) for i in occ):
            rename[short] = longer[0]
    for m in mentions:
        if m.attrs["name"] in rename:
            m.attrs["name"] = m.text = rename[m.attrs["name"]]
            m.end = m.start + len(m.text)


#: Words that open with 原 or 前 without it meaning "former" (原子能院, 前海管理局, 前进区 is a place).
_NOT_FORMER = ("原子", "原料", "原创", "前海", "前线", "前沿", "前方")


def _former_mark(text: str, s: int, e: int) -> str:
    """``原`` or ``前`` when ``text[s:e]``, the body written before a post, opens with it as "former"
    (原县总工会|副主席, 前市委|书记) rather than as the first character of a place or a word (原平市, 前郭县)."""
    if e - s < 1 or text[s] not in "原前" or s > 0 and text[s - 1] not in _PUNCT and text[s - 1] not in "兼\u3000":
        return ""
    if text[s:s + 2] in _NOT_FORMER or place_names_at(text, s):
        return ""
    return text[s]


def _post_chain(text: str, first_start: int, last_end: int,
                spans: list[tuple[int, int]] = ()) -> list[tuple[str, str | None, int | None]]:
    """Split the posts written before a name, left to right.

    Walks back from the post that touches the name over ``、``/``兼``-joined
    ``(ORG)POST`` items.  Each post's organisation is the text written
    before it, else the previous item's organisation.
    """
    posts_re = _posts_re()
    items: list[tuple[str, str | None, int | None]] = []
    end = last_end
    start = first_start
    while True:
        title = text[start:end]
        # the post is the longest lexicon match ending at `end`
        m = None
        for cand in posts_re.finditer(text, max(0, end - 12), end):
            if cand.end() == end and (m is None or cand.start() < m.start()):
                m = cand
        if m is not None:
            start, title = m.start(), m.group()
            # a union name that ends inside the post owns its head: 区总工会|主席 (not 工会主席)
            for s, e in spans:
                if start < e < end and s < start and text[e:end] in _post_set():
                    start, title = e, text[e:end]
        org_start = name_start(text, start, 25)
        if re.fullmatch(r"[部处科室]", text[org_start:start]):
            org_start = raw_chunk(text, start, 10)  # 组织部部长: 组织 is a verb elsewhere, here part of the name
        for s, e in spans:
            if s < org_start < e <= start:
                org_start = s  # a cut inside a union's name: 全|总 is 全总
        if org_start > 0 and text[org_start - 1:org_start + 1] == "全国":
            org_start -= 1  # 全国人大常委会: 全 opens the name here, not a phrase (全市, 全体)
        org = text[org_start:start] or None
        former = _former_mark(text, org_start, start)
        if former:  # 原县总工会副主席: a post once held, in the body written after 原
            org_start += 1
            org = text[org_start:start] or None
            title = former + title
        if org is None and start > 1 and text[start - 1] == "的":
            # 来自某某电力公司的工程师: the body that ends just before 的
            for s, e in list(spans) + [(x, y) for x, y in _org_spans(text, start - 1)]:
                if e == start - 1:
                    org_start, org = s, text[s:e]
                    break
        items.append((title, org, org_start if org else None))
        sep = org_start - 1 - len(former)
        if sep >= 0 and text[sep] in "、兼" or text[sep - 1:sep + 1] == "兼任":
            end = sep if text[sep] in "、兼" else sep - 1
            # the previous item must itself end in a post
            prev = [c for c in posts_re.finditer(text, max(0, end - 12), end) if c.end() == end]
            if not prev:
                break
            start = min(c.start() for c in prev)
            continue
        if org is None and org_start > 0 and text[org_start - 1] not in "、兼":
            pass
        break
    items.reverse()
    # an item without its own organisation shares the one written before it
    out: list[tuple[str, str | None, int | None]] = []
    last_org: tuple[str | None, int | None] = (None, None)
    for title, org, pos in items:
        if org:
            last_org = (org, pos)
        elif not title.startswith("国家") and not _GOVERNMENT_HEAD.fullmatch(title):
            # (市委副书记、市长: the mayor heads the government, not the Party committee written before)
            org, pos = last_org
        out.append((title, org, pos))
    return out
