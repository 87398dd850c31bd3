// 操作中心: messages, the 所有类型 filter, 审批 of 团员电子档案审批 items, and the feedback an
// uploader receives (§3.2.1, §3.3.1).
import { api, session } from '../api.js';
import { AuditDialog } from './auditDialog.js';

const AUDIT = 11;

export const OperationCenter = {
  name: 'OperationCenter',
  components: { AuditDialog },
  data: () => ({
    list: [],
    total: 0,
    pageNo: 1,
    messageType: -1,
    types: [{ value: -1, label: '所有类型' }],
    loading: false,
    auditing: null,
    reading: null,
  }),
  created() {
    this.load();
  },
  methods: {
    async load() {
      this.loading = true;
      try {
        const r = await api('message/list', { messageType: this.messageType, pageNo: this.pageNo, pageSize: 10 });
        this.list = r.list;
        this.total = r.total;
        this.types = r.types;
        session.unhandled = r.unhandled;
      } finally {
        this.loading = false;
      }
    },
    filter() {
      this.pageNo = 1;
      this.load();
    },
    typeLabel(t) {
      const found = this.types.find((x) => x.value === t);
      return found ? found.label : '';
    },
    handleText: (m) => (m.handleStatus === 0 ? '未处理' : m.handleStatus === 3 ? '已处理' : '无需处理'),
    async open(m) {
      if (m.messageType === AUDIT && m.handleStatus === 0) {
        this.auditing = m.businessId;
      } else {
        this.reading = m;
      }
      if (m.readStatus === 0) {
        await api('message/read', { messageId: m.messageId }, { quiet: true }).catch(() => {});
        m.readStatus = 1;
      }
    },
  },
  template: `
  <div class="page operation-center">
    <el-form :inline="true" size="small" class="search-form">
      <el-form-item label="消息类型">
        <el-select v-model="messageType" @change="filter" class="type-filter">
          <el-option v-for="t in types" :key="t.value" :value="t.value" :label="t.label" />
        </el-select>
      </el-form-item>
    </el-form>
    <el-table :data="list" v-loading="loading" border :row-class-name="({ row }) => (row.readStatus === 0 ? 'unread' : '')">
      <el-table-column label="类型" min-width="130"><template #default="{ row }">{{ typeLabel(row.messageType) }}</template></el-table-column>
      <el-table-column label="标题" min-width="200">
        <template #default="{ row }"><span v-if="row.readStatus === 0" class="unread-dot"></span>{{ row.messageTitle }}</template>
      </el-table-column>
      <el-table-column prop="messageContent" label="内容" min-width="260" show-overflow-tooltip />
      <el-table-column prop="senderLeagueFullName" label="发送方" min-width="200" />
      <el-table-column prop="createTime" label="时间" width="160" />
      <el-table-column label="状态" width="90"><template #default="{ row }">{{ handleText(row) }}</template></el-table-column>
      <el-table-column label="操作" width="90">
        <template #default="{ row }">
          <el-button type="text" @click="open(row)">{{ row.messageType === 11 && row.handleStatus === 0 ? '审批' : '查看' }}</el-button>
        </template>
      </el-table-column>
    </el-table>
    <el-pagination background layout="total, prev, pager, next" :total="total" :current-page.sync="pageNo" :page-size="10" @current-change="load" class="pager" />
    <audit-dialog v-if="auditing" :record-id="auditing" @close="auditing = null" @done="load" />
    <el-dialog v-if="reading" :title="reading.messageTitle" :visible="true" width="560px" @close="reading = null" custom-class="message-dialog">
      <p class="message-content">{{ reading.messageContent }}</p>
      <p class="message-meta">{{ reading.senderLeagueFullName }} · {{ reading.createTime }}</p>
    </el-dialog>
  </div>`,
};
