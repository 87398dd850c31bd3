// The replica's sign-in page. The real one has a captcha and SMS checks; the replica lists its
// demo accounts instead.
import { api, loadUser, session } from '../api.js';

export const SignIn = {
  name: 'SignIn',
  data: () => ({ form: { username: '', password: '' }, accounts: [], busy: false }),
  async created() {
    const res = await fetch('/v1/center/demoAccounts', { method: 'POST' });
    this.accounts = (await res.json()).results.accounts;
  },
  methods: {
    pick(a) {
      this.form.username = a.username;
      this.form.password = a.password;
    },
    async submit() {
      if (!this.form.username || !this.form.password) return this.$message.warning('请输入账号和密码');
      this.busy = true;
      try {
        const r = await api('login', this.form);
        session.csrfToken = r.csrfToken;
        await loadUser();
        sessionStorage.removeItem('zhtj-prompted');
        const redirect = this.$route.query.redirect;
        this.$router.push(
          typeof redirect === 'string' && redirect.startsWith('/zhtj/center/') ? redirect : '/zhtj/center/home',
        );
      } catch {
        /* the message is already shown */
      } finally {
        this.busy = false;
      }
    },
  },
  template: `
  <div class="signin-page">
    <div class="signin-brand"><span class="logo big">团</span><div><div class="signin-title">智慧团建</div><div class="signin-sub">共青团组织管理系统 · 演示环境</div></div></div>
    <el-card class="signin-card" shadow="always">
      <template #header><div class="signin-card-title">管理员登录</div></template>
      <el-form :model="form" label-width="0" @submit.native.prevent="submit">
        <el-form-item><el-input v-model="form.username" placeholder="请输入账号" prefix-icon="el-icon-user" /></el-form-item>
        <el-form-item><el-input v-model="form.password" placeholder="请输入密码" prefix-icon="el-icon-lock" show-password @keyup.enter.native="submit" /></el-form-item>
        <el-form-item><el-button type="primary" class="signin-button" :loading="busy" native-type="submit">登录</el-button></el-form-item>
      </el-form>
      <div class="demo-accounts">
        <div class="demo-accounts-title">演示账号（密码均为 demo1234，点击填入）</div>
        <el-table :data="accounts" size="mini" :show-header="false" @row-click="pick" class="demo-account-table">
          <el-table-column prop="username" width="60" />
          <el-table-column prop="displayName" min-width="150" />
          <el-table-column prop="role" min-width="220" />
        </el-table>
      </div>
    </el-card>
  </div>`,
};
