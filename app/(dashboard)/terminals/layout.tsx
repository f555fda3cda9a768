// Guarded by the terminals' read permission; sends their client translations.
import { segmentLayout } from "@/components/shell/segment-layout";

export default segmentLayout("terminals", "terminals.read");
