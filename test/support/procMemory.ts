import { readFileSync, readdirSync } from 'node:fs';

/** Linux's USER_HZ: /proc counts CPU time in these ticks. */
const CLOCK_TICKS = 100;

/** Sums a figure read from /proc over a process and all its descendants (`read` throws for one that is gone). */
function overTree(rootPid: number, read: (pid: string, stat: string[]) => number): number {
  const children = new Map<number, number[]>();
  const value = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // After the command's closing parenthesis: state, ppid, …
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      (children.get(Number(f[1])) ?? children.set(Number(f[1]), []).get(Number(f[1]))!).push(Number(d));
      value.set(Number(d), read(d, f));
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const p = stack.pop()!;
    total += value.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Resident memory (MB) of a process and all its descendants, from /proc. */
export function treeRssMB(rootPid: number): number {
  return overTree(rootPid, (pid) => {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  });
}

/**
 * CPU time (ms, user + system) spent so far by a process and its live descendants, from /proc: a
 * check's cost in work, which a busy machine stretches far less than its wall time.
 */
export function treeCpuMs(rootPid: number): number {
  // utime and stime are the stat's fields 14 and 15, in clock ticks.
  return overTree(rootPid, (_, f) => ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS);
}

export function browserPid(profileDir: string): number {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (cmd.includes(profileDir) && !cmd.includes('--type=')) return Number(d);
    } catch {
      /* gone */
    }
  }
  throw new Error('Chromium process not found');
}
