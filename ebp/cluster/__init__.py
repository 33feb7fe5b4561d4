"""Scale-out on a Ray cluster (issue 16): the same reading, chunking, describing and embedding as the
laptop, run by pools of Ray actors, written into an ordinary ebp index folder.

Needs the optional extra (``pip install -e .[cluster]``). Nothing outside this package imports it,
and ``ebp.cli`` imports it only for ``ebp index --cluster``: the laptop never imports ``ray``.
"""
