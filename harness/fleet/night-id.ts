// nightOf: the night a fleet run belongs to (YYYY-MM-DD of the evening it started), so re-runs after midnight resume it.

export const NIGHT_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A night runs from noon to noon (local time) and is named by the date of its evening. */
export function nightOf(at: Date): string {
  const shifted = new Date(at.getTime() - 12 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${shifted.getFullYear()}-${p(shifted.getMonth() + 1)}-${p(shifted.getDate())}`;
}
