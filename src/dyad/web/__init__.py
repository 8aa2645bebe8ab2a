"""dyad's web surface: a read-only JSON API and a page for researchers (``dyad serve``).

from dyad.web import create_app
app = create_app("dyad.db")   # a FastAPI app; run it with uvicorn
"""

from __future__ import annotations

from dyad.web.app import create_app

__all__ = ["create_app"]
