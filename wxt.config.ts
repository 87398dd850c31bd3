import { defineConfig } from 'wxt';

/** 智慧团建's own hosts: the production build runs on these and nowhere else. */
export const HOST_MATCHES = ['https://zhtj.youth.cn/*', 'https://m.zhtj.youth.cn/*'];

export default defineConfig({
  srcDir: 'extension',
  // A separate output folder lets parallel test runs build without clobbering each other.
  outDir: process.env.LAA_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '团员电子档案助手',
    description: '在“智慧团建”中检查新发展团员电子档案：认证状态、30日时限、发展团员编号、PDF 上传前预检。',
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage'],
    host_permissions: HOST_MATCHES,
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'league-archive-assistant@example.org' } } }
      : {}),
  }),
});
