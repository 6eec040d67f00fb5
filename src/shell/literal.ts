/** Builds word parts from characters as the lexer reads them. */
import type { WordPart } from './ast.js';

/** Accumulates adjacent characters into literal/quoted parts, merging runs of the same kind. */
export class LiteralBuffer {
  private kind: 'literal' | 'quoted' | null = null;
  private text = '';

  constructor(private readonly parts: WordPart[]) {}

  literal(s: string): void {
    this.add('literal', s);
  }

  quoted(s: string): void {
    this.add('quoted', s);
  }

  private add(kind: 'literal' | 'quoted', s: string): void {
    if (this.kind !== kind) this.flush();
    this.kind = kind;
    this.text += s;
  }

  flush(): void {
    if (this.kind !== null) this.parts.push({ kind: this.kind, value: this.text });
    this.kind = null;
    this.text = '';
  }
}
