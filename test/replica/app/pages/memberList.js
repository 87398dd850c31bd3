// 团员电子数据库, 下级支部团员电子数据库 and 本级团干部电子数据库: one list with the guide's
// columns, search by 姓名 / 身份证号 / 发展团员编号, pagination, 上传档案 / 替换档案, the status icon.
import { api, loadVariant, session } from '../api.js';
import { CERT_WORDS, STATUS_TIPS, fmtDate, ws } from '../format.js';
import { memberColumns } from './columns.js';
import { icon } from '../kit.js';
import { UploadDialog } from './uploadDialog.js';
import { MemberDetail, StatusSteps } from './memberDetail.js';

const API = { own: 'tuanyuan/list', sub: 'tuanyuantw/list', cadre: 'tuangan/list' };
const STATUS_ICONS = { pending: icon('time'), rejected: icon('circle-close'), certified: icon('circle-check') };

export const MemberList = {
  name: 'MemberList',
  components: { UploadDialog, MemberDetail, StatusSteps },
  props: { scope: { type: String, required: true } },
  data: () => ({
    list: [],
    total: 0,
    pageNo: 1,
    pageSize: 10,
    loading: true,
    ready: false,
    filters: { name: '', identityCardNo: '', userCode: '', leagueId: '' },
    orgs: [],
    uploadFor: null,
    detailFor: null,
    stepsFor: null,
  }),
  computed: {
    variant: () => session.variant || {},
    columns() {
      return memberColumns(this.scope, this.variant);
    },
    pageSizes() {
      return this.variant.bigPage ? [10, 20, 50, 100, 1000] : [10, 20, 50, 100];
    },
  },
  async created() {
    await loadVariant();
    this.pageSize = this.variant.bigPage ? 1000 : 10;
    this.ready = true;
    if (this.scope === 'sub') this.loadOrgs();
    this.load();
  },
  methods: {
    certWord(row) {
      return ws(CERT_WORDS[row.archiveState] || '');
    },
    statusIcon: (row) => STATUS_ICONS[row.archiveState],
    statusTip: (row) => STATUS_TIPS[row.archiveState],
    fmtDate,
    ws,
    async loadOrgs() {
      const r = await api('getorgtree');
      this.orgs = r.leagueList.filter((o) => o.leagueId !== session.user.leagueId);
    },
    async load() {
      this.loading = true;
      try {
        const body = { pageNo: this.pageNo, pageSize: this.pageSize, ...this.filters };
        const r = await api(API[this.scope], body);
        this.list = r.list;
        this.total = r.total;
      } catch {
        this.list = [];
      } finally {
        this.loading = false;
      }
    },
    search() {
      this.pageNo = 1;
      this.load();
    },
    resetFilters() {
      this.filters = { name: '', identityCardNo: '', userCode: '', leagueId: '' };
      this.search();
    },
    sizeChange(size) {
      this.pageSize = size;
      this.search();
    },
    uploaded() {
      this.uploadFor = null;
      this.load();
    },
  },
  template: `
  <div class="page member-list">
    <el-form :inline="true" :model="filters" class="search-form" size="small" @submit.native.prevent="search">
      <el-form-item label="姓名"><el-input v-model="filters.name" placeholder="请输入姓名" clearable /></el-form-item>
      <el-form-item label="身份证号"><el-input v-model="filters.identityCardNo" placeholder="请输入身份证号" clearable /></el-form-item>
      <el-form-item label="发展团员编号"><el-input v-model="filters.userCode" placeholder="请输入发展团员编号" clearable /></el-form-item>
      <el-form-item v-if="scope === 'sub'" label="所在团组织">
        <el-select v-model="filters.leagueId" placeholder="全部" clearable>
          <el-option v-for="o in orgs" :key="o.leagueId" :label="o.leagueName" :value="o.leagueId" />
        </el-select>
      </el-form-item>
      <el-form-item>
        <el-button type="primary" icon="el-icon-search" native-type="submit">查询</el-button>
        <el-button icon="el-icon-refresh-left" @click="resetFilters">重置</el-button>
      </el-form-item>
    </el-form>
    <el-alert v-if="scope !== 'sub'" type="info" :closable="false" show-icon class="page-tip"
      title="2020年及以后新发展的团员，须在上级团委审批同意入团后30日内上传电子版《入团志愿书》（PDF格式，不超过20M）。" />
    <el-table v-if="ready" :data="list" v-loading="loading" element-loading-text="拼命加载中" border stripe row-key="userId" class="member-table">
      <el-table-column v-for="col in columns" :key="col.key" :label="col.label" :width="col.width" :min-width="col.minWidth" :fixed="col.fixed">
        <template #default="{ row, $index }">
          <span v-if="col.key === 'index'">{{ (pageNo - 1) * pageSize + $index + 1 }}</span>
          <span v-else-if="col.key === 'name'">{{ ws(row.name) }}</span>
          <span v-else-if="col.key === 'politics'">共青团员</span>
          <span v-else-if="col.key === 'sex'">{{ row.sex }}</span>
          <span v-else-if="col.key === 'userCode'">{{ ws(row.userCode) }}</span>
          <span v-else-if="col.key === 'joinLeagueTime'">{{ ws(fmtDate(row.joinLeagueTime)) }}</span>
          <span v-else-if="col.key === 'league'">{{ row.leagueFullName }}</span>
          <span v-else-if="col.key === 'post'">{{ row.cadrePost }}</span>
          <span v-else-if="col.key === 'nation'">{{ row.nation }}</span>
          <span v-else-if="col.key === 'mobile'">{{ row.mobile }}</span>
          <span v-else-if="col.key === 'idCard'">{{ row.identityCardNo }}</span>
          <span v-else-if="col.key === 'auth'" :class="'auth-' + row.archiveState">{{ certWord(row) }}</span>
          <span v-else-if="col.key === 'upload'" class="upload-cell">
            <template v-if="row.archiveState === 'exempt'">{{ ws('--') }}</template>
            <template v-else-if="row.archiveState === 'none'">
              <span>{{ ws('否') }}</span>
              <el-button type="text" size="mini" @click="uploadFor = { member: row, replace: false }">上传档案</el-button>
            </template>
            <template v-else-if="row.archiveState === 'rejected'">
              <span>{{ ws('是') }}</span>
              <el-button type="text" size="mini" class="replace" @click="uploadFor = { member: row, replace: true }">替换档案</el-button>
            </template>
            <span v-else>{{ ws('是') }}</span>
          </span>
          <span v-else-if="col.key === 'actions'" class="action-cell">
            <el-button type="text" icon="el-icon-view" title="查看" @click="detailFor = row" />
            <el-tooltip v-if="statusIcon(row)" :content="statusTip(row)" placement="top">
              <el-button type="text" :icon="statusIcon(row)" :class="'status-icon is-' + row.archiveState" @click="stepsFor = row" />
            </el-tooltip>
          </span>
        </template>
      </el-table-column>
    </el-table>
    <el-pagination background layout="total, sizes, prev, pager, next, jumper" :total="total" :page-sizes="pageSizes"
      :page-size="pageSize" :current-page.sync="pageNo" @size-change="sizeChange" @current-change="load" class="pager" />
    <upload-dialog v-if="uploadFor" :member="uploadFor.member" :replace="uploadFor.replace" @close="uploadFor = null" @uploaded="uploaded" />
    <member-detail v-if="detailFor" :user-id="detailFor.userId" @close="detailFor = null" />
    <status-steps v-if="stepsFor" :member="stepsFor" @close="stepsFor = null" />
  </div>`,
};
