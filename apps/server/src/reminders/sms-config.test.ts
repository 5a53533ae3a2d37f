import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config";

const SID = `AC${"0123456789abcdef".repeat(2)}`;

describe("text message settings", () => {
  it("keeps text messages in an outbox folder when no provider is set", () => {
    expect(loadConfig({ SMS_OUTBOX_DIR: "/tmp/sms" }).sms).toEqual({
      kind: "outbox",
      dir: "/tmp/sms",
    });
  });

  it("sends through Twilio when all three settings are given", () => {
    const config = loadConfig({
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: "a-long-enough-auth-token",
      TWILIO_FROM: "+13125550199",
    });
    expect(config.sms).toEqual({
      kind: "twilio",
      apiUrl: "https://api.twilio.com",
      accountSid: SID,
      authToken: "a-long-enough-auth-token",
      from: "+13125550199",
    });
  });

  it("names each missing or malformed Twilio setting", () => {
    let error: unknown;
    try {
      loadConfig({ TWILIO_ACCOUNT_SID: SID });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(Object.keys((error as ConfigError).problems).sort()).toEqual([
      "TWILIO_AUTH_TOKEN",
      "TWILIO_FROM",
    ]);
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: "not-a-sid" })).toThrow(/TWILIO_ACCOUNT_SID/);
    expect(() => loadConfig({ JOB_INTERVAL_SECONDS: "-1" })).toThrow(/JOB_INTERVAL_SECONDS/);
  });
});
