import { describe, expect, it } from 'vitest';
import { PAGE_TYPES } from '../model/pages';
import { actionLook, parseStop, parseTabPage } from './pageState';

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

  it('shows an orange ! naming the features stopped on the page and why, the page still named', () => {
    const look = actionLook('memberDatabase', [
      { feature: 'status-chip', label: '认证状态', reason: '此列表没有“团员身份认证”列' },
      { feature: 'list-summary', label: '列表统计与筛选', reason: '此列表没有“团员身份认证”列' },
    ]);
    expect(look).toMatchObject({ badge: '!', badgeColor: '#E6A23C' });
    expect(look.title).toBe(
      '团员电子档案助手 · 团员电子数据库 · 已在此页停用：认证状态（此列表没有“团员身份认证”列）；列表统计与筛选（此列表没有“团员身份认证”列）。其他功能照常。',
    );
    expect(actionLook('unknown', [{ feature: 'x', label: 'x', reason: 'y' }]).badge).toBe('?');
  });

  it('accepts only well-formed stops', () => {
    const stop = { feature: 'status-chip', label: '认证状态', reason: '出错', pageType: 'memberDatabase' };
    expect(parseStop(stop)).toEqual(stop);
    expect(parseStop({ ...stop, pageType: 'admin' })).toBeNull();
    expect(parseStop({ ...stop, reason: 'x'.repeat(301) })).toBeNull();
    expect(parseStop({ ...stop, feature: '' })).toBeNull();
    expect(parseStop('status-chip')).toBeNull();
  });
});
