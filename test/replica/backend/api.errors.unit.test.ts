/** What the back end refuses, and with which of the host's messages. */
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placeholderForm } from './placeholderPdf';
import { pdfBlob, testBackend, type TestBackend } from './testing';
import { MAX_FILE_BYTES } from './handlers/records';

let b: TestBackend;
beforeEach(() => {
  b = testBackend();
});
afterEach(() => b.cleanup());

const refusal = (retMsg: string, retCode = 1001) => ({ retCode, retMsg, results: null });

describe('upload refusals (the back end’s own messages)', () => {
  it('only .pdf: 文件类型%s不正确', async () => {
    const m = b.memberIn('none');
    expect(await b.uploadForm(m, new Blob(['x']), '志愿书.docx')).toEqual(refusal('文件类型.docx不正确'));
    expect(await b.uploadForm(m, pdfBlob(await placeholderForm({ userCode: '' })), '志愿书.PDF.jpg')).toEqual(
      refusal('文件类型.jpg不正确'),
    );
  });

  it('above 20 MiB: 上传文件不能大于20M; exactly 20 MiB passes the size check', async () => {
    const m = b.memberIn('none');
    expect(await b.uploadForm(m, new Blob([new Uint8Array(MAX_FILE_BYTES + 1)]), 'big.pdf')).toEqual(
      refusal('上传文件不能大于20M'),
    );
    // Same size at the limit: refused later, for its content, not its size.
    expect((await b.uploadForm(m, new Blob([new Uint8Array(MAX_FILE_BYTES)]), 'big.pdf')).retMsg).toBe(
      '读取文件内容失败，请检查文件是否符合规范',
    );
    expect(MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
  });

  it('unreadable: 读取文件内容失败，请检查文件是否符合规范', async () => {
    const m = b.memberIn('none');
    expect(await b.uploadForm(m, new Blob(['%PDF-1.7 not really']), 'a.pdf')).toEqual(
      refusal('读取文件内容失败，请检查文件是否符合规范'),
    );
  });

  it('not 12 pages: 必须上传12页完整的电子版《入团志愿书》', async () => {
    const m = b.memberIn('none');
    for (const pages of [1, 11, 13]) {
      expect(await b.uploadForm(m, pdfBlob(await placeholderForm({ userCode: '', pages })), 'a.pdf')).toEqual(
        refusal('必须上传12页完整的电子版《入团志愿书》'),
      );
    }
    const doc = await PDFDocument.create();
    for (let i = 0; i < 12; i++) doc.addPage();
    expect((await b.uploadForm(m, pdfBlob(await doc.save()), 'a.pdf')).retCode).toBe(1000);
  });

  it('a second upload while one is under review: 团员电子档案审批中,不能重复发起', async () => {
    const m = b.memberIn('pending');
    expect(await b.uploadForm(m, pdfBlob(await placeholderForm({ userCode: '' })), 'a.pdf')).toEqual(
      refusal('团员电子档案审批中,不能重复发起'),
    );
  });

  it('no upload for a certified member (§4.5) or one who joined before 2020 (§5.6)', async () => {
    const file = pdfBlob(await placeholderForm({ userCode: '' }));
    expect((await b.uploadForm(b.memberIn('certified'), file, 'a.pdf')).retMsg).toMatch(/修改申请/);
    expect((await b.uploadForm(b.memberIn('exempt'), file, 'a.pdf')).retMsg).toBe(
      '2020年以前入团的团员无需上传电子版《入团志愿书》',
    );
  });

  it('refuses a form whose fields do not match the member, and a missing file', async () => {
    const m = b.memberIn('none');
    const form = new FormData();
    for (const [k, v] of Object.entries({
      leagueId: m.leagueId,
      userId: m.userId,
      name: m.name,
      userCode: '000000000000',
    }))
      form.set(k, v);
    form.set('recordfile', pdfBlob(await placeholderForm({ userCode: '' })), 'a.pdf');
    expect((await b.client.api('memberRecord/upload', form)).retMsg).toBe('团员信息与所选团员不一致，请刷新页面后重试');
    form.set('userCode', m.userCode);
    form.delete('recordfile');
    expect((await b.client.api('memberRecord/upload', form)).retMsg).toBe('请选择要上传的文件');
  });
});

describe('review refusals', () => {
  const pendingRecord = (b: TestBackend) => b.store.state.records.find((r) => r.status === 1)!;

  it('不同意 needs an opinion (§3.3.1)', async () => {
    const r = pendingRecord(b);
    expect(
      await b.client.api('memberRecord/audit', { recordId: r.recordId, auditResult: 0, auditOpinion: '  ' }, 'tw'),
    ).toEqual(refusal('请填写审批意见'));
    expect(await b.client.api('memberRecord/audit', { recordId: r.recordId, auditResult: 2 }, 'tw')).toEqual(
      refusal('请选择审批结果'),
    );
    expect(r.status).toBe(1);
  });

  it('a record is decided once', async () => {
    const r = pendingRecord(b);
    expect((await b.client.api('memberRecord/audit', { recordId: r.recordId, auditResult: 1 }, 'tw')).retCode).toBe(
      1000,
    );
    expect(
      await b.client.api('memberRecord/audit', { recordId: r.recordId, auditResult: 0, auditOpinion: 'x' }, 'tw'),
    ).toEqual(refusal('该团员电子档案已审批，无需重复审批'));
  });

  it('only the approving committee decides (9091)', async () => {
    const r = pendingRecord(b);
    expect((await b.client.api('memberRecord/audit', { recordId: r.recordId, auditResult: 1 }, 'tzb')).retCode).toBe(
      9091,
    );
    expect((await b.client.api('memberRecord/audit', { recordId: r.recordId, auditResult: 1 }, 'tzz')).retCode).toBe(
      9091,
    );
  });
});

describe('transfer refusals', () => {
  it('33002 for members who owe an archive and are not certified (§4.4, §5.4)', async () => {
    for (const state of ['none', 'pending', 'rejected'] as const) {
      const m = b.memberIn(state);
      expect(await b.client.api('transfer/apply', { userId: m.userId, toLeagueName: '某大学团委' })).toEqual(
        refusal('该团员尚未完成团员身份认证，必须认证通过后才能进行组织关系转接。', 33002),
      );
    }
  });

  it('no second transfer while one is in progress; members who joined before 2020 may go', async () => {
    const m = b.memberIn('exempt');
    expect((await b.client.api('transfer/apply', { userId: m.userId, toLeagueName: '某大学团委' })).retCode).toBe(1000);
    expect(await b.client.api('transfer/apply', { userId: m.userId, toLeagueName: '某大学团委' })).toEqual(
      refusal('组织关系转接审批中（组织办理转入），不能重复发起'),
    );
  });
});

describe('团员录入 refusals (the front end’s 编号 messages)', () => {
  const base = { name: '测试', identityCardNo: '', joinLeagueTime: '2024-05-04', userCode: '202411000001' };
  const valid = '110105200901010017';

  it('checks the 发展团员编号 for the year of joining', async () => {
    const { idCardCheckDigit } = await import('../../../shared/domain/idCard');
    const id = valid.slice(0, 17) + idCardCheckDigit(valid.slice(0, 17));
    const add = (x: object) => b.client.api('tuanyuan/add', { ...base, identityCardNo: id, ...x });
    expect((await add({ userCode: '' })).retMsg).toBe('2017年以后发展的团员,发展团员编号必填');
    expect((await add({ userCode: '20241100001' })).retMsg).toBe('发展团员编号格式错误');
    expect((await add({ userCode: '202311000001' })).retMsg).toBe('发展团员编号前四位必须与入团年份相同');
    expect(
      (
        await add({
          userCode: b.store.state.members[0]!.userCode,
          joinLeagueTime: b.store.state.members[0]!.joinLeagueTime,
        })
      ).retMsg,
    ).toBe('发展团员编号已被占用');
    expect((await add({ identityCardNo: '110105200901010010' })).retMsg).toBe('身份证号格式错误');
    expect((await add({ identityCardNo: b.store.state.members[0]!.identityCardNo })).retMsg).toBe(
      '该身份证号已录入系统',
    );
    expect((await add({ joinLeagueTime: '2030-01-01', userCode: '203011000001' })).retMsg).toBe('入团时间不能晚于今天');
    expect((await add({ joinLeagueTime: '2021-01-01', userCode: '202111000001' })).retMsg).toBe('入团年龄不符合规定');
  });
});
