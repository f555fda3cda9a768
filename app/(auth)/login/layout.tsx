// Sends the sign-in form's translations.
import { segmentLayout } from "@/components/shell/segment-layout";

export default segmentLayout("login");
