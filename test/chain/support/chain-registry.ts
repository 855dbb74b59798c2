// chainRegistry: a @polkadot/types registry built from a recorded metadata blob, for encoding synthetic test answers.
import { readFileSync } from 'node:fs';
import { Metadata, TypeRegistry } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { hexToU8a } from '@polkadot/util';
import { sharedFixture } from '../../support/shared-fixtures.ts';

/** The recorded chain traffic, in ../shared/fixtures/chain (never copied into the project). */
export const FIXTURES_DIR = sharedFixture('chain/');

export interface ChainRegistry {
  registry: TypeRegistry;
  metadata: Metadata;
  /** The lookup type name of a runtime-API method's output and its inputs, e.g. ('SubnetInfoRuntimeApi', 'get_metagraph'). */
  apiMethod(api: string, method: string): { output: string; inputs: string[] } | undefined;
  /** Decodes the SCALE arguments of a runtime-API call, in order. */
  decodeArgs(inputs: string[], dataHex: string): Codec[];
}

/** hex: `Option<OpaqueMetadata>` (V15, from Metadata_metadata_at_version) or a plain `meta…` blob (V14). */
export function chainRegistry(hex: string): ChainRegistry {
  const registry = new TypeRegistry();
  const u8a = hexToU8a(hex.trim());
  const isOption = u8a[0] === 1 && !(u8a[1] === 0x6d && u8a[2] === 0x65);
  const blob = isOption ? registry.createType('Option<OpaqueMetadata>', u8a).unwrap().toU8a(true) : u8a;
  const metadata = new Metadata(registry, blob);
  registry.setMetadata(metadata);
  const apis = metadata.version >= 15 ? metadata.asV15.apis : [];
  return {
    registry,
    metadata,
    apiMethod(api, method) {
      const a = apis.find((x) => x.name.toString() === api);
      const m = a?.methods.find((x) => x.name.toString() === method);
      if (!m) return undefined;
      return {
        output: registry.createLookupType(m.output),
        inputs: m.inputs.map((i) => registry.createLookupType(i.type)),
      };
    },
    decodeArgs(inputs, dataHex) {
      const data = hexToU8a(dataHex.startsWith('0x') ? dataHex : `0x${dataHex}`);
      let offset = 0;
      return inputs.map((t) => {
        const c = registry.createType(t, data.subarray(offset));
        offset += c.encodedLength;
        return c;
      });
    },
  };
}

export function fixtureText(path: string): string {
  return readFileSync(FIXTURES_DIR + path, 'utf8').trim();
}

/** The recorded SN1 selective mechagraph (all 74 indexes) at block 6,852,690, decoded with the spec-343 types. */
export function recordedSn1Metagraph(): Record<string, unknown> {
  const data = JSON.parse(fixtureText('bittensor/integration_websocket_data.json')) as {
    WEBSOCKET_RESPONSES: { metagraph: { state_call: Record<string, { result: string }> } };
  };
  const entry = Object.entries(data.WEBSOCKET_RESPONSES.metagraph.state_call).find(([k]) =>
    k.includes('get_selective_mechagraph'),
  )!;
  const reg = chainRegistry(fixtureText('bittensor/integration_websocket_at_version.txt'));
  const m = reg.apiMethod('SubnetInfoRuntimeApi', 'get_selective_mechagraph')!;
  const decoded = reg.registry.createType(m.output, hexToU8a(entry[1].result)) as unknown as { unwrap(): Codec };
  return decoded.unwrap().toJSON() as Record<string, unknown>;
}
