/**
 * The reputation score of the spec's flow 8, exactly, as a pure function. Every rule and boundary
 * is written down in docs/reputation.md; tests in reputation.test.ts compute each branch by hand.
 */

export const HALF_LIFE_DAYS = 180;
/** A provider with no published review is scored as if their average were 3.5★ (docs/reputation.md). */
export const NO_REVIEWS_PRIOR_STARS = 3.5;
export const RAW_MIN = -40;
export const RAW_MAX = 105;
export const STREAK_LENGTH = 10;
const DAY_MS = 86_400_000;

export interface ReputationInput {
  now: Date;
  /** Published reviews only, any order. */
  reviews: { overallRating: number; createdAt: Date }[];
  completedJobs: number;
  /** Average minutes from booking request to accept/reject; null when the provider never answered one. */
  avgResponseMinutes: number | null;
  aadhaarVerified: boolean;
  backgroundVerified: boolean;
  /** Bookings the provider accepted (confirmed), the denominator of the cancellation rate. */
  acceptedBookings: number;
  /** Provider cancellations of accepted bookings plus no-shows. */
  providerCancellations: number;
}

export type ComponentKey = 'base' | 'jobs' | 'response' | 'aadhaar' | 'background' | 'cancellation' | 'streak';

export interface Bilingual {
  en: string;
  hi: string;
}

export interface ReputationComponent {
  key: ComponentKey;
  label: Bilingual;
  /** Points this component adds to the raw score (negative for penalties). */
  points: number;
  /** Highest points this component can give. */
  maxPoints: number;
  /** The measured input, e.g. the decayed average or the cancellation rate in percent. */
  measured: number | boolean | null;
  /** What would raise it; null when it is already at its maximum. */
  hint: Bilingual | null;
}

export interface ReputationResult {
  /** 0–100, two decimals. */
  score: number;
  raw: number;
  components: ReputationComponent[];
}

/** Weight of a review `ageDays` old: halves every 180 days; reviews dated in the future weigh 1. */
export function decayWeight(ageDays: number): number {
  return 0.5 ** (Math.max(0, ageDays) / HALF_LIFE_DAYS);
}

/** Time-decayed average of overall ratings, or null without reviews. */
export function decayedAverage(reviews: ReputationInput['reviews'], now: Date): number | null {
  if (reviews.length === 0) return null;
  let sum = 0;
  let weights = 0;
  for (const r of reviews) {
    const w = decayWeight((now.getTime() - r.createdAt.getTime()) / DAY_MS);
    sum += w * r.overallRating;
    weights += w;
  }
  return sum / weights;
}

export function jobsPoints(completedJobs: number): number {
  if (completedJobs < 10) return -10;
  if (completedJobs <= 50) return 0;
  return 15;
}

/** < 10 min → +10; 10–60 min (both inclusive) → 0; > 60 min → −5; no data → 0. */
export function responsePoints(avgMinutes: number | null): number {
  if (avgMinutes == null) return 0;
  if (avgMinutes < 10) return 10;
  if (avgMinutes <= 60) return 0;
  return -5;
}

/**
 * Cancellation rate = cancellations / accepted. < 5% → 0; 5% to 10% (both inclusive) → −10; > 10% → −25.
 * Compared in integers (cancellations × 100 against accepted × 5) so 5% is exactly 5%. No accepted bookings → 0.
 */
export function cancellationPoints(cancellations: number, accepted: number): number {
  if (accepted <= 0 || cancellations <= 0) return 0;
  const c100 = cancellations * 100;
  if (c100 < accepted * 5) return 0;
  if (c100 <= accepted * 10) return -10;
  return -25;
}

/** +10 when the provider has at least 10 reviews and the newest 10 are all 5★. */
export function streakPoints(reviews: ReputationInput['reviews']): number {
  if (reviews.length < STREAK_LENGTH) return 0;
  const newest = [...reviews].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, STREAK_LENGTH);
  return newest.every((r) => r.overallRating === 5) ? 10 : 0;
}

export function normalise(raw: number): number {
  const scaled = ((raw - RAW_MIN) / (RAW_MAX - RAW_MIN)) * 100;
  const clamped = Math.min(100, Math.max(0, scaled));
  return Math.round((clamped + Number.EPSILON) * 100) / 100;
}

const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;

export function computeReputation(input: ReputationInput): ReputationResult {
  const avg = decayedAverage(input.reviews, input.now);
  const stars = avg ?? NO_REVIEWS_PRIOR_STARS;
  const components: ReputationComponent[] = [
    baseComponent(avg, stars * 10, input.reviews.length),
    jobsComponent(input.completedJobs),
    responseComponent(input.avgResponseMinutes),
    {
      key: 'aadhaar',
      label: { en: 'Aadhaar verified', hi: 'आधार सत्यापित' },
      points: input.aadhaarVerified ? 10 : 0,
      maxPoints: 10,
      measured: input.aadhaarVerified,
      hint: input.aadhaarVerified
        ? null
        : { en: 'Verify your Aadhaar for +10 points.', hi: '+10 अंक के लिए अपना आधार सत्यापित करें।' },
    },
    {
      key: 'background',
      label: { en: 'Background verified', hi: 'पृष्ठभूमि सत्यापित' },
      points: input.backgroundVerified ? 10 : 0,
      maxPoints: 10,
      measured: input.backgroundVerified,
      hint: input.backgroundVerified
        ? null
        : { en: 'Complete a background check for +10 points.', hi: '+10 अंक के लिए पृष्ठभूमि जाँच पूरी करें।' },
    },
    cancellationComponent(input.providerCancellations, input.acceptedBookings),
    streakComponent(input.reviews),
  ];
  const raw = round2(components.reduce((s, c) => s + c.points, 0));
  return { score: normalise(raw), raw, components };
}

function baseComponent(avg: number | null, points: number, count: number): ReputationComponent {
  const hint: Bilingual | null =
    avg === null
      ? {
          en: `No reviews yet: you start from ${NO_REVIEWS_PRIOR_STARS}★. Ask customers to review completed jobs.`,
          hi: `अभी कोई समीक्षा नहीं: आप ${NO_REVIEWS_PRIOR_STARS}★ से शुरू करते हैं। ग्राहकों से पूरे हुए काम की समीक्षा करने को कहें।`,
        }
      : avg >= 5
        ? null
        : {
            en: `Your recent ratings average ${avg.toFixed(2)}★ over ${count} review(s); recent reviews count most, so 5★ work now raises it fastest.`,
            hi: `आपकी हाल की रेटिंग का औसत ${avg.toFixed(2)}★ है (${count} समीक्षाएँ); नई समीक्षाओं का वज़न ज़्यादा है, इसलिए अभी 5★ काम इसे सबसे तेज़ बढ़ाता है।`,
          };
  return {
    key: 'base',
    label: { en: 'Rating (recent reviews weigh more) × 10', hi: 'रेटिंग (नई समीक्षाओं का वज़न ज़्यादा) × 10' },
    points: round2(points),
    maxPoints: 50,
    measured: avg === null ? null : round2(avg),
    hint,
  };
}

function jobsComponent(jobs: number): ReputationComponent {
  const points = jobsPoints(jobs);
  const hint: Bilingual | null =
    points === -10
      ? {
          en: `Complete ${10 - jobs} more job(s) to remove the −10 new-provider penalty.`,
          hi: `नए प्रदाता का −10 दंड हटाने के लिए ${10 - jobs} और काम पूरे करें।`,
        }
      : points === 0
        ? {
            en: `Complete ${51 - jobs} more job(s) (more than 50 in all) for the +15 experience bonus.`,
            hi: `+15 अनुभव बोनस के लिए ${51 - jobs} और काम पूरे करें (कुल 50 से अधिक)।`,
          }
        : null;
  return {
    key: 'jobs',
    label: { en: 'Jobs completed', hi: 'पूरे किए गए काम' },
    points,
    maxPoints: 15,
    measured: jobs,
    hint,
  };
}

function responseComponent(minutes: number | null): ReputationComponent {
  const points = responsePoints(minutes);
  const hint: Bilingual | null =
    points === 10
      ? null
      : {
          en: 'Accept or decline booking requests within 10 minutes on average for +10 points (over 60 minutes costs 5).',
          hi: 'बुकिंग अनुरोधों को औसतन 10 मिनट के भीतर स्वीकार या अस्वीकार करें: +10 अंक (60 मिनट से अधिक पर −5)।',
        };
  return {
    key: 'response',
    label: { en: 'Average response time', hi: 'औसत जवाब देने का समय' },
    points,
    maxPoints: 10,
    measured: minutes === null ? null : round2(minutes),
    hint,
  };
}

function cancellationComponent(cancellations: number, accepted: number): ReputationComponent {
  const points = cancellationPoints(cancellations, accepted);
  const rate = accepted > 0 ? round2((cancellations / accepted) * 100) : 0;
  const hint: Bilingual | null =
    points === 0
      ? null
      : {
          en: `Your cancellation and no-show rate is ${rate}%. Keep every accepted booking: below 5% there is no penalty.`,
          hi: `आपकी रद्द करने और न पहुँचने की दर ${rate}% है। हर स्वीकार की गई बुकिंग निभाएँ: 5% से कम पर कोई दंड नहीं।`,
        };
  return {
    key: 'cancellation',
    label: { en: 'Cancellations and no-shows', hi: 'रद्द की गई बुकिंग और अनुपस्थिति' },
    points,
    maxPoints: 0,
    measured: rate,
    hint,
  };
}

function streakComponent(reviews: ReputationInput['reviews']): ReputationComponent {
  const points = streakPoints(reviews);
  return {
    key: 'streak',
    label: { en: 'Last 10 reviews all 5★', hi: 'पिछली 10 समीक्षाएँ सभी 5★' },
    points,
    maxPoints: 10,
    measured: points === 10,
    hint:
      points === 10
        ? null
        : {
            en: 'Earn 5★ on each of your next reviews: when your newest 10 are all 5★ you get +10.',
            hi: 'अगली समीक्षाओं में 5★ पाएँ: जब आपकी नवीनतम 10 समीक्षाएँ सभी 5★ हों तो +10 मिलते हैं।',
          },
  };
}
