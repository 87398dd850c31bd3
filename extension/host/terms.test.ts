import { afterEach, describe, expect, it } from 'vitest';
import { applyHotfixTerms, isWord, resetHotfixTerms, sel, vocabularyInUse, words } from './terms';
import { VOCABULARY } from './vocabulary';

afterEach(resetHotfixTerms);

describe('the vocabulary in use', () => {
  it('reads a column’s words with its aliases, spaces and a trailing colon aside', () => {
    expect(isWord('column.certStatus', ' 团员身份 认证： ')).toBe(true);
    expect(isWord('column.certStatus', '认证状态')).toBe(true);
    expect(isWord('column.certStatus', '认证进度')).toBe(false);
    expect(isWord('column.name', '姓名称')).toBe(false);
  });

  it('takes a hotfix’s words and selectors, and refuses what it cannot use', () => {
    const r = applyHotfixTerms(
      {
        headerAliases: {
          'column.certStatus': ['认证进度'],
          'alias.upload': ['x'],
          'table.row': ['y'],
          'no.such': ['z'],
        },
        selectors: { 'table.row': 'tr.el-table__row, tr.row', 'column.name': 'th', 'table.body': ':::' },
      },
      (s) => !s.includes(':::'),
    );
    expect(r.applied.sort()).toEqual(['column.certStatus', 'table.row']);
    expect(r.ignored.map((i) => i.id).sort()).toEqual([
      'alias.upload',
      'column.name',
      'no.such',
      'table.body',
      'table.row',
    ]);
    expect(isWord('column.certStatus', '认证进度')).toBe(true);
    expect(words('column.certStatus')).toContain('团员身份认证');
    expect(sel('table.row')).toBe('tr.el-table__row, tr.row');
    expect(sel('table.body')).toBe(VOCABULARY['table.body'].value);
    // The diagnosis sees the vocabulary as the page uses it.
    expect(vocabularyInUse()['table.row']?.value).toBe('tr.el-table__row, tr.row');
    resetHotfixTerms();
    expect(isWord('column.certStatus', '认证进度')).toBe(false);
    expect(sel('table.row')).toBe('tr.el-table__row');
  });
});
