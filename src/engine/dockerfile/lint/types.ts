/** One BuildKit build-check warning (frontend/dockerfile/linter). */
export interface LintWarning {
  /** Rule name, e.g. `JSONArgsRecommended`. */
  rule: string;
  /** The formatted message, e.g. `JSON arguments recommended for CMD to prevent unintended behavior related to OS signals`. */
  message: string;
  /** The rule's short description (BuildKit `Description`). */
  description: string;
  /** 1-based line of the offending instruction. */
  line: number;
  endLine: number;
  /** `https://docs.docker.com/go/dockerfile/rule/<kebab-name>/` */
  url: string;
}
