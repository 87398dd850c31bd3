// 组织关系转接: 发起转接 for the organisation's members (refused by the back end for uncertified
// members who owe an archive, §4.4), and the list of transfers (转接办理).
import { api } from '../api.js';
import { CERT_WORDS, fmtDate } from '../format.js';

const TABS = `
  <el-tabs :value="tab" @tab-click="(t) => $router.push(t.paneName)" class="transfer-tabs">
    <el-tab-pane label="发起转接" name="/zhtj/center/manage/managetransfer" />
    <el-tab-pane label="转接办理" name="/zhtj/center/manage/managetransferprocessdo" />
  </el-tabs>`;

export const Transfer = {
  name: 'Transfer',
  data: () => ({
    list: [],
    total: 0,
    pageNo: 1,
    loading: false,
    applying: null,
    form: { toLeagueName: '', reason: '升学' },
    busy: false,
  }),
  computed: { tab: () => '/zhtj/center/manage/managetransfer' },
  created() {
    this.load();
  },
  methods: {
    fmtDate,
    cert: (s) => CERT_WORDS[s],
    async load() {
      this.loading = true;
      try {
        const r = await api('tuanyuan/list', { pageNo: this.pageNo, pageSize: 10 });
        this.list = r.list;
        this.total = r.total;
      } finally {
        this.loading = false;
      }
    },
    start(row) {
      this.applying = row;
      this.form = { toLeagueName: '', reason: '升学' };
    },
    async submit() {
      if (!this.form.toLeagueName.trim()) return this.$message.warning('请填写转入团组织');
      this.busy = true;
      try {
        await api('transfer/apply', { userId: this.applying.userId, ...this.form });
        this.$message.success('转接申请已提交，等待转入团组织办理');
        this.applying = null;
      } catch {
        /* the refusal shows as $message */
      } finally {
        this.busy = false;
      }
    },
  },
  template: `
  <div class="page">
    ${TABS}
    <el-alert type="warning" :closable="false" show-icon class="page-tip" title="毕业年级的新发展团员，须完成团员身份认证后再开展团组织关系转接工作。" />
    <el-table :data="list" v-loading="loading" border stripe>
      <el-table-column prop="name" label="姓名" min-width="90" />
      <el-table-column prop="userCode" label="发展团员编号" min-width="140" />
      <el-table-column label="入团时间" min-width="110"><template #default="{ row }">{{ fmtDate(row.joinLeagueTime) }}</template></el-table-column>
      <el-table-column label="团员身份认证" min-width="130"><template #default="{ row }">{{ cert(row.archiveState) }}</template></el-table-column>
      <el-table-column label="操作" width="110"><template #default="{ row }"><el-button type="text" @click="start(row)">发起转接</el-button></template></el-table-column>
    </el-table>
    <el-pagination background layout="total, prev, pager, next" :total="total" :current-page.sync="pageNo" :page-size="10" @current-change="load" class="pager" />
    <el-dialog v-if="applying" title="发起组织关系转接" :visible="true" width="480px" @close="applying = null" custom-class="transfer-dialog">
      <el-form label-width="100px" size="small">
        <el-form-item label="团员">{{ applying.name }}</el-form-item>
        <el-form-item label="转入团组织"><el-input v-model="form.toLeagueName" placeholder="请输入转入团组织名称" /></el-form-item>
        <el-form-item label="转接原因">
          <el-select v-model="form.reason"><el-option value="升学" label="升学" /><el-option value="就业" label="就业" /><el-option value="其他" label="其他" /></el-select>
        </el-form-item>
      </el-form>
      <template #footer><span><el-button @click="applying = null">取消</el-button><el-button type="primary" :loading="busy" @click="submit">提交</el-button></span></template>
    </el-dialog>
  </div>`,
};

export const TransferProcess = {
  name: 'TransferProcess',
  data: () => ({ list: [], total: 0, pageNo: 1, loading: false }),
  computed: { tab: () => '/zhtj/center/manage/managetransferprocessdo' },
  created() {
    this.load();
  },
  methods: {
    async load() {
      this.loading = true;
      try {
        const r = await api('transfer/list', { pageNo: this.pageNo, pageSize: 10 });
        this.list = r.list;
        this.total = r.total;
      } finally {
        this.loading = false;
      }
    },
  },
  template: `
  <div class="page">
    ${TABS}
    <el-table :data="list" v-loading="loading" border stripe>
      <el-table-column prop="name" label="姓名" min-width="90" />
      <el-table-column prop="applyTime" label="申请时间" min-width="160" />
      <el-table-column prop="finishTime" label="完成时间" min-width="160" />
      <el-table-column prop="fromLeagueFullName" label="转出团组织" min-width="220" />
      <el-table-column prop="toLeagueName" label="转入团组织" min-width="200" />
      <el-table-column prop="status" label="处理状态" width="100" />
      <el-table-column label="操作" width="80"><template #default><el-button type="text">查看</el-button></template></el-table-column>
    </el-table>
    <el-pagination background layout="total, prev, pager, next" :total="total" :current-page.sync="pageNo" :page-size="10" @current-change="load" class="pager" />
  </div>`,
};
