/**
 * 发展团员编号 findings (docs/host.md, §5.8): wrong format for the year of joining, the same
 * number on two members seen, and a number that differs from the uploaded form's first page
 * (known once the file was checked). The tooltip gives the rule and who may correct it.
 */
import { defineFeature } from '../core/feature';
import { devNumberFindings, findingsMark, NumbersSeen } from './verdicts';

export default defineFeature({
  id: 'dev-number-check',
  label: '发展团员编号检查',
  description:
    '在“发展团员编号”栏标出：与入团年份不符的格式、已见团员中的重复编号、与《入团志愿书》首页编号不一致；提示规则和谁有权修改。',
  pages: ['memberDatabase', 'subordinateDatabase', 'cadreDatabase', 'archiveReview', 'transfer'],
  needs: ['devNumber'],
  init({ lists }) {
    const seen = new NumbersSeen();
    lists.onPass((pass) => {
      seen.add(pass.rows);
      for (const row of pass.rows) pass.mark(row, 'devNumber', findingsMark(devNumberFindings(row, seen)));
    });
  },
});
