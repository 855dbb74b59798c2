#!/usr/bin/env python3
"""Writes sample.jsonl: the Dummy queries one template-subnet miner receives from several template validators.

Model (opentensor/bittensor-subnet-template: template/validator/forward.py, template/utils/uids.py,
template/base/validator.py; see README.md):
- each validator runs steps one after another; a step queries k=50 random serving UIDs out of N at once with
  Dummy(dummy_input=step), waits for the slowest answer (the dendrite's 12 s timeout bounds it), scores,
  then sleeps 5 s; so our miner is in a given step with probability k/N;
- on a real subnet some of the 50 miners time out, so the slowest answer is often the full 12 s;
- every 100 blocks (1200 s) a validator also sets weights and resyncs the metagraph, which adds a pause;
- validators started at different times, so their step counters (the dummy_input) differ.

Stdlib only and seeded, so the output is reproducible:  python3 make-sample.py > sample.jsonl
"""

import json
import random
import sys

SEED = 20241217  # the template commit date cited in README.md
QUERIES = 720
VALIDATORS = 4
SERVING_UIDS = 340  # N: serving, non-validator UIDs a validator samples from
SAMPLE_SIZE = 50  # --neuron.sample_size
TIMEOUT_S = 12  # dendrite default timeout
SLEEP_S = 5.0  # time.sleep(5) at the end of forward()
EPOCH_S = 100 * 12  # --neuron.epoch_length blocks x 12 s


def slowest_answer_s(rng):
    """Seconds until the slowest of the 50 queried miners answers or times out."""
    if rng.random() < 0.65:
        return TIMEOUT_S + rng.uniform(0.0, 0.08)  # at least one of 50 hit the timeout
    return min(TIMEOUT_S, rng.lognormvariate(1.3, 0.45))  # all answered; the slowest took ~2-8 s


def validator_queries(rng, horizon_s):
    """(t, step) for every step of one validator in which our miner was among the sampled UIDs."""
    step = rng.randint(2_000, 60_000)  # how long this validator has been running
    t = rng.uniform(0.0, 20.0)  # phase at capture start
    next_epoch = rng.uniform(0.0, EPOCH_S)
    out = []
    while t < horizon_s:
        if rng.random() < SAMPLE_SIZE / SERVING_UIDS:
            out.append((t + rng.uniform(0.001, 0.040), step))  # the 50 calls leave within a few ms
        t += slowest_answer_s(rng) + rng.uniform(0.05, 0.40) + SLEEP_S  # answers, scoring + EMA, sleep
        step += 1
        if t >= next_epoch:  # set_weights extrinsic + metagraph resync
            t += rng.uniform(4.0, 15.0)
            next_epoch += EPOCH_S
    return out


def main():
    rng = random.Random(SEED)
    horizon = 3600.0
    while True:
        queries = sorted(q for _ in range(VALIDATORS) for q in validator_queries(rng, horizon))
        if len(queries) >= QUERIES:
            break
        horizon *= 1.5
    for t, step in queries[:QUERIES]:
        line = {"t": round(t, 3), "synapse": "Dummy", "body": {"dummy_input": step}, "timeout": TIMEOUT_S}
        sys.stdout.write(json.dumps(line, separators=(", ", ": ")) + "\n")


if __name__ == "__main__":
    main()
