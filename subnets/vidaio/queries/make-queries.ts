// Writes sample.jsonl: vidaio synthetic queries for both protocols, every task type and codec, and the bad-input cases.
// Shape: vidAio-subnet/vidaio-subnet@fea3779:vidaio_subnet_core/protocol.py (payload models, legacy scalar fields filled
// as the model validators fill them); timeouts 135 s / 180 s and 5 requests per 500 s from neurons/validator.py and
// vidaio_subnet_core/configs/bandwidth.py. Run: npx tsx subnets/vidaio/queries/make-queries.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLIP_URL_ORIGIN } from '../../../harness/services/clip-origin.ts';

const url = (name: string) => `${CLIP_URL_ORIGIN}/clips/${name}`;
const VERSION = { major: 2, minor: 3, patch: 0 };

function upscaling(task: string, clip: string) {
  return {
    synapse: 'VideoUpscalingProtocol',
    timeout: 135,
    body: {
      version: VERSION,
      round_id: `up-${clip}`,
      miner_payload: {
        reference_video_urls: [url(clip)],
        reference_video_url: url(clip),
        maximum_optimized_size_mb: 100,
        task_types: [task],
        task_type: task,
      },
    },
  };
}

function compression(clip: string, codec: string, mode: string, bitrate: number, threshold: number) {
  return {
    synapse: 'VideoCompressionProtocol',
    timeout: 180,
    body: {
      version: VERSION,
      round_id: `cmp-${clip}`,
      miner_payload: {
        reference_video_urls: [url(clip)],
        reference_video_url: url(clip),
        vmaf_threshold: threshold,
        vmaf_thresholds: [threshold],
        target_codec: codec,
        target_codecs: [codec],
        codec_mode: mode,
        codec_modes: [mode],
        target_bitrate: bitrate,
        target_bitrates: [bitrate],
      },
    },
  };
}

// The first ten cover both protocols, all four task types, four codecs and two bad inputs (--queries 10).
const queries = [
  upscaling('SD2HD', 'sd2hd-1.mp4'),
  compression('cmp-av1.mp4', 'av1', 'CRF', 10, 89),
  upscaling('HD24K', 'hd24k-1.mp4'),
  compression('cmp-hevc.mp4', 'hevc', 'VBR', 5, 85),
  upscaling('SD24K', 'sd24k-1.mp4'),
  compression('cmp-h264.mp4', 'h264', 'CRF', 10, 93),
  upscaling('4K28K', '4k28k-1.mp4'),
  compression('cmp-vp9.mp4', 'vp9', 'CRF', 10, 89),
  compression('missing.mp4', 'av1', 'CRF', 10, 89),
  compression('fault-not-video.mp4', 'av1', 'CRF', 10, 89),
  compression('fault-no-upload.mp4', 'av1', 'CRF', 10, 89),
  compression('fault-outside.mp4', 'av1', 'CRF', 10, 89),
  compression('cmp-av1.mp4', 'av1', 'CRF', 10, 89),
  compression('fault-duplicate.mp4', 'av1', 'CRF', 10, 89),
];

// 5 synthetic requests per 500 s interval: one every 100 s.
const lines = queries.map((q, i) => JSON.stringify({ t: i * 100, ...q }));
writeFileSync(path.join(import.meta.dirname, 'sample.jsonl'), `${lines.join('\n')}\n`);
