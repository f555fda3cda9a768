// Which terminal models print receipts. Standalone payments need a printed merchant receipt (a compliance
// requirement), so a terminal without a printer is never "ready for standalone".

/**
 * Adyen documents built-in printers on exactly these models (V400m, V400c Plus, S1F2, S1F2L, V240m Plus), written
 * here the way the Management API spells `model` ("V400cPlus"), compared without case or spaces.
 */
export const PRINTER_MODELS: readonly string[] = ["V400m", "V400cPlus", "S1F2", "S1F2L", "V240mPlus"];

const NORMALISED = new Set(PRINTER_MODELS.map(normaliseModel));

/** "Verifone.V400c Plus" / "V400C PLUS" / "V400cPlus" → "v400cplus". */
export function normaliseModel(model: string): string {
  const bare = model.includes(".") ? model.slice(model.lastIndexOf(".") + 1) : model;
  return bare.replace(/[\s_-]+/g, "").toLowerCase();
}

export function hasPrinter(model: string | null | undefined): boolean {
  return model ? NORMALISED.has(normaliseModel(model)) : false;
}

/** Ready for standalone: standalone switched on, a printer for the receipts, and boarded (it takes payments). */
export function isReadyForStandalone(t: {
  model: string | null;
  standaloneEnabled: boolean | null;
  assignmentStatus: string | null;
}): boolean {
  return t.standaloneEnabled === true && hasPrinter(t.model) && t.assignmentStatus === "boarded";
}
