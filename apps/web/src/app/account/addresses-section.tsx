'use client';

import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ErrorNote, Loading } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { type GeoPlace, geocode, listAddresses } from '../../lib/api';
import { type Address, createAddress, deleteAddress, updateAddress } from '../../lib/api-account';

/** Saved addresses: list (default first), add or edit with a locality search for the map point, delete, make default. */
export function AddressesSection() {
  const { t } = useI18n();
  const [items, setItems] = useState<Address[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<Address | 'new' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setItems((await listAddresses()).items);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (id: string, fn: () => Promise<unknown>) => {
    setBusy(id);
    setError(null);
    try {
      await fn();
      await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card account-section" aria-labelledby="acc-addr">
      <h2 id="acc-addr">{t('account.addresses')}</h2>
      {error !== null && <ErrorNote error={error} onRetry={() => void load()} />}
      {items === null && error === null && <Loading />}
      {items?.length === 0 && <p className="muted">{t('account.noAddresses')}</p>}
      {items && items.length > 0 && (
        <ul className="account-list">
          {items.map((a) => (
            <li key={a.id} className="account-row" data-address={a.label}>
              <div>
                <strong>{a.label}</strong>
                {a.isDefault && <span className="pill"> {t('account.default')}</span>}
                <br />
                <span>{a.addressText}</span>
                {a.landmark && <span className="muted"> · {a.landmark}</span>}
                {a.pincode && <span className="muted"> · {a.pincode}</span>}
              </div>
              <div className="btn-row">
                {!a.isDefault && (
                  <button
                    type="button"
                    className="btn secondary"
                    disabled={busy !== null}
                    onClick={() => void act(a.id, () => updateAddress(a.id, { isDefault: true }))}
                  >
                    {t('account.makeDefault')}
                  </button>
                )}
                <button type="button" className="btn secondary" disabled={busy !== null} onClick={() => setEditing(a)}>
                  {t('account.edit')}
                </button>
                <button
                  type="button"
                  className="btn danger"
                  disabled={busy !== null}
                  onClick={() => {
                    if (window.confirm(t('account.confirmDelete', { label: a.label }))) void act(a.id, () => deleteAddress(a.id));
                  }}
                >
                  {t('account.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <AddressForm
          key={editing === 'new' ? 'new' : editing.id}
          address={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            void load();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div className="btn-row">
          <button type="button" className="btn" onClick={() => setEditing('new')}>
            {t('account.addAddress')}
          </button>
        </div>
      )}
    </section>
  );
}

function AddressForm({ address, onDone, onCancel }: { address: Address | null; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [label, setLabel] = useState(address?.label ?? '');
  const [addressText, setAddressText] = useState(address?.addressText ?? '');
  const [landmark, setLandmark] = useState(address?.landmark ?? '');
  const [pincode, setPincode] = useState(address?.pincode ?? '');
  const [isDefault, setIsDefault] = useState(address?.isDefault ?? false);
  const [query, setQuery] = useState('');
  const [places, setPlaces] = useState<GeoPlace[] | null>(null);
  const [point, setPoint] = useState<{ lat: number; lng: number; label: string } | null>(
    address ? { lat: address.lat, lng: address.lng, label: address.addressText } : null,
  );
  const [searching, setSearching] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);

  const find = async () => {
    if (!query.trim()) return;
    setSearching(true);
    setError(null);
    try {
      setPlaces((await geocode(query.trim())).items);
    } catch (err) {
      setError(err);
    } finally {
      setSearching(false);
    }
  };
  const choose = (p: GeoPlace) => {
    setPoint({ lat: p.lat, lng: p.lng, label: p.label });
    if (p.pincode && !pincode) setPincode(p.pincode);
    setPlaces(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!point) {
      setNote(t('account.needPlace'));
      return;
    }
    setSaving(true);
    setError(null);
    setNote(null);
    const body = {
      label: label.trim(),
      addressText: addressText.trim(),
      landmark: landmark.trim() || null,
      pincode: pincode.trim(),
      lat: point.lat,
      lng: point.lng,
      isDefault,
    };
    try {
      if (address) await updateAddress(address.id, body);
      else await createAddress(body);
      onDone();
    } catch (err) {
      setError(err);
      setSaving(false);
    }
  };

  return (
    <form className="address-form" onSubmit={submit} aria-labelledby="addr-form-title">
      <h3 id="addr-form-title">{address ? t('account.editAddress') : t('account.addAddress')}</h3>
      <label htmlFor="addr-label">{t('account.label')}</label>
      <input id="addr-label" required maxLength={40} value={label} onChange={(e) => setLabel(e.target.value)} />
      <label htmlFor="addr-locality">{t('account.locality')}</label>
      <div className="inline">
        <input
          id="addr-locality"
          value={query}
          placeholder={t('account.localityHint')}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void find();
            }
          }}
        />
        <button type="button" className="btn secondary" onClick={() => void find()} disabled={searching || !query.trim()}>
          {t('account.search')}
        </button>
      </div>
      {places?.length === 0 && <p className="muted">{t('account.noPlaces')}</p>}
      {places && places.length > 0 && (
        <ul className="places" aria-label={t('account.pickPlace')}>
          {places.map((p) => (
            <li key={`${p.lat},${p.lng},${p.label}`}>
              <button type="button" className="link" onClick={() => choose(p)}>
                {p.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {point && (
        <p className="ok" role="status">
          {t('account.placeChosen', { place: point.label })}
        </p>
      )}
      <label htmlFor="addr-text">{t('account.addressText')}</label>
      <input
        id="addr-text"
        required
        minLength={5}
        maxLength={500}
        value={addressText}
        onChange={(e) => setAddressText(e.target.value)}
      />
      <label htmlFor="addr-landmark">{t('account.landmark')}</label>
      <input id="addr-landmark" maxLength={200} value={landmark} onChange={(e) => setLandmark(e.target.value)} />
      <label htmlFor="addr-pin">{t('account.pincode')}</label>
      <input
        id="addr-pin"
        required
        inputMode="numeric"
        pattern="[1-9][0-9]{5}"
        maxLength={6}
        value={pincode}
        onChange={(e) => setPincode(e.target.value)}
      />
      <label className="check">
        <input type="checkbox" checked={isDefault} onChange={(e) => setIsDefault(e.target.checked)} /> {t('account.setDefault')}
      </label>
      {note && (
        <p className="error" role="alert">
          {note}
        </p>
      )}
      {error !== null && <ErrorNote error={error} />}
      <div className="btn-row">
        <button type="submit" className="btn" disabled={saving}>
          {saving ? t('account.saving') : t('account.save')}
        </button>
        <button type="button" className="btn secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
