"""The command line: thin wrappers, each calling one library function (STYLE.md practice 7)."""
