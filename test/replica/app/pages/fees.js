// 团费交纳情况: a page the extension does not know; its table shares 姓名 and 入团时间 with the
// member lists, so only page recognition keeps the extension off it.
import { api } from '../api.js';

export const Fees = {
  name: 'Fees',
  data: () => ({ list: [], total: 0, pageNo: 1, pageSize: 10, loading: false }),
  created() {
    this.load();
  },
  methods: {
    async load() {
      this.loading = true;
      try {
        const r = await api('tuanfei/list', { pageNo: this.pageNo, pageSize: this.pageSize });
        this.list = r.list;
        this.total = r.total;
      } finally {
        this.loading = false;
      }
    },
  },
  template: `
  <div class="page">
    <el-alert title="团费按月交纳，学生团员每月0.2元。" type="info" :closable="false" show-icon class="page-tip" />
    <el-table :data="list" v-loading="loading" border stripe>
      <el-table-column type="index" label="序号" width="60" />
      <el-table-column prop="name" label="姓名" min-width="100" />
      <el-table-column prop="joinLeagueTime" label="入团时间" min-width="120" />
      <el-table-column prop="month" label="交纳月份" min-width="100" />
      <el-table-column prop="amount" label="金额（元）" min-width="100" />
      <el-table-column label="状态" min-width="90">
        <template #default="{ row }"><el-tag size="small" :type="row.status === '已交纳' ? 'success' : 'warning'">{{ row.status }}</el-tag></template>
      </el-table-column>
    </el-table>
    <el-pagination background layout="total, prev, pager, next" :total="total" :current-page.sync="pageNo" :page-size="pageSize" @current-change="load" class="pager" />
  </div>`,
};
