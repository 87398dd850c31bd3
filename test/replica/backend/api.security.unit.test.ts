/** Sessions, the CSRF header and the organisation scope: what must never pass. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleRequest } from './http';
import { ORIGIN } from './client';
import { testBackend, type TestBackend } from './testing';

let b: TestBackend;
beforeEach(() => {
  b = testBackend();
});
afterEach(() => b.cleanup());

const post = (b: TestBackend, name: string, headers: Record<string, string> = {}) =>
  handleRequest(
    b.store,
    new Request(`${ORIGIN}/v1/center/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    }),
  ).then((r) => r.json() as Promise<{ retCode: number; retMsg: string }>);

describe('the session', () => {
  it('answers 1009 您的登录已失效，请重新登录 without a session cookie', async () => {
    expect(await post(b, 'tuanyuan/list')).toEqual({
      retCode: 1009,
      retMsg: '您的登录已失效，请重新登录',
      results: null,
    });
    expect(await post(b, 'tuanyuan/list', { cookie: 'zhtj_session=forged' })).toMatchObject({ retCode: 1009 });
  });

  it('needs the X-CSRF-Token header of that session', async () => {
    const s = await b.client.session('tzb');
    const other = await b.client.session('tw');
    expect(await post(b, 'tuanyuan/list', { cookie: s.cookie })).toMatchObject({ retCode: 1009 });
    expect(await post(b, 'tuanyuan/list', { cookie: s.cookie, 'x-csrf-token': other.csrf })).toMatchObject({
      retCode: 1009,
    });
    expect(await post(b, 'tuanyuan/list', { cookie: s.cookie, 'x-csrf-token': s.csrf })).toMatchObject({
      retCode: 1000,
    });
  });

  it('sets an HttpOnly, Secure session cookie, ends it at logout, and refuses a wrong password', async () => {
    const res = await handleRequest(
      b.store,
      new Request(`${ORIGIN}/v1/center/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'tzb', password: 'demo1234' }),
      }),
    );
    expect(res.headers.getSetCookie()[0]).toMatch(/^zhtj_session=[\w-]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const s = await b.client.session('tzb');
    expect((await b.client.api('logout')).retCode).toBe(1000);
    expect(await post(b, 'tuanyuan/list', { cookie: s.cookie, 'x-csrf-token': s.csrf })).toMatchObject({
      retCode: 1009,
    });
    const wrong = await handleRequest(
      b.store,
      new Request(`${ORIGIN}/v1/center/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'tzb', password: 'x' }),
      }),
    );
    expect(await wrong.json()).toEqual({ retCode: 1001, retMsg: '账号或密码错误', results: null });
  });
});

describe('the organisation scope', () => {
  it('only 本级及下级: a branch cannot see another branch’s member or file', async () => {
    const other = b.store.state.members.find((m) => m.leagueId === '100111')!;
    expect(await b.client.api('tuanyuan/detail', { userId: other.userId })).toEqual({
      retCode: 9091,
      retMsg: '只能查询本级及下级团组织团员',
      results: null,
    });
    expect((await b.client.api('tuanyuantw/list', { leagueId: '100111' })).retCode).toBe(9091);
    const otherRecord = b.store.state.records.find((r) => r.uploaderLeagueId === '100111')!;
    const res = await b.client.raw(`/v1/center/memberRecord/file?fileId=${otherRecord.fileId}`, {}, 'tzb');
    expect(res.status).toBe(403);
    expect(await b.client.api('tuanyuan/detail', { userId: other.userId }, 'tw')).toMatchObject({ retCode: 1000 });
  });

  it('serves files only to a signed-in admin', async () => {
    const r = b.store.state.records[0]!;
    expect((await b.client.raw(`/v1/center/memberRecord/file?fileId=${r.fileId}`)).status).toBe(401);
  });

  it('lists only the branch’s own members in 团员电子数据库, never the 身份证号 in clear', async () => {
    const list = (await b.client.api('tuanyuan/list', { pageSize: 1000 })).results.list as {
      leagueId: string;
      identityCardNo: string;
    }[];
    expect(list.every((r) => r.leagueId === '100123')).toBe(true);
    expect(list.every((r) => /\*{8}/.test(r.identityCardNo))).toBe(true);
  });

  it('keeps static files inside the app folder', async () => {
    const res = await handleRequest(b.store, new Request(`${ORIGIN}/zhtj/static/app/..%2F..%2F..%2Fpackage.json`));
    expect(res.status).toBe(404);
    const res2 = await handleRequest(b.store, new Request(`${ORIGIN}/zhtj/static/app/../backend/store.ts`));
    expect(await res2.text()).not.toContain('ReplicaStore');
  });
});
