// Sends the import page's client translations.
import { segmentLayout } from "@/components/shell/segment-layout";

export default segmentLayout("reconciliation/imports");
