"""The `hhb` command line: Django's manage.py under the project's own name."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huishoudboekje.conf.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["hhb", *sys.argv[1:]])


if __name__ == "__main__":
    main()
