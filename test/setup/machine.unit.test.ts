// The bare-machine check behind `npm test`, `npm start` and .ci/run (scripts/setup.mjs): its
// decision over every combination of rights and missing packages, then the script itself run
// with a faked machine (fake id, sudo, apt-get and fc-list first and alone on PATH).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NEEDS, planMachine } from '../../scripts/setup.mjs';

const ROOT = join(import.meta.dirname, '../..');
const PURPOSES = ['test', 'start', 'ci'] as const;
const RIGHTS = {
  root: { root: true, sudo: false },
  sudo: { root: false, sudo: true },
  neither: { root: false, sudo: false },
};
const ALL = NEEDS.map((n) => n.pkg);
const subsets = ALL.reduce<string[][]>((acc, p) => [...acc, ...acc.map((s) => [...s, p])], [[]]);
const neededFor = (purpose: (typeof PURPOSES)[number]) =>
  NEEDS.filter((n) => n.for.includes(purpose === 'ci' ? 'test' : purpose));

describe('what the set-up decides', () => {
  for (const purpose of PURPOSES)
    for (const [rights, facts] of Object.entries(RIGHTS))
      for (const apt of [true, false])
        it(`${purpose}, ${rights}, ${apt ? 'with' : 'without'} apt-get: every set of missing packages`, () => {
          for (const missing of subsets) {
            const plan = planMachine({ missing, apt, ...facts }, purpose);
            const wanted = neededFor(purpose)
              .map((n) => n.pkg)
              .filter((p) => missing.includes(p));
            if (wanted.length === 0) {
              expect(plan).toEqual({ kind: 'ready' });
            } else if (apt && rights !== 'neither') {
              expect(plan).toEqual({ kind: 'install', sudo: rights === 'sudo', packages: wanted });
            } else {
              expect(plan.kind).toBe('stop');
              const line = (plan as { line: string }).line;
              expect(line).not.toMatch(/\n/);
              expect(line).toContain(purpose === 'ci' ? 'bash .ci/run' : `npm ${purpose}`);
              if (apt) expect(line).toContain(`sudo apt-get update && sudo apt-get install -y ${wanted.join(' ')}  `);
              else expect(line).toContain(`没有 apt-get`);
              for (const p of ALL) expect(line.includes(` ${p}`)).toBe(wanted.includes(p));
            }
          }
        });

  it('asks for the Kai fonts only where the tests need them (npm start does not)', () => {
    const plan = planMachine(
      { missing: ['fonts-arphic-ukai', 'fonts-arphic-gkai00mp'], apt: true, root: true, sudo: false },
      'start',
    );
    expect(plan).toEqual({ kind: 'ready' });
  });
});

describe('the set-up script on a faked machine', () => {
  let dir: string;
  let bin: string;
  const chromium = () => join(dir, 'chromium');
  const log = () =>
    existsSync(join(dir, 'apt.log')) ? readFileSync(join(dir, 'apt.log'), 'utf8').trim().split('\n') : [];
  const CHMOD = spawnSync('sh', ['-c', 'command -v chmod'], { encoding: 'utf8' }).stdout.trim();
  const FAMILIES = Object.fromEntries(NEEDS.flatMap((n) => ('family' in n ? [[n.pkg, n.family]] : [])));

  /** A fake command on the fake PATH (only shell built-ins inside, and the real chmod by its path). */
  const fake = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };

  /** The machine: who we are, whether apt-get exists and really installs, what is there already. */
  function machine(o: { uid: number; sudo: boolean; apt: 'works' | 'broken' | 'absent'; present: string[] }) {
    fake('id', `echo ${o.uid}`);
    fake(
      'sudo',
      o.sudo
        ? `[ "$1" = "-n" ] || exit 1; shift; [ "$1" = "true" ] && exit 0; echo "sudo $*" >> "${dir}/apt.log"; shift; exec "${bin}/apt-get" "$@"`
        : 'echo "sudo: a password is required" >&2; exit 1',
    );
    const installs = NEEDS.map((n) =>
      n.kind === 'browser'
        ? `chromium) printf '#!/bin/sh\\n' > "${chromium()}"; "${CHMOD}" +x "${chromium()}";;`
        : `${n.pkg}) echo "${FAMILIES[n.pkg]}" >> "${dir}/fonts";;`,
    ).join('\n    ');
    if (o.apt !== 'absent')
      fake(
        'apt-get',
        `[ "$1" = "--version" ] && exit 0
echo "apt-get $*" >> "${dir}/apt.log"
[ "$1" = "install" ] || exit 0
${o.apt === 'broken' ? 'exit 100' : ''}
for p in "$@"; do
  case "$p" in
    ${installs}
  esac
done`,
      );
    fake('fc-list', `[ -f "${dir}/fonts" ] && while read -r l; do echo "$l"; done < "${dir}/fonts"; exit 0`);
    writeFileSync(join(dir, 'fonts'), o.present.flatMap((p) => (FAMILIES[p] ? [FAMILIES[p]] : [])).join('\n') + '\n');
    if (o.present.includes('chromium')) {
      writeFileSync(chromium(), '#!/bin/sh\n');
      chmodSync(chromium(), 0o755);
    }
  }

  const setup = (purpose = 'ci') =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/setup.mjs'), purpose], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: bin, CHROMIUM_PATH: chromium(), HOME: dir },
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'laa-setup-'));
    bin = join(dir, 'bin');
    spawnSync(process.execPath, ['-e', `require('fs').mkdirSync(${JSON.stringify(bin)})`]);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stops at once with the one line to run when it may not install (no root, no sudo -n)', () => {
    machine({ uid: 1000, sudo: false, apt: 'works', present: ['fonts-noto-cjk'] });
    const r = setup();
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(
        '请先运行  sudo apt-get update && sudo apt-get install -y chromium fonts-arphic-ukai fonts-arphic-gkai00mp  然后再运行 bash .ci/run',
      ),
    ]);
    expect(log()).toEqual([]);
  });

  it('installs what is missing as root, and goes on', () => {
    machine({ uid: 0, sudo: false, apt: 'works', present: ['fonts-noto-cjk', 'fonts-arphic-gkai00mp'] });
    const r = setup();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(log()).toEqual(['apt-get update -qq', 'apt-get install -y -qq chromium fonts-arphic-ukai']);
    expect(existsSync(chromium())).toBe(true);
  });

  it('installs through sudo -n where that needs no password', () => {
    machine({
      uid: 1000,
      sudo: true,
      apt: 'works',
      present: ['chromium', 'fonts-arphic-ukai', 'fonts-arphic-gkai00mp'],
    });
    const r = setup();
    expect(r.status).toBe(0);
    expect(log()).toEqual([
      'sudo apt-get update -qq',
      'apt-get update -qq',
      'sudo apt-get install -y -qq fonts-noto-cjk',
      'apt-get install -y -qq fonts-noto-cjk',
    ]);
  });

  it('says so in one line when apt-get could not install', () => {
    machine({
      uid: 0,
      sudo: false,
      apt: 'broken',
      present: ['fonts-noto-cjk', 'fonts-arphic-ukai', 'fonts-arphic-gkai00mp'],
    });
    const r = setup();
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('缺少 Chromium，apt-get 没能装上')]);
  });

  it('names the packages for another package manager where there is no apt-get', () => {
    machine({ uid: 0, sudo: false, apt: 'absent', present: ['chromium', 'fonts-noto-cjk'] });
    const r = setup();
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(
        '本机没有 apt-get，请用系统的包管理器装上与 Debian 软件包 fonts-arphic-ukai fonts-arphic-gkai00mp',
      ),
    ]);
  });

  it('does nothing on a machine that has everything', () => {
    machine({ uid: 1000, sudo: false, apt: 'works', present: ALL });
    const r = setup();
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(log()).toEqual([]);
  });
});
