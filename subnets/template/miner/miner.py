"""Reference miner of the Bittensor subnet template (Dummy synapse): reads the environment and serves the axon."""

import asyncio
import functools
import os
import signal
import sys

from ss58 import ss58_error


def fail(message):
    print(f"miner: {message}", file=sys.stderr, flush=True)
    sys.exit(2)


def env_int(name, default, low, high):
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        fail(f"{name}={text!r} is not an integer")
    if not low <= value <= high:
        fail(f"{name}={value} is out of range {low}..{high}")
    return value


def read_config():
    hotkey = os.environ.get("MINER_HOTKEY_SS58", "").strip()
    if not hotkey:
        fail("MINER_HOTKEY_SS58 is required: the SS58 address of this miner's hotkey, which dendrites sign for "
             "(e.g. -e MINER_HOTKEY_SS58=5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty)")
    bad = ss58_error(hotkey)
    if bad:
        fail(f"MINER_HOTKEY_SS58={hotkey!r} is not a valid SS58 address: {bad}")
    allowed = [k.strip() for k in os.environ.get("MINER_ALLOWED_HOTKEYS", "").split(",") if k.strip()]
    for key in allowed:
        if ss58_error(key):
            fail(f"MINER_ALLOWED_HOTKEYS holds {key!r}, which is not a valid SS58 address: {ss58_error(key)}")
    return {
        "hotkey": hotkey,
        "host": os.environ.get("MINER_HOST", "").strip() or "0.0.0.0",
        "port": env_int("MINER_PORT", 8091, 1, 65535),
        "delay_ms": env_int("MINER_DELAY_MS", 0, 0, 3_600_000),
        "crash_after": env_int("MINER_CRASH_AFTER", 0, 0, 2**62),
        "allowed": allowed,
    }


def log(line):
    print(line, flush=True)


async def serve(config):
    from aiohttp import web

    from axon import Axon, template_forward

    forward = functools.partial(template_forward, delay_s=config["delay_ms"] / 1000)
    axon = Axon(config["hotkey"], forward, config["allowed"], config["crash_after"], log)
    runner = web.AppRunner(axon.app(), access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, config["host"], config["port"], reuse_address=True)
    await site.start()
    extras = []
    if config["allowed"]:
        extras.append(f"allowed_hotkeys={len(config['allowed'])}")
    if config["delay_ms"]:
        extras.append(f"delay_ms={config['delay_ms']}")
    if config["crash_after"]:
        extras.append(f"crash_after={config['crash_after']}")
    log(f"axon listening on {config['host']}:{config['port']} hotkey={config['hotkey']}"
        + "".join(" " + e for e in extras))

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, functools.partial(on_signal, sig, stop))
    await stop.wait()
    try:
        await asyncio.wait_for(runner.cleanup(), timeout=2.0)
    except asyncio.TimeoutError:
        log("shutdown: in-flight requests did not finish within 2 s; exiting anyway")


def on_signal(sig, stop):
    log(f"received {signal.Signals(sig).name}: shutting down")
    stop.set()


def main():
    config = read_config()
    try:
        asyncio.run(serve(config))
    except OSError as e:
        fail(f"cannot listen on {config['host']}:{config['port']}: {e}")


if __name__ == "__main__":
    main()
