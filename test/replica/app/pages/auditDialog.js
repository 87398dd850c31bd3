// The 审批 dialog (§3.3.1): the member's basic info, the PDF to view and download, and 同意 /
// 不同意 — 不同意 needs a written reason for the organisation below.
import { api } from '../api.js';
import { CERT_WORDS, fmtDate } from '../format.js';

export const AuditDialog = {
  name: 'AuditDialog',
  props: { recordId: { type: String, required: true } },
  emits: ['close', 'done'],
  data: () => ({ visible: true, r: null, opinion: '', busy: false, preview: false }),
  async created() {
    this.r = await api('memberRecord/detail', { recordId: this.recordId });
  },
  computed: {
    open() {
      return this.r && this.r.status === 1;
    },
  },
  methods: {
    fmtDate,
    cert: (s) => CERT_WORDS[s],
    async decide(result) {
      if (result === 0 && !this.opinion.trim()) return this.$message.warning('请填写不同意的理由');
      this.busy = true;
      try {
        await api('memberRecord/audit', {
          recordId: this.recordId,
          auditResult: result,
          auditOpinion: this.opinion.trim(),
        });
        this.$message.success('审批成功');
        this.$emit('done');
        this.visible = false;
      } catch {
        /* shown by api() */
      } finally {
        this.busy = false;
      }
    },
  },
  template: `
  <el-dialog title="团员电子档案审批" :visible.sync="visible" width="860px" top="5vh" @closed="$emit('close')" custom-class="audit-dialog" :close-on-click-modal="false">
    <div v-if="r">
      <div class="section-title">基本信息</div>
      <el-descriptions :column="2" border size="small">
        <el-descriptions-item label="姓名">{{ r.member.name }}</el-descriptions-item>
        <el-descriptions-item label="性别">{{ r.member.sex }}</el-descriptions-item>
        <el-descriptions-item label="身份证号">{{ r.identityCardNo }}</el-descriptions-item>
        <el-descriptions-item label="发展团员编号">{{ r.member.userCode }}</el-descriptions-item>
        <el-descriptions-item label="入团时间">{{ fmtDate(r.member.joinLeagueTime) }}</el-descriptions-item>
        <el-descriptions-item label="团员身份认证">{{ cert(r.member.archiveState) }}</el-descriptions-item>
        <el-descriptions-item label="所在团组织" :span="2">{{ r.member.leagueFullName }}</el-descriptions-item>
        <el-descriptions-item label="上传组织" :span="2">{{ r.uploaderLeagueFullName }}，{{ r.createTime }}</el-descriptions-item>
      </el-descriptions>
      <div class="section-title">电子版《入团志愿书》</div>
      <div class="audit-file">
        <i class="el-icon-document"></i> {{ r.fileName }}
        <el-link type="primary" :href="r.fileUrl" target="_blank" class="file-view">查看</el-link>
        <el-link type="primary" :href="r.fileUrl + '&download=1'" :download="r.fileName" class="file-download">下载</el-link>
        <el-link type="primary" class="file-preview" @click="preview = !preview">{{ preview ? '收起预览' : '在线预览' }}</el-link>
      </div>
      <iframe v-if="preview" class="audit-preview" :src="r.fileUrl" title="电子档案预览"></iframe>
      <template v-if="open">
        <div class="section-title">审批意见</div>
        <el-input type="textarea" v-model="opinion" :rows="3" maxlength="500" show-word-limit placeholder="如不同意，须写明理由，反馈给下级团组织" />
      </template>
      <div v-else class="audit-result">
        审批结果：<b>{{ r.auditResult === 1 ? '同意' : r.auditResult === 0 ? '不同意' : '已终止' }}</b>
        <span v-if="r.auditOpinion">，审批意见：{{ r.auditOpinion }}</span>
      </div>
    </div>
    <template v-if="open" #footer><span>
      <el-button @click="visible = false">取消</el-button>
      <el-button type="danger" :loading="busy" @click="decide(0)">不同意</el-button>
      <el-button type="primary" :loading="busy" @click="decide(1)">同意</el-button>
    </span></template>
  </el-dialog>`,
};
