import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, onTestFinished } from "vitest";
import { createAppServices } from "../app/services";
import { ServicesProvider } from "../app/services-context";
import { createLocalOnlySync } from "../sign-in/sign-in-sync";
import { apiError, json, stubApi } from "../test/fake-api";
import { DeviceNotificationsCard } from "./device-notifications-card";
import type { DeviceSubscriptionJson } from "./push-api";
import {
  base64UrlToBytes,
  forgetThisDevice,
  type PushDevice,
  type PushSupport,
} from "./push-device";

const PUBLIC_KEY = "B".repeat(87);
const SUBSCRIPTION: DeviceSubscriptionJson = {
  endpoint: "https://push.example/device-1",
  expirationTime: null,
  keys: { p256dh: "p".repeat(87), auth: "a".repeat(22) },
};

/** A browser with the choices the test makes for it. */
function fakeDevice(
  options: {
    support?: PushSupport;
    answer?: NotificationPermission;
    current?: DeviceSubscriptionJson | null;
  } = {},
) {
  let current = options.current ?? null;
  let support = options.support ?? "ask";
  const calls: string[] = [];
  const device: PushDevice = {
    support: () => support,
    requestPermission: () => {
      calls.push("ask");
      const answer = options.answer ?? "granted";
      support = answer === "granted" ? "granted" : answer === "denied" ? "blocked" : "ask";
      return Promise.resolve(answer);
    },
    current: () => Promise.resolve(current),
    subscribe: (key) => {
      calls.push(`subscribe ${key}`);
      current = SUBSCRIPTION;
      return Promise.resolve(SUBSCRIPTION);
    },
    unsubscribe: () => {
      calls.push("unsubscribe");
      const had = current?.endpoint ?? null;
      current = null;
      return Promise.resolve(had);
    },
  };
  return { device, calls };
}

function renderCard(device: PushDevice) {
  const services = createAppServices({ sync: createLocalOnlySync(), retry: false });
  onTestFinished(() => services.dispose());
  const user = userEvent.setup();
  render(
    <ServicesProvider services={services}>
      <DeviceNotificationsCard device={device} />
    </ServicesProvider>,
  );
  return user;
}

describe("notifications on this device", () => {
  it("asks the browser's permission, subscribes with the server's key and tells the server", async () => {
    const { requests } = stubApi({
      "GET /api/push/config": json(200, { publicKey: PUBLIC_KEY }),
      "PUT /api/push/subscription": { status: 204 },
    });
    const { device, calls } = fakeDevice();
    const user = renderCard(device);
    const toggle = await screen.findByRole("switch", { name: "Notifications on this device" });
    expect(toggle.getAttribute("aria-checked")).toBe("false");
    await user.click(toggle);
    await waitFor(() => expect(toggle.getAttribute("aria-checked")).toBe("true"));
    expect(calls).toEqual(["ask", `subscribe ${PUBLIC_KEY}`]);
    const put = requests.find((r) => r.method === "PUT");
    expect(put?.body).toEqual(SUBSCRIPTION);
    expect(screen.getByText(/never show what was said/)).toBeTruthy();
  });

  it("turns off: the browser's subscription ends and the server forgets the device", async () => {
    const { requests } = stubApi({ "DELETE /api/push/subscription": { status: 204 } });
    const { device, calls } = fakeDevice({ support: "granted", current: SUBSCRIPTION });
    const user = renderCard(device);
    const toggle = await screen.findByRole("switch", { name: "Notifications on this device" });
    await waitFor(() => expect(toggle.getAttribute("aria-checked")).toBe("true"));
    await user.click(toggle);
    await waitFor(() => expect(toggle.getAttribute("aria-checked")).toBe("false"));
    expect(calls).toEqual(["unsubscribe"]);
    expect(requests.find((r) => r.method === "DELETE")?.body).toEqual({
      endpoint: SUBSCRIPTION.endpoint,
    });
  });

  it("says how to unblock when the person refuses, and subscribes nothing", async () => {
    const { requests } = stubApi({});
    const { device, calls } = fakeDevice({ answer: "denied" });
    const user = renderCard(device);
    await user.click(await screen.findByRole("switch"));
    expect(await screen.findByText(/blocked for Bridgeway in this browser/)).toBeTruthy();
    expect(screen.queryByRole("switch")).toBeNull();
    expect(calls).toEqual(["ask"]);
    expect(requests).toHaveLength(0);
  });

  it("says when the browser cannot do notifications at all", async () => {
    stubApi({});
    renderCard(fakeDevice({ support: "unsupported" }).device);
    expect(await screen.findByText(/cannot show notifications from Bridgeway/)).toBeTruthy();
    expect(screen.queryByRole("switch")).toBeNull();
  });

  it("leaves the switch off and the browser unsubscribed when the server refuses", async () => {
    stubApi({
      "GET /api/push/config": json(200, { publicKey: PUBLIC_KEY }),
      "PUT /api/push/subscription": apiError(
        400,
        "invalid_input",
        "The endpoint must be an https URL.",
        {
          endpoint: "The endpoint must be an https URL.",
        },
      ),
    });
    const { device, calls } = fakeDevice();
    const user = renderCard(device);
    const toggle = await screen.findByRole("switch");
    await user.click(toggle);
    expect((await screen.findByRole("alert")).textContent).toMatch(/.+/);
    expect(toggle.getAttribute("aria-checked")).toBe("false");
    expect(calls).toEqual(["ask", `subscribe ${PUBLIC_KEY}`, "unsubscribe"]);
  });
});

describe("VAPID public keys", () => {
  it("turn into the bytes pushManager wants", () => {
    expect([...base64UrlToBytes("AQID_-8")]).toEqual([1, 2, 3, 255, 239]);
  });
});

describe("signing out", () => {
  it("ends this device's subscription and tells the server, when notifications were on", async () => {
    const { device, calls } = fakeDevice({ support: "granted", current: SUBSCRIPTION });
    const told: string[] = [];
    await forgetThisDevice((endpoint) => {
      told.push(endpoint);
      return Promise.resolve();
    }, device);
    expect(calls).toEqual(["unsubscribe"]);
    expect(told).toEqual([SUBSCRIPTION.endpoint]);
  });

  it("never stands in the way of signing out", async () => {
    const { device } = fakeDevice({ support: "granted", current: SUBSCRIPTION });
    await expect(
      forgetThisDevice(() => Promise.reject(new Error("offline")), device),
    ).resolves.toBeUndefined();
    const untouched = fakeDevice({ support: "ask" });
    await forgetThisDevice(() => Promise.resolve(), untouched.device);
    expect(untouched.calls).toEqual([]);
  });
});
