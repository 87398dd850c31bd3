/**
 * Observations of the same member arrive out of order (two tabs, two admins, a queue drained
 * late). Field by field, the newest observation wins, and an older one never undoes a newer one;
 * a field an observation leaves out was not seen and keeps its value. Both the extension's local
 * store and the worker follow this rule.
 */
export interface Versioned<T extends object> {
  values: Partial<T>;
  /** When each field was last observed (epoch ms). */
  at: Partial<Record<keyof T, number>>;
}

export function mergeObservation<T extends object>(
  current: Versioned<T>,
  seen: Partial<T>,
  observedAt: number,
): { next: Versioned<T>; changed: (keyof T)[] } {
  const next: Versioned<T> = { values: { ...current.values }, at: { ...current.at } };
  const changed: (keyof T)[] = [];
  for (const field of Object.keys(seen) as (keyof T)[]) {
    const value = seen[field];
    if (value === undefined) continue;
    const known = current.at[field];
    if (known !== undefined && known > observedAt) continue;
    next.at[field] = observedAt;
    if (!sameValue(current.values[field], value)) {
      next.values[field] = value;
      changed.push(field);
    }
  }
  return { next, changed };
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a === undefined && b === null) || (a === null && b === undefined);
}
