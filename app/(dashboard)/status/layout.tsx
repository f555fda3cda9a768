// Guarded by the status read permission; sends the status panel's client translations.
import { segmentLayout } from "@/components/shell/segment-layout";

export default segmentLayout("status", "status.read");
