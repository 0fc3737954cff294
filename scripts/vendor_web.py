"""Vendor the web page's third-party files from the npm registry, pinned, with a manifest.

    python scripts/vendor_web.py            # fetch the pinned packages with `npm pack`, copy
                                            # the files below, write vendor/manifest.json
    python scripts/vendor_web.py --check    # offline: every vendored file matches the manifest

Only the files the page loads are kept, with each package's licence. The manifest records the
package version, the npm tarball's integrity, and the sha256 of every file written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[1] / "src/eventwire/web/static/vendor"
MANIFEST = VENDOR / "manifest.json"

# package -> (pinned version, {path in the tarball: path under vendor/<package>/})
PACKAGES: dict[str, tuple[str, dict[str, str]]] = {
    "leaflet": (
        "1.9.4",
        {
            "package/dist/leaflet.js": "leaflet.js",
            "package/dist/leaflet.css": "leaflet.css",
            "package/dist/images/layers.png": "images/layers.png",
            "package/dist/images/layers-2x.png": "images/layers-2x.png",
            "package/dist/images/marker-icon.png": "images/marker-icon.png",
            "package/dist/images/marker-icon-2x.png": "images/marker-icon-2x.png",
            "package/dist/images/marker-shadow.png": "images/marker-shadow.png",
            "package/LICENSE": "LICENSE.txt",
        },
    ),
    "topojson-client": (
        "3.1.0",
        {
            "package/dist/topojson-client.min.js": "topojson-client.min.js",
            "package/LICENSE": "LICENSE.txt",
        },
    ),
    # Natural Earth 1:50m countries (public domain) as TopoJSON; the package is ISC
    "world-atlas": (
        "2.0.2",
        {
            "package/countries-50m.json": "countries-50m.json",
            "package/LICENSE": "LICENSE.txt",
        },
    ),
}


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def npm_pack(name: str, version: str, folder: Path) -> tuple[Path, str]:
    """The package's tarball, fetched by npm into `folder`, and its registry integrity."""
    command = ["npm", "pack", f"{name}@{version}", "--json", "--pack-destination", str(folder)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    packed = json.loads(done.stdout)[0]
    return folder / packed["filename"], str(packed["integrity"])


def extract(tarball: Path, files: dict[str, str], target: Path) -> dict[str, str]:
    """Copy the wanted members of `tarball` under `target`; their sha256 by vendored path."""
    written: dict[str, str] = {}
    with tarfile.open(tarball, "r:gz") as archive:
        for member, relative in files.items():
            source = archive.extractfile(member)
            if source is None:
                raise SystemExit(f"{tarball.name}: {member} is not a file")
            path = target / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(source.read())
            written[f"{target.name}/{relative}"] = sha256_of(path)
    return written


def vendor() -> None:
    manifest: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, (version, files) in PACKAGES.items():
            tarball, integrity = npm_pack(name, version, Path(folder))
            target = VENDOR / name
            written = extract(tarball, files, target)
            manifest[name] = {"version": version, "integrity": integrity, "files": written}
            print(f"{name}@{version}: {len(written)} files")
    MANIFEST.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def check() -> int:
    """1 when a vendored file is missing or differs from the manifest, else 0."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    bad = [
        path
        for entry in manifest.values()
        for path, digest in entry["files"].items()
        if not (VENDOR / path).is_file() or sha256_of(VENDOR / path) != digest
    ]
    for path in bad:
        print(f"differs from the manifest: {path}", file=sys.stderr)
    return 1 if bad else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="verify, offline, and exit")
    if parser.parse_args().check:
        return check()
    vendor()
    return check()


if __name__ == "__main__":
    sys.exit(main())
