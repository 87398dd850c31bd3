/**
 * Text with every space removed, the ideographic space (U+3000) and no-break space included: how
 * names, 编号 and labels typed or rendered with stray spacing are compared.
 */
export const withoutSpaces = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '');
