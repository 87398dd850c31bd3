/**
 * Reading the overlay the way an admin sees it, for the overlay's end-to-end tests: which marks
 * each member row shows (visible ones only: fixed columns render rows twice), and what the
 * replica's own API says each member is, to compare against.
 */
import type { Page } from 'playwright-core';
import { addDays, chinaToday, daysBetween } from '../../shared/domain/chinaDate';
import type { ChinaDate } from '../../shared/domain/types';
import type { Replica } from './replica';

export interface SeenRow {
  name: string;
  /** Mark id → visible texts (one entry per visible copy). */
  marks: Record<string, string[]>;
  /** Mark id → every copy in the DOM (visible or not). */
  copies: Record<string, number>;
  /** Heights of the row and its fixed copies. */
  heights: number[];
  hidden: boolean;
}

/** Every main-body row of the first member table, with its marks. */
export function readOverlay(page: Page): Promise<SeenRow[]> {
  return page.evaluate(() => {
    const table = document.querySelector('.el-table')!;
    const headers = Array.from(table.querySelectorAll('.el-table__header-wrapper th'), (th) =>
      (th.textContent ?? '').replace(/\s+/g, ''),
    );
    const nameAt = headers.indexOf('姓名');
    const main = Array.from(table.querySelectorAll<HTMLTableRowElement>('.el-table__body-wrapper tr.el-table__row'));
    const copies = Array.from(table.querySelectorAll('.el-table__fixed tbody, .el-table__fixed-right tbody'));
    return main.map((tr, i) => {
      const all = [tr, ...copies.map((b) => (b as HTMLTableSectionElement).rows[i]!).filter(Boolean)];
      const marks: Record<string, string[]> = {};
      const count: Record<string, number> = {};
      for (const copy of all) {
        for (const el of copy.querySelectorAll<HTMLElement>('[data-laa-mark]')) {
          const id = el.dataset.laaMark!;
          count[id] = (count[id] ?? 0) + 1;
          if (el.checkVisibility({ visibilityProperty: true })) (marks[id] ??= []).push((el.textContent ?? '').trim());
        }
      }
      const nameCell = tr.cells[nameAt]!.firstElementChild!;
      const name = Array.from(nameCell.childNodes)
        .filter((n) => !(n instanceof Element && n.classList.contains('laa-marks')))
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      return {
        name,
        marks,
        copies: count,
        heights: all.map((r) => Math.round(r.getBoundingClientRect().height)),
        hidden: tr.hasAttribute('data-laa-hidden'),
      };
    });
  });
}

export interface ApiMember {
  userId: string;
  name: string;
  userCode: string;
  joinLeagueTime: ChinaDate;
  leagueFullName: string;
  archiveState: 'exempt' | 'none' | 'pending' | 'rejected' | 'certified';
}

/** The members of a list as the replica's API answers (the truth the marks must show). */
export async function apiMembers(
  replica: Replica,
  list = 'tuanyuan/list',
  account: Parameters<Replica['api']>[2] = 'tzb',
): Promise<ApiMember[]> {
  const r = await replica.api<{ list: ApiMember[] }>(list, { pageNo: 1, pageSize: 5000 }, account);
  return r.results.list;
}

/** The guide's words for each archive state, as the status chip must say them. */
export const CHIP_WORDS: Record<ApiMember['archiveState'], string> = {
  exempt: '无需上传（2020年前入团）',
  none: '尚未认证·未上传',
  pending: '尚未认证·待审批',
  rejected: '认证不通过',
  certified: '团员身份已认证',
};

/** The deadline badge a member must show: 30 days from 入团时间 (estimated) or from a recorded approval date. */
export function expectedBadge(m: ApiMember, approvedOn?: ChinaDate, today: ChinaDate = chinaToday()): string | null {
  if (m.archiveState === 'exempt' || m.archiveState === 'certified' || m.archiveState === 'pending') return null;
  const left = daysBetween(today, addDays(approvedOn ?? m.joinLeagueTime, 30));
  const basis = approvedOn ? '（按批准日期）' : '（估算）';
  if (left < 0) return approvedOn ? `已逾期 ${-left} 天${basis}` : `可能逾期${basis}`;
  if (left === 0) return `今日截止${basis}`;
  return `剩余 ${left} 天${basis}`;
}

/** Chooses a page size in the host's own el-pagination (the way an admin does) and waits for the rows. */
export async function choosePageSize(page: Page, size: number, expectRows: number): Promise<void> {
  await page.locator('.el-pagination__sizes .el-select').click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: `${size}条/页` }).click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('.el-table__body-wrapper tr.el-table__row').length === n,
    expectRows,
  );
}
