"""The ``tdkt`` command line: a thin layer over the library functions.

Exit statuses are listed in :mod:`pipeline.jobs`; a mistake in the arguments or
the configuration exits 2 with one line saying what is wrong.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import ConfigError, number
from .versions import TDKT_VERSION

EXIT_USAGE = 2


def _settings(a):
    from .config import load
    return load(config=a.config, db=a.db, wait=getattr(a, "wait", None), workers=getattr(a, "workers", None))


def _read_only(a, settings):
    """The warehouse opened read-only, or None after saying why not (exit 2)."""
    from warehouse import connect

    from .jobs import missing_warehouse
    if not settings.db.is_file():
        print(f"tdkt {a.command}: {missing_warehouse(settings)}", file=sys.stderr)
        return None
    return connect(settings.db, read_only=True)


def cmd_ingest(a) -> int:
    from .jobs import ingest_job
    return ingest_job(a.paths, _settings(a), force=a.force, quiet=a.quiet)


def cmd_nightly(a) -> int:
    from .jobs import nightly_job
    return nightly_job(a.inbox, _settings(a), force=a.force, quiet=a.quiet)


def cmd_check(a) -> int:
    from .jobs import check_job
    return check_job(_settings(a), show_all=a.all, listing=a.list)


def cmd_export(a) -> int:
    from warehouse.export import ExportError, export

    con = _read_only(a, _settings(a))
    if con is None:
        return EXIT_USAGE
    try:
        res = export(con, a.table, a.format, a.out)
    except ExportError as e:
        print(f"tdkt export: {e}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        con.close()
    for w in res.warnings:
        print(w, file=sys.stderr)
    if res.where != "stdout":
        print(f"wrote {res.rows} rows of {a.table} to {res.where}")
    return 0


def cmd_compare(a) -> int:
    from pipeline.compare import compare_command

    from .jobs import missing_warehouse

    s = _settings(a)
    if not s.db.is_file():
        print(f"tdkt compare: {missing_warehouse(s)}", file=sys.stderr)
        return EXIT_USAGE
    return compare_command(str(s.db), metric=a.metric, period=a.period, award=a.award, limit=a.limit,
                           fmt=a.format)


def cmd_eval(a) -> int:
    from pipeline.evaluate import evaluate, evaluate_formats, report, report_formats, scored_files

    if not Path(a.gold_dir).is_dir():
        print(f"tdkt eval: {a.gold_dir} is not a folder of gold *.json files", file=sys.stderr)
        return EXIT_USAGE
    con = _read_only(a, _settings(a))
    if con is None:
        return EXIT_USAGE
    try:
        sc = evaluate(con, a.gold_dir, a.format)
        per_format = {} if a.format else evaluate_formats(con, a.gold_dir)
    finally:
        con.close()
    print(f"scoring {'the .' + a.format + ' file' if a.format else 'the primary file of each report'}"
          f" for each gold document")
    scored_files(sc, sys.stdout)
    report(sc, sys.stdout, details=not a.quiet)
    report_formats(per_format, sys.stdout)
    if a.json:
        import json
        from dataclasses import asdict
        Path(a.json).write_text(json.dumps(dict(summary=sc.summary(), docs=[asdict(d) for d in sc.docs],
                                                formats={k: v.summary() for k, v in per_format.items()}),
                                           ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return 0 if sc.f1 >= a.min_f1 else 1


def cmd_review(a) -> int:
    from . import review_commands as rc
    what = getattr(a, "review_command", None)
    settings = _settings(a)
    if what == "mark":
        return rc.mark_command(settings, a.finding_id, a.verdict, a.note)
    if what in ("correct", "reject"):
        fields = {} if what == "reject" else dict(value=a.value, period=a.period, award=a.award,
                                                  recipient=a.recipient, subject=a.subject)
        return rc.correct_command(settings, a.fact_id, reject=what == "reject", note=a.note, **fields)
    if what == "import":
        return rc.import_command(settings, a.file)
    if what == "list":
        return rc.list_command(settings, a.orphaned)
    return rc.site_command(settings, a.out)


def add_review_parser(sub, add_db) -> None:
    sp = sub.add_parser("review", help="build the HTML review site (default), or record verdicts and corrections",
                        description="Without a subcommand: write a static review site (offline HTML) to --out.")
    add_db(sp)
    sp.add_argument("--out", default="review", help="folder for the review site (default: ./review)")
    sp.set_defaults(func=cmd_review)
    rs = sp.add_subparsers(dest="review_command", metavar="SUBCOMMAND")
    m = rs.add_parser("mark", help="mark a finding confirmed or false_alarm")
    m.add_argument("finding_id", metavar="FINDING_ID", help="the finding's id (or a unique prefix)")
    m.add_argument("verdict", metavar="VERDICT", help="confirmed or false_alarm")
    m.add_argument("--note", help="why (kept with the verdict)")
    c = rs.add_parser("correct", help="correct a fact's value, period, award, recipient or subject")
    c.add_argument("fact_id", metavar="FACT_ID", help="the fact's id (or a unique prefix)")
    c.add_argument("--value", help="the right value (10,43 or 10.43; 1.234 is one thousand two hundred ...)")
    c.add_argument("--period", help="the right period: 2022, 2023-H1, 2023-Q3, 2021-2025")
    c.add_argument("--award", help="the right award code (see docs/RULES.md)")
    c.add_argument("--recipient", help="tap_the, ca_nhan, ho_gia_dinh or mixed")
    c.add_argument("--subject", help="the place or body the figure is about, e.g. 'xã Quang Hán'")
    c.add_argument("--note", help="why")
    r = rs.add_parser("reject", help="reject a fact (not a figure of the report): left out of views and checks")
    r.add_argument("fact_id", metavar="FACT_ID")
    r.add_argument("--note", help="why")
    i = rs.add_parser("import", help="read the verdict and ghi_chu columns of an exported findings .xlsx")
    i.add_argument("file", metavar="FILE.xlsx")
    ls = rs.add_parser("list", help="list every review and where it points now")
    ls.add_argument("--orphaned", action="store_true", help="only reviews whose finding or fact is gone")
    for x in (sp, m, c, r, i):
        x.add_argument("--wait", type=_checked("wait"), default=argparse.SUPPRESS if x is not sp else None,
                       help="seconds to wait for a nightly run or another writer to finish (default: 600, or "
                            "the config's wait)")
    for x in (m, c, r, i, ls):   # --db and --config before or after the subcommand
        x.add_argument("--db", default=argparse.SUPPRESS, help="warehouse file (as for 'tdkt review')")
        x.add_argument("--config", metavar="FILE", default=argparse.SUPPRESS, help="settings file")


# --- arguments ---------------------------------------------------------------------------
def _checked(key: str):
    """An argparse type that applies the config's validation to a flag."""
    def parse(text: str):
        try:
            value = float(text) if "." in text or "e" in text.lower() else int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number")
        try:
            return number(key, value, f"--{key}")
        except ConfigError as e:
            raise argparse.ArgumentTypeError(str(e).split(": ", 1)[-1])
    parse.__name__ = key
    return parse


def _positive_int(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number")
    if v < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {v}")
    return v


def _fraction(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number")
    if not 0 <= v <= 1:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {v:g}")
    return v


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tdkt", description="Read emulation and commendation reports into a "
                                "DuckDB warehouse, extract their figures and check them.")
    p.add_argument("--version", action="version", version=f"tdkt {TDKT_VERSION}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add_db(sp):
        sp.add_argument("--db", help="warehouse file (default: $TDKT_DB, else the config file's db, else "
                                     "warehouse/tdkt.duckdb under the current directory)")
        sp.add_argument("--config", metavar="FILE", help="settings file (default: $TDKT_CONFIG, "
                        "~/.config/tdkt/config.toml or /etc/tdkt/config.toml; see docs/DEPLOY.md)")

    def add_writer(sp, wait_help: str):
        sp.add_argument("--wait", type=_checked("wait"), help=wait_help + " (default: 600, or the config's wait)")
        sp.add_argument("--workers", type=_checked("workers"),
                        help="reader processes working in parallel (default: 1, or the config's workers)")
        sp.add_argument("--force", action="store_true",
                        help="read every file again, even unchanged ones and ones stopped at a limit")
        sp.add_argument("-q", "--quiet", action="store_true", help="no per-file progress, only the summary")

    sp = sub.add_parser("ingest", help="read files and load what they say into the warehouse")
    sp.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (read recursively)")
    add_db(sp)
    add_writer(sp, "seconds to wait for another run or a program writing to the warehouse")
    sp.set_defaults(func=cmd_ingest)

    sp = sub.add_parser("export", help="write a table or view to csv, parquet, jsonl or xlsx")
    sp.add_argument("table", metavar="TABLE", help="table or view name, e.g. facts, v_awards")
    add_db(sp)
    sp.add_argument("--format", choices=("csv", "parquet", "jsonl", "xlsx"), default="csv")
    sp.add_argument("--out", help="output file or folder (default: TABLE.FORMAT here; '-' for standard output)")
    sp.set_defaults(func=cmd_export)

    sp = sub.add_parser("eval", help="score the warehouse against gold files (facts F1 per family, metadata, "
                                     "indicators, honorees, findings)")
    sp.add_argument("gold_dir", metavar="GOLD_DIR", help="folder of gold *.json files (paired by file stem)")
    add_db(sp)
    sp.add_argument("--json", metavar="FILE", help="also write the full result as JSON")
    sp.add_argument("--min-f1", type=_fraction, default=0.0, help="exit 1 when facts F1 is below this")
    sp.add_argument("-q", "--quiet", action="store_true", help="only the summary, not each miss and extra")
    sp.add_argument("--format", help="score the file of this format (txt, docx, pdf, doc) for each gold document "
                                     "(default: each report's primary file, then a line per format)")
    sp.set_defaults(func=cmd_eval)

    sp = sub.add_parser("check", help="run every consistency check and rewrite the findings table")
    add_db(sp)
    sp.add_argument("--list", action="store_true", help="also print each error and warning with its file")
    sp.add_argument("--all", action="store_true",
                    help="count and list the findings marked false_alarm too (and, with --list, the info notes)")
    sp.add_argument("--wait", type=_checked("wait"),
                    help="seconds to wait for another run or a program writing to the warehouse (default: 600)")
    sp.set_defaults(func=cmd_check)

    sp = sub.add_parser("nightly", help="ingest an inbox, run the checks and record the run (one at a time; "
                                        "analysts' read-only connections never block it)")
    sp.add_argument("inbox", nargs="+", metavar="INBOX", help="folder(s) with the reports to load")
    add_db(sp)
    add_writer(sp, "seconds to wait for another nightly run or a program writing to the warehouse")
    sp.set_defaults(func=cmd_nightly)

    sp = sub.add_parser("compare", help="rank districts on a metric (per-unit normalized where it means something)")
    add_db(sp)
    sp.add_argument("--metric", default="awards",
                    help="awards, award:<code>, poverty, near_poor, ntm, or a metric code (default: awards)")
    sp.add_argument("--period", help="period, e.g. 2022 (default: the latest with data)")
    sp.add_argument("--award", help="limit awards to one award code")
    sp.add_argument("--limit", type=_positive_int, default=50, help="rows to show (default: 50)")
    sp.add_argument("--format", choices=("table", "csv"), default="table")
    sp.set_defaults(func=cmd_compare)
    add_review_parser(sub, add_db)
    return p


def main(argv: list[str] | None = None) -> int:
    from warehouse.db import WarehouseError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ConfigError as e:
        print(f"tdkt {args.command}: {e}", file=sys.stderr)
        return EXIT_USAGE
    except WarehouseError as e:
        print(f"tdkt {args.command}: {e}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `tdkt check | head`: the reader went away; stop quietly like other Unix tools.
        import os
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
