import { endpoint, page } from '../api';

/**
 * 团费交纳情况: a real-looking page the extension does not know (its table has 姓名 and 入团时间
 * too), so tests can check that an unknown page is left alone.
 */
const list = endpoint('csrf', (ctx) => {
  const own = ctx.session.org.leagueId;
  const members = ctx.store.state.members.filter((m) => m.leagueId === own);
  const rows = members.map((m, i) => ({
    userId: m.userId,
    name: m.name,
    joinLeagueTime: m.joinLeagueTime,
    month: '2025-' + String((i % 12) + 1).padStart(2, '0'),
    amount: '0.20',
    status: i % 4 === 0 ? '未交纳' : '已交纳',
  }));
  return page(rows, ctx.input);
});

export const feeEndpoints = { 'tuanfei/list': list };
