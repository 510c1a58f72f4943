/**
 * Match score (0–100) of one provider for one search, per the spec's flow 7: rating 40%,
 * verification 20%, response time 15%, distance 15%, availability 10%; then bounded
 * personalisation; then +10% for high-reputation providers, capped at 100. Every formula is
 * documented in docs/matching.md. Pure: no I/O.
 */

export const WEIGHTS = { rating: 40, verification: 20, responseTime: 15, distance: 15, availability: 10 } as const;
/** Bayesian prior: a provider with no reviews is treated as having PRIOR_COUNT reviews of PRIOR_MEAN stars. */
export const PRIOR_MEAN = 3.5;
export const PRIOR_COUNT = 10;
export const PERSONALISATION_CAP = 10;
export const PERSONAL_POINTS = { goodPastBooking: 5, specialist: 3, languageMatch: 2 } as const;
export const VERIFICATION_POINTS = { aadhaar: 12, background: 8 } as const;
export const REPUTATION_BOOST_THRESHOLD = 80;
export const REPUTATION_BOOST = 0.1;
/** Response time: full points at or under FAST, none at or over SLOW, linear between; unknown = half. */
export const RESPONSE_FAST_SEC = 600;
export const RESPONSE_SLOW_SEC = 7200;

export type Availability = 'free' | 'same-day' | 'not';

export interface ScoreInput {
  averageRating: number;
  ratingCount: number;
  aadhaarVerified: boolean;
  backgroundVerified: boolean;
  /** Average seconds to respond to a booking request; null when unknown. */
  responseTimeSec: number | null;
  distanceKm: number;
  /** The search radius the distance is measured against (km, > 0). */
  radiusKm: number;
  availability: Availability;
  reputationScore: number;
  personal: { goodPastBooking: boolean; specialist: boolean; languageMatch: boolean; specialityName?: string };
}

export type ScoreComponent =
  | 'rating'
  | 'verification'
  | 'responseTime'
  | 'distance'
  | 'availability'
  | 'personalisation'
  | 'reputationBoost';

export interface ScorePart {
  component: ScoreComponent;
  points: number;
  max: number;
  reason: { en: string; hi: string };
}

export interface MatchScore {
  matchScore: number;
  breakdown: ScorePart[];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round1 = (x: number) => Math.round(x * 10) / 10;

/** (PRIOR_COUNT·PRIOR_MEAN + n·avg) / (PRIOR_COUNT + n). */
export function bayesianRating(average: number, count: number): number {
  const n = Math.max(0, count);
  return (PRIOR_COUNT * PRIOR_MEAN + n * average) / (PRIOR_COUNT + n);
}

/** 40 · (bayes − 1) / 4: 1★ → 0, 5★ → 40. */
export function ratingPoints(average: number, count: number): number {
  return WEIGHTS.rating * clamp01((bayesianRating(average, count) - 1) / 4);
}

/** Aadhaar 12 + background check 8. */
export function verificationPoints(aadhaar: boolean, background: boolean): number {
  return (aadhaar ? VERIFICATION_POINTS.aadhaar : 0) + (background ? VERIFICATION_POINTS.background : 0);
}

export function responseTimePoints(sec: number | null): number {
  if (sec === null) return WEIGHTS.responseTime / 2;
  return WEIGHTS.responseTime * clamp01((RESPONSE_SLOW_SEC - sec) / (RESPONSE_SLOW_SEC - RESPONSE_FAST_SEC));
}

/** 15 · (1 − d / radius), never below 0. */
export function distancePoints(distanceKm: number, radiusKm: number): number {
  return WEIGHTS.distance * clamp01(1 - distanceKm / Math.max(radiusKm, 0.001));
}

export function availabilityPoints(a: Availability): number {
  return a === 'free' ? WEIGHTS.availability : a === 'same-day' ? WEIGHTS.availability / 2 : 0;
}

/** 5 (you rated them ≥ 4 before) + 3 (specialises in what you asked) + 2 (speaks your language), at most 10. */
export function personalisationPoints(p: ScoreInput['personal']): number {
  const raw =
    (p.goodPastBooking ? PERSONAL_POINTS.goodPastBooking : 0) +
    (p.specialist ? PERSONAL_POINTS.specialist : 0) +
    (p.languageMatch ? PERSONAL_POINTS.languageMatch : 0);
  return Math.min(PERSONALISATION_CAP, raw);
}

function formatMinutes(sec: number): { en: string; hi: string } {
  const min = Math.max(1, Math.round(sec / 60));
  if (min < 90) return { en: `${min} min`, hi: `${min} मिनट` };
  const h = Math.round(min / 60);
  return { en: `${h} h`, hi: `${h} घंटे` };
}

/** The numbers behind a match score, without the explanations. */
function scoreParts(input: ScoreInput) {
  const rating = ratingPoints(input.averageRating, input.ratingCount);
  const verification = verificationPoints(input.aadhaarVerified, input.backgroundVerified);
  const response = responseTimePoints(input.responseTimeSec);
  const distance = distancePoints(input.distanceKm, input.radiusKm);
  const availability = availabilityPoints(input.availability);
  const personal = personalisationPoints(input.personal);
  const base = rating + verification + response + distance + availability;
  const withPersonal = Math.min(100, base + personal);
  const boosted =
    input.reputationScore >= REPUTATION_BOOST_THRESHOLD ? Math.min(100, withPersonal * (1 + REPUTATION_BOOST)) : withPersonal;
  return { rating, verification, response, distance, availability, personal, withPersonal, boosted };
}

export function computeMatchScore(input: ScoreInput): MatchScore {
  const { rating, verification, response, distance, availability, personal, withPersonal, boosted } = scoreParts(input);

  const bayes = bayesianRating(input.averageRating, input.ratingCount);
  const ratingReason =
    input.ratingCount === 0
      ? { en: 'No reviews yet (counted as average)', hi: 'अभी कोई समीक्षा नहीं (औसत माना गया)' }
      : {
          en: `${input.averageRating.toFixed(1)}★ from ${input.ratingCount} reviews (weighted ${bayes.toFixed(2)})`,
          hi: `${input.ratingCount} समीक्षाओं में ${input.averageRating.toFixed(1)}★ (भारित ${bayes.toFixed(2)})`,
        };
  const verified = [
    input.aadhaarVerified ? ['Aadhaar verified', 'आधार सत्यापित'] : null,
    input.backgroundVerified ? ['background checked', 'पृष्ठभूमि जाँच पास'] : null,
  ].filter((x): x is string[] => x !== null);
  const verificationReason = verified.length
    ? { en: verified.map((v) => v[0]).join(', '), hi: verified.map((v) => v[1]).join(', ') }
    : { en: 'Not verified yet', hi: 'अभी सत्यापित नहीं' };
  const rt = input.responseTimeSec === null ? null : formatMinutes(input.responseTimeSec);
  const responseReason = rt
    ? { en: `Usually responds in ${rt.en}`, hi: `आमतौर पर ${rt.hi} में जवाब देते हैं` }
    : { en: 'Response time not known yet', hi: 'जवाब देने का समय अभी ज्ञात नहीं' };
  const km = input.distanceKm.toFixed(1);
  const availabilityReason = {
    free: { en: 'Free at the time you asked for', hi: 'आपके बताए समय पर उपलब्ध' },
    'same-day': { en: 'Free the same day, not at that exact time', hi: 'उसी दिन उपलब्ध, ठीक उस समय नहीं' },
    not: { en: 'Not free that day', hi: 'उस दिन उपलब्ध नहीं' },
  }[input.availability];
  const why: string[][] = [];
  if (input.personal.goodPastBooking) why.push(['you rated a past job 4★ or more', 'आपने पिछले काम को 4★ या अधिक दिया']);
  if (input.personal.specialist) {
    const s = input.personal.specialityName ?? 'this service';
    why.push([`specialises in ${s}`, `${s} के विशेषज्ञ`]);
  }
  if (input.personal.languageMatch) why.push(['speaks your language', 'आपकी भाषा बोलते हैं']);
  const personalReason = why.length
    ? { en: why.map((w) => w[0]).join('; '), hi: why.map((w) => w[1]).join('; ') }
    : { en: 'No personal match', hi: 'कोई व्यक्तिगत मेल नहीं' };
  const boostReason =
    input.reputationScore >= REPUTATION_BOOST_THRESHOLD
      ? {
          en: `High reputation (${Math.round(input.reputationScore)}/100): +10%`,
          hi: `उच्च प्रतिष्ठा (${Math.round(input.reputationScore)}/100): +10%`,
        }
      : { en: 'No reputation boost (needs 80/100)', hi: 'प्रतिष्ठा बोनस नहीं (80/100 चाहिए)' };

  return {
    matchScore: round1(boosted),
    breakdown: [
      { component: 'rating', points: round1(rating), max: WEIGHTS.rating, reason: ratingReason },
      { component: 'verification', points: round1(verification), max: WEIGHTS.verification, reason: verificationReason },
      { component: 'responseTime', points: round1(response), max: WEIGHTS.responseTime, reason: responseReason },
      {
        component: 'distance',
        points: round1(distance),
        max: WEIGHTS.distance,
        reason: { en: `${km} km away`, hi: `${km} किमी दूर` },
      },
      { component: 'availability', points: round1(availability), max: WEIGHTS.availability, reason: availabilityReason },
      { component: 'personalisation', points: round1(personal), max: PERSONALISATION_CAP, reason: personalReason },
      { component: 'reputationBoost', points: round1(boosted - withPersonal), max: 10, reason: boostReason },
    ],
  };
}

/**
 * The highest score this provider could reach if its availability were at best `best` (used to prune
 * before the calendars are read); exactly its score when its availability is `best`.
 */
export function upperBoundScore(input: Omit<ScoreInput, 'availability'>, best: Availability = 'free'): number {
  // The same arithmetic as scoreParts, in the same order, without allocating: it runs for every candidate
  // of a search.
  const base =
    ratingPoints(input.averageRating, input.ratingCount) +
    verificationPoints(input.aadhaarVerified, input.backgroundVerified) +
    responseTimePoints(input.responseTimeSec) +
    distancePoints(input.distanceKm, input.radiusKm) +
    availabilityPoints(best);
  const withPersonal = Math.min(100, base + personalisationPoints(input.personal));
  return round1(
    input.reputationScore >= REPUTATION_BOOST_THRESHOLD ? Math.min(100, withPersonal * (1 + REPUTATION_BOOST)) : withPersonal,
  );
}

/** SQL expressions (column references or parameters) for the inputs of upperBoundSql. */
export interface ScoreSqlInputs {
  averageRating: string;
  ratingCount: string;
  aadhaarVerified: string;
  backgroundVerified: string;
  responseTimeSec: string;
  distanceKm: string;
  radiusKm: string;
  /** Availability points (availabilityPoints of the best availability), e.g. a CASE on working days. */
  availabilityPoints: string;
  goodPastBooking: string;
  specialist: string;
  languageMatch: string;
  reputationScore: string;
}

const f8 = (x: number) => `${x}::float8`;
const points = (flag: string, n: number) => `(CASE WHEN ${flag} THEN ${n} ELSE 0 END)`;

/**
 * upperBoundScore as a PostgreSQL float8 expression, built from the same constants, so the database can
 * rank candidates and send only the best (search's candidate statement). The arithmetic runs in the same
 * order; it is not rounded to one decimal, so a JS score is within 0.05 (+ float noise) of it — callers
 * that need a bound add SQL_BOUND_MARGIN. A property test holds the two together.
 */
export function upperBoundSql(i: ScoreSqlInputs): string {
  const n = `greatest(0, ${i.ratingCount})`;
  const bayes = `(${f8(PRIOR_COUNT * PRIOR_MEAN)} + ${n} * (${i.averageRating})::float8) / (${PRIOR_COUNT} + ${n})`;
  const rating = `${f8(WEIGHTS.rating)} * least(${f8(1)}, greatest(${f8(0)}, (${bayes} - 1) / 4))`;
  const verification = `(${points(i.aadhaarVerified, VERIFICATION_POINTS.aadhaar)} + ${points(i.backgroundVerified, VERIFICATION_POINTS.background)})`;
  const response = `(CASE WHEN ${i.responseTimeSec} IS NULL THEN ${f8(WEIGHTS.responseTime / 2)} ELSE ${f8(WEIGHTS.responseTime)} * least(${f8(1)}, greatest(${f8(0)}, (${RESPONSE_SLOW_SEC} - ${i.responseTimeSec})::float8 / ${RESPONSE_SLOW_SEC - RESPONSE_FAST_SEC})) END)`;
  const distance = `${f8(WEIGHTS.distance)} * least(${f8(1)}, greatest(${f8(0)}, 1 - (${i.distanceKm})::float8 / greatest((${i.radiusKm})::float8, 0.001)))`;
  const personal = `least(${PERSONALISATION_CAP}, ${points(i.goodPastBooking, PERSONAL_POINTS.goodPastBooking)} + ${points(i.specialist, PERSONAL_POINTS.specialist)} + ${points(i.languageMatch, PERSONAL_POINTS.languageMatch)})`;
  const withPersonal = `least(${f8(100)}, ${rating} + ${verification} + ${response} + ${distance} + (${i.availabilityPoints}) + ${personal})`;
  return `(CASE WHEN ${i.reputationScore} >= ${REPUTATION_BOOST_THRESHOLD} THEN least(${f8(100)}, ${withPersonal} * ${f8(1 + REPUTATION_BOOST)}) ELSE ${withPersonal} END)`;
}

/** What a one-decimal JS score may exceed the unrounded SQL bound by (0.05 rounding, plus float noise). */
export const SQL_BOUND_MARGIN = 0.06;
