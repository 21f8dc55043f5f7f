"""The CLI reference (docs/CLI.md) generated from the commands' own --help, so docs cannot drift from code."""
from __future__ import annotations

import click


def _walk(group: click.Group, prefix: tuple[str, ...] = ()):
    for name in sorted(group.commands):
        command = group.commands[name]
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from _walk(command, prefix + (name,))


def render(cli: click.Group) -> str:
    """Markdown with one section per command and its --help text."""
    parts = ["# CLI reference", "",
             "Generated from `--help` by `python -m newsgraph.cli.reference > docs/CLI.md`; a test keeps it current.",
             ""]
    # Fixed width and help names, so the file depends neither on the terminal nor on which context click built
    # first (it caches each command's help option).
    width = {"terminal_width": 100, "max_content_width": 100, "help_option_names": ["-h", "--help"]}
    root = click.Context(cli, info_name="newsgraph", **width)
    parts += ["## newsgraph", "", "```", cli.get_help(root).rstrip(), "```", ""]
    for path, command in _walk(cli):
        ctx = click.Context(command, info_name="newsgraph " + " ".join(path), **width)
        parts += [f"## newsgraph {' '.join(path)}", "", "```", command.get_help(ctx).rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover
    from .main import cli
    print(render(cli), end="")
