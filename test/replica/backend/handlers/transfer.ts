import { subtreeIds } from '../../data/orgs';
import type { ReplicaTransfer } from '../../model';
import { chinaDateTime } from '../../time';
import { ApiError, RET, endpoint, page, refuse, text } from '../api';
import { archiveState, latestRecord, orgById } from '../views';
import { memberInScope } from './members';

export const TRANSFER_MESSAGES = {
  uncertified: '该团员尚未完成团员身份认证，必须认证通过后才能进行组织关系转接。',
  inProgress: '组织关系转接审批中（组织办理转入），不能重复发起',
} as const;

/** 发起转接: refused for members who owe an archive and are not certified (§4.4, §5.4). */
const apply = endpoint('csrf', (ctx) => {
  const { store, input } = ctx;
  const state = store.state;
  const m = memberInScope(ctx, text(input, 'userId'));
  const toLeagueName = text(input, 'toLeagueName');
  if (!toLeagueName) refuse('请填写转入团组织');
  if (state.transfers.some((t) => t.userId === m.userId && t.status === '审批中')) refuse(TRANSFER_MESSAGES.inProgress);
  const s = archiveState(m, latestRecord(state, m.userId));
  if (s !== 'exempt' && s !== 'certified') throw new ApiError(RET.transferUncertified, TRANSFER_MESSAGES.uncertified);
  const t: ReplicaTransfer = {
    transferId: store.nextId('transfer', 8_000_000),
    userId: m.userId,
    name: m.name,
    fromLeagueId: m.leagueId,
    toLeagueName: toLeagueName.slice(0, 100),
    reason: text(input, 'reason').slice(0, 200) || '升学',
    applyTime: chinaDateTime(ctx.now),
    status: '审批中',
  };
  state.transfers.push(t);
  store.save();
  return { transferId: t.transferId };
});

/** The transfers of this organisation and those below (columns of managetransferprocessdo). */
const list = endpoint('csrf', (ctx) => {
  const state = ctx.store.state;
  const ids = subtreeIds(state.orgs, ctx.session.org.leagueId);
  const found = state.transfers
    .filter((t) => ids.has(t.fromLeagueId))
    .sort((a, b) => (a.applyTime < b.applyTime ? 1 : -1));
  const p = page(found, ctx.input);
  return {
    ...p,
    list: p.list.map((t) => ({ ...t, fromLeagueFullName: orgById(state, t.fromLeagueId)?.leagueFullName ?? '' })),
  };
});

export const transferEndpoints = { 'transfer/apply': apply, 'transfer/list': list };
