// vidaioClips: the clips the vidaio queries name, at the task resolutions (a divisor shrinks them for CPU-only tests).
// Task resolutions: vidAio-subnet/vidaio-subnet@fea3779:services/video_scheduler/video_utils.py (DOWNSCALE_HEIGHTS,
// TASK_TO_RESOLUTION) and neurons/miner.py (TASK_TYPE_TO_SCALE): SD2HD 540p->1080p (x2), HD24K 1080p->2160p (x2),
// SD24K 540p->2160p (x4), 4K28K 2160p->4320p (x2).
import type { ClipSpec } from '../../harness/services/generate-clips.ts';

export const UPSCALING_TASKS = {
  SD2HD: { width: 960, height: 540, scale: 2 },
  HD24K: { width: 1920, height: 1080, scale: 2 },
  SD24K: { width: 960, height: 540, scale: 4 },
  '4K28K': { width: 3840, height: 2160, scale: 2 },
} as const;

export type UpscalingTask = keyof typeof UPSCALING_TASKS;

/** Compression references are 1080p sources. */
export const COMPRESSION_SOURCE = { width: 1920, height: 1080 };

const even = (x: number) => Math.max(2, 2 * Math.round(x / 2));

/** Every clip the shipped queries name, `divisor` times smaller on each side (1 = the validator's sizes). */
export function vidaioClips(divisor = 1, seconds = 5, fps = 24): ClipSpec[] {
  const up: ClipSpec[] = Object.entries(UPSCALING_TASKS).map(([task, t]) => ({
    name: `${task.toLowerCase()}-1.mp4`,
    width: even(t.width / divisor),
    height: even(t.height / divisor),
    seconds,
    fps,
    scale: t.scale,
  }));
  const compression = ['cmp-av1', 'cmp-hevc', 'cmp-h264', 'cmp-vp9', ...FAULT_CLIPS].map((name) => ({
    name: `${name}.mp4`,
    width: even(COMPRESSION_SOURCE.width / divisor),
    height: even(COMPRESSION_SOURCE.height / divisor),
    seconds,
    fps,
  }));
  return up.concat(compression);
}

/** Clips the stand-in miner answers badly on purpose (miner/miner.py test hooks); `missing` is never made (404). */
export const FAULT_CLIPS = ['fault-no-upload', 'fault-not-video', 'fault-outside', 'fault-duplicate'];
