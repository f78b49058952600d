#!/usr/bin/env python3
"""Turn the first ```csharp block of each package readme into a compiled, run example of a fresh console project.

usage: readme-examples.py PROJECT_DIR README...   Each block becomes Example<N>.cs (its `using` lines on top, the
statements inside `public static void Run()`); Program.cs runs them in order, printing "== <package>" before each.
A `Console.WriteLine(...); // text` line promises that output: each such text goes to expected.txt, one per line.
"""
import pathlib, re, sys

proj = pathlib.Path(sys.argv[1])
calls = []
expected = []
for n, readme in enumerate(sys.argv[2:]):
    text = pathlib.Path(readme).read_text(encoding="utf-8")
    m = re.search(r"```csharp\n(.*?)```", text, re.S)
    if not m:
        sys.exit(f"{readme}: no ```csharp example")
    lines = m.group(1).splitlines()
    usings = [l for l in lines if l.startswith("using ")]
    body = [l for l in lines if not l.startswith("using ")]
    package = pathlib.Path(readme).parent.name
    for l in body:
        m2 = re.match(r"\s*Console\.WriteLine\(.*\);\s*//\s*(.+?)\s*$", l)
        if m2:
            expected.append(m2.group(1))
    src = "\n".join(usings) + f"\n\ninternal static class Example{n}\n{{\n    public static void Run()\n    {{\n"
    src += "\n".join(("        " + l) if l.strip() else "" for l in body) + "\n    }\n}\n"
    (proj / f"Example{n}.cs").write_text(src, encoding="utf-8")
    calls.append(f'Console.WriteLine("== {package}");\nExample{n}.Run();')
(proj / "Program.cs").write_text("\n".join(calls) + "\n", encoding="utf-8")
(proj / "expected.txt").write_text("".join(e + "\n" for e in expected), encoding="utf-8")
