import { describe, expect, it } from 'vitest';
import { ORG_TYPE_NAMES, ORG_TYPES, isOrgType, membersGraduate, orgTypeInName, orgTypeNamed } from './orgTypes';
import { OrgType } from './types';

describe('organisation types', () => {
  it('name every code once, and each name leads back to its code', () => {
    expect(new Set(Object.values(ORG_TYPE_NAMES)).size).toBe(ORG_TYPES.length);
    for (const t of ORG_TYPES) {
      expect(orgTypeNamed(ORG_TYPE_NAMES[t])).toBe(t);
      expect(orgTypeNamed(` ${ORG_TYPE_NAMES[t]} `)).toBe(t);
      expect(isOrgType(t)).toBe(true);
    }
    expect(orgTypeNamed('党支部')).toBeUndefined();
    expect(isOrgType('07XX')).toBe(false);
    expect(isOrgType(undefined)).toBe(false);
  });

  it('are the schema’s codes', () => {
    expect(OrgType.options).toEqual([...ORG_TYPES]);
  });

  it('say that only a 毕业班团支部’s members are graduating, also from a name that says 毕业班', () => {
    expect(ORG_TYPES.filter(membersGraduate)).toEqual(['06BYBTZB']);
    expect(membersGraduate(null)).toBe(false);
    expect(membersGraduate(orgTypeInName('高三（2）毕业班团支部'))).toBe(true);
    expect(orgTypeInName('高二（3）班团支部')).toBeUndefined();
  });
});
