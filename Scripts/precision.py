#!/usr/bin/env python3
"""Precision of the item-quality rules (QB2xx-QB5xx) on real banks, against hand labels.

Imports the third-party banks of ../shared/corpus with `qbank import` (into a temporary folder, under the
MLA-C01 blueprint, every item as domain 1 / task 1.1), lints them and the sample bank with `qbank lint
--format json`, and joins the findings with Tests/QBankCLITests/Precision/labels.tsv (one labelled finding a
line: bank, rule, item, message, TP/FP, "yes" when a false positive was fixed or "dropped" when a true positive
is no longer reported on purpose, and a one-line reason).

  Scripts/precision.py            precision per rule over the labelled findings still reported
  Scripts/precision.py --check    exit 1 when a labelled true positive disappears or a fixed false positive returns
  Scripts/precision.py --sample   up to 20 unlabelled findings per rule (seeded), as label lines to fill in
  Scripts/precision.py --rates    findings per 100 items of every rule in each bank (share of items), as Markdown
"""
import csv, json, os, random, shutil, subprocess, sys, tempfile
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))



def corpus_folder():
    """../shared/corpus/banks beside the repository (or beside the folder of a git worktree), or $QBANK_CORPUS."""
    if os.environ.get("QBANK_CORPUS"):
        return os.environ["QBANK_CORPUS"]
    parent = os.path.dirname(ROOT)
    for base in (parent, os.path.dirname(parent)):
        folder = os.path.join(base, "shared", "corpus", "banks")
        if os.path.isdir(folder):
            return folder
    return None


CORPUS = corpus_folder()
LABELS = os.path.join(ROOT, "Tests", "QBankCLITests", "Precision", "labels.tsv")
QBANK = os.environ.get("QBANK", os.path.join(ROOT, ".build", "debug", "qbank"))
SELECT = "QB2,QB3,QB4,QB5"
SEED, PER_RULE = 15, 20
# bank name -> paths under ../shared/corpus/banks that `qbank import` reads
IMPORTS = {
    "kananinirav-clf-c02": ["kananinirav-clf-c02/practice-exam"],
    "mmlu-csv": ["mmlu-csv/machine_learning_dev.csv", "mmlu-csv/machine_learning_test.csv", "mmlu-csv/machine_learning_val.csv"],
    "moodle-fixtures": ["moodle-fixtures/questions.aiken.txt", "moodle-fixtures/questions.gift.txt"],
    "canvas-qti-fixtures": ["canvas-qti-fixtures"],
}
FIELDS = ["bank", "rule", "item", "message", "label", "fixed", "reason"]


def run(args, cwd):
    return subprocess.run([QBANK] + args, cwd=cwd, capture_output=True, text=True)


def findings(select=SELECT):
    """Every finding of the selected rules as (bank, rule, item, message), and each bank's item count."""
    found = []
    with tempfile.TemporaryDirectory(prefix="qbank-precision-") as work:
        for bank, sources in IMPORTS.items():
            folder = os.path.join(work, bank)
            os.makedirs(folder)
            shutil.copy(os.path.join(ROOT, "Banks", "mla-c01", "blueprint.json"), folder)
            result = run(["import", *[os.path.join(CORPUS, s) for s in sources], "--into", folder, "--domain", "1", "--task", "1.1"], work)
            if result.returncode not in (0, 1):
                sys.exit(f"precision: importing {bank} failed: {result.stderr}")
            found += lint(bank, folder, work, select)
    found += lint("mla-c01", os.path.join(ROOT, "Banks", "mla-c01"), ROOT, select)
    return found


ITEMS = {}


def lint(bank, folder, cwd, select):
    result = run(["lint", folder, "--format", "json", "--exit-zero", "--no-progress", "--select", select], cwd)
    if result.returncode != 0:
        sys.exit(f"precision: linting {bank} failed: {result.stderr}")
    report = json.loads(result.stdout)
    ITEMS[bank] = report["summary"]["items"]
    return [(bank, f["rule"], f.get("item") or "", f["message"]) for f in report["findings"]]


def rates():
    """Findings per 100 items and the share of items with one, per rule and bank."""
    found = findings("ALL")
    banks = list(IMPORTS) + ["mla-c01"]
    count, items = defaultdict(int), defaultdict(set)
    for bank, rule, item, _ in found:
        count[(rule, bank)] += 1
        items[(rule, bank)].add(item)
    print("| rule | " + " | ".join(f"{bank} ({ITEMS[bank]})" for bank in banks) + " |")
    print("|---|" + "---|" * len(banks))
    for rule in sorted({rule for rule, _ in count}):
        cells = []
        for bank in banks:
            n = count[(rule, bank)]
            cells.append(f"{100 * n / ITEMS[bank]:.1f} ({100 * len(items[(rule, bank)]) / ITEMS[bank]:.0f}%)" if n else "0")
        print(f"| {rule} | " + " | ".join(cells) + " |")


def labels():
    if not os.path.exists(LABELS):
        return {}
    with open(LABELS, newline="", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["bank"] and not r["bank"].startswith("#")]
    return {(r["bank"], r["rule"], r["item"], r["message"]): r for r in rows}


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "--report"
    if CORPUS is None:
        print("precision: ../shared/corpus not found (set QBANK_CORPUS); skipped")
        sys.exit(77 if mode == "--check" else 2)
    if mode == "--rates":
        rates()
        return
    current = findings()
    present = set(current)
    known = labels()
    if mode == "--check":
        problems = []
        for key, row in sorted(known.items()):
            if row["label"] == "TP" and row["fixed"] != "dropped" and key not in present:
                problems.append(f"labelled true positive gone: {row['rule']} {row['item']} ({row['bank']}): {row['message']}")
            if row["label"] == "FP" and row["fixed"] == "yes" and key in present:
                problems.append(f"fixed false positive is back: {row['rule']} {row['item']} ({row['bank']}): {row['message']}")
        print("\n".join(problems) if problems else f"precision corpus: {len(known)} labels hold")
        sys.exit(1 if problems else 0)
    if mode == "--sample":
        by_rule = defaultdict(list)
        for finding in sorted(present):
            if finding not in known:
                by_rule[finding[1]].append(finding)
        writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        for rule in sorted(by_rule):
            labelled = sum(1 for k in known if k[1] == rule and k in present)
            pool = by_rule[rule]
            for finding in random.Random(f"{SEED}-{rule}").sample(pool, min(len(pool), max(0, PER_RULE - labelled))):
                writer.writerow([*finding, "", "", ""])
        return
    counts = defaultdict(lambda: [0, 0, 0, 0, 0])  # findings, TP, FP (still reported), FP fixed, TP dropped
    for finding in current:
        counts[finding[1]][0] += 1
    for key, row in known.items():
        if row["label"] == "TP" and key in present:
            counts[key[1]][1] += 1
        elif row["label"] == "FP" and key in present:
            counts[key[1]][2] += 1
        elif row["label"] == "FP":
            counts[key[1]][3] += 1
        elif row["fixed"] == "dropped":
            counts[key[1]][4] += 1
    # Every QB2xx-QB5xx rule, also those with no finding on these banks (precision "-": nothing to measure).
    listed = run(["rules"], ROOT).stdout.split()
    for code in listed:
        if len(code) == 5 and code[:3] in ("QB2", "QB3", "QB4", "QB5"):
            counts[code]
    print(f"{'rule':6} {'findings':>8} {'labelled':>8} {'TP':>4} {'FP':>4} {'precision':>9} {'fixed FP':>8} {'dropped TP':>10}")
    for rule in sorted(counts):
        total, tp, fp, fixed, dropped = counts[rule]
        labelled = tp + fp
        precision = f"{100 * tp / labelled:.0f}%" if labelled else "-"
        print(f"{rule:6} {total:8} {labelled:8} {tp:4} {fp:4} {precision:>9} {fixed:8} {dropped:10}")


if __name__ == "__main__":
    main()
