"""Layout at phone size, measured in Debian's Chromium: how wide each page is at 390×844
(document scrollWidth; more than 390 means the page scrolls sideways) and where the catalog
table's first row starts on `/`.

    .venv/bin/python bench/phone_layout.py http://127.0.0.1:8000

Prints one line per page (figures in CSS pixels), for a server already running.
"""

from __future__ import annotations

import sys

from playwright.sync_api import ViewportSize, sync_playwright

PAGES = (
    "/",
    "/compare/mistral--mixtral-8x22b-instruct-vs-moonshotai--kimi-k2-instruct",
    "/models/moonshotai--kimi-k2-instruct",
    "/calculator?models=moonshotai--kimi-k2-instruct&models=mistral--mixtral-8x22b-instruct",
    "/providers",
    "/labs",
    "/benchmarks",
    "/providers/openrouter",
    "/labs/mistral",
    "/charts/price-vs-score",
    "/api",
)
VIEWPORT: ViewportSize = {"width": 390, "height": 844}


def main(base: str) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        context = browser.new_context(viewport=VIEWPORT, is_mobile=True)
        tab = context.new_page()
        for path in PAGES:
            response = tab.goto(base + path)
            status = response.status if response else 0
            width = tab.evaluate("document.documentElement.scrollWidth")
            line = f"{path[:60]:<62} status {status}  width {width} px"
            if path == "/":
                y = tab.evaluate(
                    "(() => { const r = document.querySelector('table.catalog tbody tr');"
                    " return r ? Math.round(r.getBoundingClientRect().top + scrollY) : -1; })()"
                )
                line += f"  first table row at y = {y} px"
            print(line)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
