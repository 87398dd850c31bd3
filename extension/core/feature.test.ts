import { describe, expect, it } from 'vitest';
import { NO_EFFECT } from '../../shared/hotfix/effect';
import { DEFAULT_SETTINGS } from '../model/settings';
import { defineFeature, reasonOf, startFeatures, type Feature, type FeatureContext, type SendFn } from './feature';

/** Features on a page without lists (no DOM needed): what each did, and the stops reported. */
function harness(features: Feature[], config = { settings: DEFAULT_SETTINGS, hotfix: NO_EFFECT }) {
  const stops: { feature: string; reason: string }[] = [];
  const send = (async (type: string) => {
    if (type === 'pageConfig') return config;
    throw new Error(`unexpected ${type}`);
  }) as SendFn;
  const visit = new AbortController();
  const run = () =>
    startFeatures({ pageType: 'operationCenter', path: '/zhtj/center/operationcenter' }, visit.signal, {
      doc: {} as Document,
      lifetime: new AbortController().signal,
      features,
      send,
      makeKeeper: () => {
        throw new Error('no lists here');
      },
      onStop: ({ feature, reason }) => stops.push({ feature: feature.id, reason }),
    });
  return { stops, run, visit };
}

const feature = (id: string, init: (ctx: FeatureContext) => void | Promise<void>) =>
  defineFeature({ id, label: id, description: '', pages: ['operationCenter'], init });

describe('features fail alone', () => {
  it('an exception at start stops that feature only, reported once with its kind, never its message', async () => {
    const started: string[] = [];
    const signals: Record<string, AbortSignal> = {};
    const h = harness([
      feature('a', (ctx) => {
        signals.a = ctx.signal;
        throw new TypeError('张三 110105200801011234');
      }),
      feature('b', (ctx) => {
        signals.b = ctx.signal;
        started.push('b');
      }),
    ]);
    await h.run();
    expect(started).toEqual(['b']);
    expect(h.stops).toEqual([{ feature: 'a', reason: '运行出错（TypeError），已停用' }]);
    expect(signals.a!.aborted).toBe(true);
    expect(signals.b!.aborted).toBe(false);
  });

  it('a later error through guard or fail stops it once; the visit’s end is not a stop', async () => {
    let ctxA: FeatureContext | null = null;
    const h = harness([feature('a', (ctx) => void (ctxA = ctx)), feature('b', () => {})]);
    await h.run();
    const handler = ctxA!.guard(async () => {
      throw new RangeError('x');
    });
    handler();
    await new Promise((r) => setTimeout(r, 0));
    ctxA!.fail('此列表没有“团员身份认证”列');
    expect(h.stops).toEqual([{ feature: 'a', reason: '运行出错（RangeError），已停用' }]);
    h.visit.abort();
    expect(h.stops).toHaveLength(1);
  });

  it('a hotfix switches a feature off; it never switches on what the admin switched off', async () => {
    const started: string[] = [];
    const h = harness(
      ['a', 'b', 'c'].map((id) => feature(id, () => void started.push(id))),
      {
        settings: { ...DEFAULT_SETTINGS, features: { c: false } },
        hotfix: { ...NO_EFFECT, disabled: { b: '智慧团建改版，暂停' } },
      },
    );
    await h.run();
    expect(started).toEqual(['a']);
    expect(h.stops).toEqual([]);
  });

  it('says a reason in words as it is, an error by its kind only', () => {
    expect(reasonOf('页头中没有找到登录的团组织名称')).toBe('页头中没有找到登录的团组织名称');
    expect(reasonOf(new Error('张三'))).toBe('运行出错（Error），已停用');
    expect(reasonOf(42)).toBe('运行出错（number），已停用');
  });
});
