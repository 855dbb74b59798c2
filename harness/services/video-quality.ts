// probeVideo / compareVideos: what a clip is (ffprobe) and how close it is to a reference (VMAF, else SSIM and PSNR).
import { execa } from 'execa';

export interface VideoProbe {
  codec: string;
  width: number;
  height: number;
  frames: number | null;
  seconds: number | null;
}

/** The first video stream of a file; null when ffprobe finds none (not a video). */
export async function probeVideo(file: string, signal?: AbortSignal): Promise<VideoProbe | null> {
  const r = await execa(
    'ffprobe',
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=codec_name,width,height,nb_frames,duration',
      '-of',
      'json',
      file,
    ],
    { reject: false, ...(signal ? { cancelSignal: signal } : {}) },
  );
  if (r.exitCode !== 0) return null;
  const s = (JSON.parse(String(r.stdout)) as { streams?: Array<Record<string, unknown>> }).streams?.[0];
  if (!s || typeof s.width !== 'number' || typeof s.height !== 'number') return null;
  const num = (v: unknown) => (v === undefined || v === 'N/A' || !Number.isFinite(Number(v)) ? null : Number(v));
  return {
    codec: String(s.codec_name ?? ''),
    width: s.width,
    height: s.height,
    frames: num(s.nb_frames),
    seconds: num(s.duration),
  };
}

let vmafAvailable: Promise<boolean> | null = null;

/** Whether this machine's ffmpeg has the libvmaf filter (Debian 12 and 13 do not). Asked once per process. */
export function ffmpegHasLibvmaf(): Promise<boolean> {
  vmafAvailable ??= execa('ffmpeg', ['-hide_banner', '-filters'], { reject: false }).then((r) =>
    /\blibvmaf\b/.test(String(r.stdout)),
  );
  return vmafAvailable;
}

export interface QualityMeasure {
  /** 'vmaf' where ffmpeg has libvmaf; otherwise 'ssim-psnr', a proxy the result labels as such. */
  metric: 'vmaf' | 'ssim-psnr';
  vmaf: number | null;
  /** SSIM over all planes, 0..1. */
  ssim: number;
  /** Mean PSNR in dB (Infinity for identical frames). */
  psnr: number;
}

async function lavfi(distorted: string, reference: string, graph: string, signal?: AbortSignal): Promise<string> {
  const r = await execa(
    'ffmpeg',
    ['-hide_banner', '-nostdin', '-i', distorted, '-i', reference, '-lavfi', graph, '-f', 'null', '-'],
    { reject: false, ...(signal ? { cancelSignal: signal } : {}) },
  );
  if (r.exitCode !== 0) throw new Error(`ffmpeg ${graph} failed: ${String(r.stderr).slice(-300)}`);
  return String(r.stderr);
}

/** Compares two clips of the same size frame by frame (ffmpeg's ssim and psnr filters, libvmaf when present). */
export async function compareVideos(
  distorted: string,
  reference: string,
  signal?: AbortSignal,
): Promise<QualityMeasure> {
  const ssimText = await lavfi(distorted, reference, '[0:v][1:v]ssim', signal);
  const psnrText = await lavfi(distorted, reference, '[0:v][1:v]psnr', signal);
  const ssim = Number(/SSIM .*All:([0-9.]+)/.exec(ssimText)?.[1]);
  const psnrRaw = /PSNR .*average:([0-9.]+|inf)/.exec(psnrText)?.[1];
  const psnr = psnrRaw === 'inf' ? Infinity : Number(psnrRaw);
  if (!Number.isFinite(ssim)) throw new Error('ffmpeg printed no SSIM');
  let vmaf: number | null = null;
  if (await ffmpegHasLibvmaf()) {
    const text = await lavfi(distorted, reference, '[0:v][1:v]libvmaf', signal);
    vmaf = Number(/VMAF score: ([0-9.]+)/.exec(text)?.[1]);
    if (!Number.isFinite(vmaf)) vmaf = null;
  }
  return { metric: vmaf === null ? 'ssim-psnr' : 'vmaf', vmaf, ssim, psnr };
}
