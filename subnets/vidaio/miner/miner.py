"""Stand-in vidaio miner: one process serving the axon (both synapses) and the GPU-service routes /compress, /upscale.

It downloads each reference clip, compresses or upscales it with Debian's ffmpeg (video.py), uploads the result to the
S3-compatible storage named by the same environment variables as upstream's miner/.env.template, and answers with a
presigned URL. Upstream runs the axon (neurons/miner.py) and the services (miner/compression/app.py :8004,
miner/upscaling/app.py :8003) as separate processes; here one port serves all of them.

Test hooks (a stand-in's, labelled): a clip whose name contains fault-no-upload, fault-not-video, fault-outside or
fault-duplicate makes the miner answer as a faulty miner would (a URL never uploaded, a file that is not a video, a URL
outside the storage, the previous answer's URL again).
"""

import asyncio
import functools
import os
import signal
import sys
import tempfile
import uuid

import aiohttp
from aiohttp import web

import video
from axon import Axon
from s3 import S3Target, put_object


def fail(message):
    print(f"miner: {message}", file=sys.stderr, flush=True)
    sys.exit(2)


def env(name, default=""):
    return os.environ.get(name, default).strip()


def read_config():
    missing = [n for n in ("MINER_STORAGE_S3_ENDPOINT_URL", "MINER_STORAGE_S3_BUCKET_NAME",
                           "MINER_STORAGE_S3_ACCESS_KEY_ID", "MINER_STORAGE_S3_SECRET_ACCESS_KEY") if not env(n)]
    if missing:
        fail(f"missing storage configuration: {', '.join(missing)} (the S3-compatible bucket results are uploaded to)")
    try:
        target = S3Target(env("MINER_STORAGE_S3_ENDPOINT_URL"), env("MINER_STORAGE_S3_BUCKET_NAME"),
                          env("MINER_STORAGE_S3_ACCESS_KEY_ID"), env("MINER_STORAGE_S3_SECRET_ACCESS_KEY"),
                          env("MINER_STORAGE_S3_REGION", "us-east-1"))
    except ValueError as e:
        fail(str(e))
    registered = env("MINER_REGISTERED_HOTKEYS", None) if "MINER_REGISTERED_HOTKEYS" in os.environ else None
    numbers = {}
    for name, default, low, high in (("MINER_PORT", 8091, 1, 65535), ("MINER_MAX_CONCURRENT", 2, 1, 64),
                                     ("MINER_FFMPEG_THREADS", 2, 1, 256)):
        text = env(name, str(default))
        if not text.isdigit() or not low <= int(text) <= high:
            fail(f"{name}={text!r} must be an integer in {low}..{high}")
        numbers[name] = int(text)
    return {
        "hotkey": env("MINER_HOTKEY_SS58", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"),
        "host": env("MINER_HOST", "0.0.0.0"),
        "port": numbers["MINER_PORT"],
        "concurrent": numbers["MINER_MAX_CONCURRENT"],
        "threads": numbers["MINER_FFMPEG_THREADS"],
        "workdir": env("MINER_WORKDIR", tempfile.gettempdir()),
        "target": target,
        "registered": None if registered is None else {k.strip() for k in registered.split(",") if k.strip()},
    }


def log(line):
    print(line, flush=True)


class Worker:
    """Runs one clip at a time per slot: download, ffmpeg, upload; returns the URL to answer with ('' on failure)."""

    def __init__(self, config, session):
        self.config = config
        self.session = session
        self.slots = asyncio.Semaphore(config["concurrent"])
        self.last_url = ""

    async def process(self, service, url, work):
        task_id = uuid.uuid4().hex[:12]
        name = os.path.basename(url.split("?")[0]) or "clip.mp4"
        src = os.path.join(self.config["workdir"], f"{task_id}-{name}")
        out = None
        async with self.slots:
            try:
                await video.download(self.session, url, src)
                out = await work(src)
                key = f"processing/{service}/{task_id}/{os.path.basename(out)}"
                target = self.config["target"]
                if "fault-outside" in name:
                    return "http://198.51.100.1/elsewhere/out.mp4"
                if "fault-duplicate" in name and self.last_url:
                    return self.last_url
                if "fault-no-upload" in name:
                    return target.presigned_get(key)
                with open(out, "rb") as f:
                    data = b"this is not a video\n" if "fault-not-video" in name else f.read()
                await put_object(self.session, target, key, data)
                self.last_url = target.presigned_get(key)
                return self.last_url
            except (video.VideoError, aiohttp.ClientError, RuntimeError, OSError) as e:
                log(f"{service} {url}: {e}")
                return ""
            finally:
                for path in (src, out):
                    if path and os.path.exists(path):
                        os.unlink(path)


def payload_list(payload, plural, singular):
    values = payload.get(plural) or []
    if not values and payload.get(singular):
        values = [payload[singular]]
    return values


def item(values, index, default):
    return values[index] if index < len(values) else default


async def forward(worker, name, synapse):
    payload = synapse.get("miner_payload") or {}
    urls = payload_list(payload, "reference_video_urls", "reference_video_url")
    threads = worker.config["threads"]
    if name == "VideoUpscalingProtocol":
        tasks = payload_list(payload, "task_types", "task_type")
        jobs = [worker.process("upscaling", url, functools.partial(
            lambda src, s: video.upscale(src, s, threads), s=video.TASK_SCALE.get(item(tasks, i, "HD24K"), 2)))
            for i, url in enumerate(urls)]
    elif name == "VideoCompressionProtocol":
        codecs = payload_list(payload, "target_codecs", "target_codec")
        modes = payload_list(payload, "codec_modes", "codec_mode")
        rates = payload_list(payload, "target_bitrates", "target_bitrate")
        jobs = [worker.process("compression", url, functools.partial(
            lambda src, c, m, b: video.compress(src, c, m, b, threads),
            c=item(codecs, i, "av1"), m=item(modes, i, "CRF"), b=float(item(rates, i, 10.0)) * 1_000_000))
            for i, url in enumerate(urls)]
    else:
        return synapse
    results = await asyncio.gather(*jobs)
    if any(results):
        synapse["miner_response"] = {"optimized_video_urls": list(results), "optimized_video_url": results[0]}
    return synapse


async def service_route(worker, service, request):
    """The GPU service's own API: {video_paths, ...} -> {output_paths, output_urls, errors, success}."""
    try:
        body = await request.json()
        paths = body["video_paths"]
        if not isinstance(paths, list) or not 1 <= len(paths) <= 5:
            raise ValueError("video_paths must hold 1..5 URLs")
    except (ValueError, KeyError, TypeError) as e:
        return web.json_response({"detail": f"invalid request: {e}"}, status=422)
    threads = worker.config["threads"]
    if service == "compression":
        work = functools.partial(lambda src: video.compress(src, str(body.get("codec", "AV1")),
                                                            str(body.get("codec_mode", "CRF")),
                                                            body.get("target_bitrate"), threads))
    else:
        scale = body.get("scale")
        work = functools.partial(lambda src: video.upscale(src, scale, threads))
    results = await asyncio.gather(*[worker.process(service, p, work) for p in paths])
    return web.json_response({
        "output_paths": [], "output_urls": [r for r in results if r],
        "errors": [None if r else "processing failed" for r in results], "success": any(results),
    })


async def serve(config):
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=600)) as session:
        worker = Worker(config, session)
        axon = Axon(config["hotkey"], functools.partial(forward, worker), config["registered"], log)
        app = web.Application(client_max_size=16 * 1024 * 1024)
        app.add_routes(axon.routes())
        app.add_routes([
            web.post("/compress", functools.partial(service_route, worker, "compression")),
            web.post("/upscale", functools.partial(service_route, worker, "upscaling")),
            web.get("/health", lambda _: web.json_response({"status": "ok"})),
        ])
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        await web.TCPSite(runner, config["host"], config["port"], reuse_address=True).start()
        log(f"vidaio stand-in listening on {config['host']}:{config['port']} storage={config['target'].endpoint}"
            f"/{config['target'].bucket}")
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        await runner.cleanup()


def main():
    config = read_config()
    try:
        asyncio.run(serve(config))
    except OSError as e:
        fail(f"cannot listen on {config['host']}:{config['port']}: {e}")


if __name__ == "__main__":
    main()
