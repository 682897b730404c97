// Item ids, unique across a run and the same on every run over the same files.
//  - From the id column when it has a value; a value repeated in the same file gets `#2`, `#3`…
//    in order of appearance (`R1`, `R1#2`).
//  - A value already used by an earlier file is prefixed with this file's name (`b.csv:R1`).
//  - Rows without an id are `<file name>:<line>`.
import { basename } from 'node:path';

export class IdRegistry {
  private readonly used = new Set<string>();

  forFile(path: string): FileIds {
    return new FileIds(basename(path), this.used);
  }
}

export class FileIds {
  private readonly seen = new Map<string, number>();
  private duplicates = 0;
  private firstDuplicate: [string, string] | null = null;
  private prefixed = 0;

  constructor(
    private readonly base: string,
    private readonly used: Set<string>,
  ) {}

  assign(rawId: string | null, line: number): string {
    let id: string;
    if (rawId === null) {
      id = this.free(`${this.base}:${line}`);
    } else {
      const times = (this.seen.get(rawId) ?? 0) + 1;
      this.seen.set(rawId, times);
      if (times > 1) {
        id = this.free(`${rawId}#${times}`);
        this.duplicates++;
        this.firstDuplicate ??= [rawId, id];
      } else if (this.used.has(rawId)) {
        id = this.free(`${this.base}:${rawId}`);
        this.prefixed++;
      } else {
        id = rawId;
      }
    }
    this.used.add(id);
    return id;
  }

  private free(candidate: string): string {
    if (!this.used.has(candidate)) return candidate;
    let n = 2;
    while (this.used.has(`${candidate}#${n}`)) n++;
    return `${candidate}#${n}`;
  }

  notes(): string[] {
    const notes: string[] = [];
    if (this.duplicates > 0 && this.firstDuplicate) {
      const [from, to] = this.firstDuplicate;
      notes.push(`${this.duplicates} repeated id${this.duplicates === 1 ? '' : 's'} made unique (e.g. ${from} → ${to})`);
    }
    if (this.prefixed > 0) {
      notes.push(`${this.prefixed} id${this.prefixed === 1 ? '' : 's'} already used by an earlier file prefixed with "${this.base}:"`);
    }
    return notes;
  }
}
