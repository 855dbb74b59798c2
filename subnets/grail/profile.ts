// grail (SN81): no queries; every 30-block window the miner uploads rollouts; unique rollouts count, capped, to the 4th
// power, with 90 % of emission burned to UID 0. subnets.md 2.6; one-covenant/grail@54d6342:grail/protocol/constants.py.
import { defineSubnet } from '../../harness/config/subnet-profile.ts';
import { parseRolloutFile } from './rollout-units.ts';

export default defineSubnet({
  id: 'grail',
  netuid: 81,
  title: 'grail (SN81): verifiable RL rollouts per window',
  workload: {
    kind: 'window',
    // WINDOW_LENGTH = 30, BLOCK_TIME_SECONDS = 12 (constants.py); the run may speed the clock up (--block-speed).
    windowBlocks: 30,
    blockSeconds: 12,
    // drand quicknet's period; the miner reads the beacon from the run's world instead of drand.
    beaconPeriodS: 3,
    // The uploaded window files are parsed by rollout-units.ts (unique by SHA-256 of completion tokens).
    unit: 'rollout',
    units: parseRolloutFile,
    services: {
      world: { kind: 'window-world', env: { url: 'GRAIL_WORLD_URL' } },
      sink: {
        kind: 's3-sink',
        bucket: 'grail',
        env: {
          endpoint: 'GRAIL_S3_ENDPOINT_URL',
          bucket: 'GRAIL_S3_BUCKET',
          accessKeyId: 'GRAIL_S3_ACCESS_KEY_ID',
          secretAccessKey: 'GRAIL_S3_SECRET_ACCESS_KEY',
        },
      },
    },
    // docs/miner.md section 3: 4,477 rollouts per window on 8x A100 SXM4 with Qwen2.5-7B (shown beside the machine's).
    reference: {
      unitsPerWindow: 4477,
      machine: '8x NVIDIA A100 SXM4',
      model: 'Qwen2.5-7B',
      source: 'one-covenant/grail@54d6342:docs/miner.md section 3',
    },
  },
  // UNIQUE_ROLLOUTS_CAP = 5000 per window (x rolling windows for the period), SUPERLINEAR_EXPONENT = 4.0,
  // GRAIL_BURN_PERCENTAGE = 90.0 to GRAIL_BURN_UID 0.
  law: {
    kind: 'capped-power',
    source: 'one-covenant/grail@54d6342:grail/protocol/constants.py, grail/scoring/weights.py (subnets.md 2.6)',
    capPerWindow: 5000,
    windowsPerPeriod: 12,
    exponent: 4,
    burnFraction: 0.9,
    assume: {
      othersCapRelative: { value: 3, range: [0, 20] },
      where:
        "the cap is about one 8x A100 box (docs/miner.md section 3); how much of SN81's ~245 miners' output sits near it is not in the shipped chain snapshot, so 0 to 20 cap-sized miners, 3 as the middle guess",
    },
  },
  miner: {
    build: './miner',
    process: { command: ['python3', 'miner.py'], cwd: './miner' },
    // The stand-in listens on nothing and is not probed: the window workload measures from the first window boundary
    // after the miner started, and a window it uploads nothing for counts 0.
    port: 8091,
    ready: { synapse: 'none', timeoutS: 120 },
    gpus: 0,
    memoryMb: 256,
    pidsLimit: 64,
    env: { GRAIL_ROLLOUTS_PER_WINDOW: '64', GRAIL_DUPLICATES_PER_WINDOW: '8' },
  },
});
