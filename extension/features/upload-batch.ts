/**
 * Many forms at once (§5.2): a feeder scanner's class scan split into one 12-page file per member,
 * or a folder of PDFs checked in one go — matched to the members of the list, confirmed by the
 * admin, then handed one by one to each member's own upload (where the gate checks it again).
 */
import { button } from '../core/bar';
import { defineFeature } from '../core/feature';
import type { MemberRow } from '../core/rows';
import { isWord, sel } from '../host/terms';
import { FIX_LABELS, type FixTool, type ListMember } from '../fix/protocol';
import { openFixFrame, type FixFrame } from '../upload/fixClient';
import { HandoffQueue } from '../upload/queue';
import { errorText } from '../../shared/errorText';

function listMember(row: MemberRow): ListMember {
  const m = row.member;
  const canUpload = Array.from(row.tr.querySelectorAll(sel('button'))).some((b) =>
    isWord('list.uploadButton', b.textContent ?? ''),
  );
  return {
    name: m.name,
    ...(m.devNumber ? { devNumber: m.devNumber } : {}),
    ...(m.joinedOn ? { joinedOn: m.joinedOn } : {}),
    canUpload,
  };
}

export default defineFeature({
  id: 'upload-batch',
  label: '整班拆分与批量检查',
  description:
    '在团员列表上方提供“拆分整班扫描件”（每 12 页拆成 1 份，按首页编号对应团员）和“批量检查文件夹”，核对后逐个放入各团员的上传框。',
  pages: ['memberDatabase', 'subordinateDatabase', 'cadreDatabase'],
  init({ doc, signal, lists }) {
    let rows: readonly MemberRow[] = [];
    let frame: FixFrame | null = null;
    const queue = new HandoffQueue(doc, signal, '逐个上传 · 团员电子档案助手');
    const placed = new WeakSet<HTMLElement>();
    const open = async (tool: FixTool, msg: HTMLElement) => {
      msg.textContent = '';
      frame ??= openFixFrame(doc, signal);
      try {
        const outcome = await frame.run({ tool, members: rows.map(listMember) });
        if (outcome.kind === 'handoff' && outcome.items.length) queue.start(outcome.items);
      } catch (e) {
        msg.className = 'laa-msg laa-msg--danger';
        msg.textContent = errorText(e);
      }
    };
    lists.onPass((pass) => {
      rows = pass.rows;
      const section = pass.section(90);
      if (placed.has(section)) return;
      placed.add(section);
      const msg = doc.createElement('span');
      msg.className = 'laa-msg';
      section.append(
        button(doc, FIX_LABELS.split, () => void open('split', msg)),
        button(doc, FIX_LABELS.folder, () => void open('folder', msg)),
        msg,
      );
    });
  },
});
