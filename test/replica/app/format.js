// Cell words and formats. The words are the host's (test/replica/README.md lists them); the
// variant only changes how they are written, never what they say.
import { session } from './api.js';

export const CERT_WORDS = {
  exempt: '--',
  none: '尚未认证',
  pending: '尚未认证',
  rejected: '认证不通过',
  certified: '团员身份已认证',
};

export const STATUS_TIPS = { pending: '审批中', rejected: '审批未通过', certified: '审批通过' };

/** 入团时间 as the variant writes it: 2024-05-20, 2024年05月20日 or 2024/5/20. */
export function fmtDate(iso) {
  const v = session.variant || {};
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  if (v.dateFormat === 'cn') return `${y}年${m}月${d}日`;
  if (v.dateFormat === 'slash') return `${y}/${Number(m)}/${Number(d)}`;
  return iso;
}

/** Stray whitespace around a cell's words, when the variant asks for it. */
export function ws(text) {
  const v = session.variant || {};
  return v.whitespace ? `\n      ${text}  \u00a0\n    ` : text;
}

export const ORG_TYPE_NAMES = {
  '01TZB': '团支部',
  '02TZZ': '团总支',
  '03TW': '团委',
  '04TGW': '团工委',
  '06BYBTZB': '毕业班团支部',
  '00DJZTZB': '独立团支部',
};
