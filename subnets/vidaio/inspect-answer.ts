// inspectVidaioAnswer: what the miner's answer URL holds (during collection): in the sink? a video? right size? quality.
// The checks follow vidAio-subnet/vidaio-subnet@fea3779:services/scoring/server.py (score_upscaling_synthetics,
// score_compression_synthetics): duplicate answers, missing or unreadable output, resolution, frame count within 5,
// the upscaled file-size limit; then VMAF (ffmpeg libvmaf) where available, else SSIM/PSNR labelled as a proxy.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { InspectInput } from '../../harness/config/subnet-profile.ts';
import type { ClipServer } from '../../harness/services/clip-server.ts';
import type { S3Sink } from '../../harness/services/s3-sink.ts';
import { compareVideos, probeVideo } from '../../harness/services/video-quality.ts';
import { UPSCALING_SIZE_MULTIPLIER } from './score-upscaling.ts';
import { UPSCALING_TASKS, type UpscalingTask } from './clips.ts';

export type VidaioOutcome =
  | 'ok'
  | 'clip-missing'
  | 'no-output'
  | 'outside-sink'
  | 'upload-missing'
  | 'duplicate'
  | 'not-video'
  | 'wrong-resolution'
  | 'frame-mismatch'
  | 'too-large';

export interface VidaioInspection {
  protocol: 'compression' | 'upscaling';
  clip: string;
  outcome: VidaioOutcome;
  reason: string;
  url: string | null;
  metric: 'vmaf' | 'ssim-psnr' | null;
  vmaf: number | null;
  ssim: number | null;
  psnr: number | null;
  outputBytes: number | null;
  referenceBytes: number | null;
  seconds: number | null;
  vmafThreshold: number | null;
}

const FRAME_TOLERANCE = 5;

function payloadOf(body: Record<string, unknown>): Record<string, unknown> {
  const p = body.miner_payload;
  return p && typeof p === 'object' ? (p as Record<string, unknown>) : {};
}

function firstString(list: unknown, single: unknown): string | null {
  if (Array.isArray(list) && typeof list[0] === 'string' && list[0]) return list[0];
  return typeof single === 'string' && single ? single : null;
}

export async function inspectVidaioAnswer(input: InspectInput): Promise<VidaioInspection> {
  const { query, response, services, signal } = input;
  const clips = services.clips as ClipServer;
  const sink = services.sink as S3Sink;
  const protocol = query.synapse === 'VideoCompressionProtocol' ? 'compression' : 'upscaling';
  const payload = payloadOf(query.body);
  const clipUrl = firstString(payload.reference_video_urls, payload.reference_video_url) ?? '';
  const clip = decodeURIComponent(path.posix.basename(clipUrl.split('?')[0] ?? ''));
  const task = (firstString(payload.task_types, payload.task_type) ?? 'HD24K') as UpscalingTask;
  const scale = protocol === 'upscaling' ? (UPSCALING_TASKS[task]?.scale ?? 2) : 1;
  const threshold = Number(firstString(payload.vmaf_thresholds, null) ?? payload.vmaf_threshold ?? 90);
  const base: VidaioInspection = {
    protocol,
    clip,
    outcome: 'ok',
    reason: 'success',
    url: null,
    metric: null,
    vmaf: null,
    ssim: null,
    psnr: null,
    outputBytes: null,
    referenceBytes: null,
    seconds: null,
    vmafThreshold: protocol === 'compression' ? threshold : null,
  };
  const fail = (outcome: VidaioOutcome, reason: string, extra: Partial<VidaioInspection> = {}): VidaioInspection => ({
    ...base,
    ...extra,
    outcome,
    reason,
  });
  // Before the first await: answers claim their uploads in the order they are inspected (the order they came back),
  // so which of two answers naming one upload is the duplicate does not depend on which ffprobe finishes first.
  const answer = (response?.miner_response ?? {}) as Record<string, unknown>;
  const url = firstString(answer.optimized_video_urls, answer.optimized_video_url);
  const found = url ? sink.lookup(url) : null;
  const earlier = found?.status === 'ok' ? sink.claim(found.upload.key, `line ${query.line}`) : null;
  const files = clips.clipFiles(clip);
  const served = await probeVideo(files.served, signal);
  if (!served) return fail('clip-missing', `the clip ${clip} is not on the clip server (its URL answers 404)`);
  if (!url || !found) return fail('no-output', 'the miner answered without a result URL');
  if (found.status === 'outside')
    return fail('outside-sink', `the result URL is outside the sink: ${found.reason}`, { url });
  if (found.status === 'missing')
    return fail('upload-missing', `the result URL names ${found.key}, which was never uploaded`, { url });
  const at = { url, outputBytes: found.upload.size };
  if (earlier) return fail('duplicate', `duplicate miner response: the same upload answered ${earlier}`, at);
  const out = await probeVideo(found.path, signal);
  if (!out) return fail('not-video', `the uploaded file (${found.upload.size} bytes) is not a video`, at);
  const reference = protocol === 'upscaling' ? await probeVideo(files.reference, signal) : served;
  const withRef = { ...at, referenceBytes: (await stat(files.reference)).size, seconds: served.seconds };
  const wantW = served.width * scale;
  const wantH = served.height * scale;
  if (out.width !== wantW || out.height !== wantH)
    return fail('wrong-resolution', `output is ${out.width}x${out.height}, expected ${wantW}x${wantH}`, withRef);
  if (out.frames !== null && served.frames !== null && Math.abs(out.frames - served.frames) > FRAME_TOLERANCE)
    return fail('frame-mismatch', `output has ${out.frames} frames, the clip ${served.frames}`, withRef);
  if (protocol === 'upscaling' && found.upload.size > withRef.referenceBytes * (UPSCALING_SIZE_MULTIPLIER[scale] ?? 8))
    return fail('too-large', `output is over ${UPSCALING_SIZE_MULTIPLIER[scale]}x the reference's size`, withRef);
  if (!reference) return fail('clip-missing', `the reference of ${clip} is unreadable`, withRef);
  const q = await compareVideos(found.path, files.reference, signal);
  return {
    ...base,
    ...withRef,
    metric: q.metric,
    vmaf: q.vmaf,
    ssim: q.ssim,
    psnr: Number.isFinite(q.psnr) ? q.psnr : 100,
  };
}
