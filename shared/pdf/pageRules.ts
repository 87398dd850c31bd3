import type { PagePixelFacts, PageStructureFacts } from './facts';
import { isHugeImage } from './fileRules';
import { MESSAGES } from './messages';
import {
  BLANK_MAX_INK,
  BLUR_EDGELESS_MAX_INK_SHARE,
  BLUR_EDGELESS_MIN_TONE,
  BLUR_FAIL_MM,
  BLUR_MIN_EDGES,
  BLUR_WARN_MM,
  BORDER_MIN_SIDES,
  BORDER_SIDE_MIN,
  DPI_SLACK,
  LOW_DPI_FAIL,
  LOW_DPI_WARN,
  SCANNED_MIN_COVERAGE,
  SKEW_WARN_DEG,
  SHADOW_WARN_MM,
  STAIN_FAIL_MM,
  STAIN_WARN_MM,
} from './thresholds';
import type { Issue } from './types';

/** The page's scan: the image covering the most of it. */
export function mainImage(s: PageStructureFacts) {
  let best: PageStructureFacts['images'][number] | undefined;
  for (const img of s.images) if (!best || img.coverage > best.coverage) best = img;
  return best;
}

/** §4.1 "须逐页扫描或通过图片形式汇总生成": a page drawn with text or paths rather than a picture. */
export function isNotScanned(s: PageStructureFacts): boolean {
  const coverage = s.images.reduce((sum, i) => sum + i.coverage, 0);
  return coverage < SCANNED_MIN_COVERAGE && (s.visibleTextOps > 0 || s.vectorOps > 0);
}

/** A page with nothing drawn at all. */
export function isEmptyStructure(s: PageStructureFacts): boolean {
  return !s.contentUnreadable && s.images.length === 0 && s.visibleTextOps === 0 && s.vectorOps === 0;
}

export function structureIssues(s: PageStructureFacts): Issue[] {
  const page = s.page;
  // Nothing drawable could be read and no picture was found: the page's content is damaged (or hostile).
  if (s.contentUnreadable && s.images.length === 0 && s.visibleTextOps === 0 && s.vectorOps === 0)
    return [{ code: 'corrupt', severity: 'fail', page, message: MESSAGES.corruptPage() }];
  if (isEmptyStructure(s)) return [{ code: 'blank-page', severity: 'fail', page, message: MESSAGES.blankPage() }];
  if (isNotScanned(s)) return [{ code: 'not-scanned', severity: 'fail', page, message: MESSAGES.notScanned() }];
  const img = mainImage(s);
  if (!img || isHugeImage(img)) return [];
  if (img.dpi + DPI_SLACK < LOW_DPI_FAIL)
    return [{ code: 'low-resolution', severity: 'fail', page, message: MESSAGES.lowResolutionFail(img.dpi) }];
  if (img.dpi + DPI_SLACK < LOW_DPI_WARN)
    return [{ code: 'low-resolution', severity: 'warn', page, message: MESSAGES.lowResolutionWarn(img.dpi) }];
  return [];
}

/** Blank pages say nothing about blur, stains or skew: report only that they are blank. */
export function isBlank(p: PagePixelFacts): boolean {
  return p.inkCoverage < BLANK_MAX_INK;
}

/** How blurred the page is: a smeared page (toned but without edges, its tone mostly not ink) fails outright. */
function blurSeverity(p: PagePixelFacts): 'fail' | 'warn' | null {
  const smeared =
    p.edgeCount < BLUR_MIN_EDGES &&
    p.toneCoverage >= BLUR_EDGELESS_MIN_TONE &&
    p.inkCoverage < p.toneCoverage * BLUR_EDGELESS_MAX_INK_SHARE;
  if (smeared) return 'fail';
  if (p.edgeWidthMm === null || p.edgeCount < BLUR_MIN_EDGES) return null;
  return p.edgeWidthMm >= BLUR_FAIL_MM ? 'fail' : p.edgeWidthMm >= BLUR_WARN_MM ? 'warn' : null;
}

function orientationIssue(p: PagePixelFacts): Issue | null {
  const page = p.page;
  if (p.orientation === 'sideways')
    return { code: 'orientation', severity: 'fail', page, message: MESSAGES.sideways() };
  if (p.orientation === 'upsideDown')
    return { code: 'orientation', severity: 'warn', page, message: MESSAGES.upsideDown() };
  if (p.skewDeg !== null && Math.abs(p.skewDeg) > SKEW_WARN_DEG)
    return { code: 'skew', severity: 'warn', page, message: MESSAGES.skew(p.skewDeg) };
  return null;
}

function stainIssue(p: PagePixelFacts): Issue | null {
  const page = p.page;
  if (p.stainHidingMm >= STAIN_WARN_MM)
    return { code: 'stained-page', severity: 'fail', page, message: MESSAGES.stainedHiding(p.stainHidingMm) };
  if (p.stainMm >= STAIN_FAIL_MM)
    return { code: 'stained-page', severity: 'fail', page, message: MESSAGES.stainedFail(p.stainMm) };
  if (p.stainMm >= STAIN_WARN_MM)
    return { code: 'stained-page', severity: 'warn', page, message: MESSAGES.stainedWarn(p.stainMm) };
  return null;
}

export function pixelIssues(p: PagePixelFacts): Issue[] {
  const page = p.page;
  if (isBlank(p)) return [{ code: 'blank-page', severity: 'fail', page, message: MESSAGES.blankPage() }];
  const issues: Issue[] = [];
  const turned = orientationIssue(p);
  if (turned) issues.push(turned);
  const blur = blurSeverity(p);
  if (blur === 'fail') issues.push({ code: 'blurry-page', severity: 'fail', page, message: MESSAGES.blurryFail() });
  if (blur === 'warn') issues.push({ code: 'blurry-page', severity: 'warn', page, message: MESSAGES.blurryWarn() });
  // A page blurred past reading smears its writing into grey patches: they are the blur, not stains.
  const stain = blur === 'fail' ? null : stainIssue(p);
  if (stain) issues.push(stain);
  if (p.edgeShadowMm >= SHADOW_WARN_MM)
    issues.push({ code: 'shadow', severity: 'warn', page, message: MESSAGES.shadow() });
  const sides = p.borderDepth.filter((d) => d >= BORDER_SIDE_MIN).length;
  if (sides >= BORDER_MIN_SIDES)
    issues.push({ code: 'background-border', severity: 'warn', page, message: MESSAGES.backgroundBorder() });
  return issues;
}
