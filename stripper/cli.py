"""The `stripper` command: clean, explain, check, fix, rules. A thin shell over documents.process.

Exit codes follow ruff: 0 nothing to report, 1 findings or changes, 2 an error. An
HTML page without article text gives 3 from `clean` (a warning, not a crash).
"""
from __future__ import annotations

import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterator

import click

from . import __version__
from .corpus import is_jsonl
from .documents import FORMATS, HTML_SUFFIXES, CorpusOutcome, Outcome, process
from .options import Options
from .report import (check_github, check_json, check_text, explain_text, findings, statistics,
                     unified_diff)
from .rules import RulePackError, load_rules
from .textio import InputError, NoContent, atomic_write, read_bytes

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_NO_CONTENT = 0, 1, 2, 3
WALK_SUFFIXES = frozenset({".txt", ".text"}) | HTML_SUFFIXES  # not .md: READMEs are not corpus text


def _split_codes(values: tuple[str, ...]) -> frozenset[str]:
    return frozenset(c.strip() for v in values for c in v.split(",") if c.strip())


def options_from(select: tuple[str, ...], ignore: tuple[str, ...], keep_provenance: bool,
                 rules: tuple[str, ...]) -> Options:
    return Options(select=_split_codes(select), ignore=_split_codes(ignore),
                   keep_provenance=keep_provenance, rule_paths=tuple(Path(r) for r in rules))


def common_options(fn: Callable) -> Callable:
    for deco in reversed([
        click.option("--select", multiple=True, metavar="CODES",
                     help="Only these rule codes, code prefixes or categories (comma-separated)."),
        click.option("--ignore", multiple=True, metavar="CODES",
                     help="Skip these rule codes, code prefixes or categories (comma-separated)."),
        click.option("--keep-provenance", is_flag=True,
                     help="Leave provenance lines in the text (they are still flagged)."),
        click.option("--rules", "rules", multiple=True, type=click.Path(), metavar="PATH",
                     help="Extra rule pack (TOML file or folder); repeatable."),
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True,
                     help="Input format; auto looks at the extension, then the content."),
        click.option("--encoding", default=None, metavar="NAME",
                     help="Decode text input with this codec instead of UTF-8 (e.g. cp1252)."),
        click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True,
                     help="Worker processes for many files or JSONL records (output order is kept)."),
        click.option("--text-field", default="text", show_default=True, metavar="NAME",
                     help="JSONL: the field that holds each record's text."),
    ]):
        fn = deco(fn)
    return fn


def error(path: str, message: str) -> None:
    click.echo(f"stripper: error: {path}: {message}", err=True)


def warn(path: str, message: str) -> None:
    click.echo(f"stripper: warning: {path}: {message}", err=True)


def expand(paths: tuple[str, ...]) -> Iterator[tuple[str, Path | None, Path | None]]:
    """(display name, file, root folder it came from); '-' is stdin. Folders are walked, sorted."""
    for p in paths or ("-",):
        if p == "-":
            yield "-", None, None
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and _walked(f)
                           and not any(part.startswith(".") for part in f.relative_to(path).parts))
            if not files:  # nothing to do is an error, not a silent success
                yield p, path, None
            for f in files:
                yield str(f), f, path
        else:
            yield p, path, None


def _walked(f: Path) -> bool:
    return f.suffix.lower() in WALK_SUFFIXES or is_jsonl(f.name)


AnyOutcome = Outcome | CorpusOutcome


def load(name: str, path: Path | None, opts: Options, fmt: str, encoding: str | None,
         jobs: int = 1, text_field: str = "text") -> AnyOutcome | InputError:
    """One input, or the reason it cannot be taken (returned, so a worker process can hand it back)."""
    try:
        data = sys.stdin.buffer.read() if path is None else read_bytes(path)
        return process(data, name, opts, fmt, encoding, jobs, text_field)
    except InputError as exc:
        return exc


MAX_RECORD_ERRORS = 10


def report_record_errors(name: str, outcome: AnyOutcome) -> None:
    """Bad records are kept as they were; say so once per record, but not a thousand times."""
    errors = outcome.record_errors
    if not errors:
        return
    records = sum(1 for r in outcome.records if r.raw.strip()) if isinstance(outcome, CorpusOutcome) else 0
    if len(errors) == records and len({reason for _, reason in errors}) == 1:
        error(name, f"{errors[0][1]} in any of its {records} records: not a text corpus? "
                    "(records kept as they were)")
        return
    for number, reason in errors[:MAX_RECORD_ERRORS]:
        error(f"{name}:{number}", f"{reason} (record kept as it was)")
    if len(errors) > MAX_RECORD_ERRORS:
        error(name, f"{len(errors) - MAX_RECORD_ERRORS} more bad records (kept as they were)")


def _load_star(args: tuple) -> AnyOutcome | InputError:
    return load(*args)


def run_each(paths: tuple[str, ...], opts: Options, fmt: str, encoding: str | None, jobs: int = 1,
             text_field: str = "text") -> Iterator[tuple[str, Path | None, Path | None, AnyOutcome | InputError]]:
    """Every input in order; a bad one is reported and handed back as its error, the rest go on.

    With jobs > 1 several files are read and cleaned in worker processes; a single JSONL
    file spreads its records over the workers instead.
    """
    items = list(expand(paths))
    files_parallel = jobs > 1 and len(items) > 1 and all(p is not None for _, p, _ in items)
    if files_parallel:
        pool = ProcessPoolExecutor(jobs)
        results = pool.map(_load_star, [(n, p, opts, fmt, encoding, 1, text_field) for n, p, _ in items], chunksize=4)
    else:
        pool = None
        results = (load(n, p, opts, fmt, encoding, jobs, text_field) for n, p, _ in items)
    try:
        for (name, path, root), outcome in zip(items, results):
            if isinstance(outcome, InputError):
                (warn if isinstance(outcome, NoContent) else error)(name, str(outcome))
            else:
                report_record_errors(name, outcome)
            yield name, path, root, outcome
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def write_out(name: str, target: Path, data: bytes) -> bool:
    """Atomic write; a failure (folder in the way, disk full) is one error line, and the rest go on."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data)
    except OSError as exc:
        error(name, f"cannot write {target}: {exc.strerror or exc}")
        return False
    return True


def guard_rules(opts: Options) -> None:
    """A broken pack stops everything before any file is touched."""
    try:
        load_rules(opts.rule_paths, opts.bundled)
    except RulePackError as exc:
        click.echo(f"stripper: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="stripper")
def main() -> None:
    """Remove boilerplate from news and web-article text; flag AI and syndication provenance."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Write cleaned files under this folder, mirroring the input tree.")
@click.option("--in-place", is_flag=True, help="Rewrite the input files (atomically).")
@click.option("--diff", is_flag=True, help="Print a unified diff instead; exit 1 if anything would change.")
@common_options
def clean(paths, out_dir, in_place, diff, select, ignore, keep_provenance, rules, fmt, encoding, jobs, text_field):
    """Clean PATH... (files, folders, or - for stdin)."""
    opts = options_from(select, ignore, keep_provenance, rules)
    guard_rules(opts)
    inputs = paths or ("-",)
    many = len(inputs) > 1 or any(Path(p).is_dir() for p in inputs if p != "-")
    if out_dir and in_place:
        raise click.UsageError("use either -o DIR or --in-place, not both")
    if many and not (out_dir or in_place or diff):
        raise click.UsageError("several inputs need -o DIR or --in-place (or --diff)")
    status, changed = EXIT_OK, False
    for name, path, root, outcome in run_each(inputs, opts, fmt, encoding, jobs, text_field):
        if isinstance(outcome, InputError):
            status = max(status, EXIT_NO_CONTENT if isinstance(outcome, NoContent) else EXIT_ERROR)
            continue
        if outcome.record_errors:
            status = EXIT_ERROR
        for w in outcome.warnings:
            warn(name, w)
        if diff:
            changed = changed or outcome.changed
            click.echo(unified_diff(outcome), nl=False)
        elif in_place:
            if path is None:
                raise click.UsageError("--in-place needs files, not stdin")
            if outcome.fmt == "html":
                error(name, "--in-place rewrites text files only; use -o DIR for HTML")
                status = EXIT_ERROR
            elif outcome.changed and not write_out(name, path, outcome.output):
                status = EXIT_ERROR
        elif out_dir:
            target = _mirror(Path(out_dir), name, path, root, outcome.fmt)
            if not write_out(name, target, outcome.output):
                status = EXIT_ERROR
        else:
            sys.stdout.buffer.write(outcome.output)
            sys.stdout.flush()
    if diff and changed and status == EXIT_OK:
        status = EXIT_FINDINGS
    sys.exit(status)


def _mirror(out_dir: Path, name: str, path: Path | None, root: Path | None, fmt: str) -> Path:
    if path is None:
        rel = Path("stdin.txt")
    elif root is not None:
        rel = path.relative_to(root)
    else:
        rel = Path(path.name)
    return out_dir / (rel.with_suffix(".txt") if fmt == "html" else rel)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per file.")
@click.option("--all-lines", is_flag=True, help="With --json, list kept lines too.")
@click.option("--color/--no-color", default=None, help="Colour the text view (default: on a TTY).")
@common_options
def explain(paths, as_json, all_lines, color, select, ignore, keep_provenance, rules, fmt, encoding, jobs, text_field):
    """Show every stripped line with its rule and category, and the provenance flags."""
    opts = options_from(select, ignore, keep_provenance, rules)
    guard_rules(opts)
    colour = sys.stdout.isatty() if color is None else color
    status = EXIT_OK
    for name, _path, _root, outcome in run_each(paths, opts, fmt, encoding, jobs, text_field):
        if isinstance(outcome, InputError) or outcome.record_errors:
            status = EXIT_ERROR
        if isinstance(outcome, InputError):
            continue
        for doc in outcome.documents():
            if as_json:
                d = doc.to_dict()
                if all_lines:
                    d["lines"] = [v.to_dict() for v in doc.result.verdicts]
                click.echo(json.dumps(d, ensure_ascii=False))
            else:
                click.echo(explain_text(doc, colour))
    sys.exit(status)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--output-format", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True)
@click.option("--statistics", "stats", is_flag=True, help="Count findings per rule instead of listing them.")
@common_options
def check(paths, output_format, stats, select, ignore, keep_provenance, rules, fmt, encoding, jobs, text_field):
    """Report what would be stripped: exit 0 clean, 1 findings, 2 error."""
    opts = options_from(select, ignore, keep_provenance, rules)
    guard_rules(opts)
    items, status = [], EXIT_OK
    for _name, _path, _root, outcome in run_each(paths, opts, fmt, encoding, jobs, text_field):
        if isinstance(outcome, InputError) or outcome.record_errors:
            status = EXIT_ERROR
        if isinstance(outcome, InputError):
            continue
        for doc in outcome.documents():
            items.extend(findings(doc))
    if stats:
        text = statistics(items)
    elif output_format == "json":
        text = check_json(items)
    elif output_format == "github":
        text = check_github(items)
    else:
        text = check_text(items)
    if text:
        click.echo(text)
    if output_format == "text" and not stats and items:
        click.echo(f"Found {len(items)} line(s) to strip.", err=True)
    sys.exit(status if status else (EXIT_FINDINGS if items else EXIT_OK))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@common_options
def fix(paths, select, ignore, keep_provenance, rules, fmt, encoding, jobs, text_field):
    """Strip in place, atomically: exit 1 if a file changed, 0 if nothing to do, 2 on error."""
    opts = options_from(select, ignore, keep_provenance, rules)
    guard_rules(opts)
    status, changed = EXIT_OK, 0
    for name, path, _root, outcome in run_each(paths, opts, fmt, encoding, jobs, text_field):
        if isinstance(outcome, InputError) or outcome.record_errors:
            status = EXIT_ERROR
        if isinstance(outcome, InputError):
            continue
        if path is None:
            error(name, "fix needs files, not stdin (use `clean -`)")
            status = EXIT_ERROR
        elif outcome.fmt == "html":
            error(name, "fix rewrites text files only; use `clean -o DIR` for HTML")
            status = EXIT_ERROR
        elif outcome.changed:
            if not write_out(name, path, outcome.output):
                status = EXIT_ERROR
                continue
            changed += 1
            n = sum(sum(d.result.counts.values()) for d in outcome.documents())
            click.echo(f"fixed {name}: {n} line(s) stripped", err=True)
    sys.exit(status if status else (EXIT_FINDINGS if changed else EXIT_OK))


from .cli_rules import rules_group  # noqa: E402  (registers `stripper rules`)

main.add_command(rules_group)
