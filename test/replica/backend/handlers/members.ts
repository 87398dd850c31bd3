import { subtreeIds } from '../../data/orgs';
import type { ReplicaMember } from '../../model';
import { deny, endpoint, page, text, type SignedIn } from '../api';
import { latestRecords, memberRow, recordSteps } from '../views';

export const OUT_OF_SCOPE = '只能查询本级及下级团组织团员';

type Scope = 'own' | 'sub' | 'cadre';

/** The three member lists of 管理中心, searchable by 姓名, 身份证号 and 发展团员编号 (§4.6). */
async function listMembers(ctx: SignedIn, scope: Scope) {
  const { store, input, session } = ctx;
  const state = store.state;
  const variant = state.variant;
  if (variant.loadDelayMs > 0) await new Promise((r) => setTimeout(r, variant.loadDelayMs));
  const own = session.org.leagueId;
  let inScope: (m: ReplicaMember) => boolean;
  if (scope === 'own') inScope = (m) => m.leagueId === own && !m.isCadre;
  else if (scope === 'cadre') inScope = (m) => m.leagueId === own && m.isCadre;
  else {
    const below = subtreeIds(state.orgs, own);
    below.delete(own);
    const only = text(input, 'leagueId');
    if (only && !below.has(only)) deny(OUT_OF_SCOPE);
    inScope = only ? (m) => m.leagueId === only && !m.isCadre : (m) => below.has(m.leagueId) && !m.isCadre;
  }
  const name = text(input, 'name');
  const idCard = text(input, 'identityCardNo').toUpperCase();
  const userCode = text(input, 'userCode');
  const found = variant.empty
    ? []
    : state.members.filter(
        (m) =>
          inScope(m) &&
          (!name || m.name.includes(name)) &&
          (!idCard || m.identityCardNo === idCard) &&
          (!userCode || m.userCode.includes(userCode)),
      );
  found.sort((a, b) =>
    a.joinLeagueTime === b.joinLeagueTime
      ? Number(b.userId) - Number(a.userId)
      : a.joinLeagueTime < b.joinLeagueTime
        ? 1
        : -1,
  );
  const p = page(found, input, variant.bigPage ? 1000 : 10);
  const latest = latestRecords(state);
  return { ...p, list: p.list.map((m) => memberRow(state, m, latest.get(m.userId))) };
}

/** The member a request names, if the signed-in organisation may see it. */
export function memberInScope(ctx: SignedIn, userId: string): ReplicaMember {
  const m = ctx.store.state.members.find((x) => x.userId === userId);
  if (!m) return deny('该团员不存在');
  if (!subtreeIds(ctx.store.state.orgs, ctx.session.org.leagueId).has(m.leagueId)) deny(OUT_OF_SCOPE);
  return m;
}

/** The detail view: everything, the 身份证号 in clear as the host shows it to its admins. */
const detail = endpoint('csrf', (ctx) => {
  const m = memberInScope(ctx, text(ctx.input, 'userId'));
  return {
    ...memberRow(ctx.store.state, m),
    identityCardNo: m.identityCardNo,
    mobile: m.mobile,
    steps: recordSteps(ctx.store.state, m.userId),
  };
});

const steps = endpoint('csrf', (ctx) => {
  const m = memberInScope(ctx, text(ctx.input, 'userId'));
  return { steps: recordSteps(ctx.store.state, m.userId) };
});

export const memberEndpoints = {
  'tuanyuan/list': endpoint('csrf', (ctx) => listMembers(ctx, 'own')),
  'tuanyuantw/list': endpoint('csrf', (ctx) => listMembers(ctx, 'sub')),
  'tuangan/list': endpoint('csrf', (ctx) => listMembers(ctx, 'cadre')),
  'tuanyuan/detail': detail,
  'memberRecord/steps': steps,
};
