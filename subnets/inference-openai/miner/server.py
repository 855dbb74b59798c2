"""A small offline OpenAI-compatible server (aiohttp) that streams a deterministic answer at a set token rate.

It stands in for an inference miner (vLLM, SGLang) so minerbench's tests need no model weights:
  GET  /health, GET /v1/models
  POST /v1/chat/completions, POST /v1/completions   (stream true: SSE chunks, one word each; else one JSON answer)
The "model" answers "What is A plus B?" with the sum and "Repeat after me: TEXT" with TEXT; anything else gets a fixed
sentence. Environment: MINER_PORT (8000), MINER_HOST (0.0.0.0), MINER_MODEL, MINER_TOKENS_PER_S (200), MINER_TTFT_MS (20),
MINER_STALL_EVERY_S / MINER_STALL_MS (freeze the whole process, as a GC pause or a stuck GPU would),
MINER_CLOSE_EVERY (close the connection mid-stream on every Nth streamed answer).
"""

import asyncio
import json
import os
import re
import signal
import sys
import time
import uuid


def env_num(name, default, low, high, kind=float):
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = kind(text)
    except ValueError:
        fail(f"{name}={text!r} is not a number")
    if not low <= value <= high:
        fail(f"{name}={value} is out of range {low}..{high}")
    return value


def fail(message):
    print(f"miner: {message}", file=sys.stderr, flush=True)
    sys.exit(2)


CONFIG = {
    "port": env_num("MINER_PORT", 8000, 1, 65535, int),
    # minerbench --runtime process sets 127.0.0.1 (a local process listens on loopback only); a container listens on all.
    "host": os.environ.get("MINER_HOST", "").strip() or "0.0.0.0",
    "model": os.environ.get("MINER_MODEL", "").strip() or "minerbench/echo-1",
    "tokens_per_s": env_num("MINER_TOKENS_PER_S", 200.0, 0.1, 1e6),
    "ttft_ms": env_num("MINER_TTFT_MS", 20.0, 0, 600_000),
    "stall_every_s": env_num("MINER_STALL_EVERY_S", 0.0, 0, 86_400),
    "stall_ms": env_num("MINER_STALL_MS", 0.0, 0, 600_000),
    "close_every": env_num("MINER_CLOSE_EVERY", 0, 0, 10**9, int),
}

SUM = re.compile(r"what is (-?\d+) plus (-?\d+)\?", re.I)
REPEAT = re.compile(r"repeat after me:\s*(.+)", re.I | re.S)


def answer_for(prompt):
    m = SUM.search(prompt)
    if m:
        return f"{int(m.group(1)) + int(m.group(2))}"
    m = REPEAT.search(prompt)
    if m:
        return m.group(1).strip()
    return "I am a small offline test model and can only add numbers or repeat text."


def prompt_of(body, chat):
    if chat:
        msgs = body.get("messages") or []
        users = [m.get("content", "") for m in msgs if isinstance(m, dict) and m.get("role") == "user"]
        return users[-1] if users else ""
    p = body.get("prompt", "")
    return p if isinstance(p, str) else " ".join(map(str, p))


def words(text, max_tokens):
    parts = text.split(" ")
    toks = [parts[0]] + [" " + w for w in parts[1:]]
    return toks[: max_tokens] if max_tokens else toks


def log(line):
    print(line, flush=True)


class Miner:
    def __init__(self):
        self.streams = 0
        self.started = time.monotonic()

    async def stall_loop(self):
        # A freeze of the whole process (time.sleep blocks the event loop): every request in flight waits.
        while True:
            await asyncio.sleep(CONFIG["stall_every_s"])
            time.sleep(CONFIG["stall_ms"] / 1000)

    async def health(self, request):
        from aiohttp import web
        return web.json_response({"status": "ok"})

    async def models(self, request):
        from aiohttp import web
        return web.json_response({"object": "list", "data": [{"id": CONFIG["model"], "object": "model", "owned_by": "minerbench"}]})

    async def completions(self, request):
        return await self.generate(request, chat=False)

    async def chat(self, request):
        return await self.generate(request, chat=True)

    async def generate(self, request, chat):
        from aiohttp import web
        try:
            body = await request.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            return web.json_response({"error": {"message": "body is not JSON", "type": "invalid_request_error"}}, status=400)
        if not isinstance(body, dict):
            return web.json_response({"error": {"message": "body must be an object", "type": "invalid_request_error"}}, status=400)
        toks = words(answer_for(prompt_of(body, chat)), int(body.get("max_tokens") or 0))
        rid = ("chatcmpl-" if chat else "cmpl-") + uuid.uuid4().hex[:24]
        created = int(time.time())
        obj = "chat.completion" if chat else "text_completion"
        gap = 1.0 / CONFIG["tokens_per_s"]
        await asyncio.sleep(CONFIG["ttft_ms"] / 1000)
        if not body.get("stream"):
            await asyncio.sleep(gap * max(0, len(toks) - 1))
            text = "".join(toks)
            choice = {"index": 0, "finish_reason": "stop", **({"message": {"role": "assistant", "content": text}} if chat else {"text": text})}
            return web.json_response({"id": rid, "object": obj, "created": created, "model": CONFIG["model"], "choices": [choice],
                                      "usage": {"prompt_tokens": len(prompt_of(body, chat).split()), "completion_tokens": len(toks), "total_tokens": len(toks)}})
        self.streams += 1
        close_mid = CONFIG["close_every"] and self.streams % CONFIG["close_every"] == 0
        resp = web.StreamResponse(status=200, headers={"content-type": "text/event-stream", "cache-control": "no-cache"})
        await resp.prepare(request)
        chunk_obj = "chat.completion.chunk" if chat else "text_completion"

        def event(piece, finish=None, usage=None):
            choice = {"index": 0, "finish_reason": finish, **({"delta": {"content": piece} if piece is not None else {}} if chat else {"text": piece or ""})}
            ev = {"id": rid, "object": chunk_obj, "created": created, "model": CONFIG["model"], "choices": [choice]}
            if usage:
                ev["usage"] = usage
            return ("data: " + json.dumps(ev) + "\n\n").encode()

        if chat:
            await resp.write(event("", None))  # the role chunk vLLM sends first carries no text
        start = time.monotonic()
        for k, tok in enumerate(toks):
            delay = start + k * gap - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            await resp.write(event(tok))
            if close_mid and k == len(toks) // 2:
                request.transport.close()
                log(f"closed the connection mid-stream on answer {self.streams} (MINER_CLOSE_EVERY)")
                return resp
        usage = {"prompt_tokens": len(prompt_of(body, chat).split()), "completion_tokens": len(toks), "total_tokens": len(toks)}
        await resp.write(event(None, "stop", usage))
        await resp.write(b"data: [DONE]\n\n")
        await resp.write_eof()
        return resp


async def serve():
    from aiohttp import web
    miner = Miner()
    app = web.Application(client_max_size=16 * 1024 * 1024)
    app.router.add_get("/health", miner.health)
    app.router.add_get("/v1/models", miner.models)
    app.router.add_post("/v1/chat/completions", miner.chat)
    app.router.add_post("/v1/completions", miner.completions)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, CONFIG["host"], CONFIG["port"], reuse_address=True)
    await site.start()
    extras = " ".join(f"{k}={v}" for k, v in CONFIG.items() if k not in ("port", "host"))
    log(f"openai server listening on {CONFIG['host']}:{CONFIG['port']} {extras}")
    if CONFIG["stall_every_s"] and CONFIG["stall_ms"]:
        asyncio.ensure_future(miner.stall_loop())
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    log("shutting down")
    try:
        await asyncio.wait_for(runner.cleanup(), timeout=2.0)
    except asyncio.TimeoutError:
        pass


if __name__ == "__main__":
    try:
        asyncio.run(serve())
    except OSError as e:
        fail(f"cannot listen on port {CONFIG['port']}: {e}")
