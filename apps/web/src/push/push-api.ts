import { PushConfigSchema, type PushConfigDto } from "@bridgeway/domain";
import type { ApiClient } from "../api/api-client";

/** This device's push subscription as the server stores it. */
export type DeviceSubscriptionJson = {
  endpoint: string;
  expirationTime?: number | null;
  keys: { p256dh: string; auth: string };
};

/** The signed-in person's notifications on this device. */
export function createPushApi(api: ApiClient) {
  return {
    config(signal?: AbortSignal): Promise<PushConfigDto> {
      return api.get("/api/push/config", PushConfigSchema, signal);
    },
    subscribe(subscription: DeviceSubscriptionJson): Promise<void> {
      return api.writeNoContent("PUT", "/api/push/subscription", subscription);
    },
    unsubscribe(endpoint: string): Promise<void> {
      return api.writeNoContent("DELETE", "/api/push/subscription", { endpoint });
    },
  };
}

export type PushApi = ReturnType<typeof createPushApi>;
