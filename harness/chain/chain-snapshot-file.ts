// Chain snapshot files: write a snapshot as JSON and load one back; version 1 files are migrated, other versions refused.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { core } from 'zod';
import { MinerbenchError } from '../errors.ts';

type ZodIssue = core.$ZodIssue;
import {
  CHAIN_SNAPSHOT_KIND,
  CHAIN_SNAPSHOT_SCHEMA_VERSION,
  chainSnapshotSchema,
  type ChainSnapshot,
} from '../model/chain-snapshot-schema.ts';
import { chainSnapshotV1Schema } from '../model/chain-snapshot-v1.ts';
import { migrateChainSnapshotV1 } from '../model/migrate-chain-snapshot.ts';

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
  if (head.schemaVersion === 1) {
    const v1 = chainSnapshotV1Schema.safeParse(data);
    if (!v1.success) throw invalid(where, v1.error.issues, data);
    return migrateChainSnapshotV1(v1.data);
  }
  if (head.schemaVersion !== CHAIN_SNAPSHOT_SCHEMA_VERSION) {
    throw new MinerbenchError(
      'SNAPSHOT_INVALID',
      `${where} has chain snapshot schema version ${JSON.stringify(head.schemaVersion)}; this minerbench reads versions 1 and ${CHAIN_SNAPSHOT_SCHEMA_VERSION}`,
      {
        hint: 'take a new snapshot with this minerbench (`minerbench chain snapshot --out FILE`)',
      },
    );
  }
  const parsed = chainSnapshotSchema.safeParse(data);
  if (!parsed.success) throw invalid(where, parsed.error.issues, data);
  return parsed.data;
}

/** Every problem at once, each naming the field and, inside `subnets`, the netuid it belongs to. */
function invalid(where: string, issues: readonly ZodIssue[], data: unknown): MinerbenchError {
  const subnets = (data as { subnets?: unknown }).subnets;
  const netuidAt = (i: unknown) => {
    const s = Array.isArray(subnets) && typeof i === 'number' ? (subnets[i] as { netuid?: unknown }) : undefined;
    return typeof s?.netuid === 'number' ? ` (netuid ${s.netuid})` : '';
  };
  return new MinerbenchError(
    'SNAPSHOT_INVALID',
    `${where} is not a valid chain snapshot (${issues.length} problem(s))`,
    {
      details: issues.map((i) => {
        const path = i.path.map(String).join('.') || '(root)';
        const subnet = i.path[0] === 'subnets' ? netuidAt(i.path[1]) : '';
        return `${path}${subnet}: ${i.message}`;
      }),
      hint: 'take a new snapshot with `minerbench chain snapshot --out FILE`',
    },
  );
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
