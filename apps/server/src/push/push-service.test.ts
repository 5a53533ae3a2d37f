import { DomainError, type Actor } from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import type { AuditLog } from "../audit/audit-log";
import type { Logger } from "../logger";
import { MESSAGES } from "../i18n/messages";
import type { PushRepository, RecipientPushSubscription } from "./push-repository";
import { createPushService, type PushSend } from "./push-service";

const actor: Actor = { userId: "u1", role: "PARTICIPANT", organizationId: "o1" };
const keys = { p256dh: "B".repeat(87), auth: "a".repeat(22) };
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

function setup(answers: Record<string, number>) {
  const saved: string[] = [];
  const forgotten: string[] = [];
  const sent: { endpoint: string; payload: string }[] = [];
  const stored: RecipientPushSubscription[] = Object.keys(answers).map((endpoint, i) => ({
    id: `s${i}`,
    userId: "u1",
    endpoint,
    ...keys,
    user: { role: "FACILITATOR", locale: "es" },
  }));
  const repo = {
    save: (_db: unknown, _userId: string, input: { endpoint: string }) => {
      saved.push(input.endpoint);
      return Promise.resolve({ id: "new", userId: "u1", ...keys, endpoint: input.endpoint });
    },
    forUsers: () => Promise.resolve(stored),
    forget: (id: string) => {
      forgotten.push(id);
      return Promise.resolve();
    },
  } as unknown as PushRepository;
  const audit = {
    change: (_c: unknown, _a: unknown, _t: unknown, write: (tx: unknown) => Promise<unknown>) =>
      write({}),
  } as unknown as AuditLog;
  const send: PushSend = (subscription, payload) => {
    sent.push({ endpoint: subscription.endpoint, payload });
    const status = answers[subscription.endpoint] ?? 201;
    if (status >= 300)
      return Promise.reject(Object.assign(new Error("refused"), { statusCode: status }));
    return Promise.resolve({ statusCode: status });
  };
  const push = createPushService({
    repo,
    keys: { publicKey: "pub", privateKey: "priv" },
    subject: "mailto:it@clinic.example",
    audit,
    logger: silent as unknown as Logger,
    send,
  });
  return { push, saved, forgotten, sent };
}

describe("the push sender", () => {
  it("accepts only browsers' push services as endpoints, naming the field", async () => {
    const { push, saved } = setup({});
    const refused = push.subscribe({ actor }, { endpoint: "https://10.0.0.5/hook", keys });
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({
      code: "invalid_input",
      fields: { endpoint: expect.any(String) as string },
    });
    await push.subscribe({ actor }, { endpoint: "https://fcm.googleapis.com/fcm/send/x", keys });
    expect(saved).toEqual(["https://fcm.googleapis.com/fcm/send/x"]);
  });

  it("forgets subscriptions the push service says are gone, and keeps those that only failed", async () => {
    const { push, forgotten, sent } = setup({
      "https://fcm.googleapis.com/a": 201,
      "https://fcm.googleapis.com/gone": 410,
      "https://fcm.googleapis.com/missing": 404,
      "https://fcm.googleapis.com/busy": 503,
    });
    await push.notify(["u1"], "crisis-alert", "/alerts");
    expect(sent).toHaveLength(4);
    expect(forgotten.sort()).toEqual(["s1", "s2"]);
    expect(JSON.parse(sent[0]?.payload ?? "{}")).toEqual({
      kind: "crisis-alert",
      title: "Bridgeway",
      // Staff hear English whatever language they chose: their screens are in English.
      body: MESSAGES.en.push["crisis-alert"],
      url: "/alerts",
    });
  });
});
