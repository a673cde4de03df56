"""The `gongwen` command's first code: nothing heavy is imported yet.

A Ctrl-C while Python imports click, lxml and the pipeline (the first
tenth of a second) would otherwise end in a KeyboardInterrupt traceback.
"""

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:       # what click would print, answered before click and lxml are imported
        from converter import __version__

        sys.stdout.write(f"gongwen, version {__version__}\n")
        return
    try:
        from converter.cli import main as command

        command()
    except KeyboardInterrupt:
        sys.stderr.write("gongwen: interrupted\n")
        sys.exit(130)
