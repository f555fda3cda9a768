// Guarded by the runbook's read permission; sends the runbook's client translations.
import { segmentLayout } from "@/components/shell/segment-layout";

export default segmentLayout("runbook", "runbook.read");
