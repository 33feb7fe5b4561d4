"""Run inside ASReview's own virtual environment (.venv-asreview), never ebp's: ASReview's default model
(``elas_u4``: TF-IDF 1-2-grams, linear SVM, balanced sampling, max query) replays a labelled CSV from given prior
records, exactly as ``asreview simulate --prior-idx … --seed …`` does (TopDown until the model can be fitted, then
``elas_u4``), and prints the screening order as JSON: {"seed": s, "order": [row indices], "seconds": t}.

Usage: python asreview_runner.py DATA.csv JOBS.json   (JOBS: [{"seed": 1, "prior": [row, row]}, ...])
"""

import json
import sys
import time

import numpy as np
from asreview import load_dataset
from asreview.learner import ActiveLearningCycle
from asreview.models.models import get_ai_config
from asreview.models.queriers import TopDown
from asreview.models.stoppers import IsFittable, LastRelevant
from asreview.simulation.simulate import Simulate


def main(data: str, jobs_file: str) -> None:
    jobs = json.load(open(jobs_file))
    with load_dataset(data, dataset_id="data") as db:
        df = db.input.get_df()
        labels = db.input["included"]
        for job in jobs:
            np.random.seed(job["seed"])
            cycles = [
                ActiveLearningCycle(querier=TopDown(), stopper=IsFittable()),
                ActiveLearningCycle.from_meta(get_ai_config("elas_u4")["value"]),
            ]
            sim = Simulate(df, labels, cycles, stopper=LastRelevant(), print_progress=False)
            sim.label(job["prior"])
            start = time.perf_counter()
            sim.review()
            seconds = time.perf_counter() - start
            order = [int(r) for r in sim._results["record_id"].values]
            print(json.dumps({"seed": job["seed"], "order": order, "seconds": seconds}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
