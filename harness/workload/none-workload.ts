// The `none` workload: nothing to run on the machine (earnings from declared inputs only, e.g. an auction), said so.
import { defineWorkload } from './workload-kind.ts';

export const noneWorkload = defineWorkload({
  kind: 'none',
  summary: 'nothing to run: eligibility and earnings from the machine facts and declared inputs only',
  options: [],
  plan: async () => ({
    kind: 'none',
    description: 'nothing run on the miner side: eligibility from this machine, earnings from declared inputs',
    miner: null,
    signs: false,
    plannedUnits: null,
    queries: null,
    timeout: null,
    validatorQps: null,
    warnings: [],
  }),
  collect: async () => ({ replay: null, caching: null, window: null, stoppedEarly: null }),
  evaluate: () => ({ result: {}, energyCounts: null, invalid: [], measure: { replay: null, tokens: null } }),
});
