"""Extraction quality on the project's copies of the seed gold and the dev set.

Floors, not targets: each is set a little under the score measured when it
was last raised, so a change that loses facts fails here.  Raise a floor
when a change lifts its score; never lower one to make a change pass.
The dev set (``tests/dev``, a copy of ``../shared/dev``) is what carries to
unseen articles; the seeds are what the first rules were written on.
"""
from pathlib import Path

import pytest

from graph.build import build
from graph.evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent

# list -> minimum F1; "overall" is the entity+figure micro F1.
SEED_FLOORS = {"overall": 0.95, "unions": 0.98, "persons": 0.97, "figures": 0.99, "reporters": 0.95, "parents": 0.98,
               "awards": 0.96, "recipients": 0.95, "programmes": 0.90, "organizers": 0.77, "roles": 0.95}
DEV_FLOORS = {"overall": 0.97, "unions": 0.97, "persons": 0.97, "figures": 0.985, "programmes": 0.90, "parents": 0.96,
              "awards": 0.96, "recipients": 0.93, "organizers": 0.845, "reporters": 0.95, "roles": 0.88}
# The unseen set (tests/data/unseen): articles written for this project from provinces and national
# industry unions the dev set lacks, gold first, never looked at while the rules were written for it.
UNSEEN_FLOORS = {"overall": 0.985, "unions": 0.98, "persons": 0.99, "figures": 0.98, "programmes": 0.925,
                 "awards": 0.92, "recipients": 0.99, "organizers": 0.925, "reporters": 0.95, "roles": 0.98,
                 "parents": 0.97}
# The held-out links set (tests/data/heldout-links): ten articles in styles the other sets lack (co-organised
# programmes, unquoted names, awards from national, provincial and industry bodies), gold first.
HELDOUT_LINKS_FLOORS = {"overall": 0.995, "unions": 0.98, "persons": 0.99, "figures": 0.98, "programmes": 0.98,
                        "awards": 0.98, "recipients": 0.99, "organizers": 0.79, "reporters": 0.98, "roles": 0.985,
                        "parents": 0.98}
# The third held-out links set (tests/data/heldout-links3): sixteen articles in styles the other sets lack
# (website and WeChat items, 换届 lists, county, township, enterprise and national industry unions, names without
# a Han surname), gold first; main scored overall .922 on q01-q13 and .789 on q14-q16 before the fixes they
# prompted (links-q3).
HELDOUT_LINKS3_FLOORS = {"overall": 0.98, "unions": 0.98, "persons": 0.98, "figures": 0.99, "programmes": 0.94,
                         "awards": 0.96, "recipients": 0.92, "organizers": 0.82, "reporters": 0.98, "roles": 0.96,
                         "parents": 0.99}
# figure attribute -> minimum accuracy over matched figures (year_open_acc: a figure whose gold
# year is null gets no year).  Kept ~0.015 under the score: the scorer pairs figures of equal value
# in the store's row order, which moves a few attributes when unrelated triples change.
SEED_ATTRIBUTE_FLOORS = {"year_acc": 0.95, "year_open_acc": 0.97, "measure_acc": 0.92, "subject_acc": 0.855}
DEV_ATTRIBUTE_FLOORS = {"year_acc": 0.985, "year_open_acc": 0.955, "measure_acc": 0.85, "subject_acc": 0.89}
UNSEEN_ATTRIBUTE_FLOORS = {"year_acc": 0.98, "year_open_acc": 0.98, "measure_acc": 0.94, "subject_acc": 0.885}
# Its 19 figures: one figure is .053 of an attribute, so these sit one figure under the score.
HELDOUT_LINKS_ATTRIBUTE_FLOORS = {"measure_acc": 0.89, "subject_acc": 0.89}
# 45 figures (.022 each): one figure under the score.
HELDOUT_LINKS3_ATTRIBUTE_FLOORS = {"measure_acc": 0.845, "subject_acc": 0.905}
# The held-out figures set (tests/data/heldout-figures): fourteen invented articles dense in figures, gold
# first; figures F1 and "overall" (its entity lists are few) and the figure attributes.
HELDOUT_FIGURE_FLOORS = {"figures": 0.98, "overall": 0.985, "approx_acc": 0.98, "year_acc": 0.98,
                         # its link lists, held out for the link rules (links-q2)
                         "persons": 0.98, "reporters": 0.98, "programmes": 0.95, "awards": 0.98, "roles": 0.98,
                         "organizers": 0.68,
                         "year_open_acc": 0.885, "measure_acc": 0.975, "subject_acc": 0.91}

# The third held-out figures set (tests/data/heldout-figures3): twelve invented articles (website items, WeChat
# headings, county, enterprise and national industry unions), gold first; its fair number on main was figures
# .991, year .696, subject .584 (README).  Its 19 null-year figures: one figure is .053 of year_open_acc.
HELDOUT_FIGURES3_FLOORS = {"figures": 0.99, "overall": 0.98, "unions": 0.96, "persons": 0.99, "programmes": 0.88,
                           "awards": 0.98, "reporters": 0.98, "recipients": 0.98,
                           # its link lists, held out for the link rules (links-q4: fair roles .649, organizers .480)
                           "roles": 0.99, "parents": 0.95, "organizers": 0.82}
HELDOUT_FIGURES3_ATTRIBUTE_FLOORS = {"approx_acc": 0.98, "year_acc": 0.985, "year_open_acc": 0.57,
                                     "measure_acc": 0.97, "subject_acc": 0.905}

# The fourth held-out links set (tests/data/heldout-q4-links): five invented articles (company unions named two
# ways, several elected to one post, Mongolian, Tibetan and Uyghur names, a Corps division, programmes named after
# a year), gold first; main scored overall .904, roles .606, organizers .526 on it before links-q4's fixes.
HELDOUT_Q4_LINKS_FLOORS = {"overall": 0.99, "unions": 0.99, "persons": 0.99, "figures": 0.99, "programmes": 0.99,
                           "awards": 0.99, "recipients": 0.99, "organizers": 0.94, "reporters": 0.99, "roles": 0.99,
                           "parents": 0.99}
# 17 figures (.059 each): one figure under the score.
HELDOUT_Q4_LINKS_ATTRIBUTE_FLOORS = {"approx_acc": 0.94, "year_acc": 0.94, "measure_acc": 0.94, "subject_acc": 0.64}
# The fourth held-out figures set (tests/data/heldout-q4-figures): five invented articles (送清凉 news, a WeChat
# item, an enterprise 职代会, a contest on a city union's website, a mutual-aid review), gold first; its fair number
# on main was figures 1.000, subject .824, year_open .357 (README).  51 figures (.02 each), 14 of them with a null
# year (.071 each): one figure under the score.
HELDOUT_Q4_FIGURES_FLOORS = {"figures": 0.99, "overall": 0.98, "unions": 0.98, "persons": 0.98, "reporters": 0.98,
                             "parents": 0.98, "programmes": 0.85, "roles": 0.98, "organizers": 0.7}
HELDOUT_Q4_FIGURES_ATTRIBUTE_FLOORS = {"approx_acc": 0.98, "year_acc": 0.98, "year_open_acc": 0.28,
                                       "measure_acc": 0.96, "subject_acc": 0.96}

# The fifth held-out links set (tests/data/heldout-q5-links): eight invented articles (Uyghur, Kazakh, Tibetan,
# Korean and Dai names, a union's 中心 and its head, a railway group's union by its short forms, a federation's
# officers elected, a 其中 breakdown naming a county-level city's union), gold first; main scored overall .924,
# roles .655, organizers .514 on it before links-q5's fixes (its README).  62 figures (.016 each).
HELDOUT_Q5_LINKS_FLOORS = {"overall": 0.985, "unions": 0.98, "persons": 0.98, "figures": 0.99, "programmes": 0.93,
                           "awards": 0.98, "recipients": 0.98, "organizers": 0.84, "reporters": 0.98, "roles": 0.98,
                           "parents": 0.98}
HELDOUT_Q5_LINKS_ATTRIBUTE_FLOORS = {"approx_acc": 0.98, "year_acc": 0.98, "year_open_acc": 0.98,
                                     "measure_acc": 0.95, "subject_acc": 0.885}  # centres: .871 -> .887
# The sixth held-out links set (tests/data/heldout-q6-links): eight invented articles (广西, 贵州, 海南, 宁夏,
# 内蒙古, 山西, 福建, 安徽; tobacco, chemical, defence, airport and zone unions; Zhuang, Yi, Hui and Mongolian
# names).  Main's fair number before the links-q6 fixes: overall .911, organizers .276, programmes .500; no figure
# rule was tuned on it before figures-q6b, whose fair number (main 82646a4) was year .807, year_open .833, subject
# .667, measure .984.  63 figures (.016 each), 57 with a year (.018 each), 6 with a null year (.17 each).
HELDOUT_Q6_LINKS_FLOORS = {"overall": 0.99, "unions": 0.995, "persons": 0.99, "figures": 0.99, "programmes": 0.885,
                           "awards": 0.99, "recipients": 0.99, "organizers": 0.64, "reporters": 0.99, "roles": 0.91,
                           "parents": 0.97}
HELDOUT_Q6_LINKS_ATTRIBUTE_FLOORS = {"approx_acc": 0.99, "year_acc": 0.80, "year_open_acc": 0.99,
                                     "measure_acc": 0.99, "subject_acc": 0.85}
# The fifth held-out figures set (tests/data/heldout-q5-figures): eight invented articles (东北, 西北 and 西南
# provinces and minority prefectures; 邮政, 金融, 能源 and 卫生 unions; a 代表大会, a legal-aid review, new-form workers
# joining), gold first; its fair number on main was overall .924, figures 1.000, year .798, subject .470, measure
# .915 (README).  117 figures (.0085 each), 3 of them with a null year (.33 each).
HELDOUT_Q5_FIGURES_FLOORS = {"figures": 0.99, "overall": 0.987, "unions": 0.99, "persons": 0.97, "reporters": 0.98,
                             "programmes": 0.885, "awards": 0.98, "roles": 0.99, "parents": 0.94, "organizers": 0.66}
HELDOUT_Q5_FIGURES_ATTRIBUTE_FLOORS = {"approx_acc": 0.98, "year_acc": 0.855, "year_open_acc": 0.66,
                                       "measure_acc": 0.94, "subject_acc": 0.875}

# The sixth held-out figures set (tests/data/heldout-q6-figures): eight invented articles (广西, 贵州, 海南, 宁夏,
# 内蒙古, 山西, 江西 and 福建; 金秋助学, a quarterly 帮扶 review, a 农垦 contest, a 经审会 audit, 工资集体协商 with
# thresholds, 创新工作室, 女职工 work, an 开发区 union's 夏送清凉), gold first; its fair number on main was overall
# .956, year .874, year_open .800, subject .702 (README, corrected gold).  121 figures (.008 each), 10 with a
# null year (.1 each).
# Its link lists are held out for the links helper's rules; links-q6b's fixes (tests/test_links_q6b.py) took
# them from unions .958, persons .941, programmes .750, roles .769, organizers .581, overall .964 to .980, 1.000,
# .970, .857, .788, .992 (left: disputed gold, see that helper's report); links-q7's (tests/test_links_q7.py)
# to unions 1.000, programmes 1.000, organizers .813, overall .997.
HELDOUT_Q6_FIGURES_FLOORS = {"figures": 0.99, "overall": 0.995, "unions": 0.995, "persons": 0.99, "reporters": 0.98,
                             "programmes": 0.995, "awards": 0.79, "roles": 0.85, "parents": 0.99, "organizers": 0.81,
                             "recipients": 0.98}
HELDOUT_Q6_FIGURES_ATTRIBUTE_FLOORS = {"approx_acc": 0.99, "year_acc": 0.935, "year_open_acc": 0.9,
                                       "measure_acc": 0.97, "subject_acc": 0.80}

# The seventh held-out figures set (tests/data/heldout-q7-figures): eight invented articles (重庆, 安徽, 天津, 吉林,
# 山东; 新就业形态劳动者入会, 职工医疗互助保障, a port group's 安康杯, a 春风行动 job fair, a 换届选举, 法律援助 and
# 劳动争议调解, an electricity federation's 创新创效 contest, 货车司机 and 司机之家), gold first; its fair number on
# main was overall .972, year .914, subject .709 (.756 on the corrected gold, README).  127 figures (.008 each), 16
# with a null year (.063 each).  Its link lists were held out for the links helper's rules: links-q7 at its phase-A
# tag (the fair cross number) took them from main's .972 to .985 (roles .783 -> .809, organizers .766 -> .816,
# programmes .833 -> .880), then tuned on it (tests/test_links_q7.py).
HELDOUT_Q7_FIGURES_FLOORS = {"figures": 0.99, "overall": 0.985, "unions": 0.995, "persons": 0.995,
                             "reporters": 0.995, "programmes": 0.92, "awards": 0.995, "roles": 0.895, "parents": 0.93,
                             "organizers": 0.86, "recipients": 0.995}
HELDOUT_Q7_FIGURES_ATTRIBUTE_FLOORS = {"approx_acc": 0.99, "year_acc": 0.985, "year_open_acc": 0.99,
                                       "measure_acc": 0.96, "subject_acc": 0.92}

# The seventh held-out links set (tests/data/heldout-q7-links): eight invented articles (河北, 浙江, 江西, 河南,
# 湖南; a port group's union electing its officers, new-form workers joining, legal aid, 职工医疗互助保障 by
# quarter, a 安康杯 contest, a 春风行动 job fair, a health-sector union, 劳模疗休养; Manchu, Korean, Hui, Tujia
# and Miao names), gold first; main's fair number was overall .950, roles .860, parents .889, organizers .585,
# recipients .800, programmes .762 (README); links-q7's fixes (tests/test_links_q7.py) took them to the floors
# below.  Its figures were held out for the figures helper's rules: figures-q7 at its phase-A tag (the fair cross
# number) took subject .506 -> .563, measure .931 -> .943 (year .940), then tuned on it (tests/test_figures_q7.py).
# 87 figures (.011 each), 3 with a null year.
HELDOUT_Q7_LINKS_FLOORS = {"overall": 0.99, "unions": 0.995, "persons": 0.995, "figures": 0.99, "programmes": 0.95,
                           "awards": 0.995, "recipients": 0.995, "organizers": 0.925, "reporters": 0.995,
                           "roles": 0.995, "parents": 0.995}
HELDOUT_Q7_LINKS_ATTRIBUTE_FLOORS = {"approx_acc": 0.99, "year_acc": 0.93, "year_open_acc": 0.99,
                                     "measure_acc": 0.935, "subject_acc": 0.72}  # centres: .655 -> .724


def _f1(result: dict, key: str) -> float:
    return result["overall_entities_and_figures" if key == "overall" else key]["f1"]


DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def set_scores(tmp_path_factory):
    """``set_scores(folder)``: build ``folder/texts`` once per module and score it against ``folder/gold``."""
    done: dict[Path, dict] = {}

    def scores(folder: Path) -> dict:
        if folder not in done:
            out = tmp_path_factory.mktemp(folder.name)
            build([folder / "texts"], out)
            done[folder] = evaluate(out / "graph.ttl", folder / "gold")
        return done[folder]
    return scores










def test_dev_copy_matches_its_manifest():
    import hashlib
    import json
    for manifest in (ROOT / "tests" / "dev" / "manifest").glob("*.json"):
        meta = json.loads(manifest.read_text(encoding="utf-8"))
        text = (ROOT / "tests" / "dev" / "texts" / f"{meta['id']}.txt").read_bytes()
        assert hashlib.sha256(text).hexdigest() == meta["sha256"], meta["id"]


@pytest.mark.parametrize("key", sorted(SEED_FLOORS))
def test_seed_floor(seed_graph, key):
    result = evaluate(seed_graph, ROOT / "tests" / "gold")
    assert result["articles"] == 5
    assert _f1(result, key) >= SEED_FLOORS[key], (key, result[key if key != "overall" else
                                                              "overall_entities_and_figures"])


# set -> (its folder of texts/ and gold/, articles it holds at least, floors of lists, floors of figure attributes)
_SETS = {
    "dev": (ROOT / "tests" / "dev", 21, DEV_FLOORS, DEV_ATTRIBUTE_FLOORS),
    "unseen": (DATA / "unseen", 30, UNSEEN_FLOORS, UNSEEN_ATTRIBUTE_FLOORS),
    "heldout-links": (DATA / "heldout-links", 10, HELDOUT_LINKS_FLOORS, HELDOUT_LINKS_ATTRIBUTE_FLOORS),
    "heldout-figures": (DATA / "heldout-figures", 10, HELDOUT_FIGURE_FLOORS, {}),
    "heldout-figures3": (DATA / "heldout-figures3", 12, HELDOUT_FIGURES3_FLOORS, HELDOUT_FIGURES3_ATTRIBUTE_FLOORS),
    "heldout-links3": (DATA / "heldout-links3", 16, HELDOUT_LINKS3_FLOORS, HELDOUT_LINKS3_ATTRIBUTE_FLOORS),
    "heldout-q4-links": (DATA / "heldout-q4-links", 5, HELDOUT_Q4_LINKS_FLOORS, HELDOUT_Q4_LINKS_ATTRIBUTE_FLOORS),
    "heldout-q4-figures": (DATA / "heldout-q4-figures", 5, HELDOUT_Q4_FIGURES_FLOORS,
                           HELDOUT_Q4_FIGURES_ATTRIBUTE_FLOORS),
    "heldout-q5-figures": (DATA / "heldout-q5-figures", 8, HELDOUT_Q5_FIGURES_FLOORS,
                           HELDOUT_Q5_FIGURES_ATTRIBUTE_FLOORS),
    "heldout-q5-links": (DATA / "heldout-q5-links", 8, HELDOUT_Q5_LINKS_FLOORS, HELDOUT_Q5_LINKS_ATTRIBUTE_FLOORS),
    "heldout-q6-figures": (DATA / "heldout-q6-figures", 8, HELDOUT_Q6_FIGURES_FLOORS,
                           HELDOUT_Q6_FIGURES_ATTRIBUTE_FLOORS),
    "heldout-q6-links": (DATA / "heldout-q6-links", 8, HELDOUT_Q6_LINKS_FLOORS, HELDOUT_Q6_LINKS_ATTRIBUTE_FLOORS),
    "heldout-q7-figures": (DATA / "heldout-q7-figures", 8, HELDOUT_Q7_FIGURES_FLOORS,
                           HELDOUT_Q7_FIGURES_ATTRIBUTE_FLOORS),
    "heldout-q7-links": (DATA / "heldout-q7-links", 8, HELDOUT_Q7_LINKS_FLOORS, HELDOUT_Q7_LINKS_ATTRIBUTE_FLOORS),
}


@pytest.mark.parametrize(("name", "key"), [(name, key) for name, (_, _, lists, attrs) in _SETS.items()
                                           for key in sorted({**lists, **attrs})])
def test_floor(set_scores, name, key):
    folder, articles, lists, attrs = _SETS[name]
    scores = set_scores(folder)
    assert scores["articles"] >= articles
    found = scores["figure_attributes"]
    score = found[key] if key in found else _f1(scores, key)
    assert score >= {**lists, **attrs}[key], (name, key, score, found)


@pytest.mark.parametrize("key", sorted(SEED_ATTRIBUTE_FLOORS))
def test_seed_figure_attribute_floor(seed_graph, key):
    attrs = evaluate(seed_graph, ROOT / "tests" / "gold")["figure_attributes"]
    assert attrs[key] >= SEED_ATTRIBUTE_FLOORS[key], (key, attrs)
