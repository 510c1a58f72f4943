import { formatRupees } from './fees';

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The sandbox gateway's checkout page (our server plays the gateway). Pay → a Razorpay-style
 * result {razorpay_order_id, razorpay_payment_id, razorpay_signature} posted to the opener window
 * (the app then calls POST /api/payments/verify), and signed webhooks follow asynchronously.
 */
export function sandboxCheckoutHtml(input: {
  orderId: string;
  amountPaise: number;
  /** null for a provider's background-check fee. */
  bookingNumber: string | null;
  payeeName: string;
  status: string;
}) {
  const orderId = esc(input.orderId);
  const paid = input.status !== 'PENDING';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sandbox checkout · सैंडबॉक्स भुगतान</title>
<style>
body{font-family:system-ui,'Noto Sans','Noto Sans Devanagari',sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
.card{border:1px solid #d1d5db;border-radius:12px;padding:1.5rem}.amt{font-size:2rem;font-weight:700;margin:.5rem 0}
button{font-size:1rem;padding:.75rem 1rem;border-radius:8px;border:0;margin:.25rem .25rem 0 0;cursor:pointer}
.pay{background:#15803d;color:#fff}.fail{background:#b91c1c;color:#fff}.note{color:#6b7280;font-size:.875rem}
</style></head><body><main class="card">
<p class="note">Test mode — no real money moves · परीक्षण मोड — कोई असली पैसा नहीं</p>
<h1>Pay ${esc(input.payeeName)} · भुगतान करें</h1>
${
  input.bookingNumber === null
    ? '<p>Background check fee · बैकग्राउंड जाँच शुल्क</p>'
    : `<p>Booking · बुकिंग: <strong>${esc(input.bookingNumber)}</strong></p>`
}
<p class="amt">${esc(formatRupees(input.amountPaise))}</p>
${
  paid
    ? '<p><strong>This order is already paid · यह ऑर्डर पहले ही भुगतान हो चुका है</strong></p>'
    : `<button class="pay" data-outcome="success">Pay (success) · भुगतान करें</button>
<button class="fail" data-outcome="failure">Fail · विफल करें</button>`
}
<p id="result" role="status"></p>
</main>
<script>
const orderId = ${JSON.stringify(input.orderId)};
for (const b of document.querySelectorAll('button[data-outcome]')) {
  b.addEventListener('click', async () => {
    const res = await fetch('./' + encodeURIComponent(orderId), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outcome: b.dataset.outcome }) });
    const body = await res.json();
    const ok = res.ok && body.outcome === 'success';
    document.getElementById('result').textContent = ok ? 'Payment successful · भुगतान सफल' : 'Payment failed — you can try again · भुगतान विफल — फिर से कोशिश करें';
    if (window.opener) window.opener.postMessage({ type: 'localpro:sandbox-checkout', ...body }, '*');
  });
}
</script>
<!-- order ${orderId} -->
</body></html>`;
}
