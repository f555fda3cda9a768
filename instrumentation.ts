// Runs once when the Next.js server starts: background jobs run inside the app process by default.
export async function register(): Promise<void> {
  // NEXT_RUNTIME must be read literally here: the bundler uses it to leave Node-only code out of the edge build.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // The app's own Adyen calls are recorded (redacted) so the idempotency checker audits this dashboard too.
    const { startAdyenExchangeRecording } = await import("@/lib/idempotency/recorder");
    startAdyenExchangeRecording();
    const { startInProcessJobs } = await import("@/lib/jobs/in-process");
    await startInProcessJobs();
  }
}
