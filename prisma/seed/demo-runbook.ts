// Demo data for the runbook in simulator mode: Amsterdam has Tap to Pay on two phones, with its procedure.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_STORE_IDS } from "@/sim/catalog";

export async function seedDemoRunbook(client: PrismaClient): Promise<void> {
  await client.store.update({
    where: { id: DEMO_STORE_IDS.AMSTERDAM },
    data: {
      hasTapToPay: true,
      tapToPayDevices: 2,
      tapToPaySteps:
        "1. Take one of the two store phones from the office drawer.\n" +
        "2. Open the Adyen Tap to Pay app and sign in with the store PIN.\n" +
        "3. Enter the amount and let the customer hold the card or phone to the back of the phone.\n" +
        "4. Note the POS order number in the payment's reference field.",
    },
  });
}
