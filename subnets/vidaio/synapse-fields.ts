// The fields of vidaio's two synapses, nested payload models included, in declaration order (pure data).
// vidAio-subnet/vidaio-subnet@fea3779:vidaio_subnet_core/protocol.py (Version, UpscalingMinerPayload,
// CompressionMinerPayload, MinerResponse, VideoUpscalingProtocol, VideoCompressionProtocol).
import type { SynapseField } from '../../harness/config/subnet-profile.ts';

const VERSION: SynapseField = {
  name: 'version',
  type: 'model',
  default: null,
  fields: [
    { name: 'major', type: 'int', required: true },
    { name: 'minor', type: 'int', required: true },
    { name: 'patch', type: 'int', required: true },
  ],
};

const MINER_RESPONSE: SynapseField = {
  name: 'miner_response',
  type: 'model',
  fields: [
    { name: 'optimized_video_urls', type: 'list', items: 'str', default: [] },
    { name: 'optimized_video_url', type: 'str', default: '' },
  ],
};

export const UPSCALING_FIELDS: SynapseField[] = [
  VERSION,
  { name: 'round_id', type: 'str', default: null },
  {
    name: 'miner_payload',
    type: 'model',
    fields: [
      { name: 'reference_video_urls', type: 'list', items: 'str', default: [] },
      { name: 'reference_video_url', type: 'str', default: '' },
      { name: 'maximum_optimized_size_mb', type: 'int', default: 100 },
      { name: 'task_types', type: 'list', items: 'str', default: [] },
      { name: 'task_type', type: 'str', default: 'HD24K' },
    ],
  },
  MINER_RESPONSE,
];

export const COMPRESSION_FIELDS: SynapseField[] = [
  VERSION,
  { name: 'round_id', type: 'str', default: null },
  {
    name: 'miner_payload',
    type: 'model',
    fields: [
      { name: 'reference_video_urls', type: 'list', items: 'str', default: [] },
      { name: 'reference_video_url', type: 'str', default: '' },
      { name: 'vmaf_threshold', type: 'float', default: 90 },
      { name: 'vmaf_thresholds', type: 'list', items: 'float', default: [] },
      { name: 'target_codec', type: 'str', default: 'av1' },
      { name: 'target_codecs', type: 'list', items: 'str', default: [] },
      { name: 'codec_mode', type: 'str', default: 'CRF' },
      { name: 'codec_modes', type: 'list', items: 'str', default: [] },
      { name: 'target_bitrate', type: 'float', default: 10 },
      { name: 'target_bitrates', type: 'list', items: 'float', default: [] },
    ],
  },
  MINER_RESPONSE,
];
