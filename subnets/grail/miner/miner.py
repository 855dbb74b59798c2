"""Stand-in grail miner (plumbing only): every window it writes one rollout file to the S3 storage, at a set rate.

grail's real miner (one-covenant/grail@54d6342, `grail mine`) derives problems from the drand beacon and the window's
block hash, generates 16 rollouts per problem with vLLM and GRAIL proofs, and uploads one file per 30-block window.
This stand-in reads the same two inputs from the run's world (GET /block, GET /beacon/latest) and writes rollouts whose
completion tokens are derived from them, GRAIL_ROLLOUTS_PER_WINDOW per window and GRAIL_DUPLICATES_PER_WINDOW of them
repeated, so the harness's unique-rollout counting and duplicate dropping can be tested. It proves nothing and needs no GPU.

Test hooks (a stand-in's, labelled): GRAIL_SKIP_WINDOW_MOD=k uploads nothing for a window whose index
(window_start / window_length) is k-1 modulo k; GRAIL_JUNK_WINDOW_MOD=k also uploads a file that is not a rollout file
for a window whose index is 0 modulo k. Of any k consecutive windows exactly one is hit, whenever the run starts.
"""

import asyncio
import hashlib
import json
import os
import signal
import sys

import aiohttp

from s3 import S3Target, put_object


def fail(message):
    print(f"grail stand-in: {message}", file=sys.stderr, flush=True)
    sys.exit(2)


def env_int(name, default, low, high):
    text = os.environ.get(name, str(default)).strip()
    if not text.isdigit() or not low <= int(text) <= high:
        fail(f"{name}={text!r} must be an integer in {low}..{high}")
    return int(text)


def rollout(hotkey, block_hash, randomness, i):
    """Completion tokens from sha256(hotkey, window block hash, beacon, index): distinct per index, fixed per inputs."""
    digest = hashlib.sha256(f"{hotkey}:{block_hash}:{randomness}:{i}".encode()).digest()
    return {"problem": i // 16, "completion_tokens": list(digest[:16])}


async def main():
    world = os.environ.get("GRAIL_WORLD_URL", "").rstrip("/")
    if not world:
        fail("GRAIL_WORLD_URL is required (the run's block clock and beacon)")
    try:
        target = S3Target(os.environ["GRAIL_S3_ENDPOINT_URL"], os.environ["GRAIL_S3_BUCKET"],
                          os.environ["GRAIL_S3_ACCESS_KEY_ID"], os.environ["GRAIL_S3_SECRET_ACCESS_KEY"])
    except (KeyError, ValueError) as e:
        fail(f"storage configuration: {e}")
    per_window = env_int("GRAIL_ROLLOUTS_PER_WINDOW", 64, 0, 10_000_000)
    duplicates = env_int("GRAIL_DUPLICATES_PER_WINDOW", 0, 0, 10_000_000)
    skip_mod = env_int("GRAIL_SKIP_WINDOW_MOD", 0, 0, 1000)
    junk_mod = env_int("GRAIL_JUNK_WINDOW_MOD", 0, 0, 1000)
    hotkey = os.environ.get("MINER_HOTKEY_SS58", "stand-in")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    done = set()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
        print(f"grail stand-in: {per_window} rollouts (+{duplicates} repeated) per window, world {world}", flush=True)
        while not stop.is_set():
            try:
                async with session.get(f"{world}/block") as r:
                    block = await r.json()
                async with session.get(f"{world}/beacon/latest") as r:
                    beacon = await r.json()
                window = block["window_start"]
                index = window // block["window_length"]
                if window not in done:
                    done.add(window)
                    if junk_mod and index % junk_mod == 0:
                        await put_object(session, target, f"grail/{hotkey}/junk-{window}.bin", b"not a rollout file\n",
                                         "application/octet-stream")
                        print(f"window {window}: uploaded a junk file (test hook)", flush=True)
                    if skip_mod and index % skip_mod == skip_mod - 1:
                        print(f"window {window}: no upload (test hook)", flush=True)
                    else:
                        rows = [rollout(hotkey, block["hash"], beacon["randomness"], i) for i in range(per_window)]
                        rows += rows[:duplicates]
                        body = json.dumps({"window": window, "hotkey": hotkey, "beacon_round": beacon["round"],
                                           "rollouts": rows}).encode()
                        await put_object(session, target, f"grail/{hotkey}/window-{window}.json", body,
                                         "application/json")
                        print(f"window {window}: uploaded {len(rows)} rollouts", flush=True)
            except (aiohttp.ClientError, RuntimeError, KeyError, ValueError) as e:
                print(f"grail stand-in: {e}", flush=True)
            try:
                await asyncio.wait_for(stop.wait(), timeout=0.1)
            except asyncio.TimeoutError:
                pass


if __name__ == "__main__":
    asyncio.run(main())
