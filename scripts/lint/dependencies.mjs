// `npm run lint`'s dependency rules (scripts/lint/dependency-rules.mjs), checked with
// dependency-cruiser: once over every import with type-only imports counted, once over the content
// script's bundle with them erased. Prints each broken rule with what to do and exits 1 if any.
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_RULES, CONTENT_SCRIPT, IMPORT_RULES, ROOTS } from './dependency-rules.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

const COMMON = {
  validate: true,
  doNotFollow: { path: 'node_modules' },
  exclude: { path: '(^|/)(\\.output|\\.wxt|\\.wrangler)/' },
  enhancedResolveOptions: {
    exportsFields: ['exports'],
    conditionNames: ['import', 'require', 'node', 'default', 'types'],
    extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
  },
};

/**
 * The broken rules under `baseDir` (the repository, or a test's fixture tree laid out like it),
 * as `{ rule, from, to, comment }`.
 */
export async function dependencyViolations({
  baseDir = REPO,
  roots = ROOTS,
  contentScript = CONTENT_SCRIPT,
  tsConfigFile = `${REPO}/tsconfig.json`,
} = {}) {
  const tsConfig = extractTSConfig(tsConfigFile);
  const runs = [
    {
      roots: roots.filter((r) => existsSync(join(baseDir, r))),
      rules: IMPORT_RULES,
      options: { tsPreCompilationDeps: true },
    },
    // Reached from the content script only, following the node_modules package the rule names.
    {
      roots: [contentScript],
      rules: BUNDLE_RULES,
      options: { tsPreCompilationDeps: false, doNotFollow: { path: 'node_modules/(?!zod/)' } },
    },
  ];
  const found = [];
  for (const run of runs) {
    const result = await cruise(
      run.roots,
      { ...COMMON, ...run.options, baseDir, ruleSet: { forbidden: run.rules } },
      {},
      { tsConfig },
    );
    if (typeof result.output === 'string') throw new Error(result.output);
    for (const v of result.output.summary.violations) {
      const rule = run.rules.find((r) => r.name === v.rule.name);
      const via = v.via?.length ? v.via.map((m) => (typeof m === 'string' ? m : m.name)) : [];
      found.push({ rule: v.rule.name, from: v.from, to: v.to, via, comment: rule?.comment ?? '' });
    }
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = await dependencyViolations();
  for (const v of found) {
    console.error(`${v.rule}: ${v.from} → ${v.to}${v.via.length ? `  (经 ${v.via.join(' → ')})` : ''}\n  ${v.comment}`);
  }
  console.log(found.length ? `依赖规则：${found.length} 处违反` : '依赖规则：全部通过');
  process.exit(found.length ? 1 : 0);
}
