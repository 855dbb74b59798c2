// readResult: loads a result.json and validates it against the one result schema, refusing unknown schema versions.
import { readFileSync } from 'node:fs';
import { formatZodIssues } from '../config/format-issues.ts';
import { MinerbenchError } from '../errors.ts';
import { runResultSchema, SCHEMA_VERSION, type RunResult } from '../model/result/run-result.ts';

const MAX_PROBLEMS = 20;

export function parseResult(text: string, where: string): RunResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new MinerbenchError('RESULT_INVALID', `${where} is not valid JSON (${(e as Error).message})`, {
      hint: 'the file is truncated or was edited by hand; re-run or restore it',
    });
  }
  const v = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (v !== SCHEMA_VERSION) {
    throw new MinerbenchError(
      'RESULT_SCHEMA_UNKNOWN',
      `${where} has schemaVersion ${JSON.stringify(v)}; this minerbench reads version ${SCHEMA_VERSION}`,
      {
        hint:
          typeof v === 'number' && v < SCHEMA_VERSION
            ? 'results of schema 1 (minerbench 0.1) lack the artifacts to re-evaluate; re-run the benchmark, or read them with minerbench 0.1'
            : 'use the minerbench version that wrote it, or re-run the benchmark',
      },
    );
  }
  const r = runResultSchema.safeParse(data);
  if (!r.success) {
    const problems = formatZodIssues(where, r.error.issues, data);
    throw new MinerbenchError('RESULT_INVALID', `${where} is not a complete result: ${problems.length} problem(s)`, {
      hint: 'the file is truncated or was edited by hand; restore it, re-evaluate it (minerbench evaluate <run folder>) or re-run the benchmark',
      details: problems.slice(0, MAX_PROBLEMS),
    });
  }
  return r.data;
}

export function readResult(file: string): RunResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new MinerbenchError(
      'RESULT_INVALID',
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  return parseResult(text, file);
}
