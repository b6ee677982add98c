"""`stripper rules list | show CODE | test [DIR]`: the packs and heuristics, and their self-tests."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .heuristics import HEURISTICS
from .rules import Rule, RulePackError, check_examples, load_pack, load_rules, pack_files


def _bundled():
    try:
        return load_rules()
    except RulePackError as exc:
        click.echo(f"stripper: error: {exc}", err=True)
        sys.exit(2)


@click.group("rules")
def rules_group() -> None:
    """List, show and test rule packs."""


@rules_group.command("list")
@click.option("--category", default=None, help="Only this category.")
def list_rules(category: str | None) -> None:
    """Every rule and heuristic: code, category, action, where it looks, what it finds."""
    rs = _bundled()
    rows = [(r.code, r.category, r.action, r.position_text, r.message) for r in rs.rules]
    rows += [(h.code, h.category, "strip", "context (code)", h.message) for h in HEURISTICS]
    for code, cat, action, where, msg in sorted(rows):
        if category and cat != category:
            continue
        click.echo(f"{code:7} {cat:23} {action:6} {where:24} {msg}")


@rules_group.command("show")
@click.argument("code")
def show_rule(code: str) -> None:
    """One rule in full: patterns, limits and examples."""
    rs = _bundled()
    rule = rs.by_code(code.upper())
    if rule is None:
        h = next((h for h in HEURISTICS if h.code == code.upper()), None)
        if h is None:
            click.echo(f"stripper: error: no rule {code!r}", err=True)
            sys.exit(2)
        click.echo(f"{h.code}  {h.category}  (heuristic in code: {h.fn.__module__}.{h.fn.__name__})")
        click.echo(f"  {h.message}")
        if h.fn.__doc__:
            click.echo(f"  {h.fn.__doc__.strip()}")
        return
    _show(rule)


def _show(rule: Rule) -> None:
    click.echo(f"{rule.code}  {rule.category}  action={rule.action}  flags={','.join(sorted(rule.flags)) or '-'}")
    click.echo(f"  {rule.message}")
    click.echo(f"  pack: {rule.source}")
    click.echo(f"  position: {rule.position_text}; chars {rule.min_chars}..{rule.max_chars or '∞'}"
               + (f"; at most {rule.max_words} words" if rule.max_words else ""))
    for p in rule.patterns:
        click.echo(f"  pattern: {p.pattern}")
    for ex in rule.match:
        click.echo(f"  match:   {ex}")
    for ex in rule.keep:
        click.echo(f"  keep:    {ex}")


@rules_group.command("test")
@click.argument("paths", nargs=-1, type=click.Path())
def test_rules(paths: tuple[str, ...]) -> None:
    """Run the match/keep examples of the packs in PATHS (default: the bundled packs).

    Exit 0 when every example behaves, 1 when one does not, 2 when a pack is broken.
    """
    try:
        files = pack_files([Path(p) for p in paths]) if paths else list(map(Path, _bundled().files))
        if not files:
            raise RulePackError(", ".join(paths), "no *.toml rule packs found")
        rules = [r for f in files for r in load_pack(f)]
    except RulePackError as exc:
        click.echo(f"stripper: error: {exc}", err=True)
        sys.exit(2)
    problems = [p for r in rules for p in check_examples(r)]
    for p in problems:
        click.echo(p)
    n_examples = sum(len(r.match) + len(r.keep) for r in rules)
    click.echo(f"{len(rules)} rules, {n_examples} examples in {len(files)} pack(s): "
               f"{'all pass' if not problems else f'{len(problems)} failing'}")
    sys.exit(1 if problems else 0)
