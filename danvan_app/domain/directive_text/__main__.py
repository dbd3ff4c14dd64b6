"""``python -m danvan_app.domain.directive_text FILE [--json]``."""

import sys

from danvan_app.domain.directive_text.cli import main

sys.exit(main())
