// Chain snapshot files: write a snapshot as JSON and load one back, refusing other kinds and schema versions.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MinerbenchError } from '../errors.ts';
import {
  CHAIN_SNAPSHOT_KIND,
  CHAIN_SNAPSHOT_SCHEMA_VERSION,
  chainSnapshotSchema,
  type ChainSnapshot,
} from '../model/chain-snapshot-schema.ts';

export async function writeChainSnapshotFile(path: string, snapshot: ChainSnapshot): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(chainSnapshotSchema.parse(snapshot))}\n`);
}

/** Validates parsed JSON as a ChainSnapshot; `where` names the file in messages. */
export function parseChainSnapshot(data: unknown, where: string): ChainSnapshot {
  const head = (data ?? {}) as { kind?: unknown; schemaVersion?: unknown };
  if (head.kind !== CHAIN_SNAPSHOT_KIND) {
    throw new MinerbenchError(
      'SNAPSHOT_INVALID',
      `${where} is not a minerbench chain snapshot (kind ${JSON.stringify(head.kind)})`,
      {
        hint: 'make one with `minerbench chain snapshot --out FILE`',
      },
    );
  }
  if (head.schemaVersion !== CHAIN_SNAPSHOT_SCHEMA_VERSION) {
    throw new MinerbenchError(
      'SNAPSHOT_INVALID',
      `${where} has chain snapshot schema version ${JSON.stringify(head.schemaVersion)}; this minerbench reads version ${CHAIN_SNAPSHOT_SCHEMA_VERSION}`,
      {
        hint: 'take a new snapshot with this minerbench (`minerbench chain snapshot --out FILE`)',
      },
    );
  }
  const parsed = chainSnapshotSchema.safeParse(data);
  if (!parsed.success) {
    throw new MinerbenchError('SNAPSHOT_INVALID', `${where} is not a valid chain snapshot`, {
      details: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
      hint: 'take a new snapshot with `minerbench chain snapshot --out FILE`',
    });
  }
  return parsed.data;
}

export async function loadChainSnapshotFile(path: string): Promise<ChainSnapshot> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new MinerbenchError('SNAPSHOT_INVALID', `cannot read chain snapshot ${path}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new MinerbenchError('SNAPSHOT_INVALID', `${path} is not JSON: ${(e as Error).message}`, { cause: e });
  }
  return parseChainSnapshot(data, path);
}
