/**
 * The host vocabulary, part 1: where the admin is — the app's routes, the 当前位置 breadcrumb and
 * the page it names, the sign-in form, the menu, the lists' search form, the signed-in
 * organisation.
 */
import type { Term } from '../term';

export const PAGE_TERMS = {
  'app.path': {
    kind: 'route',
    value: '^/zhtj(/|$)',
    known: 'host',
    source: 'host code: the app lives under /zhtj/ (zhtj.youth.cn and m.zhtj.youth.cn)',
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
      [1, 'ui:signin'],
    ],
  },
  'route.login': {
    kind: 'route',
    value: '^/zhtj/(signin|login)/?$',
    known: 'guess',
    source: 'host code says an expired session goes to /signin; the path under /zhtj/ is the replica’s',
    proof: [
      [1, 'ui:signin'],
      [0, 'ui:home'],
    ],
  },
  'route.landing': {
    kind: 'route',
    value: '^/zhtj/(center/home)?/?$',
    known: 'guess',
    source: 'replica',
    proof: [
      [1, 'ui:home'],
      [1, 'plus:home'],
      [0, 'ui:list'],
    ],
  },
  'route.memberDatabase': {
    kind: 'route',
    value: '^/zhtj/center/tuanyuan/recordlist/?$',
    known: 'guess',
    source: 'replica (after the API name tuanyuan/…)',
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
      [0, 'ui:list-sub'],
    ],
  },
  'route.subordinateDatabase': {
    kind: 'route',
    value: '^/zhtj/center/tuanyuantw/memberlist/?$',
    known: 'host',
    source: 'host code: seen path /zhtj/center/tuanyuantw/memberlist',
    proof: [
      [1, 'ui:list-sub'],
      [0, 'ui:list'],
    ],
  },
  'route.cadreDatabase': {
    kind: 'route',
    value: '^/zhtj/center/tuangan/recordlist/?$',
    known: 'guess',
    source: 'replica',
    proof: [
      [1, 'ui:list-cadre'],
      [0, 'ui:list'],
    ],
  },
  'route.archiveReview': {
    kind: 'route',
    value: '^/zhtj/center/manage/memberrecordaudit/?$',
    known: 'guess',
    source: 'replica (after the back end’s memberRecord)',
    proof: [
      [1, 'ui:audit'],
      [1, 'plus:audit'],
      [0, 'ui:list'],
    ],
  },
  'route.operationCenter': {
    kind: 'route',
    value: '^/zhtj/center/operationcenter/?$',
    known: 'guess',
    source: 'replica',
    proof: [
      [1, 'ui:operation'],
      [0, 'ui:list'],
    ],
  },
  'route.transfer': {
    kind: 'route',
    value: '^/zhtj/center/manage/managetransfer(processdo)?/?$',
    known: 'host',
    source: 'host code: seen path /zhtj/center/manage/managetransferprocessdo (发起转接 beside it is the replica’s)',
    proof: [
      [1, 'ui:transfer'],
      [0, 'ui:list'],
    ],
  },
  'route.memberEntry': {
    kind: 'route',
    value: '^/zhtj/center/tuanyuan/add/?$',
    known: 'guess',
    source: 'replica',
    proof: [
      [1, 'ui:entry-alert'],
      [1, 'plus:entry-alert'],
      [0, 'ui:list'],
    ],
  },

  'breadcrumb.label': {
    kind: 'texts',
    value: ['当前位置'],
    match: 'includes',
    known: 'host',
    source: 'host code: pages show a breadcrumb 当前位置:…',
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
      [0, 'ui:signin'],
    ],
  },
  'breadcrumb.item': {
    kind: 'selector',
    value: '.el-breadcrumb .el-breadcrumb__item',
    known: 'guess',
    source: 'Element’s el-breadcrumb (Element UI and Element Plus alike), if the host uses it',
    proof: [
      [3, 'ui:list'],
      [3, 'plus:list'],
      [1, 'ui:operation'],
    ],
  },
  'breadcrumb.itemText': {
    kind: 'selector',
    value: '.el-breadcrumb__inner',
    within: 'breadcrumb.item',
    known: 'guess',
    source: 'Element’s el-breadcrumb',
    proof: [
      [3, 'ui:list'],
      [3, 'plus:list'],
      [1, 'ui:operation'],
    ],
  },
  'breadcrumb.separators': {
    kind: 'pattern',
    value: '\\s*[>＞›»/／]\\s*',
    within: 'breadcrumb.item',
    known: 'guess',
    source: 'separators of a plain-text breadcrumb (当前位置：管理中心 > 团员管理 > …)',
    proof: [
      [3, 'ui:list'],
      [3, 'plus:list'],
      [1, 'ui:operation'],
    ],
  },

  'page.landing': {
    kind: 'texts',
    value: ['首页'],
    within: 'breadcrumb.itemText',
    known: 'guess',
    source: 'replica (管理中心 > 首页)',
    proof: [
      [1, 'ui:home'],
      [1, 'plus:home'],
      [0, 'ui:list'],
    ],
  },
  'page.memberDatabase': {
    kind: 'texts',
    value: ['团员电子数据库'],
    within: 'breadcrumb.itemText',
    known: 'host',
    source: 'guide §3.2.1: 管理中心 → 团员管理-团员电子数据库',
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
      [0, 'ui:list-sub'],
    ],
  },
  'page.subordinateDatabase': {
    kind: 'texts',
    value: ['下级支部团员电子数据库', '下级库'],
    within: 'breadcrumb.itemText',
    known: 'host',
    source: 'guide §3.2.1 (下级支部团员电子数据库), §3.2.2 (下级库)',
    proof: [
      [1, 'ui:list-sub'],
      [0, 'ui:list'],
    ],
  },
  'page.cadreDatabase': {
    kind: 'texts',
    value: ['本级团干部电子数据库'],
    within: 'breadcrumb.itemText',
    known: 'host',
    source: 'guide §3.2.1: 团干部管理-本级团干部电子数据库',
    proof: [
      [1, 'ui:list-cadre'],
      [0, 'ui:list'],
    ],
  },
  'page.archiveReview': {
    kind: 'texts',
    value: ['下级团员电子档案审批'],
    within: 'breadcrumb.itemText',
    known: 'host',
    source: 'guide §3.3.2: 业务办理-下级团员电子档案审批',
    proof: [
      [1, 'ui:audit'],
      [1, 'plus:audit'],
      [0, 'ui:list'],
    ],
  },
  'page.operationCenter': {
    kind: 'texts',
    value: ['操作中心'],
    within: 'breadcrumb.itemText',
    known: 'host',
    source: 'guide §3.3.1: 操作中心',
    proof: [
      [1, 'ui:operation'],
      [0, 'ui:list'],
    ],
  },
  'page.transfer': {
    kind: 'texts',
    value: ['组织关系转接'],
    within: 'breadcrumb.itemText',
    known: 'guess',
    source: 'guide §4.4 names 团组织关系转接; the menu item’s words are the replica’s',
    proof: [
      [1, 'ui:transfer'],
      [0, 'ui:list'],
    ],
  },
  'page.memberEntry': {
    kind: 'texts',
    value: ['团员录入'],
    within: 'breadcrumb.itemText',
    known: 'guess',
    source: 'guide §3.1 (录入团员); the menu item’s words are the replica’s',
    proof: [
      [1, 'ui:entry-alert'],
      [1, 'plus:entry-alert'],
      [0, 'ui:list'],
    ],
  },

  'signin.password': {
    kind: 'selector',
    value: 'input[type="password"]',
    known: 'guess',
    source: 'any sign-in form',
    proof: [
      [1, 'ui:signin'],
      [0, 'ui:list'],
    ],
  },
  'menu.item': {
    kind: 'selector',
    value: '.el-menu-item',
    known: 'guess',
    source: 'Element’s el-menu, if the host’s left menu is one',
    proof: [
      [6, 'ui:list'],
      [6, 'plus:list'],
    ],
  },

  'search.form': {
    kind: 'selector',
    value: 'form.el-form',
    known: 'guess',
    source: 'Element’s el-form',
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
    ],
  },
  'search.item': {
    kind: 'selector',
    value: '.el-form-item',
    within: 'search.form',
    known: 'guess',
    source: 'Element’s el-form',
    proof: [
      [4, 'ui:list'],
      [4, 'plus:list'],
    ],
  },
  'search.label': {
    kind: 'selector',
    value: '.el-form-item__label',
    within: 'search.item',
    known: 'guess',
    source: 'Element’s el-form',
    proof: [
      [3, 'ui:list'],
      [3, 'plus:list'],
    ],
  },
  'search.input': {
    kind: 'selector',
    value: 'input.el-input__inner',
    within: 'search.item',
    known: 'guess',
    source: 'Element’s el-input',
    proof: [
      [3, 'ui:list'],
      [3, 'plus:list'],
    ],
  },
  'search.button': {
    kind: 'selector',
    value: 'button',
    within: 'search.form',
    known: 'guess',
    source: 'any form',
    proof: [
      [2, 'ui:list'],
      [2, 'plus:list'],
    ],
  },
  'search.submit': {
    kind: 'texts',
    value: ['查询'],
    within: 'search.button',
    known: 'guess',
    source: 'replica; guide §4.6: archives are found by 姓名, 身份证号 or 发展团员编号',
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
      [0, 'ui:operation'],
    ],
  },
  'search.nameField': {
    kind: 'texts',
    value: ['姓名'],
    within: 'search.label',
    known: 'guess',
    source: 'guide §4.6: search by 姓名; the field’s label is the replica’s',
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
    ],
  },
  'search.devNumberField': {
    kind: 'texts',
    value: ['发展团员编号'],
    within: 'search.label',
    known: 'guess',
    source: 'guide §4.6: search by 发展团员编号; the field’s label is the replica’s',
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
    ],
  },

  'org.signedIn': {
    kind: 'selector',
    value: '.zhtj-header .who',
    known: 'guess',
    source: 'the replica’s own header classes: the real header is not public',
    proof: [
      [1, 'ui:list'],
      [1, 'plus:list'],
      [0, 'ui:list-renamed'],
    ],
  },
  'org.details': {
    kind: 'selector',
    value: '.el-descriptions',
    known: 'guess',
    source: 'Element’s el-descriptions on the landing page (replica)',
    proof: [
      [1, 'ui:home'],
      [1, 'plus:home'],
      [0, 'ui:list'],
    ],
  },
  'org.typeLabel': {
    kind: 'texts',
    value: ['组织类型'],
    within: 'descriptions.label',
    known: 'guess',
    source: 'replica; the type codes (06BYBTZB 毕业班团支部 …) are from host code',
    proof: [
      [1, 'ui:home'],
      [1, 'plus:home'],
    ],
  },
  'org.nameLabel': {
    kind: 'texts',
    value: ['团组织名称'],
    within: 'descriptions.label',
    known: 'guess',
    source: 'replica',
    proof: [
      [1, 'ui:home'],
      [1, 'plus:home'],
    ],
  },
} as const satisfies Record<string, Term>;
