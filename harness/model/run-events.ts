// RunEvent: what a run reports as it goes (phases, progress); the CLI turns these into stderr lines or a bar.

export type RunPhase =
  'validate' | 'probe' | 'build' | 'start' | 'ready' | 'warmup' | 'measure' | 'stop' | 'evaluate' | 'store' | 'render';

export type RunEvent =
  | { type: 'phase'; phase: RunPhase; detail?: string }
  | { type: 'progress'; done: number; total: number | null; okQps: number; elapsedS: number; remainingS: number | null }
  | { type: 'warning'; message: string };

export type RunEventSink = (e: RunEvent) => void;
