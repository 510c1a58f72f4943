import { randomUUID } from 'node:crypto';
import type { SearchFilters, SearchInterpretation, SearchRequest, SearchResponse, SearchResult } from '@localpro/contracts';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/auth';
import type { QueryRefiner } from '../../integrations/llm/port';
import { type Geocoder, isInIndia } from '../../integrations/maps/port';
import { AppError, notFound } from '../../lib/errors';
import { toIstIso } from '../../lib/time';
import { withTimeout } from '../../lib/timeout';
import { type CatalogService, type SlugIndex, unknownCategory } from '../catalog/catalog.service';
import {
  type Availability,
  computeMatchScore,
  type MatchScore,
  type ScoreInput,
  SQL_BOUND_MARGIN,
  upperBoundScore,
} from './match-score';
import { type ParsedQuery, parseQuery } from './query-parser';
import type { CalendarRow, RankedRow, RankQuery, SearchRepository } from './search.repository';
import {
  availabilityFor,
  availabilityWeekdays,
  bestAvailability,
  type CandidateCalendar,
  nextFreeSlot,
  type SlotRules,
} from './search-availability';
import { decodeCursor, encodeCursor, invalidCursor } from './search-cursor';
import { cleanQuery } from './search-input';
import type { RequestedTime } from './time-expressions';

export const PAGE_SIZE = 20;
const DAY_MS = 86_400_000;
export const FIRST_BATCH = 40;
const NEXT_BATCH = 200;

/** What a search was, as stored in search_logs: enough to compute any later page identically. */
interface Plan {
  query: string;
  interpretation: SearchInterpretation;
  filters: SearchFilters;
  lat: number;
  lng: number;
  locationLabel: string | null;
  now: Date;
  radiusKm: number;
  text: string | null;
  durationMin: number;
  specialityName: string | null;
}

/** A candidate ranked by the best score it could reach: its score if it were as available as its working days allow. */
interface Candidate {
  row: RankedRow;
  /** The best availability its working days allow (bestAvailability); exact when 'not'. */
  best: Availability;
  upper: number;
}
/** A candidate whose availability is known: from its calendar, or from its working days when they rule it out. */
interface Scored extends Candidate {
  availability: Availability;
  matchScore: number;
}
/** A result on the page: its calendar read and its score explained. */
interface Shown extends Scored {
  cal: CalendarRow;
  score: MatchScore;
  durationMin: number;
  priceFrom: number | null;
}

const badRequest = (code: string, message: string, details?: unknown) => new AppError(code, message, { status: 400, details });

/** The booking slot rules search judges availability by (the bookings module's, from config). */
export function slotRulesOf(config: Config): SlotRules {
  return {
    minNoticeMin: config.MIN_NOTICE_MIN,
    stepMin: config.SLOT_STEP_MIN,
    travel: {
      baseMin: config.TRAVEL_BUFFER_BASE_MIN,
      perKmMin: config.TRAVEL_BUFFER_PER_KM_MIN,
      capMin: config.TRAVEL_BUFFER_MAX_MIN,
    },
  };
}

export function createSearchService(deps: {
  db: Db;
  repo: SearchRepository;
  catalog: CatalogService;
  geocoder: Geocoder;
  refiner: QueryRefiner;
  config: Config;
  logger: Logger;
}) {
  const { db, repo, catalog, geocoder, refiner, config, logger } = deps;
  const rules = slotRulesOf(config);

  async function resolveLocation(location: SearchRequest['location']) {
    if ('text' in location) {
      const [place] = await geocoder.geocode(location.text);
      if (!place) throw badRequest('LOCATION_NOT_FOUND', `We could not find "${location.text}"; try a locality, city or pincode`);
      if (!isInIndia(place.lat, place.lng)) throw badRequest('LOCATION_OUTSIDE_INDIA', 'We only serve locations in India');
      return { lat: place.lat, lng: place.lng, label: place.label as string | null };
    }
    if (!isInIndia(location.lat, location.lng)) throw badRequest('LOCATION_OUTSIDE_INDIA', 'We only serve locations in India');
    return { lat: location.lat, lng: location.lng, label: null };
  }

  async function checkFilters(filters: SearchFilters, now: Date) {
    if (filters.categoryId) {
      const c = await catalog.findCategory(filters.categoryId);
      if (!c?.isActive) throw unknownCategory('categoryId');
    }
    if (filters.subCategoryId) {
      const s = await catalog.findSubCategory(filters.subCategoryId);
      if (!s?.isActive || (filters.categoryId && s.categoryId !== filters.categoryId)) throw unknownCategory('subCategoryId');
    }
    if (filters.availableAt) {
      const t = Date.parse(filters.availableAt);
      if (t < now.getTime() - 5 * 60_000 || t > now.getTime() + 90 * DAY_MS) {
        throw badRequest('INVALID_FILTER', 'availableAt must be between now and 90 days ahead', { field: 'availableAt' });
      }
    }
  }

  /** Rules first; the LLM (when configured) only fills what the rules left empty, within its timeout. */
  async function understand(
    query: string,
    now: Date,
    index: SlugIndex,
  ): Promise<{ parsed: ParsedQuery; source: 'rules' | 'rules+llm' }> {
    const parsed = parseQuery(query, { now });
    if (refiner.name === 'none' || parsed.direct || (parsed.categorySlug && parsed.when) || !query)
      return { parsed, source: 'rules' };
    try {
      const r = await withTimeout(refiner.refineQuery({ query, now, slugs: [...index.keys()] }), config.LLM_TIMEOUT_MS);
      let used = false;
      if (!parsed.categorySlug && r.categorySlug && index.has(r.categorySlug)) {
        parsed.categorySlug = r.categorySlug;
        used = true;
        if (r.subCategorySlug && index.has(`${r.categorySlug}/${r.subCategorySlug}`)) parsed.subCategorySlug = r.subCategorySlug;
      }
      const start = r.whenStart ? Date.parse(r.whenStart) : Number.NaN;
      if (!parsed.when && Number.isFinite(start) && start >= now.getTime() - 3_600_000 && start < now.getTime() + 90 * DAY_MS) {
        const end = r.whenEnd && Date.parse(r.whenEnd) > start ? Date.parse(r.whenEnd) : start + 3_600_000;
        parsed.when = { start: toIstIso(new Date(start)), end: toIstIso(new Date(end)), precision: 'exact', text: 'llm' };
        used = true;
      }
      if (parsed.urgency === 'normal' && r.urgency === 'urgent') {
        parsed.urgency = 'urgent';
        used = true;
      }
      return { parsed, source: used ? 'rules+llm' : 'rules' };
    } catch (err) {
      logger.warn({ err: (err as Error).message, refiner: refiner.name }, 'query refinement skipped');
      return { parsed, source: 'rules' };
    }
  }

  async function plan(body: SearchRequest, now: Date): Promise<Plan> {
    const filters = body.filters ?? {};
    const query = cleanQuery(body.query, { hasCategoryFilter: Boolean(filters.categoryId || filters.subCategoryId) });
    await checkFilters(filters, now);
    let location = await resolveLocation(body.location);
    const index = await catalog.slugIndex();
    const { parsed, source } = await understand(query, now, index);
    if (parsed.location) location = { ...parsed.location, label: parsed.locationText };

    const parsedCat = parsed.categorySlug ? index.get(parsed.categorySlug) : undefined;
    const parsedSub =
      parsed.categorySlug && parsed.subCategorySlug ? index.get(`${parsed.categorySlug}/${parsed.subCategorySlug}`) : undefined;
    let categoryId = filters.categoryId ?? parsedCat?.categoryId ?? null;
    let subCategoryId =
      filters.subCategoryId ?? (parsedSub && parsedSub.categoryId === categoryId ? parsedSub.subCategoryId : null);
    if (filters.subCategoryId && !filters.categoryId) {
      categoryId = (await catalog.findSubCategory(filters.subCategoryId))?.categoryId ?? categoryId;
      subCategoryId = filters.subCategoryId;
    }
    const subEntry = subCategoryId ? [...index.values()].find((e) => e.subCategoryId === subCategoryId) : undefined;
    const categorySlug = categoryId
      ? ([...index.entries()].find(([, v]) => v.categoryId === categoryId && !v.subCategoryId)?.[0] ?? null)
      : null;
    const subSlugKey = subCategoryId
      ? ([...index.entries()].find(([, v]) => v.subCategoryId === subCategoryId)?.[0] ?? null)
      : null;
    const when: RequestedTime | null = filters.availableAt
      ? {
          start: toIstIso(new Date(filters.availableAt)),
          end: toIstIso(new Date(Date.parse(filters.availableAt) + 3_600_000)),
          precision: 'exact',
          text: 'availableAt',
        }
      : parsed.when;

    return {
      query,
      interpretation: {
        language: parsed.language,
        categoryId,
        subCategoryId,
        categorySlug,
        subCategorySlug: subSlugKey ? subSlugKey.slice(subSlugKey.indexOf('/') + 1) : null,
        when,
        urgency: parsed.urgency,
        locationText: parsed.locationText ?? location.label,
        direct: parsed.direct,
        source,
      },
      filters,
      lat: location.lat,
      lng: location.lng,
      locationLabel: location.label,
      now,
      radiusKm: filters.maxDistanceKm ?? config.SEARCH_DEFAULT_RADIUS_KM,
      text: categoryId ? null : parsed.freeText || null,
      durationMin: subEntry?.defaultDurationMin ?? 60,
      specialityName: subEntry?.name.en ?? null,
    };
  }

  function priceFrom(pricing: CalendarRow['pricing'], subCategoryId: string | null): number | null {
    const items = subCategoryId ? pricing.filter((i) => i.subCategoryId === subCategoryId) : pricing;
    return items.length ? Math.min(...items.map((i) => i.amountPaise)) : null;
  }

  function calendarOf(cal: CalendarRow): CandidateCalendar {
    return {
      workingHours: cal.workingHours,
      timeOff: cal.timeOff,
      base: { lat: cal.baseLat, lng: cal.baseLng },
      bookings: cal.busy.map((b) => ({ start: b.start, end: b.end, slotEnd: b.slotEnd, location: { lat: b.lat, lng: b.lng } })),
    };
  }

  /**
   * The page at `offset` of the candidates ranked by exact score. The database ranks the candidates by the
   * score's upper bound (their score if as available as their working days allow) and sends them best
   * first, a slice at a time, with the calendars of the candidates whose working days leave their
   * availability open (the rest are scored from the slice alone; their calendars are read only if they make
   * the page). It stops once the page's last exact score beats every bound left.
   */
  async function rank(p: Plan, actor: Actor | null, offset: number): Promise<{ page: Shown[]; hasNext: boolean; total: number }> {
    const need = offset + PAGE_SIZE + 1;
    const subId = p.interpretation.subCategoryId;
    const geo = {
      lat: p.lat,
      lng: p.lng,
      radiusKm: p.radiusKm,
      categoryId: p.interpretation.categoryId,
      subCategoryId: p.filters.subCategoryId ?? null,
      minRating: p.filters.minRating,
      verifiedOnly: p.filters.verifiedOnly,
      ...(p.filters.maxPrice !== undefined ? { maxPrice: p.filters.maxPrice, priceSubCategoryId: subId } : {}),
      text: p.text,
      specialityId: subId,
      language: actor?.language ?? null,
    };
    const weekdays = availabilityWeekdays({ when: p.interpretation.when, now: p.now, rules });
    const inputOf = (row: RankedRow): Omit<ScoreInput, 'availability'> => ({
      averageRating: row.averageRating,
      ratingCount: row.ratingCount,
      aadhaarVerified: row.aadhaarVerified,
      backgroundVerified: row.backgroundVerified,
      responseTimeSec: row.responseTime,
      distanceKm: row.distanceKm,
      radiusKm: p.radiusKm,
      reputationScore: row.reputationScore,
      personal: {
        goodPastBooking: row.goodPast,
        specialist: row.specialist,
        languageMatch: row.speaksLanguage,
        ...(p.specialityName ? { specialityName: p.specialityName } : {}),
      },
    });

    const cals = new Map<string, CalendarRow>();
    const busyFrom = new Date(p.now.getTime() - DAY_MS);
    const horizonEnd = new Date(p.now.getTime() + 8 * DAY_MS);
    const readCalendars = async (ids: string[]) => {
      const missing = ids.filter((id) => !cals.has(id));
      if (missing.length) for (const cal of await repo.calendars(missing, busyFrom, horizonEnd)) cals.set(cal.id, cal);
    };
    const durationOf = (cal: CalendarRow) =>
      (subId ? cal.pricing.find((x) => x.subCategoryId === subId)?.durationMin : undefined) ?? p.durationMin;

    const done: Scored[] = [];
    const location = { lat: p.lat, lng: p.lng };
    let total = 0;
    let after: RankQuery['after'];
    let more = true;
    while (more) {
      const limit = after ? NEXT_BATCH : Math.max(FIRST_BATCH, need);
      const slice = await repo.rankedCandidates(geo, {
        ...weekdays,
        customerId: actor?.customerId ?? null,
        limit,
        after,
        calendars: { from: busyFrom, until: horizonEnd },
      });
      for (const cal of slice.calendars) cals.set(cal.id, cal);
      if (!after) total = slice.total;
      const last = slice.rows.at(-1);
      more = slice.rows.length === limit;
      if (last) after = { bound: last.bound, id: last.id };
      const batch: Candidate[] = slice.rows.map((row) => {
        const best = bestAvailability(weekdays, row.workingDays);
        return { row, best, upper: upperBoundScore(inputOf(row), best) };
      });
      for (const s of batch) {
        if (p.filters.availableAt && s.best !== 'free') continue;
        if (s.best === 'not') {
          done.push({ ...s, availability: 'not', matchScore: s.upper });
          continue;
        }
        const cal = cals.get(s.row.id); // the slice brought it (its working days leave it open)
        if (!cal) continue; // deleted since the candidate query
        const availability = availabilityFor(calendarOf(cal), {
          location,
          now: p.now,
          durationMin: durationOf(cal),
          rules,
          when: p.interpretation.when,
        });
        if (p.filters.availableAt && availability !== 'free') continue;
        const matchScore = availability === s.best ? s.upper : upperBoundScore(inputOf(s.row), availability);
        done.push({ ...s, availability, matchScore });
      }
      done.sort((a, b) => b.matchScore - a.matchScore || (a.row.id < b.row.id ? -1 : 1));
      // Every candidate not fetched yet ranks at or below `after`: none can score above its bound (+ rounding).
      if (more && done.length >= need && done[need - 1]!.matchScore > after!.bound + SQL_BOUND_MARGIN) break;
    }

    const ranked = done.slice(offset, offset + PAGE_SIZE);
    await readCalendars(ranked.map((s) => s.row.id));
    const page = ranked.flatMap((s): Shown[] => {
      const cal = cals.get(s.row.id);
      if (!cal) return []; // deleted since the candidate query
      const score = computeMatchScore({ ...inputOf(s.row), availability: s.availability });
      return [{ ...s, cal, score, durationMin: durationOf(cal), priceFrom: priceFrom(cal.pricing, subId) }];
    });
    const hasNext = done.length > offset + PAGE_SIZE || (more && ranked.length === PAGE_SIZE);
    return { page, hasNext, total };
  }

  /** The result cards of one page; the next free slot is computed for these only. */
  function toResults(p: Plan, page: Shown[]): SearchResult[] {
    const location = { lat: p.lat, lng: p.lng };
    return page.map((s) => {
      const card = s.cal;
      const next = nextFreeSlot(calendarOf(s.cal), { location, now: p.now, durationMin: s.durationMin, rules });
      const r = s.row;
      return {
        provider: {
          id: r.id,
          businessName: card.businessName,
          description: card.description,
          city: card.city,
          categoryId: card.categoryId,
          averageRating: r.averageRating,
          ratingCount: r.ratingCount,
          completedJobs: card.completedJobs,
          aadhaarVerified: r.aadhaarVerified,
          backgroundVerified: r.backgroundVerified,
          languages: card.languages,
        },
        matchScore: s.score.matchScore,
        scoreBreakdown: s.score.breakdown,
        distanceKm: Math.round(r.distanceKm * 100) / 100,
        priceFrom: s.priceFrom,
        nextAvailableSlot: next === null ? null : toIstIso(new Date(next)),
        badges: [
          ...(r.aadhaarVerified ? ['AADHAAR_VERIFIED'] : []),
          ...(r.backgroundVerified ? ['BACKGROUND_CHECKED'] : []),
          ...(r.reputationScore >= 80 ? ['TOP_RATED'] : []),
          ...(r.responseTime !== null && r.responseTime <= 600 ? ['QUICK_RESPONDER'] : []),
          ...(s.availability === 'free' ? ['AVAILABLE_THEN'] : []),
          ...(r.ratingCount === 0 ? ['NEW'] : []),
        ],
      };
    });
  }

  return {
    async search(input: { actor: Actor | null; body: SearchRequest; now?: Date }): Promise<SearchResponse> {
      const { actor, body } = input;
      let p: Plan;
      let offset = 0;
      let searchId: string | null = null;
      if (body.cursor) {
        const cursor = decodeCursor(body.cursor);
        const log = await repo.findLog(db, cursor.searchId);
        if (!log || (log.userId !== null && log.userId !== actor?.userId)) throw invalidCursor();
        const stored = log.interpretation as unknown as {
          interpretation: SearchInterpretation;
          plan: Omit<Plan, 'interpretation' | 'now' | 'filters' | 'query'>;
        };
        p = {
          ...stored.plan,
          query: log.query,
          interpretation: stored.interpretation,
          filters: log.filters as SearchFilters,
          now: log.searchedAt,
        };
        offset = cursor.offset;
        searchId = log.id;
      } else {
        p = await plan(body, input.now ?? new Date());
      }

      const { page, hasNext, total } = await rank(p, actor, offset);
      const impressions = page.map((s, k) => ({ providerId: s.row.id, rank: offset + k + 1, matchScore: s.score.matchScore }));
      const id = searchId ?? randomUUID();
      // The log row must exist before the answer (its cursor and selections refer to it); the cards are
      // built while it is being written.
      const recorded = searchId
        ? repo.recordImpressions(searchId, impressions)
        : repo.recordSearch(
            {
              id,
              userId: actor?.userId ?? null,
              query: p.query,
              language: p.interpretation.language,
              interpretation: {
                interpretation: p.interpretation,
                plan: {
                  lat: p.lat,
                  lng: p.lng,
                  locationLabel: p.locationLabel,
                  radiusKm: p.radiusKm,
                  text: p.text,
                  durationMin: p.durationMin,
                  specialityName: p.specialityName,
                },
              },
              filters: p.filters,
              lat: p.lat,
              lng: p.lng,
              locationText: p.interpretation.locationText,
              searchedAt: p.now,
              resultCount: total,
            },
            impressions,
          );
      let results: SearchResult[];
      try {
        results = toResults(p, page);
      } finally {
        await recorded;
      }

      return {
        searchId: id,
        interpretation: p.interpretation,
        location: { lat: p.lat, lng: p.lng, label: p.locationLabel },
        results,
        nextCursor: hasNext ? encodeCursor({ searchId: id, offset: offset + PAGE_SIZE }) : null,
      };
    },

    /** Records that the customer picked a provider from a search's results. */
    async select(input: { actor: Actor | null; searchId: string; providerId: string }) {
      return db.transaction(async (tx) => {
        const log = await repo.findLog(tx, input.searchId);
        if (!log || (log.userId !== null && log.userId !== input.actor?.userId)) throw notFound('Search');
        const shown = await repo.findImpression(tx, input.searchId, input.providerId);
        if (!shown) {
          throw new AppError('PROVIDER_NOT_IN_RESULTS', 'That provider was not among this search’s results', { status: 422 });
        }
        await repo.insertSelection(tx, {
          searchId: input.searchId,
          providerId: input.providerId,
          userId: input.actor?.userId ?? null,
          rank: shown.rank,
        });
        return { searchId: input.searchId, providerId: input.providerId, rank: shown.rank };
      });
    },

    geocode: (q: string) => geocoder.geocode(q),
    async reverse(lat: number, lng: number) {
      if (!isInIndia(lat, lng)) throw badRequest('LOCATION_OUTSIDE_INDIA', 'We only serve locations in India');
      return geocoder.reverse(lat, lng);
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
