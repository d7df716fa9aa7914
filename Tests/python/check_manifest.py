"""Check that a results folder matches its own manifest: every output the manifest lists exists
with that SHA-256, and the folder holds nothing else (besides the manifest and the marker).
Usage: python3 check_manifest.py DIR; exit status 0 when it matches."""
import hashlib
import json
import os
import sys


def check(folder):
    manifest = json.load(open(os.path.join(folder, "manifest.json")))
    listed = {o["file"]: o["sha256"] for o in manifest["outputs"]}
    for name, digest in listed.items():
        with open(os.path.join(folder, name), "rb") as f:
            if hashlib.sha256(f.read()).hexdigest() != digest:
                return f"{name}: hash differs from the manifest"
    present = set()
    for root, _, files in os.walk(folder):
        for f in files:
            present.add(os.path.relpath(os.path.join(root, f), folder))
    extra = present - set(listed) - {"manifest.json", ".simulate-output"}
    if extra:
        return f"files the manifest does not list: {sorted(extra)[:5]}"
    return None


if __name__ == "__main__":
    problem = check(sys.argv[1])
    print(problem or "ok")
    sys.exit(1 if problem else 0)
