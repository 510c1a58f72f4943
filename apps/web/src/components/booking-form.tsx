'use client';

import Link from 'next/link';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import {
  type Availability,
  type Booking,
  type CreateBooking,
  type CustomerAddress,
  createBooking,
  getAvailability,
  listAddresses,
  type PublicProvider,
} from '../lib/api';
import { formatPaise, nextIstDates } from '../lib/format';
import { loadPlace } from '../lib/place';
import { useSession } from '../lib/session';
import { SlotPicker } from './slot-picker';
import { ErrorNote, Loading } from './status';

type Service = PublicProvider['services'][number];

/** Slot picker (GET /providers/:id/availability), saved or typed address, and POST /api/bookings. */
export function BookingForm({
  provider,
  initialSubCategoryId,
  initialDate,
  onBooked,
}: {
  provider: PublicProvider;
  initialSubCategoryId: string | null;
  /** An IST date (YYYY-MM-DD) to open on, e.g. the day the search asked for. */
  initialDate: string | null;
  onBooked: (b: Booking) => void;
}) {
  const { t, locale } = useI18n();
  const { user, ready } = useSession();
  const services = provider.services;
  const [subCategoryId, setSubCategoryId] = useState(
    services.find((s) => s.subCategoryId === initialSubCategoryId)?.subCategoryId ?? services[0]?.subCategoryId ?? '',
  );
  const days = nextIstDates(7);
  const [date, setDate] = useState(initialDate && days.includes(initialDate) ? initialDate : days[0]!);
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [slotsError, setSlotsError] = useState<unknown>(null);
  const [slot, setSlot] = useState<string | null>(null);
  const [addresses, setAddresses] = useState<CustomerAddress[] | null>(null);
  const [addressId, setAddressId] = useState<string>('new');
  const [addressText, setAddressText] = useState('');
  const [landmark, setLandmark] = useState('');
  const [instructions, setInstructions] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const isCustomer = user?.role === 'CUSTOMER';
  const chosenAddress = addresses?.find((a) => a.id === addressId) ?? null;
  const where = chosenAddress ?? loadPlaceSafe();

  const loadSlots = useCallback(async () => {
    setAvailability(null);
    setSlotsError(null);
    setSlot(null);
    try {
      setAvailability(
        await getAvailability(provider.id, { date, subCategoryId: subCategoryId || undefined, lat: where?.lat, lng: where?.lng }),
      );
    } catch (err) {
      setSlotsError(err);
    }
  }, [provider.id, date, subCategoryId, where?.lat, where?.lng]);

  useEffect(() => {
    void loadSlots();
  }, [loadSlots]);

  useEffect(() => {
    if (!isCustomer) return;
    listAddresses().then(
      ({ items }) => {
        setAddresses(items);
        const preferred = items.find((a) => a.isDefault) ?? items[0];
        if (preferred) setAddressId(preferred.id);
      },
      () => setAddresses([]),
    );
  }, [isCustomer]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setError(null);
    if (!slot) return setProblem(t('book.pickSlot'));
    let serviceLocation: CreateBooking['serviceLocation'];
    if (chosenAddress) serviceLocation = { addressId: chosenAddress.id };
    else {
      const place = loadPlaceSafe();
      if (addressText.trim().length < 3 || !place) return setProblem(t('book.needAddress'));
      serviceLocation = {
        address: addressText.trim(),
        lat: place.lat,
        lng: place.lng,
        ...(landmark.trim() ? { landmark: landmark.trim() } : {}),
      };
    }
    setBusy(true);
    try {
      const booking = await createBooking({
        providerId: provider.id,
        subCategoryId,
        scheduledStart: slot,
        serviceLocation,
        ...(instructions.trim() ? { specialInstructions: instructions.trim() } : {}),
      });
      onBooked(booking);
    } catch (err) {
      setError(err);
      // A taken slot or a changed calendar: show the fresh free times.
      void loadSlots();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="book-title" noValidate>
      <h2 id="book-title">{t('book.title')}</h2>
      {services.length > 1 && (
        <>
          <label htmlFor="service">{t('book.service')}</label>
          <select id="service" value={subCategoryId} onChange={(e) => setSubCategoryId(e.target.value)}>
            {services.map((s: Service) => (
              <option key={s.subCategoryId} value={s.subCategoryId}>
                {s.name}
                {s.price ? ` — ${formatPaise(s.price.amountPaise, locale)}` : ''}
              </option>
            ))}
          </select>
        </>
      )}
      <SlotPicker
        days={days}
        date={date}
        onDate={setDate}
        availability={availability}
        slotsError={slotsError}
        onRetry={() => void loadSlots()}
        slot={slot}
        onSlot={setSlot}
        testId="slots"
      />
      {!ready ? null : !user ? (
        <p>
          <Link className="btn" href={`/login?next=${encodeURIComponent(`/providers/${provider.id}`)}`}>
            {t('book.signIn')}
          </Link>
        </p>
      ) : !isCustomer ? (
        <p className="muted">{t('book.customerOnly')}</p>
      ) : (
        <>
          <fieldset>
            <legend>{t('book.address')}</legend>
            {addresses === null && <Loading />}
            {addresses?.map((a) => (
              <label key={a.id} className="choice">
                <input type="radio" name="address" checked={addressId === a.id} onChange={() => setAddressId(a.id)} />
                <span>
                  <strong>{a.label}</strong> — {a.addressText}
                </span>
              </label>
            ))}
            {addresses && addresses.length > 0 && (
              <label className="choice">
                <input type="radio" name="address" checked={addressId === 'new'} onChange={() => setAddressId('new')} />
                {t('book.newAddress')}
              </label>
            )}
            {addressId === 'new' && addresses !== null && (
              <>
                <label htmlFor="address-text">{t('book.addressText')}</label>
                <input id="address-text" type="text" value={addressText} onChange={(e) => setAddressText(e.target.value)} />
                <label htmlFor="landmark">{t('book.landmark')}</label>
                <input id="landmark" type="text" value={landmark} onChange={(e) => setLandmark(e.target.value)} />
              </>
            )}
          </fieldset>
          <label htmlFor="instructions">{t('book.instructions')}</label>
          <textarea
            id="instructions"
            rows={2}
            maxLength={1000}
            value={instructions}
            onChange={(e) => setInstructions(e.target.value)}
          />
          {problem && (
            <p className="error" role="alert">
              {problem}
            </p>
          )}
          {error !== null && <ErrorNote error={error} />}
          <div className="btn-row">
            <button type="submit" className="btn" disabled={busy || !subCategoryId}>
              {busy ? t('book.submitting') : t('book.submit')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

function loadPlaceSafe() {
  return typeof window === 'undefined' ? null : loadPlace();
}
