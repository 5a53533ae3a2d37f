import { describe, expect, it } from "vitest";
import { isKnownPushService, mentions, PushSubscriptionInputSchema } from "./push";

describe("chat mentions", () => {
  it("finds @ and the name, whatever the case, at the end or before punctuation", () => {
    expect(mentions("see you @Sam", "Sam")).toBe(true);
    expect(mentions("@sam, bring it", "Sam")).toBe(true);
    expect(mentions("thanks @Jordan L.!", "Jordan L.")).toBe(true);
  });
  it("does not take a longer name, a name without @, or an empty name for a mention", () => {
    expect(mentions("hi @Samira", "Sam")).toBe(false);
    expect(mentions("Sam said hi", "Sam")).toBe(false);
    expect(mentions("@ someone", "  ")).toBe(false);
    expect(mentions("@Samira and @Sam", "Sam")).toBe(true);
  });
});

describe("push service endpoints", () => {
  it("are the browsers' push services over https, nothing else", () => {
    expect(isKnownPushService("https://fcm.googleapis.com/fcm/send/abc")).toBe(true);
    expect(isKnownPushService("https://updates.push.services.mozilla.com/wpush/v2/x")).toBe(true);
    expect(isKnownPushService("https://web.push.apple.com/QG9")).toBe(true);
    expect(isKnownPushService("http://fcm.googleapis.com/fcm/send/abc")).toBe(false);
    expect(isKnownPushService("https://169.254.169.254/latest")).toBe(false);
    expect(isKnownPushService("https://fcm.googleapis.com.evil.example/x")).toBe(false);
    expect(isKnownPushService("https://fcm.googleapis.com:8443/x")).toBe(false);
  });
});

describe("push subscriptions", () => {
  const valid = {
    endpoint: "https://push.example/abc",
    expirationTime: null,
    keys: { p256dh: "B".repeat(87), auth: "a".repeat(22) },
  };
  it("accept what browsers give", () => {
    expect(PushSubscriptionInputSchema.safeParse(valid).success).toBe(true);
  });
  it("refuse an endpoint that is not a web URL, and keys that are not base64url", () => {
    const bad = PushSubscriptionInputSchema.safeParse({
      ...valid,
      endpoint: "javascript:alert(1)",
      keys: { p256dh: "not base64!".repeat(9), auth: "a".repeat(22) },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join(".")).sort()).toEqual([
      "endpoint",
      "keys.p256dh",
    ]);
  });
});
