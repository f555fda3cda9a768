// Orders and receipts name their store: by Adyen's store id, or in CSV files also by the store's own reference or
// name where only one store has it (what finance sees in the POS; Adyen's id it never does). The actor must be
// allowed to write for the store (checked on the raw rows, before validation), and the store must exist.
import type { Actor } from "@/lib/auth/permissions";
import { assertRowStores } from "@/lib/reconciliation/imports/permissions";
import type { ImportKind, Tx } from "@/lib/reconciliation/imports/types";
import { normalizeHeaderName } from "@/lib/validation/csv-header";
import type { CsvValues } from "@/lib/validation/csv-rows";

const keyOf = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

function addTo(map: Map<string, string[]>, key: string | null, id: string): void {
  if (!key) return;
  const list = map.get(keyOf(key));
  if (list) list.push(id);
  else map.set(keyOf(key), [id]);
}

/** Every store of the merchant (at most thousands), loaded once per import: ids, references and names. */
export class StoreDirectory {
  private readonly names = new Map<string, string>();
  private readonly byReference = new Map<string, string[]>();
  private readonly byName = new Map<string, string[]>();

  async load(tx: Tx): Promise<this> {
    const rows = await tx.store.findMany({ select: { id: true, name: true, reference: true } });
    for (const row of rows) {
      this.names.set(row.id, row.name);
      addTo(this.byReference, row.reference, row.id);
      addTo(this.byName, row.name, row.id);
    }
    return this;
  }

  get ids(): ReadonlySet<string> {
    return new Set(this.names.keys());
  }

  nameOf(id: string): string | undefined {
    return this.names.get(id);
  }

  /** The id a cell names: the id itself, else the only store with this reference, else the only one with this name. */
  resolve(value: string): string | undefined {
    const trimmed = value.trim();
    if (this.names.has(trimmed)) return trimmed;
    const byReference = this.byReference.get(keyOf(trimmed));
    if (byReference) return byReference.length === 1 ? byReference[0] : undefined;
    const byName = this.byName.get(keyOf(trimmed));
    return byName?.length === 1 ? byName[0] : undefined;
  }

  /** Why a cell names no store: unknown, or a reference or name that several stores share. */
  unknownReason(value: string): string {
    const shared = this.byReference.get(keyOf(value)) ?? this.byName.get(keyOf(value));
    if (shared && shared.length > 1) {
      return `"${value}" names ${shared.length} stores: give the store's Adyen store id (or a reference only one store has)`;
    }
    return `unknown store "${value}": give the store's Adyen store id, its reference or its name`;
  }
}

/** API rows (`{ storeId, … }` as sent), reported by index. */
export function assertApiRowStores(actor: Actor, kind: ImportKind, rows: readonly unknown[]): void {
  assertRowStores(
    actor,
    kind,
    rows.map((row, index) => ({
      storeId: typeof row === "object" && row !== null ? (row as { storeId?: unknown }).storeId : undefined,
      where: `index ${index}`,
    })),
  );
}

const STORE_COLUMN = normalizeHeaderName("storeId");

/** The storeId column of a file, however its header is spelled: every record has the header's names. */
function storeColumn(chunk: readonly CsvValues[]): string | undefined {
  return Object.keys(chunk[0]?.values ?? {}).find((name) => normalizeHeaderName(name) === STORE_COLUMN);
}

/**
 * CSV records with the store cell replaced by the store id it names (a reference or name that identifies one store),
 * after checking that the actor may write for every store named, reported by line as written.
 */
export function resolveCsvRowStores(
  actor: Actor,
  kind: ImportKind,
  chunk: readonly CsvValues[],
  stores: StoreDirectory,
): CsvValues[] {
  const column = storeColumn(chunk);
  if (column === undefined) return [...chunk]; // the header check already refused such a file
  const resolved = chunk.map((r) => {
    const written = r.values[column] ?? "";
    const id = stores.resolve(written);
    return id === undefined || id === written ? r : { line: r.line, values: { ...r.values, [column]: id } };
  });
  assertRowStores(
    actor,
    kind,
    resolved.map((r, i) => ({ storeId: r.values[column], where: `line ${r.line}`, shown: chunk[i]?.values[column] })),
  );
  return resolved;
}
