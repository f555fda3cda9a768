"use client";
// Row selection for a server-rendered table: the provider holds the chosen row ids, checkboxes in cells and a
// toolbar outside the table read and change them through context.
import { createContext, useContext, useMemo, useState } from "react";

type Selection = {
  ids: ReadonlySet<string>;
  toggle: (id: string, on: boolean) => void;
  setMany: (ids: string[], on: boolean) => void;
  clear: () => void;
};

const SelectionContext = createContext<Selection | null>(null);

export function SelectionProvider({ children }: { children: React.ReactNode }) {
  const [ids, setIds] = useState<ReadonlySet<string>>(() => new Set());
  const value = useMemo<Selection>(() => {
    const setMany = (list: string[], on: boolean) =>
      setIds((prev) => {
        const next = new Set(prev);
        for (const id of list) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      });
    return { ids, toggle: (id, on) => setMany([id], on), setMany, clear: () => setIds(new Set()) };
  }, [ids]);
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

export function useSelection(): Selection {
  const s = useContext(SelectionContext);
  if (!s) throw new Error("useSelection needs a SelectionProvider above it.");
  return s;
}

const box = "h-5 w-5 cursor-pointer accent-brand-600";

/** A checkbox with a 44 px hit area around it, for phones. */
export function RowCheckbox({ id, label }: { id: string; label: string }) {
  const s = useSelection();
  return (
    <label className="-m-3 inline-flex min-h-11 min-w-11 cursor-pointer items-center justify-center">
      <input
        type="checkbox"
        className={box}
        aria-label={label}
        checked={s.ids.has(id)}
        onChange={(e) => s.toggle(id, e.target.checked)}
      />
    </label>
  );
}

export function SelectAllCheckbox({ ids, label }: { ids: string[]; label: string }) {
  const s = useSelection();
  const all = ids.length > 0 && ids.every((id) => s.ids.has(id));
  return (
    <label className="-m-3 inline-flex min-h-11 min-w-11 cursor-pointer items-center justify-center">
      <input
        type="checkbox"
        className={box}
        aria-label={label}
        disabled={ids.length === 0}
        checked={all}
        onChange={(e) => s.setMany(ids, e.target.checked)}
      />
    </label>
  );
}
