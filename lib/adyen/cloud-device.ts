// Cloud device API (terminal connection state) through the library's CloudDeviceApi, merchant account defaulted.
import type { IRequest } from "@adyen/api-library/lib/src/typings/requestOptions";
import type {
  ConnectedDevicesResponse,
  DeviceStatusResponse,
} from "@adyen/api-library/lib/src/typings/clouddevice/models";
import { AppError } from "@/lib/errors";
import type { Adyen } from "@/lib/adyen/client";

export type { ConnectedDevicesResponse, DeviceStatusResponse };

type Target = { merchantAccount?: string; options?: IRequest.Options };

function merchantAccountFor(adyen: Adyen, target: Target): string {
  const account = target.merchantAccount ?? adyen.merchantAccount;
  if (!account) throw new AppError("UNAVAILABLE", "No Adyen merchant account is configured (ADYEN_MERCHANT_ACCOUNT).");
  return account;
}

/** GET /v1/merchants/{merchantAccount}/devices/{deviceId}/status → ONLINE | OFFLINE. */
export function getDeviceStatus(adyen: Adyen, deviceId: string, target: Target = {}): Promise<DeviceStatusResponse> {
  return adyen.cloudDevice.getDeviceStatus(merchantAccountFor(adyen, target), deviceId, target.options);
}

/** GET /v1/merchants/{merchantAccount}/connectedDevices[?store=]: devices with a live cloud connection. */
export function getConnectedDevices(
  adyen: Adyen,
  storeId?: string,
  target: Target = {},
): Promise<ConnectedDevicesResponse> {
  return adyen.cloudDevice.getConnectedDevices(merchantAccountFor(adyen, target), storeId, target.options);
}
