import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listen } from '../messaging/router';

export default defineBackground(() => {
  listen({
    ping: () => ({ ok: true, version: browser.runtime.getManifest().version }),
  });
});
