// The replica's single-page app: Vue 2 + vue-router in history mode + Element UI, as the real
// 智慧团建 is built — or the same pages on Vue 3 + Element Plus (the `kit` variant, kit.js).
// Plain browser modules, no build step.
import { loadUser, loadVariant, session, useRouter } from './api.js';
import { adaptAll, createRouter, KIT, mount } from './kit.js';
import { Layout } from './layout.js';
import { SignIn } from './pages/signin.js';
import { Home } from './pages/home.js';
import { MemberList } from './pages/memberList.js';
import { MemberEntry } from './pages/memberEntry.js';
import { RecordAudit } from './pages/recordAudit.js';
import { OperationCenter } from './pages/operationCenter.js';
import { Transfer, TransferProcess } from './pages/transfer.js';
import { Fees } from './pages/fees.js';
import { NotFound } from './pages/notFound.js';

const crumbs = (...items) => ['管理中心', ...items];

const routes = [
  { path: '/zhtj/signin', component: SignIn, meta: { public: true, title: '登录' } },
  { path: '/zhtj', redirect: '/zhtj/center/home' },
  { path: '/zhtj/center', redirect: '/zhtj/center/home' },
  {
    path: '/zhtj/center',
    component: Layout,
    children: [
      { path: 'home', component: Home, meta: { crumbs: crumbs('首页'), title: '首页' } },
      {
        path: 'tuanyuan/add',
        component: MemberEntry,
        meta: { crumbs: crumbs('团员管理', '团员录入'), title: '团员录入' },
      },
      {
        path: 'tuanyuan/recordlist',
        component: MemberList,
        props: { scope: 'own' },
        meta: { crumbs: crumbs('团员管理', '团员电子数据库'), title: '团员电子数据库' },
      },
      {
        path: 'tuanyuantw/memberlist',
        component: MemberList,
        props: { scope: 'sub' },
        meta: { crumbs: crumbs('团员管理', '下级支部团员电子数据库'), title: '下级支部团员电子数据库' },
      },
      {
        path: 'tuangan/recordlist',
        component: MemberList,
        props: { scope: 'cadre' },
        meta: { crumbs: crumbs('团干部管理', '本级团干部电子数据库'), title: '本级团干部电子数据库' },
      },
      {
        path: 'manage/memberrecordaudit',
        component: RecordAudit,
        meta: { crumbs: crumbs('业务办理', '下级团员电子档案审批'), title: '下级团员电子档案审批' },
      },
      {
        path: 'manage/managetransfer',
        component: Transfer,
        meta: { crumbs: crumbs('业务办理', '组织关系转接'), title: '组织关系转接' },
      },
      {
        path: 'manage/managetransferprocessdo',
        component: TransferProcess,
        meta: {
          crumbs: crumbs('业务办理', '组织关系转接'),
          title: '组织关系转接',
          menu: '/zhtj/center/manage/managetransfer',
        },
      },
      { path: 'operationcenter', component: OperationCenter, meta: { crumbs: ['操作中心'], title: '操作中心' } },
      {
        path: 'tuanfei/paylist',
        component: Fees,
        meta: { crumbs: crumbs('团费管理', '团费交纳情况'), title: '团费交纳情况' },
      },
      { path: '*', component: NotFound, meta: { crumbs: crumbs('页面不存在'), title: '页面不存在' } },
    ],
  },
  { path: '*', redirect: '/zhtj/center/home' },
];

const router = createRouter(routes);
useRouter(router);

router.beforeEach(async (to, from, next) => {
  if (to.meta.public) return next();
  if (!session.user && !(await loadUser())) return next({ path: '/zhtj/signin', query: { redirect: to.fullPath } });
  next();
});
router.afterEach((to) => {
  document.title = `${to.meta.title || '管理中心'} - 智慧团建（演示环境）`;
});

async function boot() {
  // `?variant=fixedActions,dateFormat=cn` switches the replica's markup for everyone (README).
  const q = new URLSearchParams(location.search).get('variant');
  if (q !== null) await fetch('/__replica/variant?query=' + encodeURIComponent(q), { method: 'POST' });
  const variant = await loadVariant();
  // The shell came with the other kit (the variant changed since): load it again.
  if ((variant.kit || 'element-ui') !== KIT) return location.reload();
  adaptAll(
    [
      Layout,
      SignIn,
      Home,
      MemberList,
      MemberEntry,
      RecordAudit,
      OperationCenter,
      Transfer,
      TransferProcess,
      Fees,
      NotFound,
    ],
    variant,
  );
  mount(router);
}

boot();
