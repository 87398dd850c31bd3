/** Every feature, in the order it runs and is listed in the options page. */
import approvalDate from './approval-date';
import approvalHelp from './approval-help';
import deadlineBadge from './deadline-badge';
import devNumberCheck from './dev-number-check';
import graduationCheck from './graduation-check';
import listExport from './list-export';
import listSummary from './list-summary';
import loginPromptList from './login-prompt-list';
import popupJump from './popup-jump';
import rejectionReasons from './rejection-reasons';
import reviewCheck from './review-check';
import statusChip from './status-chip';
import transferGuard from './transfer-guard';
import uploadBatch from './upload-batch';
import uploadCheck from './upload-check';
import type { Feature } from '../core/feature';

export const FEATURES: readonly Feature[] = [
  statusChip,
  deadlineBadge,
  devNumberCheck,
  graduationCheck,
  listSummary,
  approvalDate,
  listExport,
  loginPromptList,
  popupJump,
  transferGuard,
  rejectionReasons,
  approvalHelp,
  uploadCheck,
  uploadBatch,
  reviewCheck,
];
