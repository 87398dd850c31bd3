/**
 * Records the upper committee's approval date (上级团委批准入团) for one member or a selection —
 * a batch is usually approved on one day. Stored by the background; from then on the deadline
 * counts from it instead of being estimated from 入团时间 (§2, §5.7).
 */
import { chinaToday, parseHostDate } from '../../shared/domain/chinaDate';
import { button } from '../core/bar';
import { defineFeature } from '../core/feature';

export default defineFeature({
  id: 'approval-date',
  label: '记录上级批准日期',
  description:
    '在列表上方“选择团员”后，为所选团员记录上级团委批准入团的日期；此后上传时限按批准日期计算，而不是按入团时间估算。',
  pages: ['memberDatabase', 'subordinateDatabase', 'cadreDatabase'],
  init({ lists, send }) {
    lists.addSelectionAction((api, doc) => {
      const wrap = doc.createElement('span');
      wrap.className = 'laa-bar-row';
      const label = doc.createElement('span');
      label.textContent = '上级团委批准日期';
      const input = doc.createElement('input');
      input.type = 'date';
      input.className = 'laa-input';
      input.max = chinaToday();
      input.setAttribute('aria-label', '上级团委批准日期');
      const msg = doc.createElement('span');
      msg.className = 'laa-msg';
      const say = (text: string, ok: boolean) => {
        msg.className = `laa-msg laa-msg--${ok ? 'success' : 'danger'}`;
        msg.textContent = text;
      };
      const record = async (clear: boolean) => {
        const rows = api.selected();
        const keys = rows.map((r) => r.facts?.key).filter((k): k is string => !!k);
        if (!rows.length) return say('请先勾选团员', false);
        if (keys.length < rows.length) return say('部分团员尚未读取完毕，请稍候再试', false);
        const approvedOn = clear ? null : parseHostDate(input.value);
        if (!clear && !approvedOn) return say('请选择上级团委批准入团的日期', false);
        if (approvedOn && approvedOn > chinaToday()) return say('批准日期不能晚于今天', false);
        const early = approvedOn ? rows.filter((r) => r.member.joinedOn && approvedOn < r.member.joinedOn) : [];
        if (early.length) return say(`批准日期早于${early[0]!.member.name}的入团时间，请核对`, false);
        const r = await send('setApprovedOn', { keys, approvedOn });
        say(clear ? `已清除 ${r.updated} 人的批准日期` : `已为 ${r.updated} 人记录批准日期 ${approvedOn}`, true);
        await lists.refreshFacts();
      };
      const fail = () => say('保存失败：扩展正在重新加载，请刷新页面后重试', false);
      wrap.append(
        label,
        input,
        button(doc, '记录批准日期', () => void record(false).catch(fail), true),
        button(doc, '清除批准日期', () => void record(true).catch(fail)),
        msg,
      );
      return wrap;
    });
  },
});
