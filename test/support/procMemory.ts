import { readFileSync, readdirSync } from 'node:fs';

/** Resident memory (MB) of a process and all its descendants, from /proc. */
export function treeRssMB(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(Number(d));
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${d}/status`, 'utf8'));
      rss.set(Number(d), m ? Number(m[1]) / 1024 : 0);
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/**
 * CPU time (ms, user + system) spent so far by a process and its live descendants, from /proc: a
 * check's cost in work, which a busy machine stretches far less than its wall time.
 */
export function treeCpuMs(rootPid: number): number {
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // After the command's closing parenthesis: state, ppid, … utime and stime are fields 14 and 15.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(f[1]);
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(Number(d));
      cpu.set(Number(d), ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS);
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const p = stack.pop()!;
    total += cpu.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Linux's USER_HZ: /proc counts CPU time in these ticks. */
const CLOCK_TICKS = 100;

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
