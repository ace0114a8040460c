"""Command line: `python -m duijie_ray query|batch …`.

    python -m duijie_ray query --plan SHARDS/plan.json --text "废旧锂电池回收"
    python -m duijie_ray query --plan SHARDS --demand D-1012 --corpus Corpus/demo --format json
    python -m duijie_ray batch --plan SHARDS --corpus Corpus/demo --format trec -o demo.run

`--plan` takes a plan.json, a directory holding one, or a single full .index file.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import tempfile
import time
from typing import Any, Iterator, Optional, Sequence, TextIO

from .binary import BinaryNotFound, resolve_binary
from .plan import PlanError, PlanMismatchError

__all__ = ["main", "build_parser"]

RANKINGS = ("lexical", "semantic", "fused")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of both subcommands."""
    parser = argparse.ArgumentParser(
        prog="python -m duijie_ray",
        description="Serve a sharded Duijie index with Ray: one actor per shard, exact merge.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--plan", required=True, help="plan.json, a directory holding it, or a single .index file")
    common.add_argument("--duijie", help="the duijie binary (default: $DUIJIE_BINARY, else duijie on PATH)")
    common.add_argument("--address", help="join the Ray cluster at this address (default: start a local one)")
    common.add_argument("--num-cpus", type=int, default=2, help="CPUs of a local Ray instance (default 2)")
    common.add_argument("--spread", action="store_true", help="place shard actors on as many nodes as possible")
    common.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the shards per scatter (default 30)")
    common.add_argument("--load-timeout", type=float, default=300.0, help="seconds allowed for loading a shard (default 300)")
    common.add_argument("--top", type=int, default=10, help="results per query (default 10)")
    common.add_argument("--ranking", choices=RANKINGS, default="lexical", help="default lexical")
    common.add_argument("--lexical-weight", type=float, help="the lexical share of fused ranking (server default 0.5)")
    common.add_argument("--terms", type=int, help="matched terms per hit (server default 5)")
    common.add_argument("--region", action="append", default=[], help="keep results in this region or below (id or name; repeatable)")
    common.add_argument("--include-paired", action="store_true", help="with --region, also the paired (对口合作) regions")
    common.add_argument("--field", action="append", default=[], help="keep results in this field or a sub-field (repeatable)")
    common.add_argument("--min-maturity", help="keep achievements at least this mature (lab, pilot, maturation, industrialization, or a TRL)")
    common.add_argument("--mode", action="append", default=[], help="keep achievements offering this transfer mode (repeatable)")
    common.add_argument("--kind", action="append", default=[], help="keep achievements of this kind (repeatable)")
    common.add_argument("--dual-use", choices=("yes", "no"), help="only dual-use (yes) or only civil (no) achievements")
    common.add_argument("--max-per-institution", type=int, help="at most this many results of one owning institution")
    common.add_argument("-v", "--verbose", action="store_true", help="log each missing shard's reason")

    query = commands.add_parser("query", parents=[common], help="rank achievements for one text or demand")
    source = query.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", help="free text to rank achievements for")
    source.add_argument("--demand", metavar="ID", help="a demand of --corpus")
    query.add_argument("--corpus", help="the corpus directory holding the demand (with --demand)")
    query.add_argument("--format", choices=("table", "json"), default="table")

    batch = commands.add_parser("batch", parents=[common], help="shortlists for every demand of a corpus")
    batch.add_argument("--corpus", required=True, help="corpus directory (its demands.jsonl is read)")
    batch.add_argument("--format", choices=("trec", "jsonl"), default="trec")
    batch.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    batch.add_argument("--tag", default="duijie-ray", help="the TREC run's tag (default duijie-ray)")
    batch.add_argument("--chunk-size", type=int, default=200, help="demands per scatter (default 200)")
    batch.add_argument("--retries", type=int, default=2, help="retries of a chunk a shard missed (default 2)")
    batch.add_argument("--allow-partial", action="store_true", help="write rankings that miss a shard instead of failing")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs the command line; returns the exit status."""
    arguments = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING if arguments.verbose else logging.ERROR,
        format="%(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    if arguments.command == "query" and arguments.demand and not arguments.corpus:
        print("error: --demand needs --corpus", file=sys.stderr)
        return 2
    try:
        binary = resolve_binary(arguments.duijie)
        with _coordinator(arguments, binary) as coordinator:
            if arguments.command == "query":
                return _query(arguments, coordinator)
            return _batch(arguments, coordinator)
    except (BinaryNotFound, PlanError, PlanMismatchError, ValueError, TimeoutError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


@contextlib.contextmanager
def _coordinator(arguments: argparse.Namespace, binary: str) -> Iterator[Any]:
    """A coordinator over the plan, on a Ray instance started (and stopped) here if needed."""
    # Imported here so `--help` and argument errors do not pay for importing Ray.
    import ray

    from .cluster import start_ray
    from .coordinator import Coordinator

    started = not ray.is_initialized()
    start_ray(address=arguments.address, num_cpus=arguments.num_cpus)
    coordinator = None
    try:
        coordinator = Coordinator(
            arguments.plan,
            binary,
            timeout_s=arguments.timeout,
            load_timeout_s=arguments.load_timeout,
            spread=arguments.spread,
        )
        yield coordinator
    finally:
        if coordinator is not None:
            coordinator.shutdown()
        if started:
            ray.shutdown()


def _options(arguments: argparse.Namespace) -> dict:
    options: dict[str, Any] = {"top": arguments.top, "ranking": arguments.ranking}
    if arguments.lexical_weight is not None:
        options["lexicalWeight"] = arguments.lexical_weight
    if arguments.terms is not None:
        options["terms"] = arguments.terms
    filters = _filters(arguments)
    if filters:
        options["filters"] = filters
    if arguments.max_per_institution is not None:
        options["maxPerInstitution"] = arguments.max_per_institution
    return options


def _filters(arguments: argparse.Namespace) -> dict:
    """The protocol's `filters` object from the filter options (empty when none is given)."""
    filters: dict[str, Any] = {}
    for key, values in (("regions", arguments.region), ("fields", arguments.field), ("modes", arguments.mode), ("kinds", arguments.kind)):
        if values:
            filters[key] = list(values)
    if arguments.include_paired:
        filters["pairedRegions"] = True
    if arguments.min_maturity is not None:
        filters["minMaturity"] = arguments.min_maturity
    if arguments.dual_use is not None:
        filters["dualUse"] = arguments.dual_use == "yes"
    return filters


def _query(arguments: argparse.Namespace, coordinator: Any) -> int:
    from .batch import demand_request, read_demands, BatchOptions

    if arguments.text is not None:
        request = {"id": "query", "text": arguments.text, **_options(arguments)}
    else:
        demands = {demand.id: demand for demand in read_demands(arguments.corpus)}
        if arguments.demand not in demands:
            print(f"error: no demand {arguments.demand} in {arguments.corpus}", file=sys.stderr)
            return 1
        request = demand_request(demands[arguments.demand], BatchOptions(ranking=arguments.ranking, top=arguments.top))
        request.update(_options(arguments))
    result = coordinator.search(request)
    if "error" in result:
        print(f"error: {result['error']}", file=sys.stderr)
        return 1
    if arguments.format == "json":
        print(json.dumps(result, ensure_ascii=False))
    else:
        _print_table(result, sys.stdout)
    if result["partial"]:
        print(f"warning: shards {result['missingShards']} did not answer; the ranking is partial", file=sys.stderr)
    return 0


def _print_table(result: dict, out: TextIO) -> None:
    if not result["hits"]:
        print("no achievement shares a term with the query", file=out)
        return
    print(f"{'#':>3}  {'score':>7}  {'shard':>5}  {'id':<10}  title", file=out)
    for rank, hit in enumerate(result["hits"], start=1):
        print(f"{rank:>3}  {hit['score']:>7.4f}  {hit['shard']:>5}  {hit['id']:<10}  {hit.get('title', '')}", file=out)


def _batch(arguments: argparse.Namespace, coordinator: Any) -> int:
    from .batch import BatchOptions, read_demands, run_batch, write_jsonl, write_trec

    demands = read_demands(arguments.corpus)
    options = BatchOptions(
        top=arguments.top,
        ranking=arguments.ranking,
        lexical_weight=arguments.lexical_weight,
        terms=arguments.terms,
        chunk_size=arguments.chunk_size,
        retries=arguments.retries,
        allow_partial=arguments.allow_partial,
        filters=_filters(arguments) or None,
        max_per_institution=arguments.max_per_institution,
    )
    started = time.monotonic()
    results = list(run_batch(coordinator, demands, options))
    # Written only once every chunk is in, so a failed batch leaves no half-written run.
    with _output(arguments.output) as out:
        if arguments.format == "trec":
            write_trec(results, out, arguments.tag)
        else:
            write_jsonl(results, out)
    elapsed = time.monotonic() - started
    print(f"{len(results)} demands ranked over {coordinator.shard_count} shards in {elapsed:.1f} s", file=sys.stderr)
    return 0


@contextlib.contextmanager
def _output(path: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    # Written beside the target and renamed over it, so a failed write never replaces a good
    # run with half of one.
    directory = os.path.dirname(os.path.abspath(path))
    descriptor, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            yield handle
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
