/**
 * The overlay's health messages (part of ./protocol.ts's `Messages`): a feature that stopped on a
 * page, the hotfix in force, and what the options page shows of both.
 */
import type { HotfixEffect } from '../../shared/hotfix/effect';
import type { HotfixProblem } from '../../shared/hotfix/verify';
import type { PageType } from '../model/pages';
import type { Settings } from '../model/settings';

/** A feature stopped on the page a tab shows (an error, or a page it does not recognise). */
export interface FeatureStop {
  feature: string;
  /** The feature's name as the options page lists it. */
  label: string;
  /** Why, in the admin's words (no member data). */
  reason: string;
  pageType: PageType;
}

/** One line of the log of stops: logged once per feature, version, page type and reason. */
export interface FeatureProblem extends FeatureStop {
  version: string;
  firstAt: number;
  lastAt: number;
  count: number;
}

/** What a content script needs at the start of a page: the switches and the hotfix in force. */
export interface PageConfig {
  settings: Settings;
  hotfix: HotfixEffect;
}

/** A relayed document the extension refused, shown in the options page. */
export interface HotfixRefusal {
  at: number;
  source: string;
  problem: HotfixProblem | 'unreachable';
  message: string;
}

export interface HotfixState {
  /** The document in force: its serial, dates and where it came from; null when none. */
  kept: {
    serial: number;
    issuedAt: string;
    expiresAt: string;
    /** When a source last served it (or a newer one): used offline for 30 days after. */
    confirmedAt: number;
    source: string;
  } | null;
  /** What it asks of this version (nothing when expired or older than 30 days offline). */
  effect: HotfixEffect;
  /** Why the kept document is not in force, when it is not. */
  dormant?: string;
  refusals: HotfixRefusal[];
  /** The URL set in the options page, besides the team's worker. */
  url: string | null;
  /** The sources asked: the team's worker when connected, and the URL. */
  sources: string[];
  checkedAt: number | null;
}

export interface HealthMessages {
  /** A content script stopped a feature on its page: the toolbar says so, the log keeps it once. */
  featureStopped: { request: FeatureStop; response: { ok: true } };
  /** The log of stops, newest first. */
  featureProblems: { request: Record<string, never>; response: FeatureProblem[] };
  pageConfig: { request: Record<string, never>; response: PageConfig };
  hotfixState: { request: Record<string, never>; response: HotfixState };
  /** Sets (or with null removes) the URL to fetch hotfixes from; the options page asked for its permission first. */
  hotfixSetUrl: {
    request: { url: string | null };
    response: { ok: true; state: HotfixState } | { ok: false; error: string };
  };
  /** Fetches from every source now. */
  hotfixRefresh: { request: Record<string, never>; response: HotfixState };
}

/** The popup asks the page's content script for its 页面诊断 (`browser.tabs.sendMessage`). */
export const DIAGNOSE_PAGE = 'diagnosePage';

/** An element's tag and classes, with its children; `count` alike siblings folded into one. */
export interface Skeleton {
  tag: string;
  count: number;
  children: Skeleton[];
}

/** A page's structure without its data: what a maintainer needs when the host changed. */
export interface PageDiagnosis {
  tool: string;
  version: string;
  path: string;
  crumbs: string[];
  /** Vocabulary entries that match here, with how often; and those that do not. */
  matched: Record<string, number>;
  unmatched: string[];
  tables: { headers: string[]; columns: number; rows: number; skeleton: Skeleton }[];
  dialogs: { title: string; labels: string[]; buttons: string[]; skeleton: Skeleton }[];
  messageBoxes: Skeleton[];
}
