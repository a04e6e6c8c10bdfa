"""Datasette plugins of the newsbot reading room, registered by :func:`archive.serve.make_datasette`.

Every piece of story data is untrusted: these plugins escape it before building any HTML, and
only ever add markup of their own (paragraphs, ``<mark>``, SVG shapes) around escaped text.
"""

from __future__ import annotations

from archive.plugins import charts, feeds, reading_room

PLUGIN_MODULES = (reading_room, charts, feeds)
