export const NotFound = {
  name: 'NotFound',
  template: `<el-empty description="页面不存在"><el-button type="primary" @click="$router.push('/zhtj/center/home')">返回首页</el-button></el-empty>`,
};
