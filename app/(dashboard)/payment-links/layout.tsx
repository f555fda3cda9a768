// Guarded by the links' read permission; sends the links' client translations.
import { segmentLayout } from "@/components/shell/segment-layout";

export default segmentLayout("payment-links", "links.read");
