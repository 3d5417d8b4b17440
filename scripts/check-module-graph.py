#!/usr/bin/env python3
"""Checks that no Rust crate of the workspace has an import cycle between its modules.

Each file is one node, named by its module path (`src/components/board.rs` is
`components::board`; `lib.rs` is `crate`, `mod.rs` its folder; a `main.rs` beside
a `lib.rs` is `main`, the binary's root). Inline modules count as their file.

An edge A -> B means that file A names something of module B, in a `use`
(grouped ones included) or in a path written in the code: `crate::x::y`,
`super::x`, `self::x`, a path starting with a child module's name, or with a
name that a `use` brought in (`use crate::store;` then `store::open()`).
A `mod` declaration alone is not an edge: it places a file, it names nothing
in it. Comments and string literals are skipped. A path goes to the deepest module
that exists; a name that a module only re-exports (`pub use x::Name`) is
followed to the module that defines it, so a crate root that re-exports its
children is a facade, not a cycle with them. Every edge between distinct files
counts, a parent's on its child too, because a cycle is a cycle either way:
neither file can be read, tested or moved without the other. Only test code
is left out (everything inside a `#[cfg(test)]` module, inline or in its own
file): a module's tests depend on it by design.

Exit status 1 lists every cycle (a strongly connected component of two or more
modules, found with Tarjan's algorithm); `--print` also prints the graph.
"""
import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

DEFAULT_CRATE_DIRS = ["src", "contract/src", "reference-api/src"]
NON_CODE = re.compile(r"""//[^\n]*|/\*.*?\*/|b?r(\#*)".*?"\1|b?"(?:\\.|[^"\\])*"|b?'(?:\\.|[^'\\])'""", re.S)
TOKENS = re.compile(
    r"(?P<mod>((?:\#\[[^\]]*\]\s*)*)\b(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*([{;]))"
    r"|(?P<use>(pub(?:\([^)]*\))?\s+)?\buse\s+([^;]+);)"
    r"|(?P<path>(?<![\w$:])\w+(?:\s*::\s*\w+)+)"
    r"|(?P<open>\{)|(?P<close>\})"
)


def blank(match):
    return re.sub(r"[^\n]", " ", match.group(0))


def use_paths(tree):
    """`a::{b, c::{self, d as e}, f::*}` -> [a::b as b, a::c as c, a::c::d as e, a::f as None]."""
    tokens = re.findall(r"::|\w+|[{},*]", tree)
    position = 0

    def parse(prefix):
        nonlocal position
        segments, name = list(prefix), None
        while position < len(tokens) and tokens[position] not in (",", "}"):
            token = tokens[position]
            position += 1
            if token == "{":
                found = []
                while position < len(tokens) and tokens[position] != "}":
                    found += parse(segments)
                    position += tokens[position : position + 1] == [","]
                position += 1
                return found
            if token == "as":
                name = tokens[position]
                position += 1
            elif token == "*":
                name = "*"
            elif token == "self" and segments:
                name = segments[-1]
            elif token != "::":
                segments.append(token)
                name = token
        return [(segments, None if name == "*" else name)] if segments else []

    return parse([])


def scan(path, context, modules, is_test_file):
    """Yields (kind, data) for each reference and re-export of a file, with test code left out."""
    code = NON_CODE.sub(blank, path.read_text(encoding="utf-8"))
    code = re.sub(r"pub\(in [^)]*\)", "pub", code)
    depth, stack = 0, []  # stack of (inline module name, its depth, is test)
    imported = {}  # a name that a `use` brought in -> the path it stands for
    for token in TOKENS.finditer(code):
        in_test = is_test_file or any(test for _, _, test in stack)
        where = list(context) + [name for name, _, _ in stack]
        if token["mod"]:
            test = "cfg(test)" in token.group(2).replace(" ", "")
            if token.group(4) == "{":
                depth += 1
                stack.append((token.group(3), depth, test))
            elif test or in_test:
                yield "test_module", tuple(where + [token.group(3)])
        elif token["open"]:
            depth += 1
        elif token["close"]:
            if stack and stack[-1][1] == depth:
                stack.pop()
            depth -= 1
        elif not in_test and token["use"]:
            for segments, name in use_paths(token.group(7)):
                absolute = absolute_path(segments, where, modules)
                if absolute is not None:
                    yield "ref", absolute
                    if name:
                        imported[name] = absolute
                    if token.group(6) and name and not stack:
                        yield "reexport", (name, absolute)
        elif not in_test and token["path"]:
            segments = re.split(r"\s*::\s*", token["path"])
            if segments[0] in imported:
                yield "ref", imported[segments[0]] + tuple(segments[1:])
            else:
                yield "ref", absolute_path(segments, where, modules)


def absolute_path(segments, where, modules):
    """The path from the crate root, or None for another crate's (or a local item's) name."""
    if segments[0] == "crate":
        return tuple(segments[1:])
    if segments[0] not in ("self", "super") and tuple(where) + (segments[0],) not in modules:
        return None
    base, rest = list(where), list(segments)
    while rest and rest[0] in ("self", "super"):
        if rest.pop(0) == "super" and base:
            base.pop()
    return tuple(base + rest)


def resolve(absolute, modules, reexports, hops=0):
    """The module that defines what the path names: the deepest one, re-exports followed."""
    for length in range(len(absolute), -1, -1):
        if absolute[:length] in modules:
            module, rest = absolute[:length], absolute[length:]
            target = reexports.get(module, {}).get(rest[0]) if rest else None
            if target and hops < 8 and target != absolute:
                return resolve(target + rest[1:], modules, reexports, hops + 1)
            return module
    return ()


def crate_graph(crate_dir):
    crate_dir = Path(crate_dir)
    files, has_lib = {}, (crate_dir / "lib.rs").exists()
    for path in sorted(crate_dir.rglob("*.rs")):
        parts = list(path.relative_to(crate_dir).with_suffix("").parts)
        if parts in (["lib"], ["main"]):
            node = "main" if parts == ["main"] and has_lib else "crate"
            files[path] = ((), node)
        else:
            module = tuple(parts[:-1] if parts[-1] == "mod" else parts)
            files[path] = (module, "::".join(module))
    modules = {context: node for context, node in files.values() if node != "main"}
    tests, refs, reexports = set(), {}, {}
    for _ in range(2):  # the second pass knows which files are test modules
        for path, (context, node) in files.items():
            refs[node] = set()
            for kind, data in scan(path, context, modules, context in tests and node != "main"):
                if kind == "test_module":
                    tests.add(data)
                elif kind == "ref":
                    refs[node].add(data)
                else:
                    reexports.setdefault(context, {})[data[0]] = data[1]
    refs = {node: paths - {None} for node, paths in refs.items()}
    test_nodes = {modules[t] for t in tests if t in modules}
    graph = {}
    for node, paths in refs.items():
        if node not in test_nodes:
            targets = {modules[resolve(p, modules, reexports)] for p in paths} - test_nodes - {node}
            graph[node] = sorted(targets)
    return graph


def cycles(graph):
    """Tarjan's strongly connected components with two or more nodes."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for dep in graph.get(node, []):
            if dep not in index:
                visit(dep)
                low[node] = min(low[node], low[dep])
            elif dep in on_stack:
                low[node] = min(low[node], index[dep])
        if low[node] == index[node]:
            component = stack[stack.index(node) :]
            del stack[stack.index(node) :]
            on_stack.difference_update(component)
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def check(crate_dirs, show):
    failed = False
    for crate_dir in crate_dirs:
        graph = crate_graph(crate_dir)
        if show:
            print(f"# {crate_dir}")
            for node in sorted(graph):
                print(f"{node} -> {', '.join(graph[node])}")
        for component in cycles(graph):
            failed = True
            print(f"{crate_dir}: import cycle between {', '.join(component)}:")
            for a in component:
                print(f"    {a} -> {', '.join(b for b in graph[a] if b in component)}")
    return 1 if failed else 0


FIXTURES = {
    # Each of the comment, the string, the test module and the re-export would close a cycle if counted.
    "acyclic": ({"lib.rs": "mod a; mod b; mod c;\npub use a::Thing;\npub use c::run;",
                 "a.rs": "use crate::b::f; // crate::c\npub struct Thing;",
                 "b.rs": 'pub fn f() { let s = "super::a"; }\n#[cfg(test)]\nmod tests { use crate::a; }',
                 "c.rs": "use crate::Thing;\npub fn run() {}"}, []),
    "super": ({"lib.rs": "mod ui;", "ui/mod.rs": "mod list; mod row;", "ui/list.rs": "fn f() { super::row::g() }",
               "ui/row.rs": "pub fn g() { let _ = super::list::X; }"}, [["ui::list", "ui::row"]]),
    "grouped": ({"lib.rs": "mod a; mod b; mod c;", "a.rs": "use crate::{c, b::{self, Y}};",
                 "b.rs": "use crate::c::Z;", "c.rs": "use crate::a::{W as V};"}, [["a", "b", "c"]]),
    "imported name": ({"lib.rs": "mod a; mod ui;", "ui/mod.rs": "pub mod row;", "ui/row.rs": "fn g() { crate::a::h() }",
                       "a.rs": "use crate::ui;\nfn f() { ui::row::g() }"}, [["a", "ui::row"]]),
    "child module": ({"lib.rs": "mod store;", "store/mod.rs": "mod page;\npub struct E;\nfn f() { page::write() }",
                      "store/page.rs": "use super::E;\npub fn write() {}"}, [["store", "store::page"]]),
}


def self_test():
    with tempfile.TemporaryDirectory() as root:
        for name, (files, expected) in FIXTURES.items():
            for relative, text in files.items():
                path = Path(root, name, relative)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text)
            found = cycles(crate_graph(Path(root, name)))
            if found != expected:
                print(f"self-test {name}: expected cycles {expected}, found {found}")
                return 1
    print(f"self-test: {len(FIXTURES)} fixtures as expected")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crate-dir", action="append", help="a crate's src folder (repeatable); default: the workspace's")
    parser.add_argument("--print", action="store_true", help="print every module's dependencies")
    parser.add_argument("--self-test", action="store_true", help="run the checker on small fixture trees")
    args = parser.parse_args()
    if args.self_test:
        sys.exit(self_test())
    if not args.crate_dir:
        os.chdir(Path(__file__).resolve().parent.parent)
    sys.exit(check(args.crate_dir or DEFAULT_CRATE_DIRS, args.print))
