"""Segmenter throughput over the BBC corpus (../shared/corpus/bbc), in one process.

Usage: .venv/bin/python benchmarks/segmenter_speed.py [CORPUS_DIR]
Prints MB/s for read+segment, ms per article, claims per article and peak memory, and
how much of the CPU time goes to check-worthiness scoring (`scoring.score`, which runs the
learned model) as against the rest of the pipeline, since the two are owned and tuned apart.
Last, as a yardstick of the host, how fast nupunkt alone splits the same articles.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    files = sorted(corpus.glob("*/*.txt"))
    if not files:
        print(f"no articles under {corpus}", file=sys.stderr)
        return 1
    import factcheck.segmenter.pipeline as pipeline
    from factcheck.segmenter import parse_text, read_article, segment

    scoring_cpu = [0.0]
    pipeline.score = _timed(pipeline.score, scoring_cpu)

    t_import = time.perf_counter()
    # warm up: nupunkt model, dateparser import and its first parse
    segment(parse_text("Title\n\nOn 14 May 2018, 3 people left last Monday.", published=None))
    segment(read_article(files[0]))
    warmup = time.perf_counter() - t_import
    warm_scoring = scoring_cpu[0]
    total_bytes = 0
    claims = 0
    checkworthy = 0
    worst = (0.0, "")
    start = time.perf_counter()
    cpu_start = time.process_time()
    for path in files:
        t0 = time.perf_counter()
        article = read_article(path)
        spans = segment(article)
        elapsed = time.perf_counter() - t0
        worst = max(worst, (elapsed, str(path)))
        total_bytes += len(article.text.encode("utf-8"))
        claims += len(spans)
        checkworthy += sum(1 for c in spans if c.checkworthy)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    scored = scoring_cpu[0] - warm_scoring
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles:          {len(files)}")
    print(f"text:              {total_bytes / 1e6:.2f} MB")
    print(f"warm-up:           {warmup * 1000:.0f} ms (first article, imports and models)")
    print(f"time:              {seconds:.2f} s")
    print(f"throughput:        {total_bytes / 1e6 / seconds:.2f} MB/s wall clock")
    print(
        f"CPU time:          {cpu:.2f} s = {total_bytes / 1e6 / cpu:.2f} MB/s of CPU "
        "(differs from wall clock when the machine is shared)"
    )
    rest = cpu - scored
    print(
        f"  scoring:         {scored:.2f} s of CPU ({scored / cpu:.0%}); "
        f"the rest of the pipeline {rest:.2f} s = {total_bytes / 1e6 / rest:.2f} MB/s of CPU"
    )
    print(
        f"per article:       {seconds / len(files) * 1000:.2f} ms "
        f"(slowest {worst[0] * 1000:.1f} ms: {worst[1]})"
    )
    print(
        f"claims:            {claims} ({claims / len(files):.1f} per article, "
        f"{checkworthy} check-worthy)"
    )
    print(f"peak RSS:          {rss_mb:.0f} MB")
    yardstick = _nupunkt_mb_s([read_article(path).text for path in files])
    print(
        f"host yardstick:    nupunkt alone on the same articles, one at a time: "
        f"{yardstick:.1f} MB/s of CPU (the issue and DESIGN.md measured about 15 MB/s)"
    )
    return 0


def _nupunkt_mb_s(texts: list[str]) -> float:
    """How fast this host runs the sentence splitter whose speed the issue quotes, so that
    figures taken on different machines (or in a slow hour) can be compared.

    Best of three passes, article by article as the pipeline feeds it. Not one string
    of the whole corpus: nupunkt slows down on a 5 MB string (9 MB/s here against 25 MB/s
    on any one category's 1 MB), which once made this host look twice as slow as it is.
    """
    from nupunkt import sent_spans

    sent_spans(texts[0])  # loads the model
    size = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for text in texts:
            sent_spans(text)
        best = min(best, time.process_time() - start)
    return size / best


def _timed(func: Callable[..., Any], total: list[float]) -> Callable[..., Any]:
    """`func`, adding the CPU time of each call to total[0]."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            total[0] += time.process_time() - start

    return wrapper


if __name__ == "__main__":
    sys.exit(main())
