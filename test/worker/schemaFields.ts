// Reads a zod schema's shape: the places in a request where a client puts text. Tests build their
// cases from these, so a field added to a schema is tested without anyone listing it.
import type { z } from 'zod';

export type FieldPath = (string | number)[];

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
  coerce?: boolean;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Kinds whose wire form is text: strings and enums always; on a query string, everything is text. */
const TEXT = new Set(['string', 'enum', 'literal', 'template_literal']);

/** Every path to a text value the schema accepts; array elements are reached through index 0. */
export function stringFields(schema: z.ZodType, allText = false, path: FieldPath = []): FieldPath[] {
  const d = defOf(schema);
  switch (d.type) {
    case 'object':
      return Object.entries(d.shape!).flatMap(([k, v]) => stringFields(v, allText, [...path, k]));
    case 'array':
      return stringFields(d.element!, allText, [...path, 0]);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return stringFields(d.innerType!, allText, path);
    case 'pipe':
      return stringFields(d.in!, allText, path);
    case 'union':
      return dedupe(d.options!.flatMap((o) => stringFields(o, allText, path)));
    case 'intersection':
      return dedupe([...stringFields(d.left!, allText, path), ...stringFields(d.right!, allText, path)]);
    case 'record':
      return stringFields(d.valueType!, allText, [...path, 'key']);
    default:
      return TEXT.has(d.type) || allText || d.coerce ? [path] : [];
  }
}

const dedupe = (paths: FieldPath[]) => [...new Map(paths.map((p) => [p.join('.'), p])).values()];

/** The smallest JSON value holding `value` at `path` (objects and one-element arrays around it). */
export function placeAt(path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const inner = placeAt(rest, value);
  return typeof head === 'number' ? [inner] : { [head!]: inner };
}
