"""Session state: each browser session gets its own copy of the defaults."""

from __future__ import annotations

import sys

import pytest
from streamlit.testing.v1 import AppTest

from ebp_ui.common import STATE


def _one_session() -> None:
    import streamlit as st

    from ebp_ui.common import init_state

    init_state()
    st.session_state["upload_results"].append("kdrt.pdf")  # what the upload page does with its report
    st.session_state["f_designs"].append("rct")


def test_a_session_changing_a_list_leaves_the_defaults_and_other_sessions_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # AppTest runs the function as the process's __main__ and leaves it there: a parse worker spawned by a
    # later test would run this temporary script instead of the real one. Put the real __main__ back after.
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])
    first = AppTest.from_function(_one_session).run()
    second = AppTest.from_function(_one_session).run()
    assert not first.exception and not second.exception
    assert second.session_state["upload_results"] == ["kdrt.pdf"]  # its own list, not the first one's too
    assert STATE["upload_results"] == [] and STATE["f_designs"] == []
