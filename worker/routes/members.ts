import { Hono } from 'hono';
import { z } from 'zod';
import { ApprovalDateRequest, SearchQuery, type MemberErased } from '../../shared/api/members';
import { HexDigest, OrgId } from '../../shared/api/common';
import { chinaToday } from '../../shared/domain/chinaDate';
import { BUCKET_LABELS } from '../../shared/domain/urgency';
import { hashName } from '../../shared/domain/idCard';
import { actorOf } from '../auth/context';
import { limitWrites, requireAuth, requireCommittee } from '../auth/middleware';
import { commitWrite } from '../audit/commit';
import { memberByKey, writeMembers } from '../db/members';
import { eraseMember } from '../db/erasure';
import { preflightsOf } from '../db/preflights';
import { membersInRange, searchMembers } from '../db/search';
import type { AppEnv } from '../env';
import { fail } from '../errors';
import { fromBase64 } from '../lib/crypto';
import { csvField } from '../lib/csv';
import { idempotent } from '../lib/idempotency';
import { valid } from '../lib/validate';
import { identifiersOf } from '../members/preflights';
import { mergeFields } from '../members/row';
import { memberView } from '../members/view';
import { targetOrg } from './reminders';

const SEARCH_LIMIT = 200;
const STATUS_LABELS: Record<string, string> = {
  notUploaded: '尚未认证（未上传）',
  pending: '尚未认证（已上传待审批）',
  uncertified: '尚未认证',
  rejected: '认证不通过',
  certified: '团员身份已认证',
  unknown: '未知',
};

export const members = new Hono<AppEnv>()
  .use(requireAuth, limitWrites)
  /** §4.6: find by 姓名, 发展团员编号 or the 身份证号's keyed hash (hashed in the extension first). */
  .get('/search', valid('query', SearchQuery), async (c) => {
    const auth = c.get('auth');
    const q = c.req.valid('query');
    const { tree, range } = await targetOrg(c, auth, q.orgId);
    let rows;
    if (q.by === 'idHash') {
      if (!HexDigest.safeParse(q.q).success)
        fail(400, 'id-hash-required', '按身份证号查找时，请由扩展先计算哈希：服务端从不接收明文身份证号');
      rows = await searchMembers(c.env.DB, auth.tenantId, range.lo, range.hi, 'idHash', q.q, SEARCH_LIMIT + 1);
    } else if (q.by === 'devNumber') {
      rows = await searchMembers(
        c.env.DB,
        auth.tenantId,
        range.lo,
        range.hi,
        'devNumber',
        q.q.replace(/\s+/g, ''),
        SEARCH_LIMIT + 1,
      );
    } else if (auth.tenant.storeNames) {
      rows = await searchMembers(c.env.DB, auth.tenantId, range.lo, range.hi, 'name', q.q, SEARCH_LIMIT + 1);
    } else {
      // Names are kept out: only a whole name can be found, through its keyed hash.
      const hash = HexDigest.safeParse(q.q).success ? q.q : await hashName(q.q, fromBase64(auth.tenant.hashKey));
      rows = await searchMembers(c.env.DB, auth.tenantId, range.lo, range.hi, 'nameHash', hash, SEARCH_LIMIT + 1);
    }
    const today = chinaToday();
    return c.json({
      members: rows.slice(0, SEARCH_LIMIT).map((r) => memberView(r, tree, today)),
      truncated: rows.length > SEARCH_LIMIT,
    });
  })
  /** The subtree's members as CSV with a UTF-8 BOM (Excel opens it as UTF-8). */
  .get('/export.csv', valid('query', z.object({ orgId: OrgId.optional() })), async (c) => {
    const auth = c.get('auth');
    const { tree, org, range } = await targetOrg(c, auth, c.req.valid('query').orgId);
    const today = chinaToday();
    const header = [
      '所在团组织',
      '姓名',
      '身份证号（脱敏）',
      '发展团员编号',
      '入团时间',
      '上级批准日期',
      '团员身份认证',
      '审批意见',
      '上传截止日',
      '截止日为估算',
      '剩余天数',
      '提醒分类',
      '毕业年级',
    ];
    const lines = [header.map(csvField).join(',')];
    for (let after = ''; ;) {
      const rows = await membersInRange(c.env.DB, auth.tenantId, range.lo, range.hi, after, 2000);
      for (const r of rows) {
        const v = memberView(r, tree, today);
        lines.push(
          [
            v.orgName,
            v.name ?? v.nameMasked,
            v.idMasked,
            v.devNumber,
            v.joinedOn,
            v.approvedOn,
            STATUS_LABELS[v.status],
            v.rejectionReason,
            v.lastDay,
            v.estimated ? '是' : '否',
            v.daysLeft,
            BUCKET_LABELS[v.bucket],
            v.graduating ? '是' : '否',
          ]
            .map(csvField)
            .join(','),
        );
      }
      if (rows.length < 2000) break;
      after = rows[rows.length - 1]!.key;
    }
    const filename = encodeURIComponent(`${org.name}-团员电子档案-${today}.csv`);
    return c.body(`\uFEFF${lines.join('\r\n')}\r\n`, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename*=UTF-8''${filename}`,
    });
  })
  .get('/:key', async (c) => {
    const auth = c.get('auth');
    const { tree } = await targetOrg(c, auth, undefined);
    const row = await memberByKey(c.env.DB, auth.tenantId, c.req.param('key'));
    if (!row || !tree.bySeq.has(row.org_seq)) fail(404, 'member-not-found', '没有找到这名团员（或不在你的管理范围内）');
    const refs = identifiersOf(row, tree.bySeq.get(row.org_seq)!.id);
    const preflights = await preflightsOf(c.env.DB, auth.tenantId, { key: row.key, org_seq: row.org_seq, refs });
    return c.json({
      member: memberView(row, tree, chinaToday()),
      preflights: preflights.map((p) => ({
        fileHash: p.file_hash,
        size: p.size,
        pages: p.pages,
        verdict: p.verdict,
        codes: JSON.parse(p.codes) as string[],
        page1Number: p.page1_number,
        observedAt: new Date(p.observed_at).toISOString(),
      })),
    });
  })
  /**
   * PIPL art. 47: a committee erases a member's readable data — row, file checks, modification
   * requests, the links to its audit subjects. The erasure is itself an audit entry; the chain,
   * which holds only opaque ids and digests, still verifies.
   */
  .delete('/:key', requireCommittee, async (c) => {
    const auth = c.get('auth');
    const key = c.req.param('key');
    const { tree } = await targetOrg(c, auth, undefined, true);
    await commitWrite(c, auth.tenantId, actorOf(auth), async () => {
      const row = await memberByKey(c.env.DB, auth.tenantId, key);
      const org = row && tree.bySeq.get(row.org_seq);
      if (!row || !org) fail(404, 'member-not-found', '没有找到这名团员（或不在你的管理范围内）');
      return {
        statements: eraseMember(c.env.DB, auth.tenantId, row, identifiersOf(row, org.id)),
        audit: [
          { action: 'member.erase', orgId: org.id, subject: row.key, payload: { erasedAt: new Date().toISOString() } },
        ],
        result: null,
      };
    });
    return c.json({ erased: true } satisfies MemberErased);
  })
  /** The upper committee's approval date (上级团委批准), which starts the 30 days (§2). */
  .put('/:key/approval', idempotent('replay'), valid('json', ApprovalDateRequest), async (c) => {
    const auth = c.get('auth');
    const key = c.req.param('key');
    const { approvedOn } = c.req.valid('json');
    const { tree, range } = await targetOrg(c, auth, undefined, true);
    const step = await commitWrite(c, auth.tenantId, actorOf(auth), async () => {
      const row = await memberByKey(c.env.DB, auth.tenantId, key);
      if (!row || !tree.bySeq.has(row.org_seq))
        fail(404, 'member-not-found', '没有找到这名团员（或不在你的管理范围内）');
      if (row.joined_on && approvedOn < row.joined_on)
        fail(422, 'approval-before-joining', '上级批准日期不能早于入团时间，请核对');
      const now = Date.now();
      const { row: next, changed } = mergeFields(row, { approvedOn }, now);
      return {
        statements: changed.length
          ? writeMembers(c.env.DB, auth.tenantId, range, [{ before: row, after: { ...next, updated_at: now } }])
          : [],
        audit: changed.length
          ? [
              {
                action: 'member.approval',
                orgId: tree.bySeq.get(row.org_seq)!.id,
                subject: key,
                payload: { approvedOn },
              },
            ]
          : [],
        result: { member: memberView(next, tree, chinaToday()) },
      };
    });
    return c.json(step.result);
  });
