"""Regenerates girth-reference.csv: girth's MML estimates on the test data sets.

Run from the repository root with girth 0.8.0 (pip install girth==0.8.0):
    python3 Tests/QBankPsychometricsTests/Fixtures/make_girth_fixture.py ../shared/corpus/psychometrics
The tests compare qbank calibrate with the committed output and never run Python.
Data: iqitems scored against psych's keys, an omitted response scored wrong (0);
LSAT-6 expanded from lsat6.csv (pattern frequencies). girth's defaults: 41 quadrature
points on [-4.5, 4.5], theta ~ N(0, 1), logistic without the 1.7 constant.
"""
import csv, os, sys
import numpy as np
import girth
from girth import rasch_mml, twopl_mml, threepl_mml

# girth 0.8.0's threepl_mml fails on current NumPy/SciPy ("setting an array element with a
# sequence"): its difficulty search returns a 1-element array. Same search, scalar result.
from scipy.optimize import fminbound
from scipy.special import expit
threepl_module = sys.modules["girth.unidimensional.dichotomous.threepl_mml"]

def _mml_abstract_scalar(difficulty, scalar, discrimination, theta, distribution):
    for item_ndx in range(difficulty.shape[0]):
        def min_zero_local(estimate):
            integral = expit(discrimination[item_ndx] * (theta - estimate)).dot(distribution)
            return float(np.square(integral - scalar[item_ndx]).sum())
        difficulty[item_ndx] = fminbound(min_zero_local, -6, 6, xtol=1e-4)
    return difficulty

threepl_module._mml_abstract = _mml_abstract_scalar

here = os.path.dirname(os.path.abspath(__file__))
corpus = sys.argv[1]

def iqitems():
    keys = dict((row["item"], row["key"]) for row in csv.DictReader(open(os.path.join(corpus, "iqitems.keys.csv"))))
    rows = list(csv.reader(open(os.path.join(corpus, "iqitems.csv"))))
    items = rows[0][1:]
    scored = [[1 if row[1 + i] == keys[item] else 0 for i, item in enumerate(items)] for row in rows[1:]]
    return items, np.array(scored, dtype=int).T

def lsat6():
    patterns = [row for row in csv.reader(line for line in open(os.path.join(here, "lsat6.csv")) if not line.startswith("#"))][1:]
    columns = []
    for pattern, count in patterns:
        columns += [[int(ch) for ch in pattern]] * int(count)
    return ["item%d" % (i + 1) for i in range(5)], np.array(columns, dtype=int).T

out = csv.writer(open(os.path.join(here, "girth-reference.csv"), "w", newline=""), lineterminator="\n")
out.writerow(["data", "model", "item", "a", "b", "c"])
for name, (items, data) in [("iqitems", iqitems()), ("lsat6", lsat6())]:
    rasch = rasch_mml(data)
    for item, b in zip(items, rasch["Difficulty"]):
        out.writerow([name, "rasch", item, "1", "%.6f" % b, "0"])
    two = twopl_mml(data)
    for item, a, b in zip(items, two["Discrimination"], two["Difficulty"]):
        out.writerow([name, "2pl", item, "%.6f" % a, "%.6f" % b, "0"])
    three = threepl_mml(data)
    for item, a, b, c in zip(items, three["Discrimination"], three["Difficulty"], three["Guessing"]):
        out.writerow([name, "3pl", item, "%.6f" % a, "%.6f" % b, "%.6f" % c])
print("girth", girth.__version__ if hasattr(girth, "__version__") else "0.8.0")
