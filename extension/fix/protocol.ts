/**
 * The fix page's contract (fix.html, on the extension's origin): a caller — the upload gate in the
 * host page, or a benchmark — posts `{ type: 'laa-fix', … }` with a MessagePort; progress and
 * finally a result (or the admin's cancel) come back on the port. Files travel as transferred
 * ArrayBuffers, never through the host page's scripts.
 */

/** The fixes the guide's §5.2 sends admins to other apps for. */
export type FixTool = 'compress' | 'straighten' | 'assemble' | 'edit' | 'split' | 'folder';

/** Fixes that run without asking anything: the page stays hidden. */
export const HEADLESS_TOOLS: readonly FixTool[] = ['compress', 'straighten'];

export const FIX_LABELS: Record<FixTool, string> = {
  compress: '压缩到 20M 以内',
  straighten: '裁剪拉直',
  assemble: '用照片拼成 PDF',
  edit: '编辑页面',
  split: '拆分整班扫描件',
  folder: '批量检查文件夹',
};

/** A member of the list the admin is on, as the split and folder tools match files to them. */
export interface ListMember {
  name: string;
  devNumber?: string;
  joinedOn?: string;
  /** The row shows 上传档案 or 替换档案: a file can be handed to its upload. */
  canUpload: boolean;
}

export interface InputFile {
  name: string;
  type: string;
  bytes: ArrayBuffer;
}

export interface FixOptions {
  /** compress: 'fast' re-encodes the scans' JPEGs; 'naive' renders every page with pdf.js (the benchmark's baseline). */
  method?: 'fast' | 'naive';
  /** compress: the size to reach (default 19,500,000 bytes: under 20,000,000 with room to spare). */
  targetBytes?: number;
  /** compress: never below this resolution (default 200 dpi, DA/T 31-2017). */
  minDpi?: number;
  /** straighten: only these pages (1-based); default every page. */
  pages?: number[];
}

export interface FixRequest {
  type: 'laa-fix';
  tool: FixTool;
  /** The file to work on (compress, straighten, edit, split) or photos to start from (assemble). */
  files?: InputFile[];
  /** The member whose upload the result goes to (shown in the tool). */
  member?: { name: string; devNumber?: string; joinedOn?: string };
  /** split and folder: the list's members to match files to. */
  members?: ListMember[];
  /** Pages the check found problems on (1-based), marked in the editor. */
  problemPages?: number[];
  options?: FixOptions;
}

/** How far a fix has come: a stage's name and its pages done of total. */
export type Progress = (stage: string, done: number, total: number) => void;

export interface FixStats {
  ms: number;
  inBytes: number;
  outBytes: number;
  pages: number;
  /** Lowest resolution of any page's scan in the result. */
  minDpi?: number;
  /** Pages changed by the fix (1-based). */
  changedPages?: number[];
  notes?: string[];
}

export interface HandoffItem {
  member: ListMember;
  file: InputFile;
}

export type FixEvent =
  | { kind: 'progress'; done: number; total: number; stage: string }
  | { kind: 'result'; file: InputFile; stats: FixStats }
  /** split and folder: files for several members, each to go to that member's upload. */
  | { kind: 'handoff'; items: HandoffItem[] }
  | { kind: 'cancel' }
  | { kind: 'error'; message: string };

export function isFixRequest(x: unknown): x is FixRequest {
  const r = x as Partial<FixRequest> | null;
  if (!r || r.type !== 'laa-fix' || typeof r.tool !== 'string' || !(r.tool in FIX_LABELS)) return false;
  if (
    r.files !== undefined &&
    (!Array.isArray(r.files) ||
      !r.files.every((f) => f && typeof f.name === 'string' && f.bytes instanceof ArrayBuffer))
  )
    return false;
  return true;
}
