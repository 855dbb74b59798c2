// Codec field readers: turn decoded @polkadot/types values (structs, options, vectors) into plain numbers and strings.
import type { Codec } from '@polkadot/types/types';

interface StructLike {
  get(key: string): Codec | undefined;
}
interface OptionLike {
  isSome: boolean;
  isNone: boolean;
  unwrap(): Codec;
}

function isOption(c: Codec): c is Codec & OptionLike {
  return (
    typeof (c as unknown as OptionLike).unwrap === 'function' &&
    typeof (c as unknown as OptionLike).isNone === 'boolean'
  );
}

/** Unwraps an Option; undefined for None. */
export function unwrapOption(c: Codec | undefined): Codec | undefined {
  if (!c) return undefined;
  if (isOption(c)) return c.isSome ? c.unwrap() : undefined;
  return c;
}

/** A struct field (Option fields unwrapped); undefined when the runtime's type lacks it or it is None. */
export function fieldOf(s: Codec, name: string): Codec | undefined {
  return unwrapOption((s as unknown as StructLike).get(name));
}

export function asInt(c: Codec): number {
  return Number(c.toString());
}

/** A u64/u128/Compact amount as a decimal string. */
export function asRao(c: Codec): string {
  return BigInt(c.toString()).toString();
}

export function asArray(c: Codec): Codec[] {
  return [...(c as unknown as Iterable<Codec>)];
}

/** UTF-8 text from Bytes or Vec<Compact<u8>>. */
export function asText(c: Codec): string {
  const bytes = c as unknown as { toUtf8?: () => string };
  if (typeof bytes.toUtf8 === 'function') return bytes.toUtf8();
  return new TextDecoder().decode(Uint8Array.from(asArray(c).map((x) => asInt(x))));
}

/** I96F32 `{ bits }` as a float. */
export function asFixedI96F32(c: Codec): number {
  const bits = fieldOf(c, 'bits') ?? c;
  return Number(BigInt(bits.toString())) / 2 ** 32;
}
