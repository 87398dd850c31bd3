// 上传档案 / 替换档案: Element's el-upload (a real input[type=file]) posting the form the back end
// expects: leagueId, userId, name, userCode and the file as `recordfile`.
import { expired, session } from '../api.js';
import { fmtDate } from '../format.js';

export const UploadDialog = {
  name: 'UploadDialog',
  props: { member: { type: Object, required: true }, replace: Boolean },
  emits: ['close', 'uploaded'],
  data: () => ({ visible: true, files: [], busy: false }),
  computed: {
    /** The uploadDrag variant: Element's drag area instead of the 选取文件 button. */
    drag: () => Boolean(session.variant && session.variant.uploadDrag),
    title() {
      return this.replace ? '替换档案' : '上传档案';
    },
    headers: () => ({ 'X-CSRF-Token': session.csrfToken || '' }),
    fields() {
      const m = this.member;
      return { leagueId: m.leagueId, userId: m.userId, name: m.name, userCode: m.userCode };
    },
  },
  methods: {
    fmtDate,
    onChange(file, list) {
      this.files = list;
    },
    onRemove(file, list) {
      this.files = list;
    },
    onExceed() {
      this.$message.warning('只能上传1份PDF文件，请先移除已选文件');
    },
    submit() {
      if (!this.files.length) return this.$message.warning('请选择要上传的文件');
      this.busy = true;
      this.$refs.upload.submit();
    },
    onSuccess(res) {
      this.busy = false;
      if (res.retCode === 1000) {
        this.$message.success(res.results.needsApproval ? '上传成功，请等待上级团委审批' : '上传成功');
        this.$emit('uploaded');
        return;
      }
      this.$refs.upload.clearFiles();
      this.files = [];
      if (res.retCode === 1009) return expired(res.retMsg);
      this.$message.error(res.retMsg);
    },
    onError() {
      this.busy = false;
      this.$message.error('上传失败，请检查网络后重试');
    },
  },
  template: `
  <el-dialog :title="title" :visible.sync="visible" width="560px" @closed="$emit('close')" custom-class="upload-dialog" :close-on-click-modal="false">
    <el-descriptions :column="2" border size="small" class="upload-member">
      <el-descriptions-item label="姓名">{{ member.name }}</el-descriptions-item>
      <el-descriptions-item label="发展团员编号">{{ member.userCode }}</el-descriptions-item>
      <el-descriptions-item label="入团时间">{{ fmtDate(member.joinLeagueTime) }}</el-descriptions-item>
      <el-descriptions-item label="所在团组织">{{ member.leagueName }}</el-descriptions-item>
    </el-descriptions>
    <el-upload ref="upload" class="record-upload" action="/v1/center/memberRecord/upload" name="recordfile" accept=".pdf"
      :data="fields" :headers="headers" :auto-upload="false" :limit="1" :on-change="onChange" :on-remove="onRemove"
      :on-exceed="onExceed" :on-success="onSuccess" :on-error="onError" :drag="drag">
      <template v-if="drag"><i class="el-icon-upload"></i><div class="el-upload__text">将文件拖到此处，或<em>点击上传</em></div></template>
      <template v-if="!drag" #trigger><el-button size="small" type="primary" icon="el-icon-folder-opened">选取文件</el-button></template>
      <template #tip><div class="el-upload__tip">请上传1份PDF格式的团员电子版《入团志愿书》，文件大小不超过20M</div></template>
    </el-upload>
    <template #footer><span>
      <el-button @click="visible = false">取消</el-button>
      <el-button type="primary" :loading="busy" @click="submit">确定上传</el-button>
    </span></template>
  </el-dialog>`,
};
