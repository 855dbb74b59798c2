// ExternalRuntime: a miner that is already running somewhere (--endpoint); minerbench only checks it answers.
import { MinerbenchError } from '../errors.ts';
import type { MinerEndpoint } from '../transport/transport.ts';
import type { MinerExit, RuntimeAdapter, RuntimeInfo } from './runtime-adapter.ts';
import { waitUntilReady } from './wait-ready.ts';

export interface ExternalRuntimeOptions {
  endpoint: MinerEndpoint;
  readyProbe: (endpoint: MinerEndpoint) => Promise<boolean>;
  readyTimeoutS: number;
}

export class ExternalRuntime implements RuntimeAdapter {
  readonly kind = 'external';
  constructor(private readonly o: ExternalRuntimeOptions) {}

  async start(): Promise<MinerEndpoint> {
    return this.o.endpoint;
  }

  async waitReady(endpoint: MinerEndpoint, signal: AbortSignal): Promise<void> {
    const r = await waitUntilReady({
      probe: () => this.o.readyProbe(endpoint),
      died: new Promise(() => {}),
      timeoutMs: this.o.readyTimeoutS * 1000,
      signal,
    });
    if (!r.ready) {
      throw new MinerbenchError(
        'MINER_NOT_READY',
        `the miner at ${endpoint.host}:${endpoint.port} does not answer: ${r.reason}`,
        {
          hint: 'check --endpoint and that --miner-hotkey is the hotkey that miner verifies signatures with',
        },
      );
    }
  }

  exited(): Promise<MinerExit> {
    return new Promise(() => {});
  }

  describe(): RuntimeInfo {
    return { kind: 'external', external: { host: this.o.endpoint.host, port: this.o.endpoint.port } };
  }

  async logs(): Promise<string> {
    return '(an external miner: its log is wherever it runs)\n';
  }

  async stop(): Promise<void> {}
}
