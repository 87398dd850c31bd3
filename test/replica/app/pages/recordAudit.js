// 业务办理 → 下级团员电子档案审批 (§3.3.2).
import { api } from '../api.js';
import { fmtDate } from '../format.js';
import { AuditDialog } from './auditDialog.js';

const STATUS = { 1: '待审批', 2: '已通过', 3: '未通过' };

export const RecordAudit = {
  name: 'RecordAudit',
  components: { AuditDialog },
  data: () => ({
    list: [],
    total: 0,
    pageNo: 1,
    pageSize: 10,
    loading: false,
    filters: { name: '', status: -1 },
    auditing: null,
  }),
  created() {
    this.load();
  },
  methods: {
    fmtDate,
    statusText: (s) => STATUS[s] || '已终止',
    statusType: (s) => (s === 1 ? 'warning' : s === 2 ? 'success' : 'danger'),
    async load() {
      this.loading = true;
      try {
        const r = await api('memberRecord/auditList', {
          pageNo: this.pageNo,
          pageSize: this.pageSize,
          ...this.filters,
        });
        this.list = r.list;
        this.total = r.total;
      } finally {
        this.loading = false;
      }
    },
    search() {
      this.pageNo = 1;
      this.load();
    },
  },
  template: `
  <div class="page">
    <el-form :inline="true" size="small" class="search-form" @submit.native.prevent="search">
      <el-form-item label="姓名"><el-input v-model="filters.name" placeholder="请输入姓名" clearable /></el-form-item>
      <el-form-item label="审批状态">
        <el-select v-model="filters.status">
          <el-option :value="-1" label="全部" /><el-option :value="1" label="待审批" /><el-option :value="2" label="已通过" /><el-option :value="3" label="未通过" />
        </el-select>
      </el-form-item>
      <el-form-item><el-button type="primary" icon="el-icon-search" native-type="submit">查询</el-button></el-form-item>
    </el-form>
    <el-table :data="list" v-loading="loading" border stripe>
      <el-table-column label="姓名" min-width="90"><template #default="{ row }">{{ row.member.name }}</template></el-table-column>
      <el-table-column label="发展团员编号" min-width="140"><template #default="{ row }">{{ row.member.userCode }}</template></el-table-column>
      <el-table-column label="入团时间" min-width="110"><template #default="{ row }">{{ fmtDate(row.member.joinLeagueTime) }}</template></el-table-column>
      <el-table-column label="所在团组织" min-width="220"><template #default="{ row }">{{ row.member.leagueFullName }}</template></el-table-column>
      <el-table-column prop="createTime" label="上传时间" min-width="160" />
      <el-table-column label="审批状态" width="100"><template #default="{ row }"><el-tag size="small" :type="statusType(row.status)">{{ statusText(row.status) }}</el-tag></template></el-table-column>
      <el-table-column label="操作" width="100">
        <template #default="{ row }">
          <el-button v-if="row.status === 1" type="text" @click="auditing = row.recordId">审批</el-button>
          <el-button v-else type="text" @click="auditing = row.recordId">查看</el-button>
        </template>
      </el-table-column>
    </el-table>
    <el-pagination background layout="total, prev, pager, next" :total="total" :current-page.sync="pageNo" :page-size="pageSize" @current-change="load" class="pager" />
    <audit-dialog v-if="auditing" :record-id="auditing" @close="auditing = null" @done="load" />
  </div>`,
};
