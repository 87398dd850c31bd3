// 团员录入: one member at a time, or a batch from the spreadsheet template. A batch with members
// who joined in 2020 or later prompts and jumps to 团员电子数据库 (§5.1).
import { api, expired, session } from '../api.js';

const LIST = '/zhtj/center/tuanyuan/recordlist';
const empty = () => ({
  name: '',
  sex: '男',
  nation: '汉族',
  identityCardNo: '',
  mobile: '',
  joinLeagueTime: '',
  userCode: '',
});

export const MemberEntry = {
  name: 'MemberEntry',
  data: () => ({ tab: 'single', form: empty(), busy: false, result: null }),
  computed: {
    headers: () => ({ 'X-CSRF-Token': session.csrfToken || '' }),
    rules: () => ({
      name: [{ required: true, message: '请输入姓名', trigger: 'blur' }],
      identityCardNo: [{ required: true, message: '请输入身份证号', trigger: 'blur' }],
      joinLeagueTime: [{ required: true, message: '请选择入团时间', trigger: 'change' }],
    }),
  },
  methods: {
    submit() {
      this.$refs.form.validate(async (ok) => {
        if (!ok) return;
        this.busy = true;
        try {
          const r = await api('tuanyuan/add', this.form);
          this.$message.success('录入成功');
          this.form = empty();
          this.$refs.form.clearValidate();
          if (r.needsArchive) {
            await this.$alert(
              '该团员为2020年及以后新发展的团员，须上传电子版《入团志愿书》。请在“团员电子数据库”中核对其信息并上传档案。',
              '提示',
              { confirmButtonText: '确定' },
            );
            this.$router.push(LIST);
          }
        } catch {
          /* the refusal shows as $message */
        } finally {
          this.busy = false;
        }
      });
    },
    onImported(res) {
      if (res.retCode === 1009) return expired(res.retMsg);
      if (res.retCode !== 1000) return this.$message.error(res.retMsg);
      this.result = res.results;
      const r = res.results;
      if (r.newMemberCount > 0) {
        this.$alert(
          `本次录入的团员中有${r.newMemberCount}名2020年及以后新发展的团员，须上传电子版《入团志愿书》。即将跳转至“团员电子数据库”。`,
          '提示',
          {
            confirmButtonText: '确定',
            callback: () => this.$router.push(LIST),
          },
        );
      } else {
        this.$message.success(`成功录入${r.successCount}名团员`);
      }
    },
  },
  template: `
  <div class="page member-entry">
    <el-tabs v-model="tab">
      <el-tab-pane label="单个录入" name="single">
        <el-form ref="form" :model="form" :rules="rules" label-width="120px" size="small" class="entry-form">
          <el-form-item label="姓名" prop="name"><el-input v-model="form.name" placeholder="请输入姓名" /></el-form-item>
          <el-form-item label="性别"><el-radio-group v-model="form.sex"><el-radio label="男" /><el-radio label="女" /></el-radio-group></el-form-item>
          <el-form-item label="民族"><el-input v-model="form.nation" /></el-form-item>
          <el-form-item label="身份证号" prop="identityCardNo"><el-input v-model="form.identityCardNo" placeholder="请输入18位身份证号" /></el-form-item>
          <el-form-item label="手机号码"><el-input v-model="form.mobile" placeholder="请输入手机号码" /></el-form-item>
          <el-form-item label="入团时间" prop="joinLeagueTime">
            <el-date-picker v-model="form.joinLeagueTime" type="date" value-format="yyyy-MM-dd" placeholder="请选择入团时间" />
          </el-form-item>
          <el-form-item label="发展团员编号"><el-input v-model="form.userCode" placeholder="2017年以后发展的团员必填，12位" /></el-form-item>
          <el-form-item><el-button type="primary" :loading="busy" @click="submit">提交</el-button></el-form-item>
        </el-form>
      </el-tab-pane>
      <el-tab-pane label="批量导入" name="batch">
        <div class="batch-steps">
          <p>1. <el-link type="primary" href="/v1/center/tuanyuan/importTemplate" class="template-link">下载导入模板</el-link>，按模板填写团员信息（入团时间格式：2024-05-20）。</p>
          <p>2. 上传填好的模板：</p>
          <el-upload class="import-upload" action="/v1/center/tuanyuan/import" name="file" accept=".xlsx" :headers="headers" :show-file-list="false" :on-success="onImported">
            <el-button type="primary" size="small" icon="el-icon-upload2">导入团员</el-button>
          </el-upload>
        </div>
        <div v-if="result" class="import-result">
          <el-alert :title="'成功录入' + result.successCount + '名团员' + (result.failures.length ? '，' + result.failures.length + '条未能录入' : '')"
            :type="result.failures.length ? 'warning' : 'success'" :closable="false" show-icon />
          <el-table v-if="result.failures.length" :data="result.failures" size="small" border>
            <el-table-column prop="row" label="行号" width="70" />
            <el-table-column prop="name" label="姓名" width="120" />
            <el-table-column prop="message" label="原因" />
          </el-table>
        </div>
      </el-tab-pane>
    </el-tabs>
  </div>`,
};
