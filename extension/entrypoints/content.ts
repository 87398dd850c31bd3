import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['https://zhtj.youth.cn/zhtj/*', 'https://m.zhtj.youth.cn/zhtj/*'],
  runAt: 'document_idle',
  main() {
    document.documentElement.dataset.laaLoaded = '1';
  },
});
