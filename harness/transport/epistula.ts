// EpistulaSender: OpenAI-compatible HTTP signed with Epistula v2 headers for the miner's hotkey (SN1 style).
import { randomUUID } from 'node:crypto';
import type { OpenAiHttpTransport } from '../config/subnet-profile.ts';
import type { Signer } from './ephemeral-keys.ts';
import { epistulaHeaders } from './epistula-headers.ts';
import { OpenAiHttpSender } from './openai-http.ts';

export class EpistulaSender extends OpenAiHttpSender {
  constructor(o: { config: OpenAiHttpTransport; signer: Signer; nowMs?: () => number }) {
    const nowMs = o.nowMs ?? Date.now;
    super({
      kind: 'epistula',
      config: o.config,
      signHeaders: (body, endpoint, timeoutS) =>
        epistulaHeaders({
          body,
          timestampMs: Math.round(nowMs()),
          uuid: randomUUID(),
          signedBy: o.signer.address,
          signedFor: endpoint.hotkey,
          sign: o.signer.sign,
          timeoutS,
        }),
    });
  }
}
