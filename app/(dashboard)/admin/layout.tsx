// Sends the admin page's client translations.
import { segmentLayout } from "@/components/shell/segment-layout";

export default segmentLayout("admin");
