/**
 * 本地规则: a committee's own content requirements for the forms of its subtree (issue 14), e.g.
 * 团课内容须包含“团纪处分条例”. A committee edits the rules it sets; every admin sees the rules
 * that apply to its organisation, set by it or by the committees above. The upload check reads
 * each form against them in the browser; only the rules travel through the sync service.
 */
import { useEffect, useState } from 'react';
import type { AppliedLocalRule, LocalRule } from '../../../../shared/api/localRules';
import { SECTION_IDS, SECTION_NAMES } from '../../../../shared/pdf/content/sections';
import type { TeamStatus } from '../../../messaging/teamViews';
import { sendToBackground } from '../../../messaging/client';
import { Message, useAction } from './ui';

const EMPTY: LocalRule = { section: 'courses', phrase: '', text: '' };

export function LocalRules({ status }: { status: TeamStatus }) {
  const own = status.connection!.org;
  const committee = status.connection!.role === 'committee';
  const [applied, setApplied] = useState<AppliedLocalRule[] | null>(null);
  const [draft, setDraft] = useState<LocalRule[]>([]);
  const { busy, msg, run } = useAction();

  useEffect(() => {
    void sendToBackground('teamLocalRules', {}).then((rules) => {
      setApplied(rules);
      setDraft(rules.filter((r) => r.orgId === own.id).map(({ section, phrase, text }) => ({ section, phrase, text })));
    });
  }, [own.id]);
  if (!applied) return null;
  const above = applied.filter((r) => r.orgId !== own.id);
  const edit = (i: number, change: Partial<LocalRule>) =>
    setDraft((d) => d.map((r, k) => (k === i ? { ...r, ...change } : r)));

  async function save() {
    const saved = await run(
      () => sendToBackground('teamSetLocalRules', { orgId: own.id, rules: draft }),
      (rules) =>
        rules.length ? `已保存 ${rules.length} 条本地规则，${own.name}及下级上传时按此检查` : '已清除本地规则',
    );
    if (saved) setApplied([...above, ...saved]);
  }

  return (
    <div>
      <h3>本地规则</h3>
      <div className="box" data-part="local-rules">
        <p className="muted">
          上传前检查《入团志愿书》时，除全国通用的要求外，还按以下规则检查表上所写内容；不符合时提示规则原文。
        </p>
        {above.length > 0 && (
          <ul className="rules-above">
            {above.map((r, i) => (
              <li key={i}>
                {r.text}（{r.orgName}，查“{SECTION_NAMES[r.section]}”页是否写有“{r.phrase}”）
              </li>
            ))}
          </ul>
        )}
        {!committee && above.length === 0 && <p className="muted">上级团委没有设置本地规则。</p>}
        {committee &&
          draft.map((r, i) => (
            <div className="row" key={i} data-rule={i}>
              <select
                value={r.section}
                name={`ruleSection${i}`}
                onChange={(e) => edit(i, { section: e.target.value as LocalRule['section'] })}
              >
                {SECTION_IDS.map((s) => (
                  <option key={s} value={s}>
                    {SECTION_NAMES[s]}
                  </option>
                ))}
              </select>
              <input
                type="text"
                name={`rulePhrase${i}`}
                placeholder="须写有的字词，如 团纪处分条例"
                value={r.phrase}
                onChange={(e) => edit(i, { phrase: e.target.value })}
              />
              <input
                type="text"
                name={`ruleText${i}`}
                placeholder="规则原文，如 团课内容须包含“团纪处分条例”"
                value={r.text}
                style={{ flex: 1 }}
                onChange={(e) => edit(i, { text: e.target.value })}
              />
              <button type="button" className="btn small" onClick={() => setDraft((d) => d.filter((_, k) => k !== i))}>
                删除
              </button>
            </div>
          ))}
        {committee && (
          <div className="row">
            <button
              type="button"
              className="btn"
              disabled={draft.length >= 10}
              onClick={() => setDraft((d) => [...d, EMPTY])}
            >
              添加规则
            </button>
            <button type="button" className="btn primary" disabled={busy} onClick={() => void save()}>
              保存本级规则
            </button>
          </div>
        )}
        <Message msg={msg} />
      </div>
    </div>
  );
}
