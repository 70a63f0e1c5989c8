"""`gpai-docs completion`: print click's shell-completion script for bash, zsh or fish."""

from __future__ import annotations

import click
from click.shell_completion import get_completion_class

PROG_NAME = "gpai-docs"
# click derives this name from the program name; the script and the CLI must agree on it.
COMPLETE_VAR = "_GPAI_DOCS_COMPLETE"
SHELLS = ("bash", "zsh", "fish")


def completion_script(shell: str) -> str:
    """The script that makes ``shell`` complete gpai-docs commands, options and paths."""
    from gpai_docs.cli import cli

    completer = get_completion_class(shell)
    if completer is None:  # click dropped a shell: a gpai-docs bug, not a user error
        raise click.UsageError(f"click has no completion for {shell}.")
    return completer(cli, {}, PROG_NAME, COMPLETE_VAR).source()


@click.command("completion")
@click.argument("shell", type=click.Choice(SHELLS), metavar="SHELL")
def completion_command(shell: str) -> None:
    """Print the shell-completion script for SHELL (bash, zsh or fish).

    Completion covers commands, options, choices and file paths. Load it once in the
    current shell, or install it where the shell looks for completions.

    \b
    Examples:
      # bash, this shell only / every new shell:
      eval "$(gpai-docs completion bash)"
      gpai-docs completion bash > ~/.local/share/bash-completion/completions/gpai-docs
    \b
      # zsh (a folder on $fpath; run compinit after):
      gpai-docs completion zsh > "${fpath[1]}/_gpai-docs"
    \b
      # fish:
      gpai-docs completion fish > ~/.config/fish/completions/gpai-docs.fish
    """
    click.echo(completion_script(shell))
