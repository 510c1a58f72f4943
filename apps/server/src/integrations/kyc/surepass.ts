import { KycError, type KycIdentity, type KycProvider } from './port';

/**
 * Surepass Aadhaar e-KYC (OTP) — https://kyc-api.surepass.io:
 *   POST /api/v1/aadhaar-v2/generate-otp  { id_number }         → { data: { client_id, otp_sent, valid_aadhaar }, success, status_code, message }
 *   POST /api/v1/aadhaar-v2/submit-otp    { client_id, otp }    → { data: { client_id, full_name, dob, address: {...}, zip, aadhaar_number }, success, ... }
 * Bearer-token authenticated. Error bodies can echo the request: they are never logged or rethrown.
 */
export function createSurepassKyc(opts: {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): KycProvider {
  const doFetch = opts.fetch ?? fetch;
  const base = opts.baseUrl.replace(/\/+$/, '');

  async function call(path: string, body: object): Promise<{ status: number; json: SurepassResponse | null }> {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000),
      });
    } catch {
      throw new KycError('UNAVAILABLE', 'The Aadhaar service is not reachable');
    }
    const json = (await res.json().catch(() => null)) as SurepassResponse | null;
    return { status: res.status, json };
  }

  return {
    vendor: 'surepass',
    async start(aadhaarNumber) {
      const { status, json } = await call('/api/v1/aadhaar-v2/generate-otp', { id_number: aadhaarNumber });
      const clientId = json?.data?.client_id;
      if (status >= 500 || status === 401 || status === 403) throw new KycError('UNAVAILABLE', 'The Aadhaar service failed');
      if (!json?.success || !clientId || json.data?.otp_sent === false) {
        throw new KycError('AADHAAR_REJECTED', 'OTP could not be sent for this Aadhaar number');
      }
      return { referenceId: String(clientId) };
    },
    async verify(referenceId, otp) {
      const { status, json } = await call('/api/v1/aadhaar-v2/submit-otp', { client_id: referenceId, otp });
      if (status >= 500 || status === 401 || status === 403) throw new KycError('UNAVAILABLE', 'The Aadhaar service failed');
      if (!json?.success || !json.data?.full_name) {
        if (/expire/i.test(String(json?.message ?? ''))) throw new KycError('OTP_EXPIRED', 'The OTP has expired; start again');
        throw new KycError('OTP_INVALID', 'The OTP is not correct');
      }
      return toIdentity(json.data);
    },
  };
}

interface SurepassAddress {
  country?: string;
  dist?: string;
  state?: string;
  po?: string;
  loc?: string;
  vtc?: string;
  subdist?: string;
  street?: string;
  house?: string;
  landmark?: string;
}
interface SurepassResponse {
  success?: boolean;
  status_code?: number;
  message?: string | null;
  data?: {
    client_id?: string;
    otp_sent?: boolean;
    full_name?: string;
    dob?: string;
    zip?: string;
    aadhaar_number?: string;
    address?: SurepassAddress;
  };
}

function toIdentity(d: NonNullable<SurepassResponse['data']>): KycIdentity {
  const a = d.address ?? {};
  const parts = [a.house, a.street, a.landmark, a.loc, a.vtc, a.subdist, a.dist, a.state].filter((x) => x?.trim());
  const address = parts.length ? `${parts.join(', ')}${d.zip ? ` ${d.zip}` : ''}` : null;
  const digits = String(d.aadhaar_number ?? '').replace(/\D/g, '');
  return {
    name: d.full_name!.trim(),
    dateOfBirth: /^\d{4}-\d{2}-\d{2}$/.test(d.dob ?? '') ? d.dob! : null,
    address,
    last4: digits.slice(-4),
  };
}
