import type { Config } from '../../config';
import type { Executor } from '../../db/client';
import { createLocalSms } from './local';
import { createMsg91Sms } from './msg91';
import type { SmsSender } from './port';
import { createTwilioSms } from './twilio';

/** Picks the adapter from config.SMS_PROVIDER; refuses to start with missing vendor credentials. */
export function createSmsSender(config: Config, db: Executor): SmsSender {
  switch (config.SMS_PROVIDER) {
    case 'msg91':
      if (!config.MSG91_AUTH_KEY || !config.MSG91_TEMPLATE_ID) {
        throw new Error('Invalid configuration:\n  - MSG91_AUTH_KEY and MSG91_TEMPLATE_ID are required when SMS_PROVIDER=msg91');
      }
      return createMsg91Sms({
        authKey: config.MSG91_AUTH_KEY,
        templateId: config.MSG91_TEMPLATE_ID,
        baseUrl: config.MSG91_BASE_URL,
      });
    case 'twilio':
      if (!config.TWILIO_ACCOUNT_SID || !config.TWILIO_AUTH_TOKEN || !config.TWILIO_FROM) {
        throw new Error(
          'Invalid configuration:\n  - TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM are required when SMS_PROVIDER=twilio',
        );
      }
      return createTwilioSms({
        accountSid: config.TWILIO_ACCOUNT_SID,
        authToken: config.TWILIO_AUTH_TOKEN,
        from: config.TWILIO_FROM,
        baseUrl: config.TWILIO_BASE_URL,
      });
    default:
      return createLocalSms(db);
  }
}
export type { SmsMessage, SmsSender } from './port';
