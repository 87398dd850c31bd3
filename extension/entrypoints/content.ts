import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startFeatures } from '../core/feature';
import { Keeper } from '../core/keeping';
import { watchPage } from '../core/pageWatcher';
import { FEATURES } from '../features';
import { answerDiagnosis } from '../host/diagnose';
import { applyHotfixTerms } from '../host/terms';
import { sendToBackground } from '../messaging/client';

/** A selector this browser can read (a hotfix's override is checked before it is used). */
function canParse(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

export default defineContentScript({
  matches: ['https://zhtj.youth.cn/zhtj/*', 'https://m.zhtj.youth.cn/zhtj/*'],
  runAt: 'document_idle',
  async main(ctx) {
    // A hotfix's words and selectors are in the vocabulary before the first page is judged.
    const config = await sendToBackground('pageConfig', {}).catch(() => null);
    if (config) {
      const { ignored } = applyHotfixTerms(config.hotfix, canParse);
      for (const i of ignored) console.warn('[团员电子档案助手] 修复通知中的词条未采用', i);
    }
    const version = browser.runtime.getManifest().version;
    const logged = new Set<string>();
    answerDiagnosis(ctx.signal);
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
        onStop: ({ feature, reason }) => {
          const stop = { feature: feature.id, label: feature.label, reason, pageType: visit.pageType };
          // Once per feature, page type and reason, with what a bug report needs.
          const key = `${stop.feature}\u0001${stop.pageType}\u0001${reason}`;
          if (!logged.has(key)) {
            logged.add(key);
            console.warn('[团员电子档案助手] 功能已在此页停用', { ...stop, version });
          }
          sendToBackground('featureStopped', stop).catch(() => {});
        },
      }).catch(() => {
        /* a feature failed to start: the page stays as the host made it */
      });
    });
  },
});
