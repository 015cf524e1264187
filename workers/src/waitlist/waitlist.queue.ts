// The waitlist: when a session's time frees up (cancelled, or moved away), the appointments
// subgraph enqueues `slot-freed`; the worker offers the time to the first matching waitlist entry
// (a held slot plus an email with an accept link) and enqueues `offer-lapsed` for when the offer
// runs out, which moves the offer on to the next entry.
import { Queue } from 'bullmq';
import { bullmqQueueOptions } from '../bullmq-connection';

export const WAITLIST_QUEUE = 'waitlist';
/** How long a waitlisted client has to accept an offered time before it moves on. */
export const WAITLIST_OFFER_MINUTES = 60;

export type WaitlistJobData =
  | { kind: 'slot-freed'; practiceId: string; clinicianId: string; startsAt: string; endsAt: string; cause: string }
  | { kind: 'offer-lapsed'; practiceId: string; offerId: string };

export type WaitlistQueue = Queue<WaitlistJobData>;

export function createWaitlistQueue(redisUrl: string, name = WAITLIST_QUEUE): WaitlistQueue {
  return new Queue<WaitlistJobData>(name, {
    ...bullmqQueueOptions(redisUrl),
    defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 } },
  });
}

/** One job per freed time and cause (an appointment change or a lapsed offer): duplicates add nothing. */
export async function enqueueSlotFreed(queue: WaitlistQueue, slot: Omit<Extract<WaitlistJobData, { kind: 'slot-freed' }>, 'kind'>): Promise<void> {
  const jobId = `freed-${slot.clinicianId}-${Date.parse(slot.startsAt)}-${slot.cause}`.replace(/:/g, '-');
  await queue.add('slot-freed', { kind: 'slot-freed', ...slot }, { jobId });
}

export async function scheduleOfferLapse(queue: WaitlistQueue, offer: { practiceId: string; offerId: string }, delayMs: number): Promise<void> {
  await queue.add('offer-lapsed', { kind: 'offer-lapsed', ...offer }, { jobId: `lapse-${offer.offerId}`, delay: Math.max(0, delayMs) });
}

/** A declined offer lapses now (the delayed job is replaced by an immediate one). */
export async function lapseOfferNow(queue: WaitlistQueue, offer: { practiceId: string; offerId: string }): Promise<void> {
  await queue.remove(`lapse-${offer.offerId}`);
  await queue.add('offer-lapsed', { kind: 'offer-lapsed', ...offer }, { jobId: `lapse-now-${offer.offerId}` });
}
