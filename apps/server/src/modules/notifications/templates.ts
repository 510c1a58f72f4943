import type { NotificationType } from './notify';

interface Text {
  title: string;
  body: string;
}

/**
 * English and Hindi text for every notification. `{name}` interpolates `data.name`; `{amount}` is
 * `data.amountPaise` in rupees; a missing value renders as an empty string, never as "{name}".
 */
export const TEMPLATES: Record<NotificationType, { en: Text; hi: Text }> = {
  BOOKING_REQUESTED: {
    en: {
      title: 'New booking request',
      body: '{customerName} requested {serviceName} on {when} (booking {bookingNumber}). Respond soon.',
    },
    hi: {
      title: 'नई बुकिंग का अनुरोध',
      body: '{customerName} ने {when} को {serviceName} का अनुरोध किया है (बुकिंग {bookingNumber})। जल्दी जवाब दें।',
    },
  },
  BOOKING_CONFIRMED: {
    en: { title: 'Booking confirmed', body: '{providerName} confirmed booking {bookingNumber} for {when}.' },
    hi: { title: 'बुकिंग कन्फर्म हो गई', body: '{providerName} ने {when} के लिए बुकिंग {bookingNumber} कन्फर्म कर दी है।' },
  },
  BOOKING_REJECTED: {
    en: { title: 'Booking declined', body: '{providerName} could not take booking {bookingNumber}. {reason}' },
    hi: { title: 'बुकिंग अस्वीकार हुई', body: '{providerName} बुकिंग {bookingNumber} नहीं ले सके। {reason}' },
  },
  BOOKING_EXPIRED: {
    en: { title: 'Booking request expired', body: 'Booking {bookingNumber} was not answered in time. Try another professional.' },
    hi: {
      title: 'बुकिंग अनुरोध की समय-सीमा समाप्त',
      body: 'बुकिंग {bookingNumber} का समय पर जवाब नहीं मिला। किसी और प्रोफेशनल को आज़माएं।',
    },
  },
  BOOKING_CANCELLED: {
    en: { title: 'Booking cancelled', body: 'Booking {bookingNumber} was cancelled. {reason}' },
    hi: { title: 'बुकिंग रद्द हुई', body: 'बुकिंग {bookingNumber} रद्द कर दी गई है। {reason}' },
  },
  BOOKING_RESCHEDULE_PROPOSED: {
    en: { title: 'New time proposed', body: 'A new time {when} was proposed for booking {bookingNumber}. Accept or decline it.' },
    hi: { title: 'नया समय प्रस्तावित', body: 'बुकिंग {bookingNumber} के लिए नया समय {when} प्रस्तावित है। स्वीकार या अस्वीकार करें।' },
  },
  BOOKING_RESCHEDULED: {
    en: { title: 'Booking rescheduled', body: 'Booking {bookingNumber} is now on {when}.' },
    hi: { title: 'बुकिंग का समय बदला', body: 'बुकिंग {bookingNumber} अब {when} को है।' },
  },
  PROVIDER_ON_THE_WAY: {
    en: {
      title: 'Your professional is on the way',
      body: '{providerName} is on the way for booking {bookingNumber}. Track them live in the app.',
    },
    hi: { title: 'आपके प्रोफेशनल रास्ते में हैं', body: '{providerName} बुकिंग {bookingNumber} के लिए रास्ते में हैं। ऐप में लाइव ट्रैक करें।' },
  },
  JOB_STARTED: {
    en: { title: 'Job started', body: '{providerName} started work on booking {bookingNumber}.' },
    hi: { title: 'काम शुरू हुआ', body: '{providerName} ने बुकिंग {bookingNumber} का काम शुरू कर दिया है।' },
  },
  JOB_COMPLETED: {
    en: { title: 'Job completed', body: 'Booking {bookingNumber} is complete. Please confirm and rate {providerName}.' },
    hi: { title: 'काम पूरा हुआ', body: 'बुकिंग {bookingNumber} पूरी हो गई है। कृपया पुष्टि करें और {providerName} को रेटिंग दें।' },
  },
  PAYMENT_RECORDED: {
    en: { title: 'Payment received', body: 'We received {amount} for booking {bookingNumber}. Thank you!' },
    hi: { title: 'भुगतान प्राप्त हुआ', body: 'बुकिंग {bookingNumber} के लिए {amount} प्राप्त हुए। धन्यवाद!' },
  },
  REFUND_ISSUED: {
    en: { title: 'Refund issued', body: 'A refund of {amount} for booking {bookingNumber} is on its way to you.' },
    hi: { title: 'रिफंड जारी हुआ', body: 'बुकिंग {bookingNumber} का {amount} का रिफंड आपको भेजा जा रहा है।' },
  },
  // To admins: the customer is still owed the money until someone sends it again.
  REFUND_FAILED: {
    en: {
      title: 'Refund failed',
      body: 'The payment gateway could not refund {amount} for booking {bookingNumber}. Send it again from Money (refunds: failed).',
    },
    hi: {
      title: 'रिफ़ंड विफल',
      body: 'पेमेंट गेटवे बुकिंग {bookingNumber} का {amount} का रिफ़ंड नहीं कर सका। इसे "पैसा" में (रिफ़ंड: विफल) से दोबारा भेजें।',
    },
  },
  REVIEW_RECEIVED: {
    en: { title: 'New review', body: '{customerName} rated you {rating}★ for booking {bookingNumber}.' },
    hi: { title: 'नई समीक्षा', body: '{customerName} ने बुकिंग {bookingNumber} के लिए आपको {rating}★ दिए।' },
  },
  KYC_VERIFIED: {
    en: { title: 'Aadhaar verified', body: 'Your Aadhaar verification is complete.' },
    hi: { title: 'आधार सत्यापित', body: 'आपका आधार सत्यापन पूरा हो गया है।' },
  },
  BACKGROUND_CHECK_PASSED: {
    en: { title: 'Background check passed', body: 'Your background verification is complete. You now show the verified badge.' },
    hi: { title: 'बैकग्राउंड जांच पास', body: 'आपकी बैकग्राउंड जांच पूरी हो गई है। अब आपके प्रोफ़ाइल पर सत्यापित बैज दिखेगा।' },
  },
  BACKGROUND_CHECK_FAILED: {
    en: { title: 'Background check not cleared', body: 'Your background verification was not cleared. {reason}' },
    hi: { title: 'बैकग्राउंड जांच पास नहीं हुई', body: 'आपकी बैकग्राउंड जांच पास नहीं हुई। {reason}' },
  },
  PROVIDER_SUBMITTED: {
    en: { title: 'Profile submitted', body: 'Your profile is under review. We will let you know within 48 hours.' },
    hi: { title: 'प्रोफ़ाइल जमा हो गई', body: 'आपकी प्रोफ़ाइल की समीक्षा हो रही है। हम 48 घंटों में सूचित करेंगे।' },
  },
  PROVIDER_APPROVED: {
    en: { title: 'You are approved!', body: 'Your profile is live. Customers can now find and book you.' },
    hi: { title: 'आप स्वीकृत हो गए!', body: 'आपकी प्रोफ़ाइल लाइव है। अब ग्राहक आपको ढूंढकर बुक कर सकते हैं।' },
  },
  PROVIDER_REJECTED: {
    en: { title: 'Profile not approved', body: 'Your profile was not approved. Reason: {reason}' },
    hi: { title: 'प्रोफ़ाइल स्वीकृत नहीं हुई', body: 'आपकी प्रोफ़ाइल स्वीकृत नहीं हुई। कारण: {reason}' },
  },
  PROVIDER_SUSPENDED: {
    en: { title: 'Account suspended', body: 'Your provider account is suspended. Reason: {reason}' },
    hi: { title: 'खाता निलंबित', body: 'आपका प्रोवाइडर खाता निलंबित कर दिया गया है। कारण: {reason}' },
  },
  PROVIDER_REINSTATED: {
    en: { title: 'Account reinstated', body: 'Your provider account is active again.' },
    hi: { title: 'खाता फिर से सक्रिय', body: 'आपका प्रोवाइडर खाता फिर से सक्रिय हो गया है।' },
  },
  PAYOUT_PROCESSED: {
    en: { title: 'Payout sent', body: '{amount} was sent to your account (reference {reference}).' },
    hi: { title: 'भुगतान भेजा गया', body: '{amount} आपके खाते में भेज दिए गए हैं (संदर्भ {reference})।' },
  },
  PAYOUT_FAILED: {
    en: { title: 'Payout failed', body: 'We could not send {amount} to your account. Please check your bank details. {reason}' },
    hi: { title: 'भुगतान विफल', body: 'हम {amount} आपके खाते में नहीं भेज सके। कृपया अपना बैंक विवरण जांचें। {reason}' },
  },
  BOOKING_DISPUTED: {
    en: {
      title: 'Booking disputed',
      body: '{customerName} raised a dispute on booking {bookingNumber} ({serviceName}): {reason}. Our team will review it.',
    },
    hi: {
      title: 'बुकिंग पर विवाद',
      body: '{customerName} ने बुकिंग {bookingNumber} ({serviceName}) पर विवाद उठाया है: {reason}। हमारी टीम इसकी जांच करेगी।',
    },
  },
  DISPUTE_RESOLVED: {
    en: { title: 'Dispute resolved', body: 'The dispute on booking {bookingNumber} was resolved. {resolution} {note}' },
    hi: { title: 'विवाद सुलझ गया', body: 'बुकिंग {bookingNumber} पर विवाद सुलझा दिया गया है। {resolutionHi} {note}' },
  },
  CHAT_MESSAGE: {
    en: { title: 'New message from {senderName}', body: '{preview}' },
    hi: { title: '{senderName} का नया संदेश', body: '{preview}' },
  },
};

function formatValue(key: string, data: Record<string, unknown>, lang: 'en' | 'hi'): string {
  if (key === 'amount') {
    const p = data.amountPaise;
    if (typeof p !== 'number') return '';
    return `₹${(p / 100).toLocaleString('en-IN', { minimumFractionDigits: p % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;
  }
  if (key === 'when') {
    const v = data.scheduledStart ?? data.when;
    if (typeof v !== 'string' && !(v instanceof Date)) return '';
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) return String(v);
    return d.toLocaleString(lang === 'hi' ? 'hi-IN' : 'en-IN', {
      timeZone: 'Asia/Kolkata',
      day: 'numeric',
      month: 'short',
      hour: 'numeric',
      minute: '2-digit',
    });
  }
  const v = data[key];
  return v === undefined || v === null ? '' : String(v);
}

/** The title and body of a notification in `lang`, values interpolated; extra spaces from empty values trimmed. */
export function renderNotification(type: NotificationType, lang: 'en' | 'hi', data: Record<string, unknown>): Text {
  const t = TEMPLATES[type][lang];
  const fill = (s: string) =>
    s
      .replace(/\{(\w+)\}/g, (_, k: string) => formatValue(k, data, lang))
      .replace(/\s{2,}/g, ' ')
      .replace(/\s+([।.!,)])/g, '$1')
      .trim();
  return { title: fill(t.title), body: fill(t.body) };
}
