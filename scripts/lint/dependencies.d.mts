/** One broken dependency rule: the importing file, the imported one, and the way between them. */
export interface Violation {
  rule: string;
  from: string;
  to: string;
  via: string[];
  comment: string;
}

export function dependencyViolations(opts?: {
  baseDir?: string;
  roots?: string[];
  contentScript?: string;
  tsConfigFile?: string;
}): Promise<Violation[]>;
