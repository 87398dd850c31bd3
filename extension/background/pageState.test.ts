import { describe, expect, it } from 'vitest';
import { PAGE_TYPES } from '../model/pages';
import { actionLook, parseTabPage } from './pageState';

describe('the toolbar icon per page', () => {
  it('names a recognised page and shows no badge', () => {
    expect(actionLook('memberDatabase')).toMatchObject({ title: '团员电子档案助手 · 团员电子数据库', badge: '' });
  });

  it('says quietly, with a grey ?, that a page was not recognised', () => {
    const look = actionLook('unknown');
    expect(look.title.startsWith('未识别此页面')).toBe(true);
    expect(look.badge).toBe('?');
    expect(look.badgeColor).toBe('#909399');
  });

  it('accepts only well-formed reports from the content script', () => {
    for (const pageType of PAGE_TYPES)
      expect(parseTabPage({ pageType, path: '/zhtj/x' })).toEqual({ pageType, path: '/zhtj/x' });
    expect(parseTabPage({ pageType: 'admin', path: '/zhtj/x' })).toBeNull();
    expect(parseTabPage({ pageType: 'landing' })).toBeNull();
    expect(parseTabPage({ pageType: 'landing', path: 'x'.repeat(3000) })).toBeNull();
    expect(parseTabPage(null)).toBeNull();
  });
});
