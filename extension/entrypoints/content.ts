import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../core/pageWatcher';
import { sendToBackground } from '../messaging/client';

export default defineContentScript({
  matches: ['https://zhtj.youth.cn/zhtj/*', 'https://m.zhtj.youth.cn/zhtj/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Recognising a page changes nothing on it; features attach only to pages they know.
    watchPage(ctx, document, (visit) => {
      sendToBackground('pageSeen', visit).catch(() => {
        /* the extension is reloading: the next page visit reports again */
      });
    });
  },
});
