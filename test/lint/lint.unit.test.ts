// The lint's own rules, broken on purpose: a fixture tree laid out like the repository (written
// afresh under .tmp/, so zod resolves from the project's node_modules) and snippets linted as if
// they lived at a path. If a rule stopped biting, `npm run lint` would pass on code it must refuse.
import { ESLint } from 'eslint';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dependencyViolations, type Violation } from '../../scripts/lint/dependencies.mjs';

const ROOT = join(import.meta.dirname, '../..');

const FIXTURE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', verbatimModuleSyntax: true },
  }),
  'extension/background/store/members.ts': 'export interface MemberFacts { key: string }\nexport const KEPT = 1;\n',
  // A type-only import counts: page-side code names no background file at all.
  'extension/core/rows.ts':
    "import type { MemberFacts } from '../background/store/members';\nexport const keyOf = (f: MemberFacts) => f.key;\n",
  'extension/features/badge.ts': "import { KEPT } from '../background/store/members';\nexport const kept = KEPT;\n",
  'extension/background/serve.ts': "import { keyOf } from '../core/rows';\nexport const serve = keyOf;\n",
  'extension/messaging/protocol.ts':
    "import type { MemberFacts } from '../background/store/members';\nexport interface Messages { facts: MemberFacts }\n",
  'extension/model/member.ts': "import type { Messages } from '../messaging/protocol';\nexport type M = Messages;\n",
  'shared/domain/rule.ts': "import type { M } from '../../extension/model/member';\nexport type R = M;\n",
  'shared/domain/schemas.ts': "import { z } from 'zod';\nexport const Kind = z.enum(['a', 'b']);\n",
  'shared/domain/plain.ts': "export const KINDS = ['a', 'b'] as const;\n",
  // A cycle through a type-only import: the stage's type belongs in a file both import.
  'extension/fix/compress.ts':
    "import { pool } from './naive';\nexport type Progress = (n: number) => void;\nexport const c = pool;\n",
  'extension/fix/naive.ts': "import type { Progress } from './compress';\nexport const pool = (p: Progress) => p(1);\n",
  // …and in the worker: sealing starts re-chaining, which reads where sealing got to.
  'worker/audit/seal.ts':
    "import { rechain } from './rechain';\nexport const sealedHead = () => 0;\nexport const seal = rechain;\n",
  'worker/audit/rechain.ts': "import { sealedHead } from './seal';\nexport const rechain = () => sealedHead();\n",
  'test/support/facts.ts': 'export const cleanFile = () => ({ pages: 12 });\n',
  'shared/pdf/judge.ts': "import { cleanFile } from '../../test/support/facts';\nexport const judge = cleanFile;\n",
  'shared/pdf/judge.test.ts': "import { cleanFile } from '../../test/support/facts';\nexport const t = cleanFile;\n",
  // Erased by the bundler: a type from zod costs the content script nothing.
  'extension/core/typesOnly.ts':
    "import type { ZodType } from 'zod';\nexport type Schema = ZodType;\nexport const one = 1;\n",
  'extension/core/kinds.ts':
    "import { Kind } from '../../shared/domain/schemas';\nexport const kinds = Kind.options;\n",
  'extension/entrypoints/content.ts': [
    "import { keyOf } from '../core/rows';",
    "import { one } from '../core/typesOnly';",
    "import { kinds } from '../core/kinds';",
    "import { KINDS } from '../../shared/domain/plain';",
    'console.log(keyOf, one, kinds, KINDS);',
    '',
  ].join('\n'),
};

describe('dependency rules', () => {
  let dir: string;
  let found: Violation[];

  beforeAll(async () => {
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    dir = mkdtempSync(join(ROOT, '.tmp', 'lint-fixture-'));
    for (const [path, text] of Object.entries(FIXTURE)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    found = await dependencyViolations({ baseDir: dir, tsConfigFile: join(dir, 'tsconfig.json') });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const broken = (rule: string) => found.filter((v) => v.rule === rule).map((v) => `${v.from} → ${v.to}`);

  it('refuses a background import from core/ and features/, types included', () => {
    expect(broken('page-side-not-background').sort()).toEqual([
      'extension/core/rows.ts → extension/background/store/members.ts',
      'extension/features/badge.ts → extension/background/store/members.ts',
    ]);
  });

  it('refuses a contract that imports an implementation, and a model that imports the contract', () => {
    expect(broken('contract-imports-no-implementation')).toEqual([
      'extension/messaging/protocol.ts → extension/background/store/members.ts',
    ]);
    expect(broken('model-is-data')).toEqual(['extension/model/member.ts → extension/messaging/protocol.ts']);
  });

  it('refuses production code importing test doubles, and lets tests import them', () => {
    expect(broken('no-test-code-in-production')).toEqual(['shared/pdf/judge.ts → test/support/facts.ts']);
  });

  it('refuses a cycle, type-only imports included, in the extension and in the worker', () => {
    // Each reported once, from whichever end is met first.
    const cycles = found.filter((v) => v.rule === 'no-cycles').map((v) => [v.from, v.to].sort());
    expect(cycles.sort()).toEqual([
      ['extension/fix/compress.ts', 'extension/fix/naive.ts'],
      ['worker/audit/rechain.ts', 'worker/audit/seal.ts'],
    ]);
  });

  it('refuses shared/ importing the extension', () => {
    expect(broken('shared-is-pure')).toEqual(['shared/domain/rule.ts → extension/model/member.ts']);
  });

  it('finds zod in the content script through a value import only, and names the way it came', () => {
    const zod = found.filter((v) => v.rule === 'no-zod-in-content-script');
    expect(zod).toHaveLength(1);
    expect(zod[0]!.from).toBe('extension/entrypoints/content.ts');
    expect(zod[0]!.via.slice(0, 2)).toEqual(['extension/core/kinds.ts', 'shared/domain/schemas.ts']);
    expect(zod[0]!.to).toMatch(/node_modules\/zod\//);
  });

  it('lets the background import page-side code, and the repository itself passes', async () => {
    expect(found.some((v) => v.from === 'extension/background/serve.ts')).toBe(false);
    expect(await dependencyViolations()).toEqual([]);
  }, 60_000);
});

describe('ESLint rules', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const lint = async (path: string, code: string) =>
    (await eslint.lintText(code, { filePath: join(ROOT, path) }))[0]!.messages.map((m) => m.ruleId);
  const QUERY = [
    "import type { Context } from 'hono';",
    'export const count = async (c: Context<{ Bindings: { DB: D1Database } }>) =>',
    "  c.env.DB.prepare('SELECT count(*) AS n FROM members').first();",
    '',
  ].join('\n');

  it('refuses a .prepare( in a route or a job, and allows it in worker/db/', async () => {
    expect(await lint('worker/routes/fixture.ts', QUERY)).toEqual(['no-restricted-syntax']);
    expect(await lint('worker/jobs/fixture.ts', QUERY)).toEqual(['no-restricted-syntax']);
    expect(await lint('worker/db/fixture.ts', QUERY)).toEqual([]);
  }, 60_000);

  it('refuses another copy of errorText, in the extension and in the worker', async () => {
    const copy = 'export const text = (err: unknown) => (err instanceof Error ? err.message : String(err));\n';
    expect(await lint('extension/upload/fixture.ts', copy)).toEqual(['no-restricted-syntax']);
    expect(await lint('worker/routes/fixture.ts', copy)).toEqual(['no-restricted-syntax']);
    expect(await lint('shared/errorText.ts', copy)).toEqual([]);
  });

  it('checks the Rules of Hooks on the extension pages', async () => {
    const page = [
      "import { useState } from 'react';",
      'export function Pane({ open }: { open: boolean }) {',
      '  if (!open) return null;',
      '  const [n] = useState(0);',
      '  return n;',
      '}',
      '',
    ].join('\n');
    expect(await lint('extension/entrypoints/popup/Fixture.tsx', page)).toEqual(['react-hooks/rules-of-hooks']);
  });

  it('refuses an unused variable anywhere', async () => {
    expect(await lint('shared/domain/fixture.ts', 'export function f() {\n  const unused = 1;\n}\n')).toEqual([
      '@typescript-eslint/no-unused-vars',
    ]);
  });
});
