"""ebp — an offline evidence-based-practice literature assistant for social workers."""

__version__ = "0.1.0"
