"""Checking a quote against a long article: what saving a citation costs.

    .venv/bin/python bench/quotes.py [--chars 20000] [--runs 200]

Builds an article of about `--chars` characters from sentences written for the bench (in
English, Chinese and Hebrew), then times, over `--runs` runs each (median):
1. the baseline: Python's `in` on the raw text (what a check that ignored spaces and
   punctuation differences would cost at the least);
2. `occurs`: a quote found, spaces and punctuation aside;
3. `quote_error` on a misquote: not found, with the closest passage (rapidfuzz).
Prints milliseconds and each as a ratio of the baseline measured in the same run.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cooperation.quotes import occurs, quote_error

SENTENCES = [
    "The delegation from Chengdu toured the port and a start-up campus on Monday.",
    "成都市代表团于周一抵达海法，进行为期三天的会谈。",
    "משלחת מצ'נגדו הגיעה לחיפה ביום שני לשלושה ימי שיחות עם ראשי העירייה.",
    "Both sides agreed to meet again next spring, officials said.",
]
QUOTE = "agreed to meet again in Kunming next spring"  # the city is the last sentence's
MISQUOTE = "agreed to meet once more in Kunming next spring"


def article(chars: int) -> str:
    lines, size = [], 0
    while size < chars:
        line = SENTENCES[len(lines) % len(SENTENCES)]
        lines.append(line)
        size += len(line) + 1
    lines.append("Both sides agreed to meet again, in Kunming, next spring.")
    return "\n".join(lines)


def median_ms(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    text = article(args.chars)
    assert occurs(QUOTE, text) and quote_error(MISQUOTE, text)
    baseline = median_ms(lambda: QUOTE in text, args.runs)
    found = median_ms(lambda: occurs(QUOTE, text), args.runs)
    refused = median_ms(lambda: quote_error(MISQUOTE, text), args.runs)
    print(f"article: {len(text):,} characters, {args.runs} runs each, medians")
    print(f"baseline, `in` on the raw text: {baseline:.3f} ms")
    print(f"quote found (occurs):           {found:.2f} ms  ({found / baseline:,.0f} x baseline)")
    print(
        f"misquote with closest passage:  {refused:.2f} ms  ({refused / baseline:,.0f} x baseline)"
    )
    print(f"closest passage shown: {quote_error(MISQUOTE, text).split('is: ')[-1]}")


if __name__ == "__main__":
    main()
