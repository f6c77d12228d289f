"""Time and peak memory of the taxonomy build steps, and the size of the bundled files.

Usage: `python bench/taxonomy_build.py [DATA_DIR]` (default `../shared/data`).

Each step runs in its own child process, so its peak RSS (``ru_maxrss``) is its own:

- ``import-esco``: read the full ESCO taxonomy (skills, hierarchy, occupations) from DATA_DIR;
- ``build-bundle``: build the bundled default (three zstd Parquet files) into a temp folder;
- ``import-lightcast``, ``import-onet``: the shared Lightcast table and O*NET Excel file;
- ``crosswalk``: ESCO + Lightcast + O*NET into canonical skills (word-blocked rapidfuzz);
- ``load-bundled``: what a fresh install pays to load the bundled default.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STEPS = (
    "import-esco",
    "build-bundle",
    "import-lightcast",
    "import-onet",
    "crosswalk",
    "load-bundled",
)
LIGHTCAST = Path("lightcast/lightcast_data_formatted.csv")
ONET = Path("onet/Technology Skills.xlsx")


def run_step(step: str, data_dir: Path, out_dir: Path) -> dict[str, object]:
    from taxonomy.bundle import build_bundle, load_concepts, load_relations
    from taxonomy.crosswalk import build_crosswalk
    from taxonomy.esco_import import import_esco
    from taxonomy.lightcast import import_lightcast
    from taxonomy.onet import import_onet
    from taxonomy.source import load_taxonomy

    started = time.perf_counter()
    info: dict[str, object] = {}
    if step == "import-esco":
        esco = import_esco(data_dir)
        info = {
            "skills": len(esco.skills),
            "concepts": len(esco.concepts),
            "relations": len(esco.relations),
        }
    elif step == "build-bundle":
        paths = build_bundle(data_dir, out_dir)
        info = {name: path.stat().st_size for name, path in paths.items()}
    elif step == "import-lightcast":
        info = {"skills": len(import_lightcast(data_dir / LIGHTCAST).skills)}
    elif step == "import-onet":
        info = {"skills": len(import_onet(data_dir / ONET).skills)}
    elif step == "crosswalk":
        imports = [
            import_esco(data_dir),
            import_lightcast(data_dir / LIGHTCAST),
            import_onet(data_dir / ONET),
        ]
        started = time.perf_counter()  # the crosswalk alone
        crosswalk = build_crosswalk(imports)
        methods: dict[str, int] = {}
        for link in crosswalk.links:
            methods[link.method] = methods.get(link.method, 0) + 1
        info = {
            "canonical": len(crosswalk.labels),
            "links": methods,
            "reviews": len(crosswalk.reviews),
        }
    elif step == "load-bundled":
        taxonomy = load_taxonomy()
        info = {
            "skills": len(taxonomy.skills),
            "concepts": len(load_concepts()),
            "relations": len(load_relations()),
        }
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"step": step, "seconds": round(seconds, 2), "peak_rss_mb": round(peak_mb), **info}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, nargs="?", default=Path("../shared/data"))
    parser.add_argument("--step", choices=STEPS, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(run_step(args.step, args.data_dir, args.out)))
        return
    with tempfile.TemporaryDirectory() as out:
        for step in STEPS:
            command = [sys.executable, __file__, str(args.data_dir), "--step", step, "--out", out]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            result = json.loads(done.stdout.splitlines()[-1])
            del result["step"]
            seconds, peak = result.pop("seconds"), result.pop("peak_rss_mb")
            print(
                f"{step:17s} {seconds:7.2f} s  peak RSS {peak:5d} MB"
                f"  {json.dumps(result, default=str)[1:-1]}"
            )
        total = sum(path.stat().st_size for path in Path(out).glob("*.parquet"))
        print(f"bundled default: {total:,} bytes in {len(list(Path(out).glob('*.parquet')))} files")


if __name__ == "__main__":
    main()
