/**
 * Who may send each message, and which ones leave something new in the store. A table over every
 * message (a `Record` of `MessageType`): a message added to ./protocol.ts without a line here, or a
 * line left behind by a renamed message, fails the typecheck, so the write that the team's sync
 * waits for can never be dropped by a rename.
 */
import type { MessageType } from './protocol';

export interface MessageRule {
  /**
   * - `any`: any part of this extension (its content scripts and its own pages);
   * - `pages`: only its own pages (popup, options): the team's connection, tokens and backups are
   *   out of reach of anything running inside the host's page;
   * - `pagesOrContentScript`: its pages, or one of its content scripts in a tab.
   */
  from: 'any' | 'pages' | 'pagesOrContentScript';
  /** The store holds something new afterwards: the team's queue is sent soon (or the local badge recounted). */
  writes?: true;
}

const ANY: MessageRule = { from: 'any' };
const WRITE: MessageRule = { from: 'any', writes: true };
const PAGES: MessageRule = { from: 'pages' };

export const MESSAGE_RULES: Readonly<Record<MessageType, MessageRule>> = {
  ping: ANY,
  pageSeen: ANY,
  pageState: ANY,
  observeRows: WRITE,
  setApprovedOn: WRITE,
  setGraduating: WRITE,
  recordRejectionReasons: WRITE,
  rememberOrgType: ANY,
  promptedMembers: ANY,
  recordPreflight: WRITE,
  preflightHistory: ANY,
  preflightOverrides: ANY,
  getSettings: ANY,
  setSettings: ANY,

  teamStatus: PAGES,
  teamConnect: PAGES,
  teamRenew: PAGES,
  teamDisconnect: PAGES,
  teamSyncNow: PAGES,
  teamRejected: PAGES,
  teamDismissRejected: PAGES,
  teamSummary: PAGES,
  teamMembers: PAGES,
  teamSearch: PAGES,
  teamOpenMember: PAGES,
  teamPendingJump: { from: 'pagesOrContentScript' },
  teamSetReminderTime: PAGES,
  teamSetShareNames: PAGES,
  teamOrgs: PAGES,
  teamImportOrgs: PAGES,
  teamCreateInvite: PAGES,
  teamInvites: PAGES,
  teamRevokeInvite: PAGES,
  teamTokens: PAGES,
  teamRevokeToken: PAGES,
  teamModifications: PAGES,
  teamRequestModification: PAGES,
  teamDecideModification: PAGES,
  teamTenantSettings: PAGES,
  // The upload check in the host's page reads the rules it checks each form against.
  teamLocalRules: { from: 'pagesOrContentScript' },
  teamSetLocalRules: PAGES,
  reviewFindings: { from: 'pagesOrContentScript' },
  recordApprovalDecision: { from: 'pagesOrContentScript', writes: true },
  exportLocalData: PAGES,
  // A content script reports its own page's stops and reads its page's switches and hotfix.
  featureStopped: { from: 'pagesOrContentScript' },
  pageConfig: { from: 'pagesOrContentScript' },
  featureProblems: PAGES,
  hotfixState: PAGES,
  hotfixRefresh: PAGES,
  hotfixSetUrl: PAGES,
  importLocalData: { from: 'pages', writes: true },
};
