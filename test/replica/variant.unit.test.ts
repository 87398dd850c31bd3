import { describe, expect, it } from 'vitest';
import { DEFAULT_VARIANT, normaliseVariant, parseVariantQuery } from './variant';

describe('replica variants', () => {
  it('reads the host-change switches from a page query', () => {
    expect(
      parseVariantQuery(
        'kit=element-plus,unknownColumn,renamedClasses,headerLabels=团员身份认证:认证进度+入团时间:入团日期',
      ),
    ).toEqual({
      ...DEFAULT_VARIANT,
      kit: 'element-plus',
      unknownColumn: true,
      renamedClasses: true,
      headerLabels: { 团员身份认证: '认证进度', 入团时间: '入团日期' },
    });
  });

  it('keeps only known values: another kit, a blank label or a non-string label falls back to the default', () => {
    const v = normaliseVariant({ kit: 'antd', headerLabels: { 姓名: '  ', 性别: 3, 入团时间: ' 入团日期 ' } });
    expect(v.kit).toBe('element-ui');
    expect(v.headerLabels).toEqual({ 入团时间: '入团日期' });
    expect(normaliseVariant(null)).toEqual(DEFAULT_VARIANT);
  });

  it('a saved variant from before a switch existed gets its default', () => {
    const { kit: _kit, headerLabels: _labels, ...old } = DEFAULT_VARIANT;
    expect(normaliseVariant({ ...old, fixedActions: true })).toEqual({ ...DEFAULT_VARIANT, fixedActions: true });
  });
});
