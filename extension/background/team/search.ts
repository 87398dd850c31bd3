/**
 * Finding a member by 姓名, 发展团员编号 or 身份证号 (§4.6). A 身份证号 is hashed here, in the
 * background, with the tenant's key (or each key this browser held, for what it kept itself): the
 * number is never stored or sent.
 */
import { chinaToday } from '../../../shared/domain/chinaDate';
import { normaliseDevNumber } from '../../../shared/domain/devNumber';
import { hashIdCard, isValidIdCard } from '../../../shared/domain/idCard';
import type { LocalDb } from '../store/db';
import { currentHashKey } from '../store/hashKey';
import { allMembers } from '../store/members';
import { TeamError, workerApi } from './client';
import { hashKeysToTry, readConnection } from './connection';
import { byUrgency, classifiable, localItem } from './localView';
import type { ViewDeps } from './summary';
import type { MemberList, SearchBy } from '../../messaging/teamViews';
import { workerSearch } from './workerView';
import { withoutSpaces } from '../../../shared/domain/text';

export async function searchMembers(db: LocalDb, by: SearchBy, text: string, deps: ViewDeps): Promise<MemberList> {
  const q = withoutSpaces(text);
  if (!q) throw new TeamError('请输入要查找的姓名、发展团员编号或身份证号', 'empty', 0);
  if (by === 'idCard' && !isValidIdCard(q))
    throw new TeamError('请输入完整、正确的 18 位身份证号（末位可为 X）', 'bad-id', 0);
  const now = (deps.now ?? Date.now)();
  const conn = await readConnection(db);
  if (conn) {
    const key = await currentHashKey(db);
    const api = workerApi(conn, deps.origin, deps.fetchImpl);
    try {
      if (by === 'idCard') {
        if (key.id !== conn.tenant.id) throw new TeamError('缺少团队的哈希密钥：请重新连接团队', 'no-key', 0);
        return { source: 'worker', ...(await workerSearch(api, conn, 'idHash', await hashIdCard(q, key.key))) };
      }
      return {
        source: 'worker',
        ...(await workerSearch(api, conn, by, by === 'devNumber' ? normaliseDevNumber(q) || q : q)),
      };
    } catch (err) {
      // Refusals are the admin's to read; an unreachable worker falls back to this browser's members.
      if (err instanceof TeamError && err.status !== 0) throw err;
    }
  }
  return { source: 'local', ...(await searchLocal(db, by, q, now)) };
}

async function searchLocal(
  db: LocalDb,
  by: SearchBy,
  q: string,
  now: number,
): Promise<{ members: ReturnType<typeof localItem>[]; truncated: boolean }> {
  const members = (await allMembers(db)).filter(classifiable);
  let hit: (m: (typeof members)[number]) => boolean;
  if (by === 'idCard') {
    const hashes = new Set(await Promise.all((await hashKeysToTry(db)).map((k) => hashIdCard(q, k))));
    hit = (m) => !!m.values.idHash && hashes.has(m.values.idHash);
  } else if (by === 'devNumber') {
    const n = normaliseDevNumber(q) || q;
    hit = (m) => !!m.values.devNumber && normaliseDevNumber(m.values.devNumber).startsWith(n);
  } else {
    hit = (m) => !!m.values.name && withoutSpaces(m.values.name).includes(q);
  }
  const today = chinaToday(now);
  const found = members
    .filter(hit)
    .map((m) => localItem(m, today))
    .sort(byUrgency);
  return { members: found.slice(0, 200), truncated: found.length > 200 };
}
