import { describe, expect, it } from 'vitest';
import { certStatusFromHost, uploadedFromHost } from './certStatus';

describe('status from the host’s words (§3.2.1, §5.3)', () => {
  it('reads the three statuses the guide names', () => {
    expect(certStatusFromHost({ certText: '团员身份已认证' }).status).toBe('certified');
    expect(certStatusFromHost({ certText: '认证不通过', uploadText: '是 替换档案' }).status).toBe('rejected');
    expect(certStatusFromHost({ certText: '尚未认证' }).status).toBe('uncertified');
  });

  it('tells 尚未认证 apart by the 档案是否上传 column', () => {
    expect(certStatusFromHost({ certText: '尚未认证', uploadText: '否 上传档案' }).status).toBe('notUploaded');
    expect(certStatusFromHost({ certText: '尚未认证', uploadText: '上传档案' }).status).toBe('notUploaded');
    expect(certStatusFromHost({ certText: '尚未认证', uploadText: '未上传' }).status).toBe('notUploaded');
    expect(certStatusFromHost({ certText: '尚未认证', uploadText: '是' }).status).toBe('pending');
    expect(certStatusFromHost({ certText: '尚未认证', uploadText: '已上传（审批中）' }).status).toBe('pending');
    expect(certStatusFromHost({ certText: '尚未认证', uploadText: '' }).status).toBe('uncertified');
    expect(certStatusFromHost({ certText: '尚未认证', uploadText: '处理中' }).status).toBe('uncertified');
  });

  it('ignores stray whitespace and non-breaking spaces', () => {
    expect(certStatusFromHost({ certText: '\n  团员身份已认证\u00a0 ' }).status).toBe('certified');
    expect(certStatusFromHost({ certText: ' 尚未认证 ', uploadText: '\n 否\n  上传档案 ' }).status).toBe('notUploaded');
  });

  it('says unknown for any other text, never a guess', () => {
    for (const certText of ['', '—', '认证中', '已认证通过了吗', '团员身份已认证？', 'certified']) {
      expect(certStatusFromHost({ certText }).status, certText).toBe('unknown');
    }
  });

  it('knows which upload words mean a file is there', () => {
    expect(uploadedFromHost('是')).toBe(true);
    expect(uploadedFromHost('是 替换档案')).toBe(true);
    expect(uploadedFromHost('否')).toBe(false);
    expect(uploadedFromHost('是否')).toBeNull();
    expect(uploadedFromHost('??')).toBeNull();
  });
});
