import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { createFcmPush, type ServiceAccount } from './fcm';
import { createLocalPush } from './local';
import type { PushSender } from './port';

export function createPushSender(config: Config, db: Db): PushSender {
  if (config.PUSH_PROVIDER === 'fcm') {
    if (!config.FCM_PROJECT_ID || !config.FCM_SERVICE_ACCOUNT_JSON) {
      throw new Error('PUSH_PROVIDER=fcm needs FCM_PROJECT_ID and FCM_SERVICE_ACCOUNT_JSON');
    }
    const serviceAccount = JSON.parse(config.FCM_SERVICE_ACCOUNT_JSON) as ServiceAccount;
    return createFcmPush({ projectId: config.FCM_PROJECT_ID, serviceAccount, baseUrl: config.FCM_BASE_URL });
  }
  return createLocalPush(db);
}
