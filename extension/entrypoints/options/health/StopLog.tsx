/** 最近停用的功能: each feature that stopped on a page, once per version, page and reason (for a bug report). */
import { useEffect, useState } from 'react';
import { sendToBackground } from '../../../messaging/client';
import type { FeatureProblem } from '../../../messaging/health';
import { PAGE_LABELS } from '../../../model/pages';

export function StopLog() {
  const [items, setItems] = useState<FeatureProblem[] | null>(null);
  useEffect(() => {
    void sendToBackground('featureProblems', {}).then(setItems, () => setItems([]));
  }, []);
  if (!items?.length) return null;
  return (
    <section aria-labelledby="stops-title" data-stop-log>
      <h2 id="stops-title">最近在页面上停用的功能</h2>
      <p className="lead">
        某项功能在某个页面出错或认不出页面时，只停用它自己，其他功能照常；下表供反馈问题时参考（不含团员信息）。
      </p>
      <div className="box">
        <ul>
          {items.map((p) => (
            <li key={`${p.feature}${p.pageType}${p.reason}${p.version}`}>
              {p.label}（{p.feature}）· {PAGE_LABELS[p.pageType]} · 版本 {p.version}：{p.reason}
              {p.count > 1 ? `（${p.count} 次）` : ''}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
