#!/usr/bin/env python3
"""Writes the licences of the crates built into Planbord for one target, as the MIT, BSD and
Apache licences ask when a program is given away: each crate with its version and licence
expression, then every licence text found in the crates (LICENSE*, LICENCE*, COPYING*, NOTICE*),
each distinct text once with the crates that carry it.

    packaging/third-party-licenses.py TARGET OUT.txt     (from the repository's root)

Only normal dependencies count, not build or dev ones (cargo metadata unifies features with the
dev-dependencies, so a few crates may be listed that the program does not link).
Uses `cargo metadata --locked`; the crates' sources are in cargo's registry after a build.
"""

import hashlib
import json
import os
import subprocess
import sys


def main():
    target, out = sys.argv[1], sys.argv[2]
    meta = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", target],
            check=True,
            capture_output=True,
        ).stdout
    )
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = meta["resolve"]["root"]
    seen, todo = set(), [root]
    while todo:
        node = nodes[todo.pop()]
        for dep in node["deps"]:
            if any(k["kind"] is None for k in dep["dep_kinds"]) and dep["pkg"] not in seen:
                seen.add(dep["pkg"])
                todo.append(dep["pkg"])
    crates = sorted((packages[i] for i in seen), key=lambda p: (p["name"], p["version"]))

    texts = {}  # hash -> (text, [crate names])
    missing = []
    for p in crates:
        folder = os.path.dirname(p["manifest_path"])
        names = sorted(
            f
            for f in os.listdir(folder)
            if f.upper().startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE"))
            and os.path.isfile(os.path.join(folder, f))
        )
        # Fonts embedded in a crate (egui's default fonts) come with their licences beside them.
        fonts = os.path.join(folder, "fonts")
        if os.path.isdir(fonts):
            names += sorted(os.path.join("fonts", f) for f in os.listdir(fonts) if f.endswith(".txt"))
        if p.get("license_file"):
            names.append(p["license_file"])
        found = False
        for name in dict.fromkeys(names):
            path = os.path.join(folder, name)
            if not os.path.isfile(path):
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read().strip()
            key = hashlib.sha256(text.encode()).hexdigest()
            texts.setdefault(key, (text, []))[1].append(f"{p['name']} {p['version']}")
            found = True
        if not found:
            missing.append(p)

    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("Planbord includes the following Rust crates (libraries), for the target "
                f"{target}.\nTheir licences follow the list.\n\n")
        for p in crates:
            f.write(f"{p['name']} {p['version']}: {p.get('license') or 'see below'}\n")
        if missing:
            f.write("\nCrates without a licence file of their own (their licence is the "
                    "expression given; the standard texts are among those below):\n")
            for p in missing:
                f.write(f"  {p['name']} {p['version']}: {p.get('license')}\n")
        for text, users in sorted(texts.values(), key=lambda t: t[1][0]):
            f.write("\n" + "=" * 78 + "\n")
            f.write("Used by: " + ", ".join(users) + "\n")
            f.write("-" * 78 + "\n")
            f.write(text + "\n")
    print(f"{out}: {len(crates)} crates, {len(texts)} distinct licence texts")


if __name__ == "__main__":
    main()
