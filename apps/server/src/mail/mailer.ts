import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";
import type { Config } from "../config";
import type { Logger } from "../logger";

export type Email = { to: string; subject: string; text: string };

export type Mailer = { send(email: Email): Promise<void> };

/**
 * Sends email through the configured SMTP relay, or, on the embedded defaults, writes each
 * message as an .eml file to a local outbox folder (so invitations work on one machine, and
 * tests read them). The log says where a message went, never to whom or what it says.
 */
export function createMailer(config: Config["mail"], logger: Logger): Mailer {
  if (config.kind === "smtp") {
    const transport = nodemailer.createTransport(config.url);
    return {
      async send(email) {
        await transport.sendMail({ from: config.from, ...email });
        logger.info("email sent through SMTP");
      },
    };
  }
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
  });
  return {
    async send(email) {
      const info = await transport.sendMail({ from: config.from, ...email });
      mkdirSync(config.dir, { recursive: true });
      const file = join(
        config.dir,
        `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`,
      );
      writeFileSync(file, info.message as Buffer, { mode: 0o600 });
      logger.info({ file }, "no SMTP relay configured: email written to the local outbox");
    },
  };
}
