import { createRoot } from 'react-dom/client';

function Options() {
  return <main style={{ maxWidth: 720, margin: '24px auto', fontFamily: 'system-ui, sans-serif' }}>设置</main>;
}

createRoot(document.getElementById('root')!).render(<Options />);
