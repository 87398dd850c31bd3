/**
 * When the host prompts 组织内有团员档案尚未上传 or 组织内有团员身份尚未认证 (§3.2 note, §4.3), add
 * the members concerned, from the rows kept locally. Choosing one opens the right list and runs
 * the host's own search for the member's 编号 (or name): the host has no per-member address.
 */
import { watchDom } from '../core/elements';
import { defineFeature, type FeatureContext } from '../core/feature';
import { openListAndSearch } from '../core/hostActions';
import { readSignedInOrg } from '../core/org';
import type { ListPage } from '../core/pages';
import { PAGE_LABELS } from '../model/pages';
import { hasWord, sel } from '../host/terms';
import { shadowHost } from '../core/shadow';
import type { PromptKind, PromptMember } from '../messaging/members';

const CSS = `
:host{all:initial}
.list{margin:10px 0 0;padding:8px 0 0;border-top:1px solid #EBEEF5;font:13px/1.6 "Helvetica Neue",Helvetica,"PingFang SC","Microsoft YaHei",Arial,sans-serif;color:#606266;max-height:260px;overflow:auto}
h3{margin:4px 0;font-size:13px;font-weight:600;color:#303133}
button{display:flex;gap:8px;align-items:center;width:100%;text-align:left;padding:4px 6px;border:0;border-radius:3px;background:none;cursor:pointer;font:inherit;color:#409EFF}
button:hover{background:#ecf5ff}
.meta{color:#909399;font-size:12px}
.tag{font-size:12px;padding:0 5px;border-radius:4px;border:1px solid #fde2e2;background:#fef0f0;color:#F56C6C}
.tag.pending{border-color:#d9ecff;background:#ecf5ff;color:#409EFF}
.hint{color:#909399;font-size:12px;margin:4px 0}
`;

const KIND_TITLES: Record<PromptKind, string> = {
  notUploaded: '档案尚未上传的团员',
  uncertified: '身份尚未认证的团员',
};

const STATUS_WORDS: Record<string, string> = {
  notUploaded: '未上传',
  pending: '待审批',
  rejected: '认证不通过',
  uncertified: '尚未认证',
};

/** Which list shows the member: the admin's own organisation, its cadres, or the branches below. */
export function listFor(m: PromptMember, ownOrg: string): ListPage {
  if (m.isCadre) return 'cadreDatabase';
  return m.orgName === ownOrg ? 'memberDatabase' : 'subordinateDatabase';
}

function render(
  ctx: FeatureContext,
  body: Element,
  kinds: PromptKind[],
  lists: Record<PromptKind, PromptMember[]>,
  close: () => void,
): void {
  const { doc } = ctx;
  const { host, root } = shadowHost(doc, 'data-laa-prompt-list', CSS);
  const list = doc.createElement('div');
  list.className = 'list';
  const own = readSignedInOrg(doc).name;
  for (const kind of kinds) {
    const members = lists[kind];
    const h = doc.createElement('h3');
    h.textContent = `${KIND_TITLES[kind]}（${members.length} 人，助手已读取的名单）`;
    list.append(h);
    if (!members.length) {
      const p = doc.createElement('p');
      p.className = 'hint';
      p.textContent =
        '助手尚未读取到这些团员：请打开“团员电子数据库”或“下级支部团员电子数据库”，读取后这里会列出需处理的团员。';
      list.append(p);
    }
    for (const m of members) {
      const b = doc.createElement('button');
      b.type = 'button';
      const name = doc.createElement('span');
      name.textContent = m.name;
      const tag = doc.createElement('span');
      tag.className = m.status === 'pending' ? 'tag pending' : 'tag';
      tag.textContent = STATUS_WORDS[m.status] ?? m.status;
      const meta = doc.createElement('span');
      meta.className = 'meta';
      meta.textContent = [m.devNumber || '无编号', m.joinedOn, m.orgName].filter(Boolean).join(' · ');
      b.append(name, tag, meta);
      b.title = `在“${PAGE_LABELS[listFor(m, own)]}”中查询${m.devNumber ? `发展团员编号 ${m.devNumber}` : `姓名 ${m.name}`}`;
      b.addEventListener('click', () => {
        close();
        const field = m.devNumber ? 'devNumber' : 'name';
        void openListAndSearch(doc, listFor(m, own), field, m.devNumber || m.name, ctx.lifetime).catch(() => {});
      });
      list.append(b);
    }
  }
  root.append(list);
  body.append(host);
}

export default defineFeature({
  id: 'login-prompt-list',
  label: '登录提示中的团员名单',
  description:
    '登录后出现“组织内有团员档案尚未上传 / 团员身份尚未认证”提示时，列出相关团员；点选即打开列表并用系统自带的查询找到该团员。',
  pages: ['landing'],
  init(ctx) {
    const asked = new WeakSet<Element>();
    watchDom(
      ctx.doc.body,
      ctx.signal,
      () => {
        for (const wrapper of ctx.doc.querySelectorAll(sel('prompt.container'))) {
          const body = wrapper.querySelector(sel('prompt.body'));
          if (!body || asked.has(body)) continue;
          const text = body.textContent ?? '';
          const kinds: PromptKind[] = [];
          if (hasWord('prompt.notUploaded', text)) kinds.push('notUploaded');
          if (hasWord('prompt.uncertified', text)) kinds.push('uncertified');
          if (!kinds.length) continue;
          asked.add(body);
          const close = () => wrapper.querySelector<HTMLElement>(sel('prompt.close'))?.click();
          void ctx
            .send('promptedMembers', { kinds })
            .then((lists) => {
              if (!ctx.signal.aborted && !body.querySelector('[data-laa-prompt-list]'))
                render(ctx, body, kinds, lists, close);
            })
            .catch(() => {});
        }
      },
      ctx.fail,
    );
  },
});
