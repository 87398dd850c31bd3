// The UI kit the replica renders with, chosen by the page shell the server sends (the `kit`
// variant): Element UI 2.15 on Vue 2 — the host as it is — or Element Plus on Vue 3, the host's
// natural move after Vue 2's end of life. Pages are written once, in template syntax both Vue
// versions read (`#slot`, `v-slot`); `adapt` rewrites what only Vue 2 / Element UI spell their
// own way, the way a team migrating the site would: `.sync` → `v-model`, `custom-class` →
// `class`, icon fonts → icon components, `el-submenu` → `el-sub-menu`.
const Vue = window.Vue;

export const KIT = window.ElementPlus ? 'element-plus' : 'element-ui';
const plus = KIT === 'element-plus';

/** Vue's reactive object: `Vue.observable` in Vue 2, `reactive` in Vue 3. */
export const reactive = (o) => (plus ? Vue.reactive(o) : Vue.observable(o));

/** Element's $message outside a component. */
export const message = plus ? window.ElementPlus.ElMessage : window.ELEMENT.Message;

/** Element UI's icon-font names → Element Plus's icon components. */
const ICONS = {
  search: 'Search',
  'refresh-left': 'RefreshLeft',
  view: 'View',
  time: 'Timer',
  'circle-close': 'CircleClose',
  'circle-check': 'CircleCheck',
  'folder-opened': 'FolderOpened',
  upload: 'UploadFilled',
  upload2: 'Upload',
  plus: 'Plus',
  bell: 'Bell',
  's-home': 'HomeFilled',
  'user-solid': 'UserFilled',
  's-custom': 'Avatar',
  's-order': 'List',
  wallet: 'Wallet',
  'office-building': 'OfficeBuilding',
  user: 'User',
  lock: 'Lock',
  warning: 'WarningFilled',
  document: 'Document',
};
const iconName = (font) => ICONS[font] || 'QuestionFilled';

/** A button's `icon` value: the font class in Element UI, the component's name in Element Plus. */
export const icon = (font) => (plus ? iconName(font) : `el-icon-${font}`);

/** `who` → `_who_k3x9`: a stable hash, as CSS modules write a class. */
function moduleClass(name) {
  let h = 7;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `_${name.replace(/-(\w)/g, (_, c) => c.toUpperCase())}_${h.toString(36).slice(-4)}`;
}

function renameOwnClasses(template) {
  // Static class attributes only: a bound `:class` is an expression, not a list of names.
  return template.replace(/(\s(?:custom-)?class=")([^"]*)"/g, (_, attr, list) => {
    const names = list.split(/\s+/).filter(Boolean);
    return `${attr}${names.map((n) => (n.startsWith('el-') ? n : moduleClass(n))).join(' ')}"`;
  });
}

const PLUS_REWRITES = [
  [/:visible\.sync=/g, 'v-model='],
  [/<el-dialog([^>]*?) :visible=/g, '<el-dialog$1 :model-value='],
  [/<el-tabs :value=/g, '<el-tabs :model-value='],
  [/:current-page\.sync=/g, 'v-model:current-page='],
  [/\.native\b/g, ''],
  [/\bcustom-class=/g, 'class='],
  [/\bsize="mini"/g, 'size="small"'],
  [/\bsize="medium"/g, 'size="default"'],
  [/<el-button type="text"/g, '<el-button link type="primary"'],
  [/<(\/?)el-submenu\b/g, '<$1el-sub-menu'],
  [/value-format="yyyy-MM-dd"/g, 'value-format="YYYY-MM-DD"'],
  [/\b((?:prefix-)?icon)="el-icon-([\w-]+)"/g, (_, attr, font) => `${attr}="${iconName(font)}"`],
  [
    /<i class="el-icon-([\w-]+)\s*([^"]*)"><\/i>/g,
    (_, font, rest) => `<el-icon${rest ? ` class="${rest}"` : ''}><${iconName(font)} /></el-icon>`,
  ],
];

/** A page's template in the kit's own spelling (and with the variant's class names). */
export function adapt(template, variant) {
  let t = template;
  if (plus) for (const [re, to] of PLUS_REWRITES) t = t.replace(re, to);
  if (variant && variant.renamedClasses) t = renameOwnClasses(t);
  return t;
}

/** Every component reachable from `root` (its `components` and the given routes), adapted once. */
export function adaptAll(components, variant) {
  const seen = new Set();
  const visit = (c) => {
    if (!c || typeof c !== 'object' || seen.has(c)) return;
    seen.add(c);
    if (typeof c.template === 'string') c.template = adapt(c.template, variant);
    for (const child of Object.values(c.components || {})) visit(child);
  };
  components.forEach(visit);
}

/** The router: vue-router 3 in Vue 2, vue-router 4 in Vue 3 (history mode in both). */
export function createRouter(routes) {
  const VueRouter = window.VueRouter;
  if (!plus) {
    Vue.use(VueRouter);
    return new VueRouter({ mode: 'history', routes });
  }
  // vue-router 4 spells the catch-all as a parameter (relative inside a parent route).
  const fix = (prefix) => (r) => ({
    ...r,
    path: r.path === '*' ? `${prefix}:pathMatch(.*)*` : r.path,
    ...(r.children ? { children: r.children.map(fix('')) } : {}),
  });
  return VueRouter.createRouter({ history: VueRouter.createWebHistory(), routes: routes.map(fix('/')) });
}

/** The route the router shows now (a ref in vue-router 4). */
export const currentRoute = (router) => (plus ? router.currentRoute.value : router.currentRoute);

/** Mounts the app on `#app`, with Element in Chinese (Element UI's default; Element Plus's zh-cn). */
export function mount(router) {
  if (!plus) {
    new Vue({ router, template: '<router-view />' }).$mount('#app');
    return;
  }
  const app = Vue.createApp({ template: '<router-view />' });
  app.use(router);
  app.use(window.ElementPlus, { locale: window.ElementPlusLocaleZhCn });
  for (const [name, component] of Object.entries(window.ElementPlusIconsVue)) app.component(name, component);
  app.mount('#app');
}
