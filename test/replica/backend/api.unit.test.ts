/** The replica's back end does what the guide's workflow needs, answering like the real API. */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPROVED_TEXT, rejectedText } from '../messages';
import { MESSAGE_TYPES } from '../model';
import { placeholderForm } from './placeholderPdf';
import { ReplicaStore } from './store';
import { NOW, pdfBlob, testBackend, type TestBackend } from './testing';
import { TEMPLATE_COLUMNS } from './handlers/entry';
import { idCardCheckDigit } from '../../../shared/domain/idCard';

/** A valid 身份证号 for a birth date (yyyymmdd) and a sequence. */
const idCard = (birth: string, seq: string) => `110105${birth}${seq}${idCardCheckDigit(`110105${birth}${seq}`)}`;

let b: TestBackend;
beforeEach(() => {
  b = testBackend();
});
afterEach(() => b.cleanup());

const form12 = async () => pdfBlob(await placeholderForm({ userCode: '202500000000' }));

describe('signing in', () => {
  it('answers {retCode, retMsg, results} and shows the prompts that apply to the organisation', async () => {
    const me = await b.client.api('currentUser', {}, 'tzb');
    expect(me).toMatchObject({ retCode: 1000, retMsg: '成功' });
    expect(me.results).toMatchObject({
      leagueType: '01TZB',
      prompts: { archiveNotUploaded: '组织内有团员档案尚未上传', identityUncertified: '组织内有团员身份尚未认证' },
    });
    expect(me.results.csrfToken).toBeTruthy();
  });

  it('shows no prompt once every new member of the organisation is certified', async () => {
    b.store.state.records = b.store.state.records.filter(() => false);
    for (const m of b.store.state.members) m.joinLeagueTime = '2019-05-04' as typeof m.joinLeagueTime;
    const me = await b.client.api('currentUser', {}, 'tzb');
    expect(me.results.prompts).toEqual({});
  });
});

describe('member lists', () => {
  it('pages the own branch, newest 入团时间 first, and finds members by 姓名, 身份证号 and 发展团员编号', async () => {
    const all = await b.client.api('tuanyuan/list', { pageNo: 1, pageSize: 100 });
    expect(all.results.total).toBe(40);
    const dates = all.results.list.map((r: { joinLeagueTime: string }) => r.joinLeagueTime);
    expect([...dates].sort().reverse()).toEqual(dates);
    const page2 = await b.client.api('tuanyuan/list', { pageNo: 2, pageSize: 10 });
    expect(page2.results.list).toHaveLength(10);
    expect(page2.results.list[0].userId).toBe(all.results.list[10].userId);

    const m = b.store.state.members.find((x) => x.leagueId === '100123')!;
    const byId = await b.client.api('tuanyuan/list', { identityCardNo: m.identityCardNo.toLowerCase() });
    expect(byId.results.list.map((r: { userId: string }) => r.userId)).toEqual([m.userId]);
    expect(byId.results.list[0].identityCardNo).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(
      (await b.client.api('tuanyuan/list', { userCode: m.userCode })).results.list.some(
        (r: { userId: string }) => r.userId === m.userId,
      ),
    ).toBe(true);
    expect(
      (await b.client.api('tuanyuan/list', { name: m.name })).results.list.every((r: { name: string }) =>
        r.name.includes(m.name),
      ),
    ).toBe(true);
  });

  it('lists the branches below with their full names for a 团委, and its own 团干部 apart', async () => {
    const sub = await b.client.api('tuanyuantw/list', { pageSize: 1000 }, 'tw');
    expect(sub.results.total).toBeGreaterThan(40);
    expect(new Set(sub.results.list.map((r: { leagueFullName: string }) => r.leagueFullName)).size).toBeGreaterThan(3);
    const cadres = await b.client.api('tuangan/list', {}, 'tw');
    expect(cadres.results.total).toBe(5);
    expect(cadres.results.list.every((r: { isCadre: boolean; cadrePost: string }) => r.isCadre && r.cadrePost)).toBe(
      true,
    );
  });

  it('applies the data-side variants: an empty list, a delay, 1,000 rows a page', async () => {
    b.store.setVariant({ empty: true });
    expect((await b.client.api('tuanyuan/list', {})).results).toMatchObject({ total: 0, list: [] });
    b.store.setVariant({ loadDelayMs: 300 });
    const t0 = performance.now();
    await b.client.api('tuanyuan/list', {});
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    b.store.reset({ seed: 2, size: 1500, variant: { bigPage: true } });
    expect((await b.client.api('tuanyuan/list', {})).results.list).toHaveLength(1000);
  });

  it('shows the 身份证号 in clear only in the detail view', async () => {
    const m = b.store.state.members.find((x) => x.leagueId === '100123')!;
    const detail = await b.client.api('tuanyuan/detail', { userId: m.userId });
    expect(detail.results.identityCardNo).toBe(m.identityCardNo);
  });
});

describe('the archive cycle: upload → 不同意 → 替换 → 同意', () => {
  it('plays through with the host’s messages, and the lists follow', async () => {
    const m = b.memberIn('none');
    const state = async () =>
      (await b.client.api('tuanyuan/list', { name: m.name, pageSize: 100 })).results.list.find(
        (r: { userId: string }) => r.userId === m.userId,
      ).archiveState;

    const up = await b.uploadForm(m, await form12(), '入团志愿书.pdf');
    expect(up).toMatchObject({ retCode: 1000, results: { needsApproval: true } });
    expect(up.results.fileUrl).toBe(`/v1/center/memberRecord/file?fileId=${up.results.fileId}`);
    expect(await state()).toBe('pending');

    const inbox = await b.client.api('message/list', { messageType: MESSAGE_TYPES.recordAudit, pageSize: 100 }, 'tw');
    const item = inbox.results.list.find(
      (x: { messageTitle: string; handleStatus: number }) => x.messageTitle.endsWith(m.name) && x.handleStatus === 0,
    );
    expect(item).toMatchObject({ handleStatus: 0, messageTitle: `团员电子档案审批：${m.name}` });
    const reason = '第5页缺少介绍人签名';
    expect(
      (
        await b.client.api(
          'memberRecord/audit',
          { recordId: item.businessId, auditResult: 0, auditOpinion: reason },
          'tw',
        )
      ).retCode,
    ).toBe(1000);
    expect(await state()).toBe('rejected');
    const feedback = (await b.client.api('message/list', { messageType: MESSAGE_TYPES.recordFeedback })).results.list;
    expect(feedback.find((x: { businessId: string }) => x.businessId === item.businessId).messageContent).toBe(
      rejectedText(reason),
    );
    expect(rejectedText(reason)).toBe(
      "您提交的团员电子档案未通过上级团组织审核，理由为：'第5页缺少介绍人签名'。请根据上级审核意见重新修改并上传新的文件。",
    );

    const again = await b.uploadForm(m, await form12(), '入团志愿书-补正.pdf');
    expect(again.retCode).toBe(1000);
    expect(await state()).toBe('pending');
    const second = (await b.client.api('memberRecord/auditList', { status: 1, name: m.name }, 'tw')).results.list[0];
    expect(second.fileName).toBe('入团志愿书-补正.pdf');
    expect(
      (await b.client.api('memberRecord/audit', { recordId: second.recordId, auditResult: 1 }, 'tw')).retCode,
    ).toBe(1000);
    expect(await state()).toBe('certified');
    const last = (await b.client.api('message/list', { messageType: MESSAGE_TYPES.recordFeedback })).results.list.find(
      (x: { businessId: string }) => x.businessId === second.recordId,
    );
    expect(last.messageContent).toBe(APPROVED_TEXT);
    const steps = (await b.client.api('memberRecord/steps', { userId: m.userId })).results.steps;
    expect(steps.map((s: { status: number }) => s.status)).toEqual([2, 3]);
  });

  it('needs no approval when a 团委 uploads (§3.2.2)', async () => {
    const m = b.memberIn('none');
    const before = b.store.state.messages.length;
    const up = await b.uploadForm(m, await form12(), 'a.pdf', 'tw');
    expect(up.results.needsApproval).toBe(false);
    expect((await b.client.api('tuanyuan/detail', { userId: m.userId })).results.archiveState).toBe('certified');
    expect(b.store.state.messages.length).toBe(before);
  });

  it('lets the approver and the uploader view and download the stored PDF', async () => {
    const m = b.memberIn('none');
    const bytes = await placeholderForm({ userCode: m.userCode });
    const up = await b.uploadForm(m, pdfBlob(bytes), '志愿书.pdf');
    for (const account of ['tw', 'tzb']) {
      const res = await b.client.raw(`${up.results.fileUrl}&download=1`, {}, account);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    }
  });

  it('draws a 12-page form for a generated member on first view', async () => {
    const r = b.store.state.records[0]!;
    const res = await b.client.raw(`/v1/center/memberRecord/file?fileId=${r.fileId}`, {}, 'tw');
    expect(res.status).toBe(200);
    const { PDFDocument } = await import('pdf-lib');
    expect((await PDFDocument.load(new Uint8Array(await res.arrayBuffer()))).getPageCount()).toBe(12);
  });
});

describe('组织关系转接', () => {
  it('starts a transfer for a certified member', async () => {
    const m = b.memberIn('certified');
    const r = await b.client.api('transfer/apply', { userId: m.userId, toLeagueName: '共青团演示大学委员会' });
    expect(r.retCode).toBe(1000);
    const list = await b.client.api('transfer/list', {});
    expect(list.results.list[0]).toMatchObject({
      name: m.name,
      status: '审批中',
      toLeagueName: '共青团演示大学委员会',
    });
  });
});

describe('团员录入', () => {
  it('enters one member and says whether an archive is owed', async () => {
    const r = await b.client.api('tuanyuan/add', {
      name: '林晓雨',
      identityCardNo: idCard('20090301', '002'),
      joinLeagueTime: '2025-05-04',
      userCode: '202511999999',
    });
    expect(r).toMatchObject({ retCode: 1000, results: { needsArchive: true } });
    const found = await b.client.api('tuanyuan/list', { userCode: '202511999999' });
    expect(found.results.list[0]).toMatchObject({ name: '林晓雨', sex: '女', archiveState: 'none' });
  });

  it('imports a batch from the template and counts the members who joined in 2020 or later (§5.1)', async () => {
    const tpl = await b.client.raw('/v1/center/tuanyuan/importTemplate', {}, 'tzb');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await tpl.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual(TEMPLATE_COLUMNS.map(([, l]) => l));
    ws.spliceRows(2, 1);
    ws.addRow(['周子涵', '女', '汉族', idCard('20090203', '002'), '', '2025-05-04', '202511000101']);
    ws.addRow(['吴浩然', '男', '汉族', idCard('20080405', '001'), '', new Date(Date.UTC(2024, 9, 1)), '202411000102']);
    ws.addRow(['郑明', '男', '回族', idCard('20030101', '003'), '', '2019-05-04', '201911000103']);
    ws.addRow(['错号', '男', '汉族', idCard('20080101', '005'), '', '2024-05-04', '202311000104']);
    const form = new FormData();
    form.set('file', new Blob([(await wb.xlsx.writeBuffer()) as ArrayBuffer]), '团员.xlsx');
    const r = await b.client.api('tuanyuan/import', form);
    expect(r.results).toEqual({
      successCount: 3,
      newMemberCount: 2,
      failures: [{ row: 5, name: '错号', message: '发展团员编号前四位必须与入团年份相同' }],
    });
  });
});

describe('state', () => {
  it('survives a restart, and a reset starts over from a seed', async () => {
    const m = b.memberIn('none');
    await b.uploadForm(m, await form12(), 'x.pdf');
    const reopened = ReplicaStore.open(b.dir);
    expect(reopened.state.records.at(-1)).toMatchObject({ userId: m.userId, status: 1 });
    expect(reopened.state.members).toHaveLength(b.store.state.members.length);
    reopened.reset({ seed: 99, size: 12 });
    expect(ReplicaStore.open(b.dir).state).toMatchObject({ seed: 99 });
    expect(ReplicaStore.open(b.dir).state.members.filter((x) => x.leagueId === '100123')).toHaveLength(12);
    expect(NOW).toBeGreaterThan(0);
  });
});
