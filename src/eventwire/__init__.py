"""eventwire: raw news about armed conflict -> an auditable event dataset."""

__version__ = "0.1.0"
__all__ = ["__version__"]
