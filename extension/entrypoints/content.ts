import { defineContentScript } from 'wxt/utils/define-content-script';
import { startFeatures } from '../core/feature';
import { Keeper } from '../core/keeping';
import { watchPage } from '../core/pageWatcher';
import { FEATURES } from '../features';
import { sendToBackground } from '../messaging/client';

export default defineContentScript({
  matches: ['https://zhtj.youth.cn/zhtj/*', 'https://m.zhtj.youth.cn/zhtj/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Recognising a page changes nothing on it; features attach only to pages they know.
    watchPage(ctx, document, (visit, signal) => {
      sendToBackground('pageSeen', visit).catch(() => {
        /* the extension is reloading: the next page visit reports again */
      });
      startFeatures(visit, signal, {
        doc: document,
        lifetime: ctx.signal,
        features: FEATURES,
        send: sendToBackground,
        makeKeeper: (isCadre) => new Keeper(sendToBackground, isCadre),
      }).catch(() => {
        /* a feature failed to start: the page stays as the host made it */
      });
    });
  },
});
