import { randomBytes } from 'node:crypto';
import { subtreeIds } from '../../data/orgs';
import { chinaDateTime } from '../../time';
import { ApiError, RET, endpoint, text, type Endpoint } from '../api';
import { archiveState, latestRecords } from '../views';

export const SESSION_COOKIE = 'zhtj_session';

const login: Endpoint = {
  auth: 'none',
  handle(ctx) {
    const username = text(ctx.input, 'username');
    const password = text(ctx.input, 'password');
    const account = ctx.store.state.accounts.find((a) => a.username === username);
    if (!account || account.password !== password) throw new ApiError(RET.refused, '账号或密码错误');
    const sid = randomBytes(18).toString('base64url');
    const csrfToken = randomBytes(18).toString('base64url');
    ctx.store.state.sessions[sid] = { username, csrfToken, createdAt: chinaDateTime(ctx.now) };
    ctx.store.save();
    ctx.setCookie(`${SESSION_COOKIE}=${sid}; Path=/; HttpOnly; Secure; SameSite=Lax`);
    return { csrfToken };
  },
};

const logout = endpoint('csrf', (ctx) => {
  delete ctx.store.state.sessions[ctx.session.sid];
  ctx.store.save();
  ctx.setCookie(`${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax`);
  return null;
});

/** Who is signed in, the token for later requests, and the prompts the landing page shows. */
const currentUser = endpoint('session', (ctx) => {
  const { account, org, data } = ctx.session;
  const state = ctx.store.state;
  const ids = subtreeIds(state.orgs, org.leagueId);
  const latest = latestRecords(state);
  let notUploaded = false;
  let uncertified = false;
  for (const m of state.members) {
    if (!ids.has(m.leagueId)) continue;
    const s = archiveState(m, latest.get(m.userId));
    if (s === 'none') notUploaded = true;
    if (s === 'none' || s === 'pending' || s === 'rejected') uncertified = true;
    if (notUploaded && uncertified) break;
  }
  return {
    username: account.username,
    displayName: account.displayName,
    leagueId: org.leagueId,
    leagueName: org.leagueName,
    leagueFullName: org.leagueFullName,
    leagueType: org.leagueType,
    hasSubordinates: state.orgs.some((o) => o.parentId === org.leagueId),
    csrfToken: data.csrfToken,
    prompts: {
      ...(notUploaded ? { archiveNotUploaded: '组织内有团员档案尚未上传' } : {}),
      ...(uncertified ? { identityUncertified: '组织内有团员身份尚未认证' } : {}),
    },
  };
});

/** The accounts of the sign-in page's 演示账号 list (a replica-only help). */
const demoAccounts: Endpoint = {
  auth: 'none',
  handle: (ctx) => ({
    accounts: ctx.store.state.accounts.map((a) => ({
      username: a.username,
      password: a.password,
      displayName: a.displayName,
      role: a.role,
    })),
  }),
};

const getorgtree = endpoint('csrf', (ctx) => {
  const ids = subtreeIds(ctx.store.state.orgs, ctx.session.org.leagueId);
  return {
    leagueList: ctx.store.state.orgs
      .filter((o) => ids.has(o.leagueId))
      .map((o) => ({
        leagueId: o.leagueId,
        leagueName: o.leagueName,
        leagueFullName: o.leagueFullName,
        leagueType: o.leagueType,
        parentId: o.parentId,
      })),
  };
});

export const authEndpoints: Record<string, Endpoint> = { login, logout, currentUser, demoAccounts, getorgtree };
