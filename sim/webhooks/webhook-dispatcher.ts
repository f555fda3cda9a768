// Delivers notifications to the merchant's endpoint one at a time, retrying on Adyen's schedule (scaled).
import { randomUUID } from "node:crypto";
import type { WebhookTarget } from "../options";
import type { NotificationRequest } from "./notifications";
import { nextRetryDelayMs } from "./retry-schedule";

export interface DeliveryAttempt {
  readonly number: number;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly statusCode?: number;
  readonly error?: string;
  readonly accepted: boolean;
}

export interface Delivery {
  readonly id: string;
  readonly createdAt: string;
  readonly eventCode: string;
  readonly pspReference: string;
  readonly merchantReference: string;
  readonly payload: NotificationRequest;
  status: "pending" | "delivered" | "failed";
  /** Real (wall-clock) time of the next attempt while pending. */
  nextAttemptAt: string | null;
  readonly attempts: DeliveryAttempt[];
}

export interface DispatcherOptions {
  readonly timeScale: number;
  readonly timeoutMs: number;
  readonly target: WebhookTarget | null;
  readonly log: (entry: Readonly<Record<string, unknown>>) => void;
}

export class WebhookDispatcher {
  private deliveries: Delivery[] = [];
  private currentTarget: WebhookTarget | null;
  private timer: NodeJS.Timeout | undefined;
  private pumping = false;
  private closed = false;
  private readonly abort = new AbortController();

  constructor(private readonly opts: DispatcherOptions) {
    this.currentTarget = opts.target;
  }

  get target(): WebhookTarget | null {
    return this.currentTarget;
  }

  list(): readonly Delivery[] {
    return this.deliveries;
  }

  enqueue(payload: NotificationRequest): Delivery {
    const item = payload.notificationItems[0]?.NotificationRequestItem;
    const delivery: Delivery = {
      id: randomUUID(),
      createdAt: new Date().toISOString(),
      eventCode: item?.eventCode ?? "",
      pspReference: item?.pspReference ?? "",
      merchantReference: item?.merchantReference ?? "",
      payload,
      status: "pending",
      nextAttemptAt: new Date().toISOString(),
      attempts: [],
    };
    this.deliveries.push(delivery);
    this.kick();
    return delivery;
  }

  /** New target applies to the next attempt; pending deliveries are retried right away. */
  setTarget(target: WebhookTarget | null): void {
    this.currentTarget = target;
    const now = new Date().toISOString();
    for (const d of this.deliveries) if (d.status === "pending") d.nextAttemptAt = now;
    this.kick();
  }

  reset(target: WebhookTarget | null): void {
    this.deliveries = [];
    this.currentTarget = target;
    clearTimeout(this.timer);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.abort.abort();
  }

  private kick(): void {
    if (!this.closed) void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let due = this.nextDue(); due && !this.closed; due = this.nextDue()) await this.attempt(due);
    } finally {
      this.pumping = false;
    }
    this.scheduleNext();
  }

  private nextDue(): Delivery | undefined {
    if (!this.currentTarget) return undefined;
    const now = Date.now();
    return this.deliveries.find(
      (d) => d.status === "pending" && d.nextAttemptAt !== null && Date.parse(d.nextAttemptAt) <= now,
    );
  }

  private scheduleNext(): void {
    clearTimeout(this.timer);
    if (this.closed || !this.currentTarget) return;
    const times = this.deliveries.flatMap((d) =>
      d.status === "pending" && d.nextAttemptAt ? [Date.parse(d.nextAttemptAt)] : [],
    );
    if (times.length === 0) return;
    this.timer = setTimeout(() => this.kick(), Math.max(0, Math.min(...times) - Date.now()));
    this.timer.unref();
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const target = this.currentTarget;
    if (!target) return;
    const started = Date.now();
    const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.opts.timeoutMs)]);
    const outcome = await post(target, delivery.payload, signal);
    const attempt: DeliveryAttempt = {
      number: delivery.attempts.length + 1,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      ...outcome,
    };
    delivery.attempts.push(attempt);
    const { eventCode } = delivery;
    this.opts.log({
      event: "sim.webhook",
      eventCode,
      attempt: attempt.number,
      accepted: attempt.accepted,
      statusCode: attempt.statusCode,
    });
    if (attempt.accepted) {
      delivery.status = "delivered";
      delivery.nextAttemptAt = null;
      return;
    }
    const firstStarted = Date.parse(delivery.attempts[0]?.startedAt ?? attempt.startedAt);
    const delay = nextRetryDelayMs(delivery.attempts.length, (Date.now() - firstStarted) * this.opts.timeScale);
    delivery.status = delay === null ? "failed" : "pending";
    delivery.nextAttemptAt = delay === null ? null : new Date(Date.now() + delay / this.opts.timeScale).toISOString();
  }
}

async function post(
  target: WebhookTarget,
  payload: NotificationRequest,
  signal: AbortSignal,
): Promise<{ accepted: boolean; statusCode?: number; error?: string }> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Adyen HttpClient 1.0 (simulated)",
  };
  if (target.username !== undefined) {
    headers["authorization"] = `Basic ${Buffer.from(`${target.username}:${target.password ?? ""}`).toString("base64")}`;
  }
  try {
    const res = await fetch(target.url, { method: "POST", headers, body: JSON.stringify(payload), signal });
    await res.text(); // drain so the connection can be reused
    return { accepted: res.status >= 200 && res.status < 300, statusCode: res.status };
  } catch (err) {
    return { accepted: false, error: err instanceof Error ? err.message : String(err) };
  }
}
