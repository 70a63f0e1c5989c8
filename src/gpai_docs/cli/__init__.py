"""The command line: parses options, calls the library, prints, and sets the exit code.

Commands are imported only when they run, so that `gpai-docs validate` does not pay for
the PDF stack or the crawl engines.
"""

from __future__ import annotations

import importlib
import os
from typing import Any

import click

from gpai_docs.errors import InternalError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

_COMMANDS = {
    "init": (
        "gpai_docs.cli.init_command",
        "init_command",
        "Write a commented scaffold of the three documents.",
    ),
    "validate": (
        "gpai_docs.cli.validate_command",
        "validate_command",
        "Check a project against the Code and the AI Act.",
    ),
    "schema": (
        "gpai_docs.cli.schema_command",
        "schema_command",
        "Write the JSON Schemas of the documents.",
    ),
    "rules": ("gpai_docs.cli.rules_command", "rules_command", "List the rules, or explain one."),
    "build": (
        "gpai_docs.cli.build_command",
        "build_command",
        "Build Markdown and PDF artifacts for every audience.",
    ),
    "release": (
        "gpai_docs.cli.release_command",
        "release_command",
        "Write an immutable, verifiable release of every artifact.",
    ),
    "verify": (
        "gpai_docs.cli.verify_command",
        "verify_command",
        "Check a release against its manifest.",
    ),
    "diff": (
        "gpai_docs.cli.diff_command",
        "diff_command",
        "Show what changed between two releases or projects.",
    ),
    "keygen": (
        "gpai_docs.cli.keygen_command",
        "keygen_command",
        "Create an Ed25519 key pair for signing releases.",
    ),
    "history": (
        "gpai_docs.cli.history_command",
        "history_command",
        "List the releases of a model.",
    ),
    "export": (
        "gpai_docs.cli.export_command",
        "export_command",
        "Export to Hugging Face model cards, CycloneDX or Word.",
    ),
    "import": (
        "gpai_docs.cli.import_command",
        "import_command",
        "Pre-fill a project from a Hugging Face model card.",
    ),
    "completion": (
        "gpai_docs.cli.completion_command",
        "completion_command",
        "Print the shell completion script for bash, zsh or fish.",
    ),
    "domains": (
        "gpai_docs.cli.domains_command",
        "domains_command",
        "Compute the top crawled domains (summary section 2.3).",
    ),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name, (module, _, _) in _COMMANDS.items() if _exists(module)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _COMMANDS or not _exists(_COMMANDS[cmd_name][0]):
            return None
        module, attribute, _ = _COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module), attribute)
        if not isinstance(command, click.Command):
            raise InternalError(f"{module}.{attribute} is not a command")
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, _COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _exists(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gpai-docs", prog_name="gpai-docs")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text report: auto colours on a terminal unless NO_COLOR is set "
    "(FORCE_COLOR colours in a pipe too); always and never override both.",
)
def cli(color: str) -> None:
    """Keep EU AI Act documentation for a general-purpose AI model as YAML or JSON,
    validate it against the GPAI Code of Practice, and publish it.

    A project is a folder with model-documentation.yaml, training-data-summary.yaml
    and copyright-policy.yaml. Start with `gpai-docs init DIR`, then
    `gpai-docs validate DIR`.

    Exit codes: 0 clean, 1 findings, 2 usage or tool error.
    """
    del color  # read by the commands that colour (color_setting)


def color_setting() -> str:
    """The group's ``--color`` (auto, always or never), ``auto`` outside the group."""
    context = click.get_current_context(silent=True)
    value = context.find_root().params.get("color") if context is not None else None
    return value if isinstance(value, str) else "auto"


def main(argv: list[str] | None = None) -> Any:
    """Console entry point."""
    # Scanning every installed distribution for pydantic plugins costs a noticeable share
    # of a cold `validate`; the command line has no use for them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    return cli.main(args=argv, prog_name="gpai-docs")
