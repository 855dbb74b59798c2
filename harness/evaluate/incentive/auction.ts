// auction law (SN4 Targon): each confidential-compute node type is an auction with a part of the miner emission and a
// max bid per card-hour; a node is paid its cards' part of the auction, never above the max bid. Pure.
//
// manifold-inc/targon@41cabf5 (2026-06-09): docs/miner/miner.md (the public auctions API: per node type max_bid,
// emission, min_cluster_size; "The remainder of emissions not allocated to auctions is burned") and
// targon/internal/callbacks/weights.go getWeights (per card min(pool / cards in the auction, max price); a miner's
// incentive = per-card price x 1.2 h (one 360-block tempo) x cards / the miner emission pool in USD per tempo x 100).
import { z } from 'zod';
import { defineOption } from '../../config/option-spec.ts';
import { MinerbenchError } from '../../errors.ts';
import type { LawInput } from '../../model/result/earnings-section.ts';
import { assumption } from './hardware-rate-config.ts';
import type { IncentiveLaw, LawContext } from './incentive-law.ts';
import { lawEarnings, type LawOutcome } from './law-earnings.ts';
import { fieldInput, fileInput, measuredInput } from './law-input.ts';
import { shareRange, type Uncertain } from './share-range.ts';

/** The auctions file: the API's answer as saved (keys as the API spells them), with source and readAt added. */
export const auctionTableSchema = z.strictObject({
  auctions: z
    .record(
      z.string().min(1),
      z.strictObject({
        /** Cents per card-hour at most. */
        max_bid: z.number().min(0),
        /** Percent of the miner emission this auction pays out. */
        emission: z.number().min(0).max(100),
        min_cluster_size: z.number().int().min(0),
        node_type: z.string().optional(),
      }),
    )
    .refine((a) => Object.keys(a).length > 0, 'at least one auction'),
  /** USD per TAO the auctions were priced with. */
  tao_price: z.number().positive().optional(),
  burn_distribution: z.record(z.string(), z.number()).optional(),
});
export type AuctionTable = z.infer<typeof auctionTableSchema>;

export const auctionConfigSchema = z.strictObject({
  kind: z.literal('auction'),
  /** The auctions file shipped with the plugin (an example unless it says otherwise), relative to its folder. */
  table: z.string().min(1),
  assume: z.strictObject({
    /** Cards already bidding in this machine's auction. */
    cardsInAuction: assumption,
    where: z.string().min(1),
  }),
});
export type AuctionConfig = z.infer<typeof auctionConfigSchema>;

export const auctionOptions = [
  defineOption({
    key: 'auction',
    flag: 'auction',
    type: 'string',
    schema: z.string().min(1, 'a path to a dated auctions JSON file').nullable(),
    default: null,
    describe:
      'auction: a saved answer of the auctions API (curl https://tower.targon.com/api/v1/auctions) with "source" and "readAt" added at its top',
    owner: 'law auction',
    defaultText: "the plugin's example file",
  }),
  defineOption({
    key: 'auctionName',
    flag: 'auction-name',
    type: 'string',
    schema: z.string().min(1).nullable(),
    default: null,
    describe: "auction: the node type to bid in (e.g. TDX-NVCC-NVIDIA-H200); default: from this machine's CPU and GPU",
    owner: 'law auction',
  }),
  defineOption({
    key: 'auctionCards',
    flag: 'auction-cards',
    type: 'number',
    schema: z.number().int('a whole number of cards').min(0, 'a count of cards (>= 0)').nullable(),
    default: null,
    describe: "auction: cards already bidding in this machine's auction (not counting this machine)",
    owner: 'law auction',
    defaultText: "the plugin's stated range",
  }),
] as const;

export interface AuctionFlags {
  auction: string | null;
  auctionName: string | null;
  auctionCards: number | null;
}

type Ctx = LawContext<AuctionConfig, AuctionFlags, AuctionTable>;

const dashed = (s: string) => s.trim().replace(/\s+/g, '-');
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The auction for this machine: TDX/SEV from the CPU flags, NVCC with a GPU, the longest GPU-name prefix. */
export function auctionFor(names: string[], gpuName: string | null, ccFlags: readonly string[]): string | null {
  const cpu = ccFlags.some((f) => f.startsWith('tdx'))
    ? 'TDX'
    : ccFlags.some((f) => f.startsWith('sev'))
      ? 'SEV'
      : null;
  if (gpuName === null) return names.find((n) => cpu !== null && n.startsWith(`${cpu}-CPU`)) ?? null;
  const gpu = dashed(gpuName);
  let best: string | null = null;
  for (const n of names) {
    const m = /^(TDX|SEV)-NVCC-(.+)$/.exec(n);
    if (!m || (cpu !== null && m[1] !== cpu) || !gpu.startsWith(m[2]!)) continue;
    if (best === null || n.length > best.length) best = n;
  }
  return best;
}

function outcome(ctx: Ctx): LawOutcome {
  const table = ctx.table!;
  const t = table.data;
  const facts = ctx.machine.facts;
  const inputs: LawInput[] = [];
  const reasons: string[] = [];
  const missing: string[] = [];
  const uncertain: Uncertain[] = [];
  const names = Object.keys(t.auctions);
  const gpuName = facts.gpus[0]?.name ?? null;
  const name = ctx.flags.auctionName ?? auctionFor(names, gpuName, facts.cpu.ccFlags);
  const a = name === null ? undefined : t.auctions[name];
  const allocated = Object.values(t.auctions).reduce((s, x) => s + x.emission, 0) / 100;
  const none = { value: 0, low: 0, high: 0, dominant: [] };
  const base = {
    lawBurnFraction: Math.max(0, 1 - allocated),
    breakdown: [],
    scenarios: [],
    assumptions: [],
    warnings: [],
  };
  if (!a) {
    reasons.push(
      ctx.flags.auctionName
        ? `--auction-name ${ctx.flags.auctionName} is not in ${table.path} (auctions: ${names.join(', ')})`
        : `no auction in ${table.path} for ${gpuName ?? 'a CPU-only node'} on ${facts.cpu.ccFlags.length ? facts.cpu.ccFlags.join(', ') : 'a CPU without TDX or SEV-SNP'} (auctions: ${names.join(', ')})`,
    );
    return { ...base, eligible: false, reasons, share: none, inputs, missing };
  }
  const cards = a.min_cluster_size === 0 ? 1 : facts.gpus.length;
  inputs.push(
    measuredInput(
      { name: 'cards', label: `cards this node bids with in ${name}`, value: cards, unit: 'cards' },
      facts.gpuSource,
    ),
  );
  inputs.push(
    fileInput(
      { name: 'emission', label: `${name}: part of the miner emission`, value: a.emission, unit: '%' },
      table,
      '--auction FILE',
    ),
  );
  inputs.push(
    fileInput(
      { name: 'maxBid', label: `${name}: max bid`, value: a.max_bid, unit: 'cents per card-hour' },
      table,
      '--auction FILE',
    ),
  );
  if (a.min_cluster_size > 0 && cards < a.min_cluster_size) {
    reasons.push(`${name} needs at least ${a.min_cluster_size} GPUs per node; this node has ${cards}`);
    return { ...base, eligible: false, reasons, share: none, inputs, missing };
  }
  const others = fieldInput(
    {
      name: 'cardsInAuction',
      label: `cards already in ${name}`,
      flag: '--auction-cards N',
      unit: 'cards',
      given: ctx.flags.auctionCards,
      assumed: ctx.config.assume.cardsInAuction,
      where: ctx.config.assume.where,
    },
    inputs,
    uncertain,
  );
  // The max bid as a share of the miner pool: cents/card-hour x hours per day / 100 / (pool in USD per day).
  const usdPerTao = t.tao_price ?? ctx.prices.taoPrice?.value ?? null;
  const poolAlpha = ctx.network.minerPool.alphaPerDay;
  const poolUsd =
    usdPerTao === null || poolAlpha === null || ctx.network.taoPerAlpha === null
      ? null
      : poolAlpha * ctx.network.taoPerAlpha * usdPerTao;
  const capPerCard = poolUsd === null || poolUsd === 0 ? null : (a.max_bid * 24) / 100 / poolUsd;
  if (capPerCard === null)
    missing.push(
      'no TAO price (auction file tao_price or --tao-price) or no pool: the max-bid cap cannot be applied; shown uncapped',
    );
  const share = (v: Readonly<Record<string, number>>) => {
    const part = ((a.emission / 100) * cards) / (cards + others(v));
    return capPerCard === null ? part : Math.min(part, capPerCard * cards);
  };
  const range = shareRange(uncertain, share);
  return {
    ...base,
    eligible: true,
    reasons,
    share: range,
    inputs,
    missing,
    breakdown: [
      { label: 'auction', value: name, unit: null },
      {
        label: 'max-bid cap as a share of the miner pool',
        value: capPerCard === null ? null : r6(capPerCard * cards),
        unit: 'fraction',
      },
      {
        label: 'pay per card-hour at the stated values',
        value: range.value === null || poolUsd === null ? null : r6((range.value * poolUsd) / cards / 24),
        unit: 'USD',
      },
    ],
    assumptions: [
      `the API's emission (${a.emission} %) is the auction's part of the miner pool, shared by cards; a card is never paid above the max bid (${a.max_bid} cents per hour)`,
      `the miner pool in USD uses ${t.tao_price ? `the auction file's TAO price ${t.tao_price}` : 'the --tao-price'} (Targon's validator prices it with alpha_out x 0.41 and the moving alpha price)`,
      `emission not allocated to auctions (${r6(Math.max(0, 1 - allocated) * 100)} %) is burned; payouts summing above the pool are scaled down (not modelled)`,
    ],
  };
}

export const auctionLaw: IncentiveLaw<AuctionConfig, AuctionFlags, AuctionTable> = {
  kind: 'auction',
  title: 'Auction (bid vs max bid per confidential-compute node type)',
  summary:
    "bid vs the auction's max bid per node type: each auction's part of the emission shared by its cards, capped at the max bid (confidential-compute nodes only)",
  configSchema: auctionConfigSchema,
  tableSchema: auctionTableSchema,
  options: auctionOptions,
  tableOption: { key: 'auction', isFile: (v) => typeof v === 'string' && v.length > 0 },
  estimate(ctx) {
    if (!ctx.table) throw new MinerbenchError('INTERNAL', 'auction needs its auctions file (the loader supplies it)');
    return lawEarnings(auctionLaw, ctx, outcome(ctx));
  },
};
