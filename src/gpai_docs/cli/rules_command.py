"""`gpai-docs rules`."""

from __future__ import annotations

import click

from gpai_docs.cli import EXIT_ERROR


@click.command("rules")
@click.argument("action", type=click.Choice(["list", "explain"]), default="list")
@click.argument("code", required=False)
@click.option(
    "--markdown",
    is_flag=True,
    help="Print the full rule reference as Markdown (this is docs/rules.md).",
)
def rules_command(action: str, code: str | None, markdown: bool) -> None:
    """List the rules, or explain one: `gpai-docs rules explain MD004`."""
    from gpai_docs.validate.rules import RULES

    if markdown:
        from gpai_docs.report.rule_reference import rules_markdown

        click.echo(rules_markdown(), nl=False)
        return
    if action == "explain":
        rule = RULES.get((code or "").upper())
        if rule is None:
            click.echo(f"error: no rule {code!r}; `gpai-docs rules` lists them", err=True)
            raise SystemExit(EXIT_ERROR)
        click.echo(
            f"{rule.code} {rule.name} ({rule.severity.label})\nReference: {rule.reference}"
            f"\nCatalogue: {', '.join(rule.catalogue_ids)}\n\n{rule.doc}"
        )
        return
    for rule in sorted(RULES.values(), key=lambda r: r.code):
        click.echo(f"{rule.code}  {rule.severity.label:<7}  {rule.name:<40}  {rule.summary}")
