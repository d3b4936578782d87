"""Browser tests: Sentier's pages in headless Chromium, checked with axe-core."""
