// energyFlags: warnings that make a GPU energy figure less comparable (power cap, throttling, heat, sharing, gaps).
import type { EnergyFlag } from '../model/result/energy-section.ts';

export type { EnergyFlag };
export type EnergyFlagKind = EnergyFlag['kind'];
import type { TimeWindow } from './energy-integrate.ts';

/** The fields of a streamed sample that flags look at (GpuSample has them all). */
export interface FlagSample {
  t: number;
  powerW: number | null;
  enforcedLimitW?: number | null;
  eventReasons?: number | null;
}

/** NVML clocks event reason bits, as printed in clocks_event_reasons.active. */
export const CLOCK_EVENT_BITS: ReadonlyArray<readonly [number, string]> = [
  [0x1, 'gpu_idle'],
  [0x2, 'applications_clocks_setting'],
  [0x4, 'sw_power_cap'],
  [0x8, 'hw_slowdown'],
  [0x10, 'sync_boost'],
  [0x20, 'sw_thermal_slowdown'],
  [0x40, 'hw_thermal_slowdown'],
  [0x80, 'hw_power_brake_slowdown'],
  [0x100, 'display_clock_setting'],
];
const IDLE = 0x1;
const THERMAL = 0x20 | 0x40;

export interface FlagOptions {
  /** A reading at or above this share of the enforced limit counts as capped; default 0.95. */
  nearLimitRatio: number;
  /** Used when a sample has no enforced.power.limit (from the inventory). */
  enforcedLimitW: number | null;
  otherProcesses: ReadonlyArray<{ pid: number | null; name: string | null }>;
  uncoveredS: number;
  /** The clock event reasons were sampled: a sample without them is one nvidia-smi read as [N/A]. */
  reasonsSampled?: boolean;
}

/** Every flag for one GPU over one window; a flag is raised as soon as one sample shows it, with its share. */
export function energyFlags(
  uuid: string,
  samples: readonly FlagSample[],
  window: TimeWindow,
  o: FlagOptions,
): EnergyFlag[] {
  const inWindow = samples.filter((s) => s.t >= window.startMs && s.t <= window.endMs);
  const n = inWindow.length;
  const flags: EnergyFlag[] = [];
  const add = (kind: EnergyFlagKind, count: number, message: string): void => {
    if (count > 0) flags.push({ kind, uuid, message, count, share: count / n });
  };
  const pct = (c: number): string => `${((100 * c) / Math.max(1, n)).toFixed(1)}% of ${n} samples`;
  const capped = inWindow.filter((s) => {
    const limit = s.enforcedLimitW ?? o.enforcedLimitW;
    return s.powerW !== null && limit !== null && limit > 0 && s.powerW >= o.nearLimitRatio * limit;
  }).length;
  add(
    'power-capped',
    capped,
    `power within ${Math.round((1 - o.nearLimitRatio) * 100)}% of the enforced limit in ${pct(capped)}`,
  );
  const reasons = new Set<string>();
  const throttled = inWindow.filter((s) => {
    const other = (s.eventReasons ?? 0) & ~IDLE;
    for (const [bit, name] of CLOCK_EVENT_BITS) if (other & bit) reasons.add(name);
    return other !== 0;
  }).length;
  add('clocks-throttled', throttled, `clocks held back (${[...reasons].join(', ')}) in ${pct(throttled)}`);
  const unknown = o.reasonsSampled ? inWindow.filter((s) => s.eventReasons === null).length : 0;
  add(
    'clock-reasons-unknown',
    unknown,
    `clock event reasons read N/A in ${pct(unknown)}: whether clocks were held back there is unknown`,
  );
  const hot = inWindow.filter((s) => ((s.eventReasons ?? 0) & THERMAL) !== 0).length;
  add('temperature-limited', hot, `thermal slowdown in ${pct(hot)}`);
  if (o.otherProcesses.length > 0) {
    const who = o.otherProcesses
      .slice(0, 3)
      .map((p) => `${p.pid ?? '?'} ${p.name ?? ''}`.trim())
      .join(', ');
    flags.push({
      kind: 'other-processes',
      uuid,
      message: `${o.otherProcesses.length} other process(es) on the GPU (${who}); their power is included`,
    });
  }
  if (n === 0 || inWindow.every((s) => s.powerW === null)) {
    flags.push({ kind: 'no-power-data', uuid, message: 'no power reading inside the window' });
  } else if (o.uncoveredS > 0) {
    flags.push({
      kind: 'gaps',
      uuid,
      message: `${o.uncoveredS.toFixed(3)} s of the window have no bridged readings; filled at the mean power`,
    });
  }
  return flags;
}
