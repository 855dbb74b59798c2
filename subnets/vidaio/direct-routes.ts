// vidaio's GPU-service routes (POST /upscale, /compress): the axon's payload as the service's request, its answer as a synapse.
// vidAio-subnet/vidaio-subnet@fea3779:neurons/miner.py (_upscaling_service_payload, _compression_service_payload,
// _post_processing_service) and miner/compression/app.py, miner/upscaling/app.py (CompressRequest, UpscaleRequest,
// *Response: output_urls, errors, success). Upstream the axon downloads first and passes a local path; the services
// also take URLs (remote mode), which is what the direct path sends.
import type { DirectRoute } from '../../harness/config/subnet-profile.ts';

const TASK_SCALE: Record<string, number> = { SD24K: 4, HD24K: 2, SD2HD: 2, '4K28K': 2 };

function payload(body: Record<string, unknown>): Record<string, unknown> {
  return (body.miner_payload ?? {}) as Record<string, unknown>;
}

function urls(p: Record<string, unknown>): string[] {
  const list = Array.isArray(p.reference_video_urls) ? (p.reference_video_urls as string[]) : [];
  return list.length
    ? list
    : typeof p.reference_video_url === 'string' && p.reference_video_url
      ? [p.reference_video_url]
      : [];
}

/** The service's answer as the synapse's miner_response (null when it is not the service's JSON). */
function asSynapse(answer: unknown): Record<string, unknown> | null {
  if (!answer || typeof answer !== 'object') return null;
  const a = answer as { output_urls?: unknown; success?: unknown };
  const out = Array.isArray(a.output_urls) ? a.output_urls.filter((u): u is string => typeof u === 'string') : [];
  return {
    miner_response: { optimized_video_urls: out, optimized_video_url: out[0] ?? '' },
    success: a.success === true,
  };
}

export const DIRECT_ROUTES: DirectRoute[] = [
  {
    synapse: 'VideoUpscalingProtocol',
    path: '/upscale',
    request: (body) => {
      const p = payload(body);
      const task = (Array.isArray(p.task_types) && p.task_types[0]) || p.task_type || 'HD24K';
      return { video_paths: urls(p), scale: TASK_SCALE[String(task)] ?? 2, task_id: String(body.round_id ?? '') };
    },
    response: asSynapse,
  },
  {
    synapse: 'VideoCompressionProtocol',
    path: '/compress',
    request: (body) => {
      const p = payload(body);
      return {
        video_paths: urls(p),
        task_id: String(body.round_id ?? ''),
        codec: String(p.target_codec ?? 'av1'),
        codec_mode: String(p.codec_mode ?? 'CRF').toUpperCase(),
        target_bitrate: Math.trunc(Number(p.target_bitrate ?? 10) * 1_000_000),
        vmaf_threshold: Number(p.vmaf_threshold ?? 90),
      };
    },
    response: asSynapse,
  },
];
