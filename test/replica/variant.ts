/**
 * Variants: switches that change the replica's markup the way a site update would, never its
 * meaning. The server applies the data-side ones (delay, empty list, page size); the pages apply
 * the markup-side ones (column order, extra or hidden columns, a fixed 操作 column, date format,
 * stray whitespace).
 */
export interface Variant {
  /** `alternate`: status columns first, 姓名 in the middle, 操作 still last. */
  columnOrder: 'default' | 'alternate';
  /** Adds 民族, 手机号码, a masked 身份证号 and 团员编号 columns. */
  extraColumns: boolean;
  /** Column labels to leave out, e.g. `['发展团员编号']`. */
  hiddenColumns: string[];
  /** 操作 as a fixed right-hand column: Element UI then renders its cells twice. */
  fixedActions: boolean;
  /** 入团时间 as 2024-05-20 (`iso`), 2024年05月20日 (`cn`) or 2024/5/20 (`slash`). */
  dateFormat: 'iso' | 'cn' | 'slash';
  /** Stray spaces and line breaks around cell words. */
  whitespace: boolean;
  /** Member lists answer after this delay; the table shows Element UI's loading mask meanwhile. */
  loadDelayMs: number;
  /** Member lists answer with no rows. */
  empty: boolean;
  /** 1,000 rows a page by default (benchmarks). */
  bigPage: boolean;
  /** 上传档案 with Element's drag area (`el-upload` with `drag`) instead of the 选取文件 button. */
  uploadDrag: boolean;
  /**
   * The UI kit: Element UI 2.15 on Vue 2 (the host today) or Element Plus on Vue 3 (its likely
   * next step after Vue 2's end of life) — the same pages, columns and data.
   */
  kit: 'element-ui' | 'element-plus';
  /** Member-list headers shown under another label, e.g. `{ 团员身份认证: '认证进度' }`. */
  headerLabels: Record<string, string>;
  /** A column the extension has never heard of (政治面貌), right after 姓名. */
  unknownColumn: boolean;
  /** The site's own class names (not the kit's) as a CSS-modules build writes them: `who` → `_who_k3x9`. */
  renamedClasses: boolean;
}

export const DEFAULT_VARIANT: Variant = {
  columnOrder: 'default',
  extraColumns: false,
  hiddenColumns: [],
  fixedActions: false,
  dateFormat: 'iso',
  whitespace: false,
  loadDelayMs: 0,
  empty: false,
  bigPage: false,
  uploadDrag: false,
  kit: 'element-ui',
  headerLabels: {},
  unknownColumn: false,
  renamedClasses: false,
};

const FLAGS = [
  'extraColumns',
  'fixedActions',
  'whitespace',
  'empty',
  'bigPage',
  'uploadDrag',
  'unknownColumn',
  'renamedClasses',
] as const;

/** Merges a partial variant over the default, dropping anything that is not a known switch. */
export function normaliseVariant(input: unknown): Variant {
  const v: Variant = { ...DEFAULT_VARIANT, hiddenColumns: [], headerLabels: {} };
  if (typeof input !== 'object' || input === null) return v;
  const x = input as Record<string, unknown>;
  for (const f of FLAGS) if (typeof x[f] === 'boolean') v[f] = x[f];
  if (x.columnOrder === 'alternate') v.columnOrder = 'alternate';
  if (x.dateFormat === 'cn' || x.dateFormat === 'slash') v.dateFormat = x.dateFormat;
  if (Array.isArray(x.hiddenColumns))
    v.hiddenColumns = x.hiddenColumns.filter((c): c is string => typeof c === 'string');
  if (x.kit === 'element-plus') v.kit = 'element-plus';
  if (typeof x.headerLabels === 'object' && x.headerLabels !== null)
    for (const [from, to] of Object.entries(x.headerLabels))
      if (typeof to === 'string' && to.trim()) v.headerLabels[from] = to.trim();
  if (typeof x.loadDelayMs === 'number' && x.loadDelayMs >= 0) v.loadDelayMs = Math.min(x.loadDelayMs, 60_000);
  return v;
}

/**
 * The `?variant=` query of a page, for people clicking through: comma-separated switches, e.g.
 * `fixedActions,dateFormat=cn,loadDelayMs=1500,hiddenColumns=发展团员编号+性别,columnOrder=alternate`,
 * `kit=element-plus,headerLabels=团员身份认证:认证进度+入团时间:入团日期`.
 */
export function parseVariantQuery(q: string): Variant {
  const x: Record<string, unknown> = {};
  for (const part of q
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [key, value] = part.split('=', 2) as [string, string | undefined];
    if (value === undefined) x[key] = true;
    else if (key === 'hiddenColumns') x[key] = value.split('+').filter(Boolean);
    else if (key === 'headerLabels')
      x[key] = Object.fromEntries(value.split('+').flatMap((pair) => (pair.includes(':') ? [pair.split(':', 2)] : [])));
    else if (key === 'loadDelayMs') x[key] = Number(value);
    else if (value === 'true' || value === 'false') x[key] = value === 'true';
    else x[key] = value;
  }
  return normaliseVariant(x);
}
