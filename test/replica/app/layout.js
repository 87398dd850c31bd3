// 管理中心's frame: the blue header, the left el-menu and the 当前位置 breadcrumb.
import { api, session } from './api.js';

export const Layout = {
  name: 'Layout',
  computed: {
    user: () => session.user,
    unhandled: () => session.unhandled,
    crumbs() {
      return this.$route.meta.crumbs || [];
    },
    active() {
      return this.$route.meta.menu || this.$route.path;
    },
    isCommittee() {
      return session.user && (session.user.leagueType === '03TW' || session.user.leagueType === '04TGW');
    },
  },
  created() {
    this.refreshBadge();
  },
  watch: {
    $route() {
      this.refreshBadge();
    },
  },
  methods: {
    async refreshBadge() {
      try {
        const r = await api('message/list', { messageType: -1, pageNo: 1, pageSize: 1 }, { quiet: true });
        session.unhandled = r.unhandled;
      } catch {
        /* the session check handles 1009 */
      }
    },
    async logout() {
      try {
        await api('logout');
      } finally {
        session.user = null;
        session.csrfToken = null;
        this.$router.push('/zhtj/signin');
      }
    },
  },
  template: `
  <el-container class="zhtj-layout">
    <el-header class="zhtj-header" height="60px">
      <div class="brand"><span class="logo">团</span><span class="brand-name">智慧团建</span><span class="brand-sub">管理中心</span></div>
      <div class="top-tabs">
        <router-link to="/zhtj/center/home" class="top-tab" :class="{ on: !$route.path.startsWith('/zhtj/center/operationcenter') }">管理中心</router-link>
        <router-link to="/zhtj/center/operationcenter" class="top-tab" :class="{ on: $route.path.startsWith('/zhtj/center/operationcenter') }">
          操作中心<el-badge v-if="unhandled" :value="unhandled" class="top-badge" />
        </router-link>
      </div>
      <div class="who" v-if="user">
        <i class="el-icon-office-building"></i> {{ user.leagueFullName }}
        <span class="sep">|</span>
        <i class="el-icon-user"></i> {{ user.displayName }}
        <el-button type="text" class="logout" @click="logout">退出</el-button>
      </div>
    </el-header>
    <el-container class="zhtj-body">
      <el-aside width="220px" class="zhtj-aside">
        <el-menu :default-active="active" router :default-openeds="['member', 'cadre', 'business', 'fee']" background-color="#ffffff" text-color="#303133" active-text-color="#1d62c9">
          <el-menu-item index="/zhtj/center/home"><i class="el-icon-s-home"></i><template #title><span>首页</span></template></el-menu-item>
          <el-submenu index="member">
            <template #title><i class="el-icon-user-solid"></i><span>团员管理</span></template>
            <el-menu-item index="/zhtj/center/tuanyuan/add">团员录入</el-menu-item>
            <el-menu-item index="/zhtj/center/tuanyuan/recordlist">团员电子数据库</el-menu-item>
            <el-menu-item v-if="user && user.hasSubordinates" index="/zhtj/center/tuanyuantw/memberlist">下级支部团员电子数据库</el-menu-item>
          </el-submenu>
          <el-submenu index="cadre">
            <template #title><i class="el-icon-s-custom"></i><span>团干部管理</span></template>
            <el-menu-item index="/zhtj/center/tuangan/recordlist">本级团干部电子数据库</el-menu-item>
          </el-submenu>
          <el-submenu index="business">
            <template #title><i class="el-icon-s-order"></i><span>业务办理</span></template>
            <el-menu-item v-if="isCommittee" index="/zhtj/center/manage/memberrecordaudit">下级团员电子档案审批</el-menu-item>
            <el-menu-item index="/zhtj/center/manage/managetransfer">组织关系转接</el-menu-item>
          </el-submenu>
          <el-submenu index="fee">
            <template #title><i class="el-icon-wallet"></i><span>团费管理</span></template>
            <el-menu-item index="/zhtj/center/tuanfei/paylist">团费交纳情况</el-menu-item>
          </el-submenu>
        </el-menu>
      </el-aside>
      <el-main class="zhtj-main">
        <div class="crumb-bar">
          <span class="crumb-label">当前位置:</span>
          <el-breadcrumb separator=">">
            <el-breadcrumb-item v-for="(c, i) in crumbs" :key="i">{{ c }}</el-breadcrumb-item>
          </el-breadcrumb>
        </div>
        <div class="zhtj-content">
          <router-view :key="$route.path" />
        </div>
      </el-main>
    </el-container>
  </el-container>`,
};
