// Sends the reconciliation's client translations (its imports page has a permission of its own).
import { segmentLayout } from "@/components/shell/segment-layout";

export default segmentLayout("reconciliation");
