// Runs once when the Next.js server starts: forwarded headers made trustworthy (before any request is served),
// then background jobs inside the app process by default.
export async function register(): Promise<void> {
  // NEXT_RUNTIME must be read literally here: the bundler uses it to leave Node-only code out of the edge build.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    const { installForwardedHeaders } = await import("@/lib/http/client-address");
    installForwardedHeaders(env().TRUSTED_PROXIES);
    // The app's own Adyen calls are recorded (redacted) so the idempotency checker audits this dashboard too.
    const { startAdyenExchangeRecording } = await import("@/lib/idempotency/recorder");
    startAdyenExchangeRecording();
    const { startInProcessJobs } = await import("@/lib/jobs/in-process");
    await startInProcessJobs();
  }
}
