import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateReplicaData, type GenerateOptions } from '../data/generate';
import type { ReplicaState, StoredFile } from '../model';
import { normaliseVariant, type Variant } from '../variant';
import { placeholderForm } from './placeholderPdf';

export type ResetOptions = Pick<GenerateOptions, 'seed' | 'size' | 'defectRate' | 'today' | 'variant'>;

/**
 * The replica's back-end state: one JSON file in the data directory (kept across restarts) and
 * the uploaded PDFs beside it, so a reviewer can view and download them.
 */
export class ReplicaStore {
  state: ReplicaState;
  readonly dataDir: string;

  private constructor(dataDir: string, state: ReplicaState) {
    this.dataDir = dataDir;
    this.state = state;
  }

  /** Opens the data directory, generating a fresh organisation when it holds none. */
  static open(dataDir: string, initial: ResetOptions = {}): ReplicaStore {
    mkdirSync(join(dataDir, 'files'), { recursive: true });
    const file = join(dataDir, 'state.json');
    if (existsSync(file)) {
      try {
        const state = JSON.parse(readFileSync(file, 'utf8')) as ReplicaState;
        // A variant saved before a switch existed gets the switch's default.
        if (state.version === 1)
          return new ReplicaStore(dataDir, { ...state, variant: normaliseVariant(state.variant) });
      } catch {
        /* unreadable: start over below */
      }
    }
    const store = new ReplicaStore(dataDir, generateReplicaData(initial).state);
    store.save();
    return store;
  }

  reset(opts: ResetOptions = {}): void {
    rmSync(join(this.dataDir, 'files'), { recursive: true, force: true });
    mkdirSync(join(this.dataDir, 'files'), { recursive: true });
    // Signed-in browsers stay signed in: the accounts are the same after any reset.
    const sessions = this.state.sessions;
    this.state = generateReplicaData(opts).state;
    this.state.sessions = sessions;
    this.save();
  }

  setVariant(v: Partial<Variant>): Variant {
    this.state.variant = normaliseVariant(v);
    this.save();
    return this.state.variant;
  }

  /** Written whole and renamed into place: a crash never leaves half a file. */
  save(): void {
    const file = join(this.dataDir, 'state.json');
    writeFileSync(`${file}.tmp`, JSON.stringify(this.state));
    renameSync(`${file}.tmp`, file);
  }

  nextId(kind: keyof ReplicaState['counters'], base: number): string {
    return String(base + this.state.counters[kind]++);
  }

  writeFile(file: StoredFile, bytes: Uint8Array): void {
    writeFileSync(join(this.dataDir, file.path), bytes);
  }

  /** A stored PDF; generated members' forms are drawn on first view. */
  async readFile(file: StoredFile): Promise<Uint8Array> {
    const path = join(this.dataDir, file.path);
    if (!existsSync(path)) {
      const record = this.state.records.find((r) => r.fileId === file.fileId);
      const member = this.state.members.find((m) => m.userId === record?.userId);
      const bytes = await placeholderForm({ userCode: member?.userCode ?? '', pages: file.pages });
      writeFileSync(path, bytes);
      file.size = bytes.length;
      this.save();
      return bytes;
    }
    return new Uint8Array(readFileSync(path));
  }
}
