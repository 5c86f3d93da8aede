"""Regenerates girth-reference.csv: girth's MML estimates on the test data sets.

Run from the repository root with girth 0.8.0 (pip install girth==0.8.0):
    python3 Tests/QBankPsychometricsTests/Fixtures/make_girth_fixture.py ../shared/corpus/psychometrics
The tests compare qbank calibrate with the committed output and never run Python.
Data: iqitems scored against psych's keys, an omitted response scored wrong (0);
LSAT-6 expanded from lsat6.csv (pattern frequencies). girth's defaults: 41 quadrature
points on [-4.5, 4.5], theta ~ N(0, 1), logistic without the 1.7 constant.

Model "rasch-ml": girth's rasch_mml sets each b so that the proportion correct expected under
N(0, 1) equals the observed one (a moment match, the maximum likelihood only when a = 1 fits).
These rows are the maximum of the same marginal likelihood (a = 1, theta ~ N(0, 1), girth's
Gauss-Legendre quadrature) found by SciPy's L-BFGS-B with the analytic gradient, started at
girth's estimates: the reference for qbank's Rasch, which maximises that likelihood by EM.
"""
import csv, os, sys
import numpy as np
import girth
from girth import rasch_mml, twopl_mml, threepl_mml

# girth 0.8.0's threepl_mml fails on current NumPy/SciPy ("setting an array element with a
# sequence"): its difficulty search returns a 1-element array. Same search, scalar result.
from scipy.optimize import fminbound
from scipy.special import expit
from scipy.optimize import minimize
from scipy.stats import norm
from girth.utilities.utils import _get_quadrature_points
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

def rasch_ml(data, start):
    """The b's maximising the Rasch (a = 1) marginal likelihood under N(0, 1), on girth's quadrature."""
    patterns, counts = np.unique(data, axis=1, return_counts=True)
    theta, weights = _get_quadrature_points(41, -4.5, 4.5)
    prior = norm.pdf(theta) * weights
    x = patterns.T.astype(float)

    def negative_log_likelihood(b):
        p = expit(theta[None, :] - b[:, None])
        log_l = x @ np.log(p) + (1 - x) @ np.log1p(-p)
        top = log_l.max(axis=1, keepdims=True)
        joint = np.exp(log_l - top) * prior
        total = joint.sum(axis=1)
        posterior = joint / total[:, None]
        gradient = ((x[:, :, None] - p[None, :, :]) * posterior[:, None, :]).sum(axis=2).T @ counts
        return -(np.log(total) + top[:, 0]) @ counts, gradient

    result = minimize(negative_log_likelihood, np.array(start, dtype=float), jac=True, method="L-BFGS-B",
                      options={"gtol": 1e-10, "ftol": 1e-15, "maxiter": 10000})
    assert result.success, result.message
    return result.x

out = csv.writer(open(os.path.join(here, "girth-reference.csv"), "w", newline=""), lineterminator="\n")
out.writerow(["data", "model", "item", "a", "b", "c"])
for name, (items, data) in [("iqitems", iqitems()), ("lsat6", lsat6())]:
    rasch = rasch_mml(data)
    for item, b in zip(items, rasch["Difficulty"]):
        out.writerow([name, "rasch", item, "1", "%.6f" % b, "0"])
    for item, b in zip(items, rasch_ml(data, rasch["Difficulty"])):
        out.writerow([name, "rasch-ml", item, "1", "%.6f" % b, "0"])
    two = twopl_mml(data)
    for item, a, b in zip(items, two["Discrimination"], two["Difficulty"]):
        out.writerow([name, "2pl", item, "%.6f" % a, "%.6f" % b, "0"])
    three = threepl_mml(data)
    for item, a, b, c in zip(items, three["Discrimination"], three["Difficulty"], three["Guessing"]):
        out.writerow([name, "3pl", item, "%.6f" % a, "%.6f" % b, "%.6f" % c])
print("girth", girth.__version__ if hasattr(girth, "__version__") else "0.8.0")
