"""Screenshots of a page at desktop and phone width, into $SCREENSHOT_DIR when it is set
(the deals and techmart browser tests use it; nothing is written otherwise)."""

import os
from pathlib import Path


def shoot(page, name: str) -> None:
    folder = os.environ.get("SCREENSHOT_DIR")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    for label, width in (("desktop", 1280), ("phone", 390)):
        page.set_viewport_size({"width": width, "height": 900})
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        page.screenshot(path=f"{folder}/{name}-{label}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
