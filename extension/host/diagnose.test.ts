import { describe, expect, it } from 'vitest';
import { redactText } from './diagnose';

describe('页面诊断 texts', () => {
  it('masks every digit, so no 编号, 身份证号, phone number or date survives, and caps the length', () => {
    for (const s of ['202412345678', '110105200801011234', '13812345678', '2024-05-20', '2024年05月20日', '2024/5/20'])
      expect(redactText(s)).not.toMatch(/\d/);
    expect(redactText('  入团\n 时间 ')).toBe('入团 时间');
    expect(redactText('金额（元）')).toBe('金额（元）');
    expect(redactText('甲'.repeat(30))).toBe(`${'甲'.repeat(20)}…`);
  });
});
