# Vendored verbatim from ../shared/gold/score.py (the reference scorer of the gold annotations);
# graph/evaluate/__init__.py wraps it as `union-kg evaluate`. Refresh it when the shared scorer changes.
#!/usr/bin/env python3
"""Score a built knowledge graph against the gold annotations.

    python score.py GRAPH.ttl [GOLD_DIR] [--json] [--docs ID,ID]

GRAPH is any RDF file rdflib can parse (Turtle, TriG, N-Triples ...), built
with the public vocabulary of VOCABULARY.md. GOLD_DIR holds one JSON file per
article (GUIDELINES.md); by default the folder of this script. Only the
articles that have a gold file are scored.

Prints precision, recall and F1 per list, micro-averaged over articles
(entities and figures are matched article by article), and for the relations
(roles, parents, organizers, recipients, matched over the scored articles:
a relation counts when its person, child union, programme or award is
mentioned by one of them).
Needs rdflib; uses pyoxigraph instead when it is installed.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

UKG = "https://w3id.org/union-kg/ontology#"
PREFIXES = f"""
PREFIX ukg: <{UKG}>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
ENTITY_CLASSES = {
    "unions": "ukg:TradeUnion",
    "persons": "foaf:Person",
    "programmes": "ukg:Programme",
    "awards": "ukg:Award",
}
UNITS = {"Yuan": "yuan", "Percent": "percent", "Person": "person",
         "PersonTime": "person-time", "Count": "count"}
# Forms that name no one union on their own: an entity known only by one of
# these is a resolution failure, never a match.
GENERIC = {"区总工会", "市总工会", "县总工会", "总工会", "工会", "街道总工会",
           "镇总工会", "乡镇总工会", "省总工会", "基层工会", "本报", "各级工会"}
QUOTES = "“”‘’\"'「」『』《》〈〉【】"


def norm(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", str(s))
    s = re.sub(r"\s+", "", s)
    return "".join(ch for ch in s if ch not in QUOTES).lower()


# ---------------------------------------------------------------- graph access
class Graph:
    def __init__(self, path: Path):
        data = path.read_bytes()
        suffix = path.suffix.lower()
        try:
            if os.environ.get("SCORE_ENGINE") == "rdflib":
                raise ImportError
            import pyoxigraph as ox
            fmt = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG,
                   ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
                   ".rdf": ox.RdfFormat.RDF_XML}.get(suffix, ox.RdfFormat.TURTLE)
            self.store = ox.Store()
            self.store.bulk_load(data, format=fmt)
            self.engine = "pyoxigraph"
        except ImportError:
            import rdflib
            fmt = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads",
                   ".rdf": "xml"}.get(suffix, "turtle")
            self.store = rdflib.ConjunctiveGraph() if fmt in ("trig", "nquads") else rdflib.Graph()
            self.store.parse(data=data, format=fmt)
            self.engine = "rdflib"

    def select(self, body: str) -> list[dict[str, str]]:
        q = PREFIXES + body
        rows = []
        if self.engine == "pyoxigraph":
            import pyoxigraph as ox
            res = self.store.query(q, use_default_graph_as_union=True)
            names = [v.value for v in res.variables]
            for sol in res:
                rows.append({n: (sol[n].value if sol[n] is not None else None) for n in names})
        else:
            res = self.store.query(q)
            names = [str(v) for v in res.vars]
            for sol in res:
                rows.append({n: (str(sol[n]) if sol[n] is not None else None) for n in names})
        return rows


def labels_by_subject(rows, key="e", label="l"):
    out = defaultdict(lambda: {"pref": set(), "all": set()})
    for r in rows:
        lab = norm(r[label])
        if not lab:
            continue
        out[r[key]]["all"].add(lab)
        if r.get("kind") == "pref":
            out[r[key]]["pref"].add(lab)
    return out


LABELS = """
  {{ {v} skos:prefLabel ?l BIND("pref" AS ?kind) }} UNION
  {{ {v} rdfs:label ?l BIND("pref" AS ?kind) }} UNION
  {{ {v} skos:altLabel ?l BIND("alt" AS ?kind) }}
"""


def doc_entities(g: Graph, doc: str, cls: str):
    rows = g.select(f"""
    SELECT ?e ?l ?kind WHERE {{
      ?d a ukg:Article ; dcterms:identifier ?id ; schema:mentions ?e .
      FILTER(STR(?id) = "{doc}")
      ?e a {cls} .
      {LABELS.format(v="?e")}
    }}""")
    return labels_by_subject(rows)


# ---------------------------------------------------------------- matching
def forms(item) -> set[str]:
    names = [item.get("name")] + list(item.get("aliases") or [])
    return {norm(n) for n in names if norm(n) and norm(n) not in GENERIC}


def match_entities(pred: dict, gold: list, optional: list):
    """Greedy one-to-one match of predicted entities to gold items.

    A predicted entity matches a gold item when one of its preferred labels,
    or failing that one of its other labels, is the gold name or an alias.
    Returns (tp, fp, fn, missed gold names, spurious predicted labels)."""
    gold_forms = [forms(x) for x in gold]
    opt_forms = set().union(*[forms(x) for x in optional]) if optional else set()
    taken = set()
    tp = fp = 0
    spurious = []
    for e, labs in sorted(pred.items(), key=lambda kv: sorted(kv[1]["all"])):
        usable = {l for l in labs["all"] if l not in GENERIC}
        pref = {l for l in labs["pref"] if l not in GENERIC}
        hit = None
        for pool in (pref, usable):
            for i, gf in enumerate(gold_forms):
                if i not in taken and pool & gf:
                    hit = i
                    break
            if hit is not None:
                break
        if hit is not None:
            taken.add(hit)
            tp += 1
        elif usable & opt_forms:
            continue
        else:
            fp += 1
            spurious.append(sorted(labs["pref"] or labs["all"])[0] if labs["all"] else e)
    missed = [gold[i]["name"] for i in range(len(gold)) if i not in taken]
    return tp, fp, len(gold) - len(taken), missed, spurious


def prf(tp, fp, fn):
    if tp + fp + fn == 0:  # nothing to find and nothing found
        return {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 0, "fp": 0, "fn": 0}
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def bigrams(s: str) -> set[str]:
    s = norm(s)
    return {s[i:i + 2] for i in range(len(s) - 1)} or ({s} if s else set())


def dice(a: str, b: str) -> float:
    x, y = bigrams(a), bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def doc_figures(g: Graph, doc: str):
    rows = g.select(f"""
    SELECT ?f ?v ?unit ?approx ?measure ?year ?sl WHERE {{
      ?d a ukg:Article ; dcterms:identifier ?id .
      FILTER(STR(?id) = "{doc}")
      ?f a ukg:Figure ; prov:wasDerivedFrom ?d ; rdf:value ?v .
      OPTIONAL {{ ?f ukg:unit ?unit }}
      OPTIONAL {{ ?f ukg:approximate ?approx }}
      OPTIONAL {{ ?f ukg:measure ?measure }}
      OPTIONAL {{ ?f ukg:year ?year }}
      OPTIONAL {{ ?f ukg:about ?s . {{ ?s skos:prefLabel ?sl }} UNION {{ ?s rdfs:label ?sl }} }}
    }}""")
    figs = {}
    for r in rows:
        f = figs.setdefault(r["f"], {"subjects": set()})
        try:
            f["value"] = float(r["v"])
        except (TypeError, ValueError):
            f["value"] = None
        unit = (r["unit"] or "").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        f["unit"] = UNITS.get(unit, unit.lower() or None)
        f["approx"] = None if r["approx"] is None else r["approx"] in ("true", "1")
        f["measure"] = r["measure"] or ""
        f["year"] = (r["year"] or "")[:4] or None
        if r["sl"]:
            f["subjects"].add(norm(r["sl"]))
    return [f for f in figs.values() if f["value"] is not None]


def match_figures(pred: list, gold: list, optional: list):
    """Match figures on (value, unit); then judge approx, year, subject, measure."""
    free = list(range(len(gold)))
    tp = fp = 0
    value_only = 0
    detail = Counter()
    for f in sorted(pred, key=lambda x: x["value"]):
        hit = next((i for i in free if close(gold[i]["value"], f["value"])
                    and gold[i]["unit"] == f["unit"]), None)
        if hit is None:
            hit_v = next((i for i in free if close(gold[i]["value"], f["value"])), None)
            if hit_v is not None:
                value_only += 1
            if any(close(o.get("value", float("nan")), f["value"]) for o in optional):
                continue
            fp += 1
            continue
        free.remove(hit)
        tp += 1
        g = gold[hit]
        detail["approx"] += (bool(g.get("approx")) == bool(f["approx"]))
        if g.get("year"):
            detail["year_gold"] += 1
            detail["year"] += str(g["year"]) == str(f["year"] or "")
        else:  # the text leaves the year open: a year stated anyway is invented
            detail["year_open"] += 1
            detail["year_open_kept"] += not f["year"]
        gs = norm(g.get("subject"))
        detail["subject"] += bool(gs) and any(gs in s or s in gs for s in f["subjects"] if s)
        detail["subject_gold"] += bool(gs)
        detail["measure"] += dice(g.get("measure", ""), f["measure"]) >= 0.3
    missed = [gold[i]["text"] for i in free]
    return tp, fp, len(free), value_only, detail, missed


# ---------------------------------------------------------------- relations
def corpus_relations(gold_docs):
    roles, parents, organizers, recipients = set(), set(), set(), set()
    for gd in gold_docs:
        for p in gd.get("persons", []):
            for r in p.get("roles", []):
                if r.get("org"):
                    roles.add((norm(p["name"]), norm(r["title"]), norm(r["org"])))
        for u in gd.get("unions", []):
            if u.get("parent"):
                parents.add((norm(u["name"]), norm(u["parent"])))
        for x in gd.get("programmes", []):
            if x.get("organizer"):
                organizers.add((frozenset(forms(x)), norm(x["organizer"])))
        for a in gd.get("awards", []):
            for who in a.get("recipients", []) or []:
                recipients.add((frozenset(forms(a)), norm(who)))
    return roles, parents, organizers, recipients


def _label_sets(g: Graph, body: str, keys: tuple[str, ...]):
    """Run a relation query; return one tuple of label sets per related IRI tuple."""
    groups = defaultdict(lambda: tuple(set() for _ in keys))
    for r in g.select(body):
        iris = tuple(r[k] for k in keys)
        for i, k in enumerate(keys):
            lab = norm(r[k + "l"])
            if lab and lab not in GENERIC:
                groups[iris][i].add(lab)
    return list(groups.values())


def _labels(var: str) -> str:
    return (f"{{ {var} skos:prefLabel {var}l }} UNION {{ {var} rdfs:label {var}l }}"
            f" UNION {{ {var} skos:altLabel {var}l }}")


def pred_relations(g: Graph, docs: list[str]):
    """Relations whose first member is mentioned by one of the scored articles."""
    ids = " ".join(json.dumps(d) for d in docs)

    def scoped(var: str) -> str:
        return (f"?sd a ukg:Article ; dcterms:identifier ?sid ; schema:mentions {var} . "
                f"FILTER(STR(?sid) IN ({ids.replace(' ', ', ')}))")
    roles = _label_sets(g, f"""SELECT DISTINCT ?p ?pl ?r ?rl ?o ?ol WHERE {{
        ?m org:member ?p ; org:organization ?o ; org:role ?r . {scoped('?p')}
        {_labels('?p')} {_labels('?r')} {_labels('?o')} }}""", ("p", "r", "o"))
    parents = _label_sets(g, f"""SELECT DISTINCT ?c ?cl ?x ?xl WHERE {{
        ?c a ukg:TradeUnion ; org:subOrganizationOf ?x . {scoped('?c')}
        {_labels('?c')} {_labels('?x')} }}""", ("c", "x"))
    organizers = _label_sets(g, f"""SELECT DISTINCT ?x ?xl ?u ?ul WHERE {{
        ?x ukg:organizedBy ?u . {scoped('?x')} {_labels('?x')} {_labels('?u')} }}""", ("x", "u"))
    recipients = _label_sets(g, f"""SELECT DISTINCT ?a ?al ?w ?wl WHERE {{
        ?w ukg:receivedAward ?a . {scoped('?a')} {_labels('?a')} {_labels('?w')} }}""", ("a", "w"))
    return roles, parents, organizers, recipients


def score_relation(gold: set, pred: list):
    """Recall: a gold tuple is found when one predicted instance matches all its
    parts (each part: the gold name, or for programmes and awards one of their
    forms, among that instance's labels). Precision: a predicted instance (one
    tuple of IRIs) is right when it matches some gold tuple."""
    def hit(gt, inst):
        return all((part & labs) if isinstance(part, frozenset) else (part in labs)
                   for part, labs in zip(gt, inst))
    found = sum(any(hit(gt, inst) for inst in pred) for gt in gold)
    right = sum(any(hit(gt, inst) for gt in gold) for inst in pred)
    return prf(found, len(pred) - right, len(gold) - found)


# ---------------------------------------------------------------- main
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graph", type=Path)
    ap.add_argument("gold", type=Path, nargs="?", default=Path(__file__).resolve().parent)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--docs", help="comma-separated article ids to score (default: all gold files)")
    ap.add_argument("--show", action="store_true", help="list misses and spurious items")
    args = ap.parse_args(argv)

    gold_docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.gold.glob("*.json"))]
    if args.docs:
        keep = set(args.docs.split(","))
        gold_docs = [d for d in gold_docs if d["doc"] in keep]
    if not gold_docs:
        sys.exit(f"no gold files in {args.gold}")
    g = Graph(args.graph)

    totals = {k: Counter() for k in list(ENTITY_CLASSES) + ["figures", "reporters"]}
    fig_detail = Counter()
    fig_value_only = 0
    report = defaultdict(dict)
    for gd in gold_docs:
        doc = gd["doc"]
        opt = gd.get("optional", {}) or {}
        for key, cls in ENTITY_CLASSES.items():
            tp, fp, fn, missed, spurious = match_entities(doc_entities(g, doc, cls), gd.get(key, []), opt.get(key, []))
            totals[key].update(tp=tp, fp=fp, fn=fn)
            report[doc][key] = {"missed": missed, "spurious": spurious}
        gold_figs = [f for f in gd.get("figures", []) if f.get("value") is not None]
        tp, fp, fn, vo, detail, missed = match_figures(doc_figures(g, doc), gold_figs, opt.get("figures", []))
        totals["figures"].update(tp=tp, fp=fp, fn=fn)
        fig_detail.update(detail)
        fig_value_only += vo
        report[doc]["figures"] = {"missed": missed}
        gold_rep = {norm(p["name"]) for p in gd.get("persons", [])
                    if any(r.get("title") == "记者" and not r.get("org") for r in p.get("roles", []))}
        pred_rep = {norm(r["l"]) for r in g.select(f"""SELECT ?l WHERE {{
            ?d a ukg:Article ; dcterms:identifier ?id ; dcterms:creator ?p .
            FILTER(STR(?id) = "{doc}") {{ ?p skos:prefLabel ?l }} UNION {{ ?p rdfs:label ?l }} }}""")}
        totals["reporters"].update(tp=len(gold_rep & pred_rep), fp=len(pred_rep - gold_rep), fn=len(gold_rep - pred_rep))

    result = {"engine": g.engine, "articles": len(gold_docs)}
    for key, c in totals.items():
        result[key] = prf(c["tp"], c["fp"], c["fn"])
    tpf = totals["figures"]["tp"]
    result["figure_attributes"] = {
        "matched": tpf,
        "value_right_unit_wrong": fig_value_only,
        "approx_acc": round(fig_detail["approx"] / tpf, 3) if tpf else 0.0,
        "year_acc": round(fig_detail["year"] / fig_detail["year_gold"], 3) if fig_detail["year_gold"] else 0.0,
        "year_open_acc": round(fig_detail["year_open_kept"] / fig_detail["year_open"], 3) if fig_detail["year_open"] else 1.0,
        "subject_acc": round(fig_detail["subject"] / fig_detail["subject_gold"], 3) if fig_detail["subject_gold"] else 0.0,
        "measure_acc": round(fig_detail["measure"] / tpf, 3) if tpf else 0.0,
    }
    g_roles, g_parents, g_org, g_rec = corpus_relations(gold_docs)
    p_roles, p_parents, p_org, p_rec = pred_relations(g, [gd["doc"] for gd in gold_docs])
    result["roles"] = score_relation(g_roles, p_roles)
    result["parents"] = score_relation(g_parents, p_parents)
    result["organizers"] = score_relation(g_org, p_org)
    result["recipients"] = score_relation(g_rec, p_rec)
    ent = Counter()
    for key in list(ENTITY_CLASSES) + ["figures"]:
        ent.update(totals[key])
    result["overall_entities_and_figures"] = prf(ent["tp"], ent["fp"], ent["fn"])
    if args.show:
        result["details"] = report

    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    print(f"scored {result['articles']} articles with {result['engine']}")
    print(f"{'list':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for key in list(ENTITY_CLASSES) + ["figures", "reporters", "roles", "parents", "organizers", "recipients",
                                       "overall_entities_and_figures"]:
        s = result[key]
        print(f"{key[:12]:<12} {s['p']:>6.3f} {s['r']:>6.3f} {s['f1']:>6.3f} {s['tp']:>5} {s['fp']:>5} {s['fn']:>5}")
    fa = result["figure_attributes"]
    print("figure attributes over matched figures: " + ", ".join(f"{k}={v}" for k, v in fa.items()))
    if args.show:
        for doc, lists in report.items():
            for key, d in lists.items():
                for kind, items in d.items():
                    if items:
                        print(f"{doc} {key} {kind}: {'、'.join(map(str, items))}")
    o = result["overall_entities_and_figures"]
    print(f"overall entity+figure F1 {o['f1']:.3f}")


if __name__ == "__main__":
    main()
