import nodemailer from "nodemailer";
import { env } from "~/utils/env.server";
import { logger } from "~/observability/logger.server";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends account mail (password resets, invitations). With SMTP_URL set it goes through that SMTP
 * server; without it (development and the demo) it is not sent: the log says so without the
 * address or the link, and only in development is the message, link included, printed to stderr
 * (outside the structured log) so a developer can follow it.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM, NODE_ENV } = env();
  if (!SMTP_URL) {
    logger().warn({ subject: mail.subject }, "mail not sent: SMTP_URL is not set");
    if (NODE_ENV === "development")
      process.stderr.write(`\n--- mail to ${mail.to}: ${mail.subject}\n${mail.text}\n---\n`);
    return;
  }
  transport ??= nodemailer.createTransport(SMTP_URL);
  await transport.sendMail({ from: MAIL_FROM, ...mail });
}
let transport: nodemailer.Transporter | undefined;
