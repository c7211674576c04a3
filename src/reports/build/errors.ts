// Report requests that cannot be served: an unknown place or a place of the wrong kind (404 on the API).
import { UserError } from '../../server/errors.ts';

export const reportNotFound = (whatVi: string, whatEn: string, id: string) =>
  new UserError(404, 'not_found', `Không tìm thấy ${whatVi} "${id}".`, `No ${whatEn} "${id}".`);

export const reportBadRequest = (vi: string, en: string) => new UserError(400, 'invalid_request', vi, en);
