// The member detail view (shows the 身份证号, §4.6) and the approval steps behind the status icon.
import { api } from '../api.js';
import { CERT_WORDS, fmtDate } from '../format.js';

const fileUrl = (fileId) => `/v1/center/memberRecord/file?fileId=${fileId}`;

export const MemberDetail = {
  name: 'MemberDetail',
  props: { userId: { type: String, required: true } },
  emits: ['close'],
  data: () => ({ visible: true, m: null }),
  async created() {
    this.m = await api('tuanyuan/detail', { userId: this.userId });
  },
  methods: { fmtDate, cert: (s) => CERT_WORDS[s] },
  template: `
  <el-dialog title="团员信息" :visible.sync="visible" width="640px" @closed="$emit('close')" custom-class="member-detail">
    <el-descriptions v-if="m" :column="2" border size="small">
      <el-descriptions-item label="姓名">{{ m.name }}</el-descriptions-item>
      <el-descriptions-item label="性别">{{ m.sex }}</el-descriptions-item>
      <el-descriptions-item label="民族">{{ m.nation }}</el-descriptions-item>
      <el-descriptions-item label="身份证号">{{ m.identityCardNo }}</el-descriptions-item>
      <el-descriptions-item label="手机号码">{{ m.mobile }}</el-descriptions-item>
      <el-descriptions-item label="发展团员编号">{{ m.userCode }}</el-descriptions-item>
      <el-descriptions-item label="入团时间">{{ fmtDate(m.joinLeagueTime) }}</el-descriptions-item>
      <el-descriptions-item label="团员身份认证">{{ cert(m.archiveState) }}</el-descriptions-item>
      <el-descriptions-item label="所在团组织" :span="2">{{ m.leagueFullName }}</el-descriptions-item>
    </el-descriptions>
    <div v-if="m && m.steps.length" class="detail-files">
      <div class="section-title">电子档案</div>
      <div v-for="s in m.steps" :key="s.recordId" class="detail-file">
        {{ s.createTime }} 上传
        <el-link type="primary" :href="'/v1/center/memberRecord/file?fileId=' + s.fileId" target="_blank" v-if="s.fileId">查看</el-link>
      </div>
    </div>
  </el-dialog>`,
};

const STEP_TEXT = { 1: '待上级团委审批', 2: '审批通过', 3: '审批未通过' };

export const StatusSteps = {
  name: 'StatusSteps',
  props: { member: { type: Object, required: true } },
  emits: ['close'],
  data: () => ({ visible: true, steps: [] }),
  async created() {
    this.steps = (await api('memberRecord/steps', { userId: this.member.userId })).steps;
  },
  methods: {
    text: (s) => (s.approverLeagueName === null ? '上传成功（无需审批）' : STEP_TEXT[s.status]),
    type: (s) => (s.status === 2 ? 'success' : s.status === 3 ? 'danger' : 'warning'),
    fileUrl,
  },
  template: `
  <el-dialog :title="'审批状态：' + member.name" :visible.sync="visible" width="520px" @closed="$emit('close')" custom-class="status-steps">
    <el-timeline>
      <el-timeline-item v-for="s in steps" :key="s.recordId" :timestamp="s.auditTime || s.createTime" :type="type(s)">
        <div><b>{{ text(s) }}</b></div>
        <div class="step-line">{{ s.uploaderLeagueName }} 于 {{ s.createTime }} 上传</div>
        <div class="step-line" v-if="s.approverLeagueName">审批组织：{{ s.approverLeagueName }}</div>
        <div class="step-line" v-if="s.auditOpinion">审批意见：{{ s.auditOpinion }}</div>
      </el-timeline-item>
    </el-timeline>
  </el-dialog>`,
};
