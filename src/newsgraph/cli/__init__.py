"""The command line: thin wrappers, each calling one library function (STYLE.md practice 7).

Commands import the library modules they run (the pipeline, the store, a benchmark) inside their own bodies: every
command module is loaded to build ``--help``, and a query or ``--help`` should not pay for the extraction stack,
numpy or the executors it never uses."""
