"""Honest figures for the appraisal: leave-one-domain-out, with bootstrap intervals.

    .venv/bin/python benchmarks/eval_appraisal.py [--shared ../shared] [--hold-back DOMAIN] [--errors DOMAIN] [--json]

For each domain (``benchmarks/appraisal_data.py``: psychiatry = StudyTypeTeller, biomed = SciFact and
NFCorpus records of the dev set, indonesian, social_work, criminology, education, policy) the design
model is trained on all the other domains and scored on the held-out one; so is the threshold under
which a label is flagged ``needs_checking``, chosen by a nested leave-one-domain-out inside the
training domains (the held-out domain never sets it). Reported: macro-F1 over all designs (the fully
labelled domains), macro-F1 over StudyTypeTeller's six groups, per-domain accuracy and RCT and
systematic-review recall, per-class recall, the worst domain, the share of labels that are wrong and
not flagged, and the stated sample size (exact, where the abstract states one). 95 % intervals are
percentile bootstraps over records (1,000 resamples, seed 0).

``--hold-back DOMAIN`` leaves a domain out of everything (training and scoring): used while the model
was developed, so that one domain stayed unseen until the end.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from appraisal_data import DESIGN_GROUP, GROUPS, load_all  # the script's own folder is on sys.path
from appraisal_model import (
    featurise,
    fit,
    fit_sample,
    gold_of,
    is_right,
    nested_sample_threshold,
    nested_threshold,
    node_labels,
    predict,
    sample_candidates,
)

from ebp.types import DESIGNS

ROOT = Path(__file__).resolve().parents[1]
BOOTSTRAP = 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--hold-back", action="append", default=[], help="leave a domain out of everything")
    parser.add_argument("--errors", action="append", default=[], help="list the mistakes on this source")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    records = [r for r in load_all(args.shared) if r["domain"] not in args.hold_back]
    if not any(r["domain"] == "psychiatry" for r in records):
        print(f"StudyTypeTeller not found under {args.shared}: psychiatry is not scored", file=sys.stderr)
    x = featurise(records)
    results = leave_one_domain_out(records, x)
    report = summarise(records, results)
    report["sample_size"] = sample_size_figures(records)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    for source in args.errors:  # a source (stt-train, scifact …), so that development reads only its own sets
        for r, res in zip(records, results, strict=True):
            gold = gold_of(r)
            if r["source"] == source and gold and not is_right(r, res["design"]):
                print(
                    f"{r['id']:>10} gold={gold:<32} pred={res['design']:<32} p={res['confidence']:.2f} "
                    f"{r['title'][:90]}"
                )
    return 0


def leave_one_domain_out(records: list[dict], x: np.ndarray) -> list[dict]:
    """Each record's predicted design, confidence and flag, from models that never saw its domain."""
    domains = sorted({r["domain"] for r in records})
    results: list[dict] = [{} for _ in records]
    for held in domains:
        train = [i for i, r in enumerate(records) if r["domain"] != held and node_labels(r)]
        test = [i for i, r in enumerate(records) if r["domain"] == held]
        threshold = nested_threshold([records[i] for i in train], x[train])
        model = fit([records[i] for i in train], x[train])
        for i, (design, confidence) in zip(test, predict(model, x[test]), strict=True):
            results[i] = {
                "design": design,
                "confidence": confidence,
                "flagged": confidence < threshold,
                "threshold": threshold,
            }
    return results


def summarise(records: list[dict], results: list[dict]) -> dict:
    from sklearn.metrics import f1_score, recall_score

    full = [(r, res) for r, res in zip(records, results, strict=True) if r["domain"] != "psychiatry" and r["design"]]
    stt = [(r, res) for r, res in zip(records, results, strict=True) if r["domain"] == "psychiatry" and r["group"]]
    scored = [(r, res) for r, res in zip(records, results, strict=True) if gold_of(r) is not None]
    out: dict = {"records": len(scored), "domains": {}}
    if full:
        gold = [r["design"] for r, _ in full]
        pred = [res["design"] for _, res in full]
        labels = [d for d in DESIGNS if d in gold]
        out["designs_macro_f1"] = _with_ci(
            gold, pred, lambda g, p: f1_score(g, p, labels=labels, average="macro", zero_division=0)
        )
        recalls = recall_score(gold, pred, labels=labels, average=None, zero_division=0)
        out["per_class_recall"] = {d: round(float(v), 3) for d, v in zip(labels, recalls, strict=True)}
        out["per_class_support"] = dict(Counter(gold))
        out["full_domains"] = len({r["domain"] for r, _ in full})
    if stt:
        gold = [r["group"] for r, _ in stt]
        pred = [DESIGN_GROUP.get(res["design"]) or "outside" for _, res in stt]
        out["stt_six_groups_macro_f1"] = _with_ci(
            gold, pred, lambda g, p: f1_score(g, p, labels=list(GROUPS), average="macro", zero_division=0)
        )
        recalls = recall_score(gold, pred, labels=list(GROUPS), average=None, zero_division=0)
        out["stt_group_recall"] = {g: round(float(v), 3) for g, v in zip(GROUPS, recalls, strict=True)}
    by_domain: dict[str, list] = defaultdict(list)
    for r, res in scored:
        by_domain[r["domain"]].append((r, res))
    for domain, pairs in sorted(by_domain.items()):
        out["domains"][domain] = _domain_figures(pairs)
    worst = min(out["domains"].items(), key=lambda kv: kv[1]["accuracy"])
    out["worst_domain"] = {"domain": worst[0], "accuracy": worst[1]["accuracy"]}
    wrong_unflagged = [not is_right(r, res["design"]) and not res["flagged"] for r, res in scored]
    unflagged = [is_right(r, res["design"]) for r, res in scored if not res["flagged"]]
    out["wrong_and_not_flagged"] = round(float(np.mean(wrong_unflagged)), 3)
    out["flagged_share"] = round(float(np.mean([res["flagged"] for _, res in scored])), 3)
    out["unflagged_right"] = round(float(np.mean(unflagged)), 3) if unflagged else None
    out["unflagged_right_of"] = [int(sum(unflagged)), len(unflagged)]
    if stt:  # StudyTypeTeller's RCT group by its three labels: the "non-intervention" ones are often other designs
        for kind in ("drug-intervention", "non-drug-intervention", "non-intervention"):
            hits = [is_right(r, res["design"]) for r, res in stt if r["stt_label"] == f"Human-RCT-{kind}"]
            out.setdefault("stt_rct_recall_by_label", {})[kind] = [int(sum(hits)), len(hits)]
        # What any reader of the abstract could reach: RCT-labelled abstracts that never mention chance
        # assignment, a trial or a placebo cannot be told apart from their text.
        rcts = [r for r, _ in stt if r["group"] == "rct"]
        silent = sum(not _TRIAL_WORDS.search(f"{r['title']} {r['abstract']}") for r in rcts)
        out["stt_rct_silent"] = [silent, len(rcts)]
    return out


_TRIAL_WORDS = re.compile(r"randomi[sz]|random(?:ly)? (?:assign|allocat)|placebo|controlled trial|clinical trial", re.I)


def _domain_figures(pairs: list) -> dict:
    right = [is_right(r, res["design"]) for r, res in pairs]
    fig: dict[str, float | int | None] = {"n": len(pairs), "accuracy": round(float(np.mean(right)), 3)}
    for target, group in (("rct", "rct"), ("systematic_review_meta_analysis", "systematic_review")):
        hits = [
            is_right(r, res["design"])
            for r, res in pairs
            if (r["group"] if r["domain"] == "psychiatry" else r["design"]) in (target, group)
        ]
        fig[f"{target}_recall"] = round(float(np.mean(hits)), 3) if hits else None
        fig[f"{target}_n"] = len(hits)
    fig["wrong_and_not_flagged"] = round(
        float(np.mean([not ok and not res["flagged"] for ok, (_, res) in zip(right, pairs, strict=True)])), 3
    )
    return fig


def _with_ci(gold: list, pred: list, metric) -> dict:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(0)
    gold_a, pred_a = np.asarray(gold, dtype=object), np.asarray(pred, dtype=object)
    values = []
    for _ in range(BOOTSTRAP):
        idx = rng.integers(0, len(gold), len(gold))
        values.append(metric(list(gold_a[idx]), list(pred_a[idx])))
    low, high = np.percentile(values, [2.5, 97.5])
    return {"value": round(float(metric(gold, pred)), 3), "ci95": [round(float(low), 3), round(float(high), 3)]}


def sample_size_figures(records: list[dict]) -> dict:
    """Stated sample size, leave-one-domain-out: exact where the abstract states one; abstaining where it does not.
    The abstain threshold comes from a nested leave-one-domain-out inside the training domains."""
    labelled = [r for r in records if r.get("has_sample_label")]
    found = sample_candidates(labelled)
    domains = sorted({r["domain"] for r in labelled})
    pred: list[int | None] = [None] * len(labelled)
    for held in domains:
        train = [i for i, r in enumerate(labelled) if r["domain"] != held]
        threshold = nested_sample_threshold([labelled[i] for i in train], [found[i] for i in train])
        model = fit_sample([labelled[i] for i in train], [found[i] for i in train], threshold=threshold)
        for i, r in enumerate(labelled):
            if r["domain"] == held:
                best = model.choose(found[i])
                pred[i] = best.value if best else None
    out: dict = {}
    for domain in [*domains, "all"]:
        idx = [i for i, r in enumerate(labelled) if domain in ("all", r["domain"])]
        stated = [i for i in idx if labelled[i]["sample_size"] is not None]
        null = [i for i in idx if labelled[i]["sample_size"] is None]
        exact = [pred[i] == labelled[i]["sample_size"] for i in stated]
        out[domain] = {
            "stated": len(stated),
            "exact": _with_ci_mean(exact) if stated else None,
            "abstained_when_none": round(float(np.mean([pred[i] is None for i in null])), 3) if null else None,
        }
    return out


def _with_ci_mean(values: list[bool]) -> dict:
    rng = np.random.default_rng(0)
    a = np.asarray(values, dtype=float)
    boots = [a[rng.integers(0, len(a), len(a))].mean() for _ in range(BOOTSTRAP)]
    low, high = np.percentile(boots, [2.5, 97.5])
    return {"value": round(float(a.mean()), 3), "ci95": [round(float(low), 3), round(float(high), 3)]}


def print_report(report: dict) -> None:
    def ci(d: dict) -> str:
        return f"{d['value']:.3f} [{d['ci95'][0]:.3f}–{d['ci95'][1]:.3f}]"

    print(f"leave-one-domain-out over {report['records']} labelled abstracts")
    if "designs_macro_f1" in report:
        n = report["full_domains"]
        print(f"macro-F1, all designs ({n} fully labelled domains): {ci(report['designs_macro_f1'])}")
    if "stt_six_groups_macro_f1" in report:
        print(f"macro-F1, StudyTypeTeller's six groups (psychiatry held out): {ci(report['stt_six_groups_macro_f1'])}")
        print("  group recall: " + ", ".join(f"{g} {v:.2f}" for g, v in report["stt_group_recall"].items()))
    print(
        f"wrong and not flagged: {report['wrong_and_not_flagged']:.3f}; flagged {report['flagged_share']:.3f}; "
        f"unflagged right {report['unflagged_right']} ({'/'.join(map(str, report['unflagged_right_of']))})"
    )
    if "stt_rct_recall_by_label" in report:
        print(
            "StudyTypeTeller RCT recall by its label: "
            + ", ".join(f"{k} {a}/{n}" for k, (a, n) in report["stt_rct_recall_by_label"].items())
        )
        silent, n = report["stt_rct_silent"]
        print(
            f"  of its {n} RCT abstracts, {silent} name no chance assignment, trial or placebo: "
            f"recall from the text alone is at most {(n - silent) / n:.3f}"
        )
    print(f"worst domain: {report['worst_domain']['domain']} (accuracy {report['worst_domain']['accuracy']:.3f})")
    print(f"\n{'domain':<13}{'n':>6}{'acc':>7}{'RCT rec':>9}{'SR rec':>8}{'wrong+unflagged':>17}")
    for domain, f in report["domains"].items():
        rct = f"{f['rct_recall']:.2f}/{f['rct_n']}" if f["rct_recall"] is not None else "-"
        sr = (
            f"{f['systematic_review_meta_analysis_recall']:.2f}/{f['systematic_review_meta_analysis_n']}"
            if f["systematic_review_meta_analysis_recall"] is not None
            else "-"
        )
        print(f"{domain:<13}{f['n']:>6}{f['accuracy']:>7.3f}{rct:>9}{sr:>8}{f['wrong_and_not_flagged']:>17.3f}")
    if "per_class_recall" in report:
        print(
            f"\nper-class recall ({report['full_domains']} fully labelled domains): "
            + ", ".join(
                f"{d} {v:.2f} ({report['per_class_support'][d]})" for d, v in report["per_class_recall"].items()
            )
        )
    print("\nstated sample size (leave-one-domain-out), exact where the abstract states one:")
    for domain, f in report["sample_size"].items():
        extra = f", abstains when none {f['abstained_when_none']}" if f.get("abstained_when_none") is not None else ""
        exact = ci(f["exact"]) if f["exact"] else "-"
        print(f"  {domain:<13} {exact} on {f['stated']}{extra}")


if __name__ == "__main__":
    sys.exit(main())
