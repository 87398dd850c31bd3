import { useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { HotfixEffect } from '../../../shared/hotfix/effect';
import { FeatureSwitches } from './FeatureSwitches';
import { Bisect } from './health/Bisect';
import { HotfixSection } from './health/Hotfix';
import { StopLog } from './health/StopLog';
import { Backup, TeamSection } from './team/TeamSection';

function Options() {
  const [hotfix, setHotfix] = useState<HotfixEffect | null>(null);
  const [switched, setSwitched] = useState(0);
  const onHotfix = useCallback((s: { effect: HotfixEffect }) => setHotfix(s.effect), []);
  return (
    <main
      style={{
        maxWidth: 720,
        margin: '24px auto',
        padding: '0 16px',
        fontFamily: '"Helvetica Neue", Helvetica, "PingFang SC", "Microsoft YaHei", Arial, sans-serif',
        color: '#303133',
      }}
    >
      <h1 style={{ fontSize: 20, fontWeight: 500 }}>团员电子档案助手 · 设置</h1>
      <TeamSection />
      <FeatureSwitches hotfix={hotfix} reload={switched} />
      <div className="team">
        <Bisect onSwitches={() => setSwitched((n) => n + 1)} />
        <HotfixSection onChange={onHotfix} />
        <StopLog />
        <Backup />
      </div>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<Options />);
