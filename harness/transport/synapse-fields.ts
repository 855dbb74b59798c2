// dumpSynapseFields: a synapse's own fields as pydantic's model_dump() holds them, nested models included (pure).
import type { SynapseField } from '../config/subnet-profile.ts';
import { PyFloat } from './python-str.ts';

/** A dict as the query holds it: a plain object, or a PyDict (python-json-loads.ts) recognised by shape. */
type DictLike = Record<string, unknown> | { entries: Array<[string, unknown]> };

function isDictLike(v: unknown): v is DictLike {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof PyFloat);
}

function entriesOf(d: DictLike): Array<[string, unknown]> {
  const e = (d as { entries?: unknown }).entries;
  return d.constructor?.name === 'PyDict' && Array.isArray(e)
    ? (e as Array<[string, unknown]>)
    : Object.entries(d as Record<string, unknown>);
}

function scalar(type: string, v: unknown): unknown {
  if (type === 'float' && typeof v === 'number') return new PyFloat(v);
  // pydantic's lax int turns an integral float (5.0) into 5.
  if (type === 'int' && v instanceof PyFloat && Number.isInteger(v.value)) return v.value;
  return v;
}

function typed(field: SynapseField, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (field.type === 'model') return isDictLike(v) ? dumpSynapseFields(field.fields ?? [], v) : v;
  if (field.type === 'list' && Array.isArray(v) && field.items) {
    const items = field.items;
    return v.map((x) =>
      items === 'model' ? (isDictLike(x) ? dumpSynapseFields(field.fields ?? [], x) : x) : scalar(items, x),
    );
  }
  return scalar(field.type, v);
}

/**
 * The declared fields in declaration order, each the query's value (typed as Python holds it: floats as 1.0, nested
 * models as dicts in their own declaration order) or its default. A model without a default is built from its fields'
 * defaults, as `default_factory=Model` does. Keys a model does not declare are dropped, as pydantic's default
 * `extra='ignore'` drops them; validators (model_validator) are not run, so queries carry what they produce.
 */
export function dumpSynapseFields(fields: readonly SynapseField[], values: DictLike): Record<string, unknown> {
  const given = new Map(entriesOf(values));
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (given.has(f.name)) out[f.name] = typed(f, given.get(f.name));
    else if ('default' in f && f.default !== undefined) out[f.name] = typed(f, f.default);
    else if (f.type === 'model') out[f.name] = dumpSynapseFields(f.fields ?? [], {});
    else out[f.name] = null;
  }
  return out;
}

/** json.dumps(type(value)()) for a required field's bt_header_input_obj_* header (a model dumps as a dict: {}). */
export function emptyInstanceJson(field: SynapseField): string {
  switch (field.type) {
    case 'int':
      return '0';
    case 'float':
      return '0.0';
    case 'str':
      return '""';
    case 'bool':
      return 'false';
    case 'list':
      return '[]';
    case 'dict':
    case 'model':
      return '{}';
  }
}
