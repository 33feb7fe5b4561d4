"""Case workspaces: the apply, evaluate and supervise steps of the evidence-based practice cycle.

A practitioner may save a case (de-identified on this machine first: ``deidentify``), with its COPES
question, the evidence chosen, the decision and the outcome log (``workspace``), optionally encrypted
(``crypto``), and export it as a supervision record or a teaching case study (``record``).
"""
