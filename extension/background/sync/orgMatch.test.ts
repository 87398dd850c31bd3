import { describe, expect, it } from 'vitest';
import type { OrgView } from '../../../shared/api/orgs';
import { OrgMatcher } from './orgMatch';

const org = (id: string, name: string, parentId: string | null, leagueId: string | null = null): OrgView => ({
  id,
  name,
  type: '01TZB',
  parentId,
  leagueId,
  path: [],
});

// The replica's tree: the host writes full names with the 团委's short name first.
const tree = [
  org('root', '共青团演示市第一中学委员会', null, '100100'),
  org('g1', '高一年级团总支', 'root'),
  org('g2', '高二年级团总支', 'root'),
  org('c11', '一班团支部', 'g1'),
  org('c21', '一班团支部', 'g2'),
  org('c23', '高二（3）班团支部', 'g2', '100123'),
  org('t', '教工团支部', 'root'),
];

describe('placing a row in the team’s tree', () => {
  const m = new OrgMatcher(tree);

  it('by the host’s leagueId first', () => {
    expect(m.place({ leagueId: '100123', name: '随便什么名字' })).toBe('c23');
  });

  it('by an organisation’s own name, and by the host’s full name that ends with it', () => {
    expect(m.place({ name: '高二（3）班团支部' })).toBe('c23');
    expect(m.place({ name: '演示市第一中学团委高二年级团总支高二（3）班团支部' })).toBe('c23');
    expect(m.place({ name: '共青团演示市第一中学委员会' })).toBe('root');
    expect(m.place({ name: '演示市第一中学团委教工团支部' })).toBe('t');
  });

  it('tells two organisations of the same name apart by the parent written before it', () => {
    expect(m.place({ name: '一班团支部' })).toBeNull();
    expect(m.place({ name: '演示市第一中学团委高一年级团总支一班团支部' })).toBe('c11');
    expect(m.place({ name: '演示市第一中学团委高二年级团总支一班团支部' })).toBe('c21');
    expect(m.place({ path: ['高二年级团总支', '一班团支部'] })).toBe('c21');
  });

  it('does not take a name that merely ends like another organisation’s', () => {
    // "高一班团支部" ends with "一班团支部", but nothing before it is that organisation's parent.
    expect(m.place({ name: '演示市第一中学团委高一年级团总支高一班团支部' })).toBeNull();
    expect(m.place({ name: '别的学校高三（9）班团支部' })).toBeNull();
    expect(m.place({})).toBeNull();
  });

  it('places by name alone where the token sees no parent (a branch admin sees only its own)', () => {
    const own = new OrgMatcher([org('c23', '高二（3）班团支部', 'g2')]);
    expect(own.place({ name: '演示市第一中学团委高二年级团总支高二（3）班团支部' })).toBe('c23');
    expect(own.place({ name: '演示市第一中学团委高二年级团总支高二（1）班团支部' })).toBeNull();
  });
});
