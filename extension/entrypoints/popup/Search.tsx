/** §4.6: find a member by 姓名, 发展团员编号 or 身份证号 (hashed in the background, never sent). */
import { useState } from 'react';
import type { SearchBy } from '../../messaging/teamViews';

const BY: { by: SearchBy; label: string; placeholder: string }[] = [
  { by: 'name', label: '姓名', placeholder: '输入姓名查找' },
  { by: 'devNumber', label: '编号', placeholder: '输入发展团员编号' },
  { by: 'idCard', label: '身份证号', placeholder: '输入完整身份证号（只在本机加密比对）' },
];

export function Search({ onSearch }: { onSearch: (by: SearchBy, q: string) => void }) {
  const [by, setBy] = useState<SearchBy>('name');
  const [q, setQ] = useState('');
  const current = BY.find((b) => b.by === by)!;
  return (
    <form
      className="search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (q.trim()) onSearch(by, q.trim());
      }}
    >
      <div className="by" role="group" aria-label="查找方式">
        {BY.map((b) => (
          <button key={b.by} type="button" aria-pressed={b.by === by} onClick={() => setBy(b.by)}>
            {b.label}
          </button>
        ))}
      </div>
      <input
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={current.placeholder}
        aria-label={current.placeholder}
        autoComplete="off"
        spellCheck={false}
      />
    </form>
  );
}
