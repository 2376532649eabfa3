"""Understanding in every contract language, ours against two baselines, in one run.

Trains three NLU models on the same training data (data/nlu/**): ours (config.yml) and two
baselines (benchmarks/configs: the pipeline `rasa init` writes; a character n-gram DIET
without dense features). Parses the held-out set (tests/nlu/<lang>.yml and the romanized
or code-mixed slices tests/nlu/<lang>-<slice>.yml, never trained on) and prints, per
language and slice: intent accuracy, macro F1, service-entity accuracy, reference-number
accuracy and language-identification accuracy (all messages, and those of 3+ words;
against the language a message is written in, which tests/nlu_text_languages.yml gives
where it is not its set's), and how often the conversation stays in the citizen's language when the message arrives in a
conversation already in it (the language policy's answer: the language the reply uses);
then training time, parse latency p50/p95 and resident memory of each. Parses are saved in
--out, so --rescore can score them again without training.

Usage: .venv/bin/python benchmarks/nlu_languages.py [--only ours] [--out results/nlu_languages]
       [--baseline-epochs 30] [--rescore]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List, Sequence, Tuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from rasa.shared.nlu.training_data.loading import load_data  # noqa: E402

from bot.applications.reference import find_reference  # noqa: E402
from bot.dialogue.language_policy import LanguageSignals, choose_language, word_count  # noqa: E402

CONFIGS = {
    "ours": ROOT / "config.yml",
    "rasa_default": ROOT / "benchmarks" / "configs" / "rasa_init_default.yml",
    "char_ngram": ROOT / "benchmarks" / "configs" / "char_ngram_diet.yml",
    "ours_with_diet": ROOT / "benchmarks" / "configs" / "ours_with_diet.yml",
}
#: Run by default: ours and the two baselines the issue names (the DIET variant on request).
DEFAULT_RUN = ("ours", "char_ngram", "rasa_default")

Example = Dict[str, Any]
Parsed = Dict[str, Any]


def written_in_another_language() -> Dict[Tuple[str, str], str]:
    """(set, text) → the language a held-out message is written in, where it is not its set's.

    A code-mixed slice holds some messages with no word of its language ("how to get birth
    certificate online" from a Filipino citizen): the identifier should call them English,
    while the conversation stays Filipino ("kept").
    """
    path = ROOT / "tests" / "nlu_text_languages.yml"
    listed = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    return {
        (label, text): language
        for label, by_language in (listed or {}).items()
        for language, texts in by_language.items()
        for text in texts
    }


def held_out_sets() -> Dict[str, List[Example]]:
    """`lang` or `lang-slice` → examples with gold intent, services, references and languages."""
    sets: Dict[str, List[Example]] = {}
    other_language = written_in_another_language()
    for path in sorted((ROOT / "tests" / "nlu").glob("*.yml")):
        label = path.stem
        language = label.rsplit("-", 1)[0] if label.endswith(("-latn", "-mixed")) else label
        examples = []
        for message in load_data(str(path)).intent_examples:
            entities = message.get("entities", [])
            examples.append(
                {
                    "text": message.get("text"),
                    "intent": message.get("intent"),
                    "services": sorted({e["value"] for e in entities if e["entity"] == "service"}),
                    "references": sorted(
                        {find_reference(str(e["value"])) for e in entities if e["entity"] == "reference_number"}
                    ),
                    "language": language,
                    "text_language": other_language.pop((label, message.get("text")), language),
                }
            )
        sets[label] = examples
    if other_language:
        raise ValueError(f"tests/nlu_text_languages.yml lists messages the held-out set lacks: {list(other_language)}")
    return sets


def train(name: str, config: Path, out: Path) -> Tuple[Path, float]:
    started = time.monotonic()
    command = [
        str(ROOT / ".venv" / "bin" / "rasa"), "train", "nlu", "--config", str(config), "--nlu", str(ROOT / "data" / "nlu"),
        "--out", str(out), "--fixed-model-name", name,
    ]  # fmt: skip
    out.mkdir(parents=True, exist_ok=True)
    with open(out / f"{name}.train.log", "wb") as log:  # the epoch progress of long trainings
        subprocess.run(command, cwd=ROOT, check=True, stdout=log, stderr=subprocess.STDOUT)
    return out / f"{name}.tar.gz", time.monotonic() - started


def _macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    scores = []
    for label in set(gold):
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == label and g != label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def _share(hits: List[bool]) -> float | None:
    return sum(hits) / len(hits) if hits else None


async def parse_all(model: Path, sets: Dict[str, List[Example]]) -> Tuple[Dict[str, List[Parsed]], List[float]]:
    """What the model makes of every held-out message, and how long each parse took."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    await agent.parse_message("warm up")
    parsed_sets: Dict[str, List[Parsed]] = {}
    latencies: List[float] = []
    for label, examples in sets.items():
        parsed_sets[label] = []
        for example in examples:
            started = time.perf_counter()
            parsed = await agent.parse_message(example["text"])
            latencies.append(time.perf_counter() - started)
            entities = parsed.get("entities") or []
            parsed_sets[label].append(
                {
                    "text": example["text"],
                    "intent": (parsed.get("intent") or {}).get("name"),
                    "services": sorted({e["value"] for e in entities if e["entity"] == "service"}),
                    "references": sorted(
                        {find_reference(str(e["value"])) for e in entities if e["entity"] == "reference_number"}
                    ),
                    "language": parsed.get("language"),
                    "language_confidence": parsed.get("language_confidence", 0.0),
                }
            )
    return parsed_sets, latencies


def score(sets: Dict[str, List[Example]], parsed_sets: Dict[str, List[Parsed]]) -> Dict[str, Dict[str, Any]]:
    """Per set: intent accuracy, macro F1, service, reference, language id and kept shares.

    Language identification is scored against the language the message is written in;
    "kept" against the conversation's (the set's) language.
    """
    results: Dict[str, Dict[str, Any]] = {}
    for label, examples in sets.items():
        rows = defaultdict(list)
        for example, parsed in zip(examples, parsed_sets[label], strict=True):
            rows["gold"].append(example["intent"])
            rows["pred"].append(parsed["intent"])
            if example["services"]:
                rows["service"].append(parsed["services"] == example["services"])
            if example["references"]:
                rows["reference"].append(parsed["references"] == example["references"])
            if parsed["language"] is not None:
                hit = parsed["language"] == example["text_language"]
                rows["lang"].append(hit)
                if word_count(example["text"]) >= 3:
                    rows["lang3"].append(hit)
                signals = LanguageSignals(
                    example["language"], example["text"], parsed["language"], parsed["language_confidence"]
                )
                rows["kept"].append(choose_language(signals) == example["language"])
        results[label] = {
            "n": len(examples),
            "intent": _share([g == p for g, p in zip(rows["gold"], rows["pred"], strict=True)]),
            "macro_f1": _macro_f1(rows["gold"], rows["pred"]),
            "service": _share(rows["service"]),
            "reference": _share(rows["reference"]),
            "language": _share(rows["lang"]),
            "language_3_words": _share(rows["lang3"]),
            "language_kept": _share(rows["kept"]),
        }
    return results


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def print_table(name: str, results: Dict[str, Dict[str, Any]]) -> None:
    print(f"\n== {name}")
    print(
        f"{'set':<12} {'n':>4} {'intent':>6} {'macroF1':>7} {'service':>7} {'ref':>6} {'lang':>6} {'lang3+':>6} {'kept':>6}"
    )
    for label, r in results.items():
        print(
            f"{label:<12} {r['n']:>4} {_fmt(r['intent']):>6} {_fmt(r['macro_f1']):>7} {_fmt(r['service']):>7} "
            f"{_fmt(r['reference']):>6} {_fmt(r['language']):>6} {_fmt(r['language_3_words']):>6} "
            f"{_fmt(r['language_kept']):>6}"
        )
    native = [r for label, r in results.items() if "-" not in label or label.startswith("zh-")]
    intents = [r["intent"] for r in native]
    print(f"{'MEAN (langs)':<12} {'':>4} {_fmt(statistics.mean(intents)):>6}   lowest language: {_fmt(min(intents))}")
    everything = [r for r in results.values()]
    total = sum(r["n"] for r in everything)

    def pooled(key: str) -> float | None:
        pairs = [(r[key], r["n"]) for r in everything if r[key] is not None]
        return sum(v * n for v, n in pairs) / sum(n for _, n in pairs) if pairs else None

    print(
        f"{'ALL':<12} {total:>4} {_fmt(pooled('intent')):>6} {'':>7} {_fmt(pooled('service')):>7} "
        f"{_fmt(pooled('reference')):>6} {_fmt(pooled('language')):>6} {_fmt(pooled('language_3_words')):>6} "
        f"{_fmt(pooled('language_kept')):>6}"
    )


def with_epochs(config: Path, epochs: int, out: Path) -> Path:
    """A copy of `config` whose DIET and ResponseSelector train for `epochs` epochs."""
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    for component in data["pipeline"]:
        if "epochs" in component:
            component["epochs"] = epochs
    copy = out / f"{config.stem}.epochs{epochs}.yml"
    copy.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return copy


def report(summary: Dict[str, Dict[str, Any]], sets: Dict[str, List[Example]], out: Path) -> None:
    """Scores each pipeline's saved parses against `sets` and prints its table."""
    for name, run in summary.items():
        parsed_sets = json.loads((out / f"{name}.predictions.json").read_text(encoding="utf-8"))
        print_table(f"{name}: {run['config']}, trained in {run['train_seconds']:.0f} s", score(sets, parsed_sets))
        print(
            f"parse latency p50 {run['p50_ms']:.1f} ms, p95 {run['p95_ms']:.1f} ms over {run['parsed']} messages; "
            f"peak RSS so far {run['rss_mb']:.0f} MB"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(CONFIGS), action="append", help="evaluate only these pipelines")
    parser.add_argument("--out", default=str(ROOT / "results" / "nlu_languages"))
    parser.add_argument(
        "--baseline-epochs", type=int, help="train the rasa init baseline for this many epochs, not its 100"
    )
    parser.add_argument(
        "--rescore", action="store_true", help="score the parses saved in --out again; no training or parsing"
    )
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sets = held_out_sets()
    if args.rescore:
        report(json.loads((out / "summary.json").read_text(encoding="utf-8")), sets, out)
        return 0
    summary = {}
    for name in args.only or DEFAULT_RUN:
        config = CONFIGS[name]
        if name == "rasa_default" and args.baseline_epochs:
            config = with_epochs(config, args.baseline_epochs, out)
        model, seconds = train(name, config, out)
        parsed_sets, latencies = asyncio.run(parse_all(model, sets))
        (out / f"{name}.predictions.json").write_text(json.dumps(parsed_sets, ensure_ascii=False), encoding="utf-8")
        ordered = sorted(latencies)
        summary[name] = {
            "config": str(config.relative_to(ROOT) if config.is_relative_to(ROOT) else config),
            "train_seconds": seconds,
            "p50_ms": statistics.median(ordered) * 1000,
            "p95_ms": ordered[int(len(ordered) * 0.95) - 1] * 1000,
            "parsed": len(ordered),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
        (out / "summary.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False))
        report({name: summary[name]}, sets, out)
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
