"""Extraction throughput on whole postings, against spaCy's blank tokenizer on the same texts.

Usage: `python bench/extract_throughput.py [JSONL ...] [--repeat N] [--cache-dir DIR]`
(default: `../shared/data/eval/skillspan_{train,dev}.jsonl`).

Postings are rebuilt from SkillSpan JSONL: the sentences of one posting (`source`, `idx`),
tokens joined by spaces, one sentence per line. Each configuration runs in its own child
process so its peak RSS (``ru_maxrss``) is its own:

- ``tokenizer``: ``spacy.blank("en").tokenizer.pipe`` alone;
- ``exact``: ``build_nlp(load_taxonomy(), semantic=False)`` + ``extract_mentions``;
- ``default``: ``build_nlp(load_taxonomy())`` (exact matching + semantic linking) +
  ``extract_mentions``;
- ``flow``: ``default`` without implied links, as the nightly flow and ``skillsignal extract
  --min-score`` above 0.6 run it (implied skills score below their threshold).

With ``--cache-dir`` the ``exact`` and ``default`` pipelines come from ``load_nlp(cache_dir=DIR)``
instead (the compiled pipeline cache: built and saved on the first run, loaded after).

Prints one JSON line per configuration: load seconds, postings/s, words/s, mentions, peak
RSS, and the share of tokenizer-only words/s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections import deque
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval"
DEFAULT_FILES = (DATA / "skillspan_train.jsonl", DATA / "skillspan_dev.jsonl")
CONFIGS = ("tokenizer", "exact", "default", "flow")


def load_postings(paths: list[Path]) -> list[str]:
    """Rebuild whole postings from SkillSpan JSONL sentences, in file order.

    Example: ``len(load_postings([DATA / "skillspan_dev.jsonl"]))`` -> ``58``
    """
    postings: dict[tuple[str, str, int], list[str]] = {}
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                key = (path.name, str(record.get("source")), int(record["idx"]))
                postings.setdefault(key, []).append(" ".join(record["tokens"]))
    return ["\n".join(sentences) for sentences in postings.values()]


def run_config(config: str, texts: list[str], repeat: int, cache_dir: Path | None) -> dict:
    """Time one configuration in this process; return its figures."""
    import spacy

    from taxonomy import build_nlp, extract_mentions, load_nlp, load_taxonomy

    started = time.perf_counter()
    if config == "tokenizer":
        nlp = spacy.blank("en")
    elif cache_dir:
        nlp = load_nlp(cache_dir=cache_dir, semantic=config != "exact")
    else:
        nlp = build_nlp(load_taxonomy(), semantic=config != "exact")
    if config == "flow":
        nlp.get_pipe("skill_linker").implied_links = False
    load_s = time.perf_counter() - started
    words = sum(len(text.split()) for text in texts) * repeat
    mentions = 0
    started = time.perf_counter()
    for _ in range(repeat):
        if config == "tokenizer":
            deque(nlp.tokenizer.pipe(texts), maxlen=0)
        else:
            mentions += sum(len(found) for found in extract_mentions(nlp, texts))
    seconds = time.perf_counter() - started
    return {
        "config": config,
        "postings": len(texts) * repeat,
        "words": words,
        "load_s": round(load_s, 2),
        "seconds": round(seconds, 2),
        "postings_per_s": round(len(texts) * repeat / seconds, 1),
        "words_per_s": round(words / seconds),
        "mentions": mentions,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    """Run every configuration in a child process and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=list(DEFAULT_FILES))
    parser.add_argument("--repeat", type=int, default=1, help="passes over the postings")
    parser.add_argument("--cache-dir", type=Path, help="load_nlp compiled pipeline cache folder")
    parser.add_argument("--config", choices=CONFIGS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    texts = load_postings(args.files)
    if args.config:
        print(json.dumps(run_config(args.config, texts, args.repeat, args.cache_dir)))
        return
    results = []
    for config in CONFIGS:
        command = [sys.executable, __file__, *map(str, args.files), "--config", config]
        command += ["--repeat", str(args.repeat)]
        if args.cache_dir:
            command += ["--cache-dir", str(args.cache_dir)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout.splitlines()[-1]))
    base = results[0]["words_per_s"]
    for result in results:
        result["share_of_tokenizer"] = round(result["words_per_s"] / base, 3)
        print(json.dumps(result))


if __name__ == "__main__":
    main()
