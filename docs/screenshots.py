"""Screenshots for the README, taken from a running demo server with Debian's Chromium.

    make demo                       # or: manage.py migrate && manage.py load_demo && manage.py runserver
    .venv/bin/python docs/screenshots.py [--base-url http://127.0.0.1:8000] [--out docs/img]

Writes overview.png (1280 wide, full page), indicator-ct1.png, tasks.png, phone.png
(390 x 844, what a phone shows first) and overview-en.png (the overview in English).
"""

import argparse
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PROGRAMME = "/p/07-ctr-tu/"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# Every chart on the page drawn by Chart.js (pages without charts pass at once).
CHARTS_DRAWN = """() => {
  const canvases = [...document.querySelectorAll("canvas[data-chart], canvas[data-spark]")];
  return canvases.length === 0 || (window.Chart && canvases.every((c) => Chart.getChart(c)));
}"""


def _ready(page):
    page.wait_for_load_state("networkidle")
    page.wait_for_function(CHARTS_DRAWN)
    page.evaluate("document.fonts.ready")


def _shoot(page, out: Path, name: str, *, full_page: bool) -> Path:
    _ready(page)
    target = out / name
    page.screenshot(path=str(target), full_page=full_page, scale="css", animations="disabled")
    print(f"{target}  {target.stat().st_size // 1024} KB")
    return target


def _new_page(browser, base_url, viewport, **extra):
    context = browser.new_context(base_url=base_url, viewport=viewport, locale="vi-VN", **extra)
    context.set_default_timeout(20_000)
    return context, context.new_page()


def take(base_url: str, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    shots = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context, page = _new_page(browser, base_url, DESKTOP)
            page.goto(PROGRAMME)
            shots.append(_shoot(page, out, "overview.png", full_page=True))
            page.goto(PROGRAMME + "indicators/CT1/")
            shots.append(_shoot(page, out, "indicator-ct1.png", full_page=True))
            page.goto(PROGRAMME + "tasks/")
            shots.append(_shoot(page, out, "tasks.png", full_page=True))

            # The language switch, as a reader uses it.
            page.goto(PROGRAMME)
            page.get_by_role("button", name="English").click()
            expect(page.locator("html")).to_have_attribute("lang", "en")
            shots.append(_shoot(page, out, "overview-en.png", full_page=True))
            context.close()

            context, page = _new_page(browser, base_url, PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
            page.goto(PROGRAMME)
            shots.append(_shoot(page, out, "phone.png", full_page=False))
            context.close()
        finally:
            browser.close()
    return shots


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "img")
    args = parser.parse_args(argv)
    take(args.base_url.rstrip("/"), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
