// The dependency rules `npm run lint` checks (scripts/lint/dependencies.mjs runs them with
// dependency-cruiser). Paths are relative to the repository root. docs/architecture.md explains them.

/**
 * Checked on every import, type-only ones included: a shape both sides need belongs in the message
 * contract or in shared/, not in one side's implementation.
 * @type {import('dependency-cruiser').IForbiddenRuleType[]}
 */
export const IMPORT_RULES = [
  {
    name: 'shared-is-pure',
    comment: 'shared/ 是扩展和同步服务共用的纯规则：它不引用 extension/ 或 worker/ 的任何文件。',
    severity: 'error',
    from: { path: '^shared/' },
    to: { path: '^(extension|worker)/' },
  },
  {
    name: 'page-side-not-background',
    comment:
      '在智慧团建页面里运行的代码（内容脚本、core/、features/、upload/）只通过消息和后台交谈：不引用 background/ 的任何文件，类型也不行；共用的形状放进 extension/messaging/ 或 shared/。',
    severity: 'error',
    from: { path: '^extension/(entrypoints/content\\.ts$|core/|features/|upload/)' },
    to: { path: '^extension/background/' },
  },
  {
    name: 'contract-imports-no-implementation',
    comment:
      '消息契约（extension/messaging/）被两端引用，自己只引用 extension/model/ 和 shared/：实现引用契约，反过来不行。',
    severity: 'error',
    from: { path: '^extension/messaging/' },
    to: { path: '^extension/(?!messaging/|model/)' },
  },
  {
    name: 'no-test-code-in-production',
    comment: '测试替身和测试数据放在 test/ 里，只有测试文件引用它们：产品代码不引用 test/。',
    severity: 'error',
    from: { path: '^(extension|shared|worker)/', pathNot: '\\.test\\.tsx?$' },
    to: { path: '^test/' },
  },
  {
    name: 'no-cycles',
    comment:
      '扩展、shared/ 和同步服务里不允许循环引用（类型也算）：两个文件互相引用时，把共用的部分（类型、常量）移到双方都引用的第三个文件里。',
    severity: 'error',
    from: { path: '^(extension|shared|worker)/' },
    to: { circular: true },
  },
  {
    name: 'model-is-data',
    comment: 'extension/model/ 是两端共用的数据形状，不引用扩展的任何实现。',
    severity: 'error',
    from: { path: '^extension/model/' },
    to: { path: '^extension/(?!model/)' },
  },
];

/**
 * Checked on what the bundler keeps: type-only imports are erased first. The content script runs
 * in every 智慧团建 page, so it carries no schema library (zod alone would add about 22 KB gzipped).
 * @type {import('dependency-cruiser').IForbiddenRuleType[]}
 */
export const BUNDLE_RULES = [
  {
    name: 'no-zod-in-content-script',
    comment: '内容脚本不打包 zod：页面一侧需要的常量从不引用 zod 的文件里引用。',
    severity: 'error',
    from: { path: '^extension/entrypoints/content\\.ts$' },
    to: { path: '(^|/)node_modules/zod/', reachable: true },
  },
];

/** What is cruised: every source folder (tests included: a test may not cross a boundary either). */
export const ROOTS = ['extension', 'shared', 'worker'];
export const CONTENT_SCRIPT = 'extension/entrypoints/content.ts';
