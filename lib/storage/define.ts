import { type StorageItemKey, storage } from 'wxt/utils/storage';
import type * as z from 'zod';

/**
 * A persisted value defined once: its key, its zod schema, its fallback, its version and the migrations that
 * bring older stored shapes up to date. Reads are parsed; a value that does not parse (hand-edited storage, a
 * bug in an older build) yields the fallback instead of crashing the reader, and writes are validated.
 */
export interface StoredValue<T> {
  readonly key: StorageItemKey;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Read-modify-write. Not atomic across contexts: keep writers of one key in one context (the background). */
  update(change: (current: T) => T): Promise<T>;
  remove(): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

// biome-ignore lint/suspicious/noExplicitAny: WXT's migration signature takes whatever an older version stored.
type Migration = (old: any) => unknown;

export function defineStoredValue<S extends z.ZodType>(
  key: StorageItemKey,
  schema: S,
  options: { fallback: z.infer<S>; version?: number; migrations?: Record<number, Migration> },
): StoredValue<z.infer<S>> {
  type T = z.infer<S>;
  const item = storage.defineItem<T>(key, {
    fallback: options.fallback,
    version: options.version ?? 1,
    migrations: options.migrations,
  });
  const parse = (raw: unknown): T => {
    const res = schema.safeParse(raw);
    return res.success ? (res.data as T) : options.fallback;
  };
  return {
    key,
    get: async () => parse(await item.getValue()),
    set: async (value) => {
      await item.setValue(schema.parse(value) as T);
    },
    update: async (change) => {
      const next = schema.parse(change(parse(await item.getValue()))) as T;
      await item.setValue(next);
      return next;
    },
    remove: () => item.removeValue(),
    watch: (callback) => item.watch((v) => callback(parse(v))),
  };
}
