// readResult: loads a result.json, refusing unknown schema versions and files that are not results.
import { readFileSync } from 'node:fs';
import { MinerbenchError } from '../errors.ts';
import { resultProblems } from './result-problems.ts';
import { SCHEMA_VERSION, type RunResult } from './run-result.ts';

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
        hint: 'use the minerbench version that wrote it, or re-run the benchmark',
      },
    );
  }
  const problems = resultProblems(data as Record<string, unknown>);
  if (problems.length) {
    throw new MinerbenchError('RESULT_INVALID', `${where} is not a complete result: ${problems.length} problem(s)`, {
      hint: 'the file is truncated or was edited by hand; restore it or re-run the benchmark',
      details: problems,
    });
  }
  return data as RunResult;
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
