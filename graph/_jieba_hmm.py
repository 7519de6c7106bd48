"""A faster, result-identical stand-in for ``jieba.posseg``'s HMM Viterbi.

jieba.posseg tags the runs of characters its dictionary does not know
(unknown names, mostly) with a 256-state HMM (BMES × part of speech).  Its
``viterbi`` scores every previous state against every next state, looking
each transition up with a default of ``-inf``; about a fifth of the states
lead anywhere from a given one, so most of that work scores impossible moves.
:func:`viterbi` scores only the moves the transition table holds (read from
a reversed table: next state → previous states) and falls back to jieba's
own full scan where no such move exists, so it returns the same
``(probability, route)`` for every input: the same additions in the same
order, and the same tie-break (``max`` over ``(score, state)`` tuples).
"""
from __future__ import annotations

MIN_FLOAT = -3.14e100  # jieba.posseg.viterbi's score of an unseen emission
MIN_INF = float("-inf")  # and of a missing transition


_REVERSED: dict[int, tuple[dict, dict]] = {}


def _reverse(trans_p: dict) -> dict:
    """Next state → {previous state: log transition}; built once per table (jieba loads one)."""
    hit = _REVERSED.get(id(trans_p))
    if hit is None or hit[0] is not trans_p:
        rev: dict = {}
        for prev, nexts in trans_p.items():
            for nxt, p in nexts.items():
                rev.setdefault(nxt, {})[prev] = p
        hit = _REVERSED[id(trans_p)] = (trans_p, rev)
    return hit[1]


def viterbi(obs: str, states: dict, start_p: dict, trans_p: dict, emit_p: dict) -> tuple[float, list]:
    """Most likely (BMES, POS) state per character of ``obs``, as ``jieba.posseg.viterbi.viterbi``.

    Parameters
    ----------
    obs : str
        A non-empty run of Han characters.
    states, start_p, trans_p, emit_p : dict
        jieba.posseg's character → possible states, log start, transition
        and emission probabilities (``char_state_tab_P``, ``start_P``,
        ``trans_P``, ``emit_P``).

    Returns
    -------
    (float, list)
        The best path's log probability and its states, one per character.
    """
    rev = _reverse(trans_p).get
    all_states = trans_p.keys()
    first = obs[0]
    prev_v = {y: start_p[y] + emit_p[y].get(first, MIN_FLOAT) for y in states.get(first, all_states)}
    mem_path: list[dict] = [dict.fromkeys(prev_v, "")]
    for t in range(1, len(obs)):
        prev_states = [x for x in mem_path[t - 1] if len(trans_p[x]) > 0]
        expect = {y for x in prev_states for y in trans_p[x]}
        obs_states = set(states.get(obs[t], all_states)) & expect
        if not obs_states:
            obs_states = expect if expect else all_states
        ch = obs[t]
        v: dict = {}
        path: dict = {}
        for y in obs_states:
            e = emit_p[y].get(ch, MIN_FLOAT)
            best = None
            froms = rev(y, {})
            if len(froms) < len(prev_states):
                for y0, tr in froms.items():
                    if y0 in prev_v:
                        cand = (prev_v[y0] + tr + e, y0)
                        if best is None or cand > best:
                            best = cand
            else:
                for y0 in prev_states:
                    tr = froms.get(y0)
                    if tr is not None:
                        cand = (prev_v[y0] + tr + e, y0)
                        if best is None or cand > best:
                            best = cand
            if best is None or best[0] == MIN_INF:  # no finite move: jieba's full scan decides
                best = max((prev_v[y0] + trans_p[y0].get(y, MIN_INF) + e, y0) for y0 in prev_states)
            v[y] = best[0]
            path[y] = best[1]
        prev_v = v
        mem_path.append(path)
    prob, state = max((prev_v[y], y) for y in mem_path[-1])
    route = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = mem_path[i][state]
    return prob, route

