/** A fixed availability scenario, printed as JSON: run under different TZ values, the output must not change. */
import { toIstIso } from '../../../lib/time';
import { availableSlots } from '../availability';

export function scenario() {
  const hours = {
    '3': [{ start: '22:00', end: '02:00' }],
    '4': [{ start: '09:00', end: '13:00', breaks: [{ start: '11:00', end: '11:30' }] }],
  };
  const common = {
    workingHours: hours,
    timeOff: [{ start: '2026-12-03T10:00:00+05:30', end: '2026-12-03T10:30:00+05:30' }],
    bookings: [],
    durationMin: 60,
    now: new Date('2026-11-30T00:00:00Z'),
    minNoticeMin: 120,
    stepMin: 30,
    location: { lat: 26.85, lng: 80.95 },
    base: { lat: 26.85, lng: 80.95 },
    travel: { baseMin: 15, perKmMin: 3, capMin: 90 },
  };
  return ['2026-12-02', '2026-12-03'].map((date) => ({
    date,
    slots: availableSlots({ ...common, date }).map((s) => [toIstIso(s.start), toIstIso(s.end), s.bufferMin]),
  }));
}

if (process.argv[1]?.endsWith('tz-scenario.ts')) process.stdout.write(JSON.stringify(scenario()));
