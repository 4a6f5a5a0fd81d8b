#!/usr/bin/env python3
"""The report at the end of ./scs demo: what went in, what came out, how fast, where to look.

Reads the speed layer's Prometheus metrics (HTTP endpoint or text file), the batch runs' printed
reports and the serving layer's REST API. Standard library only: it runs on the machine's python3.
"""
import argparse
import json
import re
import sys
import urllib.error
import urllib.request


def read_metrics(source):
    """Prometheus text exposition -> {name: value} and {name: {labels: value}}."""
    if source.startswith("http"):
        with urllib.request.urlopen(source, timeout=5) as response:
            text = response.read().decode("utf-8")
    else:
        with open(source, encoding="utf-8") as file:
            text = file.read()
    plain, labelled = {}, {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        match = re.match(r"^([a-zA-Z_:][\w:]*)(\{(.*)\})?\s+(\S+)$", line)
        if not match:
            continue
        name, _, labels, value = match.groups()
        if labels:
            labelled.setdefault(name, {})[labels] = float(value)
        else:
            plain[name] = float(value)
    return plain, labelled


def batch_summary(path):
    """Run id, seconds taken and the MongoDB reconcile line of one printed batch report."""
    with open(path, encoding="utf-8") as file:
        text = file.read()
    run = re.search(r"batch run (\S+) published", text)
    took = re.search(r"took\s+([\d.]+) s", text)
    citizens = re.search(r"MongoDB citizens\s+([\d,]+) updated, ([\d,]+) already current", text)
    return {
        "run": run.group(1) if run else "?",
        "seconds": float(took.group(1)) if took else None,
        "changed": int(citizens.group(1).replace(",", "")) if citizens else None,
        "current": int(citizens.group(2).replace(",", "")) if citizens else None,
    }


def reason_of(labels):
    """'reason="duplicate"' -> 'duplicate'."""
    match = re.match(r'^reason="(.*)"$', labels)
    return match.group(1) if match else labels


def get_json(api, path):
    try:
        with urllib.request.urlopen(api + path, timeout=10) as response:
            return json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, ValueError) as error:
        return {"error": str(error)}


def tiers_line(distribution):
    """Citizens by tier from GET /api/v1/analytics/distribution, whatever its exact shape."""
    tiers = distribution.get("tiers")
    if isinstance(tiers, dict):
        pairs = tiers.items()
    elif isinstance(tiers, list):
        pairs = [(t.get("tier") or "none", t.get("citizens", t.get("count"))) for t in tiers]
    else:
        return "n/a (" + str(distribution.get("error", "no tiers in the answer")) + ")"
    return ", ".join(f"{tier} {count:,}" for tier, count in pairs)


def graph_line(api):
    """The live graph around the leaderboard's first citizen, as the network endpoint serves it."""
    entries = get_json(api, "/api/v1/leaderboard?limit=1").get("entries") or []
    if not entries:
        return "n/a (no leaderboard entry to start from)"
    citizen = entries[0]["citizen_id"]
    network = get_json(api, f"/api/v1/citizens/{citizen}/network?depth=2")
    if "error" in network:
        return f"n/a ({network['error']})"
    return (
        f"{citizen} reaches {len(network.get('nodes', [])) - 1:,} citizens over"
        f" {len(network.get('ties', [])):,} ties within 2 steps ({network.get('source')};"
        f" GET {api}/api/v1/citizens/{citizen}/network?depth=2)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--produced", type=int, required=True)
    parser.add_argument("--live-records", type=int, required=True)
    parser.add_argument("--live-seconds", type=int, required=True)
    parser.add_argument("--backfill-records", type=int, required=True)
    parser.add_argument("--backfill-seconds", type=int, required=True)
    parser.add_argument("--metrics", required=True, help="URL or file of the speed layer's metrics")
    parser.add_argument("--batch", action="append", default=[], help="a batch run's output")
    parser.add_argument("--api", required=True)
    args = parser.parse_args()

    plain, labelled = read_metrics(args.metrics)
    rejects = labelled.get("scs_speed_rejects_total", {})
    rejected = sum(rejects.values())
    by_reason = ", ".join(
        f"{reason_of(labels)} {int(count):,}"
        for labels, count in sorted(rejects.items(), key=lambda item: -item[1])
    )
    runs = [batch_summary(path) for path in args.batch]
    rate = args.live_records / args.live_seconds if args.live_seconds else 0

    print("Demo report")
    print(f"  events produced      {args.produced:,}")
    print(f"  accepted             {int(plain.get('scs_speed_accepted_events_total', 0)):,}")
    print(f"  rejected             {int(rejected):,}: {by_reason or 'none'}")
    print(f"  firings              {int(plain.get('scs_speed_firings_total', 0)):,} (speed layer)")
    print(f"  citizens by tier     {tiers_line(get_json(args.api, '/api/v1/analytics/distribution'))}")
    backfill_rate = args.backfill_records / args.backfill_seconds if args.backfill_seconds else 0
    print(
        f"  speed layer          backfill {args.backfill_records:,} records in"
        f" {args.backfill_seconds} s = {backfill_rate:,.0f} records/s (as fast as it goes);"
    )
    print(
        f"                       live {args.live_records:,} records in {args.live_seconds} s"
        f" (simulation and drain) = {rate:,.0f} records/s; lag now"
        f" {int(plain.get('scs_speed_consumer_lag_records', -1)):,} records; last micro-batch"
        f" {plain.get('scs_speed_batch_duration_seconds', 0):.1f} s"
    )
    for number, run in enumerate(runs, start=1):
        seconds = f"{run['seconds']:.1f} s" if run["seconds"] is not None else "?"
        print(f"  batch run {number}          {run['run']} took {seconds}")
    if len(runs) >= 2 and runs[-1]["changed"] is not None:
        print(
            f"  drift                the second run rewrote the stored score of"
            f" {runs[-1]['changed']:,} citizens ({runs[-1]['current']:,} already matched): late"
            " events the speed layer scored in arrival order, and decay since its last write"
        )
    print(f"  social graph         {graph_line(args.api)}")
    print("  open                 dashboard  " + args.api + "/")
    print("                       API        " + args.api + "/api/v1/citizens/{id}/score")
    print("                       OpenAPI    " + args.api + "/openapi.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
