/**
 * The members behind the host's sign-in prompts (§3.2 note, §4.3), from the rows kept locally:
 * 组织内有团员档案尚未上传 → archives owed and not uploaded; 组织内有团员身份尚未认证 → every member
 * who needs an archive and is not certified.
 */
import { needsArchive } from '../../shared/domain/archive';
import type { CertStatus } from '../../shared/domain/types';
import type { LocalMember } from '../model/member';
import type { PromptKind, PromptMember } from '../messaging/members';

const CONCERNS: Record<PromptKind, ReadonlySet<CertStatus>> = {
  notUploaded: new Set(['notUploaded']),
  uncertified: new Set(['notUploaded', 'pending', 'rejected', 'uncertified']),
};

const LIMIT = 200;

export function promptedMembers(
  members: readonly LocalMember[],
  kinds: readonly PromptKind[],
): Record<PromptKind, PromptMember[]> {
  const out: Record<PromptKind, PromptMember[]> = { notUploaded: [], uncertified: [] };
  for (const kind of kinds) {
    out[kind] = members
      .filter(
        (m) =>
          m.values.joinedOn &&
          m.values.status &&
          needsArchive(m.values.joinedOn) &&
          CONCERNS[kind].has(m.values.status),
      )
      .sort((a, b) => (a.values.joinedOn! < b.values.joinedOn! ? -1 : 1))
      .slice(0, LIMIT)
      .map((m) => ({
        key: m.key,
        name: m.values.name ?? '',
        devNumber: m.values.devNumber ?? '',
        joinedOn: m.values.joinedOn!,
        orgName: m.org.name,
        status: m.values.status!,
        isCadre: m.values.isCadre ?? false,
      }));
  }
  return out;
}
