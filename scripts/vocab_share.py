#!/usr/bin/env python3
"""How much of the rules' Vietnamese vocabulary lives in Python and how much in data.

Counts Vietnamese word tokens in the string literals of ``rules/*.py`` and
``pipeline/checks/*.py`` (docstrings, comments and the literal parts of
f-strings -- the analyst's messages -- left out) against those in the
string values of ``rules/**/*.toml`` (comments and the ``examples`` lists left
out: examples are test text, not vocabulary).  A token is Vietnamese when it
carries a Vietnamese letter outside ASCII (``đ``, a vowel with a tone or hat) or
is one of the toneless syllables listed below.  Regex escapes (``\\d``, ``\\s``)
are removed first, so ``\\bnăm\\b`` counts once.

usage: scripts/vocab_share.py [--per-file] [--top N]
"""
from __future__ import annotations

import argparse
import ast
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY_DIRS = [ROOT / "rules", ROOT / "pipeline" / "checks"]
TOML_DIR = ROOT / "rules"

# toneless Vietnamese syllables that are also plain ASCII words; enough to count
# the common vocabulary ("khen", "thi", "so", "theo") without counting code names
TONELESS = set("""
an anh ba ban bang cao chi cho chung co con cu cuoi dan danh dau den di dia don gia giao
hai hay hanh hoa hoan hoi huyen khen khi khoa khu kinh la lam lang lao len lien loai
luong mai moi mot muc nam nay nghe ngoai nguoi nhan nhieu nhung nong phan phong phuong
qua quan que sao sau so sinh ta tai tam tan tang tay than thanh theo thi thon thu thuc tien
tinh toan tong tra trang tren trong truong tu tuan va van vi vien vien vien voi xa xuan xom
khoi thong hang hop kho tham tri trinh nhat nhi cong cap tich tieu chuan kieu mau nao ngay
""".split())

_ESCAPE = re.compile(r"\\[A-Za-z]")
_TOKEN = re.compile(r"[^\W\d_]+")


def vietnamese_tokens(s: str) -> list[str]:
    s = _ESCAPE.sub(" ", s)
    out = []
    for t in _TOKEN.findall(s.lower()):
        if any(ord(c) > 127 for c in t) or (t in TONELESS):
            out.append(t)
    return out


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                ids.add(id(body[0].value))
    return ids


def _fstring_parts(tree: ast.AST) -> set[int]:
    """The literal parts of f-strings: the sentences of messages for the analyst, output rather
    than vocabulary (a plain literal is always counted, even when it ends up in a message)."""
    return {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}


def python_tokens(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstring_nodes(tree) | _fstring_parts(tree)
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            out.extend(vietnamese_tokens(node.value))
    return out


def _strings(obj, key: str = "") -> list[str]:
    if key in ("examples", "counter_examples", "not", "doc", "description"):
        return []
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for k, v in obj.items() for s in _strings(k, "") + _strings(v, k)]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v, key)]
    return []


def toml_tokens(path: Path) -> list[str]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [t for s in _strings(data) for t in vietnamese_tokens(s)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-file", action="store_true", help="list the count of every file")
    ap.add_argument("--top", type=int, default=0, help="the N Python files with most vocabulary")
    a = ap.parse_args(argv)
    py = {p: python_tokens(p) for d in PY_DIRS for p in sorted(d.glob("*.py"))}
    data = {p: toml_tokens(p) for p in sorted(TOML_DIR.rglob("*.toml"))}
    n_py = sum(len(v) for v in py.values())
    n_data = sum(len(v) for v in data.values())
    if a.per_file or a.top:
        rows = sorted(((len(v), p) for p, v in {**py, **data}.items()), reverse=True)
        if a.top:
            rows = [r for r in rows if r[1].suffix == ".py"][:a.top]
        for n, p in rows:
            print(f"{n:6d}  {p.relative_to(ROOT)}")
    total = n_py + n_data
    share = n_py / total if total else 0.0
    print(f"Vietnamese vocabulary tokens: python {n_py}, data {n_data}; share in python {share:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
