// Vidaio (SN85): validators send video upscaling and compression synapses with clip URLs; the miner answers with the
// URL of its upload; the best five of each pool share it equally (80 % compression, 20 % upscaling). subnets.md 2.4.
import { defineSubnet } from '../../harness/config/subnet-profile.ts';
import { vidaioClips } from './clips.ts';
import { DIRECT_ROUTES } from './direct-routes.ts';
import { inspectVidaioAnswer, type VidaioInspection } from './inspect-answer.ts';
import { scoreVidaioAnswer } from './score-answer.ts';
import { COMPRESSION_FIELDS, UPSCALING_FIELDS } from './synapse-fields.ts';

export default defineSubnet({
  id: 'vidaio',
  netuid: 85,
  title: 'Vidaio (SN85): video upscaling and compression',
  workload: {
    kind: 'replay',
    // The run serves the clips the queries name (made with ffmpeg testsrc2 at the task sizes, clips.ts; --clip-divisor
    // shrinks them for CPU-only checks) and receives the uploads; inspect finds both under these names.
    services: {
      clips: { kind: 'clip-server', clips: vidaioClips() },
      sink: {
        kind: 's3-sink',
        bucket: 'vidaio',
        // the names vidaio's miner reads (vidAio-subnet/vidaio-subnet@fea3779:miner/.env.template)
        env: {
          endpoint: 'MINER_STORAGE_S3_ENDPOINT_URL',
          bucket: 'MINER_STORAGE_S3_BUCKET_NAME',
          accessKeyId: 'MINER_STORAGE_S3_ACCESS_KEY_ID',
          secretAccessKey: 'MINER_STORAGE_S3_SECRET_ACCESS_KEY',
          region: 'MINER_STORAGE_S3_REGION',
        },
      },
    },
  },
  // vidaio_subnet_core/validating/managing/miner_manager.py: compression_emission_allocation 0.80,
  // upscaling_emission_allocation 0.20, emission_rank_shares [0.2] * 5 (by accumulated score within each pool).
  law: {
    kind: 'rank-shares',
    source:
      'vidAio-subnet/vidaio-subnet@fea3779:vidaio_subnet_core/validating/managing/miner_manager.py, incentive_mechanism_summary.md (subnets.md 2.4)',
    pools: [
      { name: 'compression', weight: 0.8, shares: [0.2, 0.2, 0.2, 0.2, 0.2], synapses: ['VideoCompressionProtocol'] },
      { name: 'upscaling', weight: 0.2, shares: [0.2, 0.2, 0.2, 0.2, 0.2], synapses: ['VideoUpscalingProtocol'] },
    ],
    defaultPool: 'compression',
    // "The current burn proportion is 0.0" (incentive_mechanism_summary.md).
    burnFraction: 0,
    assume: {
      fieldSize: { value: 150, range: [25, 245] },
      where:
        'SN85 has 246 miner UIDs in the shipped chain snapshot (block 8,791,253); how they split between the two pools is not on chain',
    },
  },
  // Compression on the real miner needs NVENC (av1_nvenc/hevc_nvenc in miner/compression/app.py CODEC_MAP).
  eligibility: [
    {
      gate: 'nvenc',
      pool: 'compression',
      note: 'the compression miner encodes with av1_nvenc, hevc_nvenc or h264_nvenc (miner/compression/app.py CODEC_MAP)',
    },
  ],
  miner: {
    build: './miner',
    // Offline, the stand-in builds on Debian's ffmpeg (bash .ci/build-base-image.sh ffmpeg).
    offlineBaseImage: 'minerbench/ffmpeg-base:bookworm',
    process: { command: ['python3', 'miner.py'], cwd: './miner' },
    port: 8091,
    ready: { synapse: 'Synapse', timeoutS: 60 },
    // The stand-in encodes on the CPU; the real miner needs one GPU with NVENC (README).
    gpus: 0,
    memoryMb: 2048,
    pidsLimit: 256,
  },
  transport: {
    kind: 'bittensor-synapse',
    synapse: 'VideoUpscalingProtocol',
    fields: UPSCALING_FIELDS,
    synapses: [{ synapse: 'VideoCompressionProtocol', fields: COMPRESSION_FIELDS }],
  },
  direct: {
    kind: 'direct-http',
    routes: DIRECT_ROUTES,
    why:
      "vidaio's axon blacklist calls metagraph.hotkeys.index(hotkey) before any check, so an unregistered benchmark " +
      'hotkey gets HTTP 500 (neurons/miner.py); the GPU services (/upscale, /compress) take the same work over plain HTTP',
    preferred: true,
  },
  queries: './queries/sample.jsonl',
  // neurons/validator.py: upscaling timeout 135 s, compression 180 s (each query carries its own; this is the larger).
  // configs/bandwidth.py: 5 synthetic requests per 500 s interval; assumed all to this miner (an upper bound): 0.6/min.
  validator: { timeoutS: 180, queriesPerMinerPerMinute: 0.6 },
  inspect: inspectVidaioAnswer,
  // services/scoring: VMAF (and PIE-APP for upscaling); without libvmaf the harness measures SSIM/PSNR instead.
  qualityMetrics: {
    vmaf: { title: 'VMAF (ffmpeg libvmaf)', proxy: false, note: "the validator's measure" },
    'ssim-psnr': {
      title: 'SSIM/PSNR (ffmpeg ssim and psnr filters)',
      proxy: true,
      note: "this ffmpeg has no libvmaf, so VMAF is taken as 100 x SSIM and upscaling's PIE-APP quality as SSIM; the scores are not the validator's",
    },
  },
  score: ({ inspected }) => scoreVidaioAnswer(inspected as VidaioInspection | undefined),
});
