import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app';
import { createUser, type TestUser } from './factories/index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const me = (u: TestUser) => t.app.inject({ url: '/api/me', headers: u.headers });
const patchMe = (u: TestUser, payload: object) => t.app.inject({ method: 'PATCH', url: '/api/me', headers: u.headers, payload });
const home = {
  label: 'Home',
  addressText: '12 MG Road, Hazratganj',
  landmark: 'Near GPO',
  pincode: '226001',
  lat: 26.85,
  lng: 80.95,
};
const addAddress = (u: TestUser, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/me/addresses', headers: u.headers, payload });
const listAddresses = async (u: TestUser) =>
  (await t.app.inject({ url: '/api/me/addresses', headers: u.headers })).json().items as {
    id: string;
    isDefault: boolean;
    label: string;
  }[];

describe('/api/me', () => {
  it('shows and updates my account', async () => {
    const u = await createUser(t.c);
    const before = (await me(u)).json().user;
    expect(before).toMatchObject({ id: u.id, role: 'CUSTOMER', phone: u.phone, customerId: u.customerId, providerId: null });
    const res = await patchMe(u, {
      name: 'Asha Verma',
      email: 'Asha.Verma@Example.com',
      profilePhoto: 'https://cdn.example.com/a.jpg',
      preferredLanguage: 'hi',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      name: 'Asha Verma',
      email: 'asha.verma@example.com',
      profilePhoto: 'https://cdn.example.com/a.jpg',
      preferredLanguage: 'hi',
    });
    expect((await patchMe(u, { email: null })).json().user.email).toBeNull();
  });

  it('refuses an email another account uses (409) and bad input (400)', async () => {
    const a = await createUser(t.c);
    const b = await createUser(t.c);
    const email = `dup-${Date.now()}@example.com`;
    expect((await patchMe(a, { email })).statusCode).toBe(200);
    const clash = await patchMe(b, { email: email.toUpperCase() });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('EMAIL_TAKEN');
    expect((await patchMe(a, { email })).statusCode).toBe(200); // my own email again is fine
    for (const bad of [
      { email: 'not-an-email' },
      { preferredLanguage: 'fr' },
      { name: '' },
      { role: 'ADMIN' },
      { phone: '+919876543210' },
    ]) {
      const r = await patchMe(b, bad);
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
    }
  });
});

describe('/api/me/addresses', () => {
  it('the first address becomes the default; a new default replaces the old one', async () => {
    const u = await createUser(t.c);
    const first = await addAddress(u, home);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ ...home, isDefault: true });
    const second = await addAddress(u, { ...home, label: 'Office', isDefault: true });
    expect(second.json().isDefault).toBe(true);
    const third = await addAddress(u, { ...home, label: 'Parents' });
    expect(third.json().isDefault).toBe(false);
    const items = await listAddresses(u);
    expect(items.map((a) => a.label)).toEqual(['Office', 'Parents', 'Home']);
    expect(items.filter((a) => a.isDefault)).toHaveLength(1);

    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/me/addresses/${third.json().id}`,
      headers: u.headers,
      payload: { isDefault: true, landmark: null },
    });
    expect(patch.json()).toMatchObject({ isDefault: true, landmark: null });
    expect((await listAddresses(u)).filter((a) => a.isDefault).map((a) => a.label)).toEqual(['Parents']);
  });

  it('keeps exactly one default: cannot unset it, and deleting it promotes another', async () => {
    const u = await createUser(t.c);
    const a = (await addAddress(u, home)).json();
    const b = (await addAddress(u, { ...home, label: 'Office' })).json();
    const unset = await t.app.inject({
      method: 'PATCH',
      url: `/api/me/addresses/${a.id}`,
      headers: u.headers,
      payload: { isDefault: false },
    });
    expect(unset.statusCode).toBe(422);
    expect(unset.json().error.code).toBe('DEFAULT_ADDRESS_REQUIRED');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/me/addresses/${a.id}`, headers: u.headers })).statusCode).toBe(204);
    const left = await listAddresses(u);
    expect(left).toEqual([expect.objectContaining({ id: b.id, isDefault: true })]);
  });

  it('keeps one default when several are added at once', async () => {
    const u = await createUser(t.c);
    await Promise.all(Array.from({ length: 5 }, (_, i) => addAddress(u, { ...home, label: `Place ${i}`, isDefault: true })));
    const items = await listAddresses(u);
    expect(items).toHaveLength(5);
    expect(items.filter((a) => a.isDefault)).toHaveLength(1);
  });

  it('validates pincode and coordinates inside India, and refuses unknown fields', async () => {
    const u = await createUser(t.c);
    for (const bad of [
      { ...home, pincode: '12345' },
      { ...home, pincode: '026001' },
      { ...home, lat: 51.5, lng: -0.12 }, // London
      { ...home, lng: 120 },
      { ...home, addressText: '' },
      { ...home, customerId: u.customerId },
    ]) {
      expect((await addAddress(u, bad)).statusCode, JSON.stringify(bad)).toBe(400);
    }
  });

  it('only the owner sees or changes an address (others get 404); providers have none (403)', async () => {
    const owner = await createUser(t.c);
    const other = await createUser(t.c);
    const provider = await createUser(t.c, { role: 'PROVIDER' });
    const a = (await addAddress(owner, home)).json();
    expect(await listAddresses(other)).toEqual([]);
    const steal = await t.app.inject({
      method: 'PATCH',
      url: `/api/me/addresses/${a.id}`,
      headers: other.headers,
      payload: { label: 'Mine' },
    });
    expect(steal.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/me/addresses/${a.id}`, headers: other.headers })).statusCode).toBe(
      404,
    );
    expect((await listAddresses(owner))[0]?.label).toBe('Home');
    expect((await addAddress(provider, home)).statusCode).toBe(403);
  });
});
