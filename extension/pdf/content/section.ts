import type { SectionId } from '../../../shared/pdf/content/sections';
import { SECTION_IDS, SECTION_MARKS } from '../../../shared/pdf/content/sections';
import { canonical, type Line } from './lines';

/**
 * Which section a page is, from the printed words read on it: a heading word names a section
 * (longer words outrank the shorter ones they contain: 入团介绍人意见 over 介绍人), field labels
 * add to it. Confidence grows with the score and with the margin over the next section.
 */
export function sectionOf(lines: readonly Line[]): { section: SectionId | null; confidence: number; marks: string[] } {
  const text = lines.map((l) => canonical(l.text));
  const scores = SECTION_IDS.map((id) => {
    const marks: string[] = [];
    let score = 0;
    const heads = SECTION_MARKS[id].heading.filter((h) => text.some((t) => t.includes(canonical(h))));
    if (heads.length) {
      const longest = heads.reduce((a, b) => (b.length > a.length ? b : a));
      score += 1 + longest.length / 10;
      marks.push(longest);
    }
    for (const label of SECTION_MARKS[id].labels)
      if (text.some((t) => t.includes(canonical(label)))) {
        score += 0.5;
        marks.push(label);
      }
    return { id, score, marks };
  }).sort((a, b) => b.score - a.score);
  const [best, next] = scores as [(typeof scores)[0], (typeof scores)[0]];
  if (best.score < 1) return { section: null, confidence: 0, marks: best.marks };
  const margin = (best.score - next.score) / best.score;
  return { section: best.id, confidence: Math.min(1, best.score / 1.5) * (0.5 + margin / 2), marks: best.marks };
}
