"""eventwire: news articles in, sourced, geocoded, time-resolved political event data out."""

import logging

__version__ = "0.1.0"
__all__ = ["__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
