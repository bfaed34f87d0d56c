"""Ways to present and export extracted documents: the summary table, and the store's export formats.

Each format is a writer over what the store gives (event rows, story lines, document lines), so the
formats know no database: `FORMATS` maps a format name to its writer and to what it reads.
"""

from eventwire.export.writers import FORMATS, export

__all__ = ["FORMATS", "export"]
