// INDEX_SCHEMA: the tables of the SQLite results index (runs, machines, subnets, figures); version in user_version.

export const INDEX_SCHEMA_VERSION = 1;

export const INDEX_SCHEMA = `
CREATE TABLE IF NOT EXISTS machines (
  machine_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  hostname TEXT NOT NULL,
  gpu_uuids TEXT NOT NULL,
  gpu_summary TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS subnets (
  subnet_id TEXT PRIMARY KEY,
  netuid INTEGER NOT NULL,
  title TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
  run_id TEXT PRIMARY KEY,
  result_path TEXT NOT NULL,
  result_sha256 TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  minerbench_version TEXT NOT NULL,
  subnet_id TEXT NOT NULL REFERENCES subnets(subnet_id),
  machine_id TEXT NOT NULL REFERENCES machines(machine_id),
  started_at TEXT NOT NULL,
  ended_at TEXT NOT NULL,
  status TEXT NOT NULL,
  verdict TEXT NOT NULL,
  reasons TEXT NOT NULL,
  currency TEXT,
  indexed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_by_subnet ON runs(subnet_id, started_at);
CREATE INDEX IF NOT EXISTS runs_by_machine ON runs(machine_id, started_at);
CREATE INDEX IF NOT EXISTS runs_by_time ON runs(started_at);
CREATE TABLE IF NOT EXISTS figures (
  run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
  metric TEXT NOT NULL,
  value REAL NOT NULL,
  lo REAL NOT NULL,
  hi REAL NOT NULL,
  PRIMARY KEY (run_id, metric)
) WITHOUT ROWID;
`;
