// readYamlFile: reads and parses one YAML file; problems (unreadable, syntax, duplicate keys) come back as lines, not throws.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

export type YamlRead = { ok: true; data: unknown } | { ok: false; problems: string[] };

export function readYamlFile(file: string, shownAs = file): YamlRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return {
      ok: false,
      problems: [`${shownAs}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`],
    };
  }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map(
        (e) =>
          `${shownAs}:${e.linePos?.[0] ? `${e.linePos[0].line}:${e.linePos[0].col}` : ''} YAML ${e.code}: ${e.message.split('\n')[0]}`,
      ),
    };
  }
  return { ok: true, data: doc.toJS() ?? {} };
}
