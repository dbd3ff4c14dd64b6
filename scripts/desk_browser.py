"""Debian's Chromium for the hand-run browser checks (playwright drives /usr/bin/chromium; nothing is
downloaded). The flags keep Chromium off the closed network; the site's name is mapped to 127.0.0.1."""

CHROMIUM = "/usr/bin/chromium"


def launch(playwright, site: str):
	return playwright.chromium.launch(
		executable_path=CHROMIUM,
		args=[
			f"--host-resolver-rules=MAP {site} 127.0.0.1",
			"--no-sandbox",
			"--disable-gpu",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
			"--no-first-run",
		],
	)
