import type { PaymentIntent } from './api-payments';

/**
 * Razorpay Standard Checkout (https://razorpay.com/docs/payments/payment-gateway/web-integration/standard/):
 * the page loads checkout.js once, opens `new Razorpay({ key, order_id, … })` for our order, and gets the
 * signed result in `handler`, which the server verifies against the order it stored.
 */
export interface RazorpaySuccess {
  razorpay_payment_id: string;
  razorpay_order_id: string;
  razorpay_signature: string;
}
interface RazorpayCheckout {
  open(): void;
  on(event: 'payment.failed', callback: (response: { error?: { description?: string } }) => void): void;
}
type RazorpayConstructor = new (options: Record<string, unknown>) => RazorpayCheckout;

const scripts = new Map<string, Promise<RazorpayConstructor>>();

function loadScript(src: string): Promise<RazorpayConstructor> {
  let loading = scripts.get(src);
  if (!loading) {
    loading = new Promise<RazorpayConstructor>((resolve, reject) => {
      const el = document.createElement('script');
      el.src = src;
      el.async = true;
      el.onload = () => {
        const ctor = (window as unknown as { Razorpay?: RazorpayConstructor }).Razorpay;
        if (ctor) resolve(ctor);
        else reject(new Error('The payment window did not load'));
      };
      el.onerror = () => reject(new Error('The payment window could not be loaded; check the connection'));
      document.head.appendChild(el);
    });
    // A failed load may be retried later (a flaky connection), so it is not cached.
    loading.catch(() => scripts.delete(src));
    scripts.set(src, loading);
  }
  return loading;
}

export async function openRazorpayCheckout(
  intent: Pick<PaymentIntent, 'checkout' | 'description'>,
  on: { paid(result: RazorpaySuccess): void; failed(): void },
  customer: { name: string | null; phone: string | null } = { name: null, phone: null },
): Promise<void> {
  const { checkout } = intent;
  if (!checkout.scriptUrl) throw new Error('No checkout script for this gateway');
  const Razorpay = await loadScript(checkout.scriptUrl);
  const rzp = new Razorpay({
    key: checkout.keyId,
    amount: checkout.amount,
    currency: checkout.currency,
    order_id: checkout.orderId,
    name: 'LocalPro Connect',
    description: intent.description,
    handler: on.paid,
    // The checkout asks for the payer's contact: fill in what we know so they need not type it again.
    prefill: { ...(customer.name ? { name: customer.name } : {}), ...(customer.phone ? { contact: customer.phone } : {}) },
    // Closing the window is not a failure: the page offers to open it again.
    modal: { confirm_close: true },
    theme: { color: '#0f766e' },
  });
  rzp.on('payment.failed', () => on.failed());
  rzp.open();
}
