"""`python -m duijie_ray`: see `duijie_ray.cli`."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
