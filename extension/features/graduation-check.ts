/**
 * Graduating members must be certified before their organisation relation is transferred (§4.4,
 * §5.4). A member is graduating when their organisation is a 毕业班团支部 (06BYBTZB: the landing
 * page's 组织类型, or a 所在团组织 that says so) or when the admin marked them graduating.
 */
import { orgTypeNamed } from '../../shared/domain/orgTypes';
import { button } from '../core/bar';
import { observeElements } from '../core/elements';
import { defineFeature, type FeatureContext } from '../core/feature';
import { readDetail, readSignedInOrg } from '../core/org';
import { sel } from '../host/terms';
import { graduationMark } from './verdicts';

/** The landing page names the signed-in organisation's type: remember it for its lists. */
function readOrgType({ doc, signal, send, fail }: FeatureContext): void {
  observeElements(
    doc.body,
    sel('org.details'),
    signal,
    () => {
      const type = orgTypeNamed(readDetail(doc, 'org.typeLabel') ?? '');
      if (!type) return;
      const name = readDetail(doc, 'org.nameLabel');
      const org = name ? { name } : readSignedInOrg(doc);
      send('rememberOrgType', { org, type }).catch(() => {});
    },
    fail,
  );
}

function markAction(ctx: FeatureContext) {
  ctx.lists.addSelectionAction((api, doc) => {
    const wrap = doc.createElement('span');
    wrap.className = 'laa-bar-row';
    const msg = doc.createElement('span');
    msg.className = 'laa-msg';
    const set = async (graduating: boolean) => {
      const keys = api
        .selected()
        .map((r) => r.facts?.key)
        .filter((k): k is string => !!k);
      if (!keys.length) {
        msg.className = 'laa-msg laa-msg--danger';
        msg.textContent = '请先勾选团员';
        return;
      }
      const r = await ctx.send('setGraduating', { keys, graduating });
      msg.className = 'laa-msg laa-msg--success';
      msg.textContent = graduating ? `已将 ${r.updated} 人标记为毕业年级` : `已取消 ${r.updated} 人的毕业年级标记`;
      await ctx.lists.refreshFacts();
    };
    wrap.append(
      button(doc, '标记为毕业年级', () => void set(true).catch(() => {})),
      button(doc, '取消毕业年级', () => void set(false).catch(() => {})),
      msg,
    );
    return wrap;
  });
}

export default defineFeature({
  id: 'graduation-check',
  label: '毕业年级提醒',
  description:
    '毕业班团支部或标记为毕业年级的团员，未认证时在姓名旁提示“毕业前须完成认证”（§4.4、§5.4）；可在列表上方把所选团员标记为毕业年级。',
  pages: ['landing', 'memberDatabase', 'subordinateDatabase', 'cadreDatabase', 'transfer'],
  needs: ['certStatus'],
  init(ctx) {
    if (ctx.visit.pageType === 'landing') return readOrgType(ctx);
    // A 毕业班团支部 is known by the signed-in organisation's name: without it, say so rather than miss them.
    if (!ctx.doc.querySelector(sel('org.signedIn'))) return ctx.fail('页头中没有找到登录的团组织名称');
    markAction(ctx);
    ctx.lists.onPass((pass) => {
      for (const row of pass.rows) pass.mark(row, 'name', graduationMark(row));
    });
  },
});
