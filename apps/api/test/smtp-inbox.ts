import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createTestApp, type TestApp, type TestAppOptions } from './test-app';

/** A real SMTP server in this process for integration tests: every mail it accepts, parsed as a mail client would. */
export class SmtpInbox {
  readonly received: ParsedMail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          this.received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });

  /** Listens on a free local port; answers the `SMTP_URL` to give the app. */
  async start(): Promise<string> {
    await new Promise<void>((ok) => this.server.listen(0, '127.0.0.1', ok));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise<void>((ok) => this.server.close(() => ok()));
  }

  /** The mails received so far that are addressed to `email`, oldest first. */
  mailsTo(email: string): ParsedMail[] {
    return this.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((a) => a.address === email));
  }
}

/** Polls `check` every 100 ms until it holds; fails the test after `ms`. */
export async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts `smtp` and a test app that mails through it, its links pointing at a public address. */
export async function createMailingTestApp(smtp: SmtpInbox, options: TestAppOptions = {}): Promise<TestApp> {
  const smtpUrl = await smtp.start();
  return createTestApp({ ...options, env: { SMTP_URL: smtpUrl, PUBLIC_URL: 'https://impact.example.org', ...options.env } });
}

/** Closes the app (when it started) and then its inbox. */
export async function closeMailingTestApp(t: TestApp | undefined, smtp: SmtpInbox): Promise<void> {
  await t?.close();
  await smtp.stop();
}
