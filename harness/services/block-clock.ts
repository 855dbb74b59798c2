// Block clock and beacon of a window workload's world (pure): block number at a chosen speed, block hashes and a
// drand-like beacon, all derived from a seed so a run can be repeated exactly.
import { sha256Hex } from '../artifacts/sha256-hex.ts';

export interface BlockClockConfig {
  /** Seconds per block on chain (Bittensor: 12). */
  blockSeconds: number;
  /** How many times faster than real time the clock runs (1 = real time). */
  speed: number;
  /** The block number at the start. */
  startBlock: number;
  /** Clock reading (ms) at the start. */
  startMs: number;
  seed: string;
}

/** The block at clock reading `nowMs`: startBlock + floor(elapsed x speed / blockSeconds). */
export function blockAt(c: BlockClockConfig, nowMs: number): number {
  return c.startBlock + Math.floor(((nowMs - c.startMs) * c.speed) / (c.blockSeconds * 1000));
}

/** Clock reading (ms) when `block` begins. */
export function blockStartMs(c: BlockClockConfig, block: number): number {
  return c.startMs + ((block - c.startBlock) * c.blockSeconds * 1000) / c.speed;
}

/** The first block of the window holding `block` (grail: block - block % 30). */
export function windowStart(block: number, windowBlocks: number): number {
  return block - (block % windowBlocks);
}

export function blockHash(seed: string, block: number): string {
  return `0x${sha256Hex(`${seed}:block:${block}`)}`;
}

/** A drand-like beacon: round r's randomness is sha256(seed:beacon:r); rounds come every `periodS` seconds of chain time. */
export function beaconAt(c: BlockClockConfig, nowMs: number, periodS: number): { round: number; randomness: string } {
  const round = 1 + Math.floor(((nowMs - c.startMs) * c.speed) / (periodS * 1000));
  return { round, randomness: beaconRandomness(c.seed, round) };
}

export function beaconRandomness(seed: string, round: number): string {
  return sha256Hex(`${seed}:beacon:${round}`);
}
