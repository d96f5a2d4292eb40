"""The ``tdkt`` command line: a thin layer over the library functions."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .versions import TDKT_VERSION

DEFAULT_DB = str(Path("warehouse") / "tdkt.duckdb")


def _progress_printer(stream=sys.stderr):
    tty = stream.isatty()
    last = [0.0]

    def show(done: int, total: int, r) -> None:
        name = Path(r.path).name
        if r.action == "skipped":
            what = "unchanged"
        elif r.status == "ok":
            what = f"{r.n_facts} facts, {r.seconds:.2f} s"
        else:
            what = f"{r.status}: {r.error}"
        line = f"[{done}/{total}] {r.action:<7} {name} ({what})"
        if tty:
            now = time.monotonic()
            if done == total or r.status != "ok" or now - last[0] > 0.1:
                last[0] = now
                stream.write("\r\033[K" + line[: max(20, os.get_terminal_size(stream.fileno()).columns - 1)])
                if r.status not in ("ok",) and r.action != "skipped":
                    stream.write("\n")
                stream.flush()
            if done == total:
                stream.write("\n")
        else:
            stream.write(line + "\n")
            stream.flush()

    return show


def _print_summary(summary, out=sys.stdout) -> None:
    loaded = summary.count("loaded")
    rerun = summary.count("rerun")
    skipped = summary.count("skipped")
    failed = summary.failed
    n = len(summary.results)
    facts = sum(r.n_facts for r in summary.results)
    out.write(f"{n} files in {summary.seconds:.1f} s: {loaded} read, {rerun} re-run through new rules, "
              f"{skipped} unchanged, {len(failed)} not readable; {facts} facts extracted (run {summary.run_id})\n")
    for r in failed:
        out.write(f"  {r.status:<11} {r.path}: {r.error}\n")
    from pipeline.reviews import orphan_note
    out.write(orphan_note(getattr(summary, "reviews", {}) or {}))
    partial = [r for r in summary.results if r.warnings and r.action != "skipped"]
    if partial:
        out.write(f"{len(partial)} read in part (documents.warnings):\n")
        for r in partial:
            for w in r.warnings:
                out.write(f"  partly      {r.path}: {w}\n")


def cmd_ingest(a) -> int:
    from pipeline.ingest import ingest
    from warehouse import connect

    con = connect(a.db)
    try:
        summary = ingest(a.paths, con, workers=a.workers, force=a.force,
                         progress=None if a.quiet else _progress_printer())
    finally:
        con.close()
    _print_summary(summary)
    return 0


def cmd_export(a) -> int:
    from warehouse import connect
    from warehouse.export import ExportError, export

    con = connect(a.db, read_only=True) if Path(a.db).exists() else connect(a.db)
    try:
        res = export(con, a.table, a.format, a.out)
    except ExportError as e:
        print(f"tdkt export: {e}", file=sys.stderr)
        return 2
    finally:
        con.close()
    for w in res.warnings:
        print(w, file=sys.stderr)
    if res.where != "stdout":
        print(f"wrote {res.rows} rows of {a.table} to {res.where}")
    return 0


def cmd_check(a) -> int:
    from pipeline.checks.commands import check_command
    return check_command(a.db, show_all=a.all, listing=a.list)


def cmd_nightly(a) -> int:
    from pipeline.checks.commands import nightly_command
    return nightly_command(a.inbox, a.db, wait=a.wait, workers=a.workers)


def cmd_compare(a) -> int:
    from pipeline.compare import compare_command
    return compare_command(a.db, metric=a.metric, period=a.period, award=a.award, limit=a.limit,
                           fmt=a.format)


def cmd_eval(a) -> int:
    from pipeline.evaluate import evaluate, evaluate_formats, report, report_formats, scored_files
    from warehouse import connect

    if not Path(a.gold_dir).is_dir():
        print(f"tdkt eval: {a.gold_dir} is not a folder of gold *.json files", file=sys.stderr)
        return 2
    con = connect(a.db, read_only=True)
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
    if what == "mark":
        return rc.mark_command(a.db, a.finding_id, a.verdict, a.note)
    if what in ("correct", "reject"):
        fields = {} if what == "reject" else dict(value=a.value, period=a.period, award=a.award,
                                                  recipient=a.recipient, subject=a.subject)
        return rc.correct_command(a.db, a.fact_id, reject=what == "reject", note=a.note, **fields)
    if what == "import":
        return rc.import_command(a.db, a.file)
    if what == "list":
        return rc.list_command(a.db, a.orphaned)
    return rc.site_command(a.db, a.out)


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
    for x in (m, c, r, i, ls):   # --db before or after the subcommand
        x.add_argument("--db", default=argparse.SUPPRESS, help=f"warehouse file (default: {DEFAULT_DB})")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tdkt", description="Read emulation and commendation reports into a "
                                "DuckDB warehouse, extract their figures and check them.")
    p.add_argument("--version", action="version", version=f"tdkt {TDKT_VERSION}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add_db(sp):
        sp.add_argument("--db", default=DEFAULT_DB, help=f"warehouse file (default: {DEFAULT_DB})")

    sp = sub.add_parser("ingest", help="read files and load what they say into the warehouse")
    sp.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (read recursively)")
    add_db(sp)
    sp.add_argument("--workers", type=int, default=1, help="parallel reader processes (default: 1)")
    sp.add_argument("--force", action="store_true", help="read every file again even when unchanged")
    sp.add_argument("-q", "--quiet", action="store_true", help="no per-file progress, only the summary")
    sp.set_defaults(func=cmd_ingest)

    sp = sub.add_parser("export", help="write a table or view to csv, parquet, jsonl or xlsx")
    sp.add_argument("table", metavar="TABLE", help="table or view name, e.g. facts, v_awards")
    add_db(sp)
    sp.add_argument("--format", choices=("csv", "parquet", "jsonl", "xlsx"), default="csv")
    sp.add_argument("--out", help="output file (default: TABLE.FORMAT here; '-' for standard output)")
    sp.set_defaults(func=cmd_export)

    sp = sub.add_parser("eval", help="score the warehouse against gold files (facts F1 per family, metadata, "
                                     "indicators, honorees, findings)")
    sp.add_argument("gold_dir", metavar="GOLD_DIR", help="folder of gold *.json files (paired by file stem)")
    add_db(sp)
    sp.add_argument("--json", metavar="FILE", help="also write the full result as JSON")
    sp.add_argument("--min-f1", type=float, default=0.0, help="exit 1 when facts F1 is below this")
    sp.add_argument("-q", "--quiet", action="store_true", help="only the summary, not each miss and extra")
    sp.add_argument("--format", help="score the file of this format (txt, docx, pdf, doc) for each gold document "
                                     "(default: each report's primary file, then a line per format)")
    sp.set_defaults(func=cmd_eval)

    sp = sub.add_parser("check", help="run every consistency check and rewrite the findings table")
    add_db(sp)
    sp.add_argument("--list", action="store_true", help="also print each error and warning with its file")
    sp.add_argument("--all", action="store_true",
                    help="count and list the findings marked false_alarm too (and, with --list, the info notes)")
    sp.set_defaults(func=cmd_check)

    sp = sub.add_parser("nightly", help="ingest an inbox, run the checks and record the run (one at a time)")
    sp.add_argument("inbox", nargs="+", metavar="INBOX", help="folder(s) with the reports to load")
    add_db(sp)
    sp.add_argument("--wait", type=float, default=600.0,
                    help="seconds to wait for another nightly run on the same warehouse (default: 600)")
    sp.add_argument("--workers", type=int, default=1, help="parallel reader processes (default: 1)")
    sp.set_defaults(func=cmd_nightly)

    sp = sub.add_parser("compare", help="rank districts on a metric (per-unit normalized where it means something)")
    add_db(sp)
    sp.add_argument("--metric", default="awards",
                    help="awards, award:<code>, poverty, near_poor, ntm, or a metric code (default: awards)")
    sp.add_argument("--period", help="period, e.g. 2022 (default: the latest with data)")
    sp.add_argument("--award", help="limit awards to one award code")
    sp.add_argument("--limit", type=int, default=50, help="rows to show (default: 50)")
    sp.add_argument("--format", choices=("table", "csv"), default="table")
    sp.set_defaults(func=cmd_compare)
    add_review_parser(sub, add_db)
    return p


def main(argv: list[str] | None = None) -> int:
    from warehouse.db import WarehouseError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except WarehouseError as e:
        print(f"tdkt {args.command}: {e}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("interrupted; documents already loaded are kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `tdkt check | head`: the reader went away; stop quietly like other Unix tools.
        import os
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
