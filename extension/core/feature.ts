/**
 * Features: one file each in extension/features/, registered with the page types they run on.
 * Each gets its own abort signal and the lists of the page; its id is also its switch in the
 * options page. Each fails alone: an error or a page it does not recognise stops that feature on
 * that page, never the others, never the host's page. The core knows no feature; a feature knows
 * the rules and the core, no other one.
 */
import { NO_EFFECT } from '../../shared/hotfix/effect';
import { DEFAULT_SETTINGS, featureOn, type Settings } from '../model/settings';
import type { MessageType, Messages } from '../messaging/protocol';
import type { Keeper } from './keeping';
import { ListsController, type Lists } from './lists';
import { readSignedInOrg } from './org';
import type { PageType } from '../model/pages';
import type { PageVisit } from './pageWatcher';
import type { ColumnKey } from './table';

export type SendFn = <T extends MessageType>(
  type: T,
  payload: Messages[T]['request'],
) => Promise<Messages[T]['response']>;

export interface FeatureContext {
  /** Aborts when the admin leaves the page, the feature stops, or the extension reloads. */
  signal: AbortSignal;
  /** The content script's own lifetime: for a task that follows the admin to the next page. */
  lifetime: AbortSignal;
  visit: PageVisit;
  doc: Document;
  lists: Lists;
  send: SendFn;
  /**
   * Stops this feature on this page — its marks, controls and listeners go, the toolbar shows
   * “!” with its name — for an error or a page it does not recognise. The others keep working.
   */
  fail(reason: unknown): void;
  /** `fn` with its errors (thrown or rejected) stopping this feature rather than reaching the page. */
  guard<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void;
}

export interface Feature {
  id: string;
  /** The switch's label in the options page. */
  label: string;
  description: string;
  pages: readonly PageType[];
  /** Columns the feature reads on a member list: a list without one of them stops it there, saying which. */
  needs?: readonly ColumnKey[];
  init(ctx: FeatureContext): void | Promise<void>;
}

export function defineFeature(f: Feature): Feature {
  return f;
}

/** Pages whose member lists are read (and kept) whatever features are on. */
export const LIST_PAGES: readonly PageType[] = [
  'memberDatabase',
  'subordinateDatabase',
  'cadreDatabase',
  'archiveReview',
  'transfer',
];

/** Pages that show a member list whenever they show anything (the transfer page's second tab does not). */
const LIST_EXPECTED: readonly PageType[] = ['memberDatabase', 'subordinateDatabase', 'cadreDatabase', 'archiveReview'];

export interface VisitEnv {
  doc: Document;
  lifetime: AbortSignal;
  features: readonly Feature[];
  send: SendFn;
  makeKeeper: (isCadre: boolean) => Keeper;
  /** Told once when a feature stops on this page (the toolbar and the log). */
  onStop?: (stop: { feature: Feature; reason: string }) => void;
}

/** An error in words fit for the toolbar and the log: its kind, never page data. */
export function reasonOf(error: unknown): string {
  if (typeof error === 'string') return error;
  const kind = error instanceof Error ? error.name : typeof error;
  return `运行出错（${kind}），已停用`;
}

/** Starts the features that run on this page, if it is one we know; an unknown page is left alone. */
export async function startFeatures(visit: PageVisit, signal: AbortSignal, env: VisitEnv): Promise<void> {
  if (visit.pageType === 'unknown') return;
  const isList = LIST_PAGES.includes(visit.pageType);
  const here = env.features.filter((f) => f.pages.includes(visit.pageType));
  if (!here.length && !isList) return;
  const config = await env
    .send('pageConfig', {})
    .catch(() => ({ settings: DEFAULT_SETTINGS as Settings, hotfix: NO_EFFECT }));
  if (signal.aborted) return;
  const stopped = new Map<string, AbortController>();
  let controller: ListsController | null = null;
  const stop = (f: Feature, error: unknown) => {
    const ac = stopped.get(f.id);
    if (!ac || ac.signal.aborted || signal.aborted) return;
    ac.abort();
    controller?.drop(f.id);
    env.onStop?.({ feature: f, reason: reasonOf(error) });
  };
  const byId = new Map(here.map((f) => [f.id, f]));
  controller = isList
    ? new ListsController({
        doc: env.doc,
        signal,
        pageType: visit.pageType,
        pageOrg: () => readSignedInOrg(env.doc),
        keeper: env.makeKeeper(visit.pageType === 'cadreDatabase'),
        expectsList: LIST_EXPECTED.includes(visit.pageType),
        onProblem: (owner, reason) => {
          const f = byId.get(owner);
          if (f) stop(f, reason);
        },
      })
    : null;
  const inert: Lists = {
    onPass: () => {},
    addSelectionAction: () => {},
    refreshFacts: async () => {},
    requestPass: () => {},
  };
  for (const f of here) {
    // A hotfix can only switch a feature off, never on what the admin switched off.
    if (!featureOn(config.settings, f.id) || config.hotfix.disabled[f.id]) continue;
    const ac = new AbortController();
    stopped.set(f.id, ac);
    const fail = (e: unknown) => stop(f, e);
    const ctx: FeatureContext = {
      signal: AbortSignal.any([signal, ac.signal]),
      lifetime: env.lifetime,
      visit,
      doc: env.doc,
      lists: controller?.forFeature(f.id, f.needs ?? []) ?? inert,
      send: env.send,
      fail,
      guard:
        (fn) =>
        (...args) => {
          try {
            const r = fn(...args);
            if (r instanceof Promise) r.catch(fail);
          } catch (e) {
            fail(e);
          }
        },
    };
    try {
      await f.init(ctx);
    } catch (e) {
      fail(e);
    }
    if (signal.aborted) return;
  }
  controller?.start();
}
