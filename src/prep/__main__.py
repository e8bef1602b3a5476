"""`python -m prep` runs the CLI, as the `prep` console script does."""

from prep.cli.app import main

main()
