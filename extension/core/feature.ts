/**
 * Features: one file each in extension/features/, registered with the page types they run on.
 * Each gets the visit's abort signal and the lists of the page; its id is also its switch in the
 * options page. The core knows no feature; a feature knows the rules and the core, no other one.
 */
import { DEFAULT_SETTINGS, featureOn, type Settings } from '../model/settings';
import type { MessageType, Messages } from '../messaging/protocol';
import type { Keeper } from './keeping';
import { ListsController, type Lists } from './lists';
import { readSignedInOrg } from './org';
import type { PageType } from '../model/pages';
import type { PageVisit } from './pageWatcher';

export type SendFn = <T extends MessageType>(
  type: T,
  payload: Messages[T]['request'],
) => Promise<Messages[T]['response']>;

export interface FeatureContext {
  /** Aborts when the admin leaves the page (or the extension reloads). */
  signal: AbortSignal;
  /** The content script's own lifetime: for a task that follows the admin to the next page. */
  lifetime: AbortSignal;
  visit: PageVisit;
  doc: Document;
  lists: Lists;
  send: SendFn;
}

export interface Feature {
  id: string;
  /** The switch's label in the options page. */
  label: string;
  description: string;
  pages: readonly PageType[];
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

export interface VisitEnv {
  doc: Document;
  lifetime: AbortSignal;
  features: readonly Feature[];
  send: SendFn;
  makeKeeper: (isCadre: boolean) => Keeper;
}

/** Starts the features that run on this page, if it is one we know; an unknown page is left alone. */
export async function startFeatures(visit: PageVisit, signal: AbortSignal, env: VisitEnv): Promise<void> {
  if (visit.pageType === 'unknown') return;
  const isList = LIST_PAGES.includes(visit.pageType);
  const here = env.features.filter((f) => f.pages.includes(visit.pageType));
  if (!here.length && !isList) return;
  const settings: Settings = await env.send('getSettings', {}).catch(() => DEFAULT_SETTINGS);
  if (signal.aborted) return;
  const controller = isList
    ? new ListsController({
        doc: env.doc,
        signal,
        pageType: visit.pageType,
        pageOrg: () => readSignedInOrg(env.doc),
        keeper: env.makeKeeper(visit.pageType === 'cadreDatabase'),
      })
    : null;
  const inert: Lists = {
    onPass: () => {},
    addSelectionAction: () => {},
    refreshFacts: async () => {},
    requestPass: () => {},
  };
  for (const f of here) {
    if (!featureOn(settings, f.id)) continue;
    const ctx: FeatureContext = {
      signal,
      lifetime: env.lifetime,
      visit,
      doc: env.doc,
      lists: controller?.forFeature(f.id) ?? inert,
      send: env.send,
    };
    try {
      await f.init(ctx);
    } catch (e) {
      console.debug('[团员电子档案助手]', f.id, e);
    }
    if (signal.aborted) return;
  }
  controller?.start();
}
