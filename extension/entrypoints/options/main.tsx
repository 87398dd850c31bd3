import { createRoot } from 'react-dom/client';
import { FeatureSwitches } from './FeatureSwitches';
import { Backup, TeamSection } from './team/TeamSection';

function Options() {
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
      <FeatureSwitches />
      <div className="team">
        <Backup />
      </div>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<Options />);
