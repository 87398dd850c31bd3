// The member lists' columns, and how a variant reorders, adds, hides or relabels them.
const COLUMNS = {
  index: { key: 'index', label: '序号', width: 60 },
  name: { key: 'name', label: '姓名', minWidth: 90 },
  politics: { key: 'politics', label: '政治面貌', minWidth: 90 },
  sex: { key: 'sex', label: '性别', width: 60 },
  userCode: { key: 'userCode', label: '发展团员编号', minWidth: 140 },
  joinLeagueTime: { key: 'joinLeagueTime', label: '入团时间', minWidth: 120 },
  league: { key: 'league', label: '所在团组织', minWidth: 230 },
  post: { key: 'post', label: '职务', minWidth: 90 },
  nation: { key: 'nation', label: '民族', width: 80 },
  mobile: { key: 'mobile', label: '手机号码', minWidth: 120 },
  idCard: { key: 'idCard', label: '身份证号', minWidth: 180 },
  auth: { key: 'auth', label: '团员身份认证', minWidth: 130 },
  upload: { key: 'upload', label: '档案是否上传', minWidth: 150 },
  actions: { key: 'actions', label: '操作', width: 110 },
};

const DEFAULT_ORDER = [
  'index',
  'name',
  'politics',
  'sex',
  'userCode',
  'joinLeagueTime',
  'league',
  'post',
  'nation',
  'mobile',
  'idCard',
  'auth',
  'upload',
  'actions',
];
const ALTERNATE_ORDER = [
  'index',
  'auth',
  'upload',
  'joinLeagueTime',
  'name',
  'politics',
  'league',
  'post',
  'userCode',
  'sex',
  'nation',
  'mobile',
  'idCard',
  'actions',
];

export function memberColumns(scope, variant) {
  const v = variant || {};
  const include = new Set(['index', 'name', 'sex', 'userCode', 'joinLeagueTime', 'auth', 'upload', 'actions']);
  if (scope === 'sub') include.add('league');
  if (scope === 'cadre') include.add('post');
  if (v.extraColumns) ['nation', 'mobile', 'idCard'].forEach((k) => include.add(k));
  if (v.unknownColumn) include.add('politics');
  const hidden = new Set(v.hiddenColumns || []);
  const labels = v.headerLabels || {};
  const order = v.columnOrder === 'alternate' ? ALTERNATE_ORDER : DEFAULT_ORDER;
  return order
    .filter((k) => include.has(k) && !hidden.has(COLUMNS[k].label))
    .map((k) => ({
      ...COLUMNS[k],
      label: labels[COLUMNS[k].label] || COLUMNS[k].label,
      fixed: k === 'actions' && v.fixedActions ? 'right' : undefined,
    }));
}
