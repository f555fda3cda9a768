// Guarded by the checker's read permission; sends the checker's client translations.
import { segmentLayout } from "@/components/shell/segment-layout";

export default segmentLayout("idempotency", "idempotency.read");
