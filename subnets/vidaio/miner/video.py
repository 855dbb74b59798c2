"""Download, compress and upscale with Debian's ffmpeg: the stand-in for vidaio's GPU services (CPU encoders).

Upstream does the same work with NVENC (av1_nvenc/hevc_nvenc) and Video2X [vidAio-subnet/vidaio-subnet@fea3779:
miner/compression/app.py, miner/upscaling/app.py]; this stand-in uses libsvtav1/libx265/libx264/libvpx-vp9 and the
scale filter, so it measures plumbing and CPU encode time, not a GPU miner's quality or speed.
"""

import asyncio
import os

# codec name in the payload -> (encoder, quality args for CRF mode)
ENCODERS = {
    "av1": ("libsvtav1", ["-preset", "12", "-crf", "40"]),
    "hevc": ("libx265", ["-preset", "ultrafast", "-crf", "30", "-x265-params", "log-level=error"]),
    "h265": ("libx265", ["-preset", "ultrafast", "-crf", "30", "-x265-params", "log-level=error"]),
    "h264": ("libx264", ["-preset", "ultrafast", "-crf", "28"]),
    "vp9": ("libvpx-vp9", ["-deadline", "realtime", "-cpu-used", "8", "-crf", "40", "-b:v", "0"]),
}
# upstream TASK_TYPE_TO_SCALE [neurons/miner.py]
TASK_SCALE = {"SD24K": 4, "HD24K": 2, "SD2HD": 2, "4K28K": 2}


class VideoError(Exception):
    """A clip that could not be fetched or processed; the miner answers without a URL for it."""


async def download(session, url, dest, limit_bytes=2 * 1024**3):
    async with session.get(url) as r:
        if r.status != 200:
            raise VideoError(f"download of {url} answered HTTP {r.status}")
        size = 0
        with open(dest, "wb") as f:
            async for chunk in r.content.iter_chunked(1 << 16):
                size += len(chunk)
                if size > limit_bytes:
                    raise VideoError(f"{url} is larger than {limit_bytes} bytes")
                f.write(chunk)
    return size


async def ffmpeg(args, threads):
    proc = await asyncio.create_subprocess_exec(
        "ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args, "-threads", str(threads),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    _, err = await proc.communicate()
    if proc.returncode != 0:
        raise VideoError(f"ffmpeg failed ({proc.returncode}): {err.decode(errors='replace')[-400:]}")


def output_path(src, suffix):
    base, _ = os.path.splitext(src)
    return f"{base}-{suffix}.mp4"


async def compress(src, codec, mode, bitrate_bps, threads=2):
    codec = (codec or "av1").lower()
    if codec not in ENCODERS:
        raise VideoError(f"unknown target codec {codec!r}")
    encoder, crf_args = ENCODERS[codec]
    rate = crf_args if (mode or "CRF").upper() == "CRF" else ["-b:v", str(int(bitrate_bps or 1_000_000))]
    out = output_path(src, "compressed")
    await ffmpeg(["-i", src, "-an", "-c:v", encoder, *rate, "-pix_fmt", "yuv420p", out], threads)
    return out


async def upscale(src, scale, threads=2):
    if scale not in (2, 4):
        raise VideoError(f"scale must be 2 or 4, got {scale!r}")
    out = output_path(src, f"x{scale}")
    await ffmpeg(["-i", src, "-an", "-vf", f"scale=iw*{scale}:ih*{scale}:flags=lanczos",
                  "-c:v", "libx264", "-preset", "ultrafast", "-crf", "18", "-pix_fmt", "yuv420p", out], threads)
    return out
