import type { RemindersResponse } from '../../shared/api/reminders';
import type { MemberView } from '../../shared/api/members';
import { BUCKET_LABELS, urgentCount, type Counters } from '../../shared/domain/urgency';

const enc = new TextEncoder();
export const utf8Bytes = (s: string) => enc.encode(s).length;

/** 企业微信 group robots refuse markdown over 4,096 bytes; parts stay under this with their heading. */
export const WECOM_LIMIT = 4096;
export const DINGTALK_LIMIT = 18_000;

function line(c: Counters): string {
  return (['overdue', 'maybeOverdue', 'dueToday', 'within3', 'within7'] as const)
    .filter((b) => c[b] > 0)
    .map((b) => `${BUCKET_LABELS[b]} ${c[b]} 人`)
    .concat(c.rejected > 0 ? [`认证不通过 ${c.rejected} 人`] : [])
    .join('，');
}

/** The morning summary in the guide's words: what is overdue and due soon, per organisation, then who. */
export function digestLines(r: RemindersResponse, urgent: MemberView[]): { title: string; lines: string[] } {
  const title = `团员电子档案提醒｜${r.org.name}｜${r.today}`;
  const total = line(r.counters);
  const lines = [`### ${title}`, total ? `**合计**：${total}。` : '**合计**：没有逾期或7日内到期的档案。'];
  const own = (o: RemindersResponse['orgs'][number]) => o.own ?? o.subtree;
  const busy = r.orgs.filter((o) => urgentCount(own(o)) + own(o).within3 + own(o).within7 + own(o).rejected > 0);
  if (busy.length) {
    lines.push('', '**各组织**：');
    for (const o of busy) lines.push(`- ${o.name}：${line(own(o))}`);
  }
  if (urgent.length) {
    lines.push('', '**需尽快上传**：');
    for (const m of urgent) {
      const when =
        m.daysLeft === null
          ? ''
          : m.daysLeft < 0
            ? `已过截止日 ${-m.daysLeft} 天`
            : m.daysLeft === 0
              ? '今日截止'
              : `还剩 ${m.daysLeft} 天`;
      lines.push(
        `- ${m.nameMasked ?? '（未具名）'}（${m.orgName}）：${BUCKET_LABELS[m.bucket]}，${when}${m.estimated ? '（按入团时间估算）' : ''}`,
      );
    }
  }
  lines.push('', '请在“智慧团建”管理中心 → 团员电子数据库上传《入团志愿书》（§3.2）。');
  return { title, lines };
}

/** Splits lines into parts whose UTF-8 size, with a "(i/n)" heading, stays under the limit. */
export function splitParts(lines: string[], limit: number): string[] {
  const budget = limit - 64;
  const parts: string[] = [];
  let cur = '';
  for (const raw of lines) {
    let l = raw;
    while (utf8Bytes(l) > budget) l = Array.from(l).slice(0, -20).join('') + '…';
    const next = cur ? `${cur}\n${l}` : l;
    if (utf8Bytes(next) > budget && cur) {
      parts.push(cur);
      cur = l;
    } else cur = next;
  }
  if (cur) parts.push(cur);
  return parts.length > 1 ? parts.map((p, i) => `（${i + 1}/${parts.length}）\n${p}`) : parts;
}
