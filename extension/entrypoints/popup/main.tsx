import { createRoot } from 'react-dom/client';

function Popup() {
  return <main style={{ width: 360, padding: 12, fontFamily: 'system-ui, sans-serif' }}>团员电子档案助手</main>;
}

createRoot(document.getElementById('root')!).render(<Popup />);
