"""``python -m asisten_cli`` runs the ``asisten`` command."""

from asisten_cli.main import main

main()
