// 管理中心 首页. After sign-in it shows the host's prompts (§3.2 note, §4.3) while they apply.
import { api, session } from '../api.js';
import { ORG_TYPE_NAMES } from '../format.js';

export const Home = {
  name: 'Home',
  data: () => ({ promptVisible: false, messages: [] }),
  computed: {
    user: () => session.user,
    prompts() {
      const p = (session.user && session.user.prompts) || {};
      return [p.archiveNotUploaded, p.identityUncertified].filter(Boolean);
    },
    orgType() {
      return session.user ? ORG_TYPE_NAMES[session.user.leagueType] || session.user.leagueType : '';
    },
  },
  async created() {
    if (this.prompts.length && !sessionStorage.getItem('zhtj-prompted')) {
      sessionStorage.setItem('zhtj-prompted', '1');
      this.promptVisible = true;
    }
    try {
      this.messages = (await api('message/list', { messageType: -1, pageNo: 1, pageSize: 5 }, { quiet: true })).list;
    } catch {
      /* shown elsewhere */
    }
  },
  methods: {
    go(path) {
      this.promptVisible = false;
      this.$router.push(path);
    },
  },
  template: `
  <div class="home-page">
    <el-row :gutter="16">
      <el-col :span="14">
        <el-card shadow="never" class="home-card">
          <template #header><div><b>本组织信息</b></div></template>
          <el-descriptions :column="1" border size="medium" v-if="user">
            <el-descriptions-item label="团组织名称">{{ user.leagueFullName }}</el-descriptions-item>
            <el-descriptions-item label="组织类型">{{ orgType }}</el-descriptions-item>
            <el-descriptions-item label="管理员">{{ user.displayName }}</el-descriptions-item>
          </el-descriptions>
        </el-card>
      </el-col>
      <el-col :span="10">
        <el-card shadow="never" class="home-card">
          <template #header><div><b>快捷入口</b></div></template>
          <div class="quick-links">
            <el-button icon="el-icon-plus" @click="go('/zhtj/center/tuanyuan/add')">团员录入</el-button>
            <el-button icon="el-icon-folder-opened" @click="go('/zhtj/center/tuanyuan/recordlist')">团员电子数据库</el-button>
            <el-button icon="el-icon-bell" @click="go('/zhtj/center/operationcenter')">操作中心</el-button>
          </div>
        </el-card>
      </el-col>
    </el-row>
    <el-card shadow="never" class="home-card">
      <template #header><div><b>最新消息</b></div></template>
      <el-table :data="messages" size="small">
        <el-table-column prop="messageTitle" label="标题" min-width="220" />
        <el-table-column prop="senderLeagueFullName" label="发送方" min-width="200" />
        <el-table-column prop="createTime" label="时间" width="170" />
      </el-table>
    </el-card>
    <el-dialog title="提示" :visible.sync="promptVisible" width="420px" custom-class="login-prompt" append-to-body>
      <p v-for="p in prompts" :key="p" class="prompt-line"><i class="el-icon-warning"></i> {{ p }}</p>
      <template #footer><span>
        <el-button @click="promptVisible = false">我知道了</el-button>
        <el-button type="primary" @click="go('/zhtj/center/tuanyuan/recordlist')">立即查看</el-button>
      </span></template>
    </el-dialog>
  </div>`,
};
