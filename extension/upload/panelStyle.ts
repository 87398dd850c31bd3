import { EVIDENCE_CSS } from './panelEvidence';

/** The panel's look: Element UI's palette, sizes and alert boxes, inside its own shadow root. */
export const PANEL_CSS = `${EVIDENCE_CSS}
:host{all:initial;display:block}
.panel{box-sizing:border-box;margin:14px 0 0;border:1px solid #EBEEF5;border-radius:4px;background:#fff;color:#606266;font:13px/1.6 "Helvetica Neue",Helvetica,"PingFang SC","Hiragino Sans GB","Microsoft YaHei",Arial,sans-serif;text-align:left}
.head{display:flex;align-items:center;gap:8px;padding:8px 12px;border-bottom:1px solid #EBEEF5;background:#fafafa}
.head b{color:#303133;font-weight:600}
.head .sub{color:#909399;font-size:12px}
.head .x{margin-left:auto;border:0;background:none;color:#909399;font-size:16px;cursor:pointer;line-height:1}
.body{padding:10px 12px;overflow:auto;max-height:70vh;overscroll-behavior:contain}
.lead{position:sticky;top:-10px;z-index:1;margin:-10px 0 0;padding:10px 0 2px;background:#fff}
.headline{color:#303133;font-weight:600}
.line{margin:0 0 6px}
.muted{color:#909399;font-size:12px}
.progress{height:6px;border-radius:3px;background:#EBEEF5;overflow:hidden;margin:6px 0}
.progress i{display:block;height:100%;width:0;background:#409EFF;transition:width .2s}
.alert{display:flex;gap:8px;align-items:flex-start;padding:8px 12px;border-radius:4px;margin:0 0 8px;font-size:13px}
.alert b{font-weight:600}
.alert--success{background:#f0f9eb;color:#67C23A}
.alert--warning{background:#fdf6ec;color:#E6A23C}
.alert--error{background:#fef0f0;color:#F56C6C}
.alert--info{background:#f4f4f5;color:#909399}
ul.issues{margin:0 0 8px;padding:0;list-style:none}
ul.issues li{display:flex;gap:6px;align-items:flex-start;padding:4px 0;border-bottom:1px dashed #EBEEF5}
ul.issues li .text{flex:1}
ul.issues li .fix{display:flex;flex-direction:column;gap:4px}
ul.issues li:last-child{border-bottom:0}
.sev{display:inline-block;flex:none;box-sizing:border-box;height:20px;padding:0 5px;margin-right:6px;line-height:18px;font-size:12px;border:1px solid;border-radius:4px;white-space:nowrap}
.sev--fail{color:#F56C6C;background:#fef0f0;border-color:#fde2e2}
.sev--warn{color:#E6A23C;background:#fdf6ec;border-color:#faecd8}
.sev--info{color:#909399;background:#f4f4f5;border-color:#e9e9eb}
.pages{display:flex;flex-wrap:wrap;gap:6px;margin:4px 0 8px}
.page{position:relative;width:52px;text-align:center;font-size:11px;color:#909399}
.page img,.page .blank{display:block;width:52px;height:74px;object-fit:contain;border:2px solid #EBEEF5;border-radius:2px;background:#f5f7fa;box-sizing:border-box}
.page.bad img,.page.bad .blank{border-color:#F56C6C}
.page.warn img,.page.warn .blank{border-color:#E6A23C}
.page.bad{color:#F56C6C}.page.warn{color:#E6A23C}
.row{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:6px 0}
button.btn{height:28px;padding:0 12px;font-size:12px;border-radius:3px;border:1px solid #DCDFE6;background:#fff;color:#606266;cursor:pointer;white-space:nowrap}
button.btn:hover{color:#409EFF;border-color:#c6e2ff;background:#ecf5ff}
button.btn--primary{background:#409EFF;border-color:#409EFF;color:#fff}
button.btn--primary:hover{background:#66b1ff;border-color:#66b1ff;color:#fff}
button.btn--small{height:24px;padding:0 8px}
button.btn--danger{background:#fff;border-color:#fbc4c4;color:#F56C6C}
button.btn[disabled]{opacity:.5;cursor:not-allowed}
textarea{box-sizing:border-box;width:100%;min-height:56px;padding:5px 10px;font:inherit;color:#606266;border:1px solid #DCDFE6;border-radius:4px;resize:vertical}
textarea:focus{outline:0;border-color:#409EFF}
.section{margin-top:8px;padding-top:8px;border-top:1px solid #EBEEF5}
.section-title{color:#303133;font-weight:600;margin-bottom:4px}
.queue li{padding:2px 0}
`;
