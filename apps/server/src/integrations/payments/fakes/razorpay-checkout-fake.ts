/**
 * A stand-in for Razorpay Standard Checkout's checkout.js, served by the fake Razorpay: it defines
 * `window.Razorpay` with the documented surface the web app uses (`new Razorpay(options)`, `.on(
 * 'payment.failed', cb)`, `.open()`, `options.handler(response)`), shows a dialog with a pay and a fail
 * button, and asks the fake (`POST /_fake/checkout/pay`) to take the payment, which answers with the
 * signed `razorpay_payment_id / razorpay_order_id / razorpay_signature` a real checkout hands the page.
 */
export const FAKE_CHECKOUT_JS = `(function () {
  var script = document.currentScript;
  var base = script ? new URL(script.src).origin : '';
  function Razorpay(options) {
    this.options = options;
    this.handlers = {};
  }
  Razorpay.prototype.on = function (event, callback) {
    this.handlers[event] = callback;
  };
  Razorpay.prototype.open = function () {
    var self = this;
    var o = this.options;
    var overlay = document.createElement('div');
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-label', 'Razorpay Checkout (test)');
    overlay.style.cssText = 'position:fixed;inset:0;background:rgba(0,0,0,.55);display:flex;align-items:center;justify-content:center;z-index:2147483647';
    var card = document.createElement('div');
    card.style.cssText = 'background:#fff;color:#111;padding:24px;border-radius:10px;min-width:280px;font:16px system-ui,sans-serif';
    var title = document.createElement('p');
    title.textContent = (o.name || '') + ': ' + (o.description || '') + ' — INR ' + (o.amount / 100).toFixed(2);
    card.appendChild(title);
    var contact = document.createElement('p');
    contact.textContent = 'Contact: ' + ((o.prefill && o.prefill.contact) || '(ask the payer)');
    card.appendChild(contact);
    function finish(outcome) {
      fetch(base + '/_fake/checkout/pay', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ key: o.key, order_id: o.order_id, outcome: outcome }),
      })
        .then(function (r) { return r.json(); })
        .then(function (r) {
          overlay.remove();
          if (r.razorpay_signature) o.handler(r);
          else if (self.handlers['payment.failed']) self.handlers['payment.failed'](r);
        });
    }
    [['Pay with UPI (test)', 'success'], ['Fail the payment (test)', 'failure']].forEach(function (b) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = b[0];
      button.style.cssText = 'display:block;margin-top:12px;padding:8px 12px';
      button.onclick = function () { finish(b[1]); };
      card.appendChild(button);
    });
    overlay.appendChild(card);
    document.body.appendChild(overlay);
  };
  window.Razorpay = Razorpay;
})();
`;
