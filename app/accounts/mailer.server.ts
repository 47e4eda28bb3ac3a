import nodemailer from "nodemailer";
import { env } from "~/utils/env.server";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends account mail (password resets, invitations). With SMTP_URL set it goes through that SMTP
 * server; without it (development and the demo) the message, link included, is written to the
 * server log instead.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) {
    console.log(`mail (not sent, no SMTP_URL) to ${mail.to}: ${mail.subject}\n${mail.text}`);
    return;
  }
  transport ??= nodemailer.createTransport(SMTP_URL);
  await transport.sendMail({ from: MAIL_FROM, ...mail });
}
let transport: nodemailer.Transporter | undefined;
