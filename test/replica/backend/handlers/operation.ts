import { MESSAGE_TYPE_LABELS } from '../../messages';
import { deny, endpoint, num, page, text } from '../api';

/** 操作中心: 10 a page, unhandled first, then unread, then newest (docs/host.md). */
const list = endpoint('csrf', (ctx) => {
  const own = ctx.session.org.leagueId;
  const type = num(ctx.input, 'messageType', -1);
  const mine = ctx.store.state.messages.filter((m) => m.toLeagueId === own);
  const found = mine
    .filter((m) => type === -1 || m.messageType === type)
    .sort(
      (a, b) =>
        Number(b.handleStatus === 0) - Number(a.handleStatus === 0) ||
        a.readStatus - b.readStatus ||
        (a.createTime < b.createTime
          ? 1
          : a.createTime > b.createTime
            ? -1
            : Number(b.messageId) - Number(a.messageId)),
    );
  return {
    ...page(found, ctx.input, 10),
    unread: mine.filter((m) => m.readStatus === 0).length,
    unhandled: mine.filter((m) => m.handleStatus === 0).length,
    types: Object.entries(MESSAGE_TYPE_LABELS).map(([value, label]) => ({ value: Number(value), label })),
  };
});

const read = endpoint('csrf', (ctx) => {
  const m = ctx.store.state.messages.find((x) => x.messageId === text(ctx.input, 'messageId'));
  if (!m || m.toLeagueId !== ctx.session.org.leagueId) return deny();
  if (m.readStatus === 0) {
    m.readStatus = 1;
    ctx.store.save();
  }
  return null;
});

export const operationEndpoints = { 'message/list': list, 'message/read': read };
