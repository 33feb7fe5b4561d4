"""The pages of the Streamlit app (``app.py``): one module per page, plus what they share.

Streamlit only; the ``ebp`` package never imports this.
"""
